import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { formatsFor } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import { fieldIssues } from '@shared/i18n/issues'
import { requiredText } from '@shared/domain/primitives'

const ZONE = 'Europe/Tallinn'
const et = formatsFor('et', ZONE)
const en = formatsFor('en', ZONE)
// 2 December 2026, 14:30 in Tallinn (UTC+2 in winter).
const AT = Date.UTC(2026, 11, 2, 12, 30)
/** Intl separates thousands with a no-break space (U+00A0) or a narrow one (U+202F): both read as a space. */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('the formatting module', () => {
  it('writes dates dd.mm.yyyy and times 24-hour in the shop time zone, in both languages', () => {
    for (const f of [et, en]) {
      expect(f.date('2026-12-02')).toBe('02.12.2026')
      expect(f.date(null)).toBe('')
      expect(f.dateTime(AT)).toBe('02.12.2026 14:30')
      expect(f.time(AT)).toBe('14:30')
    }
    // Summer time: UTC+3.
    expect(et.dateTime(Date.UTC(2026, 6, 1, 5, 0))).toBe('01.07.2026 08:00')
  })

  it('names days and months in the language', () => {
    expect(et.weekday('2026-12-02')).toBe('kolmapäev')
    expect(en.weekday('2026-12-02')).toBe('Wednesday')
    expect(et.dayTitle('2026-12-02')).toBe('kolmapäev, 2. detsember')
    expect(en.dayTitle('2026-12-02')).toBe('Wednesday, 2 December')
    expect(et.month('2026-11')).toBe('november 2026')
    expect(en.month('2026-11')).toBe('November 2026')
  })

  it('writes numbers and euros the Estonian way in Estonian (decimal comma, space between thousands, € after)', () => {
    expect(spaces(et.number(1234.5))).toBe('1 234,5')
    expect(spaces(et.money(123456))).toBe('1 234,56 €')
    expect(spaces(et.money(-5000))).toMatch(/^[−-]50,00 €$/)
    expect(et.quantity(1500)).toBe('1,5')
    expect(et.rate(2400)).toBe('24 %')
    expect(et.rate(2250)).toBe('22,5 %')
    expect(en.number(1234.5)).toBe('1,234.5')
    expect(en.money(123456)).toBe('€1,234.56')
    expect(en.quantity(1500)).toBe('1.5')
    expect(en.rate(2250)).toBe('22.5%')
    // A price index always shows its two decimals: 103.5 would read as a different kind of number.
    expect(et.index(10350)).toBe('103,50')
    expect(en.index(10350)).toBe('103.50')
    expect(en.index(10000)).toBe('100.00')
    expect(spaces(et.index(123456))).toBe('1 234,56')
  })

  it('writes durations as days, hours and minutes: "1 p 8 h" and "1 d 8 h"', () => {
    expect(et.duration(32 * 60)).toBe('1 p 8 h')
    expect(en.duration(32 * 60)).toBe('1 d 8 h')
    expect(et.duration(150)).toBe('2 h 30 min')
    expect(en.duration(45)).toBe('45 min')
    expect(en.duration(0)).toBe('0 min')
    expect(en.duration(-90)).toBe('−1 h 30 min')
  })

  it('writes relative times by calendar day past a day, in the language', () => {
    expect(et.relative(AT + 2 * 3_600_000, AT)).toBe('2 tunni pärast')
    expect(en.relative(AT + 2 * 3_600_000, AT)).toBe('in 2 hours')
    expect(en.relative(AT - 25 * 3_600_000, AT)).toBe('yesterday')
    expect(et.relative(AT - 25 * 3_600_000, AT)).toBe('eile')
    expect(en.relative(AT + 3 * 86_400_000, AT)).toBe('in 3 days')
  })
})

describe('plurals', () => {
  it('follow each language: Estonian counts take the singular, English the plural', () => {
    expect(tFor('et')('common.list.total', { count: 1, n: '1' })).toBe('1 rida')
    expect(tFor('et')('common.list.total', { count: 5, n: '5' })).toBe('5 rida')
    expect(tFor('en')('common.list.total', { count: 1, n: '1' })).toBe('1 row')
    expect(tFor('en')('common.list.total', { count: 5, n: '5' })).toBe('5 rows')
  })
})

describe('field errors', () => {
  it('carry a stable code and parameters, and read in the language asked for', () => {
    const schema = z.object({ name: requiredText(5) })
    const tooLong = schema.safeParse({ name: 'abcdefgh' })
    const missing = schema.safeParse({})
    if (tooLong.success || missing.success) throw new Error('expected both to fail')
    expect(fieldIssues(tooLong.error.issues, tFor('en'))).toEqual([
      { path: ['name'], code: 'validation.tooLong', params: { maximum: 5 }, message: 'At most 5 characters' }
    ])
    expect(fieldIssues(tooLong.error.issues, tFor('et'))[0]!.message).toBe('Kuni 5 märki')
    expect(fieldIssues(missing.error.issues, tFor('et'))[0]).toMatchObject({ code: 'validation.required', message: 'Kohustuslik' })
  })
})
