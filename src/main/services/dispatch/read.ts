/**
 * What every dispatch read needs: the technicians with their calendars, the order summary a card and a tray
 * row show, and the cards themselves. Set-based: each loader is one prepared statement over a list of ids
 * (bound as a JSON array and read with json_each), never a query per card.
 */
import type { BusinessCalendar } from '@shared/calendar'
import type { BoardAssignment, BoardTechnician as ConflictTechnician, Conflict } from '@shared/dispatch/conflicts'
import { conflictsOfPlacement } from '@shared/dispatch/conflicts'
import { type CardTravel, type TravelHome, type TravelStop, travelAndConflicts } from '@shared/dispatch/travel'
import type { GeoPoint, Place } from '@shared/planner/travel'
import type { AssignmentStatus, BoardCard, BoardTechnician } from '@shared/domain/dispatch'
import type { WeekHours } from '@shared/domain/masterdata'
import type { Priority, Progress } from '@shared/domain/orders'
import { isFinishedOrder } from '@shared/domain/lifecycle'
import type { SlaBadge } from '@shared/domain/sla'
import type { Settings } from '@shared/domain/system'
import { dateOf, dayEnd, dayStart } from '@shared/time'
import type Database from 'better-sqlite3'
import type { Sqlite } from '../../db/connection'
import { travelModelOf } from '../settings/travel'
import { slaBadgesFor } from '../sla/hooks'
import { finishedStages } from '../lifecycle/rules'
import type { ServiceContext } from '../core/context'

export const DAY = 86_400_000
/**
 * The longest booking. Reads find the cards touching a range through the start index from
 * `from − MAX_SPAN`, so a longer card would be missed; assign and move refuse one.
 */
export const MAX_SPAN_DAYS = 14
export const MAX_SPAN = MAX_SPAN_DAYS * DAY

/* ---------- prepared statements, one set per database connection ---------- */

type StatementName =
  | 'technicians'
  | 'workersById'
  | 'skillsOf'
  | 'teams'
  | 'skills'
  | 'cardsInRange'
  | 'cardsOfWorker'
  | 'cardsByIds'
  | 'summaries'
  | 'orderTasks'
  | 'tasks'
  | 'taskSkills'
  | 'hourMinutes'
  | 'taskMinutes'
type Statements = Record<StatementName, Database.Statement<unknown[]>>

function statements(s: Sqlite): Statements {
  const ids = 'select value from json_each(?)'
  return {
    technicians: s.prepare(
      `select w.id, w.number, w.name, w.team_id as teamId, w.roles, w.working_hours as workingHours, w.active, w.phone,
       w.home_base as homeBase, w.home_latitude as homeLatitude, w.home_longitude as homeLongitude
       from workers w
       where (w.active = 1 and exists (select 1 from json_each(w.roles) r where r.value = 'technician')) or w.id in (${ids})`
    ),
    workersById: s.prepare(
      `select w.id, w.number, w.name, w.team_id as teamId, w.roles, w.working_hours as workingHours, w.active, w.phone,
       w.home_base as homeBase, w.home_latitude as homeLatitude, w.home_longitude as homeLongitude from workers w where w.id in (${ids})`
    ),
    skillsOf: s.prepare(`select worker_id as workerId, skill_id as skillId from worker_skills where worker_id in (${ids})`),
    teams: s.prepare('select id, name from dispatch_teams order by name, id'),
    skills: s.prepare('select id, name from skills order by name, id'),
    cardsInRange: s.prepare(`${CARD_SELECT} where a.start >= ? and a.start < ? and a."end" > ?`).raw(true),
    cardsOfWorker: s.prepare(`${CARD_SELECT} where a.worker_id = ? and a.start >= ? and a.start < ? and a."end" > ?`).raw(true),
    cardsByIds: s.prepare(`${CARD_SELECT} where a.id in (${ids})`).raw(true),
    // Arrays, not objects, for the two statements a week reads thousands of rows from: measurably faster.
    summaries: s.prepare(`${SUMMARY_SELECT} where o.id in (${ids})`).raw(true),
    // The task catalogue is small: read whole and joined in memory, so the orders' tasks are one narrow read.
    orderTasks: s.prepare(`select order_id, service_task_id from service_order_tasks where order_id in (${ids})`).raw(true),
    tasks: s.prepare('select id, name from service_tasks').raw(true),
    taskSkills: s.prepare('select task_id, skill_id from service_task_skills').raw(true),
    hourMinutes: s.prepare(
      `select order_id as orderId, sum(quantity) as q from service_order_lines
       where order_id in (${ids}) and type = 'hour' and status = 'created' group by order_id`
    ),
    taskMinutes: s.prepare(
      `select ot.order_id as orderId, sum(t.default_duration_minutes) as m from service_order_tasks ot
       join service_tasks t on t.id = ot.service_task_id where ot.order_id in (${ids}) group by ot.order_id`
    )
  }
}

