import { useDraggable } from '@dnd-kit/core'
import { IconCircleCheck, IconMapPin, IconSend, IconTruck } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { memo, useContext } from 'react'
import { dispatchText } from '@shared/dispatch/text'
import type { BoardCard } from '@shared/domain/dispatch'
import type { Formats } from '@shared/i18n/format'
import { slaBadgeColour, slaBadgeText } from '../../components/SlaBadge'
import { PRIORITY_BORDER } from './colors'
import { BoardReadOnly } from './readOnly'
import classes from './dispatch.module.css'

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

/*
 * Hundreds of cards are on screen at once, so a card is plain elements: no Mantine components, no
 * per-card hooks beyond dnd-kit's (the translator and the formats come from the grid as props), and the
 * browser's own tooltips (title) for the details.
 */

/** What the card says; memoised apart from the draggable wrapper, which dnd-kit re-renders when a drag starts or ends. */
const CardBody = memo(function CardBody({ card, compact, t, f }: { card: BoardCard; compact: boolean; t: TFunction; f: Formats }) {
  const StatusIcon = STATUS_ICON[card.status]
  const conflicts = card.conflicts.map((c) => `• ${dispatchText(t, f, c)}`).join('\n')
  const head = (
    <div className={classes.cardLine}>
      {conflicts && (
        <span title={conflicts} data-testid="card-conflict" className={classes.conflictMark}>
          !
        </span>
      )}
      {StatusIcon && (
        <span title={t(`enums.assignmentStatus.${card.status}`)} className={classes.cardIcon} data-testid={`card-status-${card.status}`}>
          <StatusIcon size={12} color="var(--mantine-color-teal-7)" />
        </span>
      )}
      <b>{card.orderNumber}</b>
      {!compact && <span>· {card.customerName}</span>}
      {!compact && card.sla && (
        <span
          className={classes.sla}
          style={{
            background: `var(--mantine-color-${slaBadgeColour(card.sla.level)}-${card.sla.level === 'ok' ? 1 : 6})`,
            color: card.sla.level === 'ok' ? 'var(--mantine-color-green-9)' : 'white'
          }}
          data-sla-level={card.sla.level}
        >
          {slaBadgeText(t, card.sla, true)}
        </span>
      )}
    </div>
  )
  if (compact) return head
  return (
    <>
      {head}
      <div className={classes.cardLine} style={{ color: 'var(--mantine-color-gray-7)' }}>
        {f.time(card.start)}–{f.time(card.end)} · {f.duration((card.end - card.start) / 60_000)} · {card.stageName} ·{' '}
        {card.taskNames || card.description} · {card.address}
      </div>
    </>
  )
})

/** The right-edge handle that changes the end; only in the day view, where a quarter hour is wide enough to aim at. */
function ResizeHandle({ card }: { card: BoardCard }) {
  const resize = useDraggable({ id: `resize:${card.id}`, data: { type: 'resize', card } })
  return <div ref={resize.setNodeRef} {...resize.listeners} className={classes.resize} data-testid="card-resize" aria-hidden />
}

interface Props {
  card: BoardCard
  left: number
  width: number
  top: number
  height: number
  compact: boolean
  resizable: boolean
  selected: boolean
  /** The grid's translator and formats (in the board's time zone): stable, so the memoised card bodies stay put. */
  t: TFunction
  f: Formats
  handlers: CardHandlers
}

export function BoardCardView({ card, left, width, top, height, compact, resizable, selected, t, f, handlers }: Props) {
  const pending = card.id < 0
  const readOnly = useContext(BoardReadOnly)
  // Finished work is the record of a visit: it stays where it happened (ADR 0017).
  const drag = useDraggable({ id: `card:${card.id}`, data: { type: 'card', card }, disabled: pending || card.finished || readOnly })
  const cls = [
    classes.card,
    selected && classes.cardSelected,
    drag.isDragging && classes.cardDragging,
    pending && classes.cardPending,
    card.conflicts.length > 0 && classes.cardConflict,
    card.finished && classes.cardDone
  ]
    .filter(Boolean)
    .join(' ')
  const title = t('dispatch.card.title', {
    order: card.orderNumber,
    priority: t(`enums.priority.${card.priority}`),
    customer: card.customerName,
    address: card.address,
    start: f.time(card.start),
    end: f.time(card.end)
  })
  return (
    <div
      ref={drag.setNodeRef}
      {...drag.listeners}
      {...drag.attributes}
      aria-label={title}
      // Compact cards are too narrow for text: the browser's own tooltip costs nothing per card.
      title={compact ? title : undefined}
      aria-pressed={selected}
      tabIndex={0}
      className={cls}
      style={{ left, width, top, height, borderLeftColor: PRIORITY_BORDER[card.priority], padding: compact ? '0 4px 0 2px' : undefined }}
      data-card-id={card.id}
      data-order={card.orderNumber}
      data-conflicts={card.conflicts.length}
      data-finished={card.finished}
      onClick={(e) => handlers.select(card.id, e.shiftKey || e.ctrlKey || e.metaKey)}
      onDoubleClick={() => handlers.open(card.id)}
      onFocus={(e) => {
        // Tab selects; a mouse click selects through onClick (so shift-click can extend the selection).
        if (e.target === e.currentTarget && !selected && e.currentTarget.matches(':focus-visible')) handlers.select(card.id, false)
      }}
    >
      <CardBody card={card} compact={compact} t={t} f={f} />
      {resizable && !pending && !card.finished && !readOnly && <ResizeHandle card={card} />}
    </div>
  )
}
