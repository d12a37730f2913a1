import { Badge, type MantineColor, Tooltip } from '@mantine/core'
import type { SlaBadge as SlaBadgeData } from '@shared/domain/sla'
import { SLA_TARGET_LABELS } from '@shared/domain/sla'
import { formatMinutes } from '@shared/sla/clock'
import { formatInstant } from '@shared/time'
import { useTimeZone } from '../lib/settings'

const COLOURS: Record<SlaBadgeData['level'], MantineColor> = {
  ok: 'green',
  atRisk: 'orange',
  breached: 'red',
  paused: 'blue',
  met: 'teal',
  cancelled: 'gray'
}

/**
 * The badge text. Remaining and overrun are business minutes as the server counted them when the
 * row was read, so a list, the order header and a board card all say the same thing (the browser's
 * clock plays no part).
 */
export function slaBadgeText(badge: SlaBadgeData, compact = false): string {
  const left = badge.remainingMinutes
  switch (badge.level) {
    case 'ok':
    case 'atRisk':
      if (left === null) return 'Running'
      // Seconds before the deadline: "0 min left" would read as already over.
      if (left < 0.5) return compact ? '< 1 min' : 'Under a minute left'
      return compact ? formatMinutes(left) : `${formatMinutes(left)} left`
    case 'breached':
      if (compact || left === null || left >= 0) return 'Breached'
      return `Breached ${formatMinutes(-left)} ago`
    case 'paused':
      return 'Paused'
    case 'met':
      return 'Met'
    case 'cancelled':
      return 'Cancelled'
  }
}

export function slaBadgeColour(level: SlaBadgeData['level']): MantineColor {
  return COLOURS[level]
}

/** The SLA state of an order at a glance: the first target not yet met, its remaining time or overrun. */
export function SlaBadge({ badge, compact = false }: { badge: SlaBadgeData | null; compact?: boolean }) {
  const timeZone = useTimeZone()
  if (!badge) return null
  const target = badge.target ? SLA_TARGET_LABELS[badge.target] : null
  const due = badge.deadline !== null ? formatInstant(badge.deadline, timeZone) : null
  const label = [badge.slaName, target && (due ? `${target} due ${due}` : `${target} target`)].filter(Boolean).join(' · ')
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <Badge
        color={COLOURS[badge.level]}
        variant={badge.level === 'ok' ? 'light' : 'filled'}
        size={compact ? 'xs' : 'sm'}
        radius="sm"
        data-sla-level={badge.level}
        style={{ textTransform: 'none', flexShrink: 0 }}
      >
        {slaBadgeText(badge, compact)}
      </Badge>
    </Tooltip>
  )
}
