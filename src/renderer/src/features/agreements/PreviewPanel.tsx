import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconPlayerPlay } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Input } from '@shared/api/contract'
import type { AgreementRow, Visit } from '@shared/domain/agreements'
import type { Formats } from '@shared/i18n/format'
import type { T } from '@shared/i18n/i18n'
import { addDays, addMonths, weekday } from '@shared/recurrence'
import { DateField } from '../../components/DateField'
import { call, isApiError } from '../../lib/api'
import { today } from '../../lib/today'
import { useFormat, useT } from '../../lib/i18n'
import { settingsQuery } from '../../lib/settings'
import classes from './PreviewPanel.module.css'
import { agreementKeys } from './queries'
import { statusOf } from './status'

/** A Monday to Sunday, for the names of the calendar's weekday columns. */
const WEEK = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06', '2024-01-07']
const PERIOD_MONTHS = [1, 3, 12]

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
  const t = useT()
  const periods = PERIOD_MONTHS.map((n) => ({ value: String(n), label: t('agreements.preview.months', { count: n }) }))
  const period = from && to ? (periods.find((p) => addDays(addMonths(from, Number(p.value)), -1) === to)?.value ?? null) : null

  const input: Input<'agreements.preview'> = { from: from ?? '', to: to ?? '', agreementIds: [agreement.id], maxVisits: 1000 }
  const preview = useQuery({
    queryKey: agreementKeys.preview(input),
    queryFn: () => call('agreements.preview', input),
    enabled: from !== null && to !== null && from <= to,
    placeholderData: keepPreviousData
  })
  const rangeError =
    from && to && to < from
      ? t('agreements.preview.endBeforeStart')
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
              {t('agreements.preview.title')}
            </Title>
            <DateField size="xs" w={130} label={t('agreements.preview.from')} clearable={false} value={from} onChange={setFrom} />
            <DateField
              size="xs"
              w={130}
              label={t('agreements.preview.to')}
              clearable={false}
              value={to}
              onChange={setTo}
              error={rangeError ?? undefined}
            />
            <SegmentedControl
              size="xs"
              aria-label={t('agreements.preview.periodAria')}
              data={periods}
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
              aria-label={t('agreements.preview.viewAria')}
              data={[
                { value: 'calendar', label: t('agreements.preview.calendar') },
                { value: 'list', label: t('agreements.preview.list') }
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
                {t('agreements.createOrders')}
              </Button>
            )}
          </Group>
        </Group>

        {status === 'template' && (
          <Alert variant="light" color="violet" p="xs">
            {t('agreements.preview.isTemplate')}
          </Alert>
        )}
        {status === 'suspended' && (
          <Alert variant="light" color="orange" p="xs">
            {t('agreements.preview.isSuspended')}
          </Alert>
        )}

        {data && (
          <Group gap="lg" data-testid="preview-summary">
            <Summary label={t('agreements.preview.orders')} value={data.orders} />
            <Summary label={t('agreements.preview.lines')} value={data.lines} />
            <Summary label={t('agreements.preview.conflicts')} value={data.conflicts} color={data.conflicts > 0 ? 'red' : undefined} />
            <Summary label={t('agreements.preview.alreadyCreated')} value={data.skipped} />
            {preview.isFetching && (
              <Text size="xs" c="dimmed">
                {t('agreements.preview.updating')}
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
            {agreement.lines.length === 0 ? t('agreements.preview.noLinesYet') : t('agreements.preview.noVisits')}
          </Text>
        )}
        {data && data.truncated && (
          <Text size="xs" c="orange">
            {t('agreements.preview.truncated', { shown: data.visits.length, total: data.orders })}
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
const visitTitle = (t: T, f: Formats, v: Visit) =>
  v.lines
    .map(
      (l) =>
        `#${l.lineNo} ${l.description || t(`enums.lineType.${l.type}`)}${l.occurrenceDate !== v.date ? ` (${t('agreements.preview.due', { date: f.date(l.occurrenceDate) })})` : ''}`
    )
    .join('\n')

/** Month grids (Monday first) over the period; each visit shows its line numbers, red on a closed day. */
function MonthCalendar({ visits, from, to }: { visits: Visit[]; from: string; to: string }) {
  const t = useT()
  const f = useFormat()
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
            <div className={classes.monthTitle}>{f.month(first.slice(0, 7))}</div>
            <div className={classes.grid}>
              {WEEK.map((w) => (
                <div key={w} className={classes.weekday}>
                  {f.weekday(w, 'short')}
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
                            {(v.calendarConflict ? `${t('agreements.preview.closedDayConflict')}\n` : '') + visitTitle(t, f, v)}
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
  const t = useT()
  const f = useFormat()
  return (
    <div className={classes.list}>
      <Table verticalSpacing={3} fz="sm" withTableBorder stickyHeader data-testid="preview-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={140}>{t('agreements.preview.date')}</Table.Th>
            <Table.Th w={70} ta="right">
              {t('agreements.preview.lines')}
            </Table.Th>
            <Table.Th>{t('agreements.preview.what')}</Table.Th>
            <Table.Th w={150}>{t('agreements.preview.calendarCol')}</Table.Th>
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
                {f.weekday(v.date, 'short')} {f.date(v.date)}
              </Table.Td>
              <Table.Td ta="right">{v.lines.length}</Table.Td>
              <Table.Td>
                {v.lines.map((l) => (
                  <Text key={l.agreementLineId} size="sm" span mr="md">
                    <Text span c="dimmed" size="xs">
                      #{l.lineNo}
                    </Text>{' '}
                    {l.description || t(`enums.lineType.${l.type}`)}
                    {l.occurrenceDate !== v.date && (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        ({t('agreements.preview.due', { date: f.date(l.occurrenceDate) })})
                      </Text>
                    )}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                {v.calendarConflict ? (
                  <Badge size="xs" color="red" variant="light" leftSection={<IconAlertTriangle size={10} />}>
                    {t('agreements.preview.closedDay')}
                  </Badge>
                ) : (
                  <Text size="xs" c="dimmed">
                    {t('agreements.preview.openDay')}
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
