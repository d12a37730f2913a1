import { Alert, Group, Loader, Paper, SegmentedControl, Stack, Table, Tabs, Text, Title } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { Navigate, useNavigate, useParams } from 'react-router'
import type { z } from 'zod'
import type { MethodName } from '@shared/api/contract'
import type { pdfFile } from '@shared/domain/orders'
import {
  MARGIN_GROUPINGS,
  type MarginRow,
  marginInput,
  PROGRESS_GROUPINGS,
  type ProgressRow,
  progressInput,
  REPORT_KINDS,
  type ReportKind,
  type ScheduleRow,
  scheduleInput,
  type UtilisationRow,
  utilisationInput
} from '@shared/domain/reports'
import { addMonths } from '@shared/recurrence'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { ExportButtons } from '../../components/ExportButtons'
import { call, exportCsv } from '../../lib/api'
import { downloadPdf } from '../../lib/download'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'
import { useRememberedFilters, useSavedFilters } from './remembered'

/** The first day of the month two months back to today: a quarter, the report's opening period. */
const quarter = () => ({ from: `${addMonths(today(), -2).slice(0, 7)}-01`, to: today() })

/** Rows shown on screen; the CSV file has all of them. */
const SHOWN = 500

/** The Reports screen: one tab per report, each with its own remembered filters (docs/adr/0028-reports.md). */
export function ReportsPage() {
  const t = useT()
  const navigate = useNavigate()
  const { kind } = useParams()
  if (!REPORT_KINDS.includes(kind as ReportKind)) return <Navigate to="/reports/margin" replace />
  return (
    <Stack gap="sm">
      <Title order={3}>{t('reports.title')}</Title>
      <Tabs value={kind!} onChange={(k) => k && navigate(`/reports/${k}`)}>
        <Tabs.List>
          {REPORT_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`reports.kinds.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {kind === 'margin' && (
        <Loaded
          list="reports.margin"
          schema={marginInput}
          defaults={{ ...quarter(), groupBy: 'order', customerId: null }}
          render={(f) => <MarginReport initial={f} />}
        />
      )}
      {kind === 'progress' && (
        <Loaded
          list="reports.progress"
          schema={progressInput}
          defaults={{ ...quarter(), groupBy: 'stage', customerId: null }}
          render={(f) => <ProgressReport initial={f} />}
        />
      )}
      {kind === 'utilisation' && (
        <Loaded
          list="reports.utilisation"
          schema={utilisationInput}
          defaults={{ ...quarter(), teamId: null }}
          render={(f) => <UtilisationReport initial={f} />}
        />
      )}
      {kind === 'schedule' && (
        <Loaded
          list="reports.schedule"
          schema={scheduleInput}
          defaults={{ from: today(), to: `${addMonths(today(), 3).slice(0, 7)}-01`, customerId: null }}
          render={(f) => <ScheduleReport initial={f} />}
        />
      )}
    </Stack>
  )
}

/** Mounts a report once its reader's saved filters are known, so that it opens on them. */
function Loaded<F>(props: { list: string; schema: z.ZodType<F>; defaults: F; render: (filters: F) => ReactNode }) {
  const parse = (v: unknown) => {
    const r = props.schema.safeParse(v)
    return r.success ? r.data : null
  }
  const saved = useSavedFilters(props.list, parse, props.defaults)
  return saved === undefined ? <Loader size="sm" /> : <>{props.render(saved)}</>
}

interface Column<R> {
  header: string
  right?: boolean
  cell: (r: R) => ReactNode
}

/**
 * What every report shares: the period, its own filters, CSV and PDF of the same rows, and a dense table.
 * `input` is the report's whole filter set; the list method pages it, the PDF method takes it as it is.
 */
function ReportBody<R extends { key: string }>(props: {
  /** The list method: the CSV file's source. */
  list: MethodName
  load: (pageSize: number) => Promise<{ rows: R[]; total: number }>
  pdf: () => Promise<z.infer<typeof pdfFile>>
  input: { from: string; to: string }
  setPeriod: (from: string | null, to: string | null) => void
  filters: ReactNode
  columns: Column<R>[]
  summary?: (rows: R[]) => ReactNode
  footer?: (rows: R[]) => ReactNode
  explain: string
  fileName: string
}) {
  const t = useT()
  const { input } = props
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null)
  const periodError = !input.from || !input.to ? t('reports.bothDates') : input.from > input.to ? t('reports.fromAfterTo') : null
  const report = useQuery({
    queryKey: ['list', props.list, input],
    queryFn: () => props.load(SHOWN),
    enabled: periodError === null,
    placeholderData: keepPreviousData
  })
  const rows = report.data?.rows ?? []
  const run = async (kind: 'csv' | 'pdf') => {
    setBusy(kind)
    try {
      if (kind === 'csv') await exportCsv(props.list, { ...input, page: 1 }, `${props.fileName}-${input.from}-${input.to}.csv`)
      else downloadPdf(await props.pdf())
    } catch (e) {
      showApiError(e)
    } finally {
      setBusy(null)
    }
  }
  return (
    <Stack gap="xs">
      <Group gap="sm" align="end">
        <DateField
          size="xs"
          w={130}
          label={t('reports.from')}
          aria-label={t('reports.from')}
          clearable={false}
          value={input.from || null}
          onChange={(v) => props.setPeriod(v, input.to)}
        />
        <DateField
          size="xs"
          w={130}
          label={t('reports.to')}
          aria-label={t('reports.to')}
          clearable={false}
          value={input.to || null}
          onChange={(v) => props.setPeriod(input.from, v)}
        />
        {props.filters}
        <ExportButtons ml="auto" busy={busy} disabled={periodError !== null} pdfLabel={t('reports.pdf')} onRun={(kind) => void run(kind)} />
      </Group>
      {periodError && <Alert color="orange">{periodError}</Alert>}
      {report.isError && <Alert color="red">{(report.error as Error).message}</Alert>}
      {report.isLoading && <Loader size="sm" />}
      {report.data && props.summary?.(rows)}
      {report.data && rows.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="report-empty">
          {t('reports.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing={2} fz="sm" data-testid="report-table">
            <Table.Thead>
              <Table.Tr>
                {props.columns.map((c) => (
                  <Table.Th key={c.header} ta={c.right ? 'right' : undefined}>
                    {c.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  {props.columns.map((c) => (
                    <Table.Td key={c.header} ta={c.right ? 'right' : undefined}>
                      {c.cell(r)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
            {props.footer && <Table.Tfoot>{props.footer(rows)}</Table.Tfoot>}
          </Table>
        </Paper>
      )}
      {report.data && report.data.total > rows.length && (
        <Text size="xs" c="dimmed">
          {t('reports.firstOf', { shown: rows.length, total: report.data.total })}
        </Text>
      )}
      <Text size="xs" c="dimmed" maw={900}>
        {props.explain}
      </Text>
    </Stack>
  )
}

function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p={6} px="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="sm" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  )
}

const sum = <R,>(rows: R[], by: (r: R) => number) => rows.reduce((s, r) => s + by(r), 0)

function Grouping<G extends string>(props: { value: G; options: readonly G[]; label: (g: G) => string; onChange: (g: G) => void }) {
  const t = useT()
  return (
    <div>
      <Text size="xs" fw={500} mb={2}>
        {t('reports.groupBy')}
      </Text>
      <SegmentedControl
        size="xs"
        aria-label={t('reports.groupBy')}
        data={props.options.map((g) => ({ value: g, label: props.label(g) }))}
        value={props.value}
        onChange={(g) => props.onChange(g as G)}
      />
    </div>
  )
}

function CustomerFilter({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const t = useT()
  return (
    <EntitySelect
      size="xs"
      w={220}
      label={t('reports.customer')}
      placeholder={t('reports.anyCustomer')}
      aria-label={t('reports.customer')}
      list="customers.list"
      labelOf={(c) => `${c.number} ${c.name}`}
      value={value}
      onChange={onChange}
    />
  )
}

function MarginReport({ initial }: { initial: typeof marginInput._output }) {
  const t = useT()
  const f = useFormat()
  const [input, set] = useRememberedFilters('reports.margin', initial)
  const share = (s: number | null) => (s === null ? '—' : f.rate(Math.round(s * 10000)))
  const byOrder = input.groupBy === 'order'
  const columns: Column<MarginRow>[] = [
    { header: t(`reports.margin.group.${input.groupBy}`), cell: (r) => r.label },
    ...(byOrder ? [{ header: t('reports.customer'), cell: (r: MarginRow) => r.customerName }] : []),
    { header: t('reports.margin.orders'), right: true, cell: (r) => r.orders },
    { header: t('reports.margin.revenue'), right: true, cell: (r) => f.money(r.revenue) },
    { header: t('reports.margin.cost'), right: true, cell: (r) => f.money(r.cost) },
    {
      header: t('reports.margin.margin'),
      right: true,
      cell: (r) => (
        <Text span fz="sm" fw={600} c={r.margin < 0 ? 'red' : undefined}>
          {f.money(r.margin)}
        </Text>
      )
    },
    { header: t('reports.margin.marginShare'), right: true, cell: (r) => share(r.marginShare) }
  ]
  return (
    <ReportBody<MarginRow>
      list="marginReport.list"
      load={(pageSize) => call('marginReport.list', { ...input, pageSize })}
      pdf={() => call('reports.marginPdf', input)}
      input={input}
      setPeriod={(from, to) => set({ from: from ?? '', to: to ?? '' })}
      filters={
        <>
          <Grouping
            value={input.groupBy}
            options={MARGIN_GROUPINGS}
            label={(g) => t(`reports.margin.group.${g}`)}
            onChange={(groupBy) => set({ groupBy })}
          />
          <CustomerFilter value={input.customerId} onChange={(customerId) => set({ customerId })} />
        </>
      }
      columns={columns}
      summary={(rows) => {
        const revenue = sum(rows, (r) => r.revenue)
        const cost = sum(rows, (r) => r.cost)
        const missing = sum(rows, (r) => r.costMissing)
        return (
          <Group gap="sm" data-testid="margin-kpis">
            <Kpi label={t('reports.margin.revenue')} value={f.money(revenue)} testId="margin-revenue" />
            <Kpi label={t('reports.margin.cost')} value={f.money(cost)} testId="margin-cost" />
            <Kpi label={t('reports.margin.margin')} value={f.money(revenue - cost)} testId="margin-total" />
            <Kpi label={t('reports.margin.marginShare')} value={share(revenue === 0 ? null : (revenue - cost) / revenue)} />
            {missing > 0 && (
              <Text size="xs" c="orange.8">
                {t('reports.margin.costMissing', { count: missing })}
              </Text>
            )}
          </Group>
        )
      }}
      explain={t('reports.margin.explain')}
      fileName="margin"
    />
  )
}

function ProgressReport({ initial }: { initial: typeof progressInput._output }) {
  const t = useT()
  const f = useFormat()
  const [input, set] = useRememberedFilters('reports.progress', initial)
  const byOrder = input.groupBy === 'order'
  const columns: Column<ProgressRow>[] = [
    ...(byOrder
      ? [
          { header: t('reports.progress.order'), cell: (r: ProgressRow) => r.orderNumber },
          { header: t('reports.customer'), cell: (r: ProgressRow) => r.customerName }
        ]
      : []),
    { header: t('reports.progress.stage'), cell: (r) => r.stageName },
    { header: t('reports.progress.stays'), right: true, cell: (r) => r.stays },
    { header: t('reports.progress.total'), right: true, cell: (r) => f.duration(r.totalMinutes) },
    { header: t('reports.progress.average'), right: true, cell: (r) => f.duration(r.averageMinutes) },
    { header: t('reports.progress.reasons'), cell: (r) => r.reasons }
  ]
  return (
    <ReportBody<ProgressRow>
      list="progressReport.list"
      load={(pageSize) => call('progressReport.list', { ...input, pageSize })}
      pdf={() => call('reports.progressPdf', input)}
      input={input}
      setPeriod={(from, to) => set({ from: from ?? '', to: to ?? '' })}
      filters={
        <>
          <Grouping
            value={input.groupBy}
            options={PROGRESS_GROUPINGS}
            label={(g) => t(`reports.progress.group.${g}`)}
            onChange={(groupBy) => set({ groupBy })}
          />
          <CustomerFilter value={input.customerId} onChange={(customerId) => set({ customerId })} />
        </>
      }
      columns={columns}
      explain={t('reports.progress.explain')}
      fileName="progress"
    />
  )
}

function UtilisationReport({ initial }: { initial: typeof utilisationInput._output }) {
  const t = useT()
  const f = useFormat()
  const [input, set] = useRememberedFilters('reports.utilisation', initial)
  const hours = (m: number) => f.number(m / 60, 1)
  const share = (s: number | null) => (s === null ? '—' : f.rate(Math.round(s * 10000)))
  const columns: Column<UtilisationRow>[] = [
    { header: t('reports.utilisation.technician'), cell: (r) => r.workerName },
    { header: t('reports.utilisation.week'), cell: (r) => r.week },
    { header: t('reports.utilisation.weekStart'), cell: (r) => f.date(r.weekStart) },
    { header: t('reports.utilisation.available'), right: true, cell: (r) => hours(r.availableMinutes) },
    { header: t('reports.utilisation.booked'), right: true, cell: (r) => hours(r.bookedMinutes) },
    {
      header: t('reports.utilisation.share'),
      right: true,
      cell: (r) => (
        <Text span fz="sm" fw={600} c={r.utilisation !== null && r.utilisation > 1 ? 'red' : undefined}>
          {share(r.utilisation)}
        </Text>
      )
    }
  ]
  return (
    <ReportBody<UtilisationRow>
      list="utilisationReport.list"
      load={(pageSize) => call('utilisationReport.list', { ...input, pageSize })}
      pdf={() => call('reports.utilisationPdf', input)}
      input={input}
      setPeriod={(from, to) => set({ from: from ?? '', to: to ?? '' })}
      filters={
        <EntitySelect
          size="xs"
          w={200}
          label={t('reports.team')}
          placeholder={t('reports.anyTeam')}
          aria-label={t('reports.team')}
          list="dispatchTeams.list"
          labelOf={(team) => team.name}
          value={input.teamId}
          onChange={(teamId) => set({ teamId })}
        />
      }
      columns={columns}
      summary={(rows) => {
        const available = sum(rows, (r) => r.availableMinutes)
        const booked = sum(rows, (r) => r.bookedMinutes)
        return (
          <Group gap="sm">
            <Kpi label={t('reports.utilisation.available')} value={hours(available)} />
            <Kpi label={t('reports.utilisation.booked')} value={hours(booked)} />
            <Kpi label={t('reports.utilisation.share')} value={share(available === 0 ? null : booked / available)} />
          </Group>
        )
      }}
      explain={t('reports.utilisation.explain')}
      fileName="utilisation"
    />
  )
}

function ScheduleReport({ initial }: { initial: typeof scheduleInput._output }) {
  const t = useT()
  const f = useFormat()
  const [input, set] = useRememberedFilters('reports.schedule', initial)
  const columns: Column<ScheduleRow>[] = [
    { header: t('reports.schedule.date'), cell: (r) => f.date(r.date) },
    {
      header: t('reports.schedule.time'),
      cell: (r) =>
        r.start === null ? (
          <Text span fz="sm" c="dimmed">
            {t('reports.schedule.dayToBeAgreed')}
          </Text>
        ) : r.end === null ? (
          f.time(r.start)
        ) : (
          `${f.time(r.start)}–${f.time(r.end)}`
        )
    },
    ...(input.customerId === null ? [{ header: t('reports.customer'), cell: (r: ScheduleRow) => r.customerName }] : []),
    { header: t('reports.schedule.what'), cell: (r) => r.description },
    { header: t('reports.schedule.where'), cell: (r) => r.address },
    { header: t('reports.schedule.reference'), cell: (r) => r.reference }
  ]
  return (
    <ReportBody<ScheduleRow>
      list="scheduleReport.list"
      load={(pageSize) => call('scheduleReport.list', { ...input, pageSize })}
      pdf={() => call('reports.schedulePdf', input)}
      input={input}
      setPeriod={(from, to) => set({ from: from ?? '', to: to ?? '' })}
      filters={<CustomerFilter value={input.customerId} onChange={(customerId) => set({ customerId })} />}
      columns={columns}
      explain={t('reports.schedule.explain')}
      fileName="schedule"
    />
  )
}
