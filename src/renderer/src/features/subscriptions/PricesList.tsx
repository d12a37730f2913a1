import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

/** Sales prices of subscriptions at every level; the level says how specific a price is (7 = subscription + customer + category). */
export function PricesList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  return (
    <ListPage
      title={t('subscriptions.prices.title')}
      method="subscriptionPrices.list"
      defaultSort="validFrom"
      exportName="subscription-prices"
      searchPlaceholder={t('subscriptions.prices.search')}
      newPath={can('subscriptions.configure') ? '/subscription-prices/new' : undefined}
      newLabel={t('subscriptions.prices.new')}
      rowPath={(r) => `/subscription-prices/${r.id}`}
      columns={[
        { key: 'periodCode', label: t('subscriptions.prices.period'), width: 110, render: (r) => t(`enums.periodCode.${r.periodCode}`) },
        { key: 'currency', label: t('subscriptions.prices.currency'), width: 80 },
        {
          key: 'subscriptionNumber',
          label: t('subscriptions.prices.subscription'),
          width: 120,
          render: (r) => r.subscriptionNumber ?? '—'
        },
        { key: 'customerName', label: t('subscriptions.prices.customer'), render: (r) => r.customerName ?? '—' },
        { key: 'categoryName', label: t('subscriptions.prices.category'), render: (r) => r.categoryName ?? '—' },
        { key: 'level', label: t('subscriptions.prices.level'), sort: 'level', width: 70, align: 'right' },
        { key: 'validFrom', label: t('subscriptions.prices.validFrom'), sort: 'validFrom', width: 110, render: (r) => f.date(r.validFrom) },
        { key: 'validTo', label: t('subscriptions.prices.validTo'), width: 110, render: (r) => (r.validTo ? f.date(r.validTo) : '—') },
        {
          key: 'amount',
          label: t('subscriptions.prices.amount'),
          sort: 'amount',
          width: 120,
          align: 'right',
          render: (r) => f.money(r.amount, r.currency)
        }
      ]}
    />
  )
}
