/**
 * Conflict detection for the dispatch board: what is wrong with each card (assignment) — double
 * booking, time outside the technician's calendar, requested window, skills, SLA, and the worker itself.
 * Pure: the board runs it on every change and the server runs it before saving a placement.
 */
import { DateTime } from 'luxon'
import { type BusinessCalendar, type Interval, isHoliday, isInsideWorkingTime, workingDay } from '../calendar'
import { weekday } from '../recurrence'
import { dayStart } from '../time'

export const CONFLICT_KINDS = [
  'overlap',
  'outsideHours',
  'holiday',
  'outsideRequested',
  'missingSkill',
  'slaMiss',
  'notTechnician',
  'inactive'
] as const
export type ConflictKind = (typeof CONFLICT_KINDS)[number]

export interface Conflict {
  kind: ConflictKind
  message: string
  otherAssignmentId?: number
}

export interface BoardTechnician {
  id: number
  name: string
  roles: readonly string[]
  active: boolean
  skillIds: readonly number[]
  /** The technician's own hours, or the company's. */
  calendar: BusinessCalendar
}

export interface BoardAssignment {
  id: number
  orderId: number
  orderNumber: string
  workerId: number
  /** UTC epoch ms; `end` exclusive. */
  start: number
  end: number
  requiredSkillIds: readonly number[]
  /** Either bound may be null: open on that side. */
  requestedStart: number | null
  requestedEnd: number | null
  /** The resolution/arrival deadline that this visit must finish by. */
  slaDeadline: number | null
}

export interface ConflictOptions {
  skillNames?: ReadonlyMap<number, string>
  /** For messages about a worker missing from `technicians` (no calendar to take a zone from). Default UTC. */
  timeZone?: string
}

const DAY = 86_400_000
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/*
 * Luxon costs microseconds per call, which at 5,000 cards is the whole budget, so each zone's local
 * midnights are looked up once per day and instants are then placed and formatted with plain arithmetic.
 * These are facts of the time-zone database and are kept across calls; calendars are caller data and
 * are only memoized per call.
 */
const midnights = new Map<string, Map<number, number>>()
const MAX_CACHED_DAYS = 50_000

/** Local midnight of the day whose calendar date, read as UTC, is day number `n`. */
function midnight(timeZone: string, n: number): number {
  let zone = midnights.get(timeZone)
  if (!zone) midnights.set(timeZone, (zone = new Map()))
  let start = zone.get(n)
  if (start === undefined) {
    if (zone.size >= MAX_CACHED_DAYS) zone.clear()
    zone.set(n, (start = dayStart(isoOfDayNumber(n), timeZone)))
  }
  return start
}

/** The local day number of an instant. Real offsets are within ±14 h: the UTC day or a neighbour. */
function localDay(ms: number, timeZone: string): number {
  const n = Math.floor(ms / DAY)
  if (midnight(timeZone, n + 1) <= ms) return n + 1
  return midnight(timeZone, n) <= ms ? n : n - 1
}

const isoCache = new Map<number, string>()
function isoOfDayNumber(n: number): string {
  let iso = isoCache.get(n)
  if (iso === undefined) {
    iso = new Date(n * DAY).toISOString().slice(0, 10)
    if (isoCache.size >= MAX_CACHED_DAYS) isoCache.clear()
    isoCache.set(n, iso)
  }
  return iso
}

function localDate(ms: number, timeZone: string): string {
  return isoOfDayNumber(localDay(ms, timeZone))
}

/** "HH:mm" on the zone's wall clock. */
function clock(ms: number, timeZone: string): string {
  const n = localDay(ms, timeZone)
  const start = midnight(timeZone, n)
  // A 24-hour day has no offset change inside it, so the wall clock is the time since midnight.
  if (midnight(timeZone, n + 1) - start !== DAY) return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('HH:mm')
  const minute = Math.floor((ms - start) / 60_000)
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}

interface DayFacts {
  working: Interval | null
  holiday: boolean
}

/** Per-call memo of the calendars' days. */
class CalendarLookup {
  private readonly days = new Map<BusinessCalendar, Map<string, DayFacts>>()

  day(cal: BusinessCalendar, date: string): DayFacts {
    let byDate = this.days.get(cal)
    if (!byDate) this.days.set(cal, (byDate = new Map()))
    let day = byDate.get(date)
    if (!day) byDate.set(date, (day = { working: workingDay(cal, date), holiday: isHoliday(cal, date) }))
    return day
  }
}

function when(ms: number, timeZone: string, refDate: string): string {
  const date = localDate(ms, timeZone)
  const time = clock(ms, timeZone)
  return date === refDate ? time : `${date.slice(8, 10)}.${date.slice(5, 7)} ${time}`
}

function span(start: number, end: number, timeZone: string, refDate: string): string {
  const a = when(start, timeZone, refDate)
  // The end names its date only when it differs from the start's, so "23:00–01:00" reads "23:00–29.11 01:00".
  const b = when(end, timeZone, localDate(start, timeZone))
  return `${a}–${b}`
}

function intersects(a: BoardAssignment, b: BoardAssignment): boolean {
  return a.start < b.end && b.start < a.end
}

function overlapConflict(other: BoardAssignment, timeZone: string, refDate: string): Conflict {
  return {
    kind: 'overlap',
    message: `Overlaps ${other.orderNumber} (${span(other.start, other.end, timeZone, refDate)})`,
    otherAssignmentId: other.id
  }
}

function skillLabel(id: number, skillNames: ReadonlyMap<number, string> | undefined): string {
  return skillNames?.get(id) ?? `#${id}`
}

