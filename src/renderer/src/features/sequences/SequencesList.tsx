import { Code } from '@mantine/core'
import { ListPage } from '../../components/ListPage'
import { useSession } from '../../lib/session'

export function SequencesList() {
  const { can } = useSession()
  return (
    <ListPage
      title="Number sequences"
      method="numberSequences.list"
      defaultSort="code"
      exportName="number-sequences"
      searchPlaceholder="Code or name"
      newPath={can('numberSequences.write') ? '/sequences/new' : undefined}
      newLabel="New sequence"
      rowPath={(r) => `/sequences/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 160 },
        { key: 'name', label: 'Name', sort: 'name' },
        { key: 'prefix', label: 'Prefix', width: 100, render: (r) => r.prefix || '—' },
        {
          key: 'nextNumber',
          label: 'Next number',
          align: 'right',
          width: 120,
          render: (r) => r.nextNumber.toLocaleString('en').replace(/,/g, ' ')
        },
        { key: 'preview', label: 'Next document gets', width: 180, render: (r) => <Code>{r.preview}</Code> }
      ]}
    />
  )
}
