import { Badge, type MantineColor, Tooltip } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { SlaBadge as SlaBadgeData } from '@shared/domain/sla'
import { useFormat, useT } from '../lib/i18n'

const COLOURS: Record<SlaBadgeData['level'], MantineColor> = {
  ok: 'green',
  atRisk: 'orange',
  breached: 'red',
  paused: 'blue',
  met: 'teal',
  cancelled: 'gray'
}

/**
 * Business minutes as the SLA screens show them: "1 d 4 h" / "1 p 4 h", "2 h 30 min", "0 min"; a day is
 * `minutesPerDay` (a calendar day, or the SLA's working day) and, once there are days, minutes are left out.
 * The same rule as `formatMinutes` of the SLA clock (the PDF report and the tests use that), in the user's units.
 */
export function formatBusinessMinutes(t: TFunction, minutes: number, minutesPerDay = 1440): string {
  const total = Math.round(Math.abs(minutes))
  if (total === 0) return t('format.duration.minutes', { count: 0 })
  const sign = minutes < 0 ? '-' : ''
  const days = Math.floor(total / minutesPerDay)
  const rest = total - days * minutesPerDay
  const hours = Math.floor(rest / 60)
  const mins = rest - hours * 60
  const parts =
    days > 0
      ? [t('format.duration.days', { count: days }), hours > 0 ? t('format.duration.hours', { count: hours }) : '']
      : [hours > 0 ? t('format.duration.hours', { count: hours }) : '', mins > 0 ? t('format.duration.minutes', { count: mins }) : '']
  return sign + parts.filter(Boolean).join(' ')
}

/**
 * The badge text. Remaining and overrun are business minutes as the server counted them when the
 * row was read, so a list, the order header and a board card all say the same thing (the browser's
 * clock plays no part).
 */
export function slaBadgeText(t: TFunction, badge: SlaBadgeData, compact = false): string {
  const left = badge.remainingMinutes
  switch (badge.level) {
    case 'ok':
    case 'atRisk':
      if (left === null) return t('sla.badge.running')
      // Seconds before the deadline: "0 min left" would read as already over.
      if (left < 0.5) return compact ? t('sla.badge.underAMinute') : t('sla.badge.underAMinuteLeft')
      return compact ? formatBusinessMinutes(t, left) : t('sla.badge.left', { time: formatBusinessMinutes(t, left) })
    case 'breached':
      if (compact || left === null || left >= 0) return t('sla.badge.breached')
      return t('sla.badge.breachedAgo', { time: formatBusinessMinutes(t, -left) })
    case 'paused':
      return t('sla.badge.paused')
    case 'met':
      return t('sla.badge.met')
    case 'cancelled':
      return t('sla.badge.cancelled')
  }
}

export function slaBadgeColour(level: SlaBadgeData['level']): MantineColor {
  return COLOURS[level]
}

/** The SLA state of an order at a glance: the first target not yet met, its remaining time or overrun. */
export function SlaBadge({ badge, compact = false }: { badge: SlaBadgeData | null; compact?: boolean }) {
  const t = useT()
  const f = useFormat()
  if (!badge) return null
  const target = badge.target ? t(`enums.slaTarget.${badge.target}`) : null
  const due = badge.deadline !== null ? f.dateTime(badge.deadline) : null
  const label = [badge.slaName, target && (due ? t('sla.badge.due', { target, due }) : t('sla.badge.target', { target }))]
    .filter(Boolean)
    .join(' · ')
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
        {slaBadgeText(t, badge, compact)}
      </Badge>
    </Tooltip>
  )
}