const ADDRESS = `coalesce(cs.street || ', ' || cs.city, o.one_time_address)`

const SUMMARY_COLUMNS = `o.id as orderId, o.number as orderNumber, o.version as orderVersion, o.priority, st.name as stageName,
  c.name as customerName, ${ADDRESS} as address, o.description, o.requested_start as requestedStart, o.requested_end as requestedEnd,
  o.progress, o.stage_id as stageId, o.site_id as siteId, cs.city, cs.latitude, cs.longitude`

const SUMMARY_JOINS = `join customers c on c.id = o.customer_id join service_stages st on st.id = o.stage_id
  left join customer_sites cs on cs.id = o.site_id`

const SUMMARY_SELECT = `select ${SUMMARY_COLUMNS} from service_orders o ${SUMMARY_JOINS}`

// Cards read the assignments alone (through the start index); the orders' summaries follow once per order,
// not once per card (a week of 5,000 cards covers about 3,000 orders).
const CARD_SELECT = `select a.id, a.version, a.worker_id as workerId, a.start, a."end", a.status, a.dispatched_at as dispatchedAt,
  a.actual_start as actualStart, a.actual_end as actualEnd, a.note, a.order_id from order_assignments a`

const prepared = new WeakMap<Sqlite, Statements>()

export function stmts(ctx: ServiceContext): Statements {
  const s = ctx.conn.sqlite
  let p = prepared.get(s)
  if (!p) prepared.set(s, (p = statements(s)))
  return p
}

const json = (ids: Iterable<number>): string => JSON.stringify([...ids])

/* ---------- technicians and calendars ---------- */

const pointOf = (lat: number | null, lon: number | null): GeoPoint | null => (lat === null || lon === null ? null : { lat, lon })

interface WorkerRaw {
  id: number
  number: string
  name: string
  teamId: number | null
  roles: string
  workingHours: string | null
  active: number
  phone: string
  homeBase: string
  homeLatitude: number | null
  homeLongitude: number | null
}

export interface Technician extends Omit<BoardTechnician, 'unavailable'> {
  phone: string
  calendar: BusinessCalendar
  /** Where the day starts and ends; null when neither an address nor coordinates are entered. */
  home: TravelHome | null
}

/**
 * One calendar object per distinct week: the calendar module caches each day's working interval per object,
 * so the technicians on the company's hours share one warm cache.
 */
export class Calendars {
  private readonly holidays: ReadonlySet<string>
  private readonly company: BusinessCalendar
  private readonly own = new Map<string, BusinessCalendar>()

  constructor(readonly settings: Settings) {
    this.holidays = new Set(settings.holidays.map((h) => h.date))
    this.company = { timeZone: settings.timeZone, week: settings.workingHours, holidays: this.holidays }
  }

  of(week: WeekHours | null): BusinessCalendar {
    if (week === null) return this.company
    const key = JSON.stringify(week)
    let cal = this.own.get(key)
    if (!cal) this.own.set(key, (cal = { timeZone: this.settings.timeZone, week, holidays: this.holidays }))
    return cal
  }
}

function toTechnicians(ctx: ServiceContext, rows: WorkerRaw[], calendars: Calendars): Technician[] {
  const skills = new Map<number, number[]>()
  for (const r of stmts(ctx).skillsOf.all(json(rows.map((w) => w.id))) as { workerId: number; skillId: number }[]) {
    const list = skills.get(r.workerId)
    if (list) list.push(r.skillId)
    else skills.set(r.workerId, [r.skillId])
  }
  return rows.map((w) => {
    const own = w.workingHours === null ? null : (JSON.parse(w.workingHours) as WeekHours)
    const calendar = calendars.of(own)
    return {
      id: w.id,
      number: w.number,
      name: w.name,
      teamId: w.teamId,
      roles: JSON.parse(w.roles) as string[],
      skillIds: (skills.get(w.id) ?? []).sort((a, b) => a - b),
      workingHours: calendar.week,
      active: w.active === 1,
      phone: w.phone,
      calendar,
      home:
        w.homeLatitude === null && w.homeBase === ''
          ? null
          : {
              place: { id: `home:${w.id}`, point: pointOf(w.homeLatitude, w.homeLongitude) },
              label: w.homeBase
            },
      homeLatitude: w.homeLatitude,
      homeLongitude: w.homeLongitude
    }
  })
}

