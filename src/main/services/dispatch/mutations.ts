/**
 * Changes to the plan. Each runs in one transaction, checks versions, writes audit rows, and keeps the order in
 * step with its assignments (planned start / end, responsible technician, version). Conflicts never block a
 * save — the board flags them; only the hard rules below refuse.
 */
import { eq, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { can } from '@shared/auth/roles'
import type { BoardCard } from '@shared/domain/dispatch'
import { dateOf } from '@shared/time'
import { orderAssignments, workers } from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { forbidden, invalid, notFound } from '../core/errors'
import { requireVersion } from '../core/stale'
import { writeTx } from '../core/tx'
import { allVisitsDone, enterStageFor, finishedStages, leaveStageWithoutPlan } from '../lifecycle/rules'
import { assignOpenLines, fillActualTimes, orderRecord, type OrderRecord, requireOpenOrder, setPlannedTimes } from '../orders/write'
import { loadSettings } from '../settings/settings'
import { slaArrived, slaDispatched } from '../sla/hooks'
import { Calendars, cardWithConflicts, loadDurations, MAX_SPAN, MAX_SPAN_DAYS } from './read'

type Assignment = typeof orderAssignments.$inferSelect

const HOUR = 3_600_000
/** A registered time may run this far ahead of the server's clock (clocks of devices drift). */
const CLOCK_SLACK = 5 * 60_000

function assignmentRecord(ctx: ServiceContext, id: number): Assignment {
  const a = ctx.db.select().from(orderAssignments).where(eq(orderAssignments.id, id)).get()
  if (!a) throw notFound('assignment')
  return a
}

function requireTechnician(ctx: ServiceContext, workerId: number): void {
  const w = ctx.db
    .select({ name: workers.name, roles: workers.roles, active: workers.active })
    .from(workers)
    .where(eq(workers.id, workerId))
    .get()
  if (!w) throw invalid(['workerId'], 'errors.choose.worker')
  if (!w.roles.includes('technician')) throw invalid(['workerId'], 'errors.dispatch.notTechnician', { name: w.name })
  if (!w.active) throw invalid(['workerId'], 'errors.dispatch.inactive', { name: w.name })
}

function requireSpan(ctx: ServiceContext, start: number, end: number, fields = { start: 'start', end: 'end' }): void {
  const limit = loadSettings(ctx.db).dispatchPastLimitHours
  if (start < ctx.now() - limit * HOUR) throw invalid([fields.start], 'errors.dispatch.tooFarPast', { hours: limit })
  if (end <= start) throw invalid([fields.end], 'errors.dispatch.endAfterStart')
  if (end - start > MAX_SPAN) throw invalid([fields.end], 'errors.dispatch.tooLong', { days: MAX_SPAN_DAYS })
}

/** Open for planning (requireOpenOrder) and not finished work: a finished order's visits stay as they were. */
function requireLiveOrder(ctx: ServiceContext, o: OrderRecord, field: string): void {
  requireOpenOrder(ctx.db, o, field)
  if (finishedStages(ctx.db).has(o.stageId)) throw invalid([field], 'errors.lifecycle.orderFinished', { number: o.number })
}

/** The order's planned times span its assignments (orders/write.ts keeps the order's side of it). */
function syncOrder(ctx: ServiceContext, orderId: number, workerId: number | null): void {
  const span = ctx.db
    .select({ start: sql<number | null>`min(${orderAssignments.start})`, end: sql<number | null>`max(${orderAssignments.end})` })
    .from(orderAssignments)
    .where(eq(orderAssignments.orderId, orderId))
    .get()!
  setPlannedTimes(ctx, orderId, span, workerId)
}

/** The technician booked takes the order's unnamed open hour lines, dated on the visit's day (see assignOpenLines). */
function assignLines(ctx: ServiceContext, orderId: number, workerId: number, start: number): void {
  assignOpenLines(ctx, orderId, workerId, dateOf(start, loadSettings(ctx.db).timeZone))
}

const snapshot = (a: Assignment) => ({
  orderId: a.orderId,
  workerId: a.workerId,
  start: a.start,
  end: a.end,
  status: a.status,
  actualStart: a.actualStart,
  actualEnd: a.actualEnd,
  note: a.note
})

function result(ctx: ServiceContext, id: number): { card: BoardCard } {
  return { card: cardWithConflicts(ctx, new Calendars(loadSettings(ctx.db)), id) }
}

export function assign(ctx: ServiceContext, i: ParsedInput<'dispatch.assign'>): { card: BoardCard } {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'dispatch.plan')
    const o = orderRecord(ctx.db, i.orderId)
    requireVersion(ctx, o, i.orderVersion, 'serviceOrder')
    requireLiveOrder(ctx, o, 'orderId')
    if (!o.needsVisit) throw invalid(['orderId'], 'errors.planning.needsNoVisit', { number: o.number })
    requireTechnician(ctx, i.workerId)
    const end = i.end ?? i.start + loadDurations(ctx, [o.id]).get(o.id)! * 60_000
    requireSpan(ctx, i.start, end)
    const row = ctx.db.insert(orderAssignments).values({ orderId: o.id, workerId: i.workerId, start: i.start, end }).returning().get()
    audit(ctx, 'orderAssignment', row.id, 'create', null, snapshot(row))
    assignLines(ctx, o.id, i.workerId, i.start)
    syncOrder(ctx, o.id, i.workerId)
    enterStageFor(ctx, o.id, 'planned', o.version)
    return result(ctx, row.id)
  })
}

