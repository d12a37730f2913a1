import { Tooltip } from '@mantine/core'
import { useDraggable } from '@dnd-kit/core'
import { IconAlertTriangleFilled, IconCircleCheck, IconMapPin, IconSend, IconTruck } from '@tabler/icons-react'
import { memo } from 'react'
import type { BoardCard } from '@shared/domain/dispatch'
import { ASSIGNMENT_STATUS_LABELS } from '@shared/domain/dispatch'
import { PRIORITY_LABELS } from '@shared/domain/orders'
import { SlaBadge } from '../../components/SlaBadge'
import { PRIORITY_BORDER } from './colors'
import classes from './dispatch.module.css'
import { formatDuration, formatTime } from './timeScale'

export interface CardHandlers {
  select: (id: number, extend: boolean) => void
  open: (id: number) => void
}

const STATUS_ICON = {
  planned: null,
  dispatched: IconSend,
  travelling: IconTruck,
  onSite: IconMapPin,
  done: IconCircleCheck
} as const

/** What the card says; memoised apart from the draggable wrapper, which dnd-kit re-renders when a drag starts or ends. */
const CardBody = memo(function CardBody({ card, compact, timeZone }: { card: BoardCard; compact: boolean; timeZone: string }) {
  const StatusIcon = STATUS_ICON[card.status]
  const conflict = card.conflicts.length > 0
  const when = `${formatTime(card.start, timeZone)}–${formatTime(card.end, timeZone)}`
  const head = (
    <div className={classes.cardLine}>
      {conflict && (
        <Tooltip
          multiline
          w={280}
          withArrow
          label={card.conflicts.map((c, i) => (
            <div key={i}>• {c.message}</div>
          ))}
        >
          <IconAlertTriangleFilled size={12} color="var(--mantine-color-red-6)" style={{ flexShrink: 0 }} data-testid="card-conflict" />
        </Tooltip>
      )}
      {StatusIcon && (
        <Tooltip label={ASSIGNMENT_STATUS_LABELS[card.status]} openDelay={300}>
          <StatusIcon size={12} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0 }} data-testid={`card-status-${card.status}`} />
        </Tooltip>
      )}
      <b>{card.orderNumber}</b>
      {!compact && <span>· {card.customerName}</span>}
      {!compact && card.sla && <SlaBadge badge={card.sla} compact />}
    </div>
  )
  if (compact) return head
  return (
    <>
      {head}
      <div className={classes.cardLine} style={{ color: 'var(--mantine-color-gray-7)' }}>
        {when} · {formatDuration(card.end - card.start)} · {card.stageName} · {card.taskNames || card.description} · {card.address}
      </div>
    </>
  )
})

interface Props {
  card: BoardCard
  left: number
  width: number
  top: number
  height: number
  compact: boolean
  selected: boolean
  timeZone: string
  handlers: CardHandlers
}

export function BoardCardView({ card, left, width, top, height, compact, selected, timeZone, handlers }: Props) {
  const pending = card.id < 0
  const drag = useDraggable({ id: `card:${card.id}`, data: { type: 'card', card }, disabled: pending })
  const resize = useDraggable({ id: `resize:${card.id}`, data: { type: 'resize', card }, disabled: pending })
  const cls = [
    classes.card,
    selected && classes.cardSelected,
    (drag.isDragging || resize.isDragging) && classes.cardDragging,
    pending && classes.cardPending,
    card.conflicts.length > 0 && classes.cardConflict,
    card.status === 'done' && classes.cardDone
  ]
    .filter(Boolean)
    .join(' ')
  const title = `${card.orderNumber} · ${PRIORITY_LABELS[card.priority]} priority · ${card.customerName}, ${card.address} · ${formatTime(card.start, timeZone)}–${formatTime(card.end, timeZone)}`
  return (
    <div
      ref={drag.setNodeRef}
      {...drag.listeners}
      {...drag.attributes}
      // dnd-kit's role="button" default hides the card's own text from screen readers' summary; keep it a button but name it.
      aria-label={title}
      // Week-view cards are too narrow for text: the browser's own tooltip costs nothing per card.
      title={compact ? title : undefined}
      aria-pressed={selected}
      tabIndex={0}
      className={cls}
      style={{ left, width, top, height, borderLeftColor: PRIORITY_BORDER[card.priority], padding: compact ? '0 4px 0 2px' : undefined }}
      data-card-id={card.id}
      data-order={card.orderNumber}
      data-conflicts={card.conflicts.length}
      onClick={(e) => handlers.select(card.id, e.shiftKey || e.ctrlKey || e.metaKey)}
      onDoubleClick={() => handlers.open(card.id)}
      onFocus={(e) => {
        // Tab selects; a mouse click selects through onClick (so shift-click can extend the selection).
        if (e.target === e.currentTarget && !selected && e.currentTarget.matches(':focus-visible')) handlers.select(card.id, false)
      }}
    >
      <CardBody card={card} compact={compact} timeZone={timeZone} />
      {!pending && card.status !== 'done' && (
        <div ref={resize.setNodeRef} {...resize.listeners} className={classes.resize} data-testid="card-resize" aria-hidden />
      )}
    </div>
  )
}
