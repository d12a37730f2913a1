import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconPlayerPlay } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Input } from '@shared/api/contract'
import type { AgreementRow, Visit } from '@shared/domain/agreements'
import { LINE_TYPE_LABELS } from '@shared/domain/orders'
import { addDays, addMonths, weekday } from '@shared/recurrence'
import { DateField } from '../../components/DateField'
import { call, isApiError } from '../../lib/api'
import { formatDate, today } from '../../lib/format'
import { settingsQuery } from '../../lib/settings'
import classes from './PreviewPanel.module.css'
import { agreementKeys } from './queries'
import { statusOf } from './status'

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
const PERIODS = [
  { value: '1', label: '1 month' },
  { value: '3', label: '3 months' },
  { value: '12', label: '12 months' }
]

export const weekdayName = (date: string) => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][weekday(date)]!

interface PreviewPanelProps {
  agreement: AgreementRow
  /** Opens the generator for this agreement; omitted when the user may not generate. */
  onGenerate?: () => void
}

/**
 * The visits the agreement's saved lines will produce over a period, before anything is created: a month
 * calendar and a list, with visits on closed days (calendar conflicts) in red. Refreshed after each line
 * change.
 */
export function PreviewPanel({ agreement, onGenerate }: PreviewPanelProps) {
  const [from, setFrom] = useState<string | null>(today())
  const [to, setTo] = useState<string | null>(addDays(addMonths(today(), 3), -1))
  const [view, setView] = useState<'calendar' | 'list'>('calendar')
  const period = from && to ? (PERIODS.find((p) => addDays(addMonths(from, Number(p.value)), -1) === to)?.value ?? null) : null

  const input: Input<'agreements.preview'> = { from: from ?? '', to: to ?? '', agreementIds: [agreement.id], maxVisits: 1000 }
  const preview = useQuery({
    queryKey: agreementKeys.preview(input),
    queryFn: () => call('agreements.preview', input),
    enabled: from !== null && to !== null && from <= to,
    placeholderData: keepPreviousData
  })
  const rangeError =
    from && to && to < from
      ? 'The end cannot be before the start'
      : isApiError(preview.error, 'VALIDATION')
        ? (preview.error.issues.find((i) => i.path[0] === 'to')?.message ?? preview.error.message)
        : null
  const data = preview.data
  const status = statusOf(agreement)

  return (
    <Paper withBorder p="md" data-testid="preview-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="end" wrap="nowrap">
          <Group gap="sm" align="end" wrap="nowrap">
            <Title order={5} mb={6}>
              Visits preview
            </Title>
            <DateField size="xs" w={130} label="From" clearable={false} value={from} onChange={setFrom} />
            <DateField size="xs" w={130} label="To" clearable={false} value={to} onChange={setTo} error={rangeError ?? undefined} />
            <SegmentedControl
              size="xs"
              aria-label="Preview period"
              data={PERIODS}
              value={period ?? ''}
              onChange={(v) => {
                const start = from ?? today()
                setFrom(start)
                setTo(addDays(addMonths(start, Number(v)), -1))
              }}
            />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label="Preview view"
              data={[
                { value: 'calendar', label: 'Calendar' },
                { value: 'list', label: 'List' }
              ]}
              value={view}
              onChange={(v) => setView(v as 'calendar' | 'list')}
            />
            {onGenerate && (
              <Button
                size="xs"
                leftSection={<IconPlayerPlay size={14} />}
                onClick={onGenerate}
                disabled={status === 'template' || status === 'suspended'}
              >
                Create service orders…
              </Button>
            )}
          </Group>
        </Group>

        {status === 'template' && (
          <Alert variant="light" color="violet" p="xs">
            This agreement is a template: it never produces orders. Copy its lines into a customer’s agreement instead.
          </Alert>
        )}
        {status === 'suspended' && (
          <Alert variant="light" color="orange" p="xs">
            The agreement is suspended: no orders are created until it is resumed.
          </Alert>
        )}

        {data && (
          <Group gap="lg" data-testid="preview-summary">
            <Summary label="Orders" value={data.orders} />
            <Summary label="Lines" value={data.lines} />
            <Summary label="Calendar conflicts" value={data.conflicts} color={data.conflicts > 0 ? 'red' : undefined} />
            <Summary label="Already created" value={data.skipped} />
            {preview.isFetching && (
              <Text size="xs" c="dimmed">
                Updating…
              </Text>
            )}
          </Group>
        )}
        {preview.isError && !rangeError && (
          <Text c="red" size="sm">
            {(preview.error as Error).message}
          </Text>
        )}
        {data && data.visits.length === 0 && status !== 'template' && status !== 'suspended' && (
          <Text size="sm" c="dimmed">
            {agreement.lines.length === 0
              ? 'No lines yet: add lines above to see their visits.'
              : 'No visits in this period (or all of them were created already).'}
          </Text>
        )}
        {data && data.truncated && (
          <Text size="xs" c="orange">
            Showing the first {data.visits.length} of {data.orders} visits; choose a shorter period to see them all.
          </Text>
        )}
        {data &&
          data.visits.length > 0 &&
          from &&
          to &&
          (view === 'calendar' ? <MonthCalendar visits={data.visits} from={from} to={to} /> : <VisitList visits={data.visits} />)}
      </Stack>
    </Paper>
  )
}

