import type { WeekHours } from '@shared/domain/masterdata'
import { formatMinutes } from '@shared/sla/clock'

const DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/** The average length of an open day in minutes; null when no day is open. */
export function workingDayMinutes(week: WeekHours): number | null {
  const open = week.filter((d) => d.open && d.start < d.end)
  if (open.length === 0) return null
  return Math.round(open.reduce((sum, d) => sum + minutesOf(d.end) - minutesOf(d.start), 0) / open.length)
}

/** "Mon–Fri 08:00–17:00, Sat 09:00–13:00": runs of days with the same hours. */
export function weekText(week: WeekHours): string {
  const parts: string[] = []
  let i = 0
  while (i < week.length) {
    const d = week[i]!
    let j = i
    while (j + 1 < week.length && week[j + 1]!.open === d.open && week[j + 1]!.start === d.start && week[j + 1]!.end === d.end) j++
    if (d.open) parts.push(`${DAY[i]}${j > i ? `–${DAY[j]}` : ''} ${d.start}–${d.end}`)
    i = j + 1
  }
  return parts.length ? parts.join(', ') : 'no working hours'
}

/**
 * What a target means on this calendar: "about 1 working day 2 h" once it spans at least one working day,
 * since "10 h" of business time on an 8-hour calendar ends the next day.
 */
export function businessHint(minutes: number | null, dayMinutes: number | null): string | undefined {
  if (minutes === null || minutes <= 0 || dayMinutes === null || minutes < dayMinutes) return undefined
  return `≈ ${formatMinutes(minutes, dayMinutes).replace(/(\d+) d\b/, (_, n: string) => `${n} working ${n === '1' ? 'day' : 'days'}`)}`
}
