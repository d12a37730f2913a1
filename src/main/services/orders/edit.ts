import { and, asc, eq, inArray, max, ne, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { can } from '@shared/auth/roles'
import { isAllowedStageMove, linesToPost } from '@shared/domain/orderRules'
import type { OrderRow } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import type { Db } from '../../db/connection'
import {
  categories,
  customerContacts,
  customers,
  customerSites,
  items,
  serviceObjects,
  serviceOrderLines,
  serviceOrderObjects,
  serviceOrders,
  serviceOrderTasks,
  serviceStages,
  serviceTasks,
  stageHistory,
  stageReasons,
  workers
} from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, requireUser, type ServiceContext } from '../core/context'
import type { MessageParams } from '@shared/api/result'
import { AppError, forbidden, invalid, type MessageKey, notFound } from '../core/errors'
import { nextNumber } from '../core/sequences'
import { requireVersion, type Stamped } from '../core/stale'
import { writeTx } from '../core/tx'
import { loadSettings } from '../settings/settings'
import { isOfficeUser, requireOrderAccess } from './access'
import { checkAgreementLineDate, checkOrderAgreement } from './agreementLink'
import { checkSlaRef } from '../sla/definitions'
import { slaOrderCancelled, slaOrderChanged, slaOrderCreated, slaOrderRevived, slaRequireReasons } from '../sla/hooks'
import { mustLoadOrder } from './read'
import { allStages, initialStage } from './stages'
import { enterStageFor, requirePlanFor, writeStageMove } from '../lifecycle/rules'
import { followOrderPlan } from '../dispatch/mutations'
import { bump, lineRecord, type LineRecord, orderRecord, type OrderRecord, refreshOrder, requireOpenOrder } from './write'

type Header = ParsedInput<'serviceOrders.create'>
type LineIn = ParsedInput<'serviceOrders.addLine'>

/** A rule of the workflow refused the action: the message says which and why. */
const refused = (key: MessageKey, params?: MessageParams) => new AppError('VALIDATION', key, params)

function stageOf(db: Db, o: OrderRecord) {
  return db.select().from(serviceStages).where(eq(serviceStages.id, o.stageId)).get()!
}

export function checkVersion(ctx: ServiceContext, o: Stamped, version: number, lineNo?: number): void {
  if (lineNo === undefined) requireVersion(ctx, o, version, 'serviceOrder')
  else requireVersion(ctx, o, version, 'line', { lineNo })
}

export function requireModifiable(db: Db, o: OrderRecord): void {
  const stage = stageOf(db, o)
  if (!stage.canModify) throw refused('errors.orders.stageNoChanges', { stage: stage.name })
  if (o.progress === 'cancelled') throw refused('errors.orders.cancelledOrder')
}

/* ---------------- header ---------------- */

function validateHeader(db: Db, h: Header): void {
  if (!db.select({ id: customers.id }).from(customers).where(eq(customers.id, h.customerId)).get())
    throw invalid(['customerId'], 'errors.choose.customer')
  if (h.siteId !== null) {
    const site = db.select({ c: customerSites.customerId }).from(customerSites).where(eq(customerSites.id, h.siteId)).get()
    if (!site || site.c !== h.customerId) throw invalid(['siteId'], 'errors.orders.siteOfCustomer')
  }
  if (h.siteId === null && h.oneTimeAddress === '') throw invalid(['siteId'], 'errors.orders.siteOrAddress')
  checkSlaRef(db, h.slaId, ['slaId'])
  if (h.contactId !== null) {
    const c = db.select({ c: customerContacts.customerId }).from(customerContacts).where(eq(customerContacts.id, h.contactId)).get()
    if (!c || c.c !== h.customerId) throw invalid(['contactId'], 'errors.orders.contactOfCustomer')
  }
  for (const [field, workerId] of [
    ['preferredWorkerId', h.preferredWorkerId],
    ['responsibleWorkerId', h.responsibleWorkerId]
  ] as const) {
    if (workerId !== null && !db.select({ id: workers.id }).from(workers).where(eq(workers.id, workerId)).get())
      throw invalid([field], 'errors.choose.worker')
  }
  h.objects.forEach((rel, n) => {
    const obj = db.select({ c: serviceObjects.customerId }).from(serviceObjects).where(eq(serviceObjects.id, rel.id)).get()
    if (!obj || obj.c !== h.customerId) throw invalid(['objects', n, 'id'], 'errors.orders.objectOfCustomer')
  })
  h.tasks.forEach((rel, n) => {
    if (!db.select({ id: serviceTasks.id }).from(serviceTasks).where(eq(serviceTasks.id, rel.id)).get())
      throw invalid(['tasks', n, 'id'], 'errors.choose.serviceTask')
  })
}