function Summary({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Group gap={6} align="baseline">
      <Text fw={700} c={color}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  )
}

const linesText = (v: Visit) => v.lines.map((l) => `#${l.lineNo}`).join(' ')
const visitTitle = (v: Visit) =>
  v.lines
    .map(
      (l) =>
        `#${l.lineNo} ${l.description || LINE_TYPE_LABELS[l.type]}${l.occurrenceDate !== v.date ? ` (due ${formatDate(l.occurrenceDate)})` : ''}`
    )
    .join('\n')

/** Month grids (Monday first) over the period; each visit shows its line numbers, red on a closed day. */
function MonthCalendar({ visits, from, to }: { visits: Visit[]; from: string; to: string }) {
  const settings = useQuery(settingsQuery)
  const openDays = settings.data?.workingHours.map((d) => d.open) ?? [true, true, true, true, true, false, false]
  const holidays = new Set(settings.data?.holidays.map((h) => h.date) ?? [])
  const byDate = new Map<string, Visit[]>()
  for (const v of visits) byDate.set(v.date, [...(byDate.get(v.date) ?? []), v])
  const now = today()

  const months: string[] = []
  for (let m = `${from.slice(0, 7)}-01`; m <= to && months.length < 24; m = addMonths(m, 1)) months.push(m)

  return (
    <div className={classes.months} data-testid="preview-calendar">
      {months.map((first) => {
        const lead = weekday(first)
        const days: (string | null)[] = Array.from({ length: lead }, () => null)
        for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) days.push(d)
        return (
          <div key={first}>
            <div className={classes.monthTitle}>
              {MONTH_NAMES[Number(first.slice(5, 7)) - 1]} {first.slice(0, 4)}
            </div>
            <div className={classes.grid}>
              {WEEKDAYS.map((w) => (
                <div key={w} className={classes.weekday}>
                  {w}
                </div>
              ))}
              {days.map((d, i) => {
                if (d === null) return <div key={`x${i}`} className={`${classes.day} ${classes.outside}`} />
                const dayVisits = byDate.get(d) ?? []
                const closed = !openDays[weekday(d)] || holidays.has(d)
                const cls = [
                  classes.day,
                  closed ? classes.closed : '',
                  d < from || d > to ? classes.outOfRange : '',
                  d === now ? classes.today : ''
                ]
                  .filter(Boolean)
                  .join(' ')
                return (
                  <div
                    key={d}
                    className={cls}
                    data-testid={dayVisits.length > 0 ? `preview-day-${d}` : undefined}
                    data-lines={dayVisits.reduce((n, v) => n + v.lines.length, 0) || undefined}
                  >
                    <span className={classes.dayNo}>{Number(d.slice(8, 10))}</span>
                    {dayVisits.map((v) => (
                      <Tooltip
                        key={v.groupKey}
                        label={
                          <span style={{ whiteSpace: 'pre-line' }}>
                            {(v.calendarConflict ? 'Closed day — created anyway, flagged as a conflict\n' : '') + visitTitle(v)}
                          </span>
                        }
                        withArrow
                        openDelay={200}
                      >
                        <div
                          className={`${classes.visit} ${v.calendarConflict ? classes.visitConflict : ''}`}
                          data-conflict={v.calendarConflict || undefined}
                        >
                          {linesText(v)}
                        </div>
                      </Tooltip>
                    ))}
                  </div>
                )
              })}
            </div>
          </div>
        )
      })}
    </div>
  )
}

/** One row per visit (an order to be created): date, its lines, and whether the date is closed. */
function VisitList({ visits }: { visits: Visit[] }) {
  return (
    <div className={classes.list}>
      <Table verticalSpacing={3} fz="sm" withTableBorder stickyHeader data-testid="preview-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>Date</Table.Th>
            <Table.Th w={70} ta="right">
              Lines
            </Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th w={150}>Calendar</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visits.map((v) => (
            <Table.Tr
              key={`${v.date}-${v.groupKey}`}
              className={v.calendarConflict ? classes.conflictRow : undefined}
              data-testid={`preview-visit-${v.date}`}
            >
              <Table.Td>
                {weekdayName(v.date)} {formatDate(v.date)}
              </Table.Td>
              <Table.Td ta="right">{v.lines.length}</Table.Td>
              <Table.Td>
                {v.lines.map((l) => (
                  <Text key={l.agreementLineId} size="sm" span mr="md">
                    <Text span c="dimmed" size="xs">
                      #{l.lineNo}
                    </Text>{' '}
                    {l.description || LINE_TYPE_LABELS[l.type]}
                    {l.occurrenceDate !== v.date && (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        (due {formatDate(l.occurrenceDate)})
                      </Text>
                    )}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                {v.calendarConflict ? (
                  <Badge size="xs" color="red" variant="light" leftSection={<IconAlertTriangle size={10} />}>
                    Closed day
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    Open
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  )
}
