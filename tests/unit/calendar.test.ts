import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  CalendarError,
  calendarProblems,
  type Interval,
  isHoliday,
  isInsideWorkingTime,
  workingDay,
  workingIntervals
} from '../../src/shared/calendar'
import type { DayHours, WeekHours } from '../../src/shared/domain/masterdata'
import { addDays, weekday } from '../../src/shared/recurrence'
import { dayEnd, dayStart, fromLocalDateTime } from '../../src/shared/time'
import { tFor } from '@shared/i18n/i18n'
import { translate } from '@shared/i18n/issues'

const TLN = 'Europe/Tallinn'
const NYC = 'America/New_York'
const MIN = 60_000

/** A UTC instant written as ISO without the Z, so expectations read as concrete instants. */
const utc = (iso: string): number => Date.parse(`${iso}Z`)
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16)
const local = (text: string, zone = TLN): number => fromLocalDateTime(text, zone)!

const closed: DayHours = { open: false, start: '08:00', end: '17:00' }
const hours = (start: string, end: string): DayHours => ({ open: true, start, end })
const weekdays = (start = '08:00', end = '17:00'): WeekHours => [...Array(5).fill(hours(start, end)), closed, closed]
const everyDay = (start: string, end: string): WeekHours => Array(7).fill(hours(start, end))
const cal = (week: WeekHours, timeZone = TLN, holidays: string[] = []): BusinessCalendar => ({
  timeZone,
  week,
  holidays: new Set(holidays)
})

const office = cal(weekdays())

/** The problems as the English catalogue words them (calendarProblems answers message keys). */
const problemsEn = (week: WeekHours, holidays: readonly string[]) =>
  calendarProblems(week, holidays).map((p) => translate(tFor('en'), p.key, p.params))

describe('working days', () => {
  it('gives the 08:00–17:00 interval of an open weekday in the shop time zone, null on weekends', () => {
    expect(workingDay(office, '2026-05-18')).toEqual([utc('2026-05-18T05:00'), utc('2026-05-18T14:00')])
    expect(workingDay(office, '2026-01-19')).toEqual([utc('2026-01-19T06:00'), utc('2026-01-19T15:00')])
    expect(workingDay(office, '2026-05-16')).toBeNull()
    expect(workingDay(office, '2026-05-17')).toBeNull()
  })

  it('is closed on holidays', () => {
    const withHoliday = cal(weekdays(), TLN, ['2026-02-24'])
    expect(isHoliday(withHoliday, '2026-02-24')).toBe(true)
    expect(isHoliday(withHoliday, '2026-02-23')).toBe(false)
    expect(workingDay(withHoliday, '2026-02-24')).toBeNull()
    expect(workingDay(withHoliday, '2026-02-23')).not.toBeNull()
  })

  it('refuses a string that is not a date', () => {
    expect(() => workingDay(office, '2026-02-30')).toThrow(RangeError)
    expect(() => workingDay(office, '18.05.2026')).toThrow(RangeError)
  })

  it('refuses an unknown time zone with a CalendarError', () => {
    expect(() => workingDay(cal(weekdays(), 'Mars/Olympus'), '2026-05-18')).toThrow(CalendarError)
  })

  it('sees a replaced holiday set, not a stale cached day', () => {
    const c: BusinessCalendar = { timeZone: TLN, week: weekdays(), holidays: new Set() }
    expect(workingDay(c, '2026-05-18')).not.toBeNull()
    c.holidays = new Set(['2026-05-18'])
    expect(workingDay(c, '2026-05-18')).toBeNull()
  })
})

