import { Select } from '@mantine/core'
import { useState } from 'react'
import { STOCK_LOCATIONS, type StockLocation } from '@shared/domain/returns'
import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'

/** What returns put where: on hand per item and location, summed from the stock journal; each row opens its item. */
export function StockJournal() {
  const t = useT()
  const f = useFormat()
  const [location, setLocation] = useState<StockLocation | null>(null)
  return (
    <ListPage
      title={t('returns.stock.title')}
      method="returnStock.list"
      defaultSort="itemNumber"
      exportName={t('returns.stock.exportName')}
      searchPlaceholder={t('returns.stock.searchPlaceholder')}
      filters={{ location }}
      filterControls={
        <Select
          size="xs"
          w={160}
          placeholder={t('returns.stock.anyLocation')}
          aria-label={t('returns.stock.location')}
          clearable
          data={STOCK_LOCATIONS.map((l) => ({ value: l, label: t(`enums.stockLocation.${l}`) }))}
          value={location}
          onChange={(v) => setLocation(v as StockLocation | null)}
        />
      }
      rowPath={(r) => `/items/${r.itemId}`}
      columns={[
        { key: 'itemNumber', label: t('returns.stock.item'), sort: 'itemNumber', width: 140 },
        { key: 'itemName', label: t('returns.stock.name') },
        { key: 'location', label: t('returns.stock.location'), sort: 'location', render: (r) => t(`enums.stockLocation.${r.location}`) },
        { key: 'onHand', label: t('returns.stock.onHand'), sort: 'onHand', align: 'right', render: (r) => f.quantity(r.onHand) }
      ]}
    />
  )
}