function headerValues(h: Header) {
  const { objects: _o, tasks: _t, ...values } = h
  return values
}

function saveRelations(db: Db, orderId: number, h: Pick<Header, 'objects' | 'tasks'>): void {
  db.delete(serviceOrderObjects).where(eq(serviceOrderObjects.orderId, orderId)).run()
  for (const rel of h.objects)
    db.insert(serviceOrderObjects).values({ orderId, serviceObjectId: rel.id, note: rel.note }).onConflictDoNothing().run()
  db.delete(serviceOrderTasks).where(eq(serviceOrderTasks.orderId, orderId)).run()
  for (const rel of h.tasks)
    db.insert(serviceOrderTasks).values({ orderId, serviceTaskId: rel.id, note: rel.note }).onConflictDoNothing().run()
}

/** Creates an order in the initial stage (used by the screen, agreements and returns alike). */
export function insertOrder(
  ctx: ServiceContext,
  h: Header,
  origin: OrderRecord['origin'] = 'manual',
  extra: Partial<typeof serviceOrders.$inferInsert> = {}
): number {
  validateHeader(ctx.db, h)
  const agreementId = checkOrderAgreement(ctx.db, h, null, ctx.now())
  const stage = initialStage(ctx.db)
  const row = ctx.db
    .insert(serviceOrders)
    .values({ ...headerValues(h), agreementId, ...extra, number: nextNumber(ctx.db, 'serviceOrder'), origin, stageId: stage.id })
    .returning({ id: serviceOrders.id })
    .get()
  saveRelations(ctx.db, row.id, h)
  ctx.db
    .insert(stageHistory)
    .values({ orderId: row.id, at: ctx.now(), userId: ctx.user?.id ?? null, fromStageId: null, toStageId: stage.id })
    .run()
  slaOrderCreated(ctx, row.id)
  return row.id
}

export function createOrder(ctx: ServiceContext, h: Header): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const id = insertOrder(ctx, h)
    const after = mustLoadOrder(ctx.db, id, ctx.now())
    audit(ctx, 'serviceOrder', id, 'create', null, headerSnapshot(after))
    return after
  })
}

function headerSnapshot(o: OrderRow) {
  const { lines: _l, history: _h, nextStages: _n, previousStage: _p, ...rest } = o
  return rest
}

export function updateOrder(ctx: ServiceContext, i: ParsedInput<'serviceOrders.update'>): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    requireModifiable(ctx.db, o)
    const { id, version, ...h } = i
    if (h.customerId !== o.customerId) {
      const n = ctx.db
        .select({ n: sql<number>`count(*)` })
        .from(serviceOrderLines)
        .where(eq(serviceOrderLines.orderId, id))
        .get()!.n
      if (n > 0) throw invalid(['customerId'], 'errors.orders.customerFixed')
    }
    validateHeader(ctx.db, h)
    const agreementId = checkOrderAgreement(ctx.db, h, o, ctx.now())
    const before = mustLoadOrder(ctx.db, id, ctx.now())
    ctx.db
      .update(serviceOrders)
      .set({ ...headerValues(h), agreementId, version: version + 1 })
      .where(eq(serviceOrders.id, id))
      .run()
    saveRelations(ctx.db, id, h)
    if (h.plannedStart !== o.plannedStart || h.plannedEnd !== o.plannedEnd) planEdited(ctx, o, h.plannedStart, h.plannedEnd)
    if (h.priority !== o.priority || h.slaId !== o.slaId || h.customerId !== o.customerId || agreementId !== o.agreementId)
      slaOrderChanged(ctx, id)
    const after = mustLoadOrder(ctx.db, id, ctx.now())
    audit(ctx, 'serviceOrder', id, 'update', headerSnapshot(before), headerSnapshot(after))
    return after
  })
}

