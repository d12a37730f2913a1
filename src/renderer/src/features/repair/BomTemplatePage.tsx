import { ActionIcon, Alert, Button, Grid, Select, Table, TextInput, Title } from '@mantine/core'
import { IconLock, IconPlus, IconTrash } from '@tabler/icons-react'
import { useParams } from 'react-router'
import { bomTemplateInput, type BomTemplateDetail } from '@shared/domain/repair'
import { EntitySelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { ScaledNumberInput } from '../../components/ScaledNumberInput'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useEditor } from '../../lib/useEditor'

type Component = { key: number; parentKey: number | null; itemId: number | null; quantity: number; unit: string; position: string }
type Values = { number: string; name: string; itemId: number | null; components: Component[] }

const empty: Values = { number: '', name: '', itemId: null, components: [] }
const toForm = (r: BomTemplateDetail): Values => ({
  number: r.number,
  name: r.name,
  itemId: r.itemId,
  components: r.components.map((c) => ({
    key: c.id,
    parentKey: c.parentId,
    itemId: c.itemId,
    quantity: c.quantity,
    unit: c.unit,
    position: c.position
  }))
})

/** A template BOM: header and its components as a tree (each names its parent). Attached templates are kept as they are. */
export function BomTemplatePage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<BomTemplateDetail, Values>({
    entity: 'bomTemplates',
    label: t('repair.templates.one'),
    id: recordId,
    schema: bomTemplateInput,
    empty,
    toForm,
    pathOf: (i) => `/bom-templates/${i}`,
    listPath: '/bom-templates'
  })
  const { form } = e
  const attached = (e.record?.attachedCount ?? 0) > 0
  const readOnly = !can('catalog.write') || attached
  const components = form.values.components
  const nextKey = () => Math.max(0, ...components.map((c) => c.key)) + 1
  const set = (n: number, patch: Partial<Component>) => form.setFieldValue(`components.${n}`, { ...components[n]!, ...patch })

  return (
    <RecordPage
      title={e.record ? `${e.record.number} · ${e.record.name}` : t('repair.templates.one')}
      newTitle={t('repair.templates.new')}
      listLabel={t('repair.templates.title')}
      listPath="/bom-templates"
      editor={e}
      readOnly={readOnly}
      deleteWhat={t('repair.templates.deleteWhat')}
      audit={{ entity: 'bomTemplate', id: recordId }}
    >
      {attached && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} mb="sm">
          {t('repair.templates.attachedNote', { count: e.record!.attachedCount })}
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('repair.templates.number')} withAsterisk {...form.getInputProps('number')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('repair.templates.model')}
            list="items.list"
            labelOf={(i) => `${i.number} ${i.name}`}
            value={form.values.itemId}
            onChange={(v) => form.setFieldValue('itemId', v)}
            error={form.errors.itemId}
            clearable
          />
        </Grid.Col>
      </Grid>
      <Title order={6} mt="md" mb={4}>
        {t('repair.templates.components')}
      </Title>
      <Table fz="sm" verticalSpacing={3}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('repair.structure.position')}</Table.Th>
            <Table.Th>{t('repair.structure.item')}</Table.Th>
            <Table.Th w={110}>{t('repair.structure.quantity')}</Table.Th>
            <Table.Th w={80}>{t('repair.templates.unit')}</Table.Th>
            <Table.Th w={160}>{t('repair.templates.parent')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {components.map((c, n) => (
            <Table.Tr key={c.key}>
              <Table.Td>
                <TextInput size="xs" {...form.getInputProps(`components.${n}.position`)} />
              </Table.Td>
              <Table.Td>
                <EntitySelect
                  size="xs"
                  list="items.list"
                  labelOf={(i) => `${i.number} ${i.name}`}
                  value={c.itemId}
                  onChange={(v, row) => set(n, { itemId: v, unit: row?.unit ?? c.unit })}
                  error={form.errors[`components.${n}.itemId`]}
                />
              </Table.Td>
              <Table.Td>
                <ScaledNumberInput
                  size="xs"
                  scale={1000}
                  decimals={3}
                  min={0}
                  value={c.quantity}
                  onChange={(q) => set(n, { quantity: q })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput size="xs" {...form.getInputProps(`components.${n}.unit`)} />
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  clearable
                  data={components
                    .filter((o) => o.key !== c.key)
                    .map((o) => ({ value: String(o.key), label: o.position || String(o.key) }))}
                  value={c.parentKey === null ? null : String(c.parentKey)}
                  onChange={(v) => set(n, { parentKey: v === null ? null : Number(v) })}
                  error={form.errors[`components.${n}.parentKey`]}
                />
              </Table.Td>
              <Table.Td>
                {!readOnly && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    onClick={() =>
                      form.setFieldValue(
                        'components',
                        components.filter((x) => x.key !== c.key).map((x) => (x.parentKey === c.key ? { ...x, parentKey: null } : x))
                      )
                    }
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!readOnly && (
        <Button
          mt="xs"
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            form.setFieldValue('components', [
              ...components,
              { key: nextKey(), parentKey: null, itemId: null, quantity: 1000, unit: '', position: '' }
            ])
          }
        >
          {t('repair.structure.add')}
        </Button>
      )}
    </RecordPage>
  )
}
