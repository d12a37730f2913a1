/**
 * Exact undo / redo of the board's changes (ADR 0016). Undoing by the inverse operation (assign ↔ unassign) could
 * not put back what the change did in passing — the responsible technician it named, the lines it handed over and
 * the sign-off they lost, a dispatched card's status — so every change saves the rows of the orders it touched (the
 * order, its lines, its assignments) before and after, and undo / redo put one set back while the rows still are
 * as the other left them. Anything else changed on those orders since answers CONFLICT and changes nothing.
 */
import { and, eq, lt } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { ChangeKind } from '@shared/domain/planning'
import { boardChanges } from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { AppError, forbidden, notFound } from '../core/errors'
import { writeTx } from '../core/tx'
import { restoreOrderRows, type SavedRow } from '../orders/write'

interface OrderRows {
  order: SavedRow
  lines: SavedRow[]
  assignments: SavedRow[]
}
type Saved = Record<string, OrderRows>

const DAY = 86_400_000
/** What moves on by itself with every write and is not part of what a change did. */
const VOLATILE = new Set(['version', 'updated_at'])

function rowsOf(ctx: ServiceContext, orderIds: Iterable<number>): Saved {
  const s = ctx.conn.sqlite
  const out: Saved = {}
  for (const id of [...new Set(orderIds)].sort((a, b) => a - b)) {
    const order = s.prepare('select * from service_orders where id = ?').get(id) as SavedRow | undefined
    if (!order) continue
    out[id] = {
      order,
      lines: s.prepare('select * from service_order_lines where order_id = ? order by id').all(id) as SavedRow[],
      assignments: s.prepare('select * from order_assignments where order_id = ? order by id').all(id) as SavedRow[]
    }
  }
  return out
}

function comparable(saved: Saved): string {
  const strip = (r: SavedRow) => Object.fromEntries(Object.entries(r).filter(([k]) => !VOLATILE.has(k)))
  return JSON.stringify(Object.entries(saved).map(([id, o]) => [id, strip(o.order), o.lines.map(strip), o.assignments.map(strip)]))
}

/** The orders whose assignments these are (before a change reads them). */
export function ordersOfAssignments(ctx: ServiceContext, ids: readonly number[]): number[] {
  const rows = ctx.conn.sqlite
    .prepare('select distinct order_id as id from order_assignments where id in (select value from json_each(?))')
    .all(JSON.stringify(ids)) as { id: number }[]
  return rows.map((r) => r.id)
}

/**
 * Runs a board change and saves the rows it changed; answers its result with the change's id (null when it changed
 * nothing, e.g. dispatching work already dispatched). Changes older than a day are dropped here.
 */
export function recordChange<R extends object>(
  ctx: ServiceContext,
  kind: ChangeKind,
  orderIds: () => number[],
  change: () => R
): R & { changeId: number | null } {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'dispatch.plan')
    const ids = orderIds()
    const before = rowsOf(ctx, ids)
    const result = change()
    const after = rowsOf(ctx, ids)
    const now = ctx.now()
    ctx.db
      .delete(boardChanges)
      .where(lt(boardChanges.createdAt, now - DAY))
      .run()
    if (comparable(before) === comparable(after)) return { ...result, changeId: null }
    const row = ctx.db
      .insert(boardChanges)
      .values({ userId: user.id, kind, before, after, createdAt: now })
      .returning({ id: boardChanges.id })
      .get()
    return { ...result, changeId: row.id }
  })
}

/** Puts the orders' rows back as `target` has them, when they are now as `expected` has them. */
function restore(ctx: ServiceContext, expected: Saved, target: Saved): void {
  const current = rowsOf(ctx, Object.keys(expected).map(Number))
  if (comparable(current) !== comparable(expected)) throw new AppError('CONFLICT', 'errors.planning.changedSince')
  const s = ctx.conn.sqlite
  for (const [id, rows] of Object.entries(target)) {
    const now = current[id]!
    const kept = new Set(rows.assignments.map((a) => a.id as number))
    for (const a of now.assignments) {
      if (kept.has(a.id as number)) continue
      s.prepare('delete from order_assignments where id = ?').run(a.id)
      audit(ctx, 'orderAssignment', a.id as number, 'delete', a, null)
    }
    // Assignments before lines and header: the order's planned times follow its cards.
    for (const a of rows.assignments) {
      const there = now.assignments.find((x) => x.id === a.id)
      const columns = Object.keys(a).filter((c) => !VOLATILE.has(c))
      if (there) {
        const changed = columns.filter((c) => there[c] !== a[c])
        if (changed.length === 0) continue
        s.prepare(
          `update order_assignments set ${changed.map((c) => `"${c}" = ?`).join(', ')}, version = version + 1, updated_at = ? where id = ?`
        ).run(...changed.map((c) => a[c]), ctx.now(), a.id)
        audit(ctx, 'orderAssignment', a.id as number, 'update', there, a)
      } else {
        // The same id again, so that cards and later changes that name it still find it; a newer version than it had.
        s.prepare(
          `insert into order_assignments (${columns.map((c) => `"${c}"`).join(', ')}, version, updated_at) values (${columns.map(() => '?').join(', ')}, ?, ?)`
        ).run(...columns.map((c) => a[c]), (a.version as number) + 1, ctx.now())
        audit(ctx, 'orderAssignment', a.id as number, 'create', null, a)
      }
    }
    restoreOrderRows(ctx, rows.order, rows.lines)
  }
}

function step(ctx: ServiceContext, changeId: number, direction: 'undo' | 'redo'): { changeId: number; orderIds: number[] } {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'dispatch.plan')
    const c = ctx.db.select().from(boardChanges).where(eq(boardChanges.id, changeId)).get()
    if (!c) throw notFound('boardChange')
    if (c.userId !== user.id) throw forbidden('errors.planning.notYourChange')
    const from = direction === 'undo' ? 'done' : 'undone'
    if (c.state !== from)
      throw new AppError('CONFLICT', direction === 'undo' ? 'errors.planning.alreadyUndone' : 'errors.planning.notUndone')
    const before = c.before as Saved
    const after = c.after as Saved
    if (direction === 'undo') restore(ctx, after, before)
    else restore(ctx, before, after)
    ctx.db
      .update(boardChanges)
      .set({ state: direction === 'undo' ? 'undone' : 'done' })
      .where(and(eq(boardChanges.id, c.id), eq(boardChanges.state, from)))
      .run()
    return { changeId: c.id, orderIds: Object.keys(before).map(Number) }
  })
}

export const undoChange = (ctx: ServiceContext, i: ParsedInput<'dispatch.undo'>) => step(ctx, i.changeId, 'undo')
export const redoChange = (ctx: ServiceContext, i: ParsedInput<'dispatch.redo'>) => step(ctx, i.changeId, 'redo')
