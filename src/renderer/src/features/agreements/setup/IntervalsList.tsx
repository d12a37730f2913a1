import { ListPage } from '../../../components/ListPage'
import { useT } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { intervalText } from './intervalText'

export function IntervalsList() {
  const t = useT()
  const { can } = useSession()
  return (
    <ListPage
      title={t('agreements.intervals.title')}
      method="serviceIntervals.list"
      defaultSort="code"
      exportName="service-intervals"
      searchPlaceholder={t('masterdata.field.codeOrName')}
      newPath={can('agreements.configure') ? '/service-intervals/new' : undefined}
      newLabel={t('agreements.intervals.new')}
      rowPath={(r) => `/service-intervals/${r.id}`}
      columns={[
        { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 160 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'every', label: t('agreements.intervals.repeats'), width: 200, render: (r) => intervalText(t, r) }
      ]}
    />
  )
}
