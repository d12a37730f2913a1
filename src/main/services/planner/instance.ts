/**
 * The solver's instance (ADR 0020) from the database: the technicians of a team (or the chosen ones) with
 * their skills, shifts from their working hours and the company's holidays, and home bases; the work in the
 * tray's scope (unplanned, not on hold), their planned-but-not-dispatched cards in the range (movable) and
 * every other card of theirs in the range (fixed). Ids in the instance are strings: "o<orderId>" for tray
 * work, "a<assignmentId>" for cards, "w<workerId>" for technicians; `refs` maps them back.
 */
import { sql } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { workingIntervals } from '@shared/calendar'
import type { ParsedInput } from '@shared/api/contract'
import type { Priority } from '@shared/domain/orders'
import type { SlaTargetKind } from '@shared/domain/sla'
import type { PlannerInstance, PlannerJob } from '@shared/planner/instance'
import { dayEnd, dayStart } from '@shared/time'
import { requirePermission, type ServiceContext } from '../core/context'
import { loadSettings } from '../settings/settings'
import { travelSettingsOf } from '../settings/travel'
import { finishedStages } from '../lifecycle/rules'
import { Calendars, loadCards, loadDurations, loadSummaries, loadTechnicians, type Technician } from '../dispatch/read'
import { scopeWhere } from '../dispatch/tray'

export type PlanDayInput = ParsedInput<'dispatch.planStart'>

/** What a planner id stands for in the database. */
export interface JobRef {
  orderId: number
  orderNumber: string
  orderVersion: number
  customerName: string
  priority: Priority
  assignmentId: number | null
  assignmentVersion: number | null
  /** The deadline the job's `deadline` is, and whose it is (response, arrival, resolution). */
  deadline: { at: number; target: SlaTargetKind } | null
  /** Where a card is now (fixed or movable); null for tray work. */
  current: { workerId: number; start: number; end: number } | null
}

export interface PlanRefs {
  timeZone: string
  /** The movable cards' current technician and start, in the instance's terms. */
  pins: Record<string, { technicianId: string; start: string }>
  jobs: Map<string, JobRef>
  workers: Map<string, number>
  skillNames: Map<string, string>
}

/** Wall-clock "YYYY-MM-DDTHH:mm" of an instant in the shop's time zone (the instance's time format). */
export const wallClock = (ms: number, tz: string): string => DateTime.fromMillis(ms, { zone: tz }).toFormat("yyyy-LL-dd'T'HH:mm")
/** The instant of an instance's wall-clock time. */
export const instantOf = (wall: string, tz: string): number => DateTime.fromISO(wall, { zone: tz }).toMillis()

interface OrderGeo {
  id: number
  siteId: number | null
  lat: number | null
  lon: number | null
}

function orderGeo(ctx: ServiceContext, orderIds: readonly number[]): Map<number, OrderGeo> {
  const rows = ctx.conn.sqlite
    .prepare(
      `select o.id, o.site_id as siteId, s.latitude as lat, s.longitude as lon from service_orders o
       left join customer_sites s on s.id = o.site_id where o.id in (select value from json_each(?))`
    )
    .all(JSON.stringify(orderIds)) as OrderGeo[]
  return new Map(rows.map((r) => [r.id, r]))
}

/** The earliest open SLA deadline of each order (clock running, target not met), with its target. */
function deadlines(ctx: ServiceContext, orderIds: readonly number[]): Map<number, { at: number; target: SlaTargetKind }> {
  const rows = ctx.conn.sqlite
    .prepare(
      `select t.order_id as orderId, t.target, t.deadline from order_sla_targets t join order_slas s on s.order_id = t.order_id
       where t.order_id in (select value from json_each(?)) and t.met_at is null and t.deadline is not null
         and s.paused_since is null and s.cancelled_at is null order by t.deadline`
    )
    .all(JSON.stringify(orderIds)) as { orderId: number; target: SlaTargetKind; deadline: number }[]
  const out = new Map<number, { at: number; target: SlaTargetKind }>()
  for (const r of rows) if (!out.has(r.orderId)) out.set(r.orderId, { at: r.deadline, target: r.target })
  return out
}

