import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangleFilled, IconCircleCheck, IconMapPin, IconTruck } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus, type BoardCard } from '@shared/domain/dispatch'
import { dateOf, formatInstant } from '@shared/time'
import { SlaBadge } from '../../components/SlaBadge'
import { today } from '../../lib/format'
import { useSession } from '../../lib/session'
import { PRIORITY_BORDER } from './colors'
import { useSetStatus } from './mutations'
import { boardQuery } from './queries'
import { addDays, formatDuration, formatTime, weekStart } from './timeScale'

/** The steps a technician registers, in order; each button is offered only after the previous step. */
const STEPS: { status: AssignmentStatus; label: string; icon: typeof IconTruck; after: AssignmentStatus[] }[] = [
  { status: 'travelling', label: 'Travelling', icon: IconTruck, after: ['planned', 'dispatched'] },
  { status: 'onSite', label: 'On site', icon: IconMapPin, after: ['planned', 'dispatched', 'travelling'] },
  { status: 'done', label: 'Done', icon: IconCircleCheck, after: ['onSite'] }
]

/** A technician's own schedule with their progress buttons; nobody else's work and no dragging. */
export function MyWork() {
  const { user } = useSession()
  const [range, setRange] = useState<'today' | 'week'>('today')
  const from = range === 'today' ? today() : weekStart(today())
  const days = range === 'today' ? 1 : 7
  const board = useQuery({ ...boardQuery({ from, days, teamIds: [], workerId: user?.workerId ?? null }), enabled: !!user?.workerId })
  const setStatus = useSetStatus()
  const tz = board.data?.timeZone ?? 'Europe/Tallinn'
  const byDay = useMemo(() => {
    const m = new Map<string, BoardCard[]>()
    for (const c of [...(board.data?.cards ?? [])].sort((a, b) => a.start - b.start)) {
      const d = dateOf(c.start, tz)
      m.set(d, [...(m.get(d) ?? []), c])
    }
    return m
  }, [board.data?.cards, tz])

  if (!user?.workerId)
    return (
      <Alert color="gray" title="My work">
        Your user is not linked to a worker, so there is no schedule to show. An administrator can link it on the user page.
      </Alert>
    )
  return (
    <Stack gap="sm" maw={760} data-testid="my-work">
      <Group justify="space-between">
        <Title order={4}>My work</Title>
        <SegmentedControl
          size="xs"
          value={range}
          onChange={(v) => setRange(v as 'today' | 'week')}
          data={[
            { value: 'today', label: 'Today' },
            { value: 'week', label: 'This week' }
          ]}
        />
      </Group>
      {board.isPending && <Loader size="sm" />}
      {board.isError && <Text c="red">{board.error.message}</Text>}
      {board.data && byDay.size === 0 && <Text c="dimmed">Nothing planned {range === 'today' ? 'today' : 'this week'}.</Text>}
      {Array.from({ length: days }, (_, i) => addDays(from, i))
        .filter((d) => byDay.has(d))
        .map((d) => (
          <Stack key={d} gap={6}>
            <Text size="sm" fw={600} c="dimmed">
              {new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })}
            </Text>
            {byDay.get(d)!.map((c) => (
              <Paper
                key={c.id}
                withBorder
                p="xs"
                style={{ borderLeft: `4px solid ${PRIORITY_BORDER[c.priority]}` }}
                data-testid="my-work-card"
                data-order={c.orderNumber}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {formatTime(c.start, tz)}–{formatTime(c.end, tz)} ·{' '}
                      <Anchor component={Link} to={`/orders/${c.orderId}`} size="sm" fw={600}>
                        {c.orderNumber}
                      </Anchor>{' '}
                      · {c.customerName}
                    </Text>
                    <Text size="sm">{c.address}</Text>
                    <Text size="xs" c="dimmed">
                      {c.taskNames || c.description} · {formatDuration(c.end - c.start)} · {c.stageName}
                    </Text>
                    {(c.actualStart !== null || c.actualEnd !== null) && (
                      <Text size="xs" c="teal.8" data-testid="actual-times">
                        {c.actualStart !== null && `Arrived ${formatInstant(c.actualStart, tz)}`}
                        {c.actualEnd !== null && ` · Finished ${formatInstant(c.actualEnd, tz)}`}
                      </Text>
                    )}
                    {c.conflicts.map((k, i) => (
                      <Text key={i} size="xs" c="red.8">
                        <IconAlertTriangleFilled size={11} /> {k.message}
                      </Text>
                    ))}
                  </div>
                  <Stack gap={4} align="flex-end">
                    <Group gap={4}>
                      <SlaBadge badge={c.sla} compact />
                      <Badge
                        size="sm"
                        variant="light"
                        color={c.status === 'done' ? 'teal' : c.status === 'planned' ? 'gray' : 'blue'}
                        data-testid="my-work-status"
                      >
                        {ASSIGNMENT_STATUS_LABELS[c.status]}
                      </Badge>
                    </Group>
                    <Group gap={4}>
                      {STEPS.filter((s) => s.after.includes(c.status)).map((s) => (
                        <Button
                          key={s.status}
                          size="compact-sm"
                          variant={s.status === 'done' ? 'filled' : 'light'}
                          leftSection={<s.icon size={14} />}
                          loading={setStatus.isPending && setStatus.variables?.card.id === c.id && setStatus.variables.status === s.status}
                          onClick={() => setStatus.mutate({ card: c, status: s.status })}
                        >
                          {s.label}
                        </Button>
                      ))}
                    </Group>
                  </Stack>
                </Group>
              </Paper>
            ))}
          </Stack>
        ))}
    </Stack>
  )
}
