/**
 * The business calendar: working hours per weekday in the shop's time zone, minus holidays, and
 * business-time arithmetic over it (SLA deadlines, "outside working hours" checks on the board).
 * Instants are UTC epoch milliseconds; dates are 'YYYY-MM-DD' in the calendar's time zone.
 *
 * A day's working interval runs from the first instant the wall clock shows its start time until the
 * last instant it shows something before its end time. That only matters on daylight-saving days:
 * a start or end inside the skipped hour is the moment of the change (the clock passes 03:30 when it
 * jumps to 04:00), a repeated start is its first occurrence and a repeated end its second, so a
 * working day is never shortened by more than the hour the clock actually skipped.
 */
import { IANAZone } from 'luxon'
import type { MessageRef } from './api/result'
import type { WeekHours } from './domain/masterdata'
import { weekday } from './recurrence'

export interface BusinessCalendar {
  timeZone: string
  week: WeekHours
  holidays: ReadonlySet<string>
}

/** Half-open [start, end) in epoch ms. */
export type Interval = readonly [start: number, end: number]

export class CalendarError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CalendarError'
  }
}

const DAY = 86_400_000
const MINUTE = 60_000
/** Consecutive closed days after which addBusinessMinutes gives up: three years, leap day included. */
const HORIZON_DAYS = 3 * 366
/** Weekdays in the messages of `calendarProblems`, Monday first. */
const WEEKDAY_KEYS = [
  'errors.calendar.monday',
  'errors.calendar.tuesday',
  'errors.calendar.wednesday',
  'errors.calendar.thursday',
  'errors.calendar.friday',
  'errors.calendar.saturday',
  'errors.calendar.sunday'
]
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/

/* ---------- days, cached per calendar ---------- */

interface DayCache {
  week: WeekHours
  holidays: ReadonlySet<string>
  timeZone: string
  zone: IANAZone
  anyOpen: boolean
  days: Map<number, Interval | null>
}

// Zone offsets cost ~6 µs each through Intl, and the board asks about the same few weeks for
// thousands of orders, so each day's interval is computed once per calendar object. The cache is
// invalidated when week, holidays or timeZone are replaced (not when mutated in place).
const caches = new WeakMap<BusinessCalendar, DayCache>()
const MAX_CACHED_DAYS = 50_000

function cacheOf(cal: BusinessCalendar): DayCache {
  let c = caches.get(cal)
  if (!c || c.week !== cal.week || c.holidays !== cal.holidays || c.timeZone !== cal.timeZone) {
    const zone = IANAZone.create(cal.timeZone)
    if (!zone.isValid) throw new CalendarError(`Unknown time zone: ${cal.timeZone}`)
    c = { week: cal.week, holidays: cal.holidays, timeZone: cal.timeZone, zone, anyOpen: cal.week.some((d) => d.open), days: new Map() }
    caches.set(cal, c)
  }
  return c
}

