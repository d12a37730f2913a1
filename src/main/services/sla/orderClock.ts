import { and, asc, eq, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { OrderClock, SlaTargetKind } from '@shared/domain/sla'
import { orderSlas, orderSlaTargets, slaEvents, slaReasons, users } from '../../db/schema'
import { audit } from '../core/audit'
import { requireUser, type ServiceContext } from '../core/context'
import { AppError, conflict, invalid, notFound, slaTarget } from '../core/errors'
import { writeTx } from '../core/tx'
import { requireOrderAccess } from '../orders/access'
import { orderRecord, setOrderSlaId } from '../orders/write'
import { loadSettings } from '../settings/settings'
import { badgesFor, computeStored, loadHeader, loadTargets, logEvent, refreshClock } from './clock'
import { checkSlaRef, SlaCache } from './definitions'
import { slaOrderChanged } from './hooks'

/** The order's clock with live consumed/remaining minutes and its event log; null when no SLA applies. */
export function loadOrderClock(ctx: ServiceContext, orderId: number): OrderClock | null {
  const head = loadHeader(ctx.db, orderId)
  if (!head) return null
  const cache = new SlaCache(ctx.db)
  const spec = cache.get(head.slaId)!
  const targets = loadTargets(ctx.db, orderId)
  const now = ctx.now()
  const { clocks } = computeStored(ctx.db, head, targets, spec.calendar, now)
  const reasonNames = new Map(
    ctx.db
      .select({ id: slaReasons.id, name: slaReasons.name })
      .from(slaReasons)
      .all()
      .map((r) => [r.id, r.name])
  )
  const reasonRequired = loadSettings(ctx.db).slaReasonRequired
  const events = ctx.db
    .select({
      id: slaEvents.id,
      at: slaEvents.at,
      userName: users.displayName,
      kind: slaEvents.kind,
      target: slaEvents.target,
      reasonId: slaEvents.reasonId,
      note: slaEvents.note
    })
    .from(slaEvents)
    .leftJoin(users, eq(users.id, slaEvents.userId))
    .where(eq(slaEvents.orderId, orderId))
    .orderBy(asc(slaEvents.at), asc(slaEvents.id))
    .all()
  return {
    orderId,
    version: head.version,
    slaId: head.slaId,
    slaName: spec.name,
    source: head.source as OrderClock['source'],
    startedAt: head.startedAt,
    state: head.state as OrderClock['state'],
    badge: badgesFor(ctx.db, [orderId], now).get(orderId)!,
    targets: targets.map((t) => {
      const c = clocks.find((x) => x.target === t.target)!
      return {
        target: t.target as SlaTargetKind,
        minutes: t.minutes,
        consumed: c.consumed,
        remaining: c.remaining,
        deadline: c.deadline,
        metAt: t.metAt,
        breachedAt: t.breachedAt,
        state: c.state,
        reasonId: t.reasonId,
        reasonName: t.reasonId === null ? null : (reasonNames.get(t.reasonId) ?? null),
        reasonNote: t.reasonNote
      }
    }),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      userName: e.userName,
      kind: e.kind as OrderClock['events'][number]['kind'],
      target: e.target as SlaTargetKind | null,
      reasonName: e.reasonId === null ? null : (reasonNames.get(e.reasonId) ?? null),
      note: e.note
    })),
    reasonsMissing: reasonRequired
      ? targets.filter((t) => t.breachedAt !== null && t.reasonId === null).map((t) => t.target as SlaTargetKind)
      : []
  }
}

export function orderClock(ctx: ServiceContext, i: ParsedInput<'sla.forOrder'>): OrderClock | null {
  requireOrderAccess(ctx, i.orderId)
  return writeTx(ctx, () => {
    if (loadHeader(ctx.db, i.orderId)) refreshClock(ctx, i.orderId, new SlaCache(ctx.db))
    return loadOrderClock(ctx, i.orderId)
  })
}

export function setOrderSla(ctx: ServiceContext, i: ParsedInput<'sla.setForOrder'>): OrderClock | null {
  return writeTx(ctx, () => {
    const o = orderRecord(ctx.db, i.orderId)
    if (o.version !== i.orderVersion) throw conflict('serviceOrder')
    checkSlaRef(ctx.db, i.slaId, ['slaId'])
    setOrderSlaId(ctx, o, i.slaId)
    slaOrderChanged(ctx, i.orderId)
    return loadOrderClock(ctx, i.orderId)
  })
}

function requireClock(ctx: ServiceContext, orderId: number, version: number) {
  const head = loadHeader(ctx.db, orderId)
  if (!head) throw notFound('orderSlaClock')
  if (head.version !== version) throw conflict('slaClock')
  return head
}

