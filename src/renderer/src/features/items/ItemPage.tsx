import { Checkbox, Grid, Group, Text, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { itemInput, type ItemRow } from '@shared/domain/masterdata'
import { MoneyInput } from '../../components/MoneyInput'
import { RecordPage } from '../../components/RecordPage'
import { useFormat, useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'

type Values = Omit<ItemRow, 'id' | 'version'>
const emptyItem = (unit: string): Values => ({
  number: '',
  name: '',
  unit,
  costPrice: 0,
  salesPrice: 0,
  serialTracked: false,
  active: true
})
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
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const e = useEditor<ItemRow, Values>({
    entity: 'items',
    label: t('masterdata.items.one'),
    id: recordId,
    schema: itemInput,
    empty: emptyItem(t('masterdata.items.defaultUnit')),
    toForm,
    pathOf: (i) => `/items/${i}`,
    listPath: '/items'
  })
  const { form } = e
  const { costPrice, salesPrice } = form.values
  const margin = salesPrice > 0 ? Math.round(((salesPrice - costPrice) / salesPrice) * 1000) / 10 : null

  return (
    <RecordPage
      title={e.record ? `${e.record.number} ${e.record.name}` : t('masterdata.items.one')}
      subtitle={e.record ? t('masterdata.items.perUnit', { price: f.money(e.record.salesPrice), unit: e.record.unit }) : undefined}
      listLabel={t('masterdata.items.title')}
      listPath="/items"
      editor={e}
      readOnly={!can('catalog.write')}
      deleteWhat={t('masterdata.items.deleteWhat')}
      audit={{ entity: 'item', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.number')} withAsterisk {...form.getInputProps('number')} />
        </Grid.Col>
        <Grid.Col span={7}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label={t('masterdata.field.unit')} withAsterisk {...form.getInputProps('unit')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label={t('masterdata.field.costPrice')}
            value={costPrice}
            onChange={(v) => form.setFieldValue('costPrice', v)}
            error={form.errors.costPrice}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label={t('masterdata.field.salesPrice')}
            value={salesPrice}
            onChange={(v) => form.setFieldValue('salesPrice', v)}
            error={form.errors.salesPrice}
          />
        </Grid.Col>
        <Grid.Col span={2} style={{ display: 'flex', alignItems: 'end' }}>
          <Text size="sm" c="dimmed" pb={8} data-testid="item-margin">
            {margin === null
              ? t('masterdata.items.noSalesPrice')
              : t('masterdata.items.margin', { margin: f.rate(Math.round(margin * 100)) })}
          </Text>
        </Grid.Col>
        <Grid.Col span={4} style={{ display: 'flex', alignItems: 'end' }}>
          <Group gap="lg" pb={6}>
            <Checkbox label={t('masterdata.items.serialTracked')} {...form.getInputProps('serialTracked', { type: 'checkbox' })} />
            <Checkbox label={t('masterdata.field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          </Group>
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