/** Days since 1970-01-01 of a date string. */
function dayNumber(date: string): number {
  const m = DATE_RE.exec(date)
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a date: ${date}`)
  return ms / DAY
}

function dateOfDayNumber(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10)
}

/** 0 = Monday; 1970-01-01 was a Thursday. */
function weekdayOf(n: number): number {
  return (((n + 3) % 7) + 7) % 7
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

/**
 * The instant the wall clock shows `wall` (local time encoded as if it were UTC ms): for a skipped
 * time the moment of the jump, for a repeated one the first (`first`) or second occurrence.
 */
function instantOf(zone: IANAZone, wall: number, first: boolean): number {
  const offsets = new Set([zone.offset(wall - DAY), zone.offset(wall), zone.offset(wall + DAY)])
  const hits: number[] = []
  for (const o of offsets) {
    const t = wall - o * MINUTE
    if (zone.offset(t) === o) hits.push(t)
  }
  if (hits.length > 0) return first ? Math.min(...hits) : Math.max(...hits)
  // Skipped: binary-search the first instant whose wall time reaches `wall`.
  const candidates = [...offsets].map((o) => wall - o * MINUTE)
  let lo = Math.min(...candidates)
  let hi = Math.max(...candidates)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (mid + zone.offset(mid) * MINUTE >= wall) hi = mid
    else lo = mid
  }
  return hi
}

// Shared by all calendars of a zone, so a calendar object built per request starts warm too.
const steadyOffsets = new Map<string, Map<number, number | null>>()

/**
 * The zone's offset in minutes when it is the same from a day before day `n` to a day after it
 * (almost always; two look-ups prove it), null around a change.
 */
function steadyOffset(zone: IANAZone, n: number): number | null {
  let days = steadyOffsets.get(zone.name)
  if (!days) steadyOffsets.set(zone.name, (days = new Map()))
  let o = days.get(n)
  if (o === undefined) {
    const before = zone.offset((n - 1) * DAY)
    o = before === zone.offset((n + 2) * DAY) ? before : null
    if (days.size >= MAX_CACHED_DAYS) days.clear()
    days.set(n, o)
  }
  return o
}

function dayInterval(c: DayCache, n: number): Interval | null {
  const cached = c.days.get(n)
  if (cached !== undefined) return cached
  const date = dateOfDayNumber(n)
  const hours = c.week[weekdayOf(n)]
  let iv: Interval | null = null
  if (hours?.open && !c.holidays.has(date)) {
    const midnight = n * DAY
    const startWall = midnight + minutesOf(hours.start) * MINUTE
    const endWall = midnight + minutesOf(hours.end) * MINUTE
    const offset = steadyOffset(c.zone, n)
    const start = offset !== null ? startWall - offset * MINUTE : instantOf(c.zone, startWall, true)
    const end = offset !== null ? endWall - offset * MINUTE : instantOf(c.zone, endWall, false)
    if (end > start) iv = [start, end]
  }
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear()
  c.days.set(n, iv)
  return iv
}

/** The first day whose working interval could contain `t`: local days lie within ±14 h of UTC ones. */
function firstDayFor(t: number): number {
  return Math.floor(t / DAY) - 1
}

/* ---------- exclusions ---------- */

/** Sorted, merged, non-empty; an open end is Infinity. */
function normalize(exclude: readonly Interval[] | undefined): Interval[] {
  if (!exclude || exclude.length === 0) return []
  const xs = exclude.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const [s, e] of xs) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

/* ---------- public API ---------- */

export function isHoliday(cal: BusinessCalendar, date: string): boolean {
  return cal.holidays.has(date)
}

export function workingDay(cal: BusinessCalendar, date: string): Interval | null {
  return dayInterval(cacheOf(cal), dayNumber(date))
}

/** Working intervals clipped to [from, to), in order; DST days use the wall-clock rule at the top. */
export function workingIntervals(cal: BusinessCalendar, from: number, to: number): Interval[] {
  if (!(to > from)) return []
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('workingIntervals needs a finite range')
  const c = cacheOf(cal)
  const out: Interval[] = []
  for (let n = firstDayFor(from); n * DAY - DAY < to; n++) {
    const iv = dayInterval(c, n)
    if (!iv) continue
    const s = Math.max(iv[0], from)
    const e = Math.min(iv[1], to)
    if (e > s) out.push([s, e])
  }
  return out
}

/**
 * True when [start, end) lies inside a single working interval (work spanning a night is outside
 * working time even if both days are open). An empty range is inside when its instant is; an
 * inverted one never is.
 */
export function isInsideWorkingTime(cal: BusinessCalendar, start: number, end: number): boolean {
  if (end < start || !Number.isFinite(start) || !Number.isFinite(end)) return false
  const c = cacheOf(cal)
  for (let n = firstDayFor(start); n <= firstDayFor(start) + 2; n++) {
    const iv = dayInterval(c, n)
    if (iv && iv[0] <= start && start < iv[1]) return end <= iv[1]
  }
  return false
}

/**
 * The earliest instant by which `minutes` of business time (outside `exclude`) have passed since
 * `start`. 0 minutes is `start` itself; a total that ends exactly at a closing time or at the start
 * of an exclusion is that instant, not the next opening. Infinity when an open-ended exclusion
 * ([from, Infinity)) begins before the minutes are used up.
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: number, minutes: number, exclude?: readonly Interval[]): number {
  if (!Number.isFinite(start)) throw new RangeError('start must be a finite instant')
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`)
  if (minutes === 0) return start
  const c = cacheOf(cal)
  if (!c.anyOpen) throw new CalendarError('The calendar has no working hours')
  const ex = normalize(exclude)
  let remaining = minutes * MINUTE
  let t = start
  let xi = 0
  let closedRun = 0
  let n = firstDayFor(t)
  for (;;) {
    const iv = dayInterval(c, n)
    if (!iv) {
      if (++closedRun > HORIZON_DAYS) throw new CalendarError('No working time within three years')
      n++
      continue
    }
    closedRun = 0
    if (iv[1] <= t) {
      n++
      continue
    }
    let s = Math.max(iv[0], t)
    while (s < iv[1]) {
      while (xi < ex.length && ex[xi]![1] <= s) xi++
      const x = ex[xi]
      if (x && x[0] <= s) {
        if (x[1] === Infinity) return Infinity
        s = x[1]
        continue
      }
      const free = (x ? Math.min(x[0], iv[1]) : iv[1]) - s
      if (remaining <= free) return s + remaining
      remaining -= free
      s += free
    }
    if (s > iv[1]) {
      // An exclusion ran past this day's close: jump straight to its end instead of walking the days inside it.
      t = s
      n = firstDayFor(t)
    } else {
      t = iv[1]
      n++
    }
  }
}

