import type { TFunction } from 'i18next'
import type { WeekHours } from '@shared/domain/masterdata'
import type { Formats } from '@shared/i18n/format'

/** The name of the i-th day of the week (0 = Monday), "Mon" / "E": 1 January 2024 was a Monday. */
const dayName = (f: Formats, i: number) => f.weekday(`2024-01-0${i + 1}`, 'short')

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/** The average length of an open day in minutes; null when no day is open. */
export function workingDayMinutes(week: WeekHours): number | null {
  const open = week.filter((d) => d.open && d.start < d.end)
  if (open.length === 0) return null
  return Math.round(open.reduce((sum, d) => sum + minutesOf(d.end) - minutesOf(d.start), 0) / open.length)
}

/** "Mon–Fri 08:00–17:00, Sat 09:00–13:00" / "E–R 08:00–17:00, L 09:00–13:00": runs of days with the same hours. */
export function weekText(t: TFunction, f: Formats, week: WeekHours): string {
  const parts: string[] = []
  let i = 0
  while (i < week.length) {
    const d = week[i]!
    let j = i
    while (j + 1 < week.length && week[j + 1]!.open === d.open && week[j + 1]!.start === d.start && week[j + 1]!.end === d.end) j++
    if (d.open) parts.push(`${dayName(f, i)}${j > i ? `–${dayName(f, j)}` : ''} ${d.start}–${d.end}`)
    i = j + 1
  }
  return parts.length ? parts.join(', ') : t('sla.calendar.noWorkingHours')
}

/**
 * What a target means on this calendar: "≈ 1 working day 2 h" once it spans at least one working day,
 * since "10 h" of business time on an 8-hour calendar ends the next day. Whole days and hours, as the
 * SLA clock's durations are shown.
 */
export function businessHint(t: TFunction, minutes: number | null, dayMinutes: number | null): string | undefined {
  if (minutes === null || minutes <= 0 || dayMinutes === null || minutes < dayMinutes) return undefined
  const total = Math.round(minutes)
  const days = Math.floor(total / dayMinutes)
  const hours = Math.floor((total - days * dayMinutes) / 60)
  const parts = [t('sla.targets.workingDays', { count: days }), hours > 0 ? t('format.duration.hours', { count: hours }) : '']
  return `≈ ${parts.filter(Boolean).join(' ')}`
}
