import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { tFor } from '@shared/i18n/i18n'
import { formatsFor } from '@shared/i18n/format'
import { type CsvOptions, cellOf, writeCsv } from '../../src/main/api/csv'
import { type CsvColumn, type CsvField, type CsvKind, csvColumns } from '../../src/main/api/csvColumns'

/** A sink that keeps the text (for small outputs). */
function collect(): { out: Writable; text: () => string } {
  const chunks: Buffer[] = []
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk)
      done()
    }
  })
  return { out, text: () => Buffer.concat(chunks).toString('utf8') }
}

const TZ = 'Europe/Tallinn'
const ET: CsvOptions = { language: 'et', dialect: 'spreadsheet', timeZone: TZ }
const EN: CsvOptions = { language: 'en', dialect: 'standard', timeZone: TZ }
const col = (field: CsvField, kind: CsvKind = 'text'): CsvColumn => ({ field, kind })
const cols = (...fields: (CsvField | [CsvField, CsvKind])[]) => fields.map((f) => (typeof f === 'string' ? col(f) : col(f[0], f[1])))
const cell = (c: CsvColumn, v: unknown, o: CsvOptions = EN) => cellOf(c, v, tFor(o.language), formatsFor(o.language, o.timeZone), o.dialect)

describe('CSV writer', () => {
  it("writes headers in the reader's language: readable names, no internal ids", async () => {
    const en = collect()
    await writeCsv(csvColumns('customers.list'), [], en.out, EN)
    expect(en.text()).toBe(
      'Number,Name,Group,Language,Email,Phone,Registry code,VAT number,Country,Billing address,City,Latitude,Longitude,Payment terms (days),Invoice e-mail,E-invoice address,Sites,Notes,Active\r\n'
    )
    const et = collect()
    await writeCsv(csvColumns('customers.list'), [], et.out, ET)
    expect(et.text()).toBe(
      '\ufeffNumber;Nimi;Grupp;Keel;E-post;Telefon;Registrikood;KMKR nr;Riik;Arve aadress;Linn;Laiuskraad;Pikkuskraad;Maksetähtaeg (päevi);Arvete e-post;E-arve aadress;Asukohti;Märkused;Aktiivne\r\n'
    )
    const orders = csvColumns('serviceOrders.list').map((c) => c.field)
    for (const id of ['id', 'version', 'customerId', 'stageId', 'slaId', 'agreementId']) expect(orders).not.toContain(id)
  })

  it('writes money, numbers, dates, times, booleans and enum labels per language and dialect', () => {
    expect(cell(col('salesPrice', 'money'), 123456)).toBe('1234.56')
    expect(cell(col('salesPrice', 'money'), 123456, ET)).toBe('1234,56')
    expect(cell(col('costPrice', 'money'), 5, ET)).toBe('0,05')
    expect(cell(col('salesPrice', 'money'), -1234)).toBe('-12.34')
    expect(cell(col('every'), 3)).toBe('3')
    expect(cell(col('medianResponseMinutes', 'number'), 52.5, ET)).toBe('52,5')
    expect(cell(col('share', 'share'), 5 / 6)).toBe('83.3')
    expect(cell(col('share', 'share'), 5 / 6, ET)).toBe('83,3')
    expect(cell(col('invoiceDate', 'date'), '2026-12-02')).toBe('02.12.2026')
    // An instant is a local time in the shop's zone, never epoch milliseconds.
    expect(cell(col('plannedStart', 'instant'), Date.UTC(2026, 11, 2, 12, 30), ET)).toBe('02.12.2026 14:30')
    expect(cell(col('sla', 'slaDeadline'), { deadline: Date.UTC(2026, 11, 2, 7, 0) })).toBe('02.12.2026 09:00')
    expect(cell(col('active', 'bool'), true)).toBe('Yes')
    expect(cell(col('active', 'bool'), false, ET)).toBe('Ei')
    expect(cell(col('priority', 'priority'), 'high')).toBe('High')
    expect(cell(col('priority', 'priority'), 'high', ET)).toBe('Kõrge')
    expect(cell(col('roles', 'role'), ['technician', 'dispatcher'], ET)).toBe('Teenusetehnik; Lähetaja')
    expect(cell(col('kind', 'invoiceKind'), 'credit', ET)).toBe('Kreeditarve')
    expect(cell(col('language', 'customerLanguage'), 'ru')).toBe('Russian')
    expect(cell(col('groupName'), null)).toBe('')
    expect(cell(col('siteName'), undefined)).toBe('')
  })

  it('neutralises text a spreadsheet would run as a formula, but keeps numbers (also negative) as numbers', async () => {
    expect(cell(col('name'), '=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`)
    expect(cell(col('name'), '+1+1')).toBe("'+1+1")
    expect(cell(col('name'), '-2+3')).toBe("'-2+3")
    expect(cell(col('name'), '@SUM(A1)')).toBe("'@SUM(A1)")
    expect(cell(col('notes'), '\t=1')).toBe("'\t=1")
    expect(cell(col('notes'), '\r=1')).toBe("'\r=1")
    expect(cell(col('taskNames'), ['=1+1', 'x'])).toBe("'=1+1; x")
    expect(cell(col('name'), 'Õunapuu = hea')).toBe('Õunapuu = hea')
    // Numbers are the app's own values, never formulas: a negative number or amount stays a number.
    expect(cell(col('every', 'number'), -1234)).toBe('-1234')
    expect(cell(col('salesPrice', 'money'), -1234)).toBe('-12.34')
    expect(cell(col('netTotal', 'money'), -5, ET)).toBe('-0,05')

    const sink = collect()
    await writeCsv(cols('name', 'every', ['netTotal', 'money']), [{ name: '=cmd|"/c calc"!A1', every: -3, netTotal: -250 }], sink.out, EN)
    expect(sink.text()).toBe('Name,Every,Net total\r\n"\'=cmd|""/c calc""!A1",-3,-2.50\r\n')
  })

  it('spreadsheet dialect: BOM, semicolons, decimal comma, Estonian letters and € kept, quoting where needed', async () => {
    const sink = collect()
    const n = await writeCsv(
      cols('name', ['salesPrice', 'money'], ['active', 'bool'], 'notes'),
      [
        { name: 'Õunapuu; Šokolaad & Žürii OÜ', salesPrice: 123456, active: true, notes: 'ütles "tere"\nuus rida' },
        { name: 'Äädikas', salesPrice: 0, active: false, notes: 'hind 5 €' }
      ],
      sink.out,
      ET
    )
    expect(n).toBe(2)
    const bytes = Buffer.from(sink.text(), 'utf8')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(sink.text()).toBe(
      '\ufeffNimi;Müügihind;Aktiivne;Märkused\r\n' +
        '"Õunapuu; Šokolaad & Žürii OÜ";1234,56;Jah;"ütles ""tere""\nuus rida"\r\n' +
        'Äädikas;0,00;Ei;hind 5 €\r\n'
    )
  })

  it('standard dialect: RFC 4180, commas and decimal point, no BOM', async () => {
    const sink = collect()
    await writeCsv(cols('name', ['salesPrice', 'money']), [{ name: 'Õunapuu, OÜ', salesPrice: 123456 }], sink.out, EN)
    expect(sink.text()).toBe('Name,Sales price\r\n"Õunapuu, OÜ",1234.56\r\n')
  })

  it('streams 100 000 rows from a generator, waiting for a slow sink, without one big string', async () => {
    let produced = 0
    function* rows() {
      for (let i = 1; i <= 100_000; i++) {
        produced++
        yield { number: i, name: `Klient ${i} Õü`, salesPrice: i, active: i % 2 === 0 }
      }
    }
    let bytes = 0
    let lines = 0
    let biggestChunk = 0
    let writes = 0
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length
        biggestChunk = Math.max(biggestChunk, chunk.length)
        for (const b of chunk) if (b === 0x0a) lines++
        // Every so often the sink is slow, so the writer must wait for 'drain'.
        if (++writes % 500 === 0) setImmediate(done)
        else done()
      }
    })
    const n = await writeCsv(cols('number', 'name', ['salesPrice', 'money'], ['active', 'bool']), rows(), out, ET)
    expect(n).toBe(100_000)
    expect(produced).toBe(100_000)
    expect(lines).toBe(100_001)
    expect(bytes).toBeGreaterThan(2_500_000)
    // Written piece by piece, not as one string at the end.
    expect(biggestChunk).toBeLessThan(256 * 1024)
  })

  it('does not read ahead of a slow sink: the generator is pulled only as fast as it drains', async () => {
    let produced = 0
    let maxAhead = 0
    let written = 0
    function* rows() {
      for (let i = 0; i < 20_000; i++) {
        produced++
        maxAhead = Math.max(maxAhead, produced - written)
        yield { name: 'x'.repeat(50) }
      }
    }
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        for (const b of chunk) if (b === 0x0a) written++
        setImmediate(done)
      }
    })
    expect(await writeCsv(cols('name'), rows(), out, EN)).toBe(20_000)
    expect(maxAhead).toBeLessThan(5_000)
  })
})