/** Everything about one card except overlaps: it needs only the card and its technician. */
function cardConflicts(
  a: BoardAssignment,
  tech: BoardTechnician | undefined,
  options: ConflictOptions | undefined,
  lookup: CalendarLookup
): Conflict[] {
  const out: Conflict[] = []
  if (!tech) {
    out.push({ kind: 'notTechnician', message: 'Unknown worker' })
    return out
  }
  const cal = tech.calendar
  const tz = cal.timeZone
  const date = localDate(a.start, tz)
  const day = lookup.day(cal, date)

  if (day.holiday) {
    out.push({ kind: 'holiday', message: `Starts on a holiday (${date.slice(8, 10)}.${date.slice(5, 7)})` })
  } else {
    const w = day.working
    if (!isInsideWorkingTime(cal, a.start, a.end)) {
      const hours = w === null ? `closed on ${WEEKDAY_NAMES[weekday(date)]}` : `${clock(w[0], tz)}–${clock(w[1], tz)}`
      out.push({ kind: 'outsideHours', message: `Outside working hours (${hours})` })
    }
  }

  const early = a.requestedStart !== null && a.start < a.requestedStart
  const late = a.requestedEnd !== null && a.end > a.requestedEnd
  if (early || late) {
    const rs = a.requestedStart
    const re = a.requestedEnd
    const window =
      rs !== null && re !== null ? span(rs, re, tz, date) : rs !== null ? `from ${when(rs, tz, date)}` : `until ${when(re!, tz, date)}`
    out.push({ kind: 'outsideRequested', message: `Outside the requested time (${window})` })
  }

  if (a.requiredSkillIds.length > 0) {
    const missing = a.requiredSkillIds.filter((id) => !tech.skillIds.includes(id))
    if (missing.length > 0) {
      const names = missing.map((id) => skillLabel(id, options?.skillNames)).join(', ')
      out.push({
        kind: 'missingSkill',
        message: missing.length === 1 ? `Missing skill: ${names}` : `Missing ${missing.length} skills: ${names}`
      })
    }
  }

  if (a.slaDeadline !== null && a.end > a.slaDeadline) {
    out.push({ kind: 'slaMiss', message: `Finishes after the SLA deadline ${when(a.slaDeadline, tz, date)}` })
  }
  if (!tech.roles.includes('technician')) out.push({ kind: 'notTechnician', message: `${tech.name} is not a technician` })
  if (!tech.active) out.push({ kind: 'inactive', message: `${tech.name} is inactive` })
  return out
}

/**
 * Conflicts of each assignment, keyed by assignment id (only ids with at least one conflict), overlaps
 * first. Overlap: same worker and the intervals intersect (end == start touches, it does not overlap);
 * both cards name each other. A worker missing from `technicians` gets 'notTechnician' ("Unknown worker").
 */
export function detectConflicts(
  assignments: readonly BoardAssignment[],
  technicians: ReadonlyMap<number, BoardTechnician>,
  options?: ConflictOptions
): Map<number, Conflict[]> {
  const lookup = new CalendarLookup()
  const fallbackZone = options?.timeZone ?? 'UTC'
  const result = new Map<number, Conflict[]>()
  const add = (id: number, c: Conflict): void => {
    const list = result.get(id)
    if (list) list.push(c)
    else result.set(id, [c])
  }

  const byWorker = new Map<number, BoardAssignment[]>()
  for (const a of assignments) {
    const list = byWorker.get(a.workerId)
    if (list) list.push(a)
    else byWorker.set(a.workerId, [a])
  }

  for (const [workerId, list] of byWorker) {
    const tz = technicians.get(workerId)?.calendar.timeZone ?? fallbackZone
    list.sort((x, y) => x.start - y.start || x.end - y.end || x.id - y.id)
    // Sweep: `open` holds the earlier cards still running at the current start; anything that ended
    // by then can never meet a later card, so the work is the number of overlaps, not n².
    let open: BoardAssignment[] = []
    for (const a of list) {
      if (open.some((o) => o.end <= a.start)) open = open.filter((o) => o.end > a.start)
      for (const o of open) {
        // Both tests: a zero-length card at another's start has end == start and must not count.
        if (!intersects(o, a)) continue
        add(o.id, overlapConflict(a, tz, localDate(o.start, tz)))
        add(a.id, overlapConflict(o, tz, localDate(a.start, tz)))
      }
      open.push(a)
    }
  }

  for (const a of assignments) {
    for (const c of cardConflicts(a, technicians.get(a.workerId), options, lookup)) add(a.id, c)
  }
  return result
}

/**
 * The conflicts a proposed placement would have against the other assignments (for the drop preview and
 * the server's check before saving). An entry in `others` with the placement's own id is its saved
 * version being moved and is ignored.
 */
export function conflictsOfPlacement(
  placement: BoardAssignment,
  others: readonly BoardAssignment[],
  technicians: ReadonlyMap<number, BoardTechnician>,
  options?: ConflictOptions
): Conflict[] {
  const lookup = new CalendarLookup()
  const tech = technicians.get(placement.workerId)
  const tz = tech?.calendar.timeZone ?? options?.timeZone ?? 'UTC'
  const date = localDate(placement.start, tz)
  const overlaps = others
    .filter((o) => o.id !== placement.id && o.workerId === placement.workerId && intersects(o, placement))
    .sort((x, y) => x.start - y.start || x.id - y.id)
    .map((o) => overlapConflict(o, tz, date))
  return [...overlaps, ...cardConflicts(placement, tech, options, lookup)]
}
