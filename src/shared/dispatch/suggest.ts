/**
 * Technician suggestions for an order on the dispatch board, and the earliest-free-slot search the board
 * also uses when a card is dropped on a row.
 */
import { DateTime } from 'luxon'
import { type BusinessCalendar, workingIntervals } from '../calendar'
import type { SlaTargetKind } from '../domain/slaBadge'
import { dateOf, dayEnd, dayStart } from '../time'
import type { Place, TravelModel } from '../planner/travel'
import type { BoardAssignment, BoardTechnician, DispatchParams } from './conflicts'

export interface SuggestRequest {
  orderId: number
  requiredSkillIds: readonly number[]
  /** The team the dispatcher is planning, or the order's. */
  teamId: number | null
  preferredWorkerId: number | null
  durationMinutes: number
  /** Where to look for free time: the requested window, else the viewed day/week (from now, under an SLA). */
  windowStart: number
  windowEnd: number
  /** The viewed day (YYYY-MM-DD): load is measured on it when a technician has no slot, and reasons name other days. */
  date: string
  /** The order's open SLA targets (running clock, not yet met), each with its deadline on the SLA's business calendar. */
  deadlines?: readonly SlaDeadline[]
}

/**
 * An SLA target a slot is measured against. Response and on-site are met when the visit starts (the technician
 * answers the call by coming; dispatching a visit that starts later answers it on paper only), resolution
 * when it ends.
 */
export interface SlaDeadline {
  target: SlaTargetKind
  deadline: number
}

