/**
 * Pure calendar logic for service agreements: stepping occurrences by an interval, the time window an
 * occurrence may move in, and placing occurrences on as few dates as possible. Dates are 'YYYY-MM-DD'
 * strings and all arithmetic is on calendar days (UTC date math), so daylight-saving changes cannot
 * shift a date; clock times are applied later, in the shop's time zone.
 */

export const INTERVAL_UNITS = ['day', 'week', 'month', 'year'] as const
export type IntervalUnit = (typeof INTERVAL_UNITS)[number]

export interface Interval {
  unit: IntervalUnit
  every: number
}

export const WINDOW_KINDS = ['week', 'month', 'manual'] as const
export type WindowKind = (typeof WINDOW_KINDS)[number]

export interface TimeWindow {
  kind: WindowKind
  /** Manual windows only: how far the date may move earlier / later. */
  daysBefore: number
  daysAfter: number
}

export interface WorkCalendar {
  /** Monday first. */
  openWeekdays: readonly boolean[]
  holidays: ReadonlySet<string>
}

const DAY = 86_400_000

function toUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY)
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(date: string): number {
  return (new Date(toUtc(date)).getUTCDay() + 6) % 7
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate()
}

/** Adds months keeping the day of month, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7)) - 1 + months
  const year = y + Math.floor(m / 12)
  const month0 = ((m % 12) + 12) % 12
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month0))
  return fromUtc(Date.UTC(year, month0, day))
}

/**
 * The n-th occurrence (n = 0 is the start). Always computed from the start, never from the previous
 * occurrence, so a clamped month end does not drift (31 Jan → 29 Feb → 31 Mar, not 29 Mar).
 */
export function nthOccurrence(start: string, interval: Interval, n: number): string {
  switch (interval.unit) {
    case 'day':
      return addDays(start, n * interval.every)
    case 'week':
      return addDays(start, n * interval.every * 7)
    case 'month':
      return addMonths(start, n * interval.every)
    case 'year':
      return addMonths(start, n * interval.every * 12)
  }
}

/**
 * The occurrence dates of a line inside [from, to] (inclusive), stepping from the line's start.
 * No interval = once, on the start date. `end` null = open-ended.
 */
export function occurrences(start: string, end: string | null, interval: Interval | null, from: string, to: string): string[] {
  const last = end !== null && end < to ? end : to
  if (interval === null) return start >= from && start <= last ? [start] : []
  if (interval.every < 1) throw new Error('An interval steps by at least 1')
  const out: string[] = []
  // Jump close to `from` instead of walking from a start years back.
  const approxStep = { day: 1, week: 7, month: 28, year: 365 }[interval.unit] * interval.every
  let n = Math.max(0, Math.floor(daysBetween(start, from) / approxStep) - 2)
  while (nthOccurrence(start, interval, n) > from && n > 0) n--
  for (; ; n++) {
    const d = nthOccurrence(start, interval, n)
    if (d > last) break
    if (d >= from) out.push(d)
  }
  return out
}

/** The dates an occurrence may move to: its week (Mon–Sun), its month, or ± days; no window = the date itself. */
export function windowOf(date: string, window: TimeWindow | null): { from: string; to: string } {
  if (window === null) return { from: date, to: date }
  switch (window.kind) {
    case 'week': {
      const monday = addDays(date, -weekday(date))
      return { from: monday, to: addDays(monday, 6) }
    }
    case 'month': {
      const first = `${date.slice(0, 8)}01`
      return { from: first, to: addDays(addMonths(first, 1), -1) }
    }
    case 'manual':
      return { from: addDays(date, -window.daysBefore), to: addDays(date, window.daysAfter) }
  }
}

export function isOpenDay(date: string, calendar: WorkCalendar): boolean {
  return calendar.openWeekdays[weekday(date)] === true && !calendar.holidays.has(date)
}

