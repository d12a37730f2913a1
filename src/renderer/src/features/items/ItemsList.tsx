import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

export function ItemsList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const [active, setActive] = useState<string>('active')
  return (
    <ListPage
      title={t('masterdata.items.title')}
      method="items.list"
      defaultSort="number"
      exportName="items"
      searchPlaceholder={t('masterdata.items.search')}
      filters={{ active: active === 'all' ? null : active === 'active' }}
      filterControls={
        <Select
          size="xs"
          w={120}
          data={[
            { value: 'active', label: t('masterdata.filter.active') },
            { value: 'inactive', label: t('masterdata.filter.inactive') },
            { value: 'all', label: t('masterdata.filter.all') }
          ]}
          value={active}
          onChange={(v) => setActive(v ?? 'all')}
          aria-label={t('masterdata.filter.activeAria')}
          allowDeselect={false}
        />
      }
      newPath={can('catalog.write') ? '/items/new' : undefined}
      newLabel={t('masterdata.items.new')}
      rowPath={(r) => `/items/${r.id}`}
      columns={[
        { key: 'number', label: t('masterdata.field.no'), sort: 'number', width: 140 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'unit', label: t('masterdata.field.unit'), width: 70 },
        {
          key: 'costPrice',
          label: t('masterdata.field.costPrice'),
          sort: 'costPrice',
          align: 'right',
          width: 120,
          render: (r) => f.money(r.costPrice)
        },
        {
          key: 'salesPrice',
          label: t('masterdata.field.salesPrice'),
          sort: 'salesPrice',
          align: 'right',
          width: 120,
          render: (r) => f.money(r.salesPrice)
        },
        {
          key: 'flags',
          label: '',
          width: 150,
          render: (r) => (
            <>
              {r.serialTracked && (
                <Badge size="xs" variant="light" mr={4}>
                  {t('masterdata.items.serialBadge')}
                </Badge>
              )}
              {!r.active && (
                <Badge size="xs" color="gray" variant="light">
                  {t('masterdata.filter.inactiveBadge')}
                </Badge>
              )}
            </>
          )
        }
      ]}
    />
  )
}
