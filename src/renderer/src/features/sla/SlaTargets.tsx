import { Checkbox, Table, Text, Title } from '@mantine/core'
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '@shared/domain/orders'
import type { WeekHours } from '@shared/domain/masterdata'
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
      <Title order={5}>Targets</Title>
      <Text size="xs" c="dimmed" mb="xs">
        Business time: the clock runs only in the calendar&apos;s working hours ({week ? weekText(week) : '…'}), not at night, at weekends
        or on holidays, and stands still while the order is in a pause stage. An empty on-site target is not measured.
      </Text>
      {form.errors.targets && (
        <Text c="red" size="xs" mb={4}>
          {form.errors.targets}
        </Text>
      )}
      <Table verticalSpacing={6} withTableBorder fz="sm" w="auto" data-testid="sla-targets">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>Priority</Table.Th>
            <Table.Th w={200}>Response</Table.Th>
            <Table.Th w={200}>On site</Table.Th>
            <Table.Th w={200}>Resolution</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRIORITIES.map((p) => {
            const i = targetIndex(p)
            const t = i >= 0 ? v.targets[i]! : null
            const field = (k: 'responseMinutes' | 'arrivalMinutes' | 'resolutionMinutes', label: string, required: boolean) =>
              t ? (
                <DurationInput
                  label={`${PRIORITY_LABELS[p]} ${label}`}
                  required={required}
                  value={t[k]}
                  onChange={(m) => form.setFieldValue(`targets.${i}.${k}`, m)}
                  error={form.errors[`targets.${i}.${k}`]}
                  hint={businessHint(t[k], dayMinutes)}
                />
              ) : null
            return (
              <Table.Tr key={p} data-priority={p} style={{ verticalAlign: 'top' }}>
                <Table.Td>
                  <Checkbox
                    mt={4}
                    label={PRIORITY_LABELS[p]}
                    aria-label={`Targets for ${PRIORITY_LABELS[p].toLowerCase()} priority`}
                    checked={t !== null}
                    onChange={(ev) => togglePriority(p, ev.currentTarget.checked)}
                  />
                  {!t && (
                    <Text size="xs" c="dimmed" mt={4}>
                      No SLA clock
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{field('responseMinutes', 'response', true)}</Table.Td>
                <Table.Td>{field('arrivalMinutes', 'on site', false)}</Table.Td>
                <Table.Td>{field('resolutionMinutes', 'resolution', true)}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </div>
  )
}
