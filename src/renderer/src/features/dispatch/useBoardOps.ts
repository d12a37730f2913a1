import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { type RefObject, useCallback, useRef, useState } from 'react'
import type { Board, BoardCard, TrayRow } from '@shared/domain/dispatch'
import type { PlanGhost } from '@shared/domain/planDay'
import { formatsFor } from '@shared/i18n/format'
import { useFormat, useLanguage, useT } from '../../lib/i18n'
import { applyProposal, describeOp, dispatchCards, findCard, reportConflicts, reportFailure, runOp, stepChange } from './mutations'
import { suggestQuery } from './queries'
import { type BoardOp, UndoStack } from './undo'

/** The board's latest render, read by the stable callbacks (the memoised rows hold on to them). */
export interface BoardLatest {
  board: Board | undefined
  from: string
  days: number
}

/**
 * The board's changes: each runs after the one before it (so it reads the version its predecessor saved),
 * is recorded for undo / redo, and says where it went when that lies outside the shown range. Every
 * callback is stable.
 */
export function useBoardOps(latest: RefObject<BoardLatest>) {
  const qc = useQueryClient()
  const t = useT()
  const language = useLanguage()
  const shopFormats = useFormat()
  const undoStack = useRef(new UndoStack())
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const [undo, setUndo] = useState({ canUndo: false, canRedo: false })
  const refreshUndo = useCallback(() => setUndo({ canUndo: undoStack.current.canUndo, canRedo: undoStack.current.canRedo }), [])

  const enqueue = useCallback((task: () => Promise<void>) => {
    queue.current = queue.current.then(task, task)
  }, [])

  /** Runs one op now (inside the queue) and records it for undo. */
  const execute = useCallback(
    async (op: BoardOp) => {
      try {
        const done = await runOp(qc, op)
        undoStack.current.record(done.changeId)
        if (done.card) {
          const b = latest.current.board
          reportConflicts(done.card, b ? formatsFor(language, b.timeZone) : shopFormats)
          // A suggestion may lie outside the shown range: say where the work went.
          if (b && (done.card.end <= b.from || done.card.start >= b.to))
            notifications.show({
              color: 'blue',
              message: t('dispatch.ops.plannedOutside', {
                order: done.card.orderNumber,
                technician: b.technicians.find((x) => x.id === done.card!.workerId)?.name ?? t('dispatch.ops.theTechnician'),
                time: formatsFor(language, b.timeZone).dateTime(done.card.start)
              })
            })
        }
      } catch (e) {
        reportFailure(qc, e, describeOp(op))
      }
      refreshUndo()
    },
    [qc, latest, refreshUndo, t, language, shopFormats]
  )

  const perform = useCallback((op: BoardOp) => enqueue(() => execute(op)), [enqueue, execute])

  /**
   * A change relative to where the card is when its turn comes, not where it was drawn when the key was
   * pressed: → then ↓ pressed quickly must move the card 15 minutes later *and* to the next row, although
   * the board has not re-rendered the first move yet.
   */
  const nudge = useCallback(
    (id: number, change: (card: BoardCard) => BoardOp | null) =>
      enqueue(async () => {
        const card = findCard(qc, id)
        const op = card ? change(card) : null
        if (op) await execute(op)
      }),
    [enqueue, execute, qc]
  )

  const step = useCallback(
    (direction: 'undo' | 'redo') =>
      enqueue(async () => {
        const run = (changeId: number, d: 'undo' | 'redo') => stepChange(qc, changeId, d)
        try {
          await (direction === 'undo' ? undoStack.current.undo(run) : undoStack.current.redo(run))
        } catch (e) {
          reportFailure(qc, e, direction === 'undo' ? t('dispatch.ops.undo') : t('dispatch.ops.redo'))
        }
        refreshUndo()
      }),
    [enqueue, qc, refreshUndo, t]
  )

  /** Assigns a tray order to the first suggestion with a free slot in the shown range; `onAssigned` runs first. */
  const assignTop = useCallback(
    async (row: TrayRow, onAssigned: () => void) => {
      const { from, days } = latest.current
      try {
        const list = await qc.fetchQuery(suggestQuery(row.orderId, from, days))
        const top = list.find((s) => s.slot)
        if (!top?.slot) {
          notifications.show({ color: 'orange', message: t('dispatch.ops.noFreeSlot', { order: row.orderNumber }) })
          return
        }
        onAssigned()
        perform({ kind: 'assign', orderId: row.orderId, workerId: top.workerId, start: top.slot.start, end: top.slot.end })
      } catch (e) {
        reportFailure(qc, e, t('dispatch.ops.assignment'))
      }
    },
    [perform, qc, latest, t]
  )

  // Dispatching is a board change like the others: it goes in the queue and can be undone.
  const dispatchIds = useCallback(
    (ids: number[]) =>
      enqueue(async () => {
        undoStack.current.record(await dispatchCards(qc, ids))
        refreshUndo()
      }),
    [enqueue, qc, refreshUndo]
  )

  // A Plan day proposal is one change too: applied after what is queued, undone in one step. Answers whether it was saved.
  const applyPlan = useCallback(
    (ghosts: readonly PlanGhost[]) =>
      new Promise<boolean>((resolve) =>
        enqueue(async () => {
          const { saved, changeId } = await applyProposal(qc, ghosts)
          undoStack.current.record(changeId)
          refreshUndo()
          resolve(saved)
        })
      ),
    [enqueue, qc, refreshUndo]
  )

  return { perform, nudge, step, assignTop, dispatchIds, applyPlan, canUndo: undo.canUndo, canRedo: undo.canRedo }
}
