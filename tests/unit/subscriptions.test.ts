import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/shared/recurrence'
import {
  ACCRUAL_PERIODS,
  accrualAllowed,
  daysIn,
  divideRounded,
  feeAmount,
  feePeriodCount,
  feePeriods,
  indexed,
  monthlyEquivalent,
  mrrMovements,
  nextPeriodStart,
  PERIOD_CODES,
  percentOf,
  periodOf,
  periodStart,
  pickPrice,
  type PriceRule,
  prorate,
  recognitionShares,
  specificity
} from '../../src/shared/domain/subscriptions'

const dateArb = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2000-01-01', n))

describe('period boundaries', () => {
  it('knows month lengths and leap years', () => {
    expect(periodOf('month', '2024-02-10')).toEqual({ start: '2024-02-01', end: '2024-02-29' })
    expect(periodOf('month', '2023-02-10')).toEqual({ start: '2023-02-01', end: '2023-02-28' })
    expect(periodOf('month', '2100-02-01')).toEqual({ start: '2100-02-01', end: '2100-02-28' })
    expect(periodOf('month', '2000-02-01')).toEqual({ start: '2000-02-01', end: '2000-02-29' })
    expect(daysIn(periodOf('month', '2026-04-30'))).toBe(30)
    expect(daysIn(periodOf('month', '2026-12-31'))).toBe(31)
  })

  it('knows quarter, half-year and year boundaries', () => {
    expect(periodOf('quarter', '2026-03-31')).toEqual({ start: '2026-01-01', end: '2026-03-31' })
    expect(periodOf('quarter', '2026-04-01')).toEqual({ start: '2026-04-01', end: '2026-06-30' })
    expect(periodOf('quarter', '2026-12-31')).toEqual({ start: '2026-10-01', end: '2026-12-31' })
    expect(periodOf('halfYear', '2026-07-01')).toEqual({ start: '2026-07-01', end: '2026-12-31' })
    expect(periodOf('year', '2024-06-15')).toEqual({ start: '2024-01-01', end: '2024-12-31' })
    expect(daysIn(periodOf('year', '2024-06-15'))).toBe(366)
    expect(daysIn(periodOf('quarter', '2024-02-01'))).toBe(91)
    expect(daysIn(periodOf('quarter', '2023-02-01'))).toBe(90)
  })

  it('starts weeks on Monday, across a year end', () => {
    expect(periodOf('week', '2026-01-01')).toEqual({ start: '2025-12-29', end: '2026-01-04' })
    expect(periodOf('day', '2026-05-05')).toEqual({ start: '2026-05-05', end: '2026-05-05' })
  })

  it('tiles time: every date lies in exactly one period, and periods follow each other without gaps', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_CODES), dateArb, (code, date) => {
        const p = periodOf(code, date)
        expect(p.start <= date && date <= p.end).toBe(true)
        expect(periodStart(code, p.start)).toBe(p.start)
        expect(nextPeriodStart(code, p.start)).toBe(addDays(p.end, 1))
        expect(periodStart(code, p.end)).toBe(p.start)
      })
    )
  })
})

describe('accrual combinations', () => {
  it('allows only what the reference allows', () => {
    expect(ACCRUAL_PERIODS.year).toEqual(['year', 'quarter', 'month', 'day'])
    expect(accrualAllowed('quarter', 'month')).toBe(true)
    expect(accrualAllowed('quarter', 'year')).toBe(false)
    expect(accrualAllowed('month', 'quarter')).toBe(false)
    expect(accrualAllowed('month', 'day')).toBe(true)
    expect(accrualAllowed('week', 'week')).toBe(false)
    expect(accrualAllowed('week', 'day')).toBe(true)
    expect(accrualAllowed('day', 'day')).toBe(true)
  })
})

describe('rounding and proration', () => {
  it('rounds half away from zero, in integers', () => {
    expect(divideRounded(25, 2)).toBe(13)
    expect(divideRounded(-25, 2)).toBe(-13)
    expect(divideRounded(24, 2)).toBe(12)
    expect(divideRounded(1, 3)).toBe(0)
    expect(divideRounded(2, 3)).toBe(1)
    expect(divideRounded(-2, 3)).toBe(-1)
  })

  it('prorates by day, indexes and takes percentages with that rule', () => {
    // 30.00 for 2 of 31 days = 1.935… → 1.94
    expect(prorate(3000, 2, 31)).toBe(194)
    expect(prorate(-3000, 2, 31)).toBe(-194)
    expect(indexed(100000, 11000)).toBe(110000)
    expect(indexed(999, 10350)).toBe(1034) // 1033.965 → 1034
    expect(percentOf(5000, 1000)).toBe(500)
    expect(percentOf(5, 1000)).toBe(1) // 0.5 → 1
  })

  it('is exact for whole periods and never exceeds the price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 366 }),
        fc.integer({ min: 0, max: 366 }),
        (amt, n, k) => {
          const days = Math.min(k, n)
          const p = prorate(amt, days, n)
          expect(prorate(amt, n, n)).toBe(amt)
          expect(p).toBeGreaterThanOrEqual(0)
          expect(p).toBeLessThanOrEqual(amt)
          expect(Math.abs(p * n - amt * days)).toBeLessThanOrEqual(n / 2)
        }
      )
    )
  })
})

