import { Checkbox, Grid, Group, Text, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { itemInput, type ItemRow } from '@shared/domain/masterdata'
import { MoneyInput } from '../../components/MoneyInput'
import { RecordPage } from '../../components/RecordPage'
import { formatMoney } from '../../lib/format'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'

type Values = Omit<ItemRow, 'id' | 'version'>
const empty: Values = { number: '', name: '', unit: 'pcs', costPrice: 0, salesPrice: 0, serialTracked: false, active: true }
const toForm = (r: ItemRow): Values => ({
  number: r.number,
  name: r.name,
  unit: r.unit,
  costPrice: r.costPrice,
  salesPrice: r.salesPrice,
  serialTracked: r.serialTracked,
  active: r.active
})

export function ItemPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can } = useSession()
  const e = useEditor<ItemRow, Values>({
    entity: 'items',
    label: 'Item',
    id: recordId,
    schema: itemInput,
    empty,
    toForm,
    pathOf: (i) => `/items/${i}`,
    listPath: '/items'
  })
  const { form } = e
  const { costPrice, salesPrice } = form.values
  const margin = salesPrice > 0 ? Math.round(((salesPrice - costPrice) / salesPrice) * 1000) / 10 : null

  return (
    <RecordPage
      title={e.record ? `${e.record.number} ${e.record.name}` : 'Item'}
      subtitle={e.record ? `${formatMoney(e.record.salesPrice)} per ${e.record.unit}` : undefined}
      listLabel="Items"
      listPath="/items"
      editor={e}
      readOnly={!can('catalog.write')}
      deleteWhat="the item (refused while service objects refer to it; deactivate it instead)"
      audit={{ entity: 'item', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label="Number" withAsterisk {...form.getInputProps('number')} />
        </Grid.Col>
        <Grid.Col span={7}>
          <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label="Unit" withAsterisk {...form.getInputProps('unit')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label="Cost price"
            value={costPrice}
            onChange={(v) => form.setFieldValue('costPrice', v)}
            error={form.errors.costPrice}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label="Sales price"
            value={salesPrice}
            onChange={(v) => form.setFieldValue('salesPrice', v)}
            error={form.errors.salesPrice}
          />
        </Grid.Col>
        <Grid.Col span={2} style={{ display: 'flex', alignItems: 'end' }}>
          <Text size="sm" c="dimmed" pb={8} data-testid="item-margin">
            {margin === null ? 'No sales price' : `Margin ${margin.toLocaleString('et-EE')} %`}
          </Text>
        </Grid.Col>
        <Grid.Col span={4} style={{ display: 'flex', alignItems: 'end' }}>
          <Group gap="lg" pb={6}>
            <Checkbox label="Serial-number tracked" {...form.getInputProps('serialTracked', { type: 'checkbox' })} />
            <Checkbox label="Active" {...form.getInputProps('active', { type: 'checkbox' })} />
          </Group>
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
