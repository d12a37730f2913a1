import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { writeCsv } from '../../src/main/api/csv'
import { startExport } from '../../src/main/api/pipeline'
import { call, freshDb } from '../support/db'
import { seedMasterData } from '../support/seed'

/** Exports a list as the signed-in user would get it, with their language and dialect. */
async function exportText(
  seed: Awaited<ReturnType<typeof seedMasterData>>,
  conn: Awaited<ReturnType<typeof freshDb>>['conn'],
  list: string
) {
  // 25 November 2026: the seed's invoice (due 4 December) is open, not overdue, whenever the suite runs.
  const started = startExport({ conn, now: () => Date.UTC(2026, 10, 25, 10) }, () => null, seed.admin.session, list, { sort: 'number' })
  if (!started.ok) throw new Error(started.error.message)
  const chunks: Buffer[] = []
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk)
      done()
    }
  })
  await writeCsv(started.columns, started.rows, out, started.csv)
  return Buffer.concat(chunks).toString('utf8')
}

describe('CSV export in the user’s language and dialect', () => {
  it('invoices: headers, amounts, dates and the kind label — Estonian spreadsheet, then English standard', async () => {
    const { conn } = await freshDb()
    const seed = await seedMasterData(conn)

    // The administrator speaks Estonian, with the spreadsheet dialect.
    await call(seed.admin, 'auth.setPreferences', { language: 'et', csvDialect: 'spreadsheet' })
    const et = await exportText(seed, conn, 'invoices.list')
    expect(et.startsWith('\ufeff')).toBe(true)
    const etRows = parse(et, { bom: true, delimiter: ';' }) as string[][]
    expect(etRows[0]).toEqual([
      'Number',
      'Liik',
      'Klient',
      'Arve kuupäev',
      'Maksetähtaeg',
      'Valuuta',
      'Summa käibemaksuta',
      'Käibemaks',
      'Kokku',
      'Tasumise olek',
      'Laekunud',
      'Krediteeritud',
      'Tasumata',
      'Viitenumber',
      'Krediteeritav arve',
      'Kreeditarve'
    ])
    expect(etRows[1]).toEqual([
      seed.invoice.number,
      'Arve',
      'Õunapuu OÜ',
      '20.11.2026',
      '04.12.2026',
      'EUR',
      '1234,56',
      '296,29',
      '1530,85',
      'Avatud',
      '0,00',
      '0,00',
      '1530,85',
      seed.invoice.referenceNumber,
      '',
      ''
    ])

    await call(seed.admin, 'auth.setPreferences', { language: 'en', csvDialect: 'standard' })
    const en = await exportText(seed, conn, 'invoices.list')
    expect(en.startsWith('\ufeff')).toBe(false)
    expect(en.split('\r\n')[0]).toBe(
      'Number,Type,Customer,Invoice date,Due date,Currency,Net total,VAT total,Total,Payment status,Paid,Credited,Open,Reference number,Credits invoice,Credited by'
    )
    const enRows = parse(en, { delimiter: ',' }) as string[][]
    expect(enRows[1]).toEqual([
      seed.invoice.number,
      'Invoice',
      'Õunapuu OÜ',
      '20.11.2026',
      '04.12.2026',
      'EUR',
      '1234.56',
      '296.29',
      '1530.85',
      'Open',
      '0.00',
      '0.00',
      '1530.85',
      seed.invoice.referenceNumber,
      '',
      ''
    ])
  })

  it('service orders: instants as local date and time, priority and progress as labels, no ids', async () => {
    const { conn } = await freshDb()
    const seed = await seedMasterData(conn)
    await call(seed.admin, 'auth.setPreferences', { language: 'et', csvDialect: 'spreadsheet' })
    const et = parse(await exportText(seed, conn, 'serviceOrders.list'), { bom: true, delimiter: ';' }) as string[][]
    const header = et[0]!
    expect(header).not.toContain('Id')
    expect(header).toEqual(expect.arrayContaining(['Number', 'Klient', 'Prioriteet', 'Olek', 'Planeeritud algus', 'Müügisumma']))
    const at = (row: string[], h: string) => row[header.indexOf(h)]!
    for (const row of et.slice(1)) {
      expect(['Kõrge', 'Tavaline', 'Madal']).toContain(at(row, 'Prioriteet'))
      expect(['Töös', 'Konteeritud', 'Tühistatud']).toContain(at(row, 'Olek'))
      expect(at(row, 'Planeeritud algus')).toMatch(/^$|^\d\d\.\d\d\.\d{4} \d\d:\d\d$/)
      expect(at(row, 'Müügisumma')).toMatch(/^-?\d+,\d\d$/)
    }
  })
})
