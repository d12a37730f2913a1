/**
 * When a technician is not there at all: whole local days off their calendar — a company holiday, or a day
 * their week (own hours, else the company's) has closed. The same calendar the conflicts (`closedDay`,
 * `holiday`), the suggestions and the planner read, so a shaded day on the board is exactly where a drop
 * raises that conflict. Hours outside a working day are not listed: the board already draws the working
 * hours of every row.
 */
import { type BusinessCalendar, isHoliday, workingDay } from '../calendar'

export const UNAVAILABLE_REASONS = ['holiday', 'dayOff'] as const
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number]

/** [start, end) in epoch ms, whole local days; `name` is the holiday's. */
export interface Unavailable {
  start: number
  end: number
  reason: UnavailableReason
  name: string | null
}

/** One shown day: its date and local [start, end). */
export interface ShownDay {
  date: string
  start: number
  end: number
}

/**
 * The unavailable days among `days` (consecutive, in order), neighbours with the same reason and name
 * merged into one interval: a Monday–Wednesday technician's week is one block, Thursday to Sunday.
 */
export function unavailableDays(
  cal: BusinessCalendar,
  days: readonly ShownDay[],
  holidayNames: ReadonlyMap<string, string>
): Unavailable[] {
  const out: Unavailable[] = []
  for (const d of days) {
    const holiday = isHoliday(cal, d.date)
    if (!holiday && workingDay(cal, d.date) !== null) continue
    const reason: UnavailableReason = holiday ? 'holiday' : 'dayOff'
    const name = holiday ? (holidayNames.get(d.date) ?? null) : null
    const last = out[out.length - 1]
    if (last && last.end === d.start && last.reason === reason && last.name === name) last.end = d.end
    else out.push({ start: d.start, end: d.end, reason, name })
  }
  return out
}
