import { Alert, Anchor, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQueries } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { GenerationRun } from '@shared/domain/agreements'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { Count } from './Count'

const SHOWN_ORDERS = 15

/** What the run made, and links to the orders it created. */
export function RunSummary({ run, onNavigate }: { run: GenerationRun; onNavigate: () => void }) {
  const t = useT()
  const f = useFormat()
  const shown = run.orderIds.slice(0, SHOWN_ORDERS)
  const orders = useQueries({
    queries: shown.map((id) => ({ queryKey: ['record', 'serviceOrders', id], queryFn: () => call('serviceOrders.get', { id }) }))
  })
  return (
    <Stack gap="sm" data-testid="generator-summary">
      {run.status === 'cancelled' && (
        <Alert variant="light" color="orange" p="xs">
          {t('agreements.generator.stoppedBetween')}
        </Alert>
      )}
      {run.status === 'failed' && (
        <Alert variant="light" color="red" p="xs" icon={<IconAlertTriangle size={16} />} title={t('agreements.generator.runStopped')}>
          {run.error}
        </Alert>
      )}
      <SimpleGrid cols={4} spacing="xs">
        <Count label={t('agreements.generator.ordersCreated')} value={run.ordersCreated} />
        <Count label={t('agreements.generator.linesCreated')} value={run.linesCreated} />
        <Count label={t('agreements.generator.skipped')} value={run.skipped} />
        <Count label={t('agreements.generator.conflicts')} value={run.conflicts} color={run.conflicts > 0 ? 'red' : undefined} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('agreements.generator.period', { from: f.date(run.fromDate), to: f.date(run.toDate) })}
      </Text>
      {shown.length > 0 && (
        <Table verticalSpacing={2} fz="sm" withTableBorder data-testid="created-orders">
          <Table.Tbody>
            {shown.map((id, i) => {
              const o = orders[i]?.data
              const date = o?.lines.find((l) => l.scheduledDate !== null)?.scheduledDate ?? null
              return (
                <Table.Tr key={id}>
                  <Table.Td w={110}>
                    <Anchor component={Link} to={`/orders/${id}`} onClick={onNavigate} size="sm">
                      {o?.number ?? t('agreements.generator.order', { id })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td w={120}>
                    <Text size="sm">{date ? `${f.weekday(date, 'short')} ${f.date(date)}` : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>
                      {o ? `${o.customerName} — ${o.description}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td w={70}>
                    <Text size="xs" c="dimmed" ta="right">
                      {o ? t('agreements.generator.orderLines', { count: o.lines.length }) : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      {run.ordersCreated > 0 && (
        <Text size="sm">
          {run.ordersCreated > shown.length ? t('agreements.generator.more', { n: run.ordersCreated - shown.length }) : ''}
          <Anchor component={Link} to="/orders" onClick={onNavigate}>
            {t('agreements.generator.openList')}
          </Anchor>
        </Text>
      )}
    </Stack>
  )
}
