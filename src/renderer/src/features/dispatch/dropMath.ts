import type { BoardCard, TrayRow } from '@shared/domain/dispatch'
import { SNAP_MS, snap, timeAt, type TimeScale } from './timeScale'

export type DragData = { type: 'card'; card: BoardCard } | { type: 'resize'; card: BoardCard } | { type: 'tray'; row: TrayRow }

export interface Proposal {
  workerId: number
  start: number
  end: number
}

export interface DragStartInfo {
  /** Time between the card's start and the point where it was grabbed, so it moves with the hand. */
  grabOffset: number
}

function laneOf(row: Element | null): DOMRect | null {
  return row?.querySelector('[data-lane]')?.getBoundingClientRect() ?? null
}

/** The technician row under the pointer and its time lane's left edge in viewport pixels. */
function rowAt(x: number, y: number): { workerId: number; laneLeft: number } | null {
  for (const el of document.elementsFromPoint(x, y)) {
    const row = el.closest('[data-tech-row]')
    if (!row) continue
    const lane = laneOf(row)
    if (!lane || x < lane.left) return null
    return { workerId: Number(row.getAttribute('data-tech-row')), laneLeft: lane.left }
  }
  return null
}

function rowOfWorker(grid: HTMLElement, workerId: number): DOMRect | null {
  return laneOf(grid.querySelector(`[data-tech-row="${workerId}"]`))
}

export function dragStartInfo(data: DragData, grid: HTMLElement, scale: TimeScale, pointerX: number): DragStartInfo {
  if (data.type !== 'card') return { grabOffset: 0 }
  const lane = rowOfWorker(grid, data.card.workerId)
  return { grabOffset: lane ? Math.max(0, timeAt(scale, pointerX - lane.left) - data.card.start) : 0 }
}

/** Where a drag would put the work if dropped at (x, y): technician and snapped times, or null off the board. */
export function propose(data: DragData, info: DragStartInfo, grid: HTMLElement, scale: TimeScale, x: number, y: number): Proposal | null {
  const tz = scale.timeZone
  if (data.type === 'resize') {
    const lane = rowOfWorker(grid, data.card.workerId)
    if (!lane) return null
    const end = Math.max(data.card.start + SNAP_MS, snap(timeAt(scale, x - lane.left), tz))
    return { workerId: data.card.workerId, start: data.card.start, end }
  }
  const gridRect = grid.getBoundingClientRect()
  if (x < gridRect.left || x > gridRect.right || y < gridRect.top || y > gridRect.bottom) return null
  const row = rowAt(x, y)
  if (!row) return null
  const at = timeAt(scale, x - row.laneLeft)
  if (data.type === 'card') {
    const start = snap(at - info.grabOffset, tz)
    return { workerId: row.workerId, start, end: start + (data.card.end - data.card.start) }
  }
  const start = snap(at, tz)
  return { workerId: row.workerId, start, end: start + Math.max(SNAP_MS, data.row.durationMinutes * 60_000) }
}

/** Cards a proposal would overlap on the target row: the drag preview warns before the drop. */
export function overlaps(cards: readonly BoardCard[], p: Proposal, selfId: number | null): BoardCard[] {
  return cards.filter((c) => c.workerId === p.workerId && c.id !== selfId && c.start < p.end && p.start < c.end)
}
