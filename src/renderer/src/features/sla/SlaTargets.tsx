import { Checkbox, Table, Text, Title } from '@mantine/core'
import { PRIORITIES, type Priority } from '@shared/domain/orders'
import type { WeekHours } from '@shared/domain/masterdata'
import { useFormat, useT } from '../../lib/i18n'
import { DurationInput } from './DurationInput'
import { businessHint, weekText } from './calendarText'
import type { SlaForm } from './slaForm'

interface SlaTargetsProps {
  form: SlaForm
  /** The calendar the clock counts on (own or the shop's), null while the settings load. */
  week: WeekHours | null
  /** A working day's length in minutes, for the "≈ n working days" hints. */
  dayMinutes: number | null
}

/** The targets per priority: a priority without a row has no SLA clock. */
export function SlaTargets({ form, week, dayMinutes }: SlaTargetsProps) {
  const t = useT()
  const f = useFormat()
  const v = form.values
  const targetIndex = (p: Priority) => v.targets.findIndex((t) => t.priority === p)
  const togglePriority = (p: Priority, on: boolean) => {
    if (on) {
      const next = [...v.targets, { priority: p, responseMinutes: null, arrivalMinutes: null, resolutionMinutes: null }]
      form.setFieldValue(
        'targets',
        next.sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority))
      )
    } else
      form.setFieldValue(
        'targets',
        v.targets.filter((t) => t.priority !== p)
      )
  }

  return (
    <div>
      <Title order={5}>{t('sla.targets.title')}</Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('sla.targets.explain', { week: week ? weekText(t, f, week) : '…' })}
      </Text>
      {form.errors.targets && (
        <Text c="red" size="xs" mb={4}>
          {form.errors.targets}
        </Text>
      )}
      <Table verticalSpacing={6} withTableBorder fz="sm" w="auto" data-testid="sla-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>{t('sla.targets.priority')}</Table.Th>
            <Table.Th w={200}>{t('enums.slaTarget.response')}</Table.Th>
            <Table.Th w={200}>{t('enums.slaTarget.arrival')}</Table.Th>
            <Table.Th w={200}>{t('enums.slaTarget.resolution')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRIORITIES.map((p) => {
            const i = targetIndex(p)
            const target = i >= 0 ? v.targets[i]! : null
            const priority = t(`enums.priority.${p}`)
            // "Normal response": the priority and the target in lower case (the fields' accessible names).
            const field = (k: 'responseMinutes' | 'arrivalMinutes' | 'resolutionMinutes', label: string, required: boolean) =>
              target ? (
                <DurationInput
                  label={t('sla.targets.field', { priority, target: label.toLowerCase() })}
                  required={required}
                  value={target[k]}
                  onChange={(m) => form.setFieldValue(`targets.${i}.${k}`, m)}
                  error={form.errors[`targets.${i}.${k}`]}
                  hint={businessHint(t, target[k], dayMinutes)}
                />
              ) : null
            return (
              <Table.Tr key={p} data-priority={p} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <Checkbox
                    mt={4}
                    label={priority}
                    aria-label={t('sla.targets.toggle', { priority: priority.toLowerCase() })}
                    checked={target !== null}
                    onChange={(ev) => togglePriority(p, ev.currentTarget.checked)}
                  />
                  {!target && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('sla.targets.noClock')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{field('responseMinutes', t('enums.slaTarget.response'), true)}</Table.Td>
                <Table.Td>{field('arrivalMinutes', t('enums.slaTarget.arrival'), false)}</Table.Td>
                <Table.Td>{field('resolutionMinutes', t('enums.slaTarget.resolution'), true)}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </div>
  )
}
