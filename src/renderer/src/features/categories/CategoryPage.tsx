import { Grid, Input, SegmentedControl, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { categoryInput, LINE_CATEGORY_TYPES, type CategoryRow } from '@shared/domain/masterdata'
import { MoneyInput } from '../../components/MoneyInput'
import { RecordPage } from '../../components/RecordPage'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { CATEGORY_TYPE_LABELS, CATEGORY_TYPE_UNITS, type CategoryType } from './types'

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
  const { can } = useSession()
  const readOnly = !can('catalog.write')
  const e = useEditor<CategoryRow, Values>({
    entity: 'categories',
    label: 'Category',
    id: recordId,
    schema: categoryInput,
    empty,
    toForm,
    pathOf: (i) => `/categories/${i}`,
    listPath: '/categories'
  })
  const { form } = e

  const setType = (t: CategoryType) => {
    // A new category follows its type's usual unit until the user sets one.
    if (e.isNew && form.values.unit === CATEGORY_TYPE_UNITS[form.values.type]) form.setFieldValue('unit', CATEGORY_TYPE_UNITS[t])
    form.setFieldValue('type', t)
  }

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : 'Category'}
      subtitle={e.record ? CATEGORY_TYPE_LABELS[e.record.type] : undefined}
      listLabel="Categories"
      listPath="/categories"
      editor={e}
      readOnly={readOnly}
      deleteWhat="the category"
      audit={{ entity: 'category', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label="Code" withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <Input.Wrapper label="Type" withAsterisk error={form.errors.type}>
            <SegmentedControl
              fullWidth
              size="sm"
              disabled={readOnly}
              data={LINE_CATEGORY_TYPES.map((t) => ({ value: t, label: CATEGORY_TYPE_LABELS[t] }))}
              value={form.values.type}
              onChange={(v) => setType(v as CategoryType)}
            />
          </Input.Wrapper>
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label="Unit" withAsterisk {...form.getInputProps('unit')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label="Default cost price"
            value={form.values.costPrice}
            onChange={(v) => form.setFieldValue('costPrice', v)}
            error={form.errors.costPrice}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label="Default sales price"
            value={form.values.salesPrice}
            onChange={(v) => form.setFieldValue('salesPrice', v)}
            error={form.errors.salesPrice}
          />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
