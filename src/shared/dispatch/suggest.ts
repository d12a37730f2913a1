/**
 * Technician suggestions for an order on the dispatch board, and the earliest-free-slot search the board
 * also uses when a card is dropped on a row.
 */
import { DateTime } from 'luxon'
import { type BusinessCalendar, workingIntervals } from '../calendar'
import { dayEnd, dayStart } from '../time'
import type { BoardAssignment, BoardTechnician, DispatchParams } from './conflicts'

export interface SuggestRequest {
  orderId: number
  requiredSkillIds: readonly number[]
  /** The team the dispatcher is planning, or the order's. */
  teamId: number | null
  preferredWorkerId: number | null
  durationMinutes: number
  /** Where to look for free time: the requested window, else the viewed day/week. */
  windowStart: number
  windowEnd: number
  /** The day (YYYY-MM-DD, in each technician's zone) to measure load on. */
  date: string
}

/** Why a technician ranks where they do, as a key of the `dispatch.suggest.reasons` catalogue. */
export const REASON_CODES = [
  'dispatch.suggest.reasons.hasSkills',
  'dispatch.suggest.reasons.missingSkill',
  'dispatch.suggest.reasons.free',
  'dispatch.suggest.reasons.noFreeTime',
  'dispatch.suggest.reasons.preferred',
  'dispatch.suggest.reasons.inTeam',
  'dispatch.suggest.reasons.sameTeam',
  'dispatch.suggest.reasons.nothingBooked',
  'dispatch.suggest.reasons.booked'
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

/** A reason: its code and parameters (instants as epoch ms; `ref` is on the day the load is measured on). */
export interface Reason {
  code: ReasonCode
  params: DispatchParams
}

export interface SuggestTechnician extends BoardTechnician {
  teamId: number | null
}

export interface Suggestion {
  workerId: number
  name: string
  score: number
  /** Earliest free slot of durationMinutes inside working time and the window, not overlapping existing assignments. */
  slot: { start: number; end: number } | null
  reasons: Reason[]
}

export interface SuggestOptions {
  skillNames?: ReadonlyMap<number, string>
  /** For "In team North"; without it the reason is 'sameTeam' ("In the same team"). */
  teamNames?: ReadonlyMap<number, string>
}

/**
 * The weights make the order lexicographic: one missing skill outweighs every other criterion together,
 * a free slot outweighs preferred + team + load, and so on. Missing skills still rank, not exclude: the
 * dispatcher may have nobody better.
 */
export const SCORE = { missingSkill: -1000, freeSlot: 100, preferred: 40, sameTeam: 20, load: 10 } as const
/** Booked time at which the load points reach zero. */
const FULL_DAY_MINUTES = 600

const QUARTER = 15 * 60_000

/** Rounds up to the next quarter hour on the zone's wall clock (offsets like +05:45 make UTC quarters wrong). */
function quarterUp(ms: number, timeZone: string): number {
  const offset = DateTime.fromMillis(ms, { zone: timeZone }).offset * 60_000
  return Math.ceil((ms + offset) / QUARTER) * QUARTER - offset
}

/**
 * The earliest slot of `durationMinutes` inside one working interval of `cal` and [windowStart, windowEnd)
 * that intersects no busy block (touching is fine). Slots start on quarter hours of the calendar's zone:
 * a slot after a block ending 10:40 starts at 10:45. Null when none fits.
 */
export function firstFreeSlot(
  cal: BusinessCalendar,
  busy: readonly { start: number; end: number }[],
  durationMinutes: number,
  windowStart: number,
  windowEnd: number
): { start: number; end: number } | null {
  if (!(windowEnd > windowStart)) return null
  const duration = durationMinutes * 60_000
  const sorted = [...busy].sort((a, b) => a.start - b.start || a.end - b.end)
  for (const [ivStart, ivEnd] of workingIntervals(cal, windowStart, windowEnd)) {
    let t = quarterUp(ivStart, cal.timeZone)
    for (const b of sorted) {
      if (t + duration > ivEnd) break
      if (b.end <= t) continue
      // Sorted by start: once a block starts after the candidate slot, so do all the rest.
      if (b.start >= t + duration) break
      t = quarterUp(b.end, cal.timeZone)
    }
    if (t + duration <= ivEnd) return { start: t, end: t + duration }
  }
  return null
}

interface Ranked extends Suggestion {
  bookedMinutes: number
}

/**
 * Ranks the active technicians (role 'technician'), best first: skill match, then a free slot in the
 * window, then the preferred technician, then the team, then lower load on `date`; ties by name, then id.
 * Score = -1000 × missing skills + 100 × has slot + 40 × preferred + 20 × same team
 *         + 10 × (1 − min(booked minutes, 600) / 600).
 * The order's own existing assignments count as busy like any other: a slot on top of one would be an overlap.
 */
export function suggestTechnicians(
  req: SuggestRequest,
  technicians: readonly SuggestTechnician[],
  assignments: readonly BoardAssignment[],
  options?: SuggestOptions
): Suggestion[] {
  const byWorker = new Map<number, BoardAssignment[]>()
  for (const a of assignments) {
    const list = byWorker.get(a.workerId)
    if (list) list.push(a)
    else byWorker.set(a.workerId, [a])
  }
  const required = [...new Set(req.requiredSkillIds)]

  const ranked: Ranked[] = []
  for (const tech of technicians) {
    if (!tech.active || !tech.roles.includes('technician')) continue
    const tz = tech.calendar.timeZone
    const busy = byWorker.get(tech.id) ?? []
    const reasons: Reason[] = []
    const from = dayStart(req.date, tz)
    const to = dayEnd(req.date, tz)
    let score = 0

    const has = new Set(tech.skillIds)
    const missing = required.filter((id) => !has.has(id))
    if (required.length > 0 && missing.length === 0) {
      reasons.push({ code: 'dispatch.suggest.reasons.hasSkills', params: { count: required.length } })
    }
    for (const id of missing) {
      reasons.push({ code: 'dispatch.suggest.reasons.missingSkill', params: { skill: options?.skillNames?.get(id) ?? `#${id}` } })
    }
    score += SCORE.missingSkill * missing.length

    const slot = firstFreeSlot(tech.calendar, busy, req.durationMinutes, req.windowStart, req.windowEnd)
    if (slot) {
      score += SCORE.freeSlot
      reasons.push({ code: 'dispatch.suggest.reasons.free', params: { start: slot.start, end: slot.end, ref: from } })
    } else {
      reasons.push({ code: 'dispatch.suggest.reasons.noFreeTime', params: {} })
    }

    if (req.preferredWorkerId !== null && tech.id === req.preferredWorkerId) {
      score += SCORE.preferred
      reasons.push({ code: 'dispatch.suggest.reasons.preferred', params: {} })
    }
    if (req.teamId !== null && tech.teamId === req.teamId) {
      score += SCORE.sameTeam
      const team = options?.teamNames?.get(req.teamId)
      reasons.push(
        team ? { code: 'dispatch.suggest.reasons.inTeam', params: { team } } : { code: 'dispatch.suggest.reasons.sameTeam', params: {} }
      )
    }

    let bookedMs = 0
    for (const a of busy) bookedMs += Math.max(0, Math.min(a.end, to) - Math.max(a.start, from))
    const bookedMinutes = bookedMs / 60_000
    // Rounded so that float noise can never reorder two technicians with the same load.
    score += Math.round(SCORE.load * (1 - Math.min(bookedMinutes, FULL_DAY_MINUTES) / FULL_DAY_MINUTES) * 100) / 100
    reasons.push(
      bookedMinutes === 0
        ? { code: 'dispatch.suggest.reasons.nothingBooked', params: { day: from } }
        : // Hours to a tenth.
          { code: 'dispatch.suggest.reasons.booked', params: { hours: Math.round(bookedMinutes / 6) / 10, day: from } }
    )

    ranked.push({ workerId: tech.id, name: tech.name, score, slot, reasons, bookedMinutes })
  }

  // A fixed collation, not the host's locale, so every machine ranks ties the same way.
  const collator = new Intl.Collator('et')
  ranked.sort(
    (a, b) => b.score - a.score || a.bookedMinutes - b.bookedMinutes || collator.compare(a.name, b.name) || a.workerId - b.workerId
  )
  return ranked.map(({ bookedMinutes: _b, ...s }) => s)
}
