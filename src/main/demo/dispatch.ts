/**
 * The demo's dispatch board: the anchor date's week (Monday to Friday) planned for the technicians — each
 * working day booked to about two thirds where there is work enough, visits of past days and of the morning
 * done, the one under way on site, today's and tomorrow's dispatched — a tray of unassigned orders with
 * requested windows, and a few conflicts left for the dispatcher to resolve (an overlap, a missing skill, a
 * visit after hours). Deterministic for a seed and anchor date; written inside the demo's transaction.
 */
import { DateTime } from 'luxon'
import { type BusinessCalendar, workingDay } from '@shared/calendar'
import type { WeekHours } from '@shared/domain/masterdata'
import type { Sqlite } from '../db/connection'
import { orderSeedUpdates } from '../services/orders/write'
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
}

interface PoolOrder {
  id: number
  plannedStart: number | null
  responsible: number | null
  minutes: number
  skills: number[]
  progress: string
}

const MINUTE = 60_000
/** A longer job is split into visits of at most this long on consecutive working days. */
const MAX_VISIT_MINUTES = 90
const QUARTER = 15 * MINUTE

const quarterUp = (ms: number): number => Math.ceil(ms / QUARTER) * QUARTER

export function generateDispatch(s: Sqlite, o: Options): DemoDispatchCounts {
  // Its own stream, so the plan does not shift every other demo record when it changes.
  const rnd = new Random((o.seed ^ 0x5eed_d15c) >>> 0)
  const settings = s.prepare('select time_zone as tz, working_hours as hours, holidays from settings where id = 1').get() as {
    tz: string
    hours: string
    holidays: string
  }
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
        "select w.id, w.working_hours as hours from workers w where w.active = 1 and exists (select 1 from json_each(w.roles) r where r.value = 'technician') order by w.id"
      )
      .all() as {
      id: number
      hours: string | null
    }[]
  ).map((w) => ({
    id: w.id,
    cal: w.hours === null ? company : { timeZone: tz, week: JSON.parse(w.hours) as WeekHours, holidays },
    skills: skillsOf.get(w.id) ?? new Set()
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
           coalesce((select sum(l.quantity) * 60 / 1000 from service_order_lines l where l.order_id = o.id and l.type = 'hour' and l.status <> 'cancelled'), 0) as hourMinutes,
           coalesce((select sum(t.default_duration_minutes) from service_order_tasks ot join service_tasks t on t.id = ot.service_task_id where ot.order_id = o.id), 60) as taskMinutes
         from service_orders o join service_stages st on st.id = o.stage_id
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
    }[]
  ).map((r) => ({
    id: r.id,
    plannedStart: r.plannedStart,
    responsible: r.responsible,
    progress: r.progress,
    minutes: Math.min(240, Math.max(30, Math.ceil((r.hourMinutes > 0 ? r.hourMinutes : r.taskMinutes) / 15) * 15)),
    skills: orderSkills.get(r.id) ?? []
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
    used.add(p.id)
    counts.cards++
    if (status === 'done') counts.done++
    if (dispatchedAt !== null) counts.dispatched++
  }

  // Each day's orders by technician, and a moving head over the rest: at bench scale the pool holds thousands.
  const byDayTech = new Map<string, PoolOrder[]>()
  const byDay = new Map<string, PoolOrder[]>()
  for (const p of pool) {
    const date = DateTime.fromMillis(p.plannedStart!, { zone: tz }).toISODate()!
    for (const [map, key] of [
      [byDayTech, `${date}|${p.responsible}`],
      [byDay, date]
    ] as const) {
      const list = map.get(key) ?? []
      list.push(p)
      map.set(key, list)
    }
  }
  let head = 0
  // Work longer than one visit continues on a later day with the same technician.
  const followUps = new Map<number, { p: PoolOrder; after: string }[]>()
  /**
   * The next order for a technician's day: their own planned for that day first; on past days any of that day's
   * (what happened is history); on days ahead any open order that fits their skills, pulled forward.
   */
  const next = (t: Tech, date: string, past: boolean): PoolOrder | null => {
    const follow = followUps.get(t.id)
    const due = follow?.findIndex((f) => f.after < date) ?? -1
    if (due >= 0) return follow!.splice(due, 1)[0]!.p
    const own = byDayTech.get(`${date}|${t.id}`)?.find((p) => !used.has(p.id) && fits(t, p))
    if (own) return own
    if (past) return byDay.get(date)?.find((p) => !used.has(p.id) && fits(t, p)) ?? null
    while (head < pool.length && used.has(pool[head]!.id)) head++
    for (let i = head, looked = 0; i < pool.length && looked < 400; i++) {
      const p = pool[i]!
      if (used.has(p.id) || p.progress !== 'inProcess') continue
      looked++
      if (fits(t, p)) return p
    }
    return null
  }

  for (const day of days) {
    const date = day.toISODate()!
    const past = day.plus({ days: 1 }).toMillis() <= todayStart
    for (const t of techs) {
      const hours = holidays.has(date) ? null : workingDay(t.cal, date)
      if (!hours) continue
      const [open, close] = hours
      const target = (close - open) * (0.6 + rnd.next() * 0.1)
      let cursor = quarterUp(open + rnd.int(0, 2) * QUARTER)
      let booked = 0
      while (booked < target) {
        const p = next(t, date, past)
        if (!p) break
        const visit = Math.min(p.minutes, MAX_VISIT_MINUTES)
        const end = cursor + visit * MINUTE
        if (end > close) break
        book(t, p, cursor, end, date)
        if (visit < p.minutes) {
          const list = followUps.get(t.id) ?? []
          list.push({ p: { ...p, minutes: p.minutes - visit }, after: date })
          followUps.set(t.id, list)
        }
        booked += end - cursor
        // Travel to the next site.
        cursor = quarterUp(end + rnd.int(1, 2) * QUARTER)
      }
    }
  }

  counts.conflicts = addConflicts(s, { techs, spares, days, now: o.now, fits, book })
  return counts
}

interface ConflictContext {
  techs: Tech[]
  spares: PoolOrder[]
  days: DateTime[]
  now: number
  fits: (t: Tech, p: PoolOrder) => boolean
  book: (t: Tech, p: PoolOrder, start: number, end: number, date: string) => void
}

/** Three planning mistakes on days still ahead, for the conflicts panel: an overlap, a missing skill, work after hours. */
function addConflicts(s: Sqlite, c: ConflictContext): number {
  // The last working day of the week still ahead (today included), so that they are on the board and can be fixed.
  const ahead = c.days.filter((d) => d.plus({ days: 1 }).toMillis() > c.now)
  const day = ahead.length > 0 ? ahead[ahead.length - 1]! : c.days[0]!.plus({ weeks: 1 })
  const date = day.toISODate()!
  const [overlapping, late, unqualified] = c.spares
  let made = 0

  // Overlap: a second visit starting inside a visit still ahead that day.
  const first = s
    .prepare('select worker_id as workerId, start from order_assignments where start >= ? and start < ? order by start, id limit 1')
    .get(Math.max(c.now, day.toMillis()), day.plus({ days: 1 }).toMillis()) as { workerId: number; start: number } | undefined
  const busy = first && c.techs.find((t) => t.id === first.workerId)
  if (first && busy && overlapping) {
    c.book(busy, overlapping, first.start + 30 * MINUTE, first.start + 30 * MINUTE + overlapping.minutes * MINUTE, date)
    made++
  }
  // Missing skill: work given to a technician who lacks a skill it needs, after their last visit of the day.
  const tech = unqualified && c.techs.find((t) => !c.fits(t, unqualified))
  if (unqualified && tech) {
    const last = s
      .prepare('select max("end") as e from order_assignments where worker_id = ? and start >= ? and start < ?')
      .get(tech.id, day.toMillis(), day.plus({ days: 1 }).toMillis()) as { e: number | null }
    const start = quarterUp(Math.max(c.now, last.e ?? day.set({ hour: 9 }).toMillis()) + QUARTER)
    c.book(tech, unqualified, start, start + 45 * MINUTE, date)
    made++
  }
  // After hours: a visit at 18:00 (the skills fit, so only the time is wrong).
  const lateTech = late && (c.techs.find((t) => c.fits(t, late) && t !== busy) ?? null)
  if (late && lateTech) {
    const start = day.set({ hour: 18 }).toMillis()
    c.book(lateTech, late, start, start + 90 * MINUTE, date)
    made++
  }
  return made
}
