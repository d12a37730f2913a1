import { and, eq, sql } from 'drizzle-orm'
import { boardInput } from '@shared/domain/dispatch'
import type { DispatcherHome } from '@shared/domain/home'
import { PRIORITIES, type Priority } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import { serviceOrders } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { getBoard } from '../dispatch/board'
import { NOBODY, openWhere, UNPLANNED } from '../dispatch/tray'
import { finishedStages } from '../lifecycle/rules'
import { viewWhere } from '../orders/read'
import { loadSettings } from '../settings/settings'

/**
 * The dispatcher's home (docs/adr/0027). Every figure is read with the conditions of the screen it links to (today's
 * board, the tray, the order list's views), so the number on the home page is the number of rows the click opens.
 */
export function dispatcherHome(ctx: ServiceContext): DispatcherHome {
  requirePermission(ctx, 'dispatch.plan')
  const tz = loadSettings(ctx.db).timeZone
  const date = dateOf(ctx.now(), tz)

  const board = getBoard(ctx, boardInput.parse({ from: date, days: 1 }))
  const byStatus = { planned: 0, dispatched: 0, done: 0 }
  let conflicts = 0
  for (const c of board.cards) {
    if (c.status === 'planned') byStatus.planned++
    else if (c.status === 'done') byStatus.done++
    else byStatus.dispatched++
    if (c.conflicts.length > 0) conflicts++
  }

  // The tray's Unassigned tab (tray.ts) and the order list's Unplanned view (orders/read.ts viewWhere: no planned
  // start, no board visit) by priority. Two counts, each read from an index: the first from the tray's (it holds
  // every column the tab tests), the second from the open orders without a planned start only.
  const live = openWhere(finishedStages(ctx.db))
  const unassigned = ctx.db.get<{ n: number }>(sql`
    select count(*) as n from service_orders o join service_stages st on st.id = o.stage_id
    where ${live} and st.stops_sla_clock = 0 and ${NOBODY} and ${UNPLANNED}`)!.n
  const unplanned = new Map(
    ctx.db
      .all<{ priority: Priority; n: number }>(
        sql`select o.priority, count(*) as n from service_orders o where ${live} and o.planned_start is null and ${UNPLANNED} group by o.priority`
      )
      .map((r) => [r.priority, r.n])
  )

  const slaAtRisk = ctx.db
    .select({ count: sql<number>`count(*)` })
    .from(serviceOrders)
    .where(and(eq(serviceOrders.isTemplate, false), viewWhere(ctx, 'atRisk', tz)))
    .get()!.count

  return {
    date,
    board: byStatus,
    unassigned,
    slaAtRisk,
    conflicts,
    unplannedByPriority: PRIORITIES.map((priority) => ({ priority, count: unplanned.get(priority) ?? 0 }))
  }
}