describe('fee periods', () => {
  it('makes whole periods regular and cuts the first and last by the subscription dates', () => {
    const f = feePeriods('month', { start: '2024-01-15', end: '2024-04-10' }, '2024-12-31')
    expect(f.map((x) => [x.kind, x.periodStart, x.from, x.to, x.days, x.periodDays])).toEqual([
      ['nonRegular', '2024-01-01', '2024-01-15', '2024-01-31', 17, 31],
      ['regular', '2024-02-01', '2024-02-01', '2024-02-29', 29, 29],
      ['regular', '2024-03-01', '2024-03-01', '2024-03-31', 31, 31],
      ['nonRegular', '2024-04-01', '2024-04-01', '2024-04-10', 10, 30]
    ])
    expect(feeAmount(3100, f[0]!)).toBe(1700)
    expect(feeAmount(3000, f[1]!)).toBe(3000)
  })

  it('charges in advance: every period that starts on or before the date', () => {
    expect(feePeriods('quarter', { start: '2026-01-01', end: null }, '2026-04-01').map((x) => x.periodStart)).toEqual([
      '2026-01-01',
      '2026-04-01'
    ])
    expect(feePeriods('month', { start: '2026-03-01', end: null }, '2026-02-28')).toEqual([])
    expect(feePeriods('year', { start: '2024-03-01', end: null }, '2024-03-01')[0]).toMatchObject({
      kind: 'nonRegular',
      days: 306,
      periodDays: 366
    })
  })

  it('counts the periods without listing them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERIOD_CODES),
        dateArb,
        fc.option(fc.integer({ min: 0, max: 800 })),
        fc.integer({ min: -40, max: 900 }),
        (code, start, len, upTo) => {
          const sub = { start, end: len === null ? null : addDays(start, len) }
          const to = addDays(start, upTo)
          expect(feePeriodCount(code, sub, to)).toBe(feePeriods(code, sub, to).length)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('covers exactly the subscription days, each once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_CODES), dateArb, fc.integer({ min: 0, max: 800 }), (code, start, len) => {
        const end = addDays(start, len)
        const f = feePeriods(code, { start, end }, end)
        expect(f[0]!.from).toBe(start)
        expect(f.at(-1)!.to).toBe(end)
        expect(f.reduce((s, x) => s + x.days, 0)).toBe(len + 1)
        for (let n = 1; n < f.length; n++) expect(f[n]!.from).toBe(addDays(f[n - 1]!.to, 1))
      }),
      { numRuns: 200 }
    )
  })
})

describe('recognition shares', () => {
  it('splits a quarter by month and by day, to the cent', () => {
    const m = recognitionShares('month', '2026-01-01', '2026-03-31', 10000)
    expect(m.map((s) => [s.start, s.end, s.amount])).toEqual([
      ['2026-01-01', '2026-01-31', 3444],
      ['2026-02-01', '2026-02-28', 3112],
      ['2026-03-01', '2026-03-31', 3444]
    ])
    const d = recognitionShares('day', '2026-02-01', '2026-02-28', 1000)
    expect(d).toHaveLength(28)
    expect(d.reduce((s, x) => s + x.amount, 0)).toBe(1000)
  })

  it('always adds up to the amount, negative amounts too', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('day', 'month', 'quarter', 'year' as const),
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (code, from, len, amount) => {
          const s = recognitionShares(code, from, addDays(from, len), amount)
          expect(s.reduce((t, x) => t + x.amount, 0)).toBe(amount)
        }
      ),
      { numRuns: 100 }
    )
  })
})

