import { Alert, Button, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { COMPLIANCE_GROUPINGS } from '@shared/domain/sla'
import { formatMinutes } from '@shared/sla/clock'
import { DateField } from '../../components/DateField'
import { call, exportCsv } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { today } from '../../lib/format'
import { downloadPdf } from '../../lib/pdf'
import { ComplianceChart, percent } from './ComplianceChart'

type Grouping = (typeof COMPLIANCE_GROUPINGS)[number]
const GROUP_LABELS: Record<Grouping, string> = {
  customer: 'Customer',
  agreementGroup: 'Agreement group',
  priority: 'Priority',
  month: 'Month'
}

/** The first day of the month two months back: a quarter's report by default. */
function quarterStart(): string {
  const d = new Date()
  const first = new Date(d.getFullYear(), d.getMonth() - 2, 1)
  return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-01`
}

const minutesText = (m: number | null) => (m === null ? '—' : formatMinutes(m))

/** How well the SLAs were kept in a period: share of targets met and median times, by customer, agreement group, priority or month. */
export function CompliancePage() {
  const [from, setFrom] = useState<string | null>(quarterStart)
  const [to, setTo] = useState<string | null>(today)
  const [groupBy, setGroupBy] = useState<Grouping>('month')
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null)
  const period = from && to ? { from, to, groupBy } : null
  const periodError = !from || !to ? 'Give both dates of the period' : from > to ? '"From" must not be after "to"' : null

  const report = useQuery({
    queryKey: ['list', 'slaCompliance.list', period],
    queryFn: () => call('slaCompliance.list', { ...period!, pageSize: 500 }),
    enabled: period !== null && periodError === null,
    placeholderData: keepPreviousData
  })
  const rows = report.data?.rows ?? []

  const run = async (kind: 'csv' | 'pdf') => {
    if (!period) return
    setBusy(kind)
    try {
      if (kind === 'csv') await exportCsv('slaCompliance.list', { ...period, page: 1 }, `sla-compliance-${period.from}-${period.to}.csv`)
      else downloadPdf(await call('sla.compliancePdf', period))
    } catch (e) {
      showApiError(e)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Stack gap="sm" maw={1200}>
      <Group justify="space-between">
        <Title order={3}>SLA compliance</Title>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} />}
            loading={busy === 'csv'}
            disabled={periodError !== null}
            onClick={() => run('csv')}
          >
            Export CSV
          </Button>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconFileTypePdf size={14} />}
            loading={busy === 'pdf'}
            disabled={periodError !== null}
            onClick={() => run('pdf')}
          >
            PDF
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="end">
        <DateField size="xs" w={130} label="From" aria-label="From" clearable={false} value={from} onChange={setFrom} />
        <DateField size="xs" w={130} label="To" aria-label="To" clearable={false} value={to} onChange={setTo} />
        <div>
          <Text size="xs" fw={500} mb={2}>
            Group by
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Group by"
            data={COMPLIANCE_GROUPINGS.map((g) => ({ value: g, label: GROUP_LABELS[g] }))}
            value={groupBy}
            onChange={(g) => setGroupBy(g as Grouping)}
          />
        </div>
        <Text size="xs" c="dimmed" ml="auto" maw={380}>
          Orders whose SLA clock started in the period. Share met = met ÷ (met + missed); targets still running count in neither. Times are
          business time.
        </Text>
      </Group>
      {periodError && <Alert color="orange">{periodError}</Alert>}
      {report.isError && <Alert color="red">{(report.error as Error).message}</Alert>}
      {report.isLoading && <Loader size="sm" />}
      {report.data && rows.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="compliance-empty">
          No order with an SLA in this period.
        </Text>
      )}
      {report.data && report.data.total > rows.length && (
        <Text size="xs" c="dimmed">
          The first {rows.length} of {report.data.total} groups; the CSV export has them all.
        </Text>
      )}
      {rows.length > 0 && (
        <>
          <Paper withBorder p="md">
            <ComplianceChart rows={rows} />
          </Paper>
          <Paper withBorder>
            <Table striped verticalSpacing={4} fz="sm" data-testid="compliance-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{GROUP_LABELS[groupBy]}</Table.Th>
                  <Table.Th ta="right">Orders</Table.Th>
                  <Table.Th ta="right">Targets</Table.Th>
                  <Table.Th ta="right">Met</Table.Th>
                  <Table.Th ta="right">Missed</Table.Th>
                  <Table.Th ta="right">Share met</Table.Th>
                  <Table.Th ta="right">Median response</Table.Th>
                  <Table.Th ta="right">Median resolution</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td ta="right">{r.orders}</Table.Td>
                    <Table.Td ta="right">{r.targets}</Table.Td>
                    <Table.Td ta="right">{r.met}</Table.Td>
                    <Table.Td ta="right" c={r.breached > 0 ? 'red' : undefined}>
                      {r.breached}
                    </Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {percent(r.share)}
                    </Table.Td>
                    <Table.Td ta="right">{minutesText(r.medianResponseMinutes)}</Table.Td>
                    <Table.Td ta="right">{minutesText(r.medianResolutionMinutes)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
    </Stack>
  )
}
