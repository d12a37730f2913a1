import { ListPage } from '../../../components/ListPage'
import { useFormat, useT } from '../../../lib/i18n'
import { useSession } from '../../../lib/session'

export function ReturnReasonsList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  return (
    <ListPage
      title={t('returns.setup.reasons.title')}
      method="returnReasons.list"
      defaultSort="code"
      exportName={t('returns.setup.reasons.exportName')}
      searchPlaceholder={t('masterdata.field.codeOrName')}
      newPath={can('returns.configure') ? '/return-reasons/new' : undefined}
      newLabel={t('returns.setup.reasons.new')}
      rowPath={(r) => `/return-reasons/${r.id}`}
      columns={[
        { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 140 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'groupName', label: t('returns.setup.reasons.group') },
        {
          key: 'chargeAmount',
          label: t('returns.setup.reasons.charge'),
          align: 'right',
          render: (r) => (r.chargeAmount ? f.money(r.chargeAmount) : '')
        }
      ]}
    />
  )
}