/**
 * Reschedule, reassign or resize. A dispatched card whose technician or start changes goes back to planned: what
 * the technician was told no longer holds, so it has to be dispatched again. Work under way keeps its status.
 */
export function move(ctx: ServiceContext, i: ParsedInput<'dispatch.move'>): { card: BoardCard } {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'dispatch.plan')
    const a = assignmentRecord(ctx, i.id)
    requireVersion(ctx, a, i.version, 'assignment')
    if (a.status === 'done') throw invalid(['id'], 'errors.dispatch.finishedStays')
    requireLiveOrder(ctx, orderRecord(ctx.db, a.orderId), 'id')
    if (i.workerId !== a.workerId) requireTechnician(ctx, i.workerId)
    // A resize of work that began long ago is allowed; a new start or another technician counts as new planning.
    if (i.start !== a.start || i.workerId !== a.workerId) requireSpan(ctx, i.start, i.end)
    else if (i.end <= i.start) throw invalid(['end'], 'errors.dispatch.endAfterStart')
    else if (i.end - i.start > MAX_SPAN) throw invalid(['end'], 'errors.dispatch.tooLong', { days: MAX_SPAN_DAYS })
    const replan = a.status === 'dispatched' && (i.start !== a.start || i.workerId !== a.workerId)
    const values = {
      workerId: i.workerId,
      start: i.start,
      end: i.end,
      ...(replan ? { status: 'planned', dispatchedAt: null, dispatchedBy: null } : {}),
      updatedAt: ctx.now(),
      version: a.version + 1
    }
    const after = ctx.db.update(orderAssignments).set(values).where(eq(orderAssignments.id, a.id)).returning().get()
    audit(ctx, 'orderAssignment', a.id, 'update', snapshot(a), snapshot(after))
    if (i.workerId !== a.workerId) assignLines(ctx, a.orderId, i.workerId, i.start)
    syncOrder(ctx, a.orderId, i.workerId)
    return result(ctx, a.id)
  })
}

export function unassign(ctx: ServiceContext, i: ParsedInput<'dispatch.unassign'>): { orderId: number } {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'dispatch.plan')
    const a = assignmentRecord(ctx, i.id)
    requireVersion(ctx, a, i.version, 'assignment')
    if (a.status === 'done') throw invalid(['id'], 'errors.dispatch.finishedOnPlan')
    const o = orderRecord(ctx.db, a.orderId)
    requireLiveOrder(ctx, o, 'id')
    ctx.db.delete(orderAssignments).where(eq(orderAssignments.id, a.id)).run()
    audit(ctx, 'orderAssignment', a.id, 'delete', snapshot(a), null)
    syncOrder(ctx, a.orderId, null)
    leaveStageWithoutPlan(ctx, a.orderId, o.version)
    return { orderId: a.orderId }
  })
}

/** Planned work is marked as told to the technician; cards already further along are left as they are. */
export function dispatchWork(ctx: ServiceContext, i: ParsedInput<'dispatch.dispatch'>): { dispatched: number } {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'dispatch.plan')
    const now = ctx.now()
    const finished = finishedStages(ctx.db)
    let dispatched = 0
    for (const id of new Set(i.ids)) {
      const a = assignmentRecord(ctx, id)
      if (a.status !== 'planned') continue
      // A finished order's visits are its record, not work to send out.
      const o = orderRecord(ctx.db, a.orderId)
      if (finished.has(o.stageId)) continue
      const after = ctx.db
        .update(orderAssignments)
        .set({ status: 'dispatched', dispatchedAt: now, dispatchedBy: user.id, updatedAt: now, version: a.version + 1 })
        .where(eq(orderAssignments.id, id))
        .returning()
        .get()
      audit(ctx, 'orderAssignment', id, 'update', snapshot(a), snapshot(after))
      slaDispatched(ctx, a.orderId, now)
      enterStageFor(ctx, a.orderId, 'dispatched', o.version)
      dispatched++
    }
    return { dispatched }
  })
}

/**
 * The technician's progress. On site records the arrival (and meets the SLA's on-site target), done the finish.
 * Stepping back (a mistaken tap) clears the times that no longer hold. The order takes its first arrival and,
 * once every visit is done, its last finish.
 */