/** Why a technician ranks where they do, as a key of the `dispatch.suggest.reasons` catalogue. */
export const REASON_CODES = [
  'dispatch.suggest.reasons.hasSkills',
  'dispatch.suggest.reasons.missingSkill',
  'dispatch.suggest.reasons.free',
  'dispatch.suggest.reasons.freeBeforeResponse',
  'dispatch.suggest.reasons.freeBeforeArrival',
  'dispatch.suggest.reasons.freeBeforeResolution',
  'dispatch.suggest.reasons.freeAfterResponse',
  'dispatch.suggest.reasons.freeAfterArrival',
  'dispatch.suggest.reasons.freeAfterResolution',
  'dispatch.suggest.reasons.noFreeTime',
  'dispatch.suggest.reasons.preferred',
  'dispatch.suggest.reasons.inTeam',
  'dispatch.suggest.reasons.sameTeam',
  'dispatch.suggest.reasons.nothingBooked',
  'dispatch.suggest.reasons.booked',
  'dispatch.suggest.reasons.travelFromPrevious',
  'dispatch.suggest.reasons.travelToNext'
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

// Literal codes per target (not a built key): each sentence is worded for its own target in both languages.
const BEFORE: Record<SlaTargetKind, ReasonCode> = {
  response: 'dispatch.suggest.reasons.freeBeforeResponse',
  arrival: 'dispatch.suggest.reasons.freeBeforeArrival',
  resolution: 'dispatch.suggest.reasons.freeBeforeResolution'
}
const AFTER: Record<SlaTargetKind, ReasonCode> = {
  response: 'dispatch.suggest.reasons.freeAfterResponse',
  arrival: 'dispatch.suggest.reasons.freeAfterArrival',
  resolution: 'dispatch.suggest.reasons.freeAfterResolution'
}

/** A reason: its code and parameters (instants as epoch ms; `ref` is the viewed day, against which other days are named). */
export interface Reason {
  code: ReasonCode
  params: DispatchParams
}

export interface SuggestTechnician extends BoardTechnician {
  teamId: number | null
}

/** How a technician's earliest slot stands against the order's SLA deadlines; the rank's second criterion. */
export type SlotFit = 'meets' | 'misses' | 'none'

export interface Suggestion {
  /** 1, 2, 3 … in the order shown; no two technicians share a rank. */
  rank: number
  workerId: number
  name: string
  /** Earliest free slot of durationMinutes inside working time and the window, not overlapping existing assignments. */
  slot: { start: number; end: number } | null
  /** 'meets' also when the order has no SLA deadline. */
  fit: SlotFit
  /** Minutes already booked on the slot's own day (the viewed day when there is no slot). */
  bookedMinutes: number
  reasons: Reason[]
}

export interface SuggestOptions {
  skillNames?: ReadonlyMap<number, string>
  /** For "In team North"; without it the reason is 'sameTeam' ("In the same team"). */
  teamNames?: ReadonlyMap<number, string>
  /**
   * Travel (ADR 0029): a slot leaves room to drive from the previous job and on to the next. `places` gives
   * each assignment's place by id; a drive the model cannot tell (no coordinates) needs no room.
   */
  travel?: { model: TravelModel; place: Place; places: ReadonlyMap<number, Place> }
}

const MINUTE = 60_000

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

/**
 * How `slot` stands against the deadlines: 'meets' every one, else 'misses'. The reason names the deadline
 * that decides: the first one missed, else the tightest one met (response and on-site bind the start,
 * resolution the end). No deadlines: 'meets', and no deadline reason.
 */
export function slotFit(
  slot: { start: number; end: number },
  deadlines: readonly SlaDeadline[]
): { fit: 'meets' | 'misses'; decisive: SlaDeadline | null } {
  const sorted = [...deadlines].sort((a, b) => a.deadline - b.deadline || a.target.localeCompare(b.target))
  const bound = (d: SlaDeadline): number => (d.target === 'resolution' ? slot.end : slot.start)
  const missed = sorted.find((d) => bound(d) > d.deadline)
  if (missed) return { fit: 'misses', decisive: missed }
  return { fit: 'meets', decisive: sorted[0] ?? null }
}

/** "18 min from the previous job (24-00012)", "20 min to the next job (…)": the drives the slot leaves room for, on its day. */
function travelReasons(
  slot: { start: number; end: number },
  busy: readonly BoardAssignment[],
  drives: ReadonlyMap<number, number>,
  timeZone: string
): Reason[] {
  const day = dateOf(slot.start, timeZone)
  let prev: BoardAssignment | null = null
  let next: BoardAssignment | null = null
  for (const a of busy) {
    if (a.end <= slot.start && dateOf(a.start, timeZone) === day && (!prev || a.end > prev.end)) prev = a
    if (a.start >= slot.end && dateOf(a.start, timeZone) === day && (!next || a.start < next.start)) next = a
  }
  const out: Reason[] = []
  const before = prev ? drives.get(prev.id)! : 0
  if (prev && before > 0)
    out.push({ code: 'dispatch.suggest.reasons.travelFromPrevious', params: { minutes: before, order: prev.orderNumber } })
  const after = next ? drives.get(next.id)! : 0
  if (next && after > 0) out.push({ code: 'dispatch.suggest.reasons.travelToNext', params: { minutes: after, order: next.orderNumber } })
  return out
}

const FIT_ORDER: Record<SlotFit, number> = { meets: 0, misses: 1, none: 2 }

interface Ranked extends Omit<Suggestion, 'rank'> {
  missing: number
  preferred: boolean
  sameTeam: boolean
  /** The slot's day in the technician's zone; '~' (after every date) without a slot. */
  slotDay: string
}

/**
 * Ranks the active technicians (role 'technician'), best first, by these criteria in turn (each one only
 * breaks the ties of the ones before it):
 *  1. fewer missing skills (missing skills rank, not exclude: the dispatcher may have nobody better);
 *  2. a slot that meets every SLA deadline, then a slot that misses one, then no slot in the window;
 *  3. the order's preferred technician; 4. the planned team;
 *  5. the earlier day of the slot (the customer is served sooner);
 *  6. less time booked on that day (the slot's own day, not the viewed one);
 *  7. the earlier slot; then name (Estonian collation) and id, so the ranking never depends on input order.
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
  const deadlines = req.deadlines ?? []
  const travel = options?.travel
  /** Minutes to drive between the order's place and an assignment's (the model is symmetric enough to use one way). */
  const driveMinutes = (a: BoardAssignment): number => {
    const at = travel?.places.get(a.id)
    return travel && at ? (travel.model.leg(at, travel.place)?.minutes ?? 0) : 0
  }

  const ranked: Ranked[] = []
  for (const tech of technicians) {
    if (!tech.active || !tech.roles.includes('technician')) continue
    const tz = tech.calendar.timeZone
    const busy = byWorker.get(tech.id) ?? []
    const reasons: Reason[] = []
    const ref = dayStart(req.date, tz)

    const has = new Set(tech.skillIds)
    const missing = required.filter((id) => !has.has(id))
    if (required.length > 0 && missing.length === 0) {
      reasons.push({ code: 'dispatch.suggest.reasons.hasSkills', params: { count: required.length } })
    }
    for (const id of missing) {
      reasons.push({ code: 'dispatch.suggest.reasons.missingSkill', params: { skill: options?.skillNames?.get(id) ?? `#${id}` } })
    }

    // Each booking blocks the drive to and from it too: a slot must leave room for both.
    const drives = new Map(busy.map((a) => [a.id, driveMinutes(a)]))
    const blocked = travel
      ? busy.map((a) => ({ start: a.start - drives.get(a.id)! * MINUTE, end: a.end + drives.get(a.id)! * MINUTE }))
      : busy
    const slot = firstFreeSlot(tech.calendar, blocked, req.durationMinutes, req.windowStart, req.windowEnd)
    let fit: SlotFit = 'none'
    if (slot) {
      const judged = slotFit(slot, deadlines)
      fit = judged.fit
      const span = { start: slot.start, end: slot.end, ref }
      const d = judged.decisive
      reasons.push(
        d === null
          ? { code: 'dispatch.suggest.reasons.free', params: span }
          : { code: (fit === 'meets' ? BEFORE : AFTER)[d.target], params: { ...span, deadline: d.deadline } }
      )
      if (travel) reasons.push(...travelReasons(slot, busy, drives, tz))
    } else {
      reasons.push({ code: 'dispatch.suggest.reasons.noFreeTime', params: {} })
    }

    const preferred = req.preferredWorkerId !== null && tech.id === req.preferredWorkerId
    if (preferred) reasons.push({ code: 'dispatch.suggest.reasons.preferred', params: {} })
    const sameTeam = req.teamId !== null && tech.teamId === req.teamId
    if (sameTeam) {
      const team = options?.teamNames?.get(req.teamId!)
      reasons.push(
        team ? { code: 'dispatch.suggest.reasons.inTeam', params: { team } } : { code: 'dispatch.suggest.reasons.sameTeam', params: {} }
      )
    }

    const loadDay = slot ? dateOf(slot.start, tz) : req.date
    const from = dayStart(loadDay, tz)
    const to = dayEnd(loadDay, tz)
    let bookedMs = 0
    for (const a of busy) bookedMs += Math.max(0, Math.min(a.end, to) - Math.max(a.start, from))
    const bookedMinutes = Math.round(bookedMs / 60_000)
    reasons.push(
      bookedMinutes === 0
        ? { code: 'dispatch.suggest.reasons.nothingBooked', params: { day: from } }
        : // Hours to a tenth.
          { code: 'dispatch.suggest.reasons.booked', params: { hours: Math.round(bookedMinutes / 6) / 10, day: from } }
    )

    ranked.push({
      workerId: tech.id,
      name: tech.name,
      slot,
      fit,
      bookedMinutes,
      reasons,
      missing: missing.length,
      preferred,
      sameTeam,
      slotDay: slot ? loadDay : '~'
    })
  }

  // A fixed collation, not the host's locale, so every machine ranks ties the same way.
  const collator = new Intl.Collator('et')
  const flag = (b: boolean): number => (b ? 0 : 1)
  ranked.sort(
    (a, b) =>
      a.missing - b.missing ||
      FIT_ORDER[a.fit] - FIT_ORDER[b.fit] ||
      flag(a.preferred) - flag(b.preferred) ||
      flag(a.sameTeam) - flag(b.sameTeam) ||
      (a.slotDay < b.slotDay ? -1 : a.slotDay > b.slotDay ? 1 : 0) ||
      a.bookedMinutes - b.bookedMinutes ||
      (a.slot?.start ?? 0) - (b.slot?.start ?? 0) ||
      collator.compare(a.name, b.name) ||
      a.workerId - b.workerId
  )
  return ranked.map(({ missing: _m, preferred: _p, sameTeam: _s, slotDay: _d, ...s }, i) => ({ rank: i + 1, ...s }))
}
