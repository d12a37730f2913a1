import { describe, expect, it } from 'vitest'
import type { BusinessCalendar } from '@shared/calendar'
import { type ShownDay, unavailableDays } from '@shared/dispatch/availability'
import type { WeekHours } from '@shared/domain/masterdata'
import { dayStart } from '@shared/time'

const TZ = 'Europe/Tallinn'
const open = { open: true, start: '08:00', end: '17:00' }
const closed = { open: false, start: '08:00', end: '17:00' }
const monToWed: WeekHours = [open, open, open, closed, closed, closed, closed]

/** The shown days from a Monday, each its local midnight to the next. */
function week(monday: string, days = 7): ShownDay[] {
  return Array.from({ length: days }, (_, n) => {
    const date = new Date(Date.parse(`${monday}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
    const next = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    return { date, start: dayStart(date, TZ), end: dayStart(next, TZ) }
  })
}

const cal = (hours: WeekHours, holidays: string[] = []): BusinessCalendar => ({ timeZone: TZ, week: hours, holidays: new Set(holidays) })

describe('unavailable days', () => {
  it('merges a Monday–Wednesday week’s closed days into one block, Thursday to the end of Sunday', () => {
    const days = week('2026-10-19')
    expect(unavailableDays(cal(monToWed), days, new Map())).toEqual([
      { start: days[3]!.start, end: days[6]!.end, reason: 'dayOff', name: null }
    ])
  })

  it('splits at a holiday, which carries its name, and keeps a nameless holiday apart from a day off', () => {
    const days = week('2026-10-19')
    const names = new Map([['2026-10-23', 'Test Day']])
    expect(unavailableDays(cal(monToWed, ['2026-10-20', '2026-10-23']), days, names)).toEqual([
      { start: days[1]!.start, end: days[1]!.end, reason: 'holiday', name: null },
      { start: days[3]!.start, end: days[3]!.end, reason: 'dayOff', name: null },
      { start: days[4]!.start, end: days[4]!.end, reason: 'holiday', name: 'Test Day' },
      { start: days[5]!.start, end: days[6]!.end, reason: 'dayOff', name: null }
    ])
  })

  it('covers the whole local day when the clocks change (Sunday 25 October 2026 has 25 hours in Tallinn)', () => {
    const days = week('2026-10-19')
    const [weekend] = unavailableDays(cal([open, open, open, open, open, closed, closed]), days, new Map())
    expect(weekend).toEqual({ start: dayStart('2026-10-24', TZ), end: dayStart('2026-10-26', TZ), reason: 'dayOff', name: null })
    expect(weekend!.end - weekend!.start).toBe(49 * 3_600_000)
  })

  it('answers nothing for a technician who works every shown day', () => {
    expect(unavailableDays(cal([open, open, open, open, open, open, open]), week('2026-10-19'), new Map())).toEqual([])
  })
})
