import { Badge, SegmentedControl } from '@mantine/core'
import { useState } from 'react'
import { LINE_CATEGORY_TYPES } from '@shared/domain/masterdata'
import { ListPage } from '../../components/ListPage'
import { formatMoney } from '../../lib/format'
import { useSession } from '../../lib/session'
import { CATEGORY_TYPE_COLORS, CATEGORY_TYPE_LABELS, type CategoryType } from './types'

export function CategoriesList() {
  const { can } = useSession()
  const [type, setType] = useState<CategoryType | 'all'>('all')
  return (
    <ListPage
      title="Categories"
      method="categories.list"
      defaultSort="code"
      exportName="categories"
      searchPlaceholder="Code or name"
      filters={{ type: type === 'all' ? null : type }}
      filterControls={
        <SegmentedControl
          size="xs"
          aria-label="Type filter"
          data={[{ value: 'all', label: 'All types' }, ...LINE_CATEGORY_TYPES.map((t) => ({ value: t, label: CATEGORY_TYPE_LABELS[t] }))]}
          value={type}
          onChange={(v) => setType(v as CategoryType | 'all')}
        />
      }
      newPath={can('catalog.write') ? '/categories/new' : undefined}
      newLabel="New category"
      rowPath={(r) => `/categories/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 140 },
        { key: 'name', label: 'Name', sort: 'name' },
        {
          key: 'type',
          label: 'Type',
          sort: 'type',
          width: 100,
          render: (r) => (
            <Badge size="xs" variant="light" color={CATEGORY_TYPE_COLORS[r.type]}>
              {CATEGORY_TYPE_LABELS[r.type]}
            </Badge>
          )
        },
        { key: 'unit', label: 'Unit', width: 70 },
        { key: 'costPrice', label: 'Default cost', align: 'right', width: 120, render: (r) => formatMoney(r.costPrice) },
        {
          key: 'salesPrice',
          label: 'Default sales price',
          sort: 'salesPrice',
          align: 'right',
          width: 150,
          render: (r) => formatMoney(r.salesPrice)
        }
      ]}
    />
  )
}
