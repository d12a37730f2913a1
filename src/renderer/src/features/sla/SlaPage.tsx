import { ActionIcon, Button, Checkbox, Grid, Group, Paper, SegmentedControl, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import type { WeekHours } from '@shared/domain/masterdata'
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '@shared/domain/orders'
import { slaInput, type SlaRow } from '@shared/domain/sla'
import { SmallMultiSelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { WeekHoursEditor } from '../../components/WeekHoursEditor'
import { parseTypedDate } from '../../lib/dates'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { settingsQuery } from '../../lib/settings'
import { DurationInput } from './DurationInput'
import { businessHint, weekText, workingDayMinutes } from './calendarText'

interface TargetValues {
  priority: Priority
  responseMinutes: number | null
  arrivalMinutes: number | null
  resolutionMinutes: number | null
}

type Values = {
  code: string
  name: string
  description: string
  workingHours: WeekHours | null
  holidays: { date: string; name: string }[] | null
  suspended: boolean
  targets: TargetValues[]
  pauseStageIds: number[]
  respondStageIds: number[]
  resolveStageIds: number[]
}

const OFFICE_HOURS: WeekHours = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ open: d < 5, start: '08:00', end: '17:00' }))

const empty: Values = {
  code: '',
  name: '',
  description: '',
  workingHours: null,
  holidays: null,
  suspended: false,
  targets: [
    { priority: 'high', responseMinutes: 60, arrivalMinutes: 240, resolutionMinutes: 480 },
    { priority: 'normal', responseMinutes: 240, arrivalMinutes: null, resolutionMinutes: 1440 },
    { priority: 'low', responseMinutes: 480, arrivalMinutes: null, resolutionMinutes: 2400 }
  ],
  pauseStageIds: [],
  respondStageIds: [],
  resolveStageIds: []
}

const toForm = (r: SlaRow): Values => ({
  code: r.code,
  name: r.name,
  description: r.description,
  workingHours: r.workingHours,
  holidays: r.holidays,
  suspended: r.suspended,
  targets: r.targets.map((t) => ({ priority: t.priority, responseMinutes: t.responseMinutes, arrivalMinutes: t.arrivalMinutes, resolutionMinutes: t.resolutionMinutes })),
  pauseStageIds: r.pauseStageIds,
  respondStageIds: r.respondStageIds,
  resolveStageIds: r.resolveStageIds
})

/** The stages with a meaning for this SLA, each a multi-select. */
const STAGE_FIELDS = [
  ['pauseStageIds', 'Pause the clock in'],
  ['respondStageIds', 'Response met in'],
  ['resolveStageIds', 'Resolution met in']
] as const

/**
 * One service-level agreement: targets per priority in business time, the calendar they count on
 * (the shop's or its own), and which stages pause the clock or meet a target.
 */
