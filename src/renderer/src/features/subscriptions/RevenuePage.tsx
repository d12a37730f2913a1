import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconFileTypePdf } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { addMonths } from '@shared/recurrence'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { call } from '../../lib/api'
import { usePdf } from '../../lib/usePdf'
import { PrintButton } from '../../components/PrintButton'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'
import { subscriptionKeys } from './queries'

/**
 * Recognised vs deferred subscription revenue by month, with MRR (the fees' service value in the month) and
 * ARR (twelve times the last month's MRR); contracted MRR and its movements (new, expansion, contraction,
 * churned); the twelve months after the report as a forecast. Amounts in euros on the charts, cents everywhere else.
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
    mrr: m.mrr / 100
  }))
  const euros = (v: unknown) => f.money(Math.round(Number(v) * 100))
  const forecast = (report.data?.forecast ?? []).map((m) => ({
    month: f.month(m.month),
    revenue: m.revenue / 100,
    contractedMrr: m.contractedMrr / 100
  }))
  const pdf = usePdf(() => call('subscriptions.revenuePdf', input))

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
          </Group>
        )}
        <Button
          ml="auto"
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
        <Paper withBorder p="sm" h={300} data-testid="revenue-chart" role="img" aria-label={t('subscriptions.revenue.chart')}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" fontSize={11} />
              <YAxis fontSize={11} tickFormatter={(v: number) => f.number(v, 0)} />
              <Tooltip formatter={euros} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar
                dataKey="recognised"
                name={t('subscriptions.revenue.recognised')}
                fill="var(--mantine-color-teal-6)"
                isAnimationActive={false}
              />
              <Bar
                dataKey="deferred"
                name={t('subscriptions.revenue.deferred')}
                fill="var(--mantine-color-blue-3)"
                isAnimationActive={false}
              />
              <Line
                dataKey="mrr"
                name={t('subscriptions.revenue.mrr')}
                stroke="var(--mantine-color-orange-6)"
                dot={false}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </Paper>
        <Paper withBorder p="sm" h={300} data-testid="forecast-chart" role="img" aria-label={t('subscriptions.revenue.forecastChart')}>
          <Text size="xs" c="dimmed" mb={2}>
            {t('subscriptions.revenue.forecast')}
          </Text>
          <ResponsiveContainer width="100%" height="92%">
            <ComposedChart data={forecast} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" fontSize={11} />
              <YAxis fontSize={11} tickFormatter={(v: number) => f.number(v, 0)} />
              <Tooltip formatter={euros} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar
                dataKey="revenue"
                name={t('subscriptions.revenue.forecastRevenue')}
                fill="var(--mantine-color-indigo-4)"
                isAnimationActive={false}
              />
              <Line
                dataKey="contractedMrr"
                name={t('subscriptions.revenue.contractedMrr')}
                stroke="var(--mantine-color-orange-6)"
                dot={false}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </Paper>
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

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p={6} px="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="sm">
        {value}
      </Text>
    </Paper>
  )
}
