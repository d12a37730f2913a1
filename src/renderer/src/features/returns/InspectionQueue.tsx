import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'

/** Lines in quarantine, oldest arrival first; each opens its return, where the inspector sets the disposition. */
export function InspectionQueue() {
  const t = useT()
  const f = useFormat()
  return (
    <ListPage
      title={t('returns.inspection.title')}
      method="returnInspection.list"
      defaultSort="registeredAt"
      exportName={t('returns.inspection.exportName')}
      searchPlaceholder={t('returns.list.searchPlaceholder')}
      rowPath={(r) => `/returns/${r.returnId}`}
      columns={[
        { key: 'number', label: t('returns.list.number'), sort: 'number', width: 120 },
        { key: 'customerName', label: t('returns.list.customer') },
        { key: 'lineNo', label: t('returns.inspection.line'), width: 60 },
        { key: 'description', label: t('returns.page.item') },
        { key: 'serialNumber', label: t('returns.page.serial') },
        { key: 'quantity', label: t('returns.page.quantity'), align: 'right', render: (r) => f.quantity(r.quantity) },
        { key: 'registeredAt', label: t('returns.inspection.arrived'), sort: 'registeredAt', render: (r) => f.dateTime(r.registeredAt) }
      ]}
    />
  )
}
