import { and, asc, desc, eq, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import type { LineRow, OrderListRow, OrderRow, OrderView, StageRef } from '@shared/domain/orders'
import { dateOf, dayEnd, dayStart } from '@shared/time'
import type { Db } from '../../db/connection'
import {
  categories,
  customerContacts,
  customers,
  customerSites,
  invoices,
  items,
  orderSlas,
  serviceObjects,
  serviceOrderLines,
  serviceOrderObjects,
  serviceOrders,
  serviceOrderTasks,
  serviceStages,
  serviceTasks,
  stageHistory,
  stageReasons,
  users,
  workers
} from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { requireUser } from '../core/context'
import { notFound } from '../core/errors'
import { contains, iterateList, type JoinableQuery, listPage, outer, whereAll } from '../core/list'
import { loadSettings } from '../settings/settings'
import { isOfficeUser, requireOrderAccess } from './access'
import { slaBadgesFor } from '../sla/hooks'
import { shownDeadline, slaAtRiskWhere } from '../sla/atRisk'
import { sweepBreaches } from '../sla/clock'
import { finishedStages } from '../lifecycle/rules'
import { MAX_SPAN } from '../dispatch/read'
import { ftsQuery } from '../search/match'
import { allStages, type StageInfo } from './stages'

const responsible = alias(workers, 'responsible')

export const orderListSelection = {
  id: serviceOrders.id,
  version: serviceOrders.version,
  number: serviceOrders.number,
  customerId: serviceOrders.customerId,
  customerName: sql<string>`${customers.name}`,
  address: sql<string>`coalesce(${customerSites.street} || ', ' || ${customerSites.city}, ${serviceOrders.oneTimeAddress})`,
  description: serviceOrders.description,
  priority: sql<OrderListRow['priority']>`${serviceOrders.priority}`,
  stageId: serviceOrders.stageId,
  stageName: sql<string>`${serviceStages.name}`,
  progress: sql<OrderListRow['progress']>`${serviceOrders.progress}`,
  origin: sql<OrderListRow['origin']>`${serviceOrders.origin}`,
  plannedStart: serviceOrders.plannedStart,
  plannedEnd: serviceOrders.plannedEnd,
  requestedEnd: serviceOrders.requestedEnd,
  responsibleName: sql<string | null>`${responsible.name}`,
  lineCount: serviceOrders.lineCount,
  salesTotal: serviceOrders.salesTotal,
  signedOff: sql<boolean>`${serviceOrders.signedOffAt} is not null`.mapWith(Boolean),
  isTemplate: serviceOrders.isTemplate,
  agreementId: serviceOrders.agreementId,
  slaId: serviceOrders.slaId
}

type ListRowWithoutSla = Omit<OrderListRow, 'sla'>

/** The SLA badges of a page of rows: one query for the page's ids, so a list never runs clocks for every order. */
export function withSla<R extends ListRowWithoutSla>(db: Db, rows: R[], now: number): (R & { sla: OrderListRow['sla'] })[] {
  const badges = slaBadgesFor(
    db,
    rows.map((r) => r.id),
    now
  )
  return rows.map((r) => ({ ...r, sla: badges.get(r.id) ?? null }))
}

/** `withSla` for a streamed export, a chunk at a time. */
export function* iterateWithSla<R extends ListRowWithoutSla>(
  db: Db,
  rows: Iterable<R>,
  now: number,
  chunk = 500
): Generator<R & { sla: OrderListRow['sla'] }> {
  let buffer: R[] = []
  for (const r of rows) {
    buffer.push(r)
    if (buffer.length >= chunk) {
      yield* withSla(db, buffer, now)
      buffer = []
    }
  }
  yield* withSla(db, buffer, now)
}

export const orderListJoins = (q: JoinableQuery) =>
  q
    .innerJoin(customers, eq(customers.id, serviceOrders.customerId))
    .innerJoin(serviceStages, eq(serviceStages.id, serviceOrders.stageId))
    .leftJoin(customerSites, eq(customerSites.id, serviceOrders.siteId))
    .leftJoin(responsible, eq(responsible.id, serviceOrders.responsibleWorkerId))

const listSpec = {
  table: serviceOrders,
  idColumn: serviceOrders.id,
  selection: orderListSelection,
  joins: orderListJoins,
  // Customers and stages are NOT NULL foreign keys, sites and responsible workers left joins on a key: none
  // changes the count. Only a search too short for the index looks at the customer's name.
  countJoins: (q: JoinableQuery, p: { q: string }) =>
    p.q && !ftsQuery(p.q) ? q.innerJoin(customers, eq(customers.id, serviceOrders.customerId)) : q,
  sort: {
    number: serviceOrders.number,
    plannedStart: serviceOrders.plannedStart,
    customerName: customers.name,
    priority: sql`case ${serviceOrders.priority} when 'high' then 0 when 'normal' then 1 else 2 end`,
    stageName: serviceStages.sortOrder,
    salesTotal: serviceOrders.salesTotal,
    createdAt: serviceOrders.createdAt,
    // A record's orders (customer page): open ones first, newest first within each part. One key, because a
    // list sorts by one expression (then id): the open part ranks below every closed one, -id makes newer first.
    openFirst: sql`(case when ${serviceOrders.progress} = 'inProcess' then 0 else 1000000000000 end) - ${serviceOrders.id}`,
    slaDue: shownDeadline(outer(serviceOrders.id))
  },
  defaultSort: 'number',
  toRow: (r: ListRowWithoutSla): ListRowWithoutSla => r
}

type ListIn = ParsedInput<'serviceOrders.list'>

/**
 * Orders where the worker is responsible, preferred or on a line. One uncorrelated set, each part from its
 * own index: as a per-order EXISTS, SQLite walked all of the worker's lines for each of 200,000 orders
 * (seconds for a technician's list).
 */
export function assignedTo(workerId: number): SQL {
  return sql`${serviceOrders.id} in (select o.id from service_orders o where o.responsible_worker_id = ${workerId}
    union select o.id from service_orders o where o.preferred_worker_id = ${workerId}
    union select l.order_id from service_order_lines l where l.worker_id = ${workerId})`
}

/**
 * Orders on a service object: in the header's objects or on a line. One uncorrelated set from the two object
 * indexes (service_order_objects_object_idx, service_order_lines_object_idx), so an object with a few dozen
 * orders costs a few dozen lookups whatever the size of the order table.
 */
export function onObject(serviceObjectId: number): SQL {
  return sql`${serviceOrders.id} in (select x.order_id from service_order_objects x where x.service_object_id = ${serviceObjectId}
    union select l.order_id from service_order_lines l where l.service_object_id = ${serviceObjectId})`
}

/** From this many matching orders on, a page is found faster by walking the list's order than by looking the matches up. */
const MANY_MATCHES = 1000

/**
 * The search box: the orders' FTS5 index (number, description, customer, site, contact, service objects —
 * drizzle/0006_search.sql), which folds case and diacritics. A word of one or two characters cannot be
 * looked up there; then number, description and customer name are scanned as before.
 */
function textSearch(db: Db, q: string): { where: SQL | undefined; many: string | null } {
  if (!q) return { where: undefined, many: null }
  const match = ftsQuery(q)
  if (!match)
    return { where: or(contains(serviceOrders.number, q), contains(serviceOrders.description, q), contains(customers.name, q)), many: null }
  const matches = sql`(select rowid from search_orders where search_orders match ${match})`
  // A common word matches tens of thousands of orders: looking each up and sorting them all took seconds,
  // while walking the sort's index and probing the matches finds a page within the first few hundred rows.
  // The unary + keeps SQLite from driving the query from the matches. A rare word is looked up directly.
  const probe = db.get<{ n: number }>(
    sql`select count(*) as n from (select rowid from search_orders where search_orders match ${match} limit ${MANY_MATCHES})`
  )
  return probe.n >= MANY_MATCHES
    ? { where: sql`+${serviceOrders.id} in ${matches}`, many: match }
    : { where: sql`${serviceOrders.id} in ${matches}`, many: null }
}

/**
 * The total of a search for a common word, counted only up to MANY_MATCHES ("over 1,000", which is all a
 * dispatcher needs to know to type more). An exact count(*) over tens of thousands of matches cost ~100 ms at
 * scale 100; this one walks the matches from the newest (open orders are the recent ones) and stops at the cap.
 * Only for filters that keep many of the matches: behind a narrow filter (a customer, a technician, a day, a
 * narrow view) the walk would read every match to find few, and the exact count through the filter's own index
 * is the cheaper one.
 */
function cappedTotal(db: Db, match: string, where: SQL | undefined): { total: number; capped: boolean } {
  const n = db.get<{ n: number }>(sql`select count(*) as n from (select 1 from search_orders s
    join ${serviceOrders} on ${serviceOrders.id} = s.rowid
    where s.search_orders match ${match}${where ? sql` and ${where}` : sql``}
    order by s.rowid desc limit ${MANY_MATCHES + 1})`).n
  return n > MANY_MATCHES ? { total: MANY_MATCHES, capped: true } : { total: n, capped: false }
}

const broad = (i: ListIn) =>
  i.customerId === null &&
  i.workerId === null &&
  i.stageId === null &&
  i.from === null &&
  i.to === null &&
  (i.view === null || i.view === 'open')

/** The list's filters; `search` is the text search's condition (textSearch), or undefined for every match of the rest. */
function listWhere(ctx: ServiceContext, i: ListIn, search: SQL | undefined): SQL | undefined {
  const user = requireUser(ctx)
  const tz = loadSettings(ctx.db).timeZone
  // A technician's list holds only the orders assigned to them, whatever the filters say.
  const own = isOfficeUser(user) ? undefined : assignedTo(user.workerId ?? -1)
  return whereAll([
    own,
    eq(serviceOrders.isTemplate, i.templates),
    search,
    i.stageId === null ? undefined : eq(serviceOrders.stageId, i.stageId),
    i.progress === null ? undefined : eq(serviceOrders.progress, i.progress),
    i.customerId === null ? undefined : eq(serviceOrders.customerId, i.customerId),
    i.priority === null ? undefined : eq(serviceOrders.priority, i.priority),
    i.workerId === null ? undefined : assignedTo(i.workerId),
    i.from === null ? undefined : sql`${serviceOrders.plannedStart} >= ${dayStart(i.from, tz)}`,
    i.to === null ? undefined : sql`${serviceOrders.plannedStart} < ${dayEnd(i.to, tz)}`,
    i.serviceObjectId === null ? undefined : onObject(i.serviceObjectId),
    i.view === null ? undefined : viewWhere(ctx, i.view, tz)
  ])
}

/**
 * The built-in views (ADR 0021), each a set of open orders. "Today" and "unplanned" read the board's visits
 * as the dispatch tray does; "breached or at risk" is the SLA at-risk list's own condition.
 */
export function viewWhere(ctx: ServiceContext, view: OrderView, tz: string): SQL | undefined {
  const open = eq(serviceOrders.progress, 'inProcess')
  const now = ctx.now()
  switch (view) {
    case 'open':
      return open
    case 'today': {
      const from = dayStart(dateOf(now, tz), tz)
      const to = dayEnd(dateOf(now, tz), tz)
      return and(
        open,
        sql`(${serviceOrders.plannedStart} >= ${from} and ${serviceOrders.plannedStart} < ${to}
          or ${serviceOrders.id} in (select a.order_id from order_assignments a where a.start >= ${from - MAX_SPAN} and a.start < ${to} and a."end" > ${from}))`
      )
    }
    case 'unplanned':
      return and(
        open,
        eq(serviceOrders.needsVisit, true),
        sql`${serviceOrders.plannedStart} is null`,
        sql`${serviceOrders.id} not in (select a.order_id from order_assignments a)`,
        notInArray(serviceOrders.stageId, [...finishedStages(ctx.db)])
      )
    case 'mine':
      return and(open, assignedTo(requireUser(ctx).workerId ?? -1))
    case 'waitingForParts':
      return and(open, sql`${serviceOrders.stageId} in (select s.id from service_stages s where s.waits_for_parts = 1)`)
    case 'atRisk':
      sweepBreaches(ctx)
      return and(open, sql`${serviceOrders.id} in (select ${orderSlas.orderId} from ${orderSlas} where ${slaAtRiskWhere(ctx.db, now)})`)
  }
}

export function listOrders(ctx: ServiceContext, i: ListIn): Page<OrderListRow> {
  const search = textSearch(ctx.db, i.q)
  const total = search.many !== null && broad(i) ? cappedTotal(ctx.db, search.many, listWhere(ctx, i, undefined)) : undefined
  const page = listPage(ctx.db, listSpec, i, listWhere(ctx, i, search.where), total)
  return { ...page, rows: withSla(ctx.db, page.rows, ctx.now()) }
}

export function iterateOrders(ctx: ServiceContext, i: ListIn): Iterable<OrderListRow> {
  return iterateWithSla(ctx.db, iterateList(ctx.db, listSpec, i, listWhere(ctx, i, textSearch(ctx.db, i.q).where)), ctx.now())
}

export function loadLines(db: Db, orderIds: number[]): LineRow[] {
  if (orderIds.length === 0) return []
  return db
    .select({
      id: serviceOrderLines.id,
      version: serviceOrderLines.version,
      orderId: serviceOrderLines.orderId,
      lineNo: serviceOrderLines.lineNo,
      type: sql<LineRow['type']>`${serviceOrderLines.type}`,
      description: serviceOrderLines.description,
      workerId: serviceOrderLines.workerId,
      workerName: sql<string | null>`${workers.name}`,
      serviceObjectId: serviceOrderLines.serviceObjectId,
      serviceObjectName: sql<string | null>`${serviceObjects.number} || ' ' || ${serviceObjects.name}`,
      serviceTaskId: serviceOrderLines.serviceTaskId,
      serviceTaskName: sql<string | null>`${serviceTasks.name}`,
      categoryId: serviceOrderLines.categoryId,
      categoryName: sql<string | null>`${categories.name}`,
      itemId: serviceOrderLines.itemId,
      itemName: sql<string | null>`${items.number} || ' ' || ${items.name}`,
      quantity: serviceOrderLines.quantity,
      unit: serviceOrderLines.unit,
      unitCost: serviceOrderLines.unitCost,
      unitPrice: serviceOrderLines.unitPrice,
      costAmount: sql<number>`cast(round(${serviceOrderLines.quantity} * ${serviceOrderLines.unitCost} / 1000.0) as integer)`,
      salesAmount: sql<number>`cast(round(${serviceOrderLines.quantity} * ${serviceOrderLines.unitPrice} / 1000.0) as integer)`,
      scheduledDate: serviceOrderLines.scheduledDate,
      actualDate: serviceOrderLines.actualDate,
      note: serviceOrderLines.note,
      status: sql<LineRow['status']>`${serviceOrderLines.status}`,
      signedOff: sql<boolean>`${serviceOrderLines.signedOffAt} is not null`.mapWith(Boolean),
      postedAt: serviceOrderLines.postedAt,
      invoiceId: serviceOrderLines.invoiceId,
      invoiceNumber: sql<string | null>`${invoices.number}`,
      agreementLineId: serviceOrderLines.agreementLineId,
      occurrenceDate: serviceOrderLines.occurrenceDate
    })
    .from(serviceOrderLines)
    .leftJoin(workers, eq(workers.id, serviceOrderLines.workerId))
    .leftJoin(serviceObjects, eq(serviceObjects.id, serviceOrderLines.serviceObjectId))
    .leftJoin(serviceTasks, eq(serviceTasks.id, serviceOrderLines.serviceTaskId))
    .leftJoin(categories, eq(categories.id, serviceOrderLines.categoryId))
    .leftJoin(items, eq(items.id, serviceOrderLines.itemId))
    .leftJoin(invoices, eq(invoices.id, serviceOrderLines.invoiceId))
    .where(inArray(serviceOrderLines.orderId, orderIds))
    .orderBy(asc(serviceOrderLines.orderId), asc(serviceOrderLines.lineNo))
    .all()
}

const ref = (s: StageInfo): StageRef => ({ id: s.id, code: s.code, name: s.name, reasonRequired: s.reasonRequired })

export function loadOrder(db: Db, id: number, now: number): OrderRow | undefined {
  const preferred = alias(workers, 'preferred')
  const signer = alias(users, 'signer')
  const q = db
    .select({
      ...orderListSelection,
      siteId: serviceOrders.siteId,
      oneTimeAddress: serviceOrders.oneTimeAddress,
      contactId: serviceOrders.contactId,
      contactName: sql<string | null>`${customerContacts.name}`,
      contactPhone: sql<string | null>`${customerContacts.phone}`,
      requestedStart: serviceOrders.requestedStart,
      actualStart: serviceOrders.actualStart,
      actualEnd: serviceOrders.actualEnd,
      preferredWorkerId: serviceOrders.preferredWorkerId,
      preferredWorkerName: sql<string | null>`${preferred.name}`,
      responsibleWorkerId: serviceOrders.responsibleWorkerId,
      notes: serviceOrders.notes,
      signedOffAt: serviceOrders.signedOffAt,
      signedOffByName: sql<string | null>`${signer.displayName}`,
      costTotal: serviceOrders.costTotal,
      needsVisit: serviceOrders.needsVisit
    })
    .from(serviceOrders)
    .$dynamic()
  const head = (orderListJoins(q as unknown as JoinableQuery) as unknown as typeof q)
    .leftJoin(customerContacts, eq(customerContacts.id, serviceOrders.contactId))
    .leftJoin(preferred, eq(preferred.id, serviceOrders.preferredWorkerId))
    .leftJoin(signer, eq(signer.id, serviceOrders.signedOffBy))
    .where(eq(serviceOrders.id, id))
    .get()
  if (!head) return undefined

  const stages = allStages(db)
  const stage = stages.find((s) => s.id === head.stageId)!
  const parent = stages.find((s) => s.id === stage.parentId) ?? null
  const objects = db
    .select({
      id: serviceObjects.id,
      number: serviceObjects.number,
      name: serviceObjects.name,
      serialNumber: serviceObjects.serialNumber,
      note: serviceOrderObjects.note
    })
    .from(serviceOrderObjects)
    .innerJoin(serviceObjects, eq(serviceObjects.id, serviceOrderObjects.serviceObjectId))
    .where(eq(serviceOrderObjects.orderId, id))
    .orderBy(asc(serviceObjects.number))
    .all()
  const tasks = db
    .select({ id: serviceTasks.id, code: serviceTasks.code, name: serviceTasks.name, note: serviceOrderTasks.note })
    .from(serviceOrderTasks)
    .innerJoin(serviceTasks, eq(serviceTasks.id, serviceOrderTasks.serviceTaskId))
    .where(eq(serviceOrderTasks.orderId, id))
    .orderBy(asc(serviceTasks.code))
    .all()
  const fromStage = alias(serviceStages, 'from_stage')
  const history = db
    .select({
      id: stageHistory.id,
      at: stageHistory.at,
      userName: sql<string | null>`${users.displayName}`,
      fromStage: sql<string | null>`${fromStage.name}`,
      toStage: sql<string>`${serviceStages.name}`,
      reason: sql<string | null>`${stageReasons.name}`,
      note: stageHistory.note
    })
    .from(stageHistory)
    .innerJoin(serviceStages, eq(serviceStages.id, stageHistory.toStageId))
    .leftJoin(fromStage, eq(fromStage.id, stageHistory.fromStageId))
    .leftJoin(stageReasons, eq(stageReasons.id, stageHistory.reasonId))
    .leftJoin(users, eq(users.id, stageHistory.userId))
    .where(eq(stageHistory.orderId, id))
    .orderBy(desc(stageHistory.id))
    .all()

  return {
    ...head,
    sla: slaBadgesFor(db, [id], now).get(id) ?? null,
    stage: { ...ref(stage), canModify: stage.canModify, canDelete: stage.canDelete, canCancel: stage.canCancel, canPost: stage.canPost },
    nextStages: stages.filter((s) => s.parentId === stage.id).map(ref),
    previousStage: parent ? ref(parent) : null,
    objects,
    tasks,
    lines: loadLines(db, [id]),
    history
  }
}

export function mustLoadOrder(db: Db, id: number, now: number): OrderRow {
  const o = loadOrder(db, id, now)
  if (!o) throw notFound('serviceOrder')
  return o
}

export function getOrder(ctx: ServiceContext, i: { id: number }): OrderRow {
  const o = mustLoadOrder(ctx.db, i.id, ctx.now())
  requireOrderAccess(ctx, i.id)
  return o
}
