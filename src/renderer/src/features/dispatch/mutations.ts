import { notifications } from '@mantine/notifications'
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query'
import { dispatchText } from '@shared/dispatch/text'
import type { AssignmentStatus, Board, BoardCard, ConflictRow, TrayRow } from '@shared/domain/dispatch'
import type { Formats } from '@shared/i18n/format'
import type { PlanGhost } from '@shared/domain/planDay'
import { call, changedBy, isApiError } from '../../lib/api'
// Notifications are raised outside components: they speak the screen's current language.
import { i18n } from '../../lib/i18n'
import { dispatchKeys } from './queries'
import type { BoardOp } from './undo'

/** Every card of the cached boards and tray rows — for versions the undo stack and keyboard need. */
export function findCard(qc: QueryClient, id: number): BoardCard | undefined {
  // Several boards may hold the card (another day or range seen before). An undo refetches only the board on
  // screen, so a board no longer shown may keep an older version of the card: the newest version is the truth.
  let found: BoardCard | undefined
  for (const [, data] of qc.getQueriesData<Board>({ queryKey: ['dispatch', 'board'] })) {
    const c = data?.cards.find((x) => x.id === id)
    if (c && (!found || c.version > found.version)) found = c
  }
  return found
}

function findTrayRow(qc: QueryClient, orderId: number): TrayRow | undefined {
  for (const [, data] of qc.getQueriesData<{ rows: TrayRow[] }>({ queryKey: ['dispatch', 'tray'] })) {
    const r = data?.rows.find((x) => x.orderId === orderId)
    if (r) return r
  }
  return undefined
}

function editBoards(qc: QueryClient, edit: (cards: BoardCard[]) => BoardCard[]): void {
  qc.setQueriesData<Board>({ queryKey: ['dispatch', 'board'] }, (b) => (b ? { ...b, cards: edit(b.cards) } : b))
}

function snapshot(qc: QueryClient) {
  const saved = qc.getQueriesData({ queryKey: ['dispatch'] })
  return () => {
    for (const [key, data] of saved) qc.setQueryData(key, data)
  }
}

/** A planner's change was refused: say why, and say plainly when it was someone else's change. */
export function reportFailure(qc: QueryClient, e: unknown, what: string): void {
  if (isApiError(e, 'CONFLICT')) {
    void qc.invalidateQueries({ queryKey: dispatchKeys.all })
    const by = changedBy(e)
    notifications.show({
      color: 'orange',
      title: by ? i18n.t('dispatch.ops.changedByReloaded', by) : i18n.t('dispatch.ops.changedElsewhere'),
      message: i18n.t('dispatch.ops.notSavedReloaded', { what })
    })
  } else {
    notifications.show({
      color: 'red',
      title: i18n.t('dispatch.ops.notSaved', { what }),
      message: e instanceof Error ? e.message : String(e)
    })
  }
}

/** Never accept a conflict silently: every change that leaves one says so (`f`: the board's formats). */
export function reportConflicts(card: BoardCard, f: Formats): void {
  if (card.conflicts.length === 0) return
  notifications.show({
    color: 'yellow',
    title: i18n.t('dispatch.ops.conflicts', { order: card.orderNumber, count: card.conflicts.length }),
    message: card.conflicts.map((c: ConflictRow) => dispatchText(i18n.t, f, c)).join(' · '),
    autoClose: 8000
  })
}

async function orderVersion(qc: QueryClient, orderId: number): Promise<number> {
  const row = findTrayRow(qc, orderId)
  if (row) return row.orderVersion
  for (const [, data] of qc.getQueriesData<Board>({ queryKey: ['dispatch', 'board'] })) {
    const c = data?.cards.find((x) => x.orderId === orderId)
    if (c) return c.orderVersion
  }
  return (await call('serviceOrders.get', { id: orderId })).version
}

/** The drives around a card are the server's to say (they depend on its neighbours): none until it answers. */
const NO_TRAVEL: BoardCard['travel'] = { before: null, after: null }

/** A card to show while the assignment is on its way (negative id: not saved yet). */
function pendingCard(qc: QueryClient, op: Extract<BoardOp, { kind: 'assign' }>): BoardCard | null {
  const row = findTrayRow(qc, op.orderId)
  if (!row) return null
  const {
    durationMinutes: _d,
    preferredWorkerId: _p,
    responsibleWorkerId: _r,
    responsibleWorkerName: _n,
    plannedStart: _s,
    ...summary
  } = row
  return {
    ...summary,
    id: -op.orderId,
    version: 0,
    workerId: op.workerId,
    start: op.start,
    end: op.end,
    status: 'planned',
    dispatchedAt: null,
    actualStart: null,
    actualEnd: null,
    note: '',
    finished: false,
    conflicts: [],
    travel: NO_TRAVEL
  }
}

/**
 * Runs one board change: the cache is updated at once (optimistic), the API call follows, and a
 * refusal puts the cache back as it was. Answers the server's change id for the undo stack.
 */
