import { DateTime } from 'luxon'

/** Start of a calendar day in the shop's time zone, as UTC epoch ms (DST-safe: days may be 23 or 25 h). */
export function dayStart(date: string, timeZone: string): number {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toMillis()
}

/** Start of the following day: the exclusive end of `date`. */
export function dayEnd(date: string, timeZone: string): number {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').plus({ days: 1 }).toMillis()
}

/** The calendar date (YYYY-MM-DD) of an instant in the shop's time zone. */
export function dateOf(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toISODate()!
}

/** "27.11.2026 14:30" in the shop's time zone. */
export function formatInstant(ms: number | null, timeZone: string): string {
  if (ms === null) return ''
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('dd.LL.yyyy HH:mm')
}
