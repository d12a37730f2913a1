import { Badge, Tooltip } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { type LineStatus, PRIORITY_LABELS, type Priority, PROGRESS_LABELS, type Progress } from '@shared/domain/orders'

const PRIORITY_COLORS: Record<Priority, string> = { high: 'red', normal: 'blue', low: 'gray' }
const PROGRESS_COLORS: Record<Progress, string> = { inProcess: 'blue', posted: 'teal', cancelled: 'gray' }
const LINE_STATUS_COLORS: Record<LineStatus, string> = { created: 'blue', posted: 'teal', cancelled: 'gray' }

export function PriorityBadge({ priority, size = 'sm' }: { priority: Priority; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge size={size} variant="light" color={PRIORITY_COLORS[priority]}>
      {PRIORITY_LABELS[priority]}
    </Badge>
  )
}

export function ProgressBadge({ progress, size = 'sm' }: { progress: Progress; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge size={size} variant="dot" color={PROGRESS_COLORS[progress]} data-testid="progress-badge">
      {PROGRESS_LABELS[progress]}
    </Badge>
  )
}

export function LineStatusBadge({ status }: { status: LineStatus }) {
  return (
    <Badge size="xs" variant="light" color={LINE_STATUS_COLORS[status]}>
      {status}
    </Badge>
  )
}

export function SignedOffMark({ signedOff, label = 'Signed off' }: { signedOff: boolean; label?: string }) {
  if (!signedOff) return null
  return (
    <Tooltip label={label}>
      <IconCircleCheck size={16} color="var(--mantine-color-teal-6)" aria-label={label} role="img" />
    </Tooltip>
  )
}
