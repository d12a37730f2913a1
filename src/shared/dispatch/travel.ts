/**
 * Travel on the board (ADR 0029): the drive before each card of a technician's day — from the previous
 * card, or from the home base before the first — and the drive home after the last, and the *travel*
 * conflict of a gap shorter than the drive. Pure: the server computes it with the board read and the
 * day sheet; the travel model comes from the company's settings (services/settings/travel.ts).
 */
import type { Place, TravelModel } from '../planner/travel'
import { type Conflict, localDate } from './conflicts'

export interface TravelStop {
  id: number
  workerId: number
  orderNumber: string
  start: number
  end: number
  /** Where the work is; a place without a point (a one-time address, a site without coordinates) has no legs. */
  place: Place
  /** The address, for tooltips and the day sheet. */
  label: string
  /** Done, or its order finished: it is where the technician was, but it raises no conflict (ADR 0017). */
  finished: boolean
}

/** A technician's home base; `place.point` null = not entered. */
export interface TravelHome {
  place: Place
  label: string
}

/** One drive. `minutes` and `km` are null when either end has no coordinates. */
export interface TravelLeg {
  minutes: number | null
  km: number | null
  /** The address driven from, and whether it is the home base. */
  from: string
  fromHome: boolean
  /** The previous card's order, when the drive starts at a job. */
  fromOrder: string | null
  to: string
  toHome: boolean
}

export interface CardTravel {
  /** The drive to this card: from the day's previous card, or from home before the first. */
  before: TravelLeg | null
  /** The drive home after the day's last card. */
  after: TravelLeg | null
}

const MINUTE = 60_000

function leg(
  model: TravelModel,
  from: TravelStop | TravelHome,
  to: TravelStop | TravelHome,
  fromHome: boolean,
  toHome: boolean
): TravelLeg {
  const l = model.leg(from.place, to.place)
  return {
    minutes: l ? l.minutes : null,
    km: l ? l.km : null,
    from: from.label,
    fromHome,
    fromOrder: fromHome ? null : (from as TravelStop).orderNumber,
    to: to.label,
    toHome
  }
}

/**
 * Each technician's cards grouped by the local day they start on, in time order. The day is the
 * technician's working day: a card on another day starts from home again.
 */
export function travelDays(stops: readonly TravelStop[], timeZone: string): TravelStop[][] {
  // Worker, then date: nested maps rather than a joined string key per stop (a week has 5,000 stops).
  const days = new Map<number, Map<string, TravelStop[]>>()
  const out: TravelStop[][] = []
  for (const s of stops) {
    let byDate = days.get(s.workerId)
    if (!byDate) days.set(s.workerId, (byDate = new Map()))
    const date = localDate(s.start, timeZone)
    const list = byDate.get(date)
    if (list) list.push(s)
    else {
      const day = [s]
      byDate.set(date, day)
      out.push(day)
    }
  }
  for (const day of out) day.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id)
  return out
}

/**
 * The legs of every card, keyed by card id. A technician without a home entry has no home legs; with a
 * home base without coordinates the home legs are there with unknown minutes (the day sheet says so).
 */
export function travelLegs(
  stops: readonly TravelStop[],
  homes: ReadonlyMap<number, TravelHome>,
  model: TravelModel,
  timeZone: string
): Map<number, CardTravel> {
  return legsOfDays(travelDays(stops, timeZone), homes, model)
}

function legsOfDays(days: readonly TravelStop[][], homes: ReadonlyMap<number, TravelHome>, model: TravelModel): Map<number, CardTravel> {
  const out = new Map<number, CardTravel>()
  for (const day of days) {
    const home = homes.get(day[0]!.workerId)
    const last = day.length - 1
    for (let n = 0; n <= last; n++) {
      const s = day[n]!
      const before = n > 0 ? leg(model, day[n - 1]!, s, false, false) : home ? leg(model, home, s, true, false) : null
      const after = n === last && home ? leg(model, s, home, false, true) : null
      out.set(s.id, { before, after })
    }
  }
  return out
}

/**
 * A *travel* conflict on each card whose gap after the previous card of the day is shorter than the
 * drive between them. Overlapping cards are an overlap, not this; unknown drives and the drive from home
 * raise nothing (ADR 0029).
 */
export function travelConflicts(
  stops: readonly TravelStop[],
  legs: ReadonlyMap<number, CardTravel>,
  timeZone: string
): Map<number, Conflict> {
  return conflictsOfDays(travelDays(stops, timeZone), legs)
}

function conflictsOfDays(days: readonly TravelStop[][], legs: ReadonlyMap<number, CardTravel>): Map<number, Conflict> {
  const out = new Map<number, Conflict>()
  for (const day of days) {
    for (let n = 1; n < day.length; n++) {
      const prev = day[n - 1]!
      const s = day[n]!
      if (prev.finished || s.finished) continue
      const minutes = legs.get(s.id)?.before?.minutes ?? null
      const gap = s.start - prev.end
      if (minutes === null || gap < 0 || gap >= minutes * MINUTE) continue
      out.set(s.id, {
        kind: 'travel',
        code: 'dispatch.conflicts.travel',
        params: {
          order: prev.orderNumber,
          minutes,
          km: legs.get(s.id)!.before!.km ?? 0,
          gap: Math.floor(gap / MINUTE),
          from: prev.label
        },
        otherAssignmentId: prev.id
      })
    }
  }
  return out
}

/** The legs and the travel conflicts together, grouping the stops into days once (the board's week read). */
export function travelAndConflicts(
  stops: readonly TravelStop[],
  homes: ReadonlyMap<number, TravelHome>,
  model: TravelModel,
  timeZone: string
): { legs: Map<number, CardTravel>; conflicts: Map<number, Conflict> } {
  const days = travelDays(stops, timeZone)
  const legs = legsOfDays(days, homes, model)
  return { legs, conflicts: conflictsOfDays(days, legs) }
}