/**
 * Planned times edited on the order move its visit on the board (ADR 0017: one plan, kept in step by the one
 * writer); a plan gained moves the stage as a booking on the board would. A stage that needs a plan keeps it.
 */
function planEdited(ctx: ServiceContext, before: OrderRecord, start: number | null, end: number | null): void {
  if (start === null) requirePlanFor(stageOf(ctx.db, before), null, 'plannedStart')
  followOrderPlan(ctx, before.id, start, end)
  // The header's own write moved the version already.
  if (before.plannedStart === null && start !== null) enterStageFor(ctx, before.id, 'planned', before.version)
}

export function deleteOrder(ctx: ServiceContext, i: { id: number; version: number }): { id: number } {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    const stage = stageOf(ctx.db, o)
    if (!stage.canDelete) throw refused('errors.orders.stageNoDelete', { stage: stage.name })
    const posted = ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(serviceOrderLines)
      .where(and(eq(serviceOrderLines.orderId, i.id), ne(serviceOrderLines.status, 'created')))
      .get()!.n
    if (posted > 0) throw refused('errors.orders.hasPostedLines')
    const before = mustLoadOrder(ctx.db, i.id, ctx.now())
    ctx.db.delete(serviceOrderLines).where(eq(serviceOrderLines.orderId, i.id)).run()
    ctx.db.delete(stageHistory).where(eq(stageHistory.orderId, i.id)).run()
    ctx.db.delete(serviceOrderObjects).where(eq(serviceOrderObjects.orderId, i.id)).run()
    ctx.db.delete(serviceOrderTasks).where(eq(serviceOrderTasks.orderId, i.id)).run()
    ctx.db.delete(serviceOrders).where(eq(serviceOrders.id, i.id)).run()
    audit(ctx, 'serviceOrder', i.id, 'delete', headerSnapshot(before), null)
    return { id: i.id }
  })
}

/** A technician's registration on their own order: actual times and notes. */
export function registerOnOrder(ctx: ServiceContext, i: ParsedInput<'serviceOrders.register'>): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.register')
    requireOrderAccess(ctx, i.id)
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    requireModifiable(ctx.db, o)
    const before = { actualStart: o.actualStart, actualEnd: o.actualEnd, notes: o.notes }
    bump(ctx.db, o, { actualStart: i.actualStart, actualEnd: i.actualEnd, notes: i.notes })
    audit(ctx, 'serviceOrder', o.id, 'update', before, { actualStart: i.actualStart, actualEnd: i.actualEnd, notes: i.notes })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

/* ---------------- lines ---------------- */

export interface LineDefaults {
  unit: string
  unitCost: number
  unitPrice: number
  description: string
}

export function lineDefaults(db: Db, l: Pick<LineIn, 'type' | 'categoryId' | 'itemId'>): LineDefaults {
  if (l.type === 'item') {
    if (l.itemId === null) throw invalid(['itemId'], 'errors.orders.itemNeeded')
    const item = db.select().from(items).where(eq(items.id, l.itemId)).get()
    if (!item) throw invalid(['itemId'], 'errors.choose.item')
    return { unit: item.unit, unitCost: item.costPrice, unitPrice: item.salesPrice, description: item.name }
  }
  if (l.itemId !== null) throw invalid(['itemId'], 'errors.orders.itemOnlyOnItemLines')
  if (l.categoryId === null) throw invalid(['categoryId'], 'errors.orders.categoryNeeded', { type: l.type })
  const cat = db.select().from(categories).where(eq(categories.id, l.categoryId)).get()
  if (!cat) throw invalid(['categoryId'], 'errors.choose.category')
  if (cat.type !== l.type) throw invalid(['categoryId'], 'errors.orders.categoryType', { category: cat.name, type: cat.type })
  return { unit: cat.unit, unitCost: cat.costPrice, unitPrice: cat.salesPrice, description: cat.name }
}

