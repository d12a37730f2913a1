import { useDndMonitor } from '@dnd-kit/core'
import { useState } from 'react'
import type { BoardCard } from '@shared/domain/dispatch'
import { formatsFor } from '@shared/i18n/format'
import { useLanguage, useT } from '../../lib/i18n'
import classes from './dispatch.module.css'
import { type DragData, overlaps, type Proposal } from './dropMath'
import { xOf, type TimeScale } from './timeScale'

interface Props {
  /** The proposal for the pointer's current position (reads the page's refs; stable). */
  proposeAt: (data: DragData) => Proposal | null
  grid: () => HTMLElement | null
  scale: TimeScale
  cards: readonly BoardCard[]
  names: ReadonlyMap<number, string>
  pastLimit: number
}

/**
 * Where the work will land, snapped, drawn over the target row while dragging — the only component
 * that re-renders on pointer moves. Red when it would overlap other work or lies too far in the past.
 */
export function DropGhost({ proposeAt, grid, scale, cards, names, pastLimit }: Props) {
  const t = useT()
  const f = formatsFor(useLanguage(), scale.timeZone)
  const [ghost, setGhost] = useState<{ p: Proposal; selfId: number | null } | null>(null)
  useDndMonitor({
    onDragMove(e) {
      const data = e.active.data.current as DragData
      const p = proposeAt(data)
      setGhost((g) =>
        p === null
          ? null
          : g && g.p.workerId === p.workerId && g.p.start === p.start && g.p.end === p.end
            ? g
            : { p, selfId: data.type === 'tray' ? null : data.card.id }
      )
    },
    onDragEnd: () => setGhost(null),
    onDragCancel: () => setGhost(null)
  })
  const el = grid()
  if (!ghost || !el) return null
  const lane = el.querySelector(`[data-tech-row="${ghost.p.workerId}"] [data-lane]`)?.getBoundingClientRect()
  if (!lane) return null
  const left = lane.left + xOf(scale, ghost.p.start)
  const width = Math.max(4, xOf(scale, ghost.p.end) - xOf(scale, ghost.p.start))
  const hits = overlaps(cards, ghost.p, ghost.selfId)
  const past = ghost.p.start < pastLimit
  const warn =
    hits.length > 0
      ? t('dispatch.card.overlaps', { orders: hits.map((c) => c.orderNumber).join(', ') })
      : past
        ? t('dispatch.card.tooFarInPast')
        : ''
  return (
    <div
      className={`${classes.ghost} ${warn ? classes.ghostConflict : ''}`}
      style={{ left, width, top: lane.top + 2, height: lane.height - 4 }}
      data-testid="drop-ghost"
    >
      <span className={classes.ghostLabel}>
        {names.get(ghost.p.workerId)} · {f.time(ghost.p.start)}–{f.time(ghost.p.end)}
        {warn}
      </span>
    </div>
  )
}