/** Jobs offered to the solver per technician-day: about twice what a day holds, so the search stays short. */
export const JOBS_PER_TECHNICIAN_DAY = 16

/**
 * Unplanned, open work waiting for a visit (the tray's unassigned and unscheduled tabs) under the tray's filters,
 * wanted by the range's end (requested or planned to start before it, or undated: overdue work included), most
 * urgent first as the tray sorts, at most `limit`.
 */
function scopeOrderIds(ctx: ServiceContext, i: PlanDayInput, tz: string, rangeTo: number, limit: number): number[] {
  const rows = ctx.db.all<{ id: number }>(
    sql`select o.id from service_orders o join service_stages st on st.id = o.stage_id${i.scope.q ? sql` join customers c on c.id = o.customer_id` : sql``}
      where ${scopeWhere(finishedStages(ctx.db), { ...i.scope, teamId: i.teamId }, tz)}
        and (coalesce(o.requested_start, o.planned_start) is null or coalesce(o.requested_start, o.planned_start) < ${rangeTo})
      order by case o.priority when 'high' then 0 when 'normal' then 1 else 2 end, o.requested_start is null, o.requested_start, o.id
      limit ${limit}`
  )
  return rows.map((r) => r.id)
}

function technicians(ctx: ServiceContext, i: PlanDayInput, calendars: Calendars): Technician[] {
  const chosen = new Set(i.workerIds)
  return loadTechnicians(ctx, calendars).filter(
    (t) => t.active && t.roles.includes('technician') && (chosen.size > 0 ? chosen.has(t.id) : t.teamId === i.teamId)
  )
}

function homes(ctx: ServiceContext, ids: readonly number[]): Map<number, { lat: number; lon: number }> {
  const rows = ctx.conn.sqlite
    .prepare(
      `select id, home_latitude as lat, home_longitude as lon from workers
       where id in (select value from json_each(?)) and home_latitude is not null and home_longitude is not null`
    )
    .all(JSON.stringify(ids)) as { id: number; lat: number; lon: number }[]
  return new Map(rows.map((r) => [r.id, { lat: r.lat, lon: r.lon }]))
}

