/**
 * The demo's dispatch board: the anchor date's week (Monday to Friday) planned for the technicians — each
 * working day up to tomorrow booked to about two thirds where there is work enough, the later ones to about
 * 40 %, visits of past days and of the morning done, the one under way on site, today's and tomorrow's
 * dispatched — a tray of unassigned orders with requested windows, and a few conflicts left for the dispatcher
 * to resolve (an overlap, a missing skill, a visit after hours). Deterministic for a seed and anchor date; written inside the demo's transaction.
 *
 * Routes are planned with the shop's own travel model (`travelModelOf`, as the board checks them, ADR 0029):
 * each next visit is the nearest fitting order in the towns within reach of where the technician is, the gap
 * before it — from the home base for the first — is at least the drive, and the drive home ends within the
 * working day. So the week has no *travel* conflict, and the three planned mistakes are placed not to make one.
 */
import { DateTime } from 'luxon'
import { type BusinessCalendar, workingDay } from '@shared/calendar'
import type { WeekHours } from '@shared/domain/masterdata'
import type { Place, TravelModel } from '@shared/planner/travel'
import type { Sqlite } from '../db/connection'
import { orderSeedUpdates } from '../services/orders/write'
import { travelModelOf } from '../services/settings/travel'
import { Random } from './random'

export interface DemoDispatchCounts {
  cards: number
  dispatched: number
  done: number
  unassigned: number
  conflicts: number
}

interface Options {
  seed: number
  scale: number
  today: string
  now: number
}

interface Tech {
  id: number
  cal: BusinessCalendar
  skills: Set<number>
  home: Place
}

/** The pool's orders of one town, in planned order, with a moving head past the ones no later day can take. */
interface Town {
  centre: Place
  orders: PoolOrder[]
  head: number
}

interface PoolOrder {
  id: number
  plannedStart: number | null
  responsible: number | null
  minutes: number
  skills: number[]
  progress: string
  date: string
  place: Place
  town: string
}

const MINUTE = 60_000
/** A longer job is split into visits of at most this long on consecutive working days. */
const MAX_VISIT_MINUTES = 90
const QUARTER = 15 * MINUTE

/** A technician's next visit is in a town whose centre is at most this far from where they are. */
const REACH_MINUTES = 45
/** Candidates looked at per town for each next visit: the earliest planned ones that fit. */
const CANDIDATES = 24
/** A drive the model cannot tell (no coordinates): the quarter the demo used to leave. */
const UNKNOWN_LEG_MINUTES = 15

const quarterUp = (ms: number): number => Math.ceil(ms / QUARTER) * QUARTER
const legMs = (travel: TravelModel, from: Place, to: Place): number => (travel.leg(from, to)?.minutes ?? UNKNOWN_LEG_MINUTES) * MINUTE

