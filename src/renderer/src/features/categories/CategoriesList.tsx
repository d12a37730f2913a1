import { Badge, SegmentedControl } from '@mantine/core'
import { useState } from 'react'
import { LINE_CATEGORY_TYPES } from '@shared/domain/masterdata'
import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { CATEGORY_TYPE_COLORS, type CategoryType } from './types'

export function CategoriesList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const [type, setType] = useState<CategoryType | 'all'>('all')
  return (
    <ListPage
      title={t('masterdata.categories.title')}
      method="categories.list"
      defaultSort="code"
      exportName="categories"
      searchPlaceholder={t('masterdata.field.codeOrName')}
      filters={{ type: type === 'all' ? null : type }}
      filterControls={
        <SegmentedControl
          size="xs"
          aria-label={t('masterdata.categories.typeAria')}
          data={[
            { value: 'all', label: t('masterdata.categories.allTypes') },
            ...LINE_CATEGORY_TYPES.map((c) => ({ value: c, label: t(`masterdata.categories.types.${c}`) }))
          ]}
          value={type}
          onChange={(v) => setType(v as CategoryType | 'all')}
        />
      }
      newPath={can('catalog.write') ? '/categories/new' : undefined}
      newLabel={t('masterdata.categories.new')}
      rowPath={(r) => `/categories/${r.id}`}
      columns={[
        { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 140 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        {
          key: 'type',
          label: t('masterdata.categories.type'),
          sort: 'type',
          width: 100,
          render: (r) => (
            <Badge size="xs" variant="light" color={CATEGORY_TYPE_COLORS[r.type]}>
              {t(`masterdata.categories.types.${r.type}`)}
            </Badge>
          )
        },
        { key: 'unit', label: t('masterdata.field.unit'), width: 70 },
        {
          key: 'costPrice',
          label: t('masterdata.categories.defaultCost'),
          align: 'right',
          width: 120,
          render: (r) => f.money(r.costPrice)
        },
        {
          key: 'salesPrice',
          label: t('masterdata.categories.defaultSalesPrice'),
          sort: 'salesPrice',
          align: 'right',
          width: 150,
          render: (r) => f.money(r.salesPrice)
        }
      ]}
    />
  )
}