describe('Europe/Tallinn DST', () => {
  const night = cal(everyDay('02:00', '06:00'))

  it('spring-forward 2026-03-29 (03:00→04:00): a 02:00–06:00 day is 3 h, from 02:00 EET to 06:00 EEST', () => {
    expect(workingDay(night, '2026-03-28')).toEqual([utc('2026-03-28T00:00'), utc('2026-03-28T04:00')])
    expect(workingDay(night, '2026-03-29')).toEqual([utc('2026-03-29T00:00'), utc('2026-03-29T03:00')])
    expect(workingDay(night, '2026-03-30')).toEqual([utc('2026-03-29T23:00'), utc('2026-03-30T03:00')])
    expect(businessMinutesBetween(night, dayStart('2026-03-29', TLN), dayEnd('2026-03-29', TLN))).toBe(180)
  })

  it('spring-forward 2026-03-29: counting through the skipped hour jumps from 03:00 EET to 04:00 EEST', () => {
    // Saturday 05:00 EET: one hour left that day, the second hour is Sunday 02:00 EET → 03:00 EET = 04:00 EEST.
    expect(iso(addBusinessMinutes(night, utc('2026-03-28T03:00'), 120))).toBe('2026-03-29T01:00')
    expect(iso(addBusinessMinutes(night, utc('2026-03-28T03:00'), 60 + 180))).toBe('2026-03-29T03:00')
    expect(iso(addBusinessMinutes(night, utc('2026-03-28T03:00'), 60 + 181))).toBe('2026-03-29T23:01')
  })

  it('spring-forward 2026-03-29: a start or end inside the skipped hour is the moment of the jump', () => {
    expect(workingDay(cal(everyDay('03:30', '06:00')), '2026-03-29')).toEqual([utc('2026-03-29T01:00'), utc('2026-03-29T03:00')])
    expect(workingDay(cal(everyDay('01:00', '03:30')), '2026-03-29')).toEqual([utc('2026-03-28T23:00'), utc('2026-03-29T01:00')])
  })

  it('autumn-back 2026-10-25 (04:00→03:00): a 02:00–06:00 day is 5 h, from 02:00 EEST to 06:00 EET', () => {
    expect(workingDay(night, '2026-10-24')).toEqual([utc('2026-10-23T23:00'), utc('2026-10-24T03:00')])
    expect(workingDay(night, '2026-10-25')).toEqual([utc('2026-10-24T23:00'), utc('2026-10-25T04:00')])
    expect(workingDay(night, '2026-10-26')).toEqual([utc('2026-10-26T00:00'), utc('2026-10-26T04:00')])
    expect(businessMinutesBetween(night, dayStart('2026-10-25', TLN), dayEnd('2026-10-25', TLN))).toBe(300)
    // Four hours into the day is wall-clock 05:00 EET, not 06:00: the repeated hour is worked.
    expect(iso(addBusinessMinutes(night, utc('2026-10-24T23:00'), 240))).toBe('2026-10-25T03:00')
    expect(iso(addBusinessMinutes(night, utc('2026-10-24T23:00'), 300))).toBe('2026-10-25T04:00')
  })

  it('autumn-back 2026-10-25: a repeated start is its first occurrence, a repeated end its second', () => {
    expect(workingDay(cal(everyDay('03:30', '06:00')), '2026-10-25')).toEqual([utc('2026-10-25T00:30'), utc('2026-10-25T04:00')])
    expect(workingDay(cal(everyDay('01:00', '03:30')), '2026-10-25')).toEqual([utc('2026-10-24T22:00'), utc('2026-10-25T01:30')])
  })

  it('08:00–17:00 across the spring-forward weekend: Friday 16:00 + 120 min = Monday 09:00 EEST', () => {
    expect(iso(addBusinessMinutes(office, local('2026-03-27 16:00'), 120))).toBe('2026-03-30T06:00')
    expect(businessMinutesBetween(office, local('2026-03-27 08:00'), local('2026-03-30 17:00'))).toBe(18 * 60)
    expect(workingDay(office, '2026-03-27')).toEqual([utc('2026-03-27T06:00'), utc('2026-03-27T15:00')])
    expect(workingDay(office, '2026-03-30')).toEqual([utc('2026-03-30T05:00'), utc('2026-03-30T14:00')])
  })

  it('08:00–17:00 across the autumn-back weekend: Friday 16:00 EEST + 120 min = Monday 09:00 EET', () => {
    expect(iso(addBusinessMinutes(office, local('2026-10-23 16:00'), 120))).toBe('2026-10-26T07:00')
    expect(businessMinutesBetween(office, local('2026-10-23 08:00'), local('2026-10-26 17:00'))).toBe(18 * 60)
  })
})

