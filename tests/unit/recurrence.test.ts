import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonths,
  daysBetween,
  isOpenDay,
  nearestOpen,
  nthOccurrence,
  occurrences,
  type Occurrence,
  placeOccurrences,
  weekday,
  windowOf,
  type WorkCalendar
} from '../../src/shared/recurrence'

const weekdaysOnly: WorkCalendar = { openWeekdays: [true, true, true, true, true, false, false], holidays: new Set() }
const everyDay: WorkCalendar = { openWeekdays: [true, true, true, true, true, true, true], holidays: new Set() }

describe('stepping', () => {
  it('keeps the day of month, clamped to the month end, without drifting', () => {
    const monthly = { unit: 'month', every: 1 } as const
    expect([0, 1, 2, 3].map((n) => nthOccurrence('2024-01-31', monthly, n))).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30'
    ])
    expect(nthOccurrence('2023-01-31', monthly, 1)).toBe('2023-02-28')
  })

  it('handles leap days on yearly lines', () => {
    const yearly = { unit: 'year', every: 1 } as const
    expect([0, 1, 2, 3, 4].map((n) => nthOccurrence('2024-02-29', yearly, n))).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29'
    ])
  })

  it('steps weeks across the daylight-saving change without shifting the weekday', () => {
    // Europe/Tallinn moves clocks on 29 March and 25 October 2026; calendar dates must not notice.
    const weekly = { unit: 'week', every: 1 } as const
    const dates = occurrences('2026-03-16', null, weekly, '2026-03-16', '2026-04-13')
    expect(dates).toEqual(['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13'])
    expect(dates.every((d) => weekday(d) === 0)).toBe(true)
    expect(occurrences('2026-10-19', null, weekly, '2026-10-19', '2026-11-02')).toEqual(['2026-10-19', '2026-10-26', '2026-11-02'])
  })

  it('clips to the range and the line end, and a line without interval happens once', () => {
    const biweekly = { unit: 'week', every: 2 } as const
    expect(occurrences('2026-01-05', '2026-02-16', biweekly, '2026-01-20', '2026-12-31')).toEqual(['2026-02-02', '2026-02-16'])
    expect(occurrences('2026-03-01', null, null, '2026-01-01', '2026-12-31')).toEqual(['2026-03-01'])
    expect(occurrences('2025-03-01', null, null, '2026-01-01', '2026-12-31')).toEqual([])
  })

  it('matches naive stepping from the start for any start, interval and range (property)', () => {
    const date = fc.integer({ min: 0, max: 3650 }).map((d) => addDays('2020-01-01', d))
    const interval = fc.record({ unit: fc.constantFrom('day', 'week', 'month', 'year' as const), every: fc.integer({ min: 1, max: 6 }) })
    fc.assert(
      fc.property(date, interval, date, fc.integer({ min: 0, max: 400 }), (start, iv, from, len) => {
        const to = addDays(from, len)
        const expected: string[] = []
        for (let n = 0; ; n++) {
          const d = nthOccurrence(start, iv, n)
          if (d > to) break
          if (d >= from) expected.push(d)
        }
        expect(occurrences(start, null, iv, from, to)).toEqual(expected)
      }),
      { numRuns: 300 }
    )
  })

  it('addMonths and daysBetween agree with the calendar', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2)
  })
})

describe('time windows', () => {
  it('week windows run Monday to Sunday, month windows the whole month, manual ± days', () => {
    expect(windowOf('2026-11-27', { kind: 'week', daysBefore: 0, daysAfter: 0 })).toEqual({ from: '2026-11-23', to: '2026-11-29' })
    expect(windowOf('2024-02-10', { kind: 'month', daysBefore: 0, daysAfter: 0 })).toEqual({ from: '2024-02-01', to: '2024-02-29' })
    expect(windowOf('2026-01-02', { kind: 'manual', daysBefore: 3, daysAfter: 2 })).toEqual({ from: '2025-12-30', to: '2026-01-04' })
    expect(windowOf('2026-01-02', null)).toEqual({ from: '2026-01-02', to: '2026-01-02' })
  })

  it('open days respect weekdays and holidays', () => {
    const cal: WorkCalendar = { ...weekdaysOnly, holidays: new Set(['2026-12-24', '2026-12-25']) }
    expect(isOpenDay('2026-12-24', cal)).toBe(false)
    expect(isOpenDay('2026-12-26', cal)).toBe(false)
    expect(isOpenDay('2026-12-28', cal)).toBe(true)
    expect(nearestOpen('2026-12-21', '2026-12-27', '2026-12-26', cal)).toBe('2026-12-23')
    expect(nearestOpen('2026-12-26', '2026-12-27', '2026-12-26', cal)).toBeNull()
  })
})

