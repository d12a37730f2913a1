import { and, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import type { AssignmentStatus, PlanRow } from '@shared/domain/dispatch'
import type { Priority } from '@shared/domain/orders'
import { dateOf, dayStart } from '@shared/time'
import { customers, customerSites, dispatchTeams, orderAssignments, serviceOrders, serviceStages, workers } from '../../db/schema'
import { requireUser, type ServiceContext } from '../core/context'
import { contains, iterateList, type JoinableQuery, type ListSpec, listPage, whereAll } from '../core/list'
import { loadSettings } from '../settings/settings'
import { addDays, ownWorkerOnly } from './board'
import { MAX_SPAN } from './read'

type PlanIn = ParsedInput<'dispatchPlan.list'>

const selection = {
  id: orderAssignments.id,
  start: orderAssignments.start,
  end: orderAssignments.end,
  workerNumber: workers.number,
  workerName: workers.name,
  teamName: sql<string | null>`${dispatchTeams.name}`,
  orderNumber: serviceOrders.number,
  priority: sql<Priority>`${serviceOrders.priority}`,
  stageName: serviceStages.name,
  status: sql<AssignmentStatus>`${orderAssignments.status}`,
  customerName: customers.name,
  address: sql<string>`coalesce(${customerSites.street} || ', ' || ${customerSites.city}, ${serviceOrders.oneTimeAddress})`,
  description: serviceOrders.description,
  taskNames: sql<string>`coalesce((select group_concat(name, ', ') from (select t.name from service_order_tasks ot
    join service_tasks t on t.id = ot.service_task_id where ot.order_id = ${orderAssignments.orderId} order by t.name)), '')`
}
type Raw = Omit<PlanRow, 'date'>

function spec(timeZone: string): ListSpec<typeof selection, PlanRow> {
  return {
    table: orderAssignments,
    idColumn: orderAssignments.id,
    selection,
    joins: (q: JoinableQuery) =>
      q
        .innerJoin(workers, eq(workers.id, orderAssignments.workerId))
        .leftJoin(dispatchTeams, eq(dispatchTeams.id, workers.teamId))
        .innerJoin(serviceOrders, eq(serviceOrders.id, orderAssignments.orderId))
        .innerJoin(serviceStages, eq(serviceStages.id, serviceOrders.stageId))
        .innerJoin(customers, eq(customers.id, serviceOrders.customerId))
        .leftJoin(customerSites, eq(customerSites.id, serviceOrders.siteId)),
    sort: {
      start: orderAssignments.start,
      // One key, so that descending order reverses both parts: the worker, then their day in time order.
      worker: sql`${workers.name} || char(0) || printf('%015d', ${orderAssignments.start})`,
      orderNumber: serviceOrders.number,
      customerName: customers.name,
      status: orderAssignments.status
    },
    defaultSort: 'start',
    toRow: (r: Raw): PlanRow => ({ ...r, date: dateOf(r.start, timeZone) })
  }
}

/** Cards touching the days [from, to] (both inclusive, shop's time zone); a technician sees only their own. */
function where(ctx: ServiceContext, i: PlanIn, timeZone: string): SQL | undefined {
  const from = dayStart(i.from, timeZone)
  const to = dayStart(addDays(i.to, 1), timeZone)
  const workerId = ownWorkerOnly(requireUser(ctx)) ?? i.workerId
  return whereAll([
    and(gte(orderAssignments.start, from - MAX_SPAN), lt(orderAssignments.start, to), gt(orderAssignments.end, from)),
    workerId === null ? undefined : eq(orderAssignments.workerId, workerId),
    i.teamId === null ? undefined : eq(workers.teamId, i.teamId),
    i.q ? sql`(${contains(serviceOrders.number, i.q)} or ${contains(customers.name, i.q)} or ${contains(workers.name, i.q)})` : undefined
  ])
}

export function listPlan(ctx: ServiceContext, i: PlanIn): Page<PlanRow> {
  const tz = loadSettings(ctx.db).timeZone
  return listPage(ctx.db, spec(tz), i, where(ctx, i, tz))
}

export function iteratePlan(ctx: ServiceContext, i: PlanIn): Iterable<PlanRow> {
  const tz = loadSettings(ctx.db).timeZone
  return iterateList(ctx.db, spec(tz), i, where(ctx, i, tz))
}
