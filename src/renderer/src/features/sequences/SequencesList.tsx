import { Code } from '@mantine/core'
import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

export function SequencesList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  return (
    <ListPage
      title={t('settings.sequences.title')}
      method="numberSequences.list"
      defaultSort="code"
      exportName="number-sequences"
      searchPlaceholder={t('settings.sequences.codeOrName')}
      newPath={can('numberSequences.write') ? '/sequences/new' : undefined}
      newLabel={t('settings.sequences.new')}
      rowPath={(r) => `/sequences/${r.id}`}
      columns={[
        { key: 'code', label: t('settings.sequences.code'), sort: 'code', width: 160 },
        { key: 'name', label: t('settings.sequences.name'), sort: 'name' },
        { key: 'prefix', label: t('settings.sequences.prefix'), width: 100, render: (r) => r.prefix || '—' },
        {
          key: 'nextNumber',
          label: t('settings.sequences.nextNumber'),
          align: 'right',
          width: 120,
          render: (r) => f.number(r.nextNumber)
        },
        { key: 'preview', label: t('settings.sequences.nextDocumentGets'), width: 180, render: (r) => <Code>{r.preview}</Code> }
      ]}
    />
  )
}