describe('placing occurrences on as few dates as possible', () => {
  const occ = (lineKey: string, date: string, window: ReturnType<typeof windowOf>, groupKey = 'agreement'): Occurrence => ({
    lineKey,
    groupKey,
    date,
    ...window
  })

  it('without windows every occurrence keeps its date; a closed day is flagged, not moved', () => {
    const placed = placeOccurrences(
      [occ('a', '2026-11-28', windowOf('2026-11-28', null)), occ('b', '2026-11-30', windowOf('2026-11-30', null))],
      weekdaysOnly
    )
    expect(placed.map((p) => [p.date, p.calendarConflict])).toEqual([
      ['2026-11-28', true],
      ['2026-11-30', false]
    ])
  })

  it('week windows gather the lines of a week into one open day', () => {
    const week = { kind: 'week', daysBefore: 0, daysAfter: 0 } as const
    const dates = ['2026-11-23', '2026-11-25', '2026-11-27']
    const placed = placeOccurrences(
      dates.map((d, i) => occ(`l${i}`, d, windowOf(d, week))),
      weekdaysOnly
    )
    expect(placed).toHaveLength(1)
    expect(placed[0]!.date).toBe('2026-11-25')
    expect(placed[0]!.occurrences).toHaveLength(3)
  })

  it('never puts two occurrences of one line on the same date', () => {
    const month = { kind: 'month', daysBefore: 0, daysAfter: 0 } as const
    const weekly = occurrences('2026-11-02', null, { unit: 'week', every: 1 }, '2026-11-01', '2026-11-30')
    const placed = placeOccurrences(
      weekly.map((d) => occ('weekly', d, windowOf(d, month))),
      weekdaysOnly
    )
    expect(placed).toHaveLength(weekly.length)
    expect(new Set(placed.map((p) => p.date)).size).toBe(weekly.length)
  })

  it('biweekly and weekly lines on the same object share an order every other week', () => {
    const weekly = occurrences('2026-01-05', null, { unit: 'week', every: 1 }, '2026-01-01', '2026-02-28')
    const biweekly = occurrences('2026-01-05', null, { unit: 'week', every: 2 }, '2026-01-01', '2026-02-28')
    const all = [
      ...weekly.map((d) => occ('w', d, windowOf(d, null), 'obj-1')),
      ...biweekly.map((d) => occ('b', d, windowOf(d, null), 'obj-1'))
    ]
    const placed = placeOccurrences(all, weekdaysOnly)
    expect(placed).toHaveLength(weekly.length)
    expect(placed.filter((p) => p.occurrences.length === 2).map((p) => p.date)).toEqual(biweekly)
  })

  it('different combine groups never share a date', () => {
    const week = { kind: 'week', daysBefore: 0, daysAfter: 0 } as const
    const placed = placeOccurrences(
      [occ('a', '2026-11-24', windowOf('2026-11-24', week), 'task-1'), occ('b', '2026-11-24', windowOf('2026-11-24', week), 'task-2')],
      weekdaysOnly
    )
    expect(placed).toHaveLength(2)
  })

  it('uses the fewest dates any placement could (property: against brute force on small cases)', () => {
    const arb = fc.array(fc.record({ start: fc.integer({ min: 0, max: 20 }), len: fc.integer({ min: 0, max: 6 }) }), {
      minLength: 1,
      maxLength: 6
    })
    fc.assert(
      fc.property(arb, (specs) => {
        const base = '2026-06-01'
        const os = specs.map((s, i) =>
          occ(`l${i}`, addDays(base, s.start), { from: addDays(base, s.start), to: addDays(base, s.start + s.len) })
        )
        const placed = placeOccurrences(os, everyDay)
        // Each occurrence sits inside its window, and every occurrence is placed exactly once.
        for (const p of placed) for (const o of p.occurrences) expect(p.date >= o.from && p.date <= o.to).toBe(true)
        expect(placed.flatMap((p) => p.occurrences)).toHaveLength(os.length)
        // Minimum number of stabbing points, by brute force over subsets of candidate dates.
        const candidates = [...new Set(os.map((o) => o.to))]
        let best = os.length
        for (let mask = 1; mask < 1 << candidates.length; mask++) {
          const chosen = candidates.filter((_, i) => mask & (1 << i))
          if (chosen.length < best && os.every((o) => chosen.some((d) => d >= o.from && d <= o.to))) best = chosen.length
        }
        expect(placed.length).toBe(best)
      }),
      { numRuns: 300 }
    )
  })

  it("combines a one-off visit with the weekly occurrence nearest to it, not the weekly line's first (issue 14)", () => {
    const month = { kind: 'month', daysBefore: 0, daysAfter: 0 } as const
    const days2 = { kind: 'manual', daysBefore: 2, daysAfter: 2 } as const
    const weekly = occurrences('2026-06-01', null, { unit: 'week', every: 1 }, '2026-06-01', '2026-06-30')
    const placed = placeOccurrences(
      [...weekly.map((d) => occ('weekly', d, windowOf(d, month))), occ('once', '2026-06-24', windowOf('2026-06-24', days2))],
      weekdaysOnly
    )
    expect(placed.map((p) => [p.date, p.occurrences.map((o) => `${o.lineKey} ${o.date}`).sort()])).toEqual([
      ['2026-06-01', ['weekly 2026-06-01']],
      ['2026-06-08', ['weekly 2026-06-08']],
      ['2026-06-15', ['weekly 2026-06-15']],
      ['2026-06-22', ['once 2026-06-24', 'weekly 2026-06-22']],
      ['2026-06-29', ['weekly 2026-06-29']]
    ])
  })

  it('batches of a group that land on one date become one placement', () => {
    // Holidays close Monday to Thursday: a daily line's two occurrences cannot share a batch, yet both
    // windows' only open day is Friday 26 June.
    const cal: WorkCalendar = {
      openWeekdays: weekdaysOnly.openWeekdays,
      holidays: new Set(['2026-06-22', '2026-06-23', '2026-06-24', '2026-06-25'])
    }
    const around = { kind: 'manual', daysBefore: 1, daysAfter: 4 } as const
    const placed = placeOccurrences(
      [occ('a', '2026-06-22', windowOf('2026-06-22', around)), occ('a', '2026-06-23', windowOf('2026-06-23', around))],
      cal
    )
    expect(placed).toHaveLength(1)
    expect(placed[0]).toMatchObject({ date: '2026-06-26', calendarConflict: false })
    expect(placed[0]!.occurrences).toHaveLength(2)
  })

  it('never gives a group two placements on one date and places every occurrence once, inside its window (property)', () => {
    const windows = [
      null,
      { kind: 'week', daysBefore: 0, daysAfter: 0 },
      { kind: 'month', daysBefore: 0, daysAfter: 0 },
      { kind: 'manual', daysBefore: 2, daysAfter: 2 },
      { kind: 'manual', daysBefore: 0, daysAfter: 10 }
    ] as const
    const line = fc.record({
      start: fc.integer({ min: 0, max: 60 }),
      unit: fc.constantFrom('day', 'week', 'month'),
      every: fc.integer({ min: 1, max: 3 }),
      once: fc.boolean(),
      window: fc.integer({ min: 0, max: windows.length - 1 }),
      group: fc.integer({ min: 0, max: 2 })
    })
    const holidays = fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 15 })
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), holidays, (lines, closed) => {
        const base = '2026-06-01'
        const cal: WorkCalendar = { openWeekdays: weekdaysOnly.openWeekdays, holidays: new Set(closed.map((d) => addDays(base, d))) }
        const os = lines.flatMap((l, i) => {
          const start = addDays(base, l.start)
          const interval = l.once ? null : { unit: l.unit, every: l.every }
          return occurrences(start, null, interval, base, '2026-08-31').map((d) =>
            occ(`l${i}`, d, windowOf(d, windows[l.window]!), `g${l.group}`)
          )
        })
        const placed = placeOccurrences(os, cal)
        const days = placed.map((p) => `${p.groupKey} ${p.date}`)
        expect(new Set(days).size).toBe(days.length)
        for (const p of placed)
          for (const o of p.occurrences) expect(p.date >= o.from && p.date <= o.to && p.groupKey === o.groupKey).toBe(true)
        const made = placed.flatMap((p) => p.occurrences.map((o) => `${o.lineKey} ${o.date}`)).sort()
        expect(made).toEqual(os.map((o) => `${o.lineKey} ${o.date}`).sort())
      }),
      { numRuns: 300 }
    )
  })
})
