import { Alert, Button, Grid, Group, List, Modal, Select, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconRepeat } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import type { RepairCodeKind, RepairLineRow } from '@shared/domain/repair'
import type { OrderRow } from '@shared/domain/orders'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { codesQuery, useRepairAction } from './queries'

type Values = {
  serviceObjectId: number | null
  symptomAreaId: number | null
  symptomCodeId: number | null
  conditionId: number | null
  diagnosisAreaId: number | null
  diagnosisCodeId: number | null
  resolutionId: number | null
  stageId: number | null
  note: string
}

const fromLine = (l: RepairLineRow | null, order: OrderRow): Values => ({
  serviceObjectId: l?.serviceObjectId ?? (order.objects.length === 1 ? order.objects[0]!.id : null),
  symptomAreaId: l?.symptomAreaId ?? null,
  symptomCodeId: l?.symptomCodeId ?? null,
  conditionId: l?.conditionId ?? null,
  diagnosisAreaId: l?.diagnosisAreaId ?? null,
  diagnosisCodeId: l?.diagnosisCodeId ?? null,
  resolutionId: l?.resolutionId ?? null,
  stageId: l?.stageId ?? null,
  note: l?.note ?? ''
})

/** A select of the repair codes of one kind usable on the object (its group's and the unrestricted ones). */
function CodeSelect(p: {
  kind: RepairCodeKind
  groupId: number | null
  /** False while the object's group is still loading: the codes of no group are not the object's codes. */
  groupKnown: boolean
  areaId?: number | null
  label: string
  value: number | null
  error?: React.ReactNode
  onChange: (id: number | null) => void
}) {
  const codes = useQuery({ ...codesQuery(p.kind, p.groupId, p.areaId ?? null), enabled: p.groupKnown })
  return (
    <Select
      label={p.label}
      searchable
      clearable
      // Opened before its codes came, the list showed another group's codes, or none and stayed shut.
      disabled={!codes.isSuccess}
      data={(codes.data?.rows ?? []).map((c) => ({ value: String(c.id), label: `${c.code} · ${c.name}` }))}
      value={p.value === null ? null : String(p.value)}
      onChange={(v) => p.onChange(v === null ? null : Number(v))}
      error={p.error}
      data-testid={`repair-${p.kind}`}
    />
  )
}

/**
 * One step of a repair: what the customer reports (symptom, condition), what the technician finds and does
 * (diagnosis, resolution) and where the repair stands. Choosing a symptom shows whether it repeats a recent
 * repair of the object and what fixed it before on the same model.
 */
