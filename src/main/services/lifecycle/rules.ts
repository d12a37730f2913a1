/**
 * The lifecycle rule set applied to orders (ADR 0017): the stage an event moves an order to, the stage a plan is
 * required for, and which orders are finished. The board, *My work* and the order screen call these inside their
 * own write transaction, so the order's stage, its plan and its visits never disagree.
 */
import { eq, sql } from 'drizzle-orm'
import {
  EVENT_FIELD,
  finishedStageIds,
  type LifecycleEvent,
  type LifecycleSettings,
  stageForEvent,
  stageWithoutPlan
} from '@shared/domain/lifecycle'
import type { Db } from '../../db/connection'
import { lifecycleSettings, orderAssignments, serviceOrders, serviceStages, stageHistory } from '../../db/schema'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { invalid } from '../core/errors'
import { slaStageChanged } from '../sla/hooks'
import { bump, orderRecord, type OrderRecord } from '../orders/write'

export type StageRecord = typeof serviceStages.$inferSelect

const DEFAULT_CODES = {
  plannedStageId: 'SCHEDULED',
  dispatchedStageId: null,
  onSiteStageId: 'IN-PROGRESS',
  doneStageId: 'COMPLETED'
} as const

/** Seeds the rule set once, naming the default workflow's stages that exist (a shop's own codes are left unset). */
export function ensureLifecycle(db: Db): void {
  if (db.select({ id: lifecycleSettings.id }).from(lifecycleSettings).where(eq(lifecycleSettings.id, 1)).get()) return
  const idOf = (code: string | null): number | null =>
    code === null ? null : (db.select({ id: serviceStages.id }).from(serviceStages).where(eq(serviceStages.code, code)).get()?.id ?? null)
  db.insert(lifecycleSettings)
    .values({
      id: 1,
      plannedStageId: idOf(DEFAULT_CODES.plannedStageId),
      dispatchedStageId: idOf(DEFAULT_CODES.dispatchedStageId),
      onSiteStageId: idOf(DEFAULT_CODES.onSiteStageId),
      doneStageId: idOf(DEFAULT_CODES.doneStageId)
    })
    .onConflictDoNothing()
    .run()
}

export function loadLifecycle(db: Db): LifecycleSettings {
  const row = db.select().from(lifecycleSettings).where(eq(lifecycleSettings.id, 1)).get()
  if (!row) {
    ensureLifecycle(db)
    return loadLifecycle(db)
  }
  const { id: _id, ...rest } = row
  return rest
}

export function stageRecords(db: Db): StageRecord[] {
  return db.select().from(serviceStages).all()
}

/** The stages whose orders are finished work (the done stage and those after it). */
export function finishedStages(db: Db): Set<number> {
  return finishedStageIds(stageRecords(db), loadLifecycle(db).doneStageId)
}

/**
 * Moves the order to another stage: a stage_history row, the SLA clock told, an audit row, and the version moves
 * on — once per transaction: a move caused by a change that already moved it (`versionMoved`) leaves it, so
 * whoever made the change holds the order's current version.
 */
export function writeStageMove(
  ctx: ServiceContext,
  o: OrderRecord,
  from: StageRecord,
  to: StageRecord,
  reasonId: number | null = null,
  note = '',
  versionMoved = false
): void {
  if (versionMoved) ctx.db.update(serviceOrders).set({ stageId: to.id }).where(eq(serviceOrders.id, o.id)).run()
  else bump(ctx.db, o, { stageId: to.id })
  ctx.db
    .insert(stageHistory)
    .values({ orderId: o.id, at: ctx.now(), userId: ctx.user?.id ?? null, fromStageId: from.id, toStageId: to.id, reasonId, note })
    .run()
  slaStageChanged(ctx, o.id, from.id, to.id)
  audit(ctx, 'serviceOrder', o.id, 'update', { stage: from.name }, { stage: to.name, reasonId })
}

/** An order with nothing planned cannot enter a stage that needs a plan; the message names the stage. */
export function requirePlanFor(to: StageRecord, plannedStart: number | null, field: string): void {
  if (to.requiresPlan && plannedStart === null) throw invalid([field], 'errors.lifecycle.needsPlan', { stage: to.name })
}

/**
 * The event's stage, when the rules move the order there (see stageForEvent). `readVersion` is the order's version
 * when the caller's transaction read it (see writeStageMove). Answers whether it moved.
 */
export function enterStageFor(ctx: ServiceContext, orderId: number, event: LifecycleEvent, readVersion: number): boolean {
  const target = loadLifecycle(ctx.db)[EVENT_FIELD[event]]
  if (target === null) return false
  const o = orderRecord(ctx.db, orderId)
  if (o.progress !== 'inProcess' || o.isTemplate) return false
  const stages = stageRecords(ctx.db)
  const to = stageForEvent(stages, o.stageId, target)
  if (to === null) return false
  const toStage = stages.find((s) => s.id === to)!
  if (toStage.requiresPlan && o.plannedStart === null) return false
  writeStageMove(
    ctx,
    o,
    stages.find((s) => s.id === o.stageId)!,
    toStage,
    null,
    '',
    o.version > readVersion
  )
  return true
}

/** When the plan goes, an order in a stage that needs one steps back to the nearest stage above that does not. */
export function leaveStageWithoutPlan(ctx: ServiceContext, orderId: number, readVersion: number): void {
  const o = orderRecord(ctx.db, orderId)
  if (o.plannedStart !== null) return
  const stages = stageRecords(ctx.db)
  const to = stageWithoutPlan(stages, o.stageId)
  if (to === null) return
  writeStageMove(
    ctx,
    o,
    stages.find((s) => s.id === o.stageId)!,
    stages.find((s) => s.id === to)!,
    null,
    '',
    o.version > readVersion
  )
}

/** Every visit of the order is done (and there is at least one). */
export function allVisitsDone(db: Db, orderId: number): boolean {
  const r = db
    .select({ n: sql<number>`count(*)`, open: sql<number>`coalesce(sum(${orderAssignments.status} <> 'done'), 0)` })
    .from(orderAssignments)
    .where(eq(orderAssignments.orderId, orderId))
    .get()!
  return r.n > 0 && r.open === 0
}
