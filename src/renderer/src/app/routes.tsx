import { Navigate, Route, Routes } from 'react-router'
import { CustomerPage } from '../features/customers/CustomerPage'
import { CustomersList } from '../features/customers/CustomersList'
import { ServiceObjectPage } from '../features/serviceObjects/ServiceObjectPage'
import { ServiceObjectsList } from '../features/serviceObjects/ServiceObjectsList'

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/customers" replace />} />
      <Route path="/customers" element={<CustomersList />} />
      <Route path="/customers/:id" element={<CustomerPage />} />
 <Route path="/service-objects" element={<ServiceObjectsList />} />
      <Route path="/service-objects/:id" element={<ServiceObjectPage />} />
      <Route path="*" element={<Navigate to="/customers" replace />} />
    </Routes>
  )
}
