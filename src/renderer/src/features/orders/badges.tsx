import { Badge, Tooltip } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import type { LineStatus, Priority, Progress } from '@shared/domain/orders'
import { useT } from '../../lib/i18n'

const PRIORITY_COLORS: Record<Priority, string> = { high: 'red', normal: 'blue', low: 'gray' }
const PROGRESS_COLORS: Record<Progress, string> = { inProcess: 'blue', posted: 'teal', cancelled: 'gray' }
const LINE_STATUS_COLORS: Record<LineStatus, string> = { created: 'blue', posted: 'teal', cancelled: 'gray' }
/** A badge is as wide as its word: in a tight table column Mantine's default cut it to "IN PRO…". */
const WHOLE_WORD = { root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }

export function PriorityBadge({ priority, size = 'sm' }: { priority: Priority; size?: 'xs' | 'sm' | 'md' }) {
  const t = useT()
  return (
    <Badge size={size} variant="light" color={PRIORITY_COLORS[priority]} styles={WHOLE_WORD}>
      {t(`enums.priority.${priority}`)}
    </Badge>
  )
}

export function ProgressBadge({ progress, size = 'sm' }: { progress: Progress; size?: 'xs' | 'sm' | 'md' }) {
  const t = useT()
  return (
    <Badge size={size} variant="dot" color={PROGRESS_COLORS[progress]} styles={WHOLE_WORD} data-testid="progress-badge">
      {t(`enums.progress.${progress}`)}
    </Badge>
  )
}

export function LineStatusBadge({ status }: { status: LineStatus }) {
  const t = useT()
  return (
    <Badge size="xs" variant="light" color={LINE_STATUS_COLORS[status]}>
      {t(`orders.lineStatus.${status}`)}
    </Badge>
  )
}

export function SignedOffMark({ signedOff, label }: { signedOff: boolean; label: string }) {
  if (!signedOff) return null
  return (
    <Tooltip label={label}>
      <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" aria-label={label} role="img" />
    </Tooltip>
  )
}
