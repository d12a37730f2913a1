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

/** "2026-11-27 14:30" — an instant as a wall-clock date and time in the shop's time zone (for inputs). */
export function toLocalDateTime(ms: number | null, timeZone: string): string | null {
  if (ms === null) return null
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat('yyyy-LL-dd HH:mm')
}

/**
 * The instant of a wall-clock "YYYY-MM-DD HH:mm" (seconds optional) in the shop's time zone; null when the
 * text is not such a date and time. A time skipped by a daylight-saving change moves forward (03:30 on
 * the spring-forward night in Tallinn is 04:30); a repeated one (autumn) is read in the later, standard-time offset.
 */
export function fromLocalDateTime(text: string | null, timeZone: string): number | null {
  if (!text) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim())
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number]
  const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone: timeZone })
  if (!dt.isValid || dt.day !== d) return null
  return dt.toMillis()
}
