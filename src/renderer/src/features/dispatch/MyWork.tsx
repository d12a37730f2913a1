import { Alert, Anchor, Badge, Button, Collapse, Flex, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconAlertTriangleFilled, IconChevronDown, IconChevronUp, IconCircleCheck, IconMapPin, IconTruck } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import { dispatchText } from '@shared/dispatch/text'
import type { AssignmentStatus, BoardCard } from '@shared/domain/dispatch'
import { formatsFor } from '@shared/i18n/format'
import { technicianActions } from '@shared/domain/lifecycle'
import { dateOf } from '@shared/time'
import { SlaBadge } from '../../components/SlaBadge'
import { today } from '../../lib/today'
import { useLanguage, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { PRIORITY_BORDER } from './colors'
import { JobNotesParts } from './JobNotesParts'
import { useSetStatus } from './mutations'
import { boardQuery } from './queries'
import { addDays, weekStart } from './timeScale'

const STEP_ICON: Record<AssignmentStatus, typeof IconTruck> = {
  planned: IconTruck,
  dispatched: IconTruck,
  travelling: IconTruck,
  onSite: IconMapPin,
  done: IconCircleCheck
}

/**
 * A technician's own schedule with their progress buttons; nobody else's work and no dragging. On a phone
 * (the shop's host opened in its browser) each job is a card with buttons the width of the screen.
 */
export function MyWork() {
  const { user } = useSession()
  const t = useT()
  const language = useLanguage()
  const [range, setRange] = useState<'today' | 'week'>('today')
  const from = range === 'today' ? today() : weekStart(today())
  const days = range === 'today' ? 1 : 7
  const board = useQuery({ ...boardQuery({ from, days, teamIds: [], workerId: user?.workerId ?? null }), enabled: !!user?.workerId })
  const setStatus = useSetStatus()
  const phone = useMediaQuery('(max-width: 48em)') ?? false
  // The one job whose notes and parts are open.
  const [openJob, setOpenJob] = useState<number | null>(null)
  const tz = board.data?.timeZone ?? 'Europe/Tallinn'
  const f = formatsFor(language, tz)
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
      <Alert color="gray" title={t('dispatch.myWork.title')}>
        {t('dispatch.myWork.notLinked')}
      </Alert>
    )
  return (
    <Stack gap="sm" maw={760} data-testid="my-work">
      <Group justify="space-between" wrap="nowrap">
        <Title order={4}>{t('dispatch.myWork.title')}</Title>
        <SegmentedControl
          size={phone ? 'sm' : 'xs'}
          value={range}
          onChange={(v) => setRange(v as 'today' | 'week')}
          data={[
            { value: 'today', label: t('dispatch.myWork.today') },
            { value: 'week', label: t('dispatch.myWork.thisWeek') }
          ]}
        />
      </Group>
      {board.isPending && <Loader size="sm" />}
      {board.isError && <Text c="red">{board.error.message}</Text>}
      {board.data && byDay.size === 0 && (
        <Text c="dimmed">{range === 'today' ? t('dispatch.myWork.nothingToday') : t('dispatch.myWork.nothingThisWeek')}</Text>
      )}
      {Array.from({ length: days }, (_, i) => addDays(from, i))
        .filter((d) => byDay.has(d))
        .map((d) => (
          <Stack key={d} gap={6}>
            <Text size="sm" fw={600} c="dimmed">
              {f.dayTitle(d)}
            </Text>
            {byDay.get(d)!.map((c) => (
              <Paper
                key={c.id}
                withBorder
                p="xs"
                bg={c.finished ? 'gray.0' : undefined}
                style={{ borderLeft: `4px solid ${PRIORITY_BORDER[c.priority]}` }}
                data-testid="my-work-card"
                data-order={c.orderNumber}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {f.time(c.start)}–{f.time(c.end)} ·{' '}
                      <Anchor component={Link} to={`/orders/${c.orderId}`} size="sm" fw={600}>
                        {c.orderNumber}
                      </Anchor>{' '}
                      · {c.customerName}
                    </Text>
                    <Text size="sm">{c.address}</Text>
                    <Text size="xs" c="dimmed">
                      {c.taskNames || c.description} · {f.duration((c.end - c.start) / 60_000)} · {c.stageName}
                    </Text>
                    {(c.actualStart !== null || c.actualEnd !== null) && (
                      <Text size="xs" c="teal.8" data-testid="actual-times">
                        {[
                          c.actualStart !== null && t('dispatch.myWork.arrived', { time: f.dateTime(c.actualStart) }),
                          c.actualEnd !== null && t('dispatch.myWork.finished', { time: f.dateTime(c.actualEnd) })
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    )}
                    {c.conflicts.map((k, i) => (
                      <Text key={i} size="xs" c="red.8">
                        <IconAlertTriangleFilled size={11} /> {dispatchText(t, f, k)}
                      </Text>
                    ))}
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <SlaBadge badge={c.sla} compact />
                    <Badge
                      size="sm"
                      variant="light"
                      color={c.status === 'done' ? 'teal' : c.status === 'planned' ? 'gray' : 'blue'}
                      data-testid="my-work-status"
                    >
                      {t(`enums.assignmentStatus.${c.status}`)}
                    </Badge>
                  </Group>
                </Group>
                {/* Only what the visit and its order allow now: nothing on finished, posted or cancelled work, not even notes. */}
                {/* Steps at the right of the notes toggle on a desk; on a phone, full-width rows under the job. */}
                <Flex
                  mt={6}
                  gap={6}
                  direction={phone ? 'column' : 'row-reverse'}
                  justify="space-between"
                  align={phone ? 'stretch' : 'center'}
                >
                  <Group gap={6} grow={phone}>
                    {technicianActions(c.status, !c.orderFinished).map((status) => {
                      const Icon = STEP_ICON[status]
                      return (
                        <Button
                          key={status}
                          size={phone ? 'md' : 'compact-sm'}
                          variant={status === 'done' ? 'filled' : 'light'}
                          leftSection={<Icon size={phone ? 18 : 14} />}
                          loading={setStatus.isPending && setStatus.variables?.card.id === c.id && setStatus.variables.status === status}
                          onClick={() => setStatus.mutate({ card: c, status })}
                        >
                          {t(`enums.assignmentStatus.${status}`)}
                        </Button>
                      )
                    })}
                  </Group>
                  {c.status !== 'done' && !c.orderFinished && (
                    <Button
                      variant="subtle"
                      size={phone ? 'md' : 'compact-sm'}
                      rightSection={openJob === c.id ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
                      onClick={() => setOpenJob(openJob === c.id ? null : c.id)}
                      aria-expanded={openJob === c.id}
                    >
                      {t('dispatch.myWork.notesAndParts')}
                    </Button>
                  )}
                </Flex>
                <Collapse expanded={openJob === c.id}>{openJob === c.id && <JobNotesParts orderId={c.orderId} />}</Collapse>
              </Paper>
            ))}
          </Stack>
        ))}
    </Stack>
  )
}