/** Active technicians plus the workers named in `alsoIds` (whoever holds cards, technician or not). */
export function loadTechnicians(ctx: ServiceContext, calendars: Calendars, alsoIds: Iterable<number> = []): Technician[] {
  return toTechnicians(ctx, stmts(ctx).technicians.all(json(alsoIds)) as WorkerRaw[], calendars)
}

export function loadWorkers(ctx: ServiceContext, calendars: Calendars, ids: Iterable<number>): Technician[] {
  return toTechnicians(ctx, stmts(ctx).workersById.all(json(ids)) as WorkerRaw[], calendars)
}

export function conflictTechnicians(techs: readonly Technician[]): Map<number, ConflictTechnician> {
  return new Map(techs.map((t) => [t.id, t]))
}

/* ---------- orders ---------- */

export interface OrderSummary {
  orderId: number
  orderNumber: string
  orderVersion: number
  priority: Priority
  stageName: string
  customerName: string
  address: string
  description: string
  taskNames: string
  requiredSkillIds: number[]
  requestedStart: number | null
  requestedEnd: number | null
  sla: SlaBadge | null
  /** Finished, posted or cancelled (ADR 0017). */
  orderFinished: boolean
  siteId: number | null
  city: string | null
  latitude: number | null
  longitude: number | null
}

/** Task names, required skills (the union over the order's tasks) and SLA badges of many orders. */
export interface OrderExtras {
  taskNames: Map<number, string>
  skills: Map<number, number[]>
  sla: Map<number, SlaBadge>
  finishedStages: ReadonlySet<number>
}

export function loadOrderExtras(ctx: ServiceContext, orderIds: readonly number[], now: number): OrderExtras {
  const s = stmts(ctx)
  const taskName = new Map((s.tasks.all() as [number, string][]).map(([id, name]) => [id, name]))
  const taskSkills = new Map<number, number[]>()
  for (const [task, skill] of s.taskSkills.all() as [number, number][]) {
    const list = taskSkills.get(task)
    if (list) list.push(skill)
    else taskSkills.set(task, [skill])
  }
  const tasksOf = new Map<number, number[]>()
  for (const [order, task] of s.orderTasks.all(json(orderIds)) as [number, number][]) {
    const list = tasksOf.get(order)
    if (list) list.push(task)
    else tasksOf.set(order, [task])
  }
  // An order of one task (nearly all) takes the task's name and its sorted skills as they are, shared between
  // orders: a week's 3,000 orders then build no strings or arrays of their own here.
  const skillsOfTask = new Map<number, number[]>()
  for (const [task, list] of taskSkills)
    skillsOfTask.set(
      task,
      [...new Set(list)].sort((a, b) => a - b)
    )
  const taskNames = new Map<number, string>()
  const skills = new Map<number, number[]>()
  for (const [order, tasks] of tasksOf) {
    if (tasks.length === 1) {
      taskNames.set(order, taskName.get(tasks[0]!)!)
      const required = skillsOfTask.get(tasks[0]!)
      if (required) skills.set(order, required)
      continue
    }
    taskNames.set(
      order,
      tasks
        .map((t) => taskName.get(t)!)
        .sort()
        .join(', ')
    )
    const required = new Set(tasks.flatMap((t) => taskSkills.get(t) ?? []))
    if (required.size > 0)
      skills.set(
        order,
        [...required].sort((a, b) => a - b)
      )
  }
  return { taskNames, skills, sla: slaBadgesFor(ctx.db, orderIds, now), finishedStages: finishedStages(ctx.db) }
}

/** Field by field rather than by spreading: a week builds thousands of these and spreading rows is several times slower. */
function summaryOf(r: unknown[], x: OrderExtras): OrderSummary {
  const orderId = r[0] as number
  return {
    orderId,
    orderNumber: r[1] as string,
    orderVersion: r[2] as number,
    priority: r[3] as Priority,
    stageName: r[4] as string,
    customerName: r[5] as string,
    address: r[6] as string,
    description: r[7] as string,
    taskNames: x.taskNames.get(orderId) ?? '',
    requiredSkillIds: x.skills.get(orderId) ?? [],
    requestedStart: r[8] as number | null,
    requestedEnd: r[9] as number | null,
    sla: x.sla.get(orderId) ?? null,
    orderFinished: isFinishedOrder({ progress: r[10] as Progress, stageId: r[11] as number }, x.finishedStages),
    siteId: r[12] as number | null,
    city: r[13] as string | null,
    latitude: r[14] as number | null,
    longitude: r[15] as number | null
  }
}

