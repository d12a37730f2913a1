import { and, eq, sql } from 'drizzle-orm'
import { boardInput, trayInput } from '@shared/domain/dispatch'
import type { DispatcherHome } from '@shared/domain/home'
import { PRIORITIES, type Priority } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import { serviceOrders } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { getBoard } from '../dispatch/board'
import { getTray } from '../dispatch/tray'
import { viewWhere } from '../orders/read'
import { loadSettings } from '../settings/settings'

/**
 * The dispatcher's home (docs/adr/0027). Every figure is read through the screen it links to (today's board, the
 * tray, the order list's views), so the number on the home page is the number of rows the click opens.
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

  const tray = getTray(ctx, trayInput.parse({ tab: 'unassigned', limit: 1 }))

  const open = (view: 'unplanned' | 'atRisk') => and(eq(serviceOrders.isTemplate, false), viewWhere(ctx, view, tz))
  const unplanned = new Map(
    ctx.db
      .select({ priority: serviceOrders.priority, count: sql<number>`count(*)` })
      .from(serviceOrders)
      .where(open('unplanned'))
      .groupBy(serviceOrders.priority)
      .all()
      .map((r) => [r.priority as Priority, r.count])
  )
  const slaAtRisk = ctx.db
    .select({ count: sql<number>`count(*)` })
    .from(serviceOrders)
    .where(open('atRisk'))
    .get()!.count

  return {
    date,
    board: byStatus,
    unassigned: tray.counts.unassigned,
    slaAtRisk,
    conflicts,
    unplannedByPriority: PRIORITIES.map((priority) => ({ priority, count: unplanned.get(priority) ?? 0 }))
  }
}