describe('America/New_York DST', () => {
  const ny = cal(weekdays(), NYC)
  const early = cal(everyDay('01:00', '04:00'), NYC)

  it('spring-forward 2026-03-08 (02:00→03:00): a 01:00–04:00 day is 2 h; Friday 16:00 EST + 120 min = Monday 09:00 EDT', () => {
    expect(workingDay(early, '2026-03-08')).toEqual([utc('2026-03-08T06:00'), utc('2026-03-08T08:00')])
    expect(workingDay(cal(everyDay('00:00', '02:30'), NYC), '2026-03-08')).toEqual([utc('2026-03-08T05:00'), utc('2026-03-08T07:00')])
    expect(iso(addBusinessMinutes(ny, local('2026-03-06 16:00', NYC), 120))).toBe('2026-03-09T13:00')
  })

  it('autumn-back 2026-11-01 (02:00→01:00): a 01:00–04:00 day is 4 h, from the first 01:00 (EDT)', () => {
    expect(workingDay(early, '2026-11-01')).toEqual([utc('2026-11-01T05:00'), utc('2026-11-01T09:00')])
    expect(businessMinutesBetween(early, utc('2026-11-01T00:00'), utc('2026-11-02T00:00'))).toBe(240)
    expect(iso(addBusinessMinutes(ny, local('2026-10-30 16:00', NYC), 120))).toBe('2026-11-02T14:00')
  })
})

describe('nights, weekends and holidays', () => {
  it('Friday 16:00 + 120 min = Monday 09:00 for 08–17 Mon–Fri', () => {
    expect(addBusinessMinutes(office, local('2026-05-15 16:00'), 120)).toBe(local('2026-05-18 09:00'))
    expect(iso(addBusinessMinutes(office, local('2026-05-15 16:00'), 120))).toBe('2026-05-18T06:00')
  })

  it('ends at the closing time itself when the minutes run out exactly then, not at the next opening', () => {
    expect(addBusinessMinutes(office, local('2026-05-15 16:00'), 60)).toBe(local('2026-05-15 17:00'))
    expect(addBusinessMinutes(office, local('2026-05-15 16:00'), 61)).toBe(local('2026-05-18 08:01'))
  })

  it('crosses a night within the week', () => {
    expect(addBusinessMinutes(office, local('2026-05-19 16:30'), 90)).toBe(local('2026-05-20 09:00'))
    expect(businessMinutesBetween(office, local('2026-05-19 16:30'), local('2026-05-20 09:00'))).toBe(90)
  })

  it('start outside working time: counting begins at the next opening', () => {
    expect(addBusinessMinutes(office, local('2026-05-16 12:00'), 30)).toBe(local('2026-05-18 08:30'))
    expect(addBusinessMinutes(office, local('2026-05-19 06:00'), 60)).toBe(local('2026-05-19 09:00'))
    expect(addBusinessMinutes(office, local('2026-05-19 20:00'), 60)).toBe(local('2026-05-20 09:00'))
    expect(businessMinutesBetween(office, local('2026-05-16 12:00'), local('2026-05-18 08:30'))).toBe(30)
  })

  it('adding 0 minutes is the start itself, even outside working time', () => {
    expect(addBusinessMinutes(office, local('2026-05-16 12:00'), 0)).toBe(local('2026-05-16 12:00'))
  })

  it('adds two weeks of business minutes in whole days: 10 working days of 9 h', () => {
    expect(addBusinessMinutes(office, local('2026-05-18 08:00'), 10 * 9 * 60)).toBe(local('2026-05-29 17:00'))
    expect(addBusinessMinutes(office, local('2026-05-18 09:15'), 10 * 9 * 60)).toBe(local('2026-06-01 09:15'))
  })

  it('skips a holiday: Monday 16:00 + 120 min over Tuesday 24 Feb = Wednesday 09:00', () => {
    const estonia = cal(weekdays(), TLN, ['2026-02-24'])
    expect(addBusinessMinutes(estonia, local('2026-02-23 16:00'), 120)).toBe(local('2026-02-25 09:00'))
    expect(businessMinutesBetween(estonia, local('2026-02-23 08:00'), local('2026-02-26 08:00'))).toBe(2 * 9 * 60)
  })

  it('a holiday on the only open weekday skips to the next week', () => {
    const mondays = cal([hours('08:00', '17:00'), closed, closed, closed, closed, closed, closed], TLN, ['2026-06-01'])
    expect(addBusinessMinutes(mondays, local('2026-05-25 16:30'), 60)).toBe(local('2026-06-08 08:30'))
    expect(businessMinutesBetween(mondays, local('2026-05-25 00:00'), local('2026-06-09 00:00'))).toBe(2 * 9 * 60)
  })

  it('refuses negative or non-finite input', () => {
    expect(() => addBusinessMinutes(office, local('2026-05-18 08:00'), -1)).toThrow(RangeError)
    expect(() => addBusinessMinutes(office, local('2026-05-18 08:00'), NaN)).toThrow(RangeError)
    expect(() => addBusinessMinutes(office, Infinity, 1)).toThrow(RangeError)
  })
})

