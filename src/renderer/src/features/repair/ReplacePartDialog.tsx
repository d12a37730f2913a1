import { Alert, Button, Checkbox, Grid, Group, Modal, Select, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import type { RepairLineRow } from '@shared/domain/repair'
import { EntitySelect } from '../../components/EntitySelect'
import { ScaledNumberInput } from '../../components/ScaledNumberInput'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'
import { structureQuery, useRepairAction } from './queries'

type Values = {
  componentId: number | null
  itemId: number | null
  serial: string
  orderLine: boolean
  labourCategoryId: number | null
  labourQuantity: number
}

/**
 * A part replaced during a repair: the component of the object's structure gets the new part and serial (a
 * version naming this order and repair line), and with "add to order" the part and the labour become order
 * lines so that they are invoiced.
 */
export function ReplacePartDialog({ line, onClose }: { line: RepairLineRow; onClose: () => void }) {
  const t = useT()
  const structure = useQuery(structureQuery(line.serviceObjectId, null))
  const form = useForm<Values>({
    initialValues: { componentId: null, itemId: null, serial: '', orderLine: true, labourCategoryId: null, labourQuantity: 0 }
  })
  const v = form.values
  const components = structure.data?.components ?? []
  const current = components.find((c) => c.id === v.componentId)
  const replace = useRepairAction('structures.replace', onClose, (e) => {
    showApiError(e, form)
    return true
  })
  const submit = form.onSubmit((values) => {
    if (!current) return form.setFieldError('componentId', t('repair.replace.componentNeeded'))
    if (values.itemId === null) return form.setFieldError('itemId', t('repair.replace.itemNeeded'))
    replace.mutate({
      id: current.id,
      version: current.version,
      itemId: values.itemId,
      serial: values.serial,
      orderId: line.orderId,
      repairLineId: line.id,
      note: '',
      orderLine: values.orderLine,
      labourCategoryId: values.orderLine ? values.labourCategoryId : null,
      labourQuantity: values.orderLine ? values.labourQuantity : 0
    })
  })

  return (
    <Modal opened onClose={onClose} size="lg" title={t('repair.replace.title', { object: line.objectName })}>
      {structure.isSuccess && components.length === 0 ? (
        <Alert color="gray">{t('repair.replace.noStructure')}</Alert>
      ) : (
        <form onSubmit={submit}>
          <Grid gap="sm">
            <Grid.Col span={12}>
              <Select
                label={t('repair.replace.component')}
                withAsterisk
                data={components.map((c) => ({
                  value: String(c.id),
                  label: `${'· '.repeat(c.depth)}${c.position} ${c.itemName}${c.serial ? ` (${c.serial})` : ''}`
                }))}
                value={v.componentId === null ? null : String(v.componentId)}
                onChange={(id) => {
                  const c = components.find((x) => String(x.id) === id)
                  form.setValues({ componentId: c?.id ?? null, itemId: c?.itemId ?? null })
                }}
                error={form.errors.componentId}
                data-testid="replace-component"
              />
            </Grid.Col>
            <Grid.Col span={7}>
              <EntitySelect
                label={t('repair.replace.newItem')}
                withAsterisk
                list="items.list"
                labelOf={(i) => `${i.number} ${i.name}`}
                value={v.itemId}
                onChange={(id) => form.setFieldValue('itemId', id)}
                error={form.errors.itemId}
              />
            </Grid.Col>
            <Grid.Col span={5}>
              <TextInput label={t('repair.structure.serial')} {...form.getInputProps('serial')} data-testid="replace-serial" />
            </Grid.Col>
            <Grid.Col span={12}>
              <Checkbox label={t('repair.replace.addToOrder')} {...form.getInputProps('orderLine', { type: 'checkbox' })} />
            </Grid.Col>
            {v.orderLine && (
              <>
                <Grid.Col span={7}>
                  <EntitySelect
                    label={t('repair.replace.labour')}
                    list="categories.list"
                    filters={{ type: 'hour' }}
                    labelOf={(c) => `${c.code} · ${c.name}`}
                    value={v.labourCategoryId}
                    onChange={(id) => form.setFieldValue('labourCategoryId', id)}
                    error={form.errors.labourCategoryId}
                  />
                </Grid.Col>
                <Grid.Col span={5}>
                  <ScaledNumberInput
                    label={t('repair.replace.labourHours')}
                    scale={1000}
                    decimals={2}
                    min={0}
                    value={v.labourQuantity}
                    onChange={(n) => form.setFieldValue('labourQuantity', n)}
                    error={form.errors.labourQuantity}
                    data-testid="replace-hours"
                  />
                </Grid.Col>
              </>
            )}
          </Grid>
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={replace.isPending} data-testid="replace-save">
              {t('repair.replace.save')}
            </Button>
          </Group>
        </form>
      )}
    </Modal>
  )
}
