import { ListPage } from '../../components/ListPage'
import { useSession } from '../auth/queries'

/** Why a target was missed or a clock cancelled (e.g. "CUST · Customer not reachable"). */
export function SlaReasonsList() {
  const { can } = useSession()
  return (
    <ListPage
      title="SLA reason codes"
      method="slaReasons.list"
      defaultSort="code"
      exportName="sla-reasons"
      searchPlaceholder="Code or name"
      newPath={can('sla.configure') ? '/sla-reasons/new' : undefined}
      newLabel="New reason"
      rowPath={(r) => `/sla-reasons/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 160 },
        { key: 'name', label: 'Name', sort: 'name' }
      ]}
    />
  )
}
