import { describe, expect, it } from 'vitest'
import type { Settings } from '@shared/domain/system'
import { call, callError, freshDb, userWith } from '../support/db'

/** A data URL of `bytes` bytes that start as a PNG does (the validator reads the signature, not the pixels). */
function pngDataUrl(bytes: number): string {
  const data = Buffer.alloc(bytes)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(data)
  return `data:image/png;base64,${data.toString('base64')}`
}

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
    ['an impossible holiday date', () => ({ holidays: [{ date: '2025-02-29', name: 'X' }] }), ['holidays', 0, 'date']],
    ['an Estonian registry code failing its check digit', () => ({ companyRegNo: '12345670' }), ['companyRegNo']],
    ['an Estonian VAT number of eight digits', () => ({ companyVatNumber: 'EE10123456' }), ['companyVatNumber']],
    ['an unknown country', () => ({ companyCountry: 'XX' }), ['companyCountry']],
    [
      'an IBAN failing its checksum',
      () => ({ bankAccounts: [{ iban: 'EE38 2200 2210 2014 5686', bankName: 'X', bic: '' }] }),
      ['bankAccounts', 0, 'iban']
    ],
    [
      'a BIC of seven characters',
      () => ({ bankAccounts: [{ iban: 'EE382200221020145685', bankName: 'X', bic: 'HABAEE2' }] }),
      ['bankAccounts', 0, 'bic']
    ],
    [
      'the same IBAN twice (spaced differently)',
      () => ({
        bankAccounts: [
          { iban: 'EE382200221020145685', bankName: 'Swedbank', bic: '' },
          { iban: 'EE38 2200 2210 2014 5685', bankName: 'Swedbank', bic: '' }
        ]
      }),
      ['bankAccounts', 1, 'iban']
    ],
    ['negative payment terms', () => ({ paymentTermsDays: -1 }), ['paymentTermsDays']],
    ['a logo that is not an image', () => ({ logo: `data:image/png;base64,${Buffer.from('<svg/>').toString('base64')}` }), ['logo']],
    ['a GIF logo', () => ({ logo: `data:image/gif;base64,${Buffer.from('GIF89a').toString('base64')}` }), ['logo']],
    ['a logo over 512 KB', () => ({ logo: pngDataUrl(600 * 1024) }), ['logo']]
  ]
  it.each(refusals)('refuses %s on the field, and saves nothing', async (_what, change, path) => {
    const { ctx, s } = await current()
    const err = await callError(ctx, 'settings.update', { ...s, ...change(s) })
    expect(err.code).toBe('VALIDATION')
    expect(err.issues?.map((i) => i.path)).toEqual([path])
    expect(await call(ctx, 'settings.get', {})).toEqual(s)
  })

  it('keeps the company’s invoice details in their stored forms: IBAN, BIC and VAT number without spaces, upper case', async () => {
    const { ctx, s } = await current()
    const logo = pngDataUrl(2000)
    const saved = await call(ctx, 'settings.update', {
      ...s,
      companyLegalName: 'Külmaküte Hooldus OÜ',
      companyRegNo: '12345678',
      companyVatNumber: 'ee 101 234 567',
      companyAddress: 'Tööstuse 5',
      companyPostalCode: '10412',
      companyCity: 'Tallinn',
      companyCountry: 'ee',
      companyPhone: '+372 600 0000',
      companyEmail: 'arved@kylmakyte.ee',
      companyWeb: 'kylmakyte.ee',
      bankAccounts: [
        { iban: 'ee38 2200 2210 2014 5685', bankName: 'Swedbank', bic: 'habaee2x' },
        { iban: 'EE71 7700 7710 0173 5865', bankName: 'LHV Pank', bic: '' }
      ],
      paymentTermsDays: 21,
      invoiceFooter: 'Täname!',
      logo
    })
    expect(saved).toMatchObject({
      companyVatNumber: 'EE101234567',
      companyCountry: 'EE',
      bankAccounts: [
        { iban: 'EE382200221020145685', bankName: 'Swedbank', bic: 'HABAEE2X' },
        { iban: 'EE717700771001735865', bankName: 'LHV Pank', bic: '' }
      ],
      paymentTermsDays: 21,
      logo
    })
    expect(await call(ctx, 'settings.get', {})).toEqual(saved)
    // A foreign company's registry number is not an Estonian registry code: kept as typed.
    const finnish = await call(ctx, 'settings.update', {
      ...saved,
      companyCountry: 'FI',
      companyRegNo: '0112038-9',
      companyVatNumber: 'FI01120389'
    })
    expect(finnish.companyRegNo).toBe('0112038-9')
  })

  it('only a role with settings.write changes them', async () => {
    const { conn, s } = await current()
    const technician = userWith(conn, ['technician'])
    expect((await callError(technician, 'settings.update', { ...s, paymentTermsDays: 30 })).code).toBe('FORBIDDEN')
  })
})
