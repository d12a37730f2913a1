/**
 * Conflict detection for the dispatch board: what is wrong with each card (assignment) — double
 * booking, time outside the technician's calendar, requested window, skills, SLA, and the worker itself.
 * Pure: the board runs it on every change and the server runs it before saving a placement.
 */
import { type BusinessCalendar, type Interval, isHoliday, isInsideWorkingTime, workingDay } from '../calendar'
import { dayStart } from '../time'

/** In order of severity: the conflicts of a card are listed in this order. */
export const CONFLICT_KINDS = [
  'overlap',
  'travel',
  'outsideHours',
  'holiday',
  'outsideRequested',
  'missingSkill',
  'slaMiss',
  'notTechnician',
  'inactive'
] as const
export type ConflictKind = (typeof CONFLICT_KINDS)[number]

/**
 * What a conflict says, as a key of the `dispatch.conflicts` catalogue: the text is made where it is read,
 * in the reader's language (`dispatchText`). Several codes share a kind ('unknownWorker' is a 'notTechnician').
 */
export const CONFLICT_CODES = [
  'dispatch.conflicts.overlap',
  'dispatch.conflicts.travel',
  'dispatch.conflicts.unknownWorker',
  'dispatch.conflicts.holiday',
  'dispatch.conflicts.outsideHours',
  'dispatch.conflicts.closedDay',
  'dispatch.conflicts.outsideRequested',
  'dispatch.conflicts.outsideRequestedFrom',
  'dispatch.conflicts.outsideRequestedUntil',
  'dispatch.conflicts.missingSkill',
  'dispatch.conflicts.slaMiss',
  'dispatch.conflicts.notTechnician',
  'dispatch.conflicts.inactive'
] as const
export type ConflictCode = (typeof CONFLICT_CODES)[number]

/** A message's parameters: instants as epoch ms, names as strings. */
export type DispatchParams = Record<string, string | number>

export interface Conflict {
  kind: ConflictKind
  code: ConflictCode
  /**
   * Instants (epoch ms) and names. `ref` is the start of the card the conflict is about: a time on
   * another day than `ref`'s names its date.
   */
  params: DispatchParams
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
}

const DAY = 86_400_000

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

/** The calendar date (YYYY-MM-DD) of an instant in a time zone, cached per day. */
export function localDate(ms: number, timeZone: string): string {
  return isoOfDayNumber(localDay(ms, timeZone))
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

function intersects(a: BoardAssignment, b: BoardAssignment): boolean {
  return a.start < b.end && b.start < a.end
}

/** `other` as seen from the card that starts at `ref`. */
function overlapConflict(other: BoardAssignment, ref: number): Conflict {
  return {
    kind: 'overlap',
    code: 'dispatch.conflicts.overlap',
    params: { order: other.orderNumber, start: other.start, end: other.end, ref },
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
    out.push({ kind: 'notTechnician', code: 'dispatch.conflicts.unknownWorker', params: {} })
    return out
  }
  const cal = tech.calendar
  const tz = cal.timeZone
  const date = localDate(a.start, tz)
  const day = lookup.day(cal, date)

  if (day.holiday) {
    out.push({ kind: 'holiday', code: 'dispatch.conflicts.holiday', params: { at: a.start } })
  } else {
    const w = day.working
    if (!isInsideWorkingTime(cal, a.start, a.end)) {
      out.push(
        w === null
          ? { kind: 'outsideHours', code: 'dispatch.conflicts.closedDay', params: { at: a.start } }
          : { kind: 'outsideHours', code: 'dispatch.conflicts.outsideHours', params: { from: w[0], to: w[1] } }
      )
    }
  }

  const early = a.requestedStart !== null && a.start < a.requestedStart
  const late = a.requestedEnd !== null && a.end > a.requestedEnd
  if (early || late) {
    const rs = a.requestedStart
    const re = a.requestedEnd
    out.push(
      rs !== null && re !== null
        ? { kind: 'outsideRequested', code: 'dispatch.conflicts.outsideRequested', params: { start: rs, end: re, ref: a.start } }
        : rs !== null
          ? { kind: 'outsideRequested', code: 'dispatch.conflicts.outsideRequestedFrom', params: { from: rs, ref: a.start } }
          : { kind: 'outsideRequested', code: 'dispatch.conflicts.outsideRequestedUntil', params: { until: re!, ref: a.start } }
    )
  }

  if (a.requiredSkillIds.length > 0) {
    const missing = a.requiredSkillIds.filter((id) => !tech.skillIds.includes(id))
    if (missing.length > 0) {
      const skills = missing.map((id) => skillLabel(id, options?.skillNames)).join(', ')
      out.push({ kind: 'missingSkill', code: 'dispatch.conflicts.missingSkill', params: { count: missing.length, skills } })
    }
  }

  if (a.slaDeadline !== null && a.end > a.slaDeadline) {
    out.push({ kind: 'slaMiss', code: 'dispatch.conflicts.slaMiss', params: { deadline: a.slaDeadline, ref: a.start } })
  }
  if (!tech.roles.includes('technician'))
    out.push({ kind: 'notTechnician', code: 'dispatch.conflicts.notTechnician', params: { name: tech.name } })
  if (!tech.active) out.push({ kind: 'inactive', code: 'dispatch.conflicts.inactive', params: { name: tech.name } })
  return out
}

/**
 * Conflicts of each assignment, keyed by assignment id (only ids with at least one conflict), overlaps
 * first. Overlap: same worker and the intervals intersect (end == start touches, it does not overlap);
 * both cards name each other. A worker missing from `technicians` gets 'notTechnician' ('unknownWorker').
 */
export function detectConflicts(
  assignments: readonly BoardAssignment[],
  technicians: ReadonlyMap<number, BoardTechnician>,
  options?: ConflictOptions
): Map<number, Conflict[]> {
  const lookup = new CalendarLookup()
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

  for (const list of byWorker.values()) {
    list.sort((x, y) => x.start - y.start || x.end - y.end || x.id - y.id)
    // Sweep: `open` holds the earlier cards still running at the current start; anything that ended
    // by then can never meet a later card, so the work is the number of overlaps, not n².
    let open: BoardAssignment[] = []
    for (const a of list) {
      if (open.some((o) => o.end <= a.start)) open = open.filter((o) => o.end > a.start)
      for (const o of open) {
        // Both tests: a zero-length card at another's start has end == start and must not count.
        if (!intersects(o, a)) continue
        add(o.id, overlapConflict(a, o.start))
        add(a.id, overlapConflict(o, a.start))
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
  const overlaps = others
    .filter((o) => o.id !== placement.id && o.workerId === placement.workerId && intersects(o, placement))
    .sort((x, y) => x.start - y.start || x.id - y.id)
    .map((o) => overlapConflict(o, placement.start))
  return [...overlaps, ...cardConflicts(placement, tech, options, lookup)]
}