/**
 * The line's values with defaults filled in, and the checks that need the database: the object must be
 * the order customer's (it is related to the order when first used), a technician books on themselves,
 * and a price other than the default needs the prices.override permission.
 */
function lineValues(ctx: ServiceContext, o: OrderRecord, l: LineIn | ParsedInput<'serviceOrders.updateLine'>, current: LineRecord | null) {
  const user = requireUser(ctx)
  const d = lineDefaults(ctx.db, l)
  if (l.serviceObjectId !== null) {
    const obj = ctx.db.select({ c: serviceObjects.customerId }).from(serviceObjects).where(eq(serviceObjects.id, l.serviceObjectId)).get()
    if (!obj || obj.c !== o.customerId) throw invalid(['serviceObjectId'], 'errors.orders.objectOfOrderCustomer')
    ctx.db.insert(serviceOrderObjects).values({ orderId: o.id, serviceObjectId: l.serviceObjectId }).onConflictDoNothing().run()
  }
  if (
    l.serviceTaskId !== null &&
    !ctx.db.select({ id: serviceTasks.id }).from(serviceTasks).where(eq(serviceTasks.id, l.serviceTaskId)).get()
  ) {
    throw invalid(['serviceTaskId'], 'errors.choose.serviceTask')
  }
  let workerId = l.workerId ?? (l.type === 'hour' ? o.responsibleWorkerId : null)
  if (!isOfficeUser(user)) {
    if (user.workerId === null) throw forbidden('errors.notLinkedToWorker')
    if (workerId !== null && workerId !== user.workerId) throw forbidden('errors.orders.ownLinesOnly')
    workerId = user.workerId
  } else if (workerId !== null && !ctx.db.select({ id: workers.id }).from(workers).where(eq(workers.id, workerId)).get()) {
    throw invalid(['workerId'], 'errors.choose.worker')
  }
  const keepOrDefault = (given: number | null, field: 'unitCost' | 'unitPrice'): number => {
    if (given === null) return current && sameSource(current, l) ? current[field] : d[field]
    // Only the line's own price (same item or category) counts as unchanged; after switching the category or
    // item, anything but the new default is an override.
    const kept = current !== null && sameSource(current, l) && given === current[field]
    if (!kept && given !== d[field] && !can(user.roles, 'prices.override')) {
      throw new AppError('FORBIDDEN', 'errors.orders.priceOverride', {}, [{ path: [field], code: 'errors.notAllowedForRole' }])
    }
    return given
  }
  const tz = loadSettings(ctx.db).timeZone
  // The description follows the item or category unless someone wrote their own: a line moved to another
  // item still carrying the old item's name (the default it was given) takes the new one's.
  const followsSource =
    current !== null &&
    !sameSource(current, l) &&
    l.description === current.description &&
    current.description === lineDefaults(ctx.db, { ...current, type: current.type as LineIn['type'] }).description
  return {
    type: l.type,
    description: !l.description || followsSource ? d.description : l.description,
    workerId,
    serviceObjectId: l.serviceObjectId,
    serviceTaskId: l.serviceTaskId,
    categoryId: l.type === 'item' ? null : l.categoryId,
    itemId: l.type === 'item' ? l.itemId : null,
    quantity: l.quantity,
    unit: d.unit,
    unitCost: keepOrDefault(l.unitCost, 'unitCost'),
    unitPrice: keepOrDefault(l.unitPrice, 'unitPrice'),
    scheduledDate: l.scheduledDate ?? current?.scheduledDate ?? (o.plannedStart === null ? null : dateOf(o.plannedStart, tz)),
    actualDate: l.actualDate,
    note: l.note
  }
}

/** Same item or category as before: an unchanged price stays as it was even if the catalogue moved on. */
function sameSource(current: LineRecord, l: Pick<LineIn, 'type' | 'categoryId' | 'itemId'>): boolean {
  return (
    current.type === l.type &&
    current.categoryId === (l.type === 'item' ? null : l.categoryId) &&
    current.itemId === (l.type === 'item' ? l.itemId : null)
  )
}

