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
import { ImportPage } from '../features/import/ImportPage'
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
import { RepairCodePage } from '../features/repair/RepairCodePage'
import { RepairCodesList } from '../features/repair/RepairCodesList'
import { RepairHistory } from '../features/repair/RepairHistory'
import { RepairAnalysisPage } from '../features/repair/RepairAnalysisPage'
import { BomTemplatePage } from '../features/repair/BomTemplatePage'
import { BomTemplatesList } from '../features/repair/BomTemplatesList'
import { InvoicePage } from '../features/invoices/InvoicePage'
import { InvoicesList } from '../features/invoices/InvoicesList'
import { InspectionQueue } from '../features/returns/InspectionQueue'
import { DispositionCodePage } from '../features/returns/setup/DispositionCodePage'
import { DispositionCodesList } from '../features/returns/setup/DispositionCodesList'
import { ReturnReasonPage } from '../features/returns/setup/ReturnReasonPage'
import { ReturnReasonsList } from '../features/returns/setup/ReturnReasonsList'
import { ReturnPage } from '../features/returns/ReturnPage'
import { ReturnsList } from '../features/returns/ReturnsList'
import { StockJournal } from '../features/returns/StockJournal'
import { BankStatementPage } from '../features/bank/BankStatementPage'
import { BankStatementsList } from '../features/bank/BankStatementsList'
import { OrderByNumber } from '../features/orders/OrderByNumber'
import { OrderPage } from '../features/orders/OrderPage'
import { OrdersList } from '../features/orders/OrdersList'
import { StagePage } from '../features/stages/StagePage'
import { StagesPage } from '../features/stages/StagesPage'
import { AgreementPage } from '../features/agreements/AgreementPage'
import { AgreementsList } from '../features/agreements/AgreementsList'
import { IntervalPage } from '../features/agreements/setup/IntervalPage'
import { IntervalsList } from '../features/agreements/setup/IntervalsList'
import { TemplateGroupPage } from '../features/agreements/setup/TemplateGroupPage'
import { TemplateGroupsTree } from '../features/agreements/setup/TemplateGroupsTree'
import { TimeWindowPage } from '../features/agreements/setup/TimeWindowPage'
import { TimeWindowsList } from '../features/agreements/setup/TimeWindowsList'
import { GroupPage as SubscriptionGroupPage } from '../features/subscriptions/GroupPage'
import { GroupsList as SubscriptionGroupsList } from '../features/subscriptions/GroupsList'
import { PricePage } from '../features/subscriptions/PricePage'
import { PricesList } from '../features/subscriptions/PricesList'
import { RevenuePage } from '../features/subscriptions/RevenuePage'
import { SubscriptionPage } from '../features/subscriptions/SubscriptionPage'
import { SubscriptionsList } from '../features/subscriptions/SubscriptionsList'
import { AtRiskList } from '../features/sla/AtRiskList'
import { CompliancePage } from '../features/sla/CompliancePage'
import { ReportsPage } from '../features/reports/ReportsPage'
import { SlaPage } from '../features/sla/SlaPage'
import { SlasList } from '../features/sla/SlasList'
import { DispatchPage } from '../features/dispatch/DispatchPage'
import { MyWork } from '../features/dispatch/MyWork'
import { DispatcherHome } from '../features/home/DispatcherHome'
import { ManagerHome } from '../features/home/ManagerHome'
import { landingPath } from '@shared/auth/workspace'
import { useSession } from '../lib/session'