describe('business minutes between', () => {
  it('is 0 for an empty or inverted range and exact (not rounded) otherwise', () => {
    const t = local('2026-05-18 10:00')
    expect(businessMinutesBetween(office, t, t)).toBe(0)
    expect(businessMinutesBetween(office, t, t - MIN)).toBe(0)
    expect(businessMinutesBetween(office, t, t + 90_000)).toBe(1.5)
    expect(businessMinutesBetween(office, t, t + 1)).toBe(1 / 60_000)
  })

  it('counts a whole week of 08–17 Mon–Fri as 45 h', () => {
    expect(businessMinutesBetween(office, local('2026-05-18 00:00'), local('2026-05-25 00:00'))).toBe(45 * 60)
  })

  it('subtracts pause intervals, including one spanning a night and an open-ended one', () => {
    const a = local('2026-05-18 08:00')
    const b = local('2026-05-20 17:00')
    const night: Interval = [local('2026-05-18 16:00'), local('2026-05-19 10:00')]
    expect(businessMinutesBetween(office, a, b, [night])).toBe(27 * 60 - 180)
    expect(businessMinutesBetween(office, a, b, [night, [local('2026-05-20 12:00'), Infinity]])).toBe(27 * 60 - 180 - 300)
    expect(businessMinutesBetween(office, a, Infinity, [[local('2026-05-18 12:00'), Infinity]])).toBe(240)
    expect(() => businessMinutesBetween(office, a, Infinity)).toThrow(RangeError)
  })

  it('counts overlapping and unsorted exclusions once', () => {
    const a = local('2026-05-18 08:00')
    const b = local('2026-05-18 17:00')
    const ex: Interval[] = [
      [local('2026-05-18 12:00'), local('2026-05-18 13:00')],
      [local('2026-05-18 09:00'), local('2026-05-18 10:00')],
      [local('2026-05-18 09:30'), local('2026-05-18 10:30')],
      [local('2026-05-18 14:00'), local('2026-05-18 13:00')]
    ]
    expect(businessMinutesBetween(office, a, b, ex)).toBe(9 * 60 - 90 - 60)
  })
})

describe('addBusinessMinutes with exclusions', () => {
  it('skips a pause spanning a night', () => {
    const ex: Interval[] = [[local('2026-05-18 16:00'), local('2026-05-19 10:00')]]
    expect(addBusinessMinutes(office, local('2026-05-18 15:00'), 120, ex)).toBe(local('2026-05-19 11:00'))
  })

  it('jumps over a pause of several weeks', () => {
    const ex: Interval[] = [[local('2026-05-18 12:00'), local('2026-07-01 12:00')]]
    expect(addBusinessMinutes(office, local('2026-05-18 10:00'), 180, ex)).toBe(local('2026-07-01 13:00'))
    expect(businessMinutesBetween(office, local('2026-05-18 10:00'), local('2026-07-01 13:00'), ex)).toBe(180)
  })

  it('stops at the start of a pause when the minutes run out exactly there', () => {
    const ex: Interval[] = [[local('2026-05-18 12:00'), local('2026-05-18 14:00')]]
    expect(addBusinessMinutes(office, local('2026-05-18 10:00'), 120, ex)).toBe(local('2026-05-18 12:00'))
  })

  it('is Infinity when an open-ended pause starts before the minutes are used up', () => {
    const ex: Interval[] = [[local('2026-05-18 12:00'), Infinity]]
    expect(addBusinessMinutes(office, local('2026-05-18 10:00'), 121, ex)).toBe(Infinity)
    expect(addBusinessMinutes(office, local('2026-05-18 10:00'), 120, ex)).toBe(local('2026-05-18 12:00'))
  })
})