export function nextLineNo(db: Db, orderId: number): number {
  return (
    (db
      .select({ n: max(serviceOrderLines.lineNo) })
      .from(serviceOrderLines)
      .where(eq(serviceOrderLines.orderId, orderId))
      .get()?.n ?? 0) + 1
  )
}

export function addLine(ctx: ServiceContext, i: LineIn): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.register')
    requireOrderAccess(ctx, i.orderId)
    const o = orderRecord(ctx.db, i.orderId)
    requireModifiable(ctx.db, o)
    const values = lineValues(ctx, o, i, null)
    const row = ctx.db
      .insert(serviceOrderLines)
      .values({ ...values, orderId: o.id, lineNo: nextLineNo(ctx.db, o.id) })
      .returning({ id: serviceOrderLines.id })
      .get()
    refreshOrder(ctx.db, o.id)
    audit(ctx, 'serviceOrderLine', row.id, 'create', null, { orderId: o.id, ...values })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

function requireOpenLine(l: LineRecord): void {
  if (l.status === 'posted') throw refused('errors.orders.linePosted', { lineNo: l.lineNo })
  if (l.status === 'cancelled') throw refused('errors.orders.lineCancelled', { lineNo: l.lineNo })
}

export function updateLine(ctx: ServiceContext, i: ParsedInput<'serviceOrders.updateLine'>): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.register')
    const l = lineRecord(ctx.db, i.id)
    requireOrderAccess(ctx, l.orderId)
    checkVersion(ctx, l, i.version, l.lineNo)
    requireOpenLine(l)
    const o = orderRecord(ctx.db, l.orderId)
    requireModifiable(ctx.db, o)
    const values = lineValues(ctx, o, i, l)
    checkAgreementLineDate(ctx.db, o, l.agreementLineId, values.scheduledDate)
    // A changed line needs signing off again.
    ctx.db
      .update(serviceOrderLines)
      .set({ ...values, signedOffAt: null, signedOffBy: null, version: l.version + 1 })
      .where(eq(serviceOrderLines.id, l.id))
      .run()
    if (o.signedOffAt !== null)
      ctx.db.update(serviceOrders).set({ signedOffAt: null, signedOffBy: null }).where(eq(serviceOrders.id, o.id)).run()
    refreshOrder(ctx.db, o.id)
    audit(ctx, 'serviceOrderLine', l.id, 'update', l, { ...l, ...values })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

export function deleteLine(ctx: ServiceContext, i: { id: number; version: number }): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.register')
    const l = lineRecord(ctx.db, i.id)
    requireOrderAccess(ctx, l.orderId)
    checkVersion(ctx, l, i.version, l.lineNo)
    requireOpenLine(l)
    const o = orderRecord(ctx.db, l.orderId)
    requireModifiable(ctx.db, o)
    // A generated occurrence is in the agreement's ledger and would never be made again; a line copied from an
    // agreement line by hand (no occurrence) is the office's own and may go.
    if (l.occurrenceDate !== null) throw refused('errors.orders.lineFromAgreement', { lineNo: l.lineNo })
    ctx.db.delete(serviceOrderLines).where(eq(serviceOrderLines.id, l.id)).run()
    refreshOrder(ctx.db, o.id)
    audit(ctx, 'serviceOrderLine', l.id, 'delete', l, null)
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