export function RepairLineDialog({ order, line, onClose }: { order: OrderRow; line: RepairLineRow | null; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const form = useForm<Values>({ initialValues: fromLine(line, order) })
  const v = form.values
  const object = useQuery({
    queryKey: ['record', 'serviceObjects', v.serviceObjectId ?? 0],
    queryFn: () => call('serviceObjects.get', { id: v.serviceObjectId! }),
    enabled: v.serviceObjectId !== null
  })
  const groupId = object.data?.groupId ?? null
  const groupKnown = v.serviceObjectId === null || object.isSuccess
  const suggest = useQuery({
    queryKey: ['repairSuggest', v.serviceObjectId, v.symptomCodeId, order.id],
    queryFn: () => call('repairLines.suggest', { serviceObjectId: v.serviceObjectId!, symptomCodeId: v.symptomCodeId!, orderId: order.id }),
    enabled: v.serviceObjectId !== null && v.symptomCodeId !== null
  })
  const onError = (e: unknown) => {
    showApiError(e, form)
    return true
  }
  const add = useRepairAction('repairLines.add', onClose, onError)
  const update = useRepairAction('repairLines.update', onClose, onError)
  const submit = form.onSubmit((values) => {
    if (values.serviceObjectId === null) {
      form.setFieldError('serviceObjectId', t('repair.lines.objectNeeded'))
      return
    }
    const input = { ...values, serviceObjectId: values.serviceObjectId }
    if (line) update.mutate({ ...input, id: line.id, version: line.version })
    else add.mutate({ ...input, orderId: order.id })
  })
  const code = (kind: RepairCodeKind, field: keyof Values, label: string, areaId?: number | null) => (
    <CodeSelect
      kind={kind}
      groupId={groupId}
      groupKnown={groupKnown}
      areaId={areaId}
      label={label}
      value={v[field] as number | null}
      error={form.errors[field]}
      onChange={(id) => form.setFieldValue(field, id)}
    />
  )
  const hint = suggest.data

  return (
    <Modal opened onClose={onClose} size="xl" title={line ? t('repair.lines.editTitle', { lineNo: line.lineNo }) : t('repair.lines.add')}>
      <form onSubmit={submit}>
        <Grid gap="sm">
          <Grid.Col span={12}>
            <Select
              label={t('repair.lines.object')}
              withAsterisk
              data={order.objects.map((o) => ({ value: String(o.id), label: `${o.number} · ${o.name}` }))}
              value={v.serviceObjectId === null ? null : String(v.serviceObjectId)}
              onChange={(id) => form.setFieldValue('serviceObjectId', id === null ? null : Number(id))}
              error={form.errors.serviceObjectId}
              description={order.objects.length === 0 ? t('repair.lines.noObjects') : undefined}
              data-testid="repair-object"
            />
          </Grid.Col>
          <Grid.Col span={4}>{code('symptomArea', 'symptomAreaId', t('repair.kinds.symptomArea'))}</Grid.Col>
          <Grid.Col span={4}>{code('symptomCode', 'symptomCodeId', t('repair.kinds.symptomCode'), v.symptomAreaId)}</Grid.Col>
          <Grid.Col span={4}>{code('condition', 'conditionId', t('repair.kinds.condition'))}</Grid.Col>
          {hint && (hint.repeatOf || hint.resolutions.length > 0) && (
            <Grid.Col span={12}>
              <Alert
                variant="light"
                color={hint.repeatOf ? 'orange' : 'blue'}
                icon={hint.repeatOf ? <IconRepeat size={16} /> : undefined}
                title={hint.repeatOf ? t('repair.suggest.repeatTitle') : t('repair.suggest.fixedBefore')}
                data-testid="repair-suggestions"
              >
                {hint.repeatOf && (
                  <Text size="sm">
                    {t('repair.suggest.repeatText', {
                      date: f.dateTime(hint.repeatOf.createdAt),
                      order: hint.repeatOf.orderNumber,
                      resolution: hint.repeatOf.resolutionName ?? t('repair.suggest.noResolution')
                    })}
                  </Text>
                )}
                {hint.resolutions.length > 0 && (
                  <>
                    {hint.repeatOf && (
                      <Text size="sm" fw={500} mt={4}>
                        {t('repair.suggest.fixedBefore')}
                      </Text>
                    )}
                    <List size="sm">
                      {hint.resolutions.map((r) => (
                        <List.Item key={r.resolutionId}>
                          {t('repair.suggest.held', { name: r.resolutionName, held: r.held, times: r.times })}
                        </List.Item>
                      ))}
                    </List>
                  </>
                )}
              </Alert>
            </Grid.Col>
          )}
          <Grid.Col span={4}>{code('diagnosisArea', 'diagnosisAreaId', t('repair.kinds.diagnosisArea'))}</Grid.Col>
          <Grid.Col span={4}>{code('diagnosisCode', 'diagnosisCodeId', t('repair.kinds.diagnosisCode'), v.diagnosisAreaId)}</Grid.Col>
          <Grid.Col span={4}>{code('resolution', 'resolutionId', t('repair.kinds.resolution'))}</Grid.Col>
          <Grid.Col span={4}>{code('stage', 'stageId', t('repair.kinds.stage'))}</Grid.Col>
          <Grid.Col span={8}>
            <Textarea label={t('repair.lines.note')} autosize minRows={1} {...form.getInputProps('note')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending || update.isPending} data-testid="repair-save">
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  )
}
