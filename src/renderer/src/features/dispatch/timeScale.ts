/**
 * The board's time axis: a strip of day segments (06:00–20:00 of each shown day, in the shop's zone)
 * laid side by side, and the mapping between instants and x pixels over it. Pure, so drag maths and
 * card placement can be unit-tested without a browser.
 */
import { DateTime } from 'luxon'
import type { Interval } from '@shared/calendar'

export const SNAP_MINUTES = 15
const MINUTE = 60_000
export const SNAP_MS = SNAP_MINUTES * MINUTE

export interface DaySegment {
  date: string
  /** Visible window of the day, epoch ms. */
  start: number
  end: number
  /** Left edge and width in px. */
  x: number
  width: number
}

export interface TimeScale {
  view: 'day' | 'week'
  timeZone: string
  segments: DaySegment[]
  width: number
  /** Visible hours of each day, e.g. [6, 20]. */
  hours: readonly [number, number]
}

export const DAY_HOURS: readonly [number, number] = [6, 20]
/** Narrowest hour: card text stays readable in the day view, a week stays scannable in the week view. */
export const MIN_PX_PER_HOUR = { day: 64, week: 6 } as const

/** Hour width that fits the shown days into `available` pixels, but never below the readable minimum. */
export function fitPxPerHour(view: 'day' | 'week', available: number, hours: readonly [number, number] = DAY_HOURS): number {
  const shown = (view === 'day' ? 1 : 7) * (hours[1] - hours[0])
  return Math.max(MIN_PX_PER_HOUR[view], Math.floor((available / shown) * 4) / 4)
}

function wallInstant(date: string, hour: number, timeZone: string): number {
  const d = DateTime.fromISO(date, { zone: timeZone })
  // 24:00 is the next day's midnight; luxon normalises hour 24 itself, but be explicit.
  return hour === 24 ? d.plus({ days: 1 }).startOf('day').toMillis() : d.set({ hour, minute: 0, second: 0, millisecond: 0 }).toMillis()
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!
}

/** Monday of the week of `date`. */
export function weekStart(date: string): string {
  const d = DateTime.fromISO(date, { zone: 'UTC' })
  return d.minus({ days: d.weekday - 1 }).toISODate()!
}

export function buildScale(
  view: 'day' | 'week',
  from: string,
  timeZone: string,
  pxPerHour: number = MIN_PX_PER_HOUR[view],
  hours: readonly [number, number] = DAY_HOURS
): TimeScale {
  const days = view === 'day' ? 1 : 7
  const segments: DaySegment[] = []
  let x = 0
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i)
    const start = wallInstant(date, hours[0], timeZone)
    const end = wallInstant(date, hours[1], timeZone)
    // Proportional to real time, so a DST day's window is an hour shorter or longer on screen too.
    const width = Math.round(((end - start) / 3_600_000) * pxPerHour)
    segments.push({ date, start, end, x, width })
    x += width
  }
  return { view, timeZone, segments, width: x, hours }
}

/** x of an instant; instants outside a day's window stick to its nearest edge. */
export function xOf(scale: TimeScale, t: number): number {
  const segs = scale.segments
  for (const s of segs) {
    if (t < s.start) return s.x
    if (t <= s.end) return s.x + ((t - s.start) / (s.end - s.start)) * s.width
  }
  const last = segs[segs.length - 1]!
  return last.x + last.width
}

/** The instant at x (unsnapped), clamped to the strip. */
export function timeAt(scale: TimeScale, x: number): number {
  const segs = scale.segments
  const s = segs.find((seg) => x < seg.x + seg.width) ?? segs[segs.length - 1]!
  const f = Math.min(1, Math.max(0, (x - s.x) / s.width))
  return s.start + f * (s.end - s.start)
}

/** Rounds to the nearest quarter hour of wall time (zones with half-hour offsets stay on :00/:15/…). */
export function snap(t: number, timeZone: string): number {
  const d = DateTime.fromMillis(t, { zone: timeZone })
  const minutes = d.minute + d.second / 60 + d.millisecond / 60_000
  const rounded = Math.round(minutes / SNAP_MINUTES) * SNAP_MINUTES
  return d.set({ minute: 0, second: 0, millisecond: 0 }).plus({ minutes: rounded }).toMillis()
}

export interface PlacedCard<C> {
  card: C
  left: number
  width: number
  lane: number
  lanes: number
  /** Part of the card lies outside the visible hours. */
  clipped: boolean
}

/**
 * Positions of a technician's cards: overlapping cards share the row height in lanes (a cluster of
 * mutually reachable overlaps gets the same lane count), so a double booking is visible as two
 * stacked cards rather than one hiding the other.
 */
export function placeCards<C extends { start: number; end: number }>(scale: TimeScale, cards: readonly C[], minWidth = 4): PlacedCard<C>[] {
  const sorted = [...cards].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: PlacedCard<C>[] = []
  let cluster: PlacedCard<C>[] = []
  let laneEnds: number[] = []
  let clusterEnd = -Infinity
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length
    cluster = []
    laneEnds = []
  }
  const first = scale.segments[0]!.start
  const last = scale.segments[scale.segments.length - 1]!.end
  for (const card of sorted) {
    if (card.end <= first || card.start >= last) continue
    if (card.start >= clusterEnd) close()
    let lane = laneEnds.findIndex((e) => e <= card.start)
    if (lane === -1) {
      lane = laneEnds.length
      laneEnds.push(card.end)
    } else laneEnds[lane] = card.end
    clusterEnd = Math.max(clusterEnd, card.end)
    const left = xOf(scale, card.start)
    const right = xOf(scale, card.end)
    const clipped = !scale.segments.some((s) => card.start >= s.start && card.end <= s.end)
    const placed = { card, left, width: Math.max(minWidth, right - left), lane, lanes: 1, clipped }
    cluster.push(placed)
    out.push(placed)
  }
  close()
  return out
}

/** Working intervals as x ranges (for shading). */
export function shadeRanges(scale: TimeScale, intervals: readonly Interval[]): { left: number; width: number }[] {
  return intervals.map(([s, e]) => ({ left: xOf(scale, s), width: xOf(scale, e) - xOf(scale, s) })).filter((r) => r.width > 0)
}