export function copyLines(ctx: ServiceContext, i: ParsedInput<'serviceOrders.copyLines'>): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const target = orderRecord(ctx.db, i.id)
    const source = orderRecord(ctx.db, i.fromOrderId)
    if (!source.isTemplate) throw refused('errors.orders.notTemplate', { number: source.number })
    if (target.isTemplate && target.id === source.id) throw refused('errors.orders.copyFromItself')
    requireModifiable(ctx.db, target)
    const lines = ctx.db
      .select()
      .from(serviceOrderLines)
      .where(and(eq(serviceOrderLines.orderId, source.id), ne(serviceOrderLines.status, 'cancelled')))
      .orderBy(asc(serviceOrderLines.lineNo))
      .all()
    if (lines.length === 0) throw refused('errors.orders.templateEmpty', { number: source.number })
    let lineNo = nextLineNo(ctx.db, target.id)
    for (const l of lines) {
      // Objects belong to the template's customer; on another customer's order the line goes without.
      const objectId = source.customerId === target.customerId ? l.serviceObjectId : null
      ctx.db
        .insert(serviceOrderLines)
        .values({
          orderId: target.id,
          lineNo: lineNo++,
          type: l.type,
          description: l.description,
          workerId: l.workerId,
          serviceObjectId: objectId,
          serviceTaskId: l.serviceTaskId,
          categoryId: l.categoryId,
          itemId: l.itemId,
          quantity: l.quantity,
          unit: l.unit,
          unitCost: l.unitCost,
          unitPrice: l.unitPrice,
          note: l.note
        })
        .run()
      if (objectId !== null)
        ctx.db.insert(serviceOrderObjects).values({ orderId: target.id, serviceObjectId: objectId }).onConflictDoNothing().run()
    }
    refreshOrder(ctx.db, target.id)
    audit(ctx, 'serviceOrder', target.id, 'update', null, { copiedLinesFrom: source.number, lines: lines.length })
    return mustLoadOrder(ctx.db, target.id, ctx.now())
  })
}

export function moveLines(ctx: ServiceContext, i: ParsedInput<'serviceOrders.moveLines'>): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const target = orderRecord(ctx.db, i.toOrderId)
    const lines = ctx.db.select().from(serviceOrderLines).where(inArray(serviceOrderLines.id, i.lineIds)).all()
    if (lines.length !== new Set(i.lineIds).size) throw notFound('someLine')
    const sourceIds = [...new Set(lines.map((l) => l.orderId))]
    if (sourceIds.length !== 1) throw invalid(['lineIds'], 'errors.orders.moveOneOrder')
    const source = orderRecord(ctx.db, sourceIds[0]!)
    if (source.id === target.id) throw invalid(['toOrderId'], 'errors.orders.alreadyOnOrder')
    if (source.agreementId === null || source.agreementId !== target.agreementId) {
      throw refused('errors.orders.moveSameAgreement', { from: source.number, to: target.number })
    }
    if (source.customerId !== target.customerId) throw refused('errors.orders.moveSameCustomer')
    requireModifiable(ctx.db, source)
    requireModifiable(ctx.db, target)
    requireOpenOrder(ctx.db, target, 'toOrderId')
    lines.forEach(requireOpenLine)
    let lineNo = nextLineNo(ctx.db, target.id)
    for (const l of lines) {
      ctx.db
        .update(serviceOrderLines)
        .set({ orderId: target.id, lineNo: lineNo++, version: l.version + 1 })
        .where(eq(serviceOrderLines.id, l.id))
        .run()
      if (l.serviceObjectId !== null)
        ctx.db.insert(serviceOrderObjects).values({ orderId: target.id, serviceObjectId: l.serviceObjectId }).onConflictDoNothing().run()
    }
    refreshOrder(ctx.db, source.id)
    refreshOrder(ctx.db, target.id)
    audit(ctx, 'serviceOrder', target.id, 'update', null, { movedLinesFrom: source.number, lineIds: i.lineIds })
    const left = ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(serviceOrderLines)
      .where(eq(serviceOrderLines.orderId, source.id))
      .get()!.n
    if (i.deleteEmptyOrder && left === 0 && stageOf(ctx.db, source).canDelete) {
      ctx.db.delete(stageHistory).where(eq(stageHistory.orderId, source.id)).run()
      ctx.db.delete(serviceOrderObjects).where(eq(serviceOrderObjects.orderId, source.id)).run()
      ctx.db.delete(serviceOrderTasks).where(eq(serviceOrderTasks.orderId, source.id)).run()
      ctx.db.delete(serviceOrders).where(eq(serviceOrders.id, source.id)).run()
      audit(ctx, 'serviceOrder', source.id, 'delete', { number: source.number }, null)
    }
    return mustLoadOrder(ctx.db, target.id, ctx.now())
  })
}

/* ---------------- cancel ---------------- */

function requireCancellable(db: Db, o: OrderRecord): void {
  const stage = stageOf(db, o)
  if (!stage.canCancel) throw refused('errors.orders.stageNoCancel', { stage: stage.name })
}

