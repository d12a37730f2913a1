import { Badge, Button, Group, Loader, Paper, Text } from '@mantine/core'
import { IconSparkles } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { dispatchText } from '@shared/dispatch/text'
import type { Suggestion } from '@shared/dispatch/suggest'
import type { TrayRow } from '@shared/domain/dispatch'
import { formatsFor } from '@shared/i18n/format'
import { useLanguage, useT } from '../../lib/i18n'
import { suggestQuery } from './queries'

/** A suggested slot drawn on the board: the technician's row and the time span. */
export interface SuggestedSlot {
  workerId: number
  name: string
  start: number
  end: number
}

interface Props {
  row: TrayRow
  from: string
  days: number
  timeZone: string
  /** The shown range [rangeStart, rangeEnd): a slot outside it is marked, and picking it moves the board there. */
  rangeStart: number
  rangeEnd: number
  /** The suggestion picked (clicked) by its technician, if any. */
  picked: number | null
  /** Hovering a suggestion highlights its slot on the board; leaving clears it. */
  onHover: (slot: SuggestedSlot | null) => void
  /** Clicking one keeps its slot highlighted and brings it into view. */
  onPick: (slot: SuggestedSlot) => void
  onAssign: (workerId: number, start: number, end: number) => void
}

const slotOf = (s: Suggestion): SuggestedSlot | null => (s.slot ? { workerId: s.workerId, name: s.name, ...s.slot } : null)

/** Ranked technicians for the selected tray order, with the reasons; Enter on the tray card takes rank 1. */
export function SuggestPanel({ row, from, days, timeZone, rangeStart, rangeEnd, picked, onHover, onPick, onAssign }: Props) {
  const t = useT()
  const f = formatsFor(useLanguage(), timeZone)
  const q = useQuery(suggestQuery(row.orderId, from, days))
  return (
    <Paper
      withBorder
      m={6}
      p={6}
      bg="indigo.0"
      data-testid="suggestions"
      style={{ maxHeight: '45%', overflow: 'auto', flexShrink: 0 }}
      onMouseLeave={() => onHover(null)}
    >
      <Group gap={4} mb={4}>
        <IconSparkles size={14} />
        <Text size="xs" fw={600}>
          {t('dispatch.suggest.title', { order: row.orderNumber })}
        </Text>
        <Text size="10px" c="dimmed">
          {t('dispatch.suggest.enterHint')}
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
          {t('dispatch.suggest.none')}
        </Text>
      )}
      {q.data?.slice(0, 8).map((s) => {
        const slot = slotOf(s)
        const outside = s.slot !== null && (s.slot.end <= rangeStart || s.slot.start >= rangeEnd)
        const slotReason = s.reasons.find((r) => r.code.startsWith('dispatch.suggest.reasons.free') || r.code.endsWith('noFreeTime'))
        return (
          <Group
            key={s.workerId}
            gap={6}
            wrap="nowrap"
            align="flex-start"
            py={3}
            px={3}
            style={{
              borderTop: s.rank > 1 ? '1px solid var(--mantine-color-indigo-1)' : undefined,
              cursor: slot ? 'pointer' : undefined,
              background: picked === s.workerId ? 'var(--mantine-color-indigo-1)' : undefined,
              borderRadius: 3
            }}
            data-testid="suggestion"
            data-rank={s.rank}
            data-fit={s.fit}
            onMouseEnter={() => onHover(slot)}
            onClick={() => slot && onPick(slot)}
          >
            <Badge
              size="sm"
              circle
              variant={s.rank === 1 ? 'filled' : 'light'}
              color="indigo"
              title={t('dispatch.suggest.rank', { rank: s.rank })}
            >
              {s.rank}
            </Badge>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="xs" fw={600} truncate>
                {s.name}
              </Text>
              <Text size="xs" c={s.fit === 'meets' ? 'teal.8' : 'orange.8'} data-testid="suggestion-slot">
                {slotReason ? dispatchText(t, f, slotReason) : ''}
                {outside && (
                  <Text span size="10px" c="dimmed">
                    {' '}
                    ({t('dispatch.suggest.outsideRange')})
                  </Text>
                )}
              </Text>
              <Text size="10px" c="dimmed" data-testid="suggestion-reasons">
                {s.reasons
                  .filter((r) => r !== slotReason)
                  .map((r) => dispatchText(t, f, r))
                  .join(' · ')}
              </Text>
            </div>
            <Button
              size="compact-xs"
              variant="light"
              disabled={!s.slot}
              onClick={(e) => {
                e.stopPropagation()
                if (s.slot) onAssign(s.workerId, s.slot.start, s.slot.end)
              }}
            >
              {t('dispatch.suggest.assign')}
            </Button>
          </Group>
        )
      })}
    </Paper>
  )
}
