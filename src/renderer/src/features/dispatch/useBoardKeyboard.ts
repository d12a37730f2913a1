import { type RefObject, useEffect } from 'react'
import type { Board, BoardCard, TrayRow } from '@shared/domain/dispatch'
import type { BoardGridHandle, GridItem } from './BoardGrid'
import { SNAP_MS } from './timeScale'
import type { BoardOp } from './undo'

interface Latest {
  board: Board | undefined
  selection: ReadonlySet<number>
  items: GridItem[]
  trayPick: TrayRow | null
}

interface Options {
  latest: RefObject<Latest>
  grid: RefObject<BoardGridHandle | null>
  perform: (op: BoardOp) => void
  /** A change computed from the card as it is when the change runs (after the changes queued before it). */
  nudge: (id: number, change: (card: BoardCard) => BoardOp | null) => void
  step: (direction: 'undo' | 'redo') => void
  assignTop: (row: TrayRow, onAssigned: () => void) => Promise<void>
  clear: () => void
  clearSelection: () => void
  clearTrayPick: () => void
  open: (id: number) => void
  /** Without `dispatch.plan` the keys only select and open: nothing that plans. */
  readOnly: boolean
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('[role="dialog"]'))
}

/** Keyboard: undo/redo, arrows move the selected card, Delete unassigns, Enter assigns or opens. */
export function useBoardKeyboard({
  latest,
  grid,
  perform,
  nudge,
  step,
  assignTop,
  clear,
  clearSelection,
  clearTrayPick,
  open,
  readOnly
}: Options): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return
      if (readOnly && e.key !== 'Escape' && e.key !== 'Enter') return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'z') {
        e.preventDefault()
        step(e.shiftKey ? 'redo' : 'undo')
        return
      }
      if (mod && key === 'y') {
        e.preventDefault()
        step('redo')
        return
      }
      const { board: b, selection: sel, items: its, trayPick: pick } = latest.current
      if (e.key === 'Escape') {
        clear()
        return
      }
      if (e.key === 'Enter' && pick) {
        e.preventDefault()
        void assignTop(pick, clearTrayPick)
        return
      }
      if (!b || sel.size === 0) return
      const cards = b.cards.filter((c) => sel.has(c.id) && c.id > 0)
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault()
        clearSelection()
        for (const c of cards) perform({ kind: 'unassign', id: c.id })
        return
      }
      if (cards.length !== 1) return
      const card = cards[0]!
      if (e.key === 'Enter') {
        open(card.id)
        return
      }
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault()
        const d = e.key === 'ArrowLeft' ? -SNAP_MS : SNAP_MS
        nudge(card.id, (now) => ({ kind: 'move', id: now.id, workerId: now.workerId, start: now.start + d, end: now.end + d }))
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        e.preventDefault()
        const techs = its.flatMap((it) => (it.type === 'tech' ? [it.tech.id] : []))
        const by = e.key === 'ArrowUp' ? -1 : 1
        nudge(card.id, (now) => {
          const next = techs[techs.indexOf(now.workerId) + by]
          if (next === undefined) return null
          grid.current?.scrollToCard({ ...now, workerId: next })
          return { kind: 'move', id: now.id, workerId: next, start: now.start, end: now.end }
        })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [latest, grid, perform, nudge, step, assignTop, clear, clearSelection, clearTrayPick, open, readOnly])
}