export function cancelOrder(ctx: ServiceContext, i: { id: number; version: number }): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    requireCancellable(ctx.db, o)
    if (o.progress === 'cancelled') throw refused('errors.orders.alreadyCancelled')
    const posted = ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(serviceOrderLines)
      .where(and(eq(serviceOrderLines.orderId, o.id), eq(serviceOrderLines.status, 'posted')))
      .get()!.n
    if (posted > 0) throw refused('errors.orders.cancelPosted')
    ctx.db
      .update(serviceOrderLines)
      .set({ status: 'cancelled', version: sql`${serviceOrderLines.version} + 1` })
      .where(and(eq(serviceOrderLines.orderId, o.id), eq(serviceOrderLines.status, 'created')))
      .run()
    bump(ctx.db, o, { progress: 'cancelled' })
    refreshOrder(ctx.db, o.id)
    slaOrderCancelled(ctx, o.id)
    audit(ctx, 'serviceOrder', o.id, 'update', { progress: o.progress }, { progress: 'cancelled' })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

export function revokeCancelOrder(ctx: ServiceContext, i: { id: number; version: number }): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    if (o.progress !== 'cancelled') throw refused('errors.orders.notCancelled')
    ctx.db
      .update(serviceOrderLines)
      .set({ status: 'created', version: sql`${serviceOrderLines.version} + 1` })
      .where(and(eq(serviceOrderLines.orderId, o.id), eq(serviceOrderLines.status, 'cancelled')))
      .run()
    bump(ctx.db, o, { progress: 'inProcess' })
    refreshOrder(ctx.db, o.id)
    slaOrderRevived(ctx, o.id)
    audit(ctx, 'serviceOrder', o.id, 'update', { progress: 'cancelled' }, { progress: 'inProcess' })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

export function cancelLine(ctx: ServiceContext, i: { id: number; version: number }): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const l = lineRecord(ctx.db, i.id)
    checkVersion(ctx, l, i.version, l.lineNo)
    requireOpenLine(l)
    const o = orderRecord(ctx.db, l.orderId)
    requireCancellable(ctx.db, o)
    ctx.db
      .update(serviceOrderLines)
      .set({ status: 'cancelled', signedOffAt: null, signedOffBy: null, version: l.version + 1 })
      .where(eq(serviceOrderLines.id, l.id))
      .run()
    refreshOrder(ctx.db, o.id)
    audit(ctx, 'serviceOrderLine', l.id, 'update', { status: l.status }, { status: 'cancelled' })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

export function revokeCancelLine(ctx: ServiceContext, i: { id: number; version: number }): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.write')
    const l = lineRecord(ctx.db, i.id)
    checkVersion(ctx, l, i.version, l.lineNo)
    if (l.status !== 'cancelled') throw refused('errors.orders.lineNotCancelled', { lineNo: l.lineNo })
    const o = orderRecord(ctx.db, l.orderId)
    requireModifiable(ctx.db, { ...o, progress: 'inProcess' })
    ctx.db
      .update(serviceOrderLines)
      .set({ status: 'created', version: l.version + 1 })
      .where(eq(serviceOrderLines.id, l.id))
      .run()
    if (o.progress === 'cancelled') ctx.db.update(serviceOrders).set({ progress: 'inProcess' }).where(eq(serviceOrders.id, o.id)).run()
    refreshOrder(ctx.db, o.id)
    audit(ctx, 'serviceOrderLine', l.id, 'update', { status: 'cancelled' }, { status: 'created' })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

/* ---------------- stages, sign-off, posting ---------------- */