describe('working intervals and working time', () => {
  it('lists the working intervals clipped to the range, in order', () => {
    expect(workingIntervals(office, local('2026-05-15 12:00'), local('2026-05-19 09:30'))).toEqual([
      [local('2026-05-15 12:00'), local('2026-05-15 17:00')],
      [local('2026-05-18 08:00'), local('2026-05-18 17:00')],
      [local('2026-05-19 08:00'), local('2026-05-19 09:30')]
    ])
    expect(workingIntervals(office, local('2026-05-16 00:00'), local('2026-05-18 00:00'))).toEqual([])
    expect(workingIntervals(office, local('2026-05-19 00:00'), local('2026-05-18 00:00'))).toEqual([])
  })

  it('is inside working time only within one working interval', () => {
    expect(isInsideWorkingTime(office, local('2026-05-18 08:00'), local('2026-05-18 17:00'))).toBe(true)
    expect(isInsideWorkingTime(office, local('2026-05-18 10:00'), local('2026-05-18 12:00'))).toBe(true)
    expect(isInsideWorkingTime(office, local('2026-05-18 07:59'), local('2026-05-18 09:00'))).toBe(false)
    expect(isInsideWorkingTime(office, local('2026-05-18 16:00'), local('2026-05-18 17:01'))).toBe(false)
    expect(isInsideWorkingTime(office, local('2026-05-16 10:00'), local('2026-05-16 11:00'))).toBe(false)
    // Both days are open, but the night between them is not working time.
    expect(isInsideWorkingTime(office, local('2026-05-18 16:00'), local('2026-05-19 09:00'))).toBe(false)
    const allDay = cal(everyDay('00:00', '23:59'))
    expect(isInsideWorkingTime(allDay, local('2026-05-18 23:00'), local('2026-05-19 01:00'))).toBe(false)
  })

  it('treats an empty range as its instant and an inverted one as outside', () => {
    expect(isInsideWorkingTime(office, local('2026-05-18 10:00'), local('2026-05-18 10:00'))).toBe(true)
    expect(isInsideWorkingTime(office, local('2026-05-18 17:00'), local('2026-05-18 17:00'))).toBe(false)
    expect(isInsideWorkingTime(office, local('2026-05-18 11:00'), local('2026-05-18 10:00'))).toBe(false)
  })

  it('Europe/Tallinn spring-forward 2026-03-29: 02:00 EET–06:00 EEST is inside the 02:00–06:00 day', () => {
    const night = cal(everyDay('02:00', '06:00'))
    expect(isInsideWorkingTime(night, utc('2026-03-29T00:00'), utc('2026-03-29T03:00'))).toBe(true)
    expect(isInsideWorkingTime(night, utc('2026-03-29T00:00'), utc('2026-03-29T03:01'))).toBe(false)
  })
})

describe('calendars without working time', () => {
  const noHours = cal(Array(7).fill(closed))

  it('calendar with no working hours: addBusinessMinutes throws CalendarError, calendarProblems says so', () => {
    expect(() => addBusinessMinutes(noHours, local('2026-05-18 08:00'), 1)).toThrow(CalendarError)
    expect(problemsEn(noHours.week, [])).toContain('The calendar has no working hours')
    expect(businessMinutesBetween(noHours, local('2026-05-18 08:00'), local('2027-05-18 08:00'))).toBe(0)
  })

  it('holidays covering every working day for 3+ years: CalendarError, and calendarProblems names the span', () => {
    const mondays: string[] = []
    for (let d = '2026-01-05'; d <= '2029-12-31'; d = addDays(d, 7)) mondays.push(d)
    const week: WeekHours = [hours('08:00', '17:00'), closed, closed, closed, closed, closed, closed]
    const c = cal(week, TLN, mondays)
    expect(() => addBusinessMinutes(c, local('2026-01-01 08:00'), 60)).toThrow(CalendarError)
    expect(problemsEn(week, mondays)).toEqual(['The holidays close every working day from 2025-12-30 to 2030-01-06'])
  })

  it('holidays covering two years still find the first Monday after them', () => {
    const mondays: string[] = []
    for (let d = '2026-01-05'; d <= '2027-12-27'; d = addDays(d, 7)) mondays.push(d)
    const week: WeekHours = [hours('08:00', '17:00'), closed, closed, closed, closed, closed, closed]
    expect(addBusinessMinutes(cal(week, TLN, mondays), local('2026-01-01 08:00'), 60)).toBe(local('2028-01-03 09:00'))
    expect(problemsEn(week, mondays)).toEqual([])
  })
})