function checkReason(ctx: ServiceContext, reasonId: number | null): void {
  if (reasonId === null) {
    if (loadSettings(ctx.db).slaReasonRequired) throw invalid(['reasonId'], 'errors.sla.giveReason')
    return
  }
  if (!ctx.db.select({ id: slaReasons.id }).from(slaReasons).where(eq(slaReasons.id, reasonId)).get())
    throw invalid(['reasonId'], 'errors.choose.reasonCode')
}

/** Stops the clock for good (the work no longer falls under the SLA); its targets are no longer measured. */
export function cancelClock(ctx: ServiceContext, i: ParsedInput<'sla.cancel'>): OrderClock {
  return writeTx(ctx, () => {
    requireOrderAccess(ctx, i.orderId)
    const head = requireClock(ctx, i.orderId, i.version)
    if (head.cancelledAt !== null) throw new AppError('VALIDATION', 'errors.sla.alreadyCancelled')
    checkReason(ctx, i.reasonId)
    const now = ctx.now()
    ctx.db.update(orderSlas).set({ cancelledAt: now, cancelReasonId: i.reasonId }).where(eq(orderSlas.orderId, i.orderId)).run()
    logEvent(ctx, i.orderId, { kind: 'cancel', at: now, reasonId: i.reasonId, note: i.note })
    refreshClock(ctx, i.orderId, new SlaCache(ctx.db))
    audit(ctx, 'orderSla', i.orderId, 'update', { state: head.state }, { state: 'cancelled', reasonId: i.reasonId, note: i.note })
    return loadOrderClock(ctx, i.orderId)!
  })
}

/** Starts the clock again from now: every target is measured afresh (a pause in progress stays a pause). */
export function resetClock(ctx: ServiceContext, i: ParsedInput<'sla.reset'>): OrderClock {
  return writeTx(ctx, () => {
    requireOrderAccess(ctx, i.orderId)
    const head = requireClock(ctx, i.orderId, i.version)
    checkReason(ctx, i.reasonId)
    const now = ctx.now()
    ctx.db
      .update(orderSlaTargets)
      .set({ deadline: null, metAt: null, breachedAt: null, consumedMinutes: null, reasonId: null, reasonNote: '' })
      .where(eq(orderSlaTargets.orderId, i.orderId))
      .run()
    ctx.db.update(orderSlas).set({ startedAt: now, cancelledAt: null, cancelReasonId: null }).where(eq(orderSlas.orderId, i.orderId)).run()
    logEvent(ctx, i.orderId, { kind: 'reset', at: now, reasonId: i.reasonId, note: i.note })
    refreshClock(ctx, i.orderId, new SlaCache(ctx.db))
    audit(
      ctx,
      'orderSla',
      i.orderId,
      'update',
      { startedAt: head.startedAt, state: head.state },
      { startedAt: now, reasonId: i.reasonId, note: i.note }
    )
    return loadOrderClock(ctx, i.orderId)!
  })
}

/** Explains a missed target; the log keeps who gave which reason when. */
export function giveReason(ctx: ServiceContext, i: ParsedInput<'sla.giveReason'>): OrderClock {
  return writeTx(ctx, () => {
    requireUser(ctx)
    requireOrderAccess(ctx, i.orderId)
    requireClock(ctx, i.orderId, i.version)
    refreshClock(ctx, i.orderId, new SlaCache(ctx.db))
    const t = loadTargets(ctx.db, i.orderId).find((x) => x.target === i.target)
    if (!t) throw invalid(['target'], 'errors.sla.noTarget', { target: slaTarget(i.target) })
    if (t.breachedAt === null) throw invalid(['target'], 'errors.sla.notMissed', { target: slaTarget(i.target) })
    checkReason(ctx, i.reasonId)
    ctx.db
      .update(orderSlaTargets)
      .set({ reasonId: i.reasonId, reasonNote: i.note })
      .where(and(eq(orderSlaTargets.orderId, i.orderId), eq(orderSlaTargets.target, i.target)))
      .run()
    ctx.db
      .update(orderSlas)
      .set({ version: sql`${orderSlas.version} + 1` })
      .where(eq(orderSlas.orderId, i.orderId))
      .run()
    logEvent(ctx, i.orderId, { kind: 'reason', at: ctx.now(), target: i.target, reasonId: i.reasonId, note: i.note })
    audit(
      ctx,
      'orderSla',
      i.orderId,
      'update',
      { target: i.target, reasonId: t.reasonId },
      { target: i.target, reasonId: i.reasonId, note: i.note }
    )
    return loadOrderClock(ctx, i.orderId)!
  })
}
