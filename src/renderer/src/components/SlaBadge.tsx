import { Badge, type MantineColor, Tooltip } from '@mantine/core'
import type { SlaBadge as SlaBadgeData } from '@shared/domain/sla'
import { formatsFor } from '@shared/i18n/format'
import { i18n, useFormat, useT } from '../lib/i18n'

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
  // In the screen's language (callers outside React, such as board cards, need no hook). Durations do not
  // depend on the time zone.
  const language = i18n.language === 'en' ? 'en' : 'et'
  const t = i18n.getFixedT(language)
  const duration = formatsFor(language, 'UTC').duration
  const left = badge.remainingMinutes
  switch (badge.level) {
    case 'ok':
    case 'atRisk':
      if (left === null) return t('common.sla.running')
      // Seconds before the deadline: "0 min left" would read as already over.
      if (left < 0.5) return compact ? t('common.sla.underMinute') : t('common.sla.underMinuteLeft')
      return compact ? duration(left) : t('common.sla.left', { time: duration(left) })
    case 'breached':
      if (compact || left === null || left >= 0) return t('common.sla.breached')
      return t('common.sla.breachedAgo', { time: duration(-left) })
    case 'paused':
      return t('common.sla.paused')
    case 'met':
      return t('common.sla.met')
    case 'cancelled':
      return t('common.sla.cancelled')
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
  const label = [badge.slaName, target && (due ? t('common.sla.due', { target, due }) : t('common.sla.target', { target }))]
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
        {slaBadgeText(badge, compact)}
      </Badge>
    </Tooltip>
  )
}