export function SlaPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can } = useSession()
  const readOnly = !can('sla.configure')
  const settings = useQuery(settingsQuery)
  const e = useEditor<SlaRow, Values>({
    entity: 'slaDefinitions',
    label: 'SLA',
    id: recordId,
    schema: slaInput,
    empty,
    toForm,
    pathOf: (i) => `/slas/${i}`,
    listPath: '/slas'
  })
  const { form } = e
  const v = form.values
  const ownCalendar = v.workingHours !== null
  const week = v.workingHours ?? settings.data?.workingHours ?? null
  const dayMinutes = week ? workingDayMinutes(week) : null

  const targetIndex = (p: Priority) => v.targets.findIndex((t) => t.priority === p)
  const togglePriority = (p: Priority, on: boolean) => {
    if (on) {
      const next = [...v.targets, { priority: p, responseMinutes: null, arrivalMinutes: null, resolutionMinutes: null }]
      form.setFieldValue('targets', next.sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority)))
    } else form.setFieldValue('targets', v.targets.filter((t) => t.priority !== p))
  }
  const setCalendar = (own: boolean) => {
    form.setFieldValue('workingHours', own ? (settings.data?.workingHours ?? OFFICE_HOURS) : null)
    form.setFieldValue('holidays', own ? (settings.data?.holidays ?? []) : null)
  }

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : 'SLA'}
      subtitle={e.record ? (e.record.inUse > 0 ? `Assigned in ${e.record.inUse} place${e.record.inUse === 1 ? '' : 's'}` : 'Not assigned yet') : undefined}
      listLabel="Service levels"
      listPath="/slas"
      editor={e}
      readOnly={readOnly}
      deleteWhat="the SLA (only possible while no group, agreement or order uses it)"
      audit={{ entity: 'slaDefinition', id: recordId }}
    >
      <Stack gap="md">
        <Grid gap="sm">
          <Grid.Col span={3}>
            <TextInput label="Code" withAsterisk {...form.getInputProps('code')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <Switch mt="xl" label="Suspended" description="Not assigned to new orders" {...form.getInputProps('suspended', { type: 'checkbox' })} />
          </Grid.Col>
          <Grid.Col span={9}>
            <Textarea label="Description" autosize minRows={1} {...form.getInputProps('description')} />
          </Grid.Col>
        </Grid>

        <div>
          <Title order={5}>Targets</Title>
          <Text size="xs" c="dimmed" mb="xs">
            Business time: the clock runs only in the calendar&apos;s working hours ({week ? weekText(week) : '…'}), not at night, at weekends or on holidays, and
            stands still while the order is in a pause stage. An empty on-site target is not measured.
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
                      <Checkbox mt={4} label={PRIORITY_LABELS[p]} aria-label={`Targets for ${PRIORITY_LABELS[p].toLowerCase()} priority`} checked={t !== null} onChange={(ev) => togglePriority(p, ev.currentTarget.checked)} />
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

        <div>
          <Group gap="md" mb={6} align="center">
            <Title order={5}>Calendar</Title>
            <SegmentedControl
              size="xs"
              disabled={readOnly}
              aria-label="Calendar"
              data={[
                { value: 'shop', label: 'Shop calendar' },
                { value: 'own', label: 'Own calendar' }
              ]}
              value={ownCalendar ? 'own' : 'shop'}
              onChange={(c) => setCalendar(c === 'own')}
            />
          </Group>
          {!ownCalendar ? (
            <Text size="sm" c="dimmed">
              Counts on the company&apos;s working week and holidays from Settings{week ? ` (${weekText(week)})` : ''}; a change there moves this SLA&apos;s deadlines too.
            </Text>
          ) : (
            <Grid gap="md">
              <Grid.Col span={6}>
                <Text size="xs" c="dimmed" mb={4}>
                  E.g. 24/7 support: every day open 00:00–23:59.
                </Text>
                <WeekHoursEditor
                  value={v.workingHours!}
                  onChange={(w) => form.setFieldValue('workingHours', w)}
                  errorOf={(day, f) => form.errors[`workingHours.${day}.${f}`]}
                  error={form.errors.workingHours}
                />
              </Grid.Col>
              <Grid.Col span={6}>
                <HolidaysEditor
                  value={v.holidays ?? []}
                  readOnly={readOnly}
                  error={form.errors.holidays}
                  errorOf={(i, f) => form.errors[`holidays.${i}.${f}`]}
                  onAdd={() => form.setFieldValue('holidays', [...(v.holidays ?? []), { date: '', name: '' }])}
                  onRemove={(i) => form.setFieldValue('holidays', (v.holidays ?? []).filter((_, j) => j !== i))}
                  onSet={(i, patch) => form.setFieldValue('holidays', (v.holidays ?? []).map((h, j) => (j === i ? { ...h, ...patch } : h)))}
                />
              </Grid.Col>
            </Grid>
          )}
        </div>

        <div>
          <Title order={5}>Stages</Title>
          <Text size="xs" c="dimmed" mb="xs">
            Stages marked &ldquo;stops the SLA clock&rdquo; pause every SLA; add more here for this SLA only. Entering a &ldquo;met&rdquo; stage meets the target (response is also met when
            the work is dispatched, on site when the technician arrives).
          </Text>
          <Grid gap="sm">
            {STAGE_FIELDS.map(([field, label]) => (
              <Grid.Col span={4} key={field}>
                <SmallMultiSelect
                  list="serviceStages.list"
                  labelOf={(s) => s.name}
                  label={label}
                  placeholder="Pick stages"
                  value={v[field]}
                  onChange={(ids) => form.setFieldValue(field, ids)}
                  error={form.errors[field]}
                />
              </Grid.Col>
            ))}
          </Grid>
        </div>
      </Stack>
    </RecordPage>
  )
}

interface HolidaysEditorProps {
  value: { date: string; name: string }[]
  readOnly: boolean
  error?: React.ReactNode
  errorOf: (index: number, field: 'date' | 'name') => React.ReactNode
  onAdd: () => void
  onRemove: (index: number) => void
  onSet: (index: number, patch: Partial<{ date: string; name: string }>) => void
}

/** The SLA's own days off (as the holidays table in Settings). */
function HolidaysEditor({ value, readOnly, error, errorOf, onAdd, onRemove, onSet }: HolidaysEditorProps) {
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={500}>
          Holidays
        </Text>
        {!readOnly && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
            Add holiday
          </Button>
        )}
      </Group>
      {error && (
        <Text c="red" size="xs" mb={4}>
          {error}
        </Text>
      )}
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          No holidays: every listed weekday counts.
        </Text>
      ) : (
        <Table verticalSpacing={4} withTableBorder fz="sm" data-testid="sla-holidays">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>Date</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.map((h, i) => {
              const dateError = errorOf(i, 'date')
              return (
                <Table.Tr key={i}>
                  <Table.Td>
                    <DateInput
                      size="xs"
                      aria-label={`Holiday ${i + 1} date`}
                      valueFormat="DD.MM.YYYY"
                      dateParser={(text) => parseTypedDate(text)}
                      placeholder="dd.mm.yyyy"
                      value={h.date || null}
                      onChange={(d) => onSet(i, { date: d ?? '' })}
                      error={dateError && h.date === '' ? 'Pick a date' : dateError}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Holiday ${i + 1} name`} value={h.name} onChange={(ev) => onSet(i, { name: ev.currentTarget.value })} error={errorOf(i, 'name')} />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <ActionIcon variant="subtle" color="red" aria-label={`Remove holiday ${i + 1}`} onClick={() => onRemove(i)}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