/** Business minutes in [a, b) outside `exclude`, exact (ms / 60000, not rounded); 0 when b <= a. */
export function businessMinutesBetween(cal: BusinessCalendar, a: number, b: number, exclude?: readonly Interval[]): number {
  if (!(b > a)) return 0
  const ex = normalize(exclude)
  const tail = ex[ex.length - 1]
  if (tail && tail[1] === Infinity) b = Math.min(b, tail[0])
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    if (b <= a) return 0
    throw new RangeError('businessMinutesBetween needs a finite range')
  }
  const c = cacheOf(cal)
  let total = 0
  let xi = 0
  // `pos` only moves forward, so jumping days after a long exclusion can never count time twice.
  let pos = a
  for (let n = firstDayFor(a); n * DAY - DAY < b; n++) {
    const iv = dayInterval(c, n)
    if (!iv || iv[1] <= pos) continue
    let s = Math.max(iv[0], pos)
    const e = Math.min(iv[1], b)
    while (s < e) {
      while (xi < ex.length && ex[xi]![1] <= s) xi++
      const x = ex[xi]
      if (x && x[0] <= s) {
        s = x[1]
        continue
      }
      const freeEnd = x ? Math.min(x[0], e) : e
      total += freeEnd - s
      s = freeEnd
    }
    pos = Math.max(pos, s)
    if (pos > iv[1]) n = Math.max(n, firstDayFor(pos) - 1)
  }
  return total / MINUTE
}

/** Problems with a calendar, as validation messages; [] when it is usable. */
export function calendarProblems(week: WeekHours, holidays: readonly string[]): MessageRef[] {
  const problems: MessageRef[] = []
  if (week.length !== 7) problems.push({ key: 'errors.calendar.sevenDays' })
  week.forEach((d, i) => {
    if (!d.open) return
    const day: MessageRef = { key: WEEKDAY_KEYS[i] ?? 'errors.calendar.sunday' }
    if (!TIME_RE.test(d.start) || !TIME_RE.test(d.end)) problems.push({ key: 'errors.calendar.dayTimeFormat', params: { day } })
    else if (d.start >= d.end) problems.push({ key: 'errors.calendar.dayEndAfterStart', params: { day } })
  })
  const openDays = week.map((d) => d.open && TIME_RE.test(d.start) && TIME_RE.test(d.end) && d.start < d.end)
  if (!openDays.some(Boolean)) problems.push({ key: 'errors.calendar.noWorkingHours' })

  const seen = new Set<string>()
  const valid: string[] = []
  for (const h of holidays) {
    let ok = true
    try {
      dayNumber(h)
    } catch {
      ok = false
    }
    if (!ok) problems.push({ key: 'errors.calendar.notADate', params: { date: h } })
    else if (seen.has(h)) problems.push({ key: 'errors.calendar.listedTwice', params: { date: h } })
    else valid.push(h)
    seen.add(h)
  }

  // Holidays that close every working day for longer than addBusinessMinutes searches would make
  // deadlines impossible; only reachable with hundreds of holidays, but then better said here.
  if (openDays.some(Boolean)) {
    const closed = new Set(valid)
    const openDates = valid.filter((h) => openDays[weekday(h)]).sort()
    const nextOpen = (n: number, step: number): number => {
      let m = n + step
      while (!openDays[weekdayOf(m)] || closed.has(dateOfDayNumber(m))) m += step
      return m
    }
    let i = 0
    while (i < openDates.length) {
      const first = dayNumber(openDates[i]!)
      const after = nextOpen(first, 1)
      // The run of closed working days starting at `first` ends right before `after`.
      let j = i
      while (j + 1 < openDates.length && dayNumber(openDates[j + 1]!) < after) j++
      const before = nextOpen(first, -1)
      if (after - before - 1 > HORIZON_DAYS) {
        problems.push({
          key: 'errors.calendar.holidaysClose',
          params: { from: dateOfDayNumber(before + 1), to: dateOfDayNumber(after - 1) }
        })
      }
      i = j + 1
    }
  }
  return problems
}
