import { DragOverlay, useDndMonitor } from '@dnd-kit/core'
import { useState } from 'react'
import { PRIORITY_BORDER } from './colors'
import classes from './dispatch.module.css'
import type { DragData } from './dropMath'

/** The chip under the pointer while a tray order or a card is dragged (a resize has none); its own state, so a drag re-renders only this. */
export function DragChip() {
  const [dragging, setDragging] = useState<DragData | null>(null)
  useDndMonitor({
    onDragStart: (e) => setDragging(e.active.data.current as DragData),
    onDragEnd: () => setDragging(null),
    onDragCancel: () => setDragging(null)
  })
  return (
    <DragOverlay dropAnimation={null}>
      {dragging && dragging.type !== 'resize' ? (
        <div
          className={classes.chip}
          style={{ borderLeftColor: PRIORITY_BORDER[dragging.type === 'tray' ? dragging.row.priority : dragging.card.priority] }}
        >
          {dragging.type === 'tray'
            ? `${dragging.row.orderNumber} · ${dragging.row.customerName}`
            : `${dragging.card.orderNumber} · ${dragging.card.customerName}`}
        </div>
      ) : null}
    </DragOverlay>
  )
}