export function setStatus(ctx: ServiceContext, i: ParsedInput<'dispatch.setStatus'>): { card: BoardCard } {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'orders.register')
    const a = assignmentRecord(ctx, i.id)
    if (!can(user.roles, 'dispatch.plan') && a.workerId !== user.workerId) throw forbidden('errors.dispatch.notYourWork')
    requireVersion(ctx, a, i.version, 'assignment')
    requireLiveOrder(ctx, orderRecord(ctx.db, a.orderId), 'id')
    const now = ctx.now()
    const at = i.at ?? now
    if (at > now + CLOCK_SLACK) throw invalid(['at'], 'errors.dispatch.future')
    let actualStart = a.actualStart
    let actualEnd = a.actualEnd
    if (i.status === 'onSite') {
      // A given time corrects the arrival; without one an arrival already registered stands.
      actualStart = i.at ?? a.actualStart ?? now
      actualEnd = null
    } else if (i.status === 'done') {
      actualEnd = at
    } else {
      actualStart = null
      actualEnd = null
    }
    if (actualEnd !== null && actualStart !== null && actualEnd < actualStart) throw invalid(['at'], 'errors.dispatch.finishBeforeArrival')
    return saveStatus(ctx, a, i, actualStart, actualEnd)
  })
}

function saveStatus(
  ctx: ServiceContext,
  a: Assignment,
  i: ParsedInput<'dispatch.setStatus'>,
  actualStart: number | null,
  actualEnd: number | null
): { card: BoardCard } {
  const now = ctx.now()
  const readVersion = orderRecord(ctx.db, a.orderId).version
  const after = ctx.db
    .update(orderAssignments)
    .set({ status: i.status, actualStart, actualEnd, ...(i.note ? { note: i.note } : {}), updatedAt: now, version: a.version + 1 })
    .where(eq(orderAssignments.id, a.id))
    .returning()
    .get()
  audit(ctx, 'orderAssignment', a.id, 'update', snapshot(a), snapshot(after))
  if (i.status === 'onSite' && a.status !== 'onSite' && actualStart !== null) slaArrived(ctx, a.orderId, actualStart)
  syncActuals(ctx, a.orderId)
  if (i.status === 'onSite') enterStageFor(ctx, a.orderId, 'onSite', readVersion)
  // The order is done when its last visit is.
  if (i.status === 'done' && allVisitsDone(ctx.db, a.orderId)) enterStageFor(ctx, a.orderId, 'done', readVersion)
  return result(ctx, a.id)
}

function syncActuals(ctx: ServiceContext, orderId: number): void {
  const agg = ctx.db
    .select({
      start: sql<number | null>`min(${orderAssignments.actualStart})`,
      end: sql<number | null>`max(${orderAssignments.actualEnd})`,
      open: sql<number>`sum(${orderAssignments.status} <> 'done')`
    })
    .from(orderAssignments)
    .where(eq(orderAssignments.orderId, orderId))
    .get()!
  // The first arrival; the last finish only once every visit is done.
  fillActualTimes(ctx, orderId, { start: agg.start, end: agg.open === 0 ? agg.end : null })
}

/**
 * The order's planned times were edited on the order (inside its update's transaction): its one visit on the
 * board follows — the same technician, the new times (the visit keeps its length when no end is given), sent
 * back to planned when its start moves after it was dispatched. Several visits, or a done one, are moved on the
 * board; a visit cannot be cleared from the order form. Without visits there is nothing to move.
 */
export function followOrderPlan(ctx: ServiceContext, orderId: number, start: number | null, end: number | null): void {
  const visits = ctx.db.select().from(orderAssignments).where(eq(orderAssignments.orderId, orderId)).all()
  if (visits.length === 0) return
  if (start === null) throw invalid(['plannedStart'], 'errors.lifecycle.clearOnBoard')
  if (visits.length > 1) throw invalid(['plannedStart'], 'errors.lifecycle.severalVisits', { count: visits.length })
  const a = visits[0]!
  if (a.status === 'done') throw invalid(['plannedStart'], 'errors.lifecycle.visitDone')
  const newEnd = end ?? start + (a.end - a.start)
  if (start === a.start && newEnd === a.end) return
  if (start !== a.start) requireSpan(ctx, start, newEnd, { start: 'plannedStart', end: 'plannedEnd' })
  else if (newEnd <= start) throw invalid(['plannedEnd'], 'errors.dispatch.endAfterStart')
  else if (newEnd - start > MAX_SPAN) throw invalid(['plannedEnd'], 'errors.dispatch.tooLong', { days: MAX_SPAN_DAYS })
  const replan = a.status === 'dispatched' && start !== a.start
  const after = ctx.db
    .update(orderAssignments)
    .set({
      start,
      end: newEnd,
      ...(replan ? { status: 'planned', dispatchedAt: null, dispatchedBy: null } : {}),
      updatedAt: ctx.now(),
      version: a.version + 1
    })
    .where(eq(orderAssignments.id, a.id))
    .returning()
    .get()
  audit(ctx, 'orderAssignment', a.id, 'update', snapshot(a), snapshot(after))
  syncOrder(ctx, orderId, null)
}
