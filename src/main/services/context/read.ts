/**
 * Records with their context (docs/adr/0024-records-with-context.md): a service object's history and visits,
 * and a customer's default SLA. Everything else the record pages show comes from the main lists' own services
 * with a customer or object filter.
 */
import { and, asc, desc, eq, gt, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import type { CustomerSla, ObjectHistoryRow, ObjectVisits } from '@shared/domain/context'
import {
  customerGroups,
  customers,
  serviceObjects,
  serviceOrderLines,
  serviceOrders,
  serviceStages,
  slaDefinitions,
  workers
} from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { requireUser } from '../core/context'
import { notFound } from '../core/errors'
import { contains, iterateList, type JoinableQuery, listPage, type ListSpec, whereAll } from '../core/list'
import { isOfficeUser } from '../orders/access'
import { assignedTo, onObject } from '../orders/read'

type HistoryIn = ParsedInput<'serviceObjectHistory.list'>

const orderAt = sql<number>`coalesce(${serviceOrders.plannedStart}, ${serviceOrders.createdAt})`

const historySelection = {
  orderId: serviceOrders.id,
  orderNumber: serviceOrders.number,
  orderAt,
  description: serviceOrders.description,
  stageName: sql<string>`${serviceStages.name}`,
  progress: sql<ObjectHistoryRow['progress']>`${serviceOrders.progress}`,
  lineId: sql<number | null>`${serviceOrderLines.id}`,
  lineNo: sql<number | null>`${serviceOrderLines.lineNo}`,
  type: sql<ObjectHistoryRow['type']>`${serviceOrderLines.type}`,
  lineDescription: sql<string | null>`${serviceOrderLines.description}`,
  quantity: sql<number | null>`${serviceOrderLines.quantity}`,
  unit: sql<string | null>`${serviceOrderLines.unit}`,
  workerName: sql<string | null>`${workers.name}`,
  date: sql<string | null>`coalesce(${serviceOrderLines.actualDate}, ${serviceOrderLines.scheduledDate})`
}

/**
 * The orders on the object with their lines. A line belongs to the object's history when it names the object
 * or no object at all (then it is work on the order's objects); a line naming another object of the same order
 * does not. An order with no such line still shows, once, with empty line fields.
 */
function historySpec(serviceObjectId: number): ListSpec<typeof historySelection, ObjectHistoryRow> {
  return {
    table: serviceOrders,
    // Sorting by the line id after the order's date keeps an order's lines together and in entry order.
    idColumn: serviceOrderLines.id,
    selection: historySelection,
    joins: (q: JoinableQuery) =>
      q
        .innerJoin(serviceStages, eq(serviceStages.id, serviceOrders.stageId))
        .leftJoin(
          serviceOrderLines,
          and(
            eq(serviceOrderLines.orderId, serviceOrders.id),
            or(eq(serviceOrderLines.serviceObjectId, serviceObjectId), isNull(serviceOrderLines.serviceObjectId))
          )
        )
        .leftJoin(workers, eq(workers.id, serviceOrderLines.workerId)),
    sort: { orderAt, orderNumber: serviceOrders.number },
    defaultSort: 'orderAt',
    toRow: (r) => r
  }
}

function historyWhere(ctx: ServiceContext, i: HistoryIn): SQL | undefined {
  const user = requireUser(ctx)
  return whereAll([
    onObject(i.serviceObjectId),
    eq(serviceOrders.isTemplate, false),
    // A technician sees the history of the orders assigned to them, as on the order list.
    isOfficeUser(user) ? undefined : assignedTo(user.workerId ?? -1),
    i.q
      ? or(contains(serviceOrders.number, i.q), contains(serviceOrders.description, i.q), contains(serviceOrderLines.description, i.q))
      : undefined
  ])
}

function requireObject(ctx: ServiceContext, serviceObjectId: number): void {
  if (!ctx.db.select({ id: serviceObjects.id }).from(serviceObjects).where(eq(serviceObjects.id, serviceObjectId)).get())
    throw notFound('serviceObject')
}

export function listObjectHistory(ctx: ServiceContext, i: HistoryIn): Page<ObjectHistoryRow> {
  // The page first, so that a bad sort or filter is refused as such; an empty page may mean no such object.
  const page = listPage(ctx.db, historySpec(i.serviceObjectId), i, historyWhere(ctx, i))
  if (page.total === 0) requireObject(ctx, i.serviceObjectId)
  return page
}

export function iterateObjectHistory(ctx: ServiceContext, i: HistoryIn): Iterable<ObjectHistoryRow> {
  requireObject(ctx, i.serviceObjectId)
  return iterateList(ctx.db, historySpec(i.serviceObjectId), i, historyWhere(ctx, i))
}

/** Last and next visit: planned starts of the object's orders either side of now. */
export function objectVisits(ctx: ServiceContext, i: ParsedInput<'serviceObjects.visits'>): ObjectVisits {
  requireObject(ctx, i.serviceObjectId)
  const user = requireUser(ctx)
  const now = ctx.now()
  const base = whereAll([
    onObject(i.serviceObjectId),
    eq(serviceOrders.isTemplate, false),
    isOfficeUser(user) ? undefined : assignedTo(user.workerId ?? -1)
  ])
  const visit = (when: SQL | undefined, order: SQL) =>
    ctx.db
      .select({
        orderId: serviceOrders.id,
        number: serviceOrders.number,
        at: sql<number>`${serviceOrders.plannedStart}`,
        stageName: serviceStages.name
      })
      .from(serviceOrders)
      .innerJoin(serviceStages, eq(serviceStages.id, serviceOrders.stageId))
      .where(and(base, when))
      .orderBy(order, asc(serviceOrders.id))
      .limit(1)
      .get() ?? null
  const counts = ctx.db
    .select({
      orders: sql<number>`count(*)`,
      openOrders: sql<number>`coalesce(sum(${serviceOrders.progress} = 'inProcess'), 0)`
    })
    .from(serviceOrders)
    .where(base)
    .get()!
  return {
    lastVisit: visit(and(lte(serviceOrders.plannedStart, now), ne(serviceOrders.progress, 'cancelled')), desc(serviceOrders.plannedStart)),
    nextVisit: visit(and(gt(serviceOrders.plannedStart, now), eq(serviceOrders.progress, 'inProcess')), asc(serviceOrders.plannedStart)),
    orders: counts.orders,
    openOrders: counts.openOrders
  }
}

/** The customer group's SLA, skipped when suspended, as the SLA clock resolves it (services/sla/clock.ts). */
export function customerSla(ctx: ServiceContext, i: ParsedInput<'customers.sla'>): CustomerSla {
  const r = ctx.db
    .select({
      groupName: customerGroups.name,
      slaId: slaDefinitions.id,
      code: slaDefinitions.code,
      name: slaDefinitions.name,
      suspended: slaDefinitions.suspended
    })
    .from(customers)
    .leftJoin(customerGroups, eq(customerGroups.id, customers.groupId))
    .leftJoin(slaDefinitions, eq(slaDefinitions.id, customerGroups.slaId))
    .where(eq(customers.id, i.customerId))
    .get()
  if (!r) throw notFound('customer')
  return {
    groupName: r.groupName,
    sla: r.slaId !== null && !r.suspended ? { id: r.slaId, code: r.code!, name: r.name! } : null
  }
}