export function generateDispatch(s: Sqlite, o: Options): DemoDispatchCounts {
  // Its own stream, so the plan does not shift every other demo record when it changes.
  const rnd = new Random((o.seed ^ 0x5eed_d15c) >>> 0)
  const settings = s
    .prepare(
      `select time_zone as tz, working_hours as hours, holidays, travel_road_factor as travelRoadFactor,
         travel_speed_kmh as travelSpeedKmh, travel_overhead_minutes as travelOverheadMinutes from settings where id = 1`
    )
    .get() as {
    tz: string
    hours: string
    holidays: string
    travelRoadFactor: number
    travelSpeedKmh: number
    travelOverheadMinutes: number
  }
  // The board's own model, so that what the demo plans as reachable is what the board checks.
  const travel = travelModelOf(settings)
  const tz = settings.tz
  const holidays = new Set((JSON.parse(settings.holidays) as { date: string }[]).map((h) => h.date))
  const company: BusinessCalendar = { timeZone: tz, week: JSON.parse(settings.hours) as WeekHours, holidays }
  const anchor = DateTime.fromISO(o.today, { zone: tz })
  // At the weekend the dispatcher is planning the coming week.
  const monday = anchor.startOf('week').plus({ weeks: anchor.weekday >= 6 ? 1 : 0 })
  const days = [0, 1, 2, 3, 4].map((n) => monday.plus({ days: n }))
  const weekStart = monday.toMillis()
  const weekEnd = monday.plus({ days: 7 }).toMillis()
  const todayStart = DateTime.fromMillis(o.now, { zone: tz }).startOf('day').toMillis()

  const skillsOf = new Map<number, Set<number>>()
  for (const r of s.prepare('select worker_id as w, skill_id as k from worker_skills').all() as { w: number; k: number }[]) {
    const set = skillsOf.get(r.w) ?? new Set<number>()
    set.add(r.k)
    skillsOf.set(r.w, set)
  }
  const techs: Tech[] = (
    s
      .prepare(
        `select w.id, w.working_hours as hours, w.home_latitude as lat, w.home_longitude as lon from workers w
         where w.active = 1 and exists (select 1 from json_each(w.roles) r where r.value = 'technician') order by w.id`
      )
      .all() as {
      id: number
      hours: string | null
      lat: number | null
      lon: number | null
    }[]
  ).map((w) => ({
    id: w.id,
    cal: w.hours === null ? company : { timeZone: tz, week: JSON.parse(w.hours) as WeekHours, holidays },
    skills: skillsOf.get(w.id) ?? new Set(),
    // The board's place ids (dispatch/read.ts), so that a leg here is the leg the board draws.
    home: { id: `home:${w.id}`, point: w.lat === null || w.lon === null ? null : { lat: w.lat, lon: w.lon } }
  }))
  if (techs.length === 0) return { cards: 0, dispatched: 0, done: 0, unassigned: 0, conflicts: 0 }

  const orderSkills = new Map<number, number[]>()
  for (const r of s
    .prepare(
      'select distinct ot.order_id as o, ts.skill_id as k from service_order_tasks ot join service_task_skills ts on ts.task_id = ot.service_task_id'
    )
    .all() as { o: number; k: number }[]) {
    const list = orderSkills.get(r.o) ?? []
    list.push(r.k)
    orderSkills.set(r.o, list)
  }
  // Open work from this week on (plus posted or closed work of this week's past days, which did happen).
  const pool: PoolOrder[] = (
    s
      .prepare(
        `select o.id, o.planned_start as plannedStart, o.responsible_worker_id as responsible, o.progress,
           o.site_id as siteId, cs.city as town, cs.latitude as lat, cs.longitude as lon,
           coalesce((select sum(l.quantity) * 60 / 1000 from service_order_lines l where l.order_id = o.id and l.type = 'hour' and l.status <> 'cancelled'), 0) as hourMinutes,
           coalesce((select sum(t.default_duration_minutes) from service_order_tasks ot join service_tasks t on t.id = ot.service_task_id where ot.order_id = o.id), 60) as taskMinutes
         from service_orders o join service_stages st on st.id = o.stage_id left join customer_sites cs on cs.id = o.site_id
         where o.is_template = 0 and o.planned_start >= ? and o.progress <> 'cancelled' and st.stops_sla_clock = 0
           and (o.progress = 'inProcess' or o.planned_start < ?)
         order by o.planned_start, o.id`
      )
      .all(weekStart, weekEnd) as {
      id: number
      plannedStart: number
      responsible: number | null
      progress: string
      hourMinutes: number
      taskMinutes: number
      siteId: number | null
      town: string | null
      lat: number | null
      lon: number | null
    }[]
  ).map((r) => ({
    id: r.id,
    plannedStart: r.plannedStart,
    responsible: r.responsible,
    progress: r.progress,
    minutes: Math.min(240, Math.max(30, Math.ceil((r.hourMinutes > 0 ? r.hourMinutes : r.taskMinutes) / 15) * 15)),
    skills: orderSkills.get(r.id) ?? [],
    date: DateTime.fromMillis(r.plannedStart, { zone: tz }).toISODate()!,
    // A one-time address has no coordinates (nor a town to route by): nobody's route takes it.
    place:
      r.siteId === null || r.lat === null || r.lon === null
        ? { id: `order:${r.id}`, point: null }
        : { id: `site:${r.siteId}`, point: { lat: r.lat, lon: r.lon } },
    town: r.siteId === null || r.lat === null ? '' : (r.town ?? '')
  }))

  // The tray: open orders of the coming weeks that nobody has been named on yet, each with a requested window.
  const trayTarget = Math.round(30 * Math.sqrt(o.scale))
  const future = pool.filter((p) => p.progress === 'inProcess' && p.plannedStart! >= weekEnd)
  const tray = new Set(rnd.sample(future, trayTarget).map((p) => p.id))
  const seed = orderSeedUpdates(s)
  for (const id of tray) {
    const day = monday.plus({ days: rnd.int(0, 11) })
    const from = day.set({ hour: rnd.pick([8, 8, 10, 12]) })
    const until = from.plus({ days: rnd.int(0, 4) }).set({ hour: 17 })
    seed.toTray(
      id,
      from.toMillis(),
      until.toMillis(),
      rnd.weighted([
        ['high', 2],
        ['normal', 6],
        ['low', 2]
      ] as const)
    )
  }

  const insert = s.prepare(
    `insert into order_assignments (order_id, worker_id, start, "end", status, dispatched_at, dispatched_by, actual_start, actual_end, note, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`
  )
  const dispatcher = (s.prepare("select id from users where username = 'dispatcher'").get() as { id: number } | undefined)?.id ?? null

  const counts: DemoDispatchCounts = { cards: 0, dispatched: 0, done: 0, unassigned: tray.size, conflicts: 0 }
  const used = new Set<number>(tray)
  // Kept back for the planned mistakes, so that a small company's week cannot use them all up.
  const left = rnd.sample(
    future.filter((p) => !tray.has(p.id)),
    future.length
  )
  const needsSkill = left.find((p) => p.skills.length > 0)
  const spares = [...left.filter((p) => p !== needsSkill).slice(0, 2), ...(needsSkill ? [needsSkill] : [])]
  for (const p of spares) used.add(p.id)
  const fits = (t: Tech, p: PoolOrder) => p.skills.every((k) => t.skills.has(k))
  // Each technician's day's last visit so far (by start), where the next drive begins.
  const last = new Map<string, LastVisit>()

  const book = (t: Tech, p: PoolOrder, start: number, end: number, date: string) => {
    let status = 'planned'
    let actualStart: number | null = null
    let actualEnd: number | null = null
    let dispatchedAt: number | null = null
    if (end <= o.now) {
      status = 'done'
      actualStart = start + rnd.int(-1, 2) * 5 * MINUTE
      actualEnd = Math.min(o.now, end + rnd.int(-2, 3) * 5 * MINUTE)
    } else if (start <= o.now) {
      status = 'onSite'
      actualStart = start + rnd.int(0, 2) * 5 * MINUTE
    } else if (start < todayStart + 2 * 86_400_000) {
      // Today's and tomorrow's work has been told to the technicians.
      status = 'dispatched'
    }
    // Told at 16:00 the day before.
    if (status !== 'planned') dispatchedAt = Math.min(o.now, DateTime.fromISO(date, { zone: tz }).toMillis() - 8 * 3_600_000)
    if (actualStart !== null) actualStart = Math.min(actualStart, o.now)
    insert.run(
      p.id,
      t.id,
      start,
      end,
      status,
      dispatchedAt,
      dispatchedAt === null ? null : dispatcher,
      actualStart,
      actualEnd,
      o.now,
      o.now
    )
    seed.followAssignments(p.id, t.id)
    // Work pulled forward was agreed with the customer: a requested window the visit falls outside of goes.
    seed.dropRequestedOutside(p.id, start, end)
    seed.assignHourLines(p.id, t.id, date)
    const key = `${t.id}|${date}`
    if (start >= (last.get(key)?.start ?? -Infinity)) last.set(key, { start, end, place: p.place })
    used.add(p.id)
    counts.cards++
    if (status === 'done') counts.done++
    if (dispatchedAt !== null) counts.dispatched++
  }

  // The pool by town, each with its centre (the mean of its sites).
  const towns: Town[] = []
  const townOf = new Map<string, Town>()
  for (const p of pool) {
    if (p.town === '') continue
    let town = townOf.get(p.town)
    if (!town) {
      town = { centre: { id: `town:${p.town}`, point: { lat: 0, lon: 0 } }, orders: [], head: 0 }
      townOf.set(p.town, town)
      towns.push(town)
    }
    town.orders.push(p)
  }
  for (const town of towns) {
    const n = town.orders.length
    town.centre.point = {
      lat: town.orders.reduce((sum, p) => sum + p.place.point!.lat, 0) / n,
      lon: town.orders.reduce((sum, p) => sum + p.place.point!.lon, 0) / n
    }
  }
  /** The towns nearest first from a place: those within reach, or all of them. */
  const townsFrom = (at: Place, all: boolean): Town[] =>
    towns
      .map((town) => ({ town, minutes: travel.leg(at, town.centre)?.minutes ?? Infinity }))
      .filter((x) => all || x.minutes <= REACH_MINUTES)
      .sort((x, y) => x.minutes - y.minutes)
      .map((x) => x.town)

  // Work longer than one visit continues on a later day with the same technician.
  const followUps = new Map<number, { p: PoolOrder; after: string }[]>()
  /** The nearest to `at` of the earliest planned orders of these towns that the technician may take that day. */
  const nearestIn = (list: readonly Town[], t: Tech, date: string, past: boolean, at: Place): PoolOrder | null => {
    let best: PoolOrder | null = null
    let bestMs = Infinity
    for (const town of list) {
      // Past the used ones and the history of earlier days, which no later day takes.
      while (town.head < town.orders.length) {
        const h = town.orders[town.head]!
        if (!used.has(h.id) && (h.progress === 'inProcess' || h.date >= date)) break
        town.head++
      }
      for (let i = town.head, found = 0, looked = 0; i < town.orders.length && found < CANDIDATES && looked < 400; i++, looked++) {
        const p = town.orders[i]!
        if (past && p.date > date) break
        if (used.has(p.id) || !(p.date === date || (!past && p.progress === 'inProcess')) || !fits(t, p)) continue
        found++
        const ms = legMs(travel, at, p.place)
        if (ms < bestMs) {
          best = p
          bestMs = ms
        }
      }
    }
    return best
  }
  /**
   * The next visit of a technician's day, from where they are: a job they started on an earlier day first; else
   * the nearest candidate in the towns within reach — on past days that day's orders (what happened is history),
   * on days ahead that day's or any open one, pulled forward. With nothing near home, a day already told to the
   * technicians is a trip to the nearest town with work; a later one stays free for the dispatcher.
   */
  const next = (t: Tech, date: string, past: boolean, trip: boolean, at: Place): PoolOrder | null => {
    const follow = followUps.get(t.id)
    const due = follow?.findIndex((f) => f.after < date) ?? -1
    if (due >= 0) return follow!.splice(due, 1)[0]!.p
    const near = nearestIn(townsFrom(at, false), t, date, past, at)
    if (near || !trip || at !== t.home) return near
    for (const town of townsFrom(at, true)) {
      const p = nearestIn([town], t, date, past, at)
      if (p) return p
    }
    return null
  }

  for (const day of days) {
    const date = day.toISODate()!
    const past = day.plus({ days: 1 }).toMillis() <= todayStart
    // Up to tomorrow the plan is told to the technicians (see book); the days after are still being planned: booked
    // lighter and near home only, so that the dispatcher (and Plan day) has room and the far work to place.
    const told = day.toMillis() < todayStart + 2 * 86_400_000
    for (const t of techs) {
      const hours = holidays.has(date) ? null : workingDay(t.cal, date)
      if (!hours) continue
      const [open, close] = hours
      const target = (close - open) * ((told ? 0.6 : 0.35) + rnd.next() * 0.1)
      // Free from here on, at this place: the day starts at home.
      let cursor = open + rnd.int(0, 2) * QUARTER
      let at = t.home
      let booked = 0
      while (booked < target) {
        const p = next(t, date, past, told, at)
        if (!p) break
        const visit = Math.min(p.minutes, MAX_VISIT_MINUTES)
        // Not before the drive is over (the board's travel conflict is a gap shorter than the drive), and home
        // again within the working day, as Plan day's routes are.
        const start = quarterUp(cursor + legMs(travel, at, p.place))
        const end = start + visit * MINUTE
        if (end + legMs(travel, p.place, t.home) > close) break
        book(t, p, start, end, date)
        if (visit < p.minutes) {
          const list = followUps.get(t.id) ?? []
          list.push({ p: { ...p, minutes: p.minutes - visit }, after: date })
          followUps.set(t.id, list)
        }
        booked += end - start
        cursor = end
        at = p.place
      }
    }
  }

  const untaken = left.filter((p) => !used.has(p.id))
  counts.conflicts = addConflicts(s, { techs, spares, untaken, days, now: o.now, fits, book, travel, last })
  return counts
}

