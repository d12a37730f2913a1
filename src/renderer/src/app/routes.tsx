import { Navigate, Route, Routes } from 'react-router'
import { PerRecord } from '../components/PerRecord'
import { CategoriesList } from '../features/categories/CategoriesList'
import { CategoryPage } from '../features/categories/CategoryPage'
import { CodeTableList } from '../features/codeTables/CodeTableList'
import { CodeTablePage } from '../features/codeTables/CodeTablePage'
import { ItemPage } from '../features/items/ItemPage'
import { ItemsList } from '../features/items/ItemsList'
import { SequencePage } from '../features/sequences/SequencePage'
import { SequencesList } from '../features/sequences/SequencesList'
import { ServiceTaskPage } from '../features/serviceTasks/ServiceTaskPage'
import { ServiceTasksList } from '../features/serviceTasks/ServiceTasksList'
import { SettingsPage } from '../features/settings/SettingsPage'
import { TeamPage } from '../features/teams/TeamPage'
import { TeamsList } from '../features/teams/TeamsList'
import { UserPage } from '../features/users/UserPage'
import { UsersList } from '../features/users/UsersList'
import { WorkerPage } from '../features/workers/WorkerPage'
import { WorkersList } from '../features/workers/WorkersList'
import { CustomerPage } from '../features/customers/CustomerPage'
import { CustomersList } from '../features/customers/CustomersList'
import { ServiceObjectPage } from '../features/serviceObjects/ServiceObjectPage'
import { ServiceObjectsList } from '../features/serviceObjects/ServiceObjectsList'

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/customers" replace />} />
      <Route path="/customers" element={<CustomersList />} />
      <Route path="/customers/:id" element={<PerRecord><CustomerPage /></PerRecord>} />
      <Route path="/service-objects" element={<ServiceObjectsList />} />
      <Route path="/service-objects/:id" element={<PerRecord><ServiceObjectPage /></PerRecord>} />
      {/* master data: code tables, resources, catalogue, administration */}
      <Route path="/customer-groups" element={<CodeTableList entity="customerGroups" />} />
      <Route path="/customer-groups/:id" element={<PerRecord><CodeTablePage entity="customerGroups" /></PerRecord>} />
      <Route path="/object-groups" element={<CodeTableList entity="serviceObjectGroups" />} />
      <Route path="/object-groups/:id" element={<PerRecord><CodeTablePage entity="serviceObjectGroups" /></PerRecord>} />
      <Route path="/skills" element={<CodeTableList entity="skills" />} />
      <Route path="/skills/:id" element={<PerRecord><CodeTablePage entity="skills" /></PerRecord>} />
      <Route path="/teams" element={<TeamsList />} />
      <Route path="/teams/:id" element={<PerRecord><TeamPage /></PerRecord>} />
      <Route path="/workers" element={<WorkersList />} />
      <Route path="/workers/:id" element={<PerRecord><WorkerPage /></PerRecord>} />
      <Route path="/items" element={<ItemsList />} />
      <Route path="/items/:id" element={<PerRecord><ItemPage /></PerRecord>} />
      <Route path="/categories" element={<CategoriesList />} />
      <Route path="/categories/:id" element={<PerRecord><CategoryPage /></PerRecord>} />
      <Route path="/tasks" element={<ServiceTasksList />} />
      <Route path="/tasks/:id" element={<PerRecord><ServiceTaskPage /></PerRecord>} />
      <Route path="/users" element={<UsersList />} />
      <Route path="/users/:id" element={<PerRecord><UserPage /></PerRecord>} />
      <Route path="/sequences" element={<SequencesList />} />
      <Route path="/sequences/:id" element={<PerRecord><SequencePage /></PerRecord>} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="*" element={<Navigate to="/customers" replace />} />
    </Routes>
  )
}