export function loadSummaries(ctx: ServiceContext, orderIds: readonly number[], now: number): Map<number, OrderSummary> {
  const rows = stmts(ctx).summaries.all(json(orderIds)) as unknown[][]
  const extras = loadOrderExtras(ctx, orderIds, now)
  return new Map(rows.map((r) => [r[0] as number, summaryOf(r, extras)]))
}

/**
 * The estimated duration of each order in minutes: its open hour lines (quantity in thousandths of an hour),
 * else its tasks' default durations, else an hour.
 */
export function loadDurations(ctx: ServiceContext, orderIds: readonly number[]): Map<number, number> {
  const ids = json(orderIds)
  const s = stmts(ctx)
  const hours = new Map((s.hourMinutes.all(ids) as { orderId: number; q: number }[]).map((r) => [r.orderId, Math.round((r.q * 60) / 1000)]))
  const tasks = new Map((s.taskMinutes.all(ids) as { orderId: number; m: number }[]).map((r) => [r.orderId, r.m]))
  return new Map(orderIds.map((id) => [id, positive(hours.get(id)) ?? positive(tasks.get(id)) ?? 60]))
}

const positive = (n: number | undefined): number | undefined => (n !== undefined && n > 0 ? n : undefined)

/* ---------- cards ---------- */

export type Card = Omit<BoardCard, 'conflicts' | 'travel'>

// Shared placeholders of a card read before its conflicts and legs are known: replaced, never mutated.
const NO_CONFLICTS: Conflict[] = []
const NO_TRAVEL: CardTravel = { before: null, after: null }

/**
 * Rows of CARD_SELECT, in its column order (the order id last). Each card is built in one literal, field by
 * field and with its board-only fields already there (empty): spreading the summary into 5,000 cards and adding
 * fields afterwards changed every object's shape and was a tenth of the week's read (ADR 0006).
 */
function toCards(ctx: ServiceContext, rows: unknown[][], now: number): Card[] {
  const summaries = loadSummaries(ctx, [...new Set(rows.map((r) => r[10] as number))], now)
  return rows.map((r): BoardCard => {
    const status = r[5] as AssignmentStatus
    const o = summaries.get(r[10] as number)!
    return {
      id: r[0] as number,
      version: r[1] as number,
      workerId: r[2] as number,
      start: r[3] as number,
      end: r[4] as number,
      status,
      dispatchedAt: r[6] as number | null,
      actualStart: r[7] as number | null,
      actualEnd: r[8] as number | null,
      note: r[9] as string,
      orderId: o.orderId,
      orderNumber: o.orderNumber,
      orderVersion: o.orderVersion,
      priority: o.priority,
      stageName: o.stageName,
      customerName: o.customerName,
      address: o.address,
      description: o.description,
      taskNames: o.taskNames,
      requiredSkillIds: o.requiredSkillIds,
      requestedStart: o.requestedStart,
      requestedEnd: o.requestedEnd,
      sla: o.sla,
      orderFinished: o.orderFinished,
      siteId: o.siteId,
      city: o.city,
      latitude: o.latitude,
      longitude: o.longitude,
      // A done visit, or any visit of finished work: muted, read-only, outside capacity and conflicts.
      finished: status === 'done' || o.orderFinished,
      conflicts: NO_CONFLICTS,
      travel: NO_TRAVEL
    }
  })
}

/** Cards touching [from, to), optionally of one worker. */
export function loadCards(ctx: ServiceContext, from: number, to: number, now: number, workerId: number | null = null): Card[] {
  const s = stmts(ctx)
  const rows = (
    workerId === null ? s.cardsInRange.all(from - MAX_SPAN, to, from) : s.cardsOfWorker.all(workerId, from - MAX_SPAN, to, from)
  ) as unknown[][]
  return toCards(ctx, rows, now)
}

export function loadCard(ctx: ServiceContext, id: number, now: number): Card | undefined {
  return toCards(ctx, stmts(ctx).cardsByIds.all(json([id])) as unknown[][], now)[0]
}

