import { Grid, Input, SegmentedControl, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { categoryInput, LINE_CATEGORY_TYPES, type CategoryRow } from '@shared/domain/masterdata'
import { MoneyInput } from '../../components/MoneyInput'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import type { CategoryType } from './types'

type Values = Omit<CategoryRow, 'id' | 'version'>
const empty: Values = { code: '', name: '', type: 'hour', unit: 'h', costPrice: 0, salesPrice: 0 }
const toForm = (r: CategoryRow): Values => ({
  code: r.code,
  name: r.name,
  type: r.type,
  unit: r.unit,
  costPrice: r.costPrice,
  salesPrice: r.salesPrice
})

export function CategoryPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const readOnly = !can('catalog.write')
  const e = useEditor<CategoryRow, Values>({
    entity: 'categories',
    label: t('masterdata.categories.one'),
    id: recordId,
    schema: categoryInput,
    empty,
    toForm,
    pathOf: (i) => `/categories/${i}`,
    listPath: '/categories'
  })
  const { form } = e

  // The unit a new category of this type usually has, in the user's language ("pcs" / "tk").
  const unitOf = (type: CategoryType) => t(`masterdata.categories.units.${type}`)
  const setType = (type: CategoryType) => {
    // A new category follows its type's usual unit until the user sets one.
    if (e.isNew && form.values.unit === unitOf(form.values.type)) form.setFieldValue('unit', unitOf(type))
    form.setFieldValue('type', type)
  }

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('masterdata.categories.one')}
      subtitle={e.record ? t(`masterdata.categories.types.${e.record.type}`) : undefined}
      listLabel={t('masterdata.categories.title')}
      listPath="/categories"
      editor={e}
      readOnly={readOnly}
      deleteWhat={t('masterdata.categories.deleteWhat')}
      audit={{ entity: 'category', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <Input.Wrapper label={t('masterdata.categories.type')} withAsterisk error={form.errors.type}>
            <SegmentedControl
              fullWidth
              size="sm"
              disabled={readOnly}
              data={LINE_CATEGORY_TYPES.map((c) => ({ value: c, label: t(`masterdata.categories.types.${c}`) }))}
              value={form.values.type}
              onChange={(v) => setType(v as CategoryType)}
            />
          </Input.Wrapper>
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label={t('masterdata.field.unit')} withAsterisk {...form.getInputProps('unit')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label={t('masterdata.categories.defaultCostPrice')}
            value={form.values.costPrice}
            onChange={(v) => form.setFieldValue('costPrice', v)}
            error={form.errors.costPrice}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label={t('masterdata.categories.defaultSalesPrice')}
            value={form.values.salesPrice}
            onChange={(v) => form.setFieldValue('salesPrice', v)}
            error={form.errors.salesPrice}
          />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
