// What other services call when something happens to an order that the SLA clock measures. Each runs
// inside the caller's transaction, so the clock changes with the order or not at all.
import { and, eq } from 'drizzle-orm'
import type { SlaBadge } from '@shared/domain/sla'
import type { SlaTargetKind } from '@shared/domain/slaBadge'
import type { Db } from '../../db/connection'
import { orderSlas, orderSlaTargets, serviceOrders, serviceStages } from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { AppError, slaTarget } from '../core/errors'
import { loadSettings } from '../settings/settings'
import { badgesFor, loadHeader, loadTargets, logEvent, meetTargets, refreshClock, resolveSla, startClock, targetMinutes } from './clock'
import { SlaCache } from './definitions'

function orderOf(db: Db, orderId: number) {
  return db
    .select({
      slaId: serviceOrders.slaId,
      agreementId: serviceOrders.agreementId,
      customerId: serviceOrders.customerId,
      priority: serviceOrders.priority,
      stageId: serviceOrders.stageId,
      createdAt: serviceOrders.createdAt,
      isTemplate: serviceOrders.isTemplate,
      origin: serviceOrders.origin
    })
    .from(serviceOrders)
    .where(eq(serviceOrders.id, orderId))
    .get()
}

/**
 * Whether the order may get a clock: never a template (a pattern to copy from, never work a customer waits
 * for); an order generated from an agreement only while the setting measures those (docs/adr/0007).
 */
function measured(db: Db, o: { isTemplate: boolean; origin: string }): boolean {
  if (o.isTemplate) return false
  return o.origin !== 'agreement' || loadSettings(db).slaOnGeneratedOrders
}

/** A new order (manual, copied or generated): resolve its SLA (order → agreement → agreement group → customer group) and start the clock. */
export function slaOrderCreated(ctx: ServiceContext, orderId: number): void {
  const o = orderOf(ctx.db, orderId)
  if (!o || !measured(ctx.db, o)) return
  const cache = new SlaCache(ctx.db)
  const applied = resolveSla(ctx.db, o, cache)
  if (applied) startClock(ctx, orderId, o.priority, applied.spec, applied.source, ctx.now(), cache)
}

/** The order moved between stages: pause / resume, response or resolution met. */
export function slaStageChanged(ctx: ServiceContext, orderId: number, _fromStageId: number | null, toStageId: number): void {
  const head = loadHeader(ctx.db, orderId)
  if (!head || head.cancelledAt !== null) return
  const cache = new SlaCache(ctx.db)
  const spec = cache.get(head.slaId)
  const stage = ctx.db
    .select({ stops: serviceStages.stopsSlaClock, canPost: serviceStages.canPost })
    .from(serviceStages)
    .where(eq(serviceStages.id, toStageId))
    .get()
  if (!spec || !stage) return
  const now = ctx.now()
  // The stage's own flag pauses every SLA; an SLA can name further stages of its own.
  const pauses = stage.stops || spec.pause.has(toStageId)
  if (pauses && head.pausedSince === null) {
    ctx.db.update(orderSlas).set({ pausedSince: now }).where(eq(orderSlas.orderId, orderId)).run()
    logEvent(ctx, orderId, { kind: 'pause', at: now })
  } else if (!pauses && head.pausedSince !== null) {
    ctx.db.update(orderSlas).set({ pausedSince: null }).where(eq(orderSlas.orderId, orderId)).run()
    logEvent(ctx, orderId, { kind: 'resume', at: now })
  }
  // Without resolve stages of its own, an SLA counts the work as resolved where the workflow lets it be posted.
  const resolves = spec.resolve.size > 0 ? spec.resolve.has(toStageId) : stage.canPost
  // Resolving meets every open target at that instant: the customer cannot have been helped without an
  // answer. A target whose deadline had passed still counts as missed (met late).
  if (resolves) meetTargets(ctx, orderId, ['response', 'arrival', 'resolution'], now, cache)
  else if (spec.respond.has(toStageId)) meetTargets(ctx, orderId, ['response'], now, cache)
  else refreshClock(ctx, orderId, cache)
}

/**
 * Priority or the SLA changed (on the order, or it now resolves differently): targets and deadlines are
 * recomputed from the same start and met instants. A clock appears when an SLA now applies and goes when
 * none does (or the SLA sets no targets for the new priority); the event log keeps the history either way.
 */