describe('price precedence', () => {
  const base = { periodCode: 'month', currency: 'EUR', validFrom: '2026-01-01', validTo: null } as const
  const at = { periodCode: 'month', currency: 'EUR', subscriptionId: 7, customerId: 3, categoryId: 5, date: '2026-02-01' } as const
  const levels: PriceRule[] = [
    { ...base, id: 1, subscriptionId: null, customerId: null, categoryId: null, amount: 100 },
    { ...base, id: 2, subscriptionId: null, customerId: null, categoryId: 5, amount: 101 },
    { ...base, id: 3, subscriptionId: null, customerId: 3, categoryId: null, amount: 102 },
    { ...base, id: 4, subscriptionId: null, customerId: 3, categoryId: 5, amount: 103 },
    { ...base, id: 5, subscriptionId: 7, customerId: null, categoryId: null, amount: 104 },
    { ...base, id: 6, subscriptionId: 7, customerId: null, categoryId: 5, amount: 105 },
    { ...base, id: 7, subscriptionId: 7, customerId: 3, categoryId: null, amount: 106 },
    { ...base, id: 8, subscriptionId: 7, customerId: 3, categoryId: 5, amount: 107 }
  ]

  it('ranks the eight levels', () => {
    expect(levels.map(specificity)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
  })

  it('picks the most specific valid price at every level', () => {
    for (let n = levels.length; n >= 1; n--) {
      // With only the levels up to n present, level n wins whatever the order of the rows.
      const present = levels.slice(0, n)
      expect(pickPrice([...present].reverse(), at)!.amount).toBe(100 + n - 1)
      expect(pickPrice(present, at)!.amount).toBe(100 + n - 1)
    }
  })

  it('ignores rows of another subscription, customer, category, period code, currency or date', () => {
    const others: PriceRule[] = [
      { ...base, id: 11, subscriptionId: 8, customerId: null, categoryId: null, amount: 1 },
      { ...base, id: 12, subscriptionId: null, customerId: 4, categoryId: null, amount: 2 },
      { ...base, id: 13, subscriptionId: null, customerId: null, categoryId: 6, amount: 3 },
      { ...base, id: 14, periodCode: 'quarter', subscriptionId: null, customerId: null, categoryId: null, amount: 4 },
      { ...base, id: 15, currency: 'SEK', subscriptionId: null, customerId: null, categoryId: null, amount: 5 },
      { ...base, id: 16, validFrom: '2026-03-01', subscriptionId: 7, customerId: null, categoryId: null, amount: 6 },
      { ...base, id: 17, validTo: '2026-01-31', subscriptionId: 7, customerId: null, categoryId: null, amount: 7 }
    ]
    expect(pickPrice(others, at)).toBeNull()
    expect(pickPrice([...others, levels[0]!], at)!.amount).toBe(100)
  })

  it('takes the latest start among prices of one level', () => {
    const older = { ...levels[4]!, id: 20, validFrom: '2025-01-01', amount: 90 }
    const newer = { ...levels[4]!, id: 21, validFrom: '2026-01-15', amount: 95 }
    expect(pickPrice([newer, older], at)!.amount).toBe(95)
    expect(pickPrice([newer, older], { ...at, date: '2026-01-10' })!.amount).toBe(90)
  })
})

describe('MRR movements', () => {
  it('takes a period price as a month’s worth, by the one rounding rule', () => {
    expect(monthlyEquivalent('month', 10000)).toBe(10000)
    expect(monthlyEquivalent('quarter', 30000)).toBe(10000)
    expect(monthlyEquivalent('quarter', 10000)).toBe(3333)
    expect(monthlyEquivalent('halfYear', 60001)).toBe(10000)
    expect(monthlyEquivalent('year', 120006)).toBe(10001)
    expect(monthlyEquivalent('week', 1200)).toBe(5200)
    expect(monthlyEquivalent('day', 12)).toBe(365)
  })

  it('splits a change into new, expansion, contraction and churned, which add up to it', () => {
    const before = new Map([
      [1, 100],
      [2, 50],
      [3, 60],
      [4, 70]
    ])
    const after = new Map([
      [1, 120],
      [3, 45],
      [4, 70],
      [5, 80]
    ])
    expect(mrrMovements(before, after)).toEqual({ newMrr: 80, expansionMrr: 20, contractionMrr: 15, churnedMrr: 50 })
    const total = (m: Map<number, number>) => [...m.values()].reduce((s, v) => s + v, 0)
    fc.assert(
      fc.property(
        fc.dictionary(fc.integer({ min: 1, max: 20 }).map(String), fc.nat(1000)),
        fc.dictionary(fc.integer({ min: 1, max: 20 }).map(String), fc.nat(1000)),
        (a, b) => {
          const x = new Map(Object.entries(a).map(([k, v]) => [Number(k), v]))
          const y = new Map(Object.entries(b).map(([k, v]) => [Number(k), v]))
          const m = mrrMovements(x, y)
          return total(y) - total(x) === m.newMrr + m.expansionMrr - m.contractionMrr - m.churnedMrr
        }
      )
    )
  })
})