export function AppRoutes() {
  const { user } = useSession()
  const landing = landingPath(user?.roles ?? [])
  return (
    <Routes>
      <Route path="/" element={<Navigate to={landing} replace />} />
      <Route path="/customers" element={<CustomersList />} />
      <Route
        path="/customers/:id"
        element={
          <PerRecord>
            <CustomerPage />
          </PerRecord>
        }
      />
      <Route path="/service-objects" element={<ServiceObjectsList />} />
      <Route
        path="/service-objects/:id"
        element={
          <PerRecord>
            <ServiceObjectPage />
          </PerRecord>
        }
      />
      {/* service orders, invoices and the order workflow */}
      <Route path="/orders" element={<OrdersList />} />
      <Route
        path="/orders/by-number/:number"
        element={
          <PerRecord>
            <OrderByNumber />
          </PerRecord>
        }
      />
      <Route
        path="/orders/:id"
        element={
          <PerRecord>
            <OrderPage />
          </PerRecord>
        }
      />
      <Route path="/invoices" element={<InvoicesList />} />
      <Route
        path="/invoices/:id"
        element={
          <PerRecord>
            <InvoicePage />
          </PerRecord>
        }
      />
      <Route path="/returns" element={<ReturnsList />} />
      <Route path="/returns/inspection" element={<InspectionQueue />} />
      <Route path="/return-stock" element={<StockJournal />} />
      <Route
        path="/returns/:id"
        element={
          <PerRecord>
            <ReturnPage />
          </PerRecord>
        }
      />
      <Route path="/return-reasons" element={<ReturnReasonsList />} />
      <Route
        path="/return-reasons/:id"
        element={
          <PerRecord>
            <ReturnReasonPage />
          </PerRecord>
        }
      />
      <Route path="/return-reason-groups" element={<CodeTableList entity="returnReasonGroups" />} />
      <Route
        path="/return-reason-groups/:id"
        element={
          <PerRecord>
            <CodeTablePage entity="returnReasonGroups" />
          </PerRecord>
        }
      />
      <Route path="/disposition-codes" element={<DispositionCodesList />} />
      <Route
        path="/disposition-codes/:id"
        element={
          <PerRecord>
            <DispositionCodePage />
          </PerRecord>
        }
      />
      <Route path="/bank-statements" element={<BankStatementsList />} />
      <Route
        path="/bank-statements/:id"
        element={
          <PerRecord>
            <BankStatementPage />
          </PerRecord>
        }
      />
      <Route path="/stages" element={<StagesPage />} />
      <Route
        path="/stages/:id"
        element={
          <PerRecord>
            <StagePage />
          </PerRecord>
        }
      />
      <Route
        path="/stage-reasons/:id"
        element={
          <PerRecord>
            <CodeTablePage entity="stageReasons" />
          </PerRecord>
        }
      />
      {/* service agreements and their setup */}
      <Route path="/agreements" element={<AgreementsList />} />
      <Route
        path="/agreements/:id"
        element={
          <PerRecord>
            <AgreementPage />
          </PerRecord>
        }
      />
      <Route path="/agreement-groups" element={<CodeTableList entity="agreementGroups" />} />
      <Route
        path="/agreement-groups/:id"
        element={
          <PerRecord>
            <CodeTablePage entity="agreementGroups" />
          </PerRecord>
        }
      />
      <Route path="/service-intervals" element={<IntervalsList />} />
      <Route
        path="/service-intervals/:id"
        element={
          <PerRecord>
            <IntervalPage />
          </PerRecord>
        }
      />
      <Route path="/time-windows" element={<TimeWindowsList />} />
      <Route
        path="/time-windows/:id"
        element={
          <PerRecord>
            <TimeWindowPage />
          </PerRecord>
        }
      />
      <Route path="/template-groups" element={<TemplateGroupsTree />} />
      <Route
        path="/template-groups/:id"
        element={
          <PerRecord>
            <TemplateGroupPage />
          </PerRecord>
        }
      />
      {/* service subscriptions and their setup */}
      <Route path="/subscriptions" element={<SubscriptionsList />} />
      <Route
        path="/subscriptions/:id"
        element={
          <PerRecord>
            <SubscriptionPage />
          </PerRecord>
        }
      />
      <Route path="/subscription-revenue" element={<RevenuePage />} />
      <Route path="/subscription-groups" element={<SubscriptionGroupsList />} />
      <Route
        path="/subscription-groups/:id"
        element={
          <PerRecord>
            <SubscriptionGroupPage />
          </PerRecord>
        }
      />
      <Route path="/subscription-prices" element={<PricesList />} />
      <Route
        path="/subscription-prices/:id"
        element={
          <PerRecord>
            <PricePage />
          </PerRecord>
        }
      />
      {/* service-level agreements */}
      <Route path="/slas" element={<SlasList />} />
      <Route
        path="/slas/:id"
        element={
          <PerRecord>
            <SlaPage />
          </PerRecord>
        }
      />
      <Route path="/sla-reasons" element={<CodeTableList entity="slaReasons" />} />
      <Route
        path="/sla-reasons/:id"
        element={
          <PerRecord>
            <CodeTablePage entity="slaReasons" />
          </PerRecord>
        }
      />
      <Route path="/sla-at-risk" element={<AtRiskList />} />
      {/* dispatch board and a technician's own work */}
      <Route path="/dispatch" element={<DispatchPage />} />
      <Route path="/my-work" element={<MyWork />} />
      <Route path="/home/manager" element={<ManagerHome />} />
      <Route path="/home/dispatcher" element={<DispatcherHome />} />
      <Route path="/sla-compliance" element={<CompliancePage />} />
      {/* the manager's reports */}
      <Route path="/reports" element={<Navigate to="/reports/margin" replace />} />
      <Route path="/reports/:kind" element={<ReportsPage />} />
      {/* repair management */}
      <Route path="/repairs" element={<RepairHistory />} />
      <Route path="/repair-analysis" element={<RepairAnalysisPage />} />
      <Route path="/repair-codes" element={<RepairCodesList />} />
      <Route path="/bom-templates" element={<BomTemplatesList />} />
      <Route
        path="/bom-templates/:id"
        element={
          <PerRecord>
            <BomTemplatePage />
          </PerRecord>
        }
      />
      <Route
        path="/repair-codes/:id"
        element={
          <PerRecord>
            <RepairCodePage />
          </PerRecord>
        }
      />
      {/* master data: code tables, resources, catalogue, administration */}
      <Route path="/customer-groups" element={<CodeTableList entity="customerGroups" />} />
      <Route
        path="/customer-groups/:id"
        element={
          <PerRecord>
            <CodeTablePage entity="customerGroups" />
          </PerRecord>
        }
      />
      <Route path="/object-groups" element={<CodeTableList entity="serviceObjectGroups" />} />
      <Route
        path="/object-groups/:id"
        element={
          <PerRecord>
            <CodeTablePage entity="serviceObjectGroups" />
          </PerRecord>
        }
      />
      <Route path="/skills" element={<CodeTableList entity="skills" />} />
      <Route
        path="/skills/:id"
        element={
          <PerRecord>
            <CodeTablePage entity="skills" />
          </PerRecord>
        }
      />
      <Route path="/teams" element={<TeamsList />} />
      <Route
        path="/teams/:id"
        element={
          <PerRecord>
            <TeamPage />
          </PerRecord>
        }
      />
      <Route path="/workers" element={<WorkersList />} />
      <Route
        path="/workers/:id"
        element={
          <PerRecord>
            <WorkerPage />
          </PerRecord>
        }
      />
      <Route path="/items" element={<ItemsList />} />
      <Route
        path="/items/:id"
        element={
          <PerRecord>
            <ItemPage />
          </PerRecord>
        }
      />
      <Route path="/categories" element={<CategoriesList />} />
      <Route
        path="/categories/:id"
        element={
          <PerRecord>
            <CategoryPage />
          </PerRecord>
        }
      />
      <Route path="/tasks" element={<ServiceTasksList />} />
      <Route
        path="/tasks/:id"
        element={
          <PerRecord>
            <ServiceTaskPage />
          </PerRecord>
        }
      />
      <Route path="/users" element={<UsersList />} />
      <Route
        path="/users/:id"
        element={
          <PerRecord>
            <UserPage />
          </PerRecord>
        }
      />
      <Route path="/sequences" element={<SequencesList />} />
      <Route
        path="/sequences/:id"
        element={
          <PerRecord>
            <SequencePage />
          </PerRecord>
        }
      />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="/import" element={<ImportPage />} />
      <Route path="*" element={<Navigate to={landing} replace />} />
    </Routes>
  )
}
