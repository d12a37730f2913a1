import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconFileTypePdf } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Bar, BarChart, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { paretoBars, type ParetoRow } from '@shared/domain/repair'
import { addMonths } from '@shared/recurrence'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { call } from '../../lib/api'
import { usePdf } from '../../lib/usePdf'
import { PrintButton } from '../../components/PrintButton'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'

/**
 * Which symptoms and fixes dominate (Pareto: counts, most frequent first, with the cumulative share) and how long
 * equipment runs between failures, per item model and per object, over a chosen period.
 */
export function RepairAnalysisPage() {
  const t = useT()
  const f = useFormat()
  const [from, setFrom] = useState<string | null>(addMonths(today(), -12))
  const [to, setTo] = useState<string | null>(today())
  const [itemId, setItemId] = useState<number | null>(null)
  const input = { from: from ?? '', to: to ?? '', itemId }
  const report = useQuery({
    queryKey: ['repairAnalysis', input],
    queryFn: () => call('repairAnalysis.get', input),
    enabled: !!from && !!to && from <= to
  })
  const data = report.data
  // A technician's repairs over the same period, printed for a review of their work.
  const [workerId, setWorkerId] = useState<number | null>(null)
  const technicianPdf = usePdf(() => call('repairLines.technicianPdf', { workerId: workerId!, from: from!, to: to! }))
  const days = (v: number | null) => (v === null ? t('common.none') : f.number(v, 1))

  return (
    <Stack gap="sm">
      <Title order={3}>{t('repair.analysis.title')}</Title>
      <Group gap="sm" align="end">
        <DateField label={t('repair.analysis.from')} w={160} clearable={false} value={from} onChange={setFrom} />
        <DateField label={t('repair.analysis.to')} w={160} clearable={false} value={to} onChange={setTo} />
        <EntitySelect
          label={t('repair.analysis.model')}
          placeholder={t('repair.analysis.anyModel')}
          w={260}
          list="items.list"
          labelOf={(i) => `${i.number} ${i.name}`}
          value={itemId}
          onChange={(id) => setItemId(id)}
          clearable
        />
        <Group gap={6} align="end" ml="auto">
          <EntitySelect
            label={t('repair.analysis.technician')}
            placeholder={t('repair.analysis.chooseTechnician')}
            w={220}
            list="workers.list"
            labelOf={(w) => w.name}
            value={workerId}
            onChange={setWorkerId}
            clearable
            data-testid="analysis-technician"
          />
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={14} />}
            disabled={workerId === null || !from || !to || from > to}
            loading={technicianPdf.download.isPending}
            onClick={() => technicianPdf.download.mutate()}
            data-testid="technician-repairs-pdf"
          >
            {t('repair.analysis.technicianPdf')}
          </Button>
          <PrintButton
            onPrint={() => technicianPdf.print.mutate()}
            loading={technicianPdf.print.isPending}
            disabled={workerId === null || !from || !to || from > to}
            testId="technician-repairs-print"
          />
        </Group>
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Pareto title={t('repair.analysis.symptoms')} rows={data?.symptoms ?? []} testId="pareto-symptoms" color="orange" />
        <Pareto title={t('repair.analysis.resolutions')} rows={data?.resolutions ?? []} testId="pareto-resolutions" color="teal" />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" mb={4}>
            {t('repair.analysis.mtbfByItem')}
          </Text>
          {/* Without a failure no model has an MTBF: bare axes would read as a chart of zeros. */}
          {!(data?.byItem ?? []).some((m) => m.mtbfDays !== null) ? (
            <Text size="sm" c="dimmed" h={120} data-testid="mtbf-empty">
              {t('repair.analysis.noMtbf')}
            </Text>
          ) : (
            <Paper h={Math.max(120, (data?.byItem.length ?? 0) * 28 + 40)} role="img" aria-label={t('repair.analysis.mtbfByItem')}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  layout="vertical"
                  data={(data?.byItem ?? []).map((m) => ({ name: m.itemNumber, mtbf: m.mtbfDays ?? 0 }))}
                  margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" fontSize={11} />
                  <YAxis type="category" dataKey="name" width={110} fontSize={11} />
                  <Tooltip formatter={(v) => f.number(Number(v), 1)} />
                  <Bar dataKey="mtbf" name={t('repair.analysis.mtbf')} fill="var(--mantine-color-blue-5)" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Paper>
          )}
          <Table striped fz="sm" verticalSpacing={2} mt="xs" data-testid="mtbf-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('repair.analysis.model')}</Table.Th>
                <Table.Th ta="right">{t('repair.analysis.objects')}</Table.Th>
                <Table.Th ta="right">{t('repair.analysis.operatingDays')}</Table.Th>
                <Table.Th ta="right">{t('repair.analysis.failures')}</Table.Th>
                <Table.Th ta="right">{t('repair.analysis.mtbf')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.byItem ?? []).map((m) => (
                <Table.Tr key={m.itemId}>
                  <Table.Td>{`${m.itemNumber} ${m.itemName}`}</Table.Td>
                  <Table.Td ta="right">{m.objects}</Table.Td>
                  <Table.Td ta="right">{m.operatingDays}</Table.Td>
                  <Table.Td ta="right">{m.failures}</Table.Td>
                  <Table.Td ta="right">{days(m.mtbfDays)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" mb={4}>
            {t('repair.analysis.mtbfByObject')}
          </Text>
          <Table striped fz="sm" verticalSpacing={2} data-testid="mtbf-objects">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('repair.lines.object')}</Table.Th>
                <Table.Th>{t('repair.analysis.model')}</Table.Th>
                <Table.Th ta="right">{t('repair.analysis.operatingDays')}</Table.Th>
                <Table.Th ta="right">{t('repair.analysis.failures')}</Table.Th>
                <Table.Th ta="right">{t('repair.analysis.mtbf')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.byObject ?? []).map((o) => (
                <Table.Tr key={o.serviceObjectId}>
                  <Table.Td>{`${o.objectNumber} ${o.objectName}`}</Table.Td>
                  <Table.Td>{o.itemName ?? t('common.none')}</Table.Td>
                  <Table.Td ta="right">{o.operatingDays}</Table.Td>
                  <Table.Td ta="right">{o.failures}</Table.Td>
                  <Table.Td ta="right">{days(o.mtbfDays)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('repair.analysis.note')}
      </Text>
    </Stack>
  )
}

/** More bars than this and the codes' labels crowd even when slanted: the rest become one "other codes" bar. */
const MAX_BARS = 15
/**
 * Longer codes are cut in the middle on the axis (codes of one area often share their start and differ at the
 * end); the tooltip names them whole.
 */
const MAX_LABEL = 11
const cut = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, 5)}…${s.slice(-5)}` : s)

function Pareto({ title, rows, testId, color }: { title: string; rows: ParetoRow[]; testId: string; color: string }) {
  const t = useT()
  const f = useFormat()
  const data = paretoBars(rows, MAX_BARS).map((b, i) => ({
    ...b,
    // A unique axis key (the "other codes" bar has no code); the tick shows the label.
    key: String(i),
    label: b.code === null ? t('repair.analysis.otherCodes', { count: b.others }) : cut(b.code),
    full: b.code === null ? t('repair.analysis.otherCodes', { count: b.others }) : `${b.code} — ${b.name}`
  }))
  const labels = new Map(data.map((d) => [d.key, d.label]))
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" h={280}>
          {t('repair.analysis.noData')}
        </Text>
      ) : (
        <Paper h={280} role="img" aria-label={title}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              {/* Slanted, cut labels, every one shown: with up to MAX_BARS bars they never overlap. */}
              <XAxis
                dataKey="key"
                fontSize={11}
                interval={0}
                angle={-40}
                textAnchor="end"
                height={64}
                tickFormatter={(k: string) => labels.get(k) ?? ''}
              />
              <YAxis yAxisId="count" fontSize={11} allowDecimals={false} />
              <YAxis yAxisId="share" orientation="right" domain={[0, 100]} fontSize={11} unit="%" />
              <Tooltip
                formatter={(v, _name, item) => (item.dataKey === 'cumulative' ? `${f.number(Number(v), 1)} %` : f.number(Number(v), 0))}
                labelFormatter={(_key, payload) => String(payload[0]?.payload.full ?? '')}
              />
              <Bar
                yAxisId="count"
                dataKey="count"
                name={t('repair.analysis.count')}
                fill={`var(--mantine-color-${color}-5)`}
                isAnimationActive={false}
              />
              <Line
                yAxisId="share"
                dataKey="cumulative"
                name={t('repair.analysis.cumulative')}
                stroke="var(--mantine-color-gray-7)"
                dot
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </Paper>
      )}
    </Paper>
  )
}
