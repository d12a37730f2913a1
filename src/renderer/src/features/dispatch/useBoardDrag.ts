import { type DragEndEvent, type DragStartEvent, PointerSensor, useSensor, useSensors } from '@dnd-kit/core'
import { type RefObject, useCallback, useEffect, useRef } from 'react'
import type { BoardGridHandle } from './BoardGrid'
import { type DragData, type DragStartInfo, dragStartInfo, propose } from './dropMath'
import type { TimeScale } from './timeScale'
import type { BoardOp } from './undo'

interface Options {
  latest: RefObject<{ scale: TimeScale }>
  grid: RefObject<BoardGridHandle | null>
  perform: (op: BoardOp) => void
  /** A tray order was dropped on the board (it is being assigned). */
  onTrayDrop: () => void
}

/**
 * Drag and drop: pointer only (the keyboard has its own moves); 4 px before a drag starts, so clicks select.
 * Nothing here is state: the board does not re-render while a drag runs (DropGhost and DragChip follow it).
 */
export function useBoardDrag({ latest, grid, perform, onTrayDrop }: Options) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }))
  const dragInfo = useRef<DragStartInfo>({ grabOffset: 0 })
  const gridEl = useCallback(() => grid.current?.element() ?? null, [grid])
  // Where the pointer really is: dnd-kit's delta also counts the grid's scrolling, which would shift the drop time.
  const pointer = useRef({ x: 0, y: 0 })
  useEffect(() => {
    const track = (e: PointerEvent) => {
      pointer.current = { x: e.clientX, y: e.clientY }
    }
    window.addEventListener('pointermove', track, { capture: true, passive: true })
    window.addEventListener('pointerdown', track, { capture: true, passive: true })
    return () => {
      window.removeEventListener('pointermove', track, { capture: true })
      window.removeEventListener('pointerdown', track, { capture: true })
    }
  }, [])
  const proposeAt = useCallback(
    (data: DragData) => {
      const el = gridEl()
      return el ? propose(data, dragInfo.current, el, latest.current.scale, pointer.current.x, pointer.current.y) : null
    },
    [gridEl, latest]
  )
  const onDragStart = useCallback(
    (e: DragStartEvent) => {
      const data = e.active.data.current as DragData
      const el = gridEl()
      dragInfo.current = el ? dragStartInfo(data, el, latest.current.scale, (e.activatorEvent as PointerEvent).clientX) : { grabOffset: 0 }
    },
    [gridEl, latest]
  )
  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      const data = e.active.data.current as DragData
      const p = proposeAt(data)
      if (!p) return
      if (data.type === 'tray') {
        onTrayDrop()
        perform({ kind: 'assign', orderId: data.row.orderId, ...p })
      } else if (p.workerId !== data.card.workerId || p.start !== data.card.start || p.end !== data.card.end) {
        perform({ kind: 'move', id: data.card.id, ...p })
      }
    },
    [proposeAt, perform, onTrayDrop]
  )
  return { sensors, gridEl, proposeAt, onDragStart, onDragEnd }
}