describe('calendarProblems', () => {
  it('is empty for a usual calendar with holidays', () => {
    expect(problemsEn(weekdays(), ['2026-02-24', '2026-12-24'])).toEqual([])
  })

  it('reports inverted hours, bad times, bad dates and duplicates', () => {
    const week = weekdays()
    week[1] = hours('17:00', '08:00')
    week[2] = hours('8:00', '17:00')
    expect(problemsEn(week, ['2026-02-30', '2026-02-24', '2026-02-24'])).toEqual([
      'Tuesday: end must be after start',
      'Wednesday: use the format HH:MM',
      'Not a date: 2026-02-30',
      '2026-02-24 is listed twice'
    ])
  })

  it('reports a week that is not seven days', () => {
    expect(problemsEn(weekdays().slice(0, 5), [])).toContain('Seven weekdays, Monday first')
  })
})

/* ---------- properties ---------- */

const ZONES = [TLN, NYC, 'UTC'] as const
const pad = (n: number): string => String(n).padStart(2, '0')
const hhmm = (m: number): string => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`

const dayHoursArb: fc.Arbitrary<DayHours> = fc.oneof(
  fc.constant(closed),
  fc
    .tuple(fc.integer({ min: 0, max: 1438 }), fc.integer({ min: 1, max: 1439 }))
    .map(([s, len]) => hours(hhmm(s), hhmm(Math.min(1439, s + len))))
)

const EPOCH_2026 = utc('2026-01-01T00:00')
const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    week: fc.array(dayHoursArb, { minLength: 7, maxLength: 7 }),
    zone: fc.constantFrom(...ZONES),
    holidays: fc.uniqueArray(fc.integer({ min: -30, max: 730 }), { maxLength: 40 })
  })
  .filter((r) => r.week.some((d) => d.open))
  .map((r) =>
    cal(
      r.week,
      r.zone,
      r.holidays.map((n) => addDays('2026-01-01', n))
    )
  )

// Around both 2026 DST changes in both zones, and beyond the holidays.
const instantArb = fc.integer({ min: EPOCH_2026 - 40 * 86_400_000, max: EPOCH_2026 + 800 * 86_400_000 })
const minutesArb = fc.integer({ min: 0, max: 20 * 24 * 60 })

const exclusionsArb: fc.Arbitrary<Interval[]> = fc.array(
  fc
    .tuple(instantArb, fc.integer({ min: 1, max: 30 * 86_400_000 }), fc.boolean())
    .map(([s, len, open]): Interval => [s, open ? Infinity : s + len]),
  { maxLength: 4 }
)

const closeTo = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6

const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))
/**
 * Up to six weeks of the calendar's own working time. Twenty days of minutes in a calendar open one minute a
 * week walked 28,800 weeks: a few such cases made the additivity property take 60 s in CI, where the unit tests
 * get the CPU the browsers leave, and time out.
 */
const withinWeeks = (c: BusinessCalendar, n: number): number =>
  n % (6 * c.week.reduce((t, d) => t + (d.open ? minutesOf(d.end) - minutesOf(d.start) : 0), 0) + 1)
// `HOOLDUS_PROPERTY_RUNS=10` runs ten times as many cases.
const RUNS = Number(process.env.HOOLDUS_PROPERTY_RUNS ?? 1)
const runs = (n: number): { numRuns: number } => ({ numRuns: n * RUNS })

describe('properties (fast-check)', () => {
  it('businessMinutesBetween(s, addBusinessMinutes(s, N)) === N for random calendars in Tallinn, New York and UTC', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, (c, s, m) => {
        const n = withinWeeks(c, m)
        const end = addBusinessMinutes(c, s, n)
        expect(end).toBeGreaterThanOrEqual(s)
        expect(businessMinutesBetween(c, s, end)).toBe(n)
      }),
      runs(200)
    )
  })

  it('additivity: add(add(s, a), b) === add(s, a + b)', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, minutesArb, (c, s, am, bm) => {
        const [a, b] = [withinWeeks(c, am), withinWeeks(c, bm)]
        expect(addBusinessMinutes(c, addBusinessMinutes(c, s, a), b)).toBe(addBusinessMinutes(c, s, a + b))
      }),
      runs(200)
    )
  })

  it('a positive total ends inside or at the close of a working interval', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 1, max: 20000 }), (c, s, m) => {
        const n = withinWeeks(c, m - 1) + 1
        const end = addBusinessMinutes(c, s, n)
        const containing = workingIntervals(c, end - 86_400_000, end + 86_400_000).some(([a, b]) => a < end && end <= b)
        expect(containing).toBe(true)
      }),
      runs(150)
    )
  })

  it('between is monotone in its end and additive over a split point', () => {
    fc.assert(
      fc.property(calendarArb, fc.array(instantArb, { minLength: 3, maxLength: 3 }), (c, xs) => {
        const [a, b, d] = [...xs].sort((x, y) => x - y) as [number, number, number]
        expect(businessMinutesBetween(c, a, b)).toBeLessThanOrEqual(businessMinutesBetween(c, a, d))
        expect(businessMinutesBetween(c, b, d)).toBeLessThanOrEqual(businessMinutesBetween(c, a, d))
        expect(closeTo(businessMinutesBetween(c, a, b) + businessMinutesBetween(c, b, d), businessMinutesBetween(c, a, d))).toBe(true)
      }),
      runs(60)
    )
  })

  it('between agrees with the summed working intervals, which lie inside their own days', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 40 * 86_400_000 }), (c, a, len) => {
        const ivs = workingIntervals(c, a, a + len)
        const sum = ivs.reduce((t, [s, e]) => t + (e - s), 0) / MIN
        expect(closeTo(sum, businessMinutesBetween(c, a, a + len))).toBe(true)
        ivs.forEach(([s, e], i) => {
          expect(e).toBeGreaterThan(s)
          if (i > 0) expect(s).toBeGreaterThanOrEqual(ivs[i - 1]![1])
        })
      }),
      runs(100)
    )
  })

  it('every working day lies within its date, and is closed exactly on holidays and closed weekdays', () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: -30, max: 760 }), (c, n) => {
        const date = addDays('2026-01-01', n)
        const iv = workingDay(c, date)
        const shouldOpen = c.week[weekday(date)]!.open && !c.holidays.has(date)
        expect(iv !== null).toBe(shouldOpen)
        if (iv) {
          expect(iv[0]).toBeGreaterThanOrEqual(dayStart(date, c.timeZone))
          expect(iv[1]).toBeLessThanOrEqual(dayEnd(date, c.timeZone))
        }
      }),
      runs(200)
    )
  })

  it('with random pause exclusions (some open-ended): round trip, additivity and monotonicity still hold', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, minutesArb, minutesArb, exclusionsArb, (c, s, am, bm, ex) => {
        const [a, b] = [withinWeeks(c, am), withinWeeks(c, bm)]
        const end = addBusinessMinutes(c, s, a, ex)
        if (Number.isFinite(end)) {
          expect(businessMinutesBetween(c, s, end, ex)).toBe(a)
          expect(addBusinessMinutes(c, end, b, ex)).toBe(addBusinessMinutes(c, s, a + b, ex))
        } else {
          expect(businessMinutesBetween(c, s, Infinity, ex)).toBeLessThan(a)
          expect(addBusinessMinutes(c, s, a + b, ex)).toBe(Infinity)
        }
        const later = addBusinessMinutes(c, s, a + b, ex)
        expect(later).toBeGreaterThanOrEqual(end)
        expect(businessMinutesBetween(c, s, s + 86_400_000, ex)).toBeLessThanOrEqual(businessMinutesBetween(c, s, s + 86_400_000))
      }),
      runs(200)
    )
  })
})
