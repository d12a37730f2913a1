import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { addMonths } from '@shared/recurrence'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { PrintButton } from '../../components/PrintButton'
import { call, exportCsv } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { usePdf } from '../../lib/usePdf'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'
import { subscriptionKeys } from './queries'
import { RevenueChart } from './RevenueChart'

/**
 * Recognised vs deferred subscription revenue by month, with MRR (the fees' service value in the month) and
 * ARR (twelve times the last month's MRR); contracted MRR and its movements (new, expansion, contraction,
 * churned); service-order revenue beside it; the twelve months after the report as a forecast of both. Amounts in
 * euros on the charts, cents everywhere else.
 */
export function RevenuePage() {
  const t = useT()
  const f = useFormat()
  const [from, setFrom] = useState<string | null>(`${addMonths(today(), -11).slice(0, 7)}-01`)
  const [to, setTo] = useState<string | null>(today())
  const [groupId, setGroupId] = useState<number | null>(null)
  const input = { from: from ?? '', to: to ?? '', groupId }
  const report = useQuery({
    queryKey: subscriptionKeys.revenue(input),
    queryFn: () => call('subscriptions.revenue', input),
    enabled: !!from && !!to && from <= to
  })
  const months = report.data?.months ?? []
  const last = months.at(-1)
  const data = months.map((m) => ({
    month: f.month(m.month),
    recognised: m.recognised / 100,
    deferred: m.deferred / 100,
    serviceOrders: m.serviceOrders / 100,
    mrr: m.mrr / 100
  }))
  const forecastMonths = report.data?.forecast ?? []
  const forecast = forecastMonths.map((m) => ({
    month: f.month(m.month),
    revenue: m.revenue / 100,
    agreementOrders: m.agreementOrders / 100,
    otherOrders: m.otherOrders / 100,
    contractedMrr: m.contractedMrr / 100
  }))
  const orderForecast = forecastMonths.reduce((sum, m) => sum + m.agreementOrders + m.otherOrders, 0)
  const pdf = usePdf(() => call('subscriptions.revenuePdf', input))
  const csv = useMutation({
    mutationFn: () => exportCsv('subscriptionRevenue.list', input, `subscription-revenue-${input.from}-${input.to}.csv`),
    onError: (e) => showApiError(e)
  })

  return (
    <Stack gap="sm">
      <Title order={3}>{t('subscriptions.revenue.title')}</Title>
      <Group gap="sm" align="end">
        <DateField label={t('subscriptions.revenue.from')} w={160} clearable={false} value={from} onChange={setFrom} />
        <DateField label={t('subscriptions.revenue.to')} w={160} clearable={false} value={to} onChange={setTo} />
        <EntitySelect
          label={t('subscriptions.generate.group')}
          placeholder={t('subscriptions.anyGroup')}
          w={220}
          list="subscriptionGroups.list"
          labelOf={(g) => g.name}
          value={groupId}
          onChange={(id) => setGroupId(id)}
        />
        {last && (
          <Group gap="sm" data-testid="revenue-kpis">
            <Kpi label={t('subscriptions.revenue.mrr')} value={f.money(last.mrr)} />
            <Kpi label={t('subscriptions.revenue.arr')} value={f.money(last.mrr * 12)} />
            <Kpi label={t('subscriptions.revenue.deferredNow')} value={f.money(last.deferred)} />
            <Kpi label={t('subscriptions.revenue.contractedMrr')} value={f.money(last.contractedMrr)} />
            <Kpi label={t('subscriptions.revenue.orderForecastTotal')} value={f.money(orderForecast)} testId="kpi-order-forecast" />
          </Group>
        )}
        <Button
          ml="auto"
          variant="default"
          leftSection={<IconDownload size={14} />}
          disabled={!report.data}
          loading={csv.isPending}
          onClick={() => csv.mutate()}
          data-testid="revenue-csv"
        >
          {t('common.exportCsv')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconFileTypePdf size={14} />}
          disabled={!report.data}
          loading={pdf.download.isPending}
          onClick={() => pdf.download.mutate()}
          data-testid="revenue-pdf"
        >
          {t('subscriptions.revenue.pdf')}
        </Button>
        <PrintButton onPrint={() => pdf.print.mutate()} loading={pdf.print.isPending} disabled={!report.data} testId="revenue-print" />
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <RevenueChart
          testId="revenue-chart"
          label={t('subscriptions.revenue.chart')}
          data={data}
          series={[
            { key: 'recognised', name: t('subscriptions.revenue.recognised'), color: 'var(--mantine-color-teal-6)', as: 'bar' },
            { key: 'deferred', name: t('subscriptions.revenue.deferred'), color: 'var(--mantine-color-blue-3)', as: 'bar' },
            { key: 'serviceOrders', name: t('subscriptions.revenue.serviceOrders'), color: 'var(--mantine-color-grape-5)', as: 'bar' },
            { key: 'mrr', name: t('subscriptions.revenue.mrr'), color: 'var(--mantine-color-orange-6)', as: 'line' }
          ]}
        />
        <RevenueChart
          testId="forecast-chart"
          caption={t('subscriptions.revenue.forecast')}
          label={t('subscriptions.revenue.forecastChart')}
          data={forecast}
          series={[
            {
              key: 'revenue',
              name: t('subscriptions.revenue.forecastRevenue'),
              color: 'var(--mantine-color-indigo-4)',
              as: 'bar',
              stack: 'revenue'
            },
            {
              key: 'agreementOrders',
              name: t('subscriptions.revenue.agreementOrders'),
              color: 'var(--mantine-color-grape-5)',
              as: 'bar',
              stack: 'revenue'
            },
            {
              key: 'otherOrders',
              name: t('subscriptions.revenue.otherOrders'),
              color: 'var(--mantine-color-grape-2)',
              as: 'bar',
              stack: 'revenue'
            },
            { key: 'contractedMrr', name: t('subscriptions.revenue.contractedMrr'), color: 'var(--mantine-color-orange-6)', as: 'line' }
          ]}
        />
      </SimpleGrid>
      <Table striped withTableBorder fz="sm" verticalSpacing={2} data-testid="revenue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('subscriptions.revenue.month')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.invoiced')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.credited')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.recognised')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.deferred')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.mrr')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.serviceOrders')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.newMrr')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.expansionMrr')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.contractionMrr')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.churnedMrr')}</Table.Th>
            <Table.Th ta="right">{t('subscriptions.revenue.contractedMrr')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {months.map((m) => (
            <Table.Tr key={m.month} data-testid="revenue-row">
              <Table.Td>{f.month(m.month)}</Table.Td>
              <Table.Td ta="right">{f.money(m.invoiced)}</Table.Td>
              <Table.Td ta="right">{f.money(m.credited)}</Table.Td>
              <Table.Td ta="right">{f.money(m.recognised)}</Table.Td>
              <Table.Td ta="right">{f.money(m.deferred)}</Table.Td>
              <Table.Td ta="right">{f.money(m.mrr)}</Table.Td>
              <Table.Td ta="right" data-testid="service-order-revenue">
                {f.money(m.serviceOrders)}
              </Table.Td>
              <Table.Td ta="right">{f.money(m.newMrr)}</Table.Td>
              <Table.Td ta="right">{f.money(m.expansionMrr)}</Table.Td>
              <Table.Td ta="right">{f.money(m.contractionMrr)}</Table.Td>
              <Table.Td ta="right">{f.money(m.churnedMrr)}</Table.Td>
              <Table.Td ta="right">{f.money(m.contractedMrr)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('subscriptions.revenue.definitions')}
      </Text>
    </Stack>
  )
}

function Kpi({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p={6} px="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="sm">
        {value}
      </Text>
    </Paper>
  )
}
