import { Alert, Anchor, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQueries } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { GenerationRun } from '@shared/domain/agreements'
import { call } from '../../lib/api'
import { formatDate } from '../../lib/format'
import { Count } from './Count'
import { weekdayName } from './PreviewPanel'

const SHOWN_ORDERS = 15

/** What the run made, and links to the orders it created. */
export function RunSummary({ run, onNavigate }: { run: GenerationRun; onNavigate: () => void }) {
  const shown = run.orderIds.slice(0, SHOWN_ORDERS)
  const orders = useQueries({
    queries: shown.map((id) => ({ queryKey: ['record', 'serviceOrders', id], queryFn: () => call('serviceOrders.get', { id }) }))
  })
  return (
    <Stack gap="sm" data-testid="generator-summary">
      {run.status === 'cancelled' && (
        <Alert variant="light" color="orange" p="xs">
          Stopped between agreements: every agreement handled so far was created whole. Run it again over the same period to continue;
          nothing is created twice.
        </Alert>
      )}
      {run.status === 'failed' && (
        <Alert variant="light" color="red" p="xs" icon={<IconAlertTriangle size={16} />} title="The run stopped">
          {run.error}
        </Alert>
      )}
      <SimpleGrid cols={4} spacing="xs">
        <Count label="Orders created" value={run.ordersCreated} />
        <Count label="Lines created" value={run.linesCreated} />
        <Count label="Already created (skipped)" value={run.skipped} />
        <Count label="Calendar conflicts" value={run.conflicts} color={run.conflicts > 0 ? 'red' : undefined} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Period {formatDate(run.fromDate)} – {formatDate(run.toDate)}
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
                      {o?.number ?? `Order ${id}`}
                    </Anchor>
                  </Table.Td>
                  <Table.Td w={120}>
                    <Text size="sm">{date ? `${weekdayName(date)} ${formatDate(date)}` : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>
                      {o ? `${o.customerName} — ${o.description}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td w={70}>
                    <Text size="xs" c="dimmed" ta="right">
                      {o ? `${o.lines.length} line${o.lines.length === 1 ? '' : 's'}` : ''}
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
          {run.ordersCreated > shown.length ? `${run.ordersCreated - shown.length} more — ` : ''}
          <Anchor component={Link} to="/orders" onClick={onNavigate}>
            Open the service order list
          </Anchor>
        </Text>
      )}
    </Stack>
  )
}
