import { and, desc, eq, gte, isNotNull, lt, max, ne, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import type { RepairLineRow, RepairSuggestions } from '@shared/domain/repair'
import { dayEnd, dayStart } from '@shared/time'
import type { Db } from '../../db/connection'
import { repairCodes, repairLines, serviceObjects, serviceOrderObjects, serviceOrders, workers } from '../../db/schema'
import { audit } from '../core/audit'
import { requireUser, type ServiceContext } from '../core/context'
import { conflict, forbidden, invalid, notFound } from '../core/errors'
import { iterateList, type ListSpec, listPage, outer, whereAll, contains } from '../core/list'
import { writeTx } from '../core/tx'
import { isOfficeUser, requireOrderAccess } from '../orders/access'
import { orderRecord, requireOpenOrder } from '../orders/write'
import { loadSettings } from '../settings/settings'
import { loadRepairSettings, usableCode } from './setup'

const DAY = 86_400_000
const nameOf = (column: SQLiteColumn) => sql<string | null>`(select c.name from repair_codes c where c.id = ${outer(column)})`

const selection = {
  id: repairLines.id,
  version: repairLines.version,
  orderId: repairLines.orderId,
  orderNumber: serviceOrders.number,
  lineNo: repairLines.lineNo,
  serviceObjectId: repairLines.serviceObjectId,
  objectNumber: serviceObjects.number,
  objectName: serviceObjects.name,
  symptomAreaId: repairLines.symptomAreaId,
  symptomAreaName: nameOf(repairLines.symptomAreaId),
  symptomCodeId: repairLines.symptomCodeId,
  symptomCodeName: nameOf(repairLines.symptomCodeId),
  conditionId: repairLines.conditionId,
  conditionName: nameOf(repairLines.conditionId),
  diagnosisAreaId: repairLines.diagnosisAreaId,
  diagnosisAreaName: nameOf(repairLines.diagnosisAreaId),
  diagnosisCodeId: repairLines.diagnosisCodeId,
  diagnosisCodeName: nameOf(repairLines.diagnosisCodeId),
  resolutionId: repairLines.resolutionId,
  resolutionName: nameOf(repairLines.resolutionId),
  stageId: repairLines.stageId,
  stageName: nameOf(repairLines.stageId),
  workerId: repairLines.workerId,
  workerName: sql<string | null>`(select w.name from workers w where w.id = ${outer(repairLines.workerId)})`,
  note: repairLines.note,
  createdAt: repairLines.createdAt,
  finishedAt: repairLines.finishedAt,
  repeatOfId: repairLines.repeatOfId,
  repeatOfOrderNumber: sql<
    string | null
  >`(select o.number from repair_lines r join service_orders o on o.id = r.order_id where r.id = ${outer(repairLines.repeatOfId)})`
}

const listSpec: ListSpec<typeof selection, RepairLineRow> = {
  table: repairLines,
  idColumn: repairLines.id,
  selection,
  joins: (q) =>
    q
      .innerJoin(serviceOrders, eq(serviceOrders.id, repairLines.orderId))
      .innerJoin(serviceObjects, eq(serviceObjects.id, repairLines.serviceObjectId)),
  sort: {
    createdAt: repairLines.createdAt,
    orderNumber: serviceOrders.number,
    objectName: serviceObjects.name,
    finishedAt: repairLines.finishedAt
  },
  defaultSort: 'createdAt',
  toRow: (r) => r
}

function loadLine(db: Db, id: number): RepairLineRow {
  const row = db
    .select(selection)
    .from(repairLines)
    .innerJoin(serviceOrders, eq(serviceOrders.id, repairLines.orderId))
    .innerJoin(serviceObjects, eq(serviceObjects.id, repairLines.serviceObjectId))
    .where(eq(repairLines.id, id))
    .get()
  if (!row) throw notFound('repairLine')
  return row
}

export function repairLinesOf(ctx: ServiceContext, i: { orderId: number }): RepairLineRow[] {
  requireOrderAccess(ctx, i.orderId)
  orderRecord(ctx.db, i.orderId)
  return ctx.db
    .select(selection)
    .from(repairLines)
    .innerJoin(serviceOrders, eq(serviceOrders.id, repairLines.orderId))
    .innerJoin(serviceObjects, eq(serviceObjects.id, repairLines.serviceObjectId))
    .where(eq(repairLines.orderId, i.orderId))
    .orderBy(repairLines.lineNo)
    .all()
}

type LineIn = Omit<ParsedInput<'repairLines.add'>, 'orderId'> | ParsedInput<'repairLines.update'>

/**
 * The earlier line on this object with this symptom, created within the window before `at`, on another
 * order (the steps of one repair share their symptom and are not repeats of each other).
 */
export function earlierRepair(db: Db, objectId: number, symptomCodeId: number, orderId: number, at: number, windowDays: number) {
  return db
    .select({
      id: repairLines.id,
      orderNumber: serviceOrders.number,
      createdAt: repairLines.createdAt,
      resolutionId: repairLines.resolutionId
    })
    .from(repairLines)
    .innerJoin(serviceOrders, eq(serviceOrders.id, repairLines.orderId))
    .where(
      and(
        eq(repairLines.serviceObjectId, objectId),
        eq(repairLines.symptomCodeId, symptomCodeId),
        ne(repairLines.orderId, orderId),
        gte(repairLines.createdAt, at - windowDays * DAY),
        lt(repairLines.createdAt, at)
      )
    )
    .orderBy(desc(repairLines.createdAt), desc(repairLines.id))
    .get()
}

/** Checks a line against its order, object and codes; answers the values to store. */
function lineValues(ctx: ServiceContext, orderId: number, i: LineIn, current: typeof repairLines.$inferSelect | null) {
  const user = requireUser(ctx)
  const db = ctx.db
  const related = db
    .select({ id: serviceOrderObjects.serviceObjectId })
    .from(serviceOrderObjects)
    .where(and(eq(serviceOrderObjects.orderId, orderId), eq(serviceOrderObjects.serviceObjectId, i.serviceObjectId)))
    .get()
  if (!related) throw invalid(['serviceObjectId'], 'errors.repair.objectNotOnOrder')
  const group = db.select({ g: serviceObjects.groupId }).from(serviceObjects).where(eq(serviceObjects.id, i.serviceObjectId)).get()!.g

  const code = (id: number | null, kind: Parameters<typeof usableCode>[2], field: string) =>
    id === null ? null : usableCode(db, id, kind, group, field)
  const symptomArea = code(i.symptomAreaId, 'symptomArea', 'symptomAreaId')
  const symptom = code(i.symptomCodeId, 'symptomCode', 'symptomCodeId')
  const diagnosisArea = code(i.diagnosisAreaId, 'diagnosisArea', 'diagnosisAreaId')
  const diagnosis = code(i.diagnosisCodeId, 'diagnosisCode', 'diagnosisCodeId')
  code(i.conditionId, 'condition', 'conditionId')
  const resolution = code(i.resolutionId, 'resolution', 'resolutionId')
  const stage = code(i.stageId, 'stage', 'stageId')
  if (symptom && symptomArea && symptom.areaId !== symptomArea.id) throw invalid(['symptomCodeId'], 'errors.repair.codeOfOtherArea')
  if (diagnosis && diagnosisArea && diagnosis.areaId !== diagnosisArea.id)
    throw invalid(['diagnosisCodeId'], 'errors.repair.codeOfOtherArea')
  const settings = loadRepairSettings(db)
  if (stage?.finished && settings.resolutionRequired && !resolution) throw invalid(['resolutionId'], 'errors.repair.resolutionNeeded')

  let workerId = i.workerId
  if (!isOfficeUser(user)) {
    if (user.workerId === null) throw forbidden('errors.notLinkedToWorker')
    if (workerId !== null && workerId !== user.workerId) throw forbidden('errors.orders.ownLinesOnly')
    workerId = user.workerId
  } else if (workerId === null) {
    workerId = current?.workerId ?? orderRecord(db, orderId).responsibleWorkerId
  } else if (!db.select({ id: workers.id }).from(workers).where(eq(workers.id, workerId)).get()) {
    throw invalid(['workerId'], 'errors.choose.worker')
  }

  const now = ctx.now()
  const createdAt = current?.createdAt ?? now
  const sameSymptom = current !== null && current.symptomCodeId === i.symptomCodeId && current.serviceObjectId === i.serviceObjectId
  const repeatOfId = sameSymptom
    ? current.repeatOfId
    : symptom
      ? (earlierRepair(db, i.serviceObjectId, symptom.id, orderId, createdAt, settings.repeatWindowDays)?.id ?? null)
      : null
  return {
    serviceObjectId: i.serviceObjectId,
    symptomAreaId: symptomArea?.id ?? symptom?.areaId ?? null,
    symptomCodeId: symptom?.id ?? null,
    conditionId: i.conditionId,
    diagnosisAreaId: diagnosisArea?.id ?? diagnosis?.areaId ?? null,
    diagnosisCodeId: diagnosis?.id ?? null,
    resolutionId: resolution?.id ?? null,
    stageId: stage?.id ?? null,
    workerId,
    note: i.note,
    repeatOfId,
    createdAt,
    // Stamped when a finished stage is first set; kept while it stays finished, cleared when reopened.
    finishedAt: stage?.finished ? (current?.finishedAt ?? now) : null
  }
}

/**
 * Adds a repair line inside the caller's transaction, without the caller checks of the API method: for other
 * features that create an order for an object (a return's repair-and-return disposition). With
 * `relateObject`, an object of the order's customer is related to the order first.
 */
export function addRepairLineInTx(
  ctx: ServiceContext,
  orderId: number,
  i: Omit<ParsedInput<'repairLines.add'>, 'orderId'>,
  opts: { relateObject?: boolean } = {}
): RepairLineRow {
  const o = orderRecord(ctx.db, orderId)
  requireOpenOrder(ctx.db, o, 'orderId')
  if (opts.relateObject) {
    const obj = ctx.db.select({ c: serviceObjects.customerId }).from(serviceObjects).where(eq(serviceObjects.id, i.serviceObjectId)).get()
    if (!obj || obj.c !== o.customerId) throw invalid(['serviceObjectId'], 'errors.orders.objectOfOrderCustomer')
    ctx.db.insert(serviceOrderObjects).values({ orderId, serviceObjectId: i.serviceObjectId }).onConflictDoNothing().run()
  }
  const values = lineValues(ctx, orderId, i, null)
  const lineNo =
    (ctx.db
      .select({ n: max(repairLines.lineNo) })
      .from(repairLines)
      .where(eq(repairLines.orderId, orderId))
      .get()?.n ?? 0) + 1
  const row = ctx.db
    .insert(repairLines)
    .values({ ...values, orderId, lineNo, createdBy: ctx.user?.id ?? null })
    .returning({ id: repairLines.id })
    .get()
  audit(ctx, 'repairLine', row.id, 'create', null, { orderId, lineNo, ...values })
  return loadLine(ctx.db, row.id)
}

export function addRepairLine(ctx: ServiceContext, i: ParsedInput<'repairLines.add'>): RepairLineRow {
  return writeTx(ctx, () => {
    requireOrderAccess(ctx, i.orderId)
    return addRepairLineInTx(ctx, i.orderId, i)
  })
}

function ownLine(ctx: ServiceContext, id: number, version: number) {
  const current = ctx.db.select().from(repairLines).where(eq(repairLines.id, id)).get()
  if (!current) throw notFound('repairLine')
  requireOrderAccess(ctx, current.orderId)
  if (current.version !== version) throw conflict('repairLine')
  const user = requireUser(ctx)
  if (!isOfficeUser(user) && current.workerId !== user.workerId) throw forbidden('errors.orders.ownLinesOnly')
  requireOpenOrder(ctx.db, orderRecord(ctx.db, current.orderId), 'orderId')
  return current
}

export function updateRepairLine(ctx: ServiceContext, i: ParsedInput<'repairLines.update'>): RepairLineRow {
  return writeTx(ctx, () => {
    const current = ownLine(ctx, i.id, i.version)
    const values = lineValues(ctx, current.orderId, i, current)
    ctx.db
      .update(repairLines)
      .set({ ...values, version: current.version + 1 })
      .where(eq(repairLines.id, i.id))
      .run()
    audit(ctx, 'repairLine', i.id, 'update', current, values)
    return loadLine(ctx.db, i.id)
  })
}

export function deleteRepairLine(ctx: ServiceContext, i: { id: number; version: number }): { id: number } {
  return writeTx(ctx, () => {
    const current = ownLine(ctx, i.id, i.version)
    const laterRepeat = ctx.db.select({ id: repairLines.id }).from(repairLines).where(eq(repairLines.repeatOfId, i.id)).get()
    if (laterRepeat) ctx.db.update(repairLines).set({ repeatOfId: null }).where(eq(repairLines.repeatOfId, i.id)).run()
    ctx.db.delete(repairLines).where(eq(repairLines.id, i.id)).run()
    audit(ctx, 'repairLine', i.id, 'delete', current, null)
    return { id: i.id }
  })
}

/* ---------------- history and what it teaches ---------------- */

function listWhere(ctx: ServiceContext, f: ParsedInput<'repairLines.list'>): SQL | undefined {
  const user = requireUser(ctx)
  const tz = loadSettings(ctx.db).timeZone
  // A technician's history is their own repairs.
  const workerId = isOfficeUser(user) ? f.workerId : (user.workerId ?? -1)
  return whereAll([
    f.q ? contains(serviceObjects.name, f.q) : undefined,
    f.serviceObjectId === null ? undefined : eq(repairLines.serviceObjectId, f.serviceObjectId),
    workerId === null ? undefined : eq(repairLines.workerId, workerId),
    f.repeatsOnly ? isNotNull(repairLines.repeatOfId) : undefined,
    f.from === null ? undefined : gte(repairLines.createdAt, dayStart(f.from, tz)),
    f.to === null ? undefined : lt(repairLines.createdAt, dayEnd(f.to, tz))
  ])
}

export function listRepairLines(ctx: ServiceContext, f: ParsedInput<'repairLines.list'>): Page<RepairLineRow> {
  return listPage(ctx.db, listSpec, f, listWhere(ctx, f))
}

export function iterateRepairLines(ctx: ServiceContext, f: ParsedInput<'repairLines.list'>): Iterable<RepairLineRow> {
  return iterateList(ctx.db, listSpec, f, listWhere(ctx, f))
}

/**
 * For a symptom entered on an object: the earlier repair it would repeat, and the resolutions that closed the
 * same symptom on objects of the same item (the object itself when it has no item), ranked by how often they
 * held — no repair with the same symptom on that object within the window after it was finished.
 */
export function suggestRepairs(ctx: ServiceContext, i: ParsedInput<'repairLines.suggest'>): RepairSuggestions {
  const db = ctx.db
  const obj = db.select({ itemId: serviceObjects.itemId }).from(serviceObjects).where(eq(serviceObjects.id, i.serviceObjectId)).get()
  if (!obj) throw notFound('serviceObject')
  const { repeatWindowDays } = loadRepairSettings(db)
  const window = repeatWindowDays * DAY
  const earlier = earlierRepair(db, i.serviceObjectId, i.symptomCodeId, i.orderId ?? 0, ctx.now() + 1, repeatWindowDays)
  const sameModel =
    obj.itemId === null
      ? eq(repairLines.serviceObjectId, i.serviceObjectId)
      : sql`${repairLines.serviceObjectId} in (select s.id from service_objects s where s.item_id = ${obj.itemId})`
  const rows = db
    .select({
      resolutionId: repairLines.resolutionId,
      resolutionName: repairCodes.name,
      times: sql<number>`count(*)`,
      held: sql<number>`sum(case when exists (select 1 from repair_lines n where n.order_id <> ${repairLines.orderId} and n.service_object_id = ${repairLines.serviceObjectId}
        and n.symptom_code_id = ${repairLines.symptomCodeId} and n.created_at > ${repairLines.finishedAt}
        and n.created_at <= ${repairLines.finishedAt} + ${window}) then 0 else 1 end)`
    })
    .from(repairLines)
    .innerJoin(repairCodes, eq(repairCodes.id, repairLines.resolutionId))
    .where(and(eq(repairLines.symptomCodeId, i.symptomCodeId), isNotNull(repairLines.finishedAt), sameModel))
    .groupBy(repairLines.resolutionId, repairCodes.name)
    .orderBy(desc(sql`4`), desc(sql`3`), repairCodes.name)
    .limit(10)
    .all()
  const resolutionName = (id: number | null) =>
    id === null ? null : (db.select({ n: repairCodes.name }).from(repairCodes).where(eq(repairCodes.id, id)).get()?.n ?? null)
  return {
    repeatOf: earlier
      ? {
          id: earlier.id,
          orderNumber: earlier.orderNumber,
          createdAt: earlier.createdAt,
          resolutionName: resolutionName(earlier.resolutionId)
        }
      : null,
    resolutions: rows.map((r) => ({ resolutionId: r.resolutionId!, resolutionName: r.resolutionName, times: r.times, held: r.held }))
  }
}
