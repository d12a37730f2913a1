import { ListPage } from '../../../components/ListPage'
import { useT } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'

export function DispositionCodesList() {
  const t = useT()
  const { can } = useSession()
  return (
    <ListPage
      title={t('returns.setup.dispositions.title')}
      method="dispositionCodes.list"
      defaultSort="code"
      exportName={t('returns.setup.dispositions.exportName')}
      searchPlaceholder={t('masterdata.field.codeOrName')}
      newPath={can('returns.configure') ? '/disposition-codes/new' : undefined}
      newLabel={t('returns.setup.dispositions.new')}
      rowPath={(r) => `/disposition-codes/${r.id}`}
      columns={[
        { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 160 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        {
          key: 'action',
          label: t('returns.setup.dispositions.action'),
          sort: 'action',
          render: (r) => t(`enums.dispositionAction.${r.action}`)
        }
      ]}
    />
  )
}
