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

  // One pass over the open work counts the tray's Unassigned tab (tray.ts) and the order list's Unplanned view
  // (orders/read.ts viewWhere: no planned start, no board visit) by priority.
  const open = ctx.db.all<{ priority: Priority; unassigned: number; unplanned: number }>(sql`
    select priority, sum(stops = 0 and nobody and free) as unassigned, sum(planned is null and free) as unplanned
    from (select o.priority, st.stops_sla_clock as stops, ${NOBODY} as nobody, o.planned_start as planned, ${UNPLANNED} as free
          from service_orders o join service_stages st on st.id = o.stage_id
          where ${openWhere(finishedStages(ctx.db))})
    group by priority`)
  const byPriority = new Map(open.map((r) => [r.priority, r]))

  const slaAtRisk = ctx.db
    .select({ count: sql<number>`count(*)` })
    .from(serviceOrders)
    .where(and(eq(serviceOrders.isTemplate, false), viewWhere(ctx, 'atRisk', tz)))
    .get()!.count

  return {
    date,
    board: byStatus,
    unassigned: open.reduce((n, r) => n + r.unassigned, 0),
    slaAtRisk,
    conflicts,
    unplannedByPriority: PRIORITIES.map((priority) => ({ priority, count: byPriority.get(priority)?.unplanned ?? 0 }))
  }
}
