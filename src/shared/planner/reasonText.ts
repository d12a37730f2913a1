/**
 * Why the planner put a visit where it did, as one line in the reader's language: "closest qualified
 * technician with a free slot before the 12:00 response deadline; 18 min from the previous job (SO-000123)".
 * Made from the solver's reason codes (ADR 0020) as the proposal carries them (instants as epoch ms).
 */
import type { PlanReason } from '../domain/planDay'
import type { SlaTargetKind } from '../domain/sla'
import type { Formats } from '../i18n/format'
import type { T } from '../i18n/i18n'
import { UNPLANNED_CODES, type UnplannedCode } from './solver'

const LEFT: ReadonlySet<string> = new Set(UNPLANNED_CODES)

/** "response", "on-site", "resolution": which SLA target the deadline is. */
const targetText = (t: T, r: PlanReason): string => t(`planDay.target.${(r.params.target ?? 'response') as SlaTargetKind}`)

const num = (r: PlanReason, name: string): number => Number(r.params[name] ?? 0)

/** "12:00", or "24.02 12:00" on another day than the visit's. */
function when(f: Formats, ms: number, ref: number): string {
  const dt = f.dateTime(ms)
  return dt.slice(0, 10) === f.dateTime(ref).slice(0, 10) ? f.time(ms) : `${dt.slice(0, 5)} ${f.time(ms)}`
}

/** `start`: the visit's start, against which times on the same day are written as a time only. */
export function planReasonText(t: T, f: Formats, reasons: readonly PlanReason[], start: number): string {
  const by = new Map(reasons.map((r) => [r.code, r]))
  const parts: string[] = []
  if (by.has('LOCKED')) return t('planDay.reasons.locked')
  const unplanned = reasons.find((r) => LEFT.has(r.code))
  if (unplanned) return t(`planDay.unplanned.${unplanned.code as UnplannedCode}`, { skills: String(unplanned.params.skills ?? '') })
  const met = by.get('DEADLINE_MET')
  const deadline = met ? { deadline: when(f, num(met, 'deadline'), start), target: targetText(t, met) } : null
  const count = num(by.get('QUALIFIED_TECHNICIANS') ?? { code: '', params: {} }, 'count')
  if (by.has('CLOSEST_QUALIFIED')) parts.push(deadline ? t('planDay.reasons.closestBefore', deadline) : t('planDay.reasons.closest'))
  else if (by.has('QUALIFIED_TECHNICIANS'))
    parts.push(deadline ? t('planDay.reasons.qualifiedBefore', { ...deadline, count }) : t('planDay.reasons.qualified', { count }))
  const missed = by.get('DEADLINE_MISSED')
  if (missed)
    parts.push(
      t('planDay.reasons.missed', {
        deadline: when(f, num(missed, 'deadline'), start),
        target: targetText(t, missed),
        late: f.duration(num(missed, 'lateMinutes'))
      })
    )
  const prev = by.get('FROM_PREVIOUS')
  if (prev)
    parts.push(
      prev.params.from
        ? t('planDay.reasons.fromPrevious', { minutes: num(prev, 'minutes'), order: String(prev.params.from) })
        : t('planDay.reasons.fromHome', { minutes: num(prev, 'minutes') })
    )
  const late = by.get('WINDOW_LATE')
  if (late) parts.push(t('planDay.reasons.windowLate', { late: f.duration(num(late, 'lateMinutes')) }))
  else if (by.has('WAITS_FOR_WINDOW'))
    parts.push(t('planDay.reasons.waits', { time: when(f, num(by.get('WAITS_FOR_WINDOW')!, 'from'), start) }))
  else if (by.has('WINDOW_KEPT')) parts.push(t('planDay.reasons.windowKept'))
  return parts.join('; ')
}