export async function runOp(qc: QueryClient, op: BoardOp): Promise<{ changeId: number | null; card?: BoardCard }> {
  const restore = snapshot(qc)
  await qc.cancelQueries({ queryKey: dispatchKeys.all })
  try {
    switch (op.kind) {
      case 'move': {
        const prev = findCard(qc, op.id)
        if (!prev) throw new Error(i18n.t('dispatch.ops.gone'))
        editBoards(qc, (cards) =>
          cards.map((c) => (c.id === op.id ? { ...c, workerId: op.workerId, start: op.start, end: op.end, travel: NO_TRAVEL } : c))
        )
        const { card, changeId } = await call('dispatch.move', {
          id: op.id,
          version: prev.version,
          workerId: op.workerId,
          start: op.start,
          end: op.end
        })
        editBoards(qc, (cards) => cards.map((c) => (c.id === card.id ? card : c)))
        return { card, changeId }
      }
      case 'assign': {
        const version = await orderVersion(qc, op.orderId)
        const pending = pendingCard(qc, op)
        if (pending) editBoards(qc, (cards) => [...cards, pending])
        qc.setQueriesData<{ rows: TrayRow[]; total: number }>({ queryKey: ['dispatch', 'tray'] }, (t) =>
          t ? { ...t, rows: t.rows.filter((r) => r.orderId !== op.orderId) } : t
        )
        const { card, changeId } = await call('dispatch.assign', {
          orderId: op.orderId,
          orderVersion: version,
          workerId: op.workerId,
          start: op.start,
          end: op.end
        })
        editBoards(qc, (cards) => [...cards.filter((c) => c.id !== -op.orderId), card])
        return { card, changeId }
      }
      case 'unassign': {
        const prev = findCard(qc, op.id)
        if (!prev) throw new Error(i18n.t('dispatch.ops.gone'))
        editBoards(qc, (cards) => cards.filter((c) => c.id !== op.id))
        const { changeId } = await call('dispatch.unassign', { id: op.id, version: prev.version })
        return { changeId }
      }
    }
  } catch (e) {
    restore()
    throw e
  } finally {
    // Conflicts of neighbouring cards and the tray counts change with every plan change.
    void qc.invalidateQueries({ queryKey: dispatchKeys.all })
  }
}

export function describeOp(op: BoardOp): string {
  return op.kind === 'assign'
    ? i18n.t('dispatch.ops.assignment')
    : op.kind === 'move'
      ? i18n.t('dispatch.ops.move')
      : i18n.t('dispatch.ops.unassignment')
}

/**
 * Sends planned work to its technicians; the board refetches whether or not it was accepted. Answers the change
 * id for the undo stack (null when nothing was sent or it failed).
 */
export async function dispatchCards(qc: QueryClient, ids: number[]): Promise<number | null> {
  if (ids.length === 0) return null
  let changeId: number | null = null
  try {
    const r = await call('dispatch.dispatch', { ids })
    changeId = r.changeId
    notifications.show({ color: 'teal', message: i18n.t('dispatch.ops.dispatched', { count: r.dispatched }), autoClose: 2500 })
  } catch (e) {
    reportFailure(qc, e, i18n.t('dispatch.ops.dispatch'))
  }
  void qc.invalidateQueries({ queryKey: dispatchKeys.all })
  return changeId
}

/** Undoes or redoes a recorded board change on the server; the board refetches either way. */
export async function stepChange(qc: QueryClient, changeId: number, direction: 'undo' | 'redo'): Promise<void> {
  await qc.cancelQueries({ queryKey: dispatchKeys.all })
  try {
    await call(direction === 'undo' ? 'dispatch.undo' : 'dispatch.redo', { changeId })
  } finally {
    // The restore gives the cards new versions: the next change in the queue must start from the refetched board,
    // or it would send the old version and be refused as a conflict.
    await qc.invalidateQueries({ queryKey: dispatchKeys.all })
  }
}

/** A technician's progress step on their own work (travelling, on site, done). */
export function useSetStatus() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (v: { card: BoardCard; status: AssignmentStatus }) =>
      call('dispatch.setStatus', { id: v.card.id, version: v.card.version, status: v.status, at: null, note: '' }),
    onSuccess: ({ card }) => {
      notifications.show({
        color: 'teal',
        message: `${card.orderNumber}: ${i18n.t(`enums.assignmentStatus.${card.status}`)}`,
        autoClose: 2500
      })
      void qc.invalidateQueries({ queryKey: dispatchKeys.all })
    },
    onError: (e) => reportFailure(qc, e, i18n.t('dispatch.ops.status'))
  })
}

/**
 * Applies the ticked part of a Plan day proposal: one server call, one transaction, one change id for the undo
 * stack (null when nothing changed); the board is reloaded either way.
 */
export async function applyProposal(qc: QueryClient, ghosts: readonly PlanGhost[]): Promise<{ saved: boolean; changeId: number | null }> {
  let changeId: number | null = null
  let saved = false
  await qc.cancelQueries({ queryKey: dispatchKeys.all })
  try {
    const r = await call('dispatch.planApply', {
      items: ghosts.map((g) => ({
        orderId: g.orderId,
        orderVersion: g.orderVersion,
        assignmentId: g.assignmentId,
        assignmentVersion: g.assignmentVersion,
        workerId: g.workerId,
        start: g.start,
        end: g.end
      }))
    })
    changeId = r.changeId
    saved = true
    notifications.show({ color: 'teal', message: i18n.t('planDay.applied', { count: r.applied }), autoClose: 4000 })
  } catch (e) {
    reportFailure(qc, e, i18n.t('planDay.applyWhat'))
  }
  await qc.invalidateQueries({ queryKey: dispatchKeys.all })
  return { saved, changeId }
}