/** A badge's deadline is the visit's when it is for arrival or resolution (a response is met by dispatching). */
function slaDeadline(c: Card): number | null {
  const b = c.sla
  return b && (b.target === 'arrival' || b.target === 'resolution') && b.state === 'running' ? b.deadline : null
}

export function asAssignment(c: Card): BoardAssignment {
  return {
    id: c.id,
    orderId: c.orderId,
    orderNumber: c.orderNumber,
    workerId: c.workerId,
    start: c.start,
    end: c.end,
    requiredSkillIds: c.requiredSkillIds,
    requestedStart: c.requestedStart,
    requestedEnd: c.requestedEnd,
    slaDeadline: slaDeadline(c)
  }
}

export const skillNameMap = (ctx: ServiceContext): Map<number, string> =>
  new Map((stmts(ctx).skills.all() as { id: number; name: string }[]).map((s) => [s.id, s.name]))

/* ---------- travel ---------- */

/** Where an order's work is: its site (a one-time address has no point, and `key` keeps it apart from others). */
export function placeOf(o: Pick<OrderSummary, 'siteId' | 'latitude' | 'longitude'>, key: string): Place {
  return { id: o.siteId === null ? key : `site:${o.siteId}`, point: pointOf(o.latitude, o.longitude) }
}

/**
 * A card as a stop of its technician's day; a one-time address has no point and so no legs. `sites` shares
 * one place per site between the cards of a read (a week has 5,000 cards on about 3,000 sites).
 */
export function travelStop(c: Card, sites?: Map<number, Place>): TravelStop {
  let place = c.siteId === null ? undefined : sites?.get(c.siteId)
  if (!place) {
    place = placeOf(c, `card:${c.id}`)
    if (c.siteId !== null) sites?.set(c.siteId, place)
  }
  return {
    id: c.id,
    workerId: c.workerId,
    orderNumber: c.orderNumber,
    start: c.start,
    end: c.end,
    place,
    label: c.address,
    finished: c.finished
  }
}

export function homesOf(techs: readonly Technician[]): Map<number, TravelHome> {
  const homes = new Map<number, TravelHome>()
  for (const t of techs) if (t.home) homes.set(t.id, t.home)
  return homes
}

/** The legs of the cards (whole technician days) and the travel conflicts they raise (ADR 0029). */
export function cardsTravel(
  cards: readonly Card[],
  techs: readonly Technician[],
  settings: Settings
): { legs: Map<number, CardTravel>; conflicts: Map<number, Conflict> } {
  const sites = new Map<number, Place>()
  return travelAndConflicts(
    cards.map((c) => travelStop(c, sites)),
    homesOf(techs),
    travelModelOf(settings),
    settings.timeZone
  )
}

/** A card's conflicts with the travel one in its place by severity (after overlaps, before the rest). */
export function withTravelConflict(conflicts: Conflict[], travel: Conflict | undefined): Conflict[] {
  if (!travel) return conflicts
  const at = conflicts.findIndex((c) => c.kind !== 'overlap')
  return at < 0 ? [...conflicts, travel] : [...conflicts.slice(0, at), travel, ...conflicts.slice(at)]
}

/**
 * One card with its conflicts and legs against the same technician's other cards over the days it spans
 * (what a mutation answers: the board merges it without reloading the week).
 */
export function cardWithConflicts(ctx: ServiceContext, calendars: Calendars, id: number): BoardCard {
  const now = ctx.now()
  const card = loadCard(ctx, id, now)!
  const tz = calendars.settings.timeZone
  const from = dayStart(dateOf(card.start, tz), tz)
  const to = dayEnd(dateOf(card.end - 1, tz), tz)
  const day = loadCards(ctx, from, to, now, card.workerId)
  const workers = loadWorkers(ctx, calendars, [card.workerId])
  const travel = cardsTravel(day, workers, calendars.settings)
  const legs = travel.legs.get(card.id) ?? NO_TRAVEL
  if (card.finished) return { ...card, conflicts: [], travel: legs }
  const others = day.filter((c) => !c.finished)
  const techs = conflictTechnicians(workers)
  const conflicts: Conflict[] = conflictsOfPlacement(asAssignment(card), others.map(asAssignment), techs, {
    skillNames: skillNameMap(ctx)
  })
  return { ...card, conflicts: withTravelConflict(conflicts, travel.conflicts.get(card.id)), travel: legs }
}