export function buildPlanInstance(ctx: ServiceContext, i: PlanDayInput): { instance: PlannerInstance; refs: PlanRefs } {
  requirePermission(ctx, 'dispatch.plan')
  const settings = loadSettings(ctx.db)
  const tz = settings.timeZone
  const now = ctx.now()
  const calendars = new Calendars(settings)
  const rangeFrom = dayStart(i.from, tz)
  const rangeTo = dayEnd(i.to, tz)
  const techs = technicians(ctx, i, calendars)
  const techIds = new Set(techs.map((t) => t.id))
  const homeOf = homes(ctx, [...techIds])
  const skillNames = new Map(
    (ctx.conn.sqlite.prepare('select id, name from skills').all() as { id: number; name: string }[]).map((s) => [`s${s.id}`, s.name])
  )

  const refs: PlanRefs = { timeZone: tz, pins: {}, jobs: new Map(), workers: new Map(), skillNames }
  const instance: PlannerInstance = {
    version: 1,
    // The shop's travel settings, read as the board's travel model reads them (settings/travel.ts): the plan's
    // drives are the ones the board then checks for travel conflicts.
    travel: travelSettingsOf(settings),
    matrix: null,
    holidays: settings.holidays.map((h) => h.date),
    technicians: techs.map((t) => {
      refs.workers.set(`w${t.id}`, t.id)
      // Working time from now on only: nothing is planned in the past.
      const shifts = workingIntervals(t.calendar, Math.max(rangeFrom, now), rangeTo).map(([s, e]) => ({
        date: wallClock(s, tz).slice(0, 10),
        start: wallClock(s, tz).slice(11),
        end: e >= dayEnd(wallClock(s, tz).slice(0, 10), tz) ? '24:00' : wallClock(e, tz).slice(11),
        breaks: []
      }))
      return {
        id: `w${t.id}`,
        label: t.name,
        skills: t.skillIds.map((s) => `s${s}`),
        home: homeOf.get(t.id) ?? null,
        shifts: shifts.filter((s) => s.start < s.end),
        holidays: [],
        maxOvertimeMinutes: 0
      }
    }),
    jobs: []
  }

  // The technicians' cards in the range: planned ones may move, the rest stay where they are.
  const cards = loadCards(ctx, rangeFrom, rangeTo, now).filter((c) => techIds.has(c.workerId) && !c.finished && c.start >= rangeFrom)
  const techDays = instance.technicians.reduce((n, t) => n + t.shifts.length, 0)
  const orderIds = techDays === 0 ? [] : scopeOrderIds(ctx, i, tz, rangeTo, Math.min(2000, techDays * JOBS_PER_TECHNICIAN_DAY))
  const allOrders = [...new Set([...orderIds, ...cards.map((c) => c.orderId)])]
  const summaries = loadSummaries(ctx, orderIds, now)
  const durations = loadDurations(ctx, orderIds)
  const geo = orderGeo(ctx, allOrders)
  const due = deadlines(ctx, allOrders)

  const place = (orderId: number): Pick<PlannerJob, 'place' | 'location'> => {
    const g = geo.get(orderId)
    return {
      place: g?.siteId ? `site${g.siteId}` : `order${orderId}`,
      location: g && g.lat !== null && g.lon !== null ? { lat: g.lat, lon: g.lon } : null
    }
  }
  const deadline = (orderId: number): string | null => {
    const d = due.get(orderId)
    return d ? wallClock(d.at, tz) : null
  }

  for (const c of cards) {
    const key = `a${c.id}`
    refs.jobs.set(key, {
      orderId: c.orderId,
      orderNumber: c.orderNumber,
      orderVersion: c.orderVersion,
      customerName: c.customerName,
      priority: c.priority,
      assignmentId: c.id,
      assignmentVersion: c.version,
      deadline: due.get(c.orderId) ?? null,
      current: { workerId: c.workerId, start: c.start, end: c.end }
    })
    const movable = c.status === 'planned' && c.start >= now
    if (movable) refs.pins[key] = { technicianId: `w${c.workerId}`, start: wallClock(c.start, tz) }
    instance.jobs.push({
      id: key,
      label: c.orderNumber,
      durationMinutes: Math.min(1440, Math.max(1, Math.round((c.end - c.start) / 60_000))),
      skills: c.requiredSkillIds.map((s) => `s${s}`),
      ...place(c.orderId),
      window: null,
      deadline: movable ? deadline(c.orderId) : null,
      priority: c.priority,
      fixed: movable ? null : { technicianId: `w${c.workerId}`, start: wallClock(c.start, tz) }
    })
  }

  for (const id of orderIds) {
    const s = summaries.get(id)!
    const key = `o${id}`
    refs.jobs.set(key, {
      orderId: id,
      orderNumber: s.orderNumber,
      orderVersion: s.orderVersion,
      customerName: s.customerName,
      priority: s.priority,
      assignmentId: null,
      assignmentVersion: null,
      deadline: due.get(id) ?? null,
      current: null
    })
    // The requested window, either side open meaning the planned range's edge.
    const requested = s.requestedStart !== null || s.requestedEnd !== null
    const from = s.requestedStart ?? rangeFrom
    const to = s.requestedEnd ?? Math.max(rangeTo, from + 60_000)
    instance.jobs.push({
      id: key,
      label: s.orderNumber,
      durationMinutes: Math.min(1440, durations.get(id)!),
      skills: s.requiredSkillIds.map((k) => `s${k}`),
      ...place(id),
      window: requested ? { from: wallClock(from, tz), to: wallClock(to, tz), hard: false } : null,
      deadline: deadline(id),
      priority: s.priority,
      fixed: null
    })
  }
  return { instance, refs }
}
