import { ListPage } from '../../../components/ListPage'
import { useT } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'
import { windowText } from './windowText'

export function TimeWindowsList() {
  const t = useT()
  const { can } = useSession()
  return (
    <ListPage
      title={t('agreements.timeWindows.title')}
      method="timeWindows.list"
      defaultSort="code"
      exportName="time-windows"
      searchPlaceholder={t('masterdata.field.codeOrName')}
      newPath={can('agreements.configure') ? '/time-windows/new' : undefined}
      newLabel={t('agreements.timeWindows.new')}
      rowPath={(r) => `/time-windows/${r.id}`}
      columns={[
        { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 160 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'kind', label: t('agreements.timeWindows.mayMove'), width: 320, render: (r) => windowText(t, r) }
      ]}
    />
  )
}