export interface Occurrence {
  /** What identifies the occurrence: e.g. the agreement line id. Two occurrences of one line never share a date. */
  lineKey: string
  /** Occurrences with the same group key may share an order (the agreement's combine rule). */
  groupKey: string
  /** The calculated date. */
  date: string
  /** The earliest and latest date it may move to. */
  from: string
  to: string
}

export interface Placement<O extends Occurrence> {
  date: string
  groupKey: string
  occurrences: O[]
  /** No open day was possible: created anyway, flagged. */
  calendarConflict: boolean
}

/**
 * Places occurrences on dates so that each group needs as few dates (orders) as possible: the classic
 * greedy cover by earliest latest-date, which is optimal for intervals on a line. A batch takes, of every
 * other line whose window reaches the batch's latest date, the pending occurrence nearest to the batch's
 * own date (not the line's first: a weekly line would otherwise send its 1 June visit to 22 June and make
 * a second order there for its own 22 June visit). Within the dates every occurrence of a batch allows, it
 * picks an open working day nearest to the batch's calculated dates; when none is open, the nearest date,
 * flagged as a calendar conflict. Batches of a group that still land on one date become one placement, so a
 * group never gets two orders on a day.
 */
export function placeOccurrences<O extends Occurrence>(all: readonly O[], calendar: WorkCalendar): Placement<O>[] {
  const byGroup = new Map<string, O[]>()
  for (const o of all) {
    const list = byGroup.get(o.groupKey) ?? []
    list.push(o)
    byGroup.set(o.groupKey, list)
  }
  const placements: Placement<O>[] = []
  for (const [groupKey, list] of byGroup) {
    const pending = [...list].sort((a, b) => a.to.localeCompare(b.to) || a.date.localeCompare(b.date) || a.lineKey.localeCompare(b.lineKey))
    const byDate = new Map<string, Placement<O>>()
    while (pending.length > 0) {
      const first = pending.shift()!
      const hi = first.to
      // Every pending window ends on or after `hi` (sorted by `to`), so any that starts by then contains it.
      const nearest = new Map<string, { index: number; distance: number }>()
      for (let i = 0; i < pending.length; i++) {
        const o = pending[i]!
        if (o.from > hi || o.lineKey === first.lineKey) continue
        const distance = Math.abs(daysBetween(first.date, o.date))
        const best = nearest.get(o.lineKey)
        if (best === undefined || distance < best.distance) nearest.set(o.lineKey, { index: i, distance })
      }
      const taken = new Set([...nearest.values()].map((n) => n.index))
      const batch = [first, ...pending.filter((_, i) => taken.has(i))]
      for (let i = pending.length - 1; i >= 0; i--) if (taken.has(i)) pending.splice(i, 1)
      let lo = first.from
      for (const o of batch) if (o.from > lo) lo = o.from
      const target = medianDate(batch.map((o) => o.date))
      const open = nearestOpen(lo, hi, target, calendar)
      const date = open ?? clamp(target, lo, hi)
      const met = byDate.get(date)
      if (met) {
        met.occurrences.push(...batch)
        met.calendarConflict ||= open === null
      } else {
        const placement = { date, groupKey, occurrences: batch, calendarConflict: open === null }
        byDate.set(date, placement)
        placements.push(placement)
      }
    }
  }
  return placements.sort((a, b) => a.date.localeCompare(b.date) || a.groupKey.localeCompare(b.groupKey))
}

function medianDate(dates: string[]): string {
  const sorted = [...dates].sort()
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

function clamp(date: string, lo: string, hi: string): string {
  return date < lo ? lo : date > hi ? hi : date
}

/** The open day in [lo, hi] nearest to `target` (earlier wins a tie); null when every day is closed. */
export function nearestOpen(lo: string, hi: string, target: string, calendar: WorkCalendar): string | null {
  const t = clamp(target, lo, hi)
  const span = daysBetween(lo, hi)
  for (let d = 0; d <= span; d++) {
    const before = addDays(t, -d)
    if (before >= lo && isOpenDay(before, calendar)) return before
    const after = addDays(t, d)
    if (d > 0 && after <= hi && isOpenDay(after, calendar)) return after
  }
  return null
}