interface LastVisit {
  start: number
  end: number
  place: Place
}

interface ConflictContext {
  techs: Tech[]
  spares: PoolOrder[]
  /** Open orders of the coming weeks the week has not taken. */
  untaken: PoolOrder[]
  days: DateTime[]
  now: number
  fits: (t: Tech, p: PoolOrder) => boolean
  book: (t: Tech, p: PoolOrder, start: number, end: number, date: string) => void
  travel: TravelModel
  last: ReadonlyMap<string, LastVisit>
}

/**
 * Three planning mistakes on days still ahead, for the conflicts panel: an overlap, a missing skill, work after
 * hours — each only that: none of them leaves a gap shorter than the drive (a *travel* conflict) beside it.
 */
function addConflicts(s: Sqlite, c: ConflictContext): number {
  // The last working day of the week still ahead (today included), so that they are on the board and can be fixed.
  const ahead = c.days.filter((d) => d.plus({ days: 1 }).toMillis() > c.now)
  const day = ahead.length > 0 ? ahead[ahead.length - 1]! : c.days[0]!.plus({ weeks: 1 })
  const date = day.toISODate()!
  const [spareOverlap, late, unqualified] = c.spares
  let made = 0
  /** Where a technician's next drive that day starts and when they are free: after their last visit, or at home. */
  const from = (t: Tech, earliest: number): { at: Place; free: number } => {
    const v = c.last.get(`${t.id}|${date}`)
    return v ? { at: v.place, free: Math.max(c.now, v.end) } : { at: t.home, free: Math.max(c.now, earliest) }
  }
  const closeOf = (t: Tech): number | null => workingDay(t.cal, date)?.[1] ?? null

  // Overlap: a second visit starting inside the last visit of a technician who has work ahead that day. After
  // the last one, so that no later visit of theirs starts too soon after it.
  const first = s
    .prepare('select worker_id as workerId, start from order_assignments where start >= ? and start < ? order by start, id limit 1')
    .get(Math.max(c.now, day.toMillis()), day.plus({ days: 1 }).toMillis()) as { workerId: number; start: number } | undefined
  const busy = first && c.techs.find((t) => t.id === first.workerId)
  const lastOfBusy = busy && c.last.get(`${busy.id}|${date}`)
  // Work the technician can do near that visit, so that the overlap is all that is wrong with it.
  const overlapping =
    busy && lastOfBusy
      ? (leastBy(
          c.untaken.filter((p) => c.fits(busy, p)),
          (p) => legMs(c.travel, lastOfBusy.place, p.place)
        ) ?? spareOverlap)
      : spareOverlap
  if (busy && lastOfBusy && overlapping) {
    const start = lastOfBusy.start + QUARTER
    const end = Math.max(
      start + 30 * MINUTE,
      Math.min(start + Math.min(overlapping.minutes, MAX_VISIT_MINUTES) * MINUTE, closeOf(busy) ?? Infinity)
    )
    c.book(busy, overlapping, start, end, date)
    made++
  }
  // The other two go to technicians working that day, not the one with the overlap (a visit after it could start
  // inside their last visit but one).
  const others = c.techs.filter((t) => t !== busy && closeOf(t) !== null)
  const afterDrive = (t: Tech, p: PoolOrder, earliest: number): number => {
    const f = from(t, earliest)
    return quarterUp(f.free + legMs(c.travel, f.at, p.place))
  }
  const nine = day.set({ hour: 9 }).toMillis()
  // Missing skill: work given to a technician who lacks a skill it needs, after their day's last visit and the drive.
  const lacking = unqualified ? others.filter((t) => !c.fits(t, unqualified)) : []
  // One whose day still has room for it, so that the skill is the only thing wrong.
  const withRoom = lacking.filter((t) => afterDrive(t, unqualified!, nine) + 45 * MINUTE <= closeOf(t)!)
  const unqualifiedTech = unqualified && leastBy(withRoom.length > 0 ? withRoom : lacking, (t) => afterDrive(t, unqualified, nine))
  if (unqualified && unqualifiedTech) {
    const start = afterDrive(unqualifiedTech, unqualified, nine)
    c.book(unqualifiedTech, unqualified, start, start + 45 * MINUTE, date)
    made++
  }
  // After hours: a visit at 18:00 or, if the drive there takes longer, right after it (the skills fit, so only the
  // time is wrong), for a technician whose day is over by then.
  const six = day.set({ hour: 18 }).toMillis()
  const lateTech =
    late &&
    leastBy(
      others.filter((t) => c.fits(t, late) && t !== unqualifiedTech && closeOf(t)! <= six),
      (t) => afterDrive(t, late, six)
    )
  if (late && lateTech) {
    const start = Math.max(six, afterDrive(lateTech, late, six))
    c.book(lateTech, late, start, start + 90 * MINUTE, date)
    made++
  }
  return made
}

/** The item with the least cost, the first of them on a tie. */
function leastBy<T>(items: readonly T[], cost: (item: T) => number): T | null {
  let best: T | null = null
  let bestCost = Infinity
  for (const item of items) {
    const x = cost(item)
    if (x < bestCost) {
      best = item
      bestCost = x
    }
  }
  return best
}
