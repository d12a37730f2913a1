import { inArray, type SQL, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import { addBusinessMinutes } from '@shared/calendar'
import { dateOf, dayEnd } from '@shared/time'
import type { Db } from '../../db/connection'
import { orderSlas, orderSlaTargets, slaDefinitions } from '../../db/schema'
import { loadSettings } from '../settings/settings'
import { SlaCache } from './definitions'

/**
 * Clocks (rows of order_slas) with a missed target not yet met, or whose next deadline falls before the end of
 * today or within the at-risk threshold (business minutes on each SLA's own calendar, so the cut-off is an
 * instant per SLA). Shared by the SLA at-risk list and the order list's view "Breached or at risk".
 */
export function slaAtRiskWhere(db: Db, now: number): SQL {
  const settings = loadSettings(db)
  const endOfToday = dayEnd(dateOf(now, settings.timeZone), settings.timeZone)
  const cache = new SlaCache(db)
  const cutoffs = db
    .select({ id: slaDefinitions.id })
    .from(slaDefinitions)
    .all()
    .map(({ id }) => [id, Math.max(endOfToday, addBusinessMinutes(cache.get(id)!.calendar, now, settings.slaAtRiskMinutes))] as const)
  if (cutoffs.length === 0) return sql`0`
  const latest = Math.max(...cutoffs.map(([, c]) => c))
  const perSla = sql.join(
    cutoffs.map(([id, c]) => sql` when ${id} then ${c}`),
    sql``
  )
  // The next deadline skips targets already missed (the breach sweep has done with them), so a missed
  // response whose resolution is still days away is found through its target row instead.
  return sql`((${orderSlas.nextDeadline} <= ${latest} and ${orderSlas.nextDeadline} <= (case ${orderSlas.slaId}${perSla} end))
      or exists (select 1 from ${orderSlaTargets} t where t.order_id = ${orderSlas.orderId} and t.met_at is null and t.breached_at is not null))
    and ${inArray(orderSlas.state, ['running', 'breached'])}`
}

/**
 * The deadline an order's SLA badge shows (clock.ts `badgesFor`): the earliest missed target still open, else
 * the next deadline. Sorting by it puts breached orders first (their deadlines are past), longest overdue first,
 * then the rest by time left; orders without a clock last. The breach sweep must have run, as before any list.
 */
export function shownDeadline(orderId: SQLiteColumn | SQL): SQL<number> {
  return sql<number>`coalesce(
    (select min(t.deadline) from order_sla_targets t where t.order_id = ${orderId} and t.met_at is null and t.breached_at is not null),
    (select s.next_deadline from order_slas s where s.order_id = ${orderId}),
    ${Number.MAX_SAFE_INTEGER})`
}
