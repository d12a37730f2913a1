import { type SQL, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { TRAY_TABS, type TrayRow, type TrayTab } from '@shared/domain/dispatch'
import { dateOf, dayEnd, dayStart } from '@shared/time'
import { requirePermission, type ServiceContext } from '../core/context'
import { likePattern } from '../core/list'
import { loadSettings } from '../settings/service'
import { loadDurations, loadSummaries } from './read'

type TrayIn = ParsedInput<'dispatch.tray'>

const OPEN = sql`o.progress = 'inProcess' and o.is_template = 0`
const UNPLANNED = sql`not exists (select 1 from order_assignments a where a.order_id = o.id)`
const NOT_ON_HOLD = sql`st.stops_sla_clock = 0`

/**
 * Which orders each tab holds. Unassigned and unscheduled are disjoint (nobody named vs. a responsible or
 * preferred technician waiting for a time); orders in a stage that stops the SLA clock (waiting for parts, on
 * hold) are only on the on-hold tab, so nobody plans work that cannot go ahead.
 */
function tabWhere(tab: TrayTab, todayStart: number): SQL {
  switch (tab) {
    case 'unassigned':
      return sql`${OPEN} and ${NOT_ON_HOLD} and ${UNPLANNED} and o.responsible_worker_id is null and o.preferred_worker_id is null`
    case 'unscheduled':
      return sql`${OPEN} and ${NOT_ON_HOLD} and ${UNPLANNED} and (o.responsible_worker_id is not null or o.preferred_worker_id is not null)`
    case 'dispatched':
      return sql`${OPEN} and exists (select 1 from order_assignments a where a.order_id = o.id and a.status = 'dispatched' and a."end" > ${todayStart})`
    case 'onHold':
      return sql`${OPEN} and st.stops_sla_clock = 1`
  }
}

/** The filters shared by every tab (the counts obey them too). */
function filterWhere(i: TrayIn, timeZone: string): SQL[] {
  const out: SQL[] = []
  // An order nobody is named on belongs to no team yet: it stays visible whichever team is being planned.
  if (i.teamId !== null) {
    out.push(sql`(coalesce(o.responsible_worker_id, o.preferred_worker_id) is null
      or o.responsible_worker_id in (select id from workers where team_id = ${i.teamId})
      or o.preferred_worker_id in (select id from workers where team_id = ${i.teamId}))`)
  }
  if (i.priority !== null) out.push(sql`o.priority = ${i.priority}`)
  if (i.from !== null) out.push(sql`coalesce(o.requested_start, o.planned_start) >= ${dayStart(i.from, timeZone)}`)
  if (i.to !== null) out.push(sql`coalesce(o.requested_start, o.planned_start) < ${dayEnd(i.to, timeZone)}`)
  if (i.skillId !== null) {
    out.push(sql`exists (select 1 from service_order_tasks ot join service_task_skills ts on ts.task_id = ot.service_task_id
      where ot.order_id = o.id and ts.skill_id = ${i.skillId})`)
  }
  if (i.q) {
    const p = likePattern(i.q)
    out.push(sql`(o.number like ${p} escape '\\' or o.description like ${p} escape '\\' or c.name like ${p} escape '\\')`)
  }
  return out
}

const FROM = sql`from service_orders o join service_stages st on st.id = o.stage_id join customers c on c.id = o.customer_id`

function and(parts: SQL[]): SQL {
  return sql.join(parts, sql` and `)
}

/**
 * The work waiting to be planned, by tab: most urgent first (priority, then the requested start, earliest
 * first, orders without one last), with the number of orders on every tab under the same filters.
 */
export function getTray(ctx: ServiceContext, i: TrayIn): { rows: TrayRow[]; total: number; counts: Record<TrayTab, number> } {
  requirePermission(ctx, 'dispatch.plan')
  const tz = loadSettings(ctx.db).timeZone
  const now = ctx.now()
  const todayStart = dayStart(dateOf(now, tz), tz)
  const filters = filterWhere(i, tz)
  const counts = {} as Record<TrayTab, number>
  for (const tab of TRAY_TABS) {
    counts[tab] = ctx.db.get<{ n: number }>(sql`select count(*) as n ${FROM} where ${and([tabWhere(tab, todayStart), ...filters])}`).n
  }
  const picked = ctx.db.all<{ id: number; preferredWorkerId: number | null; responsibleWorkerId: number | null; responsibleWorkerName: string | null; plannedStart: number | null }>(sql`
    select o.id, o.preferred_worker_id as preferredWorkerId, o.responsible_worker_id as responsibleWorkerId,
      (select w.name from workers w where w.id = o.responsible_worker_id) as responsibleWorkerName,
      ${i.tab === 'dispatched' ? sql`(select min(a.start) from order_assignments a where a.order_id = o.id and a.status = 'dispatched' and a."end" > ${todayStart})` : sql`o.planned_start`} as plannedStart
    ${FROM}
    where ${and([tabWhere(i.tab, todayStart), ...filters])}
    order by case o.priority when 'high' then 0 when 'normal' then 1 else 2 end,
      o.requested_start is null, o.requested_start, o.number
    limit ${i.limit}`)
  const ids = picked.map((r) => r.id)
  const summaries = loadSummaries(ctx, ids, now)
  const durations = loadDurations(ctx, ids)
  const rows = picked.map(({ id, ...r }) => ({ ...summaries.get(id)!, ...r, durationMinutes: durations.get(id)! }))
  return { rows, total: counts[i.tab], counts }
}
