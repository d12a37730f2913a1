import { type SQL, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { TrayRow, TrayTab } from '@shared/domain/dispatch'
import { dateOf, dayEnd, dayStart } from '@shared/time'
import { requirePermission, type ServiceContext } from '../core/context'
import { likePattern } from '../core/list'
import { loadSettings } from '../settings/settings'
import { finishedStages } from '../lifecycle/rules'
import { loadDurations, loadSummaries, MAX_SPAN } from './read'

type TrayIn = ParsedInput<'dispatch.tray'>

/**
 * In process, not a template, not finished work (the done stage or after it, ADR 0017), and work to plan at all:
 * orders made only to invoice fees and expenses (needs_visit = 0, ADR 0016) are not.
 */
export const openWhere = (finished: ReadonlySet<number>): SQL =>
  sql`o.progress = 'inProcess' and o.is_template = 0 and o.needs_visit = 1 and o.stage_id not in (select value from json_each(${JSON.stringify([...finished])}))`
export const UNPLANNED = sql`not exists (select 1 from order_assignments a where a.order_id = o.id)`
export const NOBODY = sql`o.responsible_worker_id is null and o.preferred_worker_id is null`
const SOMEBODY = sql`(o.responsible_worker_id is not null or o.preferred_worker_id is not null)`

/** Orders with dispatched work not yet over: found from the assignments' start index, not by testing every order. */
const dispatchedSince = (todayStart: number) =>
  sql`o.id in (select a.order_id from order_assignments a where a.start >= ${todayStart - MAX_SPAN} and a."end" > ${todayStart} and a.status = 'dispatched')`

/**
 * Which orders each tab holds. Unassigned and unscheduled are disjoint (nobody named vs. a responsible or
 * preferred technician waiting for a time); orders in a stage that stops the SLA clock (waiting for parts, on
 * hold) are only on the on-hold tab, so nobody plans work that cannot go ahead.
 */
function tabWhere(tab: TrayTab, todayStart: number, live: SQL): SQL {
  switch (tab) {
    case 'unassigned':
      return sql`${live} and st.stops_sla_clock = 0 and ${UNPLANNED} and ${NOBODY}`
    case 'unscheduled':
      return sql`${live} and st.stops_sla_clock = 0 and ${UNPLANNED} and ${SOMEBODY}`
    case 'dispatched':
      return sql`${live} and ${dispatchedSince(todayStart)}`
    case 'onHold':
      return sql`${live} and st.stops_sla_clock = 1`
  }
}

type TrayFilter = Pick<TrayIn, 'teamId' | 'priority' | 'from' | 'to' | 'skillId' | 'q'>

/** The filters shared by every tab (the counts obey them too). */
function filterWhere(i: TrayFilter, timeZone: string): SQL[] {
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

/**
 * Work waiting to be planned (the unassigned and unscheduled tabs) under the tray's filters: what Plan day plans.
 * Over `service_orders o join service_stages st` (and `customers c` when `q` is given).
 */
export function scopeWhere(finished: ReadonlySet<number>, f: TrayFilter, timeZone: string): SQL {
  return and([sql`${openWhere(finished)} and st.stops_sla_clock = 0 and ${UNPLANNED}`, ...filterWhere(f, timeZone)])
}

/** The customer is joined only for a text search: for tens of thousands of open orders the join is most of the cost. */
const fromFor = (i: TrayIn): SQL =>
  sql`from service_orders o join service_stages st on st.id = o.stage_id${i.q ? sql` join customers c on c.id = o.customer_id` : sql``}`

function and(parts: SQL[]): SQL {
  return sql.join(parts, sql` and `)
}

/**
 * The work waiting to be planned, by tab: most urgent first (priority, then the requested start, earliest
 * first, orders without one last, then by age: the id, which the tray index holds, unlike the number), with
 * the number of orders on every tab under the same filters.
 */
export function getTray(ctx: ServiceContext, i: TrayIn): { rows: TrayRow[]; total: number; counts: Record<TrayTab, number> } {
  requirePermission(ctx, 'dispatch.plan')
  const tz = loadSettings(ctx.db).timeZone
  const now = ctx.now()
  const todayStart = dayStart(dateOf(now, tz), tz)
  const filters = filterWhere(i, tz)
  const live = openWhere(finishedStages(ctx.db))
  // One pass over the open orders counts three tabs; the dispatched one comes from the assignments.
  const open = ctx.db.get<{ unassigned: number | null; unscheduled: number | null; onHold: number | null }>(sql`
    select sum(st.stops_sla_clock = 0 and ${SOMEBODY} = 0 and ${UNPLANNED}) as unassigned,
      sum(st.stops_sla_clock = 0 and ${SOMEBODY} and ${UNPLANNED}) as unscheduled,
      sum(st.stops_sla_clock = 1) as onHold
    ${fromFor(i)} where ${live}${filters.length ? sql` and ${and(filters)}` : sql``}`)
  const dispatched = ctx.db.get<{ n: number }>(
    sql`select count(*) as n ${fromFor(i)} where ${and([tabWhere('dispatched', todayStart, live), ...filters])}`
  ).n
  const counts: Record<TrayTab, number> = {
    unassigned: open.unassigned ?? 0,
    unscheduled: open.unscheduled ?? 0,
    dispatched,
    onHold: open.onHold ?? 0
  }
  const picked = ctx.db.all<{
    id: number
    preferredWorkerId: number | null
    responsibleWorkerId: number | null
    responsibleWorkerName: string | null
    plannedStart: number | null
  }>(sql`
    select o.id, o.preferred_worker_id as preferredWorkerId, o.responsible_worker_id as responsibleWorkerId,
      (select w.name from workers w where w.id = o.responsible_worker_id) as responsibleWorkerName,
      ${i.tab === 'dispatched' ? sql`(select min(a.start) from order_assignments a where a.order_id = o.id and a.status = 'dispatched' and a."end" > ${todayStart})` : sql`o.planned_start`} as plannedStart
    ${fromFor(i)}
    where ${and([tabWhere(i.tab, todayStart, live), ...filters])}
    order by case o.priority when 'high' then 0 when 'normal' then 1 else 2 end,
      o.requested_start is null, o.requested_start, o.id
    limit ${i.limit}`)
  const ids = picked.map((r) => r.id)
  const summaries = loadSummaries(ctx, ids, now)
  const durations = loadDurations(ctx, ids)
  const rows = picked.map(({ id, ...r }) => ({ ...summaries.get(id)!, ...r, durationMinutes: durations.get(id)! }))
  return { rows, total: counts[i.tab], counts }
}
