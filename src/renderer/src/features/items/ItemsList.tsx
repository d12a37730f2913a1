import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
import { ListPage } from '../../components/ListPage'
import { formatMoney } from '../../lib/format'
import { useSession } from '../../lib/session'

export function ItemsList() {
  const { can } = useSession()
  const [active, setActive] = useState<string>('active')
  return (
    <ListPage
      title="Items"
      method="items.list"
      defaultSort="number"
      exportName="items"
      searchPlaceholder="Number or name"
      filters={{ active: active === 'all' ? null : active === 'active' }}
      filterControls={
        <Select
          size="xs"
          w={120}
          data={[
            { value: 'active', label: 'Active' },
            { value: 'inactive', label: 'Inactive' },
            { value: 'all', label: 'All' }
          ]}
          value={active}
          onChange={(v) => setActive(v ?? 'all')}
          aria-label="Active filter"
          allowDeselect={false}
        />
      }
      newPath={can('catalog.write') ? '/items/new' : undefined}
      newLabel="New item"
      rowPath={(r) => `/items/${r.id}`}
      columns={[
        { key: 'number', label: 'No.', sort: 'number', width: 140 },
        { key: 'name', label: 'Name', sort: 'name' },
        { key: 'unit', label: 'Unit', width: 70 },
        { key: 'costPrice', label: 'Cost price', sort: 'costPrice', align: 'right', width: 120, render: (r) => formatMoney(r.costPrice) },
        {
          key: 'salesPrice',
          label: 'Sales price',
          sort: 'salesPrice',
          align: 'right',
          width: 120,
          render: (r) => formatMoney(r.salesPrice)
        },
        {
          key: 'flags',
          label: '',
          width: 150,
          render: (r) => (
            <>
              {r.serialTracked && (
                <Badge size="xs" variant="light" mr={4}>
                  serial no.
                </Badge>
              )}
              {!r.active && (
                <Badge size="xs" color="gray" variant="light">
                  inactive
                </Badge>
              )}
            </>
          )
        }
      ]}
    />
  )
}
