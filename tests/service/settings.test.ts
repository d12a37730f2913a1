import { describe, expect, it } from 'vitest'
import type { Settings } from '@shared/domain/system'
import { call, callError, freshDb, userWith } from '../support/db'

async function current() {
  const { conn } = await freshDb()
  const ctx = userWith(conn, ['serviceManager'])
  return { conn, ctx, s: await call(ctx, 'settings.get', {}) }
}

describe('settings', () => {
  it('starts with Estonian defaults: one default VAT rate, Monday–Friday, Tallinn', async () => {
    const { s } = await current()
    expect(s.vatRates.filter((r) => r.isDefault)).toEqual([{ code: 'S', name: 'Standard 24 %', rate: 2400, isDefault: true }])
    expect(s.workingHours.map((d) => d.open)).toEqual([true, true, true, true, true, false, false])
    expect(s).toMatchObject({ timeZone: 'Europe/Tallinn', currency: 'EUR', holidays: [], version: 1 })
  })

  it('saves a valid change, sorting holidays by date, and answers CONFLICT for a stale version', async () => {
    const { ctx, s } = await current()
    const holidays = [
      { date: '2025-12-24', name: 'Jõululaupäev' },
      { date: '2025-02-24', name: 'Iseseisvuspäev' }
    ]
    const saved = await call(ctx, 'settings.update', { ...s, companyName: 'Hooldus ja Remont OÜ', timeZone: 'Europe/Helsinki', holidays })
    expect(saved.version).toBe(2)
    expect(saved.holidays.map((h) => h.date)).toEqual(['2025-02-24', '2025-12-24'])
    expect(await call(ctx, 'settings.get', {})).toEqual(saved)
    expect((await callError(ctx, 'settings.update', { ...s, companyName: 'Vana' })).code).toBe('CONFLICT')
    expect((await call(ctx, 'settings.get', {})).companyName).toBe('Hooldus ja Remont OÜ')
  })

  const refusals: [string, (s: Settings) => Partial<Settings>, (string | number)[]][] = [
    ['no default VAT rate', (s) => ({ vatRates: s.vatRates.map((r) => ({ ...r, isDefault: false })) }), ['vatRates']],
    ['two default VAT rates', (s) => ({ vatRates: s.vatRates.map((r, i) => ({ ...r, isDefault: i < 2 })) }), ['vatRates']],
    ['no working day', (s) => ({ workingHours: s.workingHours.map((d) => ({ ...d, open: false })) }), ['workingHours']],
    [
      'a holiday date twice',
      () => ({
        holidays: [
          { date: '2025-06-24', name: 'Jaanipäev' },
          { date: '2025-06-24', name: 'Jaanipäev (topelt)' }
        ]
      }),
      ['holidays']
    ],
    ['an unknown time zone', () => ({ timeZone: 'Europe/Tartu' }), ['timeZone']],
    [
      'a day ending before it starts',
      (s) => ({ workingHours: s.workingHours.map((d, i) => (i === 1 ? { ...d, end: '07:00' } : d)) }),
      ['workingHours', 1, 'end']
    ],
    ['a VAT rate above 100 %', (s) => ({ vatRates: [{ ...s.vatRates[0]!, rate: 10001 }] }), ['vatRates', 0, 'rate']],
    ['an impossible holiday date', () => ({ holidays: [{ date: '2025-02-29', name: 'X' }] }), ['holidays', 0, 'date']]
  ]
  it.each(refusals)('refuses %s on the field, and saves nothing', async (_what, change, path) => {
    const { ctx, s } = await current()
    const err = await callError(ctx, 'settings.update', { ...s, ...change(s) })
    expect(err.code).toBe('VALIDATION')
    expect(err.issues?.map((i) => i.path)).toEqual([path])
    expect(await call(ctx, 'settings.get', {})).toEqual(s)
  })
})
