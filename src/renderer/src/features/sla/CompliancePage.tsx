import { Alert, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { PRIORITIES } from '@shared/domain/orders'
import { COMPLIANCE_GROUPINGS, type ComplianceRow } from '@shared/domain/sla'
import { DateField } from '../../components/DateField'
import { formatBusinessMinutes } from '../../components/SlaBadge'
import { call, exportCsv } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { today } from '../../lib/today'
import { useFormat, useT } from '../../lib/i18n'
import { downloadPdf } from '../../lib/download'
import { printPdf } from '../../lib/print'
import { PrintButton } from '../../components/PrintButton'
import { ExportButtons } from '../../components/ExportButtons'
import { ComplianceChart, percent } from './ComplianceChart'

type Grouping = (typeof COMPLIANCE_GROUPINGS)[number]

/** The first day of the month two months back: a quarter's report by default. */
function quarterStart(): string {
  const d = new Date()
  const first = new Date(d.getFullYear(), d.getMonth() - 2, 1)
  return `${first.getFullYear()}-${String(first.getMonth() + 1).padStart(2, '0')}-01`
}

/** How well the SLAs were kept in a period: share of targets met and median times, by customer, agreement group, priority or month. */
export function CompliancePage() {
  const t = useT()
  const f = useFormat()
  const groupLabels: Record<Grouping, string> = {
    customer: t('sla.compliance.group.customer'),
    agreementGroup: t('sla.compliance.group.agreementGroup'),
    priority: t('sla.compliance.group.priority'),
    month: t('sla.compliance.group.month')
  }
  const minutesText = (m: number | null) => (m === null ? '—' : formatBusinessMinutes(t, m))
  const [from, setFrom] = useState<string | null>(quarterStart)
  const [to, setTo] = useState<string | null>(today)
  const [groupBy, setGroupBy] = useState<Grouping>('month')
  const [busy, setBusy] = useState<'csv' | 'pdf' | 'print' | null>(null)
  const period = from && to ? { from, to, groupBy } : null
  const periodError = !from || !to ? t('sla.compliance.bothDates') : from > to ? t('sla.compliance.fromAfterTo') : null

  const report = useQuery({
    queryKey: ['list', 'slaCompliance.list', period],
    // The grouping travels with its rows: while another loads, the shown rows keep their own labels.
    queryFn: async () => ({ ...(await call('slaCompliance.list', { ...period!, pageSize: 500 })), groupBy: period!.groupBy }),
    enabled: period !== null && periodError === null,
    placeholderData: keepPreviousData
  })
  const rows = report.data?.rows ?? []
  /**
   * A group's name in the user's language: the report keys priorities by their order and months as
   * "2026-11", and names the orders without an agreement group "-"; customers and groups are names.
   */
  const labelOf = (r: ComplianceRow): string => {
    const shownAs = report.data?.groupBy ?? groupBy
    if (shownAs === 'priority') {
      const p = PRIORITIES[Number(r.key)]
      return p ? t(`enums.priority.${p}`) : r.label
    }
    if (shownAs === 'month' && /^\d{4}-\d{2}$/.test(r.key)) return f.month(r.key)
    if (shownAs === 'agreementGroup' && r.key === '-') return t('sla.compliance.noAgreement')
    return r.label
  }

  const run = async (kind: 'csv' | 'pdf' | 'print') => {
    if (!period) return
    setBusy(kind)
    try {
      if (kind === 'csv') await exportCsv('slaCompliance.list', { ...period, page: 1 }, `sla-compliance-${period.from}-${period.to}.csv`)
      else if (kind === 'pdf') downloadPdf(await call('sla.compliancePdf', period))
      else await printPdf(await call('sla.compliancePdf', period))
    } catch (e) {
      showApiError(e)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Stack gap="sm" maw={1200}>
      <Group justify="space-between">
        <Title order={3}>{t('sla.compliance.title')}</Title>
        <ExportButtons busy={busy} disabled={periodError !== null} pdfLabel={t('sla.compliance.pdf')} onRun={(kind) => void run(kind)}>
          <PrintButton
            onPrint={() => void run('print')}
            loading={busy === 'print'}
            disabled={periodError !== null}
            testId="compliance-print"
          />
        </ExportButtons>
      </Group>
      <Group gap="sm" align="end">
        <DateField
          size="xs"
          w={130}
          label={t('sla.compliance.from')}
          aria-label={t('sla.compliance.from')}
          clearable={false}
          value={from}
          onChange={setFrom}
        />
        <DateField
          size="xs"
          w={130}
          label={t('sla.compliance.to')}
          aria-label={t('sla.compliance.to')}
          clearable={false}
          value={to}
          onChange={setTo}
        />
        <div>
          <Text size="xs" fw={500} mb={2}>
            {t('sla.compliance.groupBy')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-label={t('sla.compliance.groupBy')}
            data={COMPLIANCE_GROUPINGS.map((g) => ({ value: g, label: groupLabels[g] }))}
            value={groupBy}
            onChange={(g) => setGroupBy(g as Grouping)}
          />
        </div>
        <Text size="xs" c="dimmed" ml="auto" maw={380}>
          {t('sla.compliance.explain')}
        </Text>
      </Group>
      {periodError && <Alert color="orange">{periodError}</Alert>}
      {report.isError && <Alert color="red">{(report.error as Error).message}</Alert>}
      {report.isLoading && <Loader size="sm" />}
      {report.data && rows.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="compliance-empty">
          {t('sla.compliance.empty')}
        </Text>
      )}
      {report.data && report.data.total > rows.length && (
        <Text size="xs" c="dimmed">
          {t('sla.compliance.firstOf', { shown: rows.length, total: report.data.total })}
        </Text>
      )}
      {rows.length > 0 && (
        <>
          <Paper withBorder p="md">
            <ComplianceChart rows={rows} labelOf={labelOf} />
          </Paper>
          <Paper withBorder>
            <Table striped verticalSpacing={4} fz="sm" data-testid="compliance-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{groupLabels[groupBy]}</Table.Th>
                  <Table.Th ta="right">{t('sla.compliance.orders')}</Table.Th>
                  <Table.Th ta="right">{t('sla.compliance.targets')}</Table.Th>
                  <Table.Th ta="right">{t('sla.compliance.met')}</Table.Th>
                  <Table.Th ta="right">{t('sla.compliance.missed')}</Table.Th>
                  <Table.Th ta="right">{t('sla.compliance.shareMet')}</Table.Th>
                  <Table.Th ta="right">{t('sla.compliance.medianResponse')}</Table.Th>
                  <Table.Th ta="right">{t('sla.compliance.medianResolution')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>{labelOf(r)}</Table.Td>
                    <Table.Td ta="right">{r.orders}</Table.Td>
                    <Table.Td ta="right">{r.targets}</Table.Td>
                    <Table.Td ta="right">{r.met}</Table.Td>
                    <Table.Td ta="right" c={r.breached > 0 ? 'red' : undefined}>
                      {r.breached}
                    </Table.Td>
                    <Table.Td ta="right" fw={600}>
                      {percent(f, r.share)}
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
