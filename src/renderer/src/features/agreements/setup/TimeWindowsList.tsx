import { ListPage } from '../../../components/ListPage'
import { useSession } from '../../../lib/session'
import { windowText } from './windowText'

export function TimeWindowsList() {
  const { can } = useSession()
  return (
    <ListPage
      title="Time windows"
      method="timeWindows.list"
      defaultSort="code"
      exportName="time-windows"
      searchPlaceholder="Code or name"
      newPath={can('agreements.configure') ? '/time-windows/new' : undefined}
      newLabel="New time window"
      rowPath={(r) => `/time-windows/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 160 },
        { key: 'name', label: 'Name', sort: 'name' },
        { key: 'kind', label: 'A visit may move', width: 320, render: (r) => windowText(r) }
      ]}
    />
  )
}
