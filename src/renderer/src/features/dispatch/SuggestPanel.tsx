import { Button, Group, Loader, Paper, Text } from '@mantine/core'
import { IconSparkles } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import type { TrayRow } from '@shared/domain/dispatch'
import { formatInstant } from '@shared/time'
import { suggestQuery } from './queries'

interface Props {
  row: TrayRow
  from: string
  days: number
  timeZone: string
  onAssign: (workerId: number, start: number, end: number) => void
}

/** Ranked technicians for the selected tray order, with the reasons; Enter on the tray card takes the first. */
export function SuggestPanel({ row, from, days, timeZone, onAssign }: Props) {
  const q = useQuery(suggestQuery(row.orderId, from, days))
  return (
    <Paper withBorder m={6} p={6} bg="indigo.0" data-testid="suggestions" style={{ maxHeight: '40%', overflow: 'auto', flexShrink: 0 }}>
      <Group gap={4} mb={4}>
        <IconSparkles size={14} />
        <Text size="xs" fw={600}>
          Suggested for {row.orderNumber}
        </Text>
        <Text size="10px" c="dimmed">
          Enter assigns the first
        </Text>
      </Group>
      {q.isPending && <Loader size="xs" />}
      {q.isError && (
        <Text size="xs" c="red">
          {q.error.message}
        </Text>
      )}
      {q.data?.length === 0 && (
        <Text size="xs" c="dimmed">
          No technician can take it in the shown range.
        </Text>
      )}
      {q.data?.slice(0, 8).map((s, i) => (
        <Group
          key={s.workerId}
          gap={6}
          wrap="nowrap"
          align="flex-start"
          py={3}
          style={{ borderTop: i ? '1px solid var(--mantine-color-indigo-1)' : undefined }}
          data-testid="suggestion"
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <Text size="xs" fw={600} truncate>
              {i + 1}. {s.name}{' '}
              <Text span size="xs" c="dimmed">
                score {Math.round(s.score)}
              </Text>
            </Text>
            <Text size="xs" c={s.slot ? 'teal.8' : 'orange.8'}>
              {s.slot
                ? `${formatInstant(s.slot.start, timeZone)} – ${formatInstant(s.slot.end, timeZone).slice(-5)}`
                : 'No free slot in range'}
            </Text>
            <Text size="10px" c="dimmed" lineClamp={2}>
              {s.reasons.join(' · ')}
            </Text>
          </div>
          <Button
            size="compact-xs"
            variant="light"
            disabled={!s.slot}
            onClick={() => s.slot && onAssign(s.workerId, s.slot.start, s.slot.end)}
          >
            Assign
          </Button>
        </Group>
      ))}
    </Paper>
  )
}
