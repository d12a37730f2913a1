/**
 * The SLA clock of a service order, computed from its history alone, so that a priority change,
 * a late "met" or a board load all derive the same answer from the same facts.
 *
 * Decisions:
 * - The clock is read "as of now": a metAt, cancelledAt or pause after `now` is not known yet and ignored.
 * - A target is breached once its deadline instant has passed (deadline < the instant the clock
 *   stopped or now). Met exactly at the deadline is on time. Business time alone cannot tell: a
 *   deadline of Friday 17:00 is breached on Saturday although no business minute has passed since.
 * - Met late is state 'breached' with both metAt and breachedAt set; headlineTarget treats it as done.
 * - Cancelled wins over breached for the state; breachedAt still tells whether it was breached first.
 * - While the clock is paused (an open pause, or one whose end is still in the future) the deadline
 *   is unknown (null) unless it was already breached before the pause. Once the clock stopped (met
 *   or cancelled), pauses are cut at that instant and the deadline is where it stood then.
 * - A calendar without working time within three years gives deadline null rather than throwing,
 *   so one bad calendar cannot take down a whole list.
 */
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween, CalendarError, type Interval } from '../calendar'

export const SLA_TARGETS = ['response', 'arrival', 'resolution'] as const
export type SlaTarget = (typeof SLA_TARGETS)[number]
export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'cancelled'
export type Badge = 'ok' | 'atRisk' | 'breached' | 'paused' | 'met' | 'cancelled'

export interface ClockInput {
  calendar: BusinessCalendar
  /** When the clock started: order created, SLA assigned or clock reset. */
  startedAt: number
  /** Business minutes per target; an absent target is not measured. */
  targets: Partial<Record<SlaTarget, number>>
  /** to = null: paused now. */
  pauses: readonly { from: number; to: number | null }[]
  metAt: Partial<Record<SlaTarget, number>>
  cancelledAt: number | null
  now: number
}

export interface TargetClock {
  target: SlaTarget
  /** The target, in business minutes. */
  minutes: number
  /** Business minutes consumed up to met, cancel or now, pauses excluded. */
  consumed: number
  /** minutes - consumed; negative when over. */
  remaining: number
  /** The instant the target is (or was) due given the pauses so far; null while paused and not yet breached. */
  deadline: number | null
  /** The deadline, when it passed before the target was met / the clock stopped / now. */
  breachedAt: number | null
  /** When the target was met (also set when met late, with state 'breached'). */
  metAt: number | null
  state: ClockState
}

export function computeClock(input: ClockInput): TargetClock[] {
  const { calendar, startedAt, now } = input
  const cancelledAt = input.cancelledAt !== null && input.cancelledAt <= now ? input.cancelledAt : null
  const clocks: TargetClock[] = []
  for (const target of SLA_TARGETS) {
    const minutes = input.targets[target]
    if (minutes === undefined) continue
    const met = input.metAt[target]
    const metAt = met !== undefined && met <= now && (cancelledAt === null || met <= cancelledAt) ? met : null
    const stoppedAt = metAt ?? cancelledAt
    const stop = Math.max(startedAt, stoppedAt ?? now)
    const pauses = pauseIntervals(input.pauses, startedAt, now, stoppedAt)

    let deadline: number | null
    try {
      const d = addBusinessMinutes(calendar, startedAt, minutes, pauses)
      deadline = Number.isFinite(d) ? d : null
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e
      deadline = null
    }
    const consumed = businessMinutesBetween(calendar, startedAt, stop, pauses)
    const breachedAt = deadline !== null && deadline < stop ? deadline : null
    const pausedNow = stoppedAt === null && pauses.some(([from, to]) => from <= now && now < to)
    // A zero-minute target is "due" at its start even inside a pause that began there; while paused, no
    // deadline is known (it moves with the pause's end), whatever the target's length.
    if (pausedNow && breachedAt === null) deadline = null

    let state: ClockState
    if (metAt !== null) state = breachedAt !== null ? 'breached' : 'met'
    else if (cancelledAt !== null) state = 'cancelled'
    else if (breachedAt !== null) state = 'breached'
    else if (pausedNow) state = 'paused'
    else state = 'running'

    clocks.push({ target, minutes, consumed, remaining: minutes - consumed, deadline, breachedAt, metAt, state })
  }
  return clocks
}

/**
 * Pauses as exclusions: clipped to the clock's start, unknown ones (starting after now) dropped,
 * running ones open-ended while the clock runs and cut at the stop once it has stopped.
 */
function pauseIntervals(pauses: ClockInput['pauses'], startedAt: number, now: number, stoppedAt: number | null): Interval[] {
  const out: Interval[] = []
  for (const p of pauses) {
    if (p.from > now) continue
    const from = Math.max(p.from, startedAt)
    let to = p.to === null || p.to > now ? Infinity : p.to
    if (stoppedAt !== null) to = Math.min(to, stoppedAt)
    if (to > from) out.push([from, to])
  }
  return out
}

/** The list badge: 'atRisk' when running with remaining <= atRiskMinutes. */
export function badgeOf(clock: TargetClock, atRiskMinutes: number): Badge {
  if (clock.state === 'running') return clock.remaining <= atRiskMinutes ? 'atRisk' : 'ok'
  return clock.state
}

/** The clock to show on a card: the first target not yet met in SLA_TARGETS order, else resolution (or the last one measured). */
export function headlineTarget(clocks: TargetClock[]): TargetClock | null {
  const ordered = [...clocks].sort((a, b) => SLA_TARGETS.indexOf(a.target) - SLA_TARGETS.indexOf(b.target))
  return ordered.find((c) => c.metAt === null) ?? ordered.find((c) => c.target === 'resolution') ?? ordered[ordered.length - 1] ?? null
}

/**
 * "45 min", "2 h 15 min", "3 d 4 h" (minutes dropped once there are days, hours truncated), "-1 h 5 min".
 * Rounded to whole minutes. A day is `minutesPerDay` (24 h by default; pass the business day's length
 * to show business days).
 */
export function formatMinutes(minutes: number, minutesPerDay = 1440): string {
  const total = Math.round(Math.abs(minutes))
  if (total === 0) return '0 min'
  const sign = minutes < 0 ? '-' : ''
  const days = Math.floor(total / minutesPerDay)
  const rest = total - days * minutesPerDay
  const hours = Math.floor(rest / 60)
  const mins = rest - hours * 60
  const parts = days > 0 ? [`${days} d`, hours > 0 ? `${hours} h` : ''] : [hours > 0 ? `${hours} h` : '', mins > 0 ? `${mins} min` : '']
  return sign + parts.filter(Boolean).join(' ')
}