export function slaOrderChanged(ctx: ServiceContext, orderId: number): void {
  const o = orderOf(ctx.db, orderId)
  if (!o || o.isTemplate) return
  const cache = new SlaCache(ctx.db)
  const head = loadHeader(ctx.db, orderId)
  const applied = resolveSla(ctx.db, o, cache)
  const wanted = applied ? targetMinutes(applied.spec, o.priority) : []
  const now = ctx.now()
  if (!head) {
    // A clock started before the setting was turned off stays (below); none is started for an unmeasured order.
    if (applied && wanted.length > 0 && measured(ctx.db, o)) {
      // The clock runs from when the order came in, not from when its SLA was set.
      startClock(ctx, orderId, o.priority, applied.spec, applied.source, Math.min(o.createdAt, now), cache)
    }
    return
  }
  const current = loadTargets(ctx.db, orderId)
  const assigned = !applied || applied.spec.id !== head.slaId || applied.source !== head.source
  const sameTargets =
    wanted.length === current.length && wanted.every((w) => current.some((c) => c.target === w.target && c.minutes === w.minutes))
  if (!assigned && sameTargets) return
  const kind = assigned ? 'assign' : 'priority'
  if (!applied || wanted.length === 0) {
    ctx.db.delete(orderSlas).where(eq(orderSlas.orderId, orderId)).run()
    logEvent(ctx, orderId, {
      kind,
      at: now,
      note: applied ? `${applied.spec.name} sets no targets for ${o.priority} priority` : 'No SLA applies'
    })
    return
  }
  for (const c of current) {
    if (!wanted.some((w) => w.target === c.target))
      ctx.db
        .delete(orderSlaTargets)
        .where(and(eq(orderSlaTargets.orderId, orderId), eq(orderSlaTargets.target, c.target)))
        .run()
  }
  for (const w of wanted) {
    if (current.some((c) => c.target === w.target)) {
      ctx.db
        .update(orderSlaTargets)
        .set({ minutes: w.minutes })
        .where(and(eq(orderSlaTargets.orderId, orderId), eq(orderSlaTargets.target, w.target)))
        .run()
    } else ctx.db.insert(orderSlaTargets).values({ orderId, target: w.target, minutes: w.minutes }).run()
  }
  ctx.db.update(orderSlas).set({ slaId: applied.spec.id, source: applied.source }).where(eq(orderSlas.orderId, orderId)).run()
  logEvent(ctx, orderId, { kind, at: now, note: kind === 'assign' ? applied.spec.name : `${o.priority} priority` })
  refreshClock(ctx, orderId, cache)
}

/** The order was cancelled: its clock stops for good (revoking the cancellation restarts it, see below). */
export function slaOrderCancelled(ctx: ServiceContext, orderId: number): void {
  const head = loadHeader(ctx.db, orderId)
  if (!head || head.cancelledAt !== null) return
  const now = ctx.now()
  ctx.db.update(orderSlas).set({ cancelledAt: now }).where(eq(orderSlas.orderId, orderId)).run()
  logEvent(ctx, orderId, { kind: 'cancel', at: now, note: 'Order cancelled' })
  refreshClock(ctx, orderId, new SlaCache(ctx.db))
}

/** The order's cancellation was revoked: the clock counts on from where it stood, as if never cancelled. */
export function slaOrderRevived(ctx: ServiceContext, orderId: number): void {
  const head = loadHeader(ctx.db, orderId)
  if (!head || head.cancelledAt === null) return
  ctx.db.update(orderSlas).set({ cancelledAt: null, cancelReasonId: null }).where(eq(orderSlas.orderId, orderId)).run()
  logEvent(ctx, orderId, { kind: 'resume', at: ctx.now(), note: 'Order cancellation revoked' })
  refreshClock(ctx, orderId, new SlaCache(ctx.db))
}

/** The work was dispatched to a technician (the customer gets an answer): meets the response target. */
export function slaDispatched(ctx: ServiceContext, orderId: number, at: number): void {
  meetTargets(ctx, orderId, ['response'], at, new SlaCache(ctx.db))
}

/** The technician registered arrival on site: meets the on-site target. */
export function slaArrived(ctx: ServiceContext, orderId: number, at: number): void {
  meetTargets(ctx, orderId, ['arrival'], at, new SlaCache(ctx.db))
}

/**
 * Sign-off needs a reason for every missed target while the setting asks for them. The breaches are
 * brought up to date first, so a deadline that passed a minute ago counts too.
 */
export function slaRequireReasons(ctx: ServiceContext, orderId: number): void {
  if (!loadSettings(ctx.db).slaReasonRequired) return
  if (!loadHeader(ctx.db, orderId)) return
  refreshClock(ctx, orderId, new SlaCache(ctx.db))
  const missing = loadTargets(ctx.db, orderId).find((t) => t.breachedAt !== null && t.reasonId === null)
  if (missing) {
    const target = slaTarget(missing.target as SlaTargetKind)
    throw new AppError('VALIDATION', 'errors.sla.reasonBeforeSignOff', { target }, [
      { path: ['sla', missing.target], code: 'errors.sla.reasonForTarget', params: { target } }
    ])
  }
}

/** Badges for lists and board cards, read from the stored deadlines (fast: one query for many orders). */
export function slaBadgesFor(db: Db, orderIds: readonly number[], now: number): Map<number, SlaBadge> {
  return badgesFor(db, orderIds, now)
}
