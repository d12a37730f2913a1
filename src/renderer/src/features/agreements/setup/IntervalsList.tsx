import { ListPage } from '../../../components/ListPage'
import { useSession } from '../../../lib/session'
import { intervalText } from './intervalText'

export function IntervalsList() {
  const { can } = useSession()
  return (
    <ListPage
      title="Service intervals"
      method="serviceIntervals.list"
      defaultSort="code"
      exportName="service-intervals"
      searchPlaceholder="Code or name"
      newPath={can('agreements.configure') ? '/service-intervals/new' : undefined}
      newLabel="New interval"
      rowPath={(r) => `/service-intervals/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 160 },
        { key: 'name', label: 'Name', sort: 'name' },
        { key: 'every', label: 'Repeats', width: 200, render: (r) => intervalText(r) }
      ]}
    />
  )
}
