import { ListPage } from '../../components/ListPage'
import { useSession } from '../../lib/session'

export function TeamsList() {
  const { can } = useSession()
  return (
    <ListPage
      title="Dispatch teams"
      method="dispatchTeams.list"
      defaultSort="code"
      exportName="dispatch-teams"
      searchPlaceholder="Code or name"
      newPath={can('resources.write') ? '/teams/new' : undefined}
      newLabel="New team"
      rowPath={(r) => `/teams/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 140 },
        { key: 'name', label: 'Name', sort: 'name' },
        { key: 'ownerName', label: 'Owner', render: (r) => r.ownerName ?? '—' },
        { key: 'memberCount', label: 'Members', align: 'right', width: 90 }
      ]}
    />
  )
}