export function changeStage(ctx: ServiceContext, i: ParsedInput<'serviceOrders.changeStage'>): OrderRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'orders.register')
    requireOrderAccess(ctx, i.id)
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    const stages = allStages(ctx.db)
    const to = stages.find((s) => s.id === i.toStageId)
    if (!to) throw invalid(['toStageId'], 'errors.choose.stage')
    const move = isAllowedStageMove(stages, o.stageId, to.id)
    const from = stages.find((s) => s.id === o.stageId)!
    if (!move) throw invalid(['toStageId'], 'errors.orders.notNextStage', { to: to.name, from: from.name })
    if (to.reasonRequired && i.reasonId === null) throw invalid(['reasonId'], 'errors.orders.reasonNeeded', { stage: to.name })
    if (i.reasonId !== null && !ctx.db.select({ id: stageReasons.id }).from(stageReasons).where(eq(stageReasons.id, i.reasonId)).get()) {
      throw invalid(['reasonId'], 'errors.choose.reasonCode')
    }
    requirePlanFor(to, o.plannedStart, 'toStageId')
    writeStageMove(ctx, o, from, to, i.reasonId, i.note)
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

export function signOff(ctx: ServiceContext, i: ParsedInput<'serviceOrders.signOff'>): OrderRow {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'orders.signOff')
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    if (o.progress === 'cancelled') throw refused('errors.orders.cancelledNoSignOff')
    const lines = ctx.db.select().from(serviceOrderLines).where(eq(serviceOrderLines.orderId, o.id)).all()
    const chosen = i.lineIds.length > 0 ? lines.filter((l) => i.lineIds.includes(l.id)) : lines.filter((l) => l.status === 'created')
    if (i.lineIds.length > 0 && chosen.length !== i.lineIds.length) throw invalid(['lineIds'], 'errors.orders.lineNotOnOrder')
    chosen.forEach(requireOpenLine)
    if (lines.length === 0) throw refused('errors.orders.nothingToSignOff')
    slaRequireReasons(ctx, o.id)
    const now = ctx.now()
    for (const l of chosen) {
      ctx.db
        .update(serviceOrderLines)
        .set({ signedOffAt: now, signedOffBy: user.id, version: l.version + 1 })
        .where(eq(serviceOrderLines.id, l.id))
        .run()
    }
    const unsigned = ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(serviceOrderLines)
      .where(
        and(eq(serviceOrderLines.orderId, o.id), eq(serviceOrderLines.status, 'created'), sql`${serviceOrderLines.signedOffAt} is null`)
      )
      .get()!.n
    bump(ctx.db, o, unsigned === 0 ? { signedOffAt: now, signedOffBy: user.id } : {})
    audit(ctx, 'serviceOrder', o.id, 'update', null, { signedOffLines: chosen.map((l) => l.lineNo), orderSignedOff: unsigned === 0 })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}

export function postOrder(ctx: ServiceContext, i: ParsedInput<'serviceOrders.post'>): OrderRow {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'orders.post')
    const o = orderRecord(ctx.db, i.id)
    checkVersion(ctx, o, i.version)
    const stage = stageOf(ctx.db, o)
    if (!stage.canPost) throw refused('errors.orders.stageNoPosting', { stage: stage.name })
    const lines = ctx.db
      .select()
      .from(serviceOrderLines)
      .where(eq(serviceOrderLines.orderId, o.id))
      .all()
      .map((l) => ({ ...l, signedOff: l.signedOffAt !== null }))
    // The same selection the order page's confirmation counts (postingPreview).
    const chosen = linesToPost(lines, i.lineIds)
    if (i.lineIds.length > 0) {
      if (chosen.length !== i.lineIds.length) throw invalid(['lineIds'], 'errors.orders.lineNotOnOrder')
      for (const l of chosen) {
        requireOpenLine(l)
        if (!l.signedOff) throw refused('errors.orders.lineNotSignedOff', { lineNo: l.lineNo })
      }
    } else if (chosen.length === 0) throw refused('errors.orders.nothingToPost')
    const now = ctx.now()
    const ids = chosen.map((l) => l.id)
    ctx.db
      .update(serviceOrderLines)
      .set({ status: 'posted', postedAt: now, postedBy: user.id, version: sql`${serviceOrderLines.version} + 1` })
      .where(inArray(serviceOrderLines.id, ids))
      .run()
    bump(ctx.db, o)
    refreshOrder(ctx.db, o.id)
    audit(ctx, 'serviceOrder', o.id, 'update', null, { postedLines: chosen.map((l) => l.lineNo) })
    return mustLoadOrder(ctx.db, o.id, ctx.now())
  })
}
