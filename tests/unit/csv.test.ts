import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { cellOf, headerOf, writeCsv } from '../../src/main/api/csv'

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

describe('CSV writer', () => {
  it('makes headers from keys, skipping version', async () => {
    expect(headerOf('salesPrice')).toBe('Sales price')
    expect(headerOf('vatNumber')).toBe('Vat number')
    expect(headerOf('id')).toBe('Id')
    const sink = collect()
    await writeCsv(['id', 'version', 'name', 'defaultDurationMinutes'], [], sink.out)
    expect(sink.text()).toBe('\ufeffId,Name,Default duration minutes\n')
  })

  it('writes money as euros, booleans as yes/no, arrays joined, objects as JSON, null as empty', () => {
    expect(cellOf('salesPrice', 1234)).toBe('12.34')
    expect(cellOf('costPrice', 5)).toBe('0.05')
    expect(cellOf('totalAmount', 100000)).toBe('1000.00')
    expect(cellOf('quantity', 1234)).toBe(1234)
    expect(cellOf('active', true)).toBe('yes')
    expect(cellOf('serialTracked', false)).toBe('no')
    expect(cellOf('roles', ['technician', 'dispatcher'])).toBe('technician; dispatcher')
    expect(cellOf('workingHours', [{ open: true }])).toBe('[{"open":true}]')
    expect(cellOf('groupName', null)).toBe('')
    expect(cellOf('siteId', undefined)).toBe('')
  })

  it('neutralises text a spreadsheet would run as a formula, but keeps numbers (also negative) as numbers', async () => {
    expect(cellOf('name', '=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`)
    expect(cellOf('name', '+1+1')).toBe("'+1+1")
    expect(cellOf('name', '-2+3')).toBe("'-2+3")
    expect(cellOf('name', '@SUM(A1)')).toBe("'@SUM(A1)")
    expect(cellOf('notes', '\t=1')).toBe("'\t=1")
    expect(cellOf('notes', '\r=1')).toBe("'\r=1")
    expect(cellOf('tags', ['=1+1', 'x'])).toBe("'=1+1; x")
    expect(cellOf('name', 'Õunapuu = hea')).toBe('Õunapuu = hea')
    // Numbers are the app's own values, never formulas: a negative number or amount stays a number.
    expect(cellOf('quantity', -1234)).toBe(-1234)
    expect(cellOf('salesPrice', -1234)).toBe('-12.34')
    expect(cellOf('totalAmount', -5)).toBe('-0.05')

    const sink = collect()
    await writeCsv(['name', 'quantity', 'totalAmount'], [{ name: '=cmd|"/c calc"!A1', quantity: -3, totalAmount: -250 }], sink.out)
    expect(sink.text()).toBe('\ufeffName,Quantity,Total amount\n"\'=cmd|""/c calc""!A1",-3,-2.50\n')
  })

  it('starts with a BOM, keeps Estonian letters and €, and quotes what needs quoting', async () => {
    const sink = collect()
    const n = await writeCsv(
      ['name', 'salesPrice', 'active', 'skillIds', 'notes'],
      [
        { name: 'Õunapuu, Šokolaad & Žürii OÜ', salesPrice: 1234, active: true, skillIds: [3, 1], notes: 'ütles "tere"\nuus rida' },
        { name: 'Äädikas', salesPrice: 0, active: false, skillIds: [], notes: 'hind 5 €' }
      ],
      sink.out
    )
    expect(n).toBe(2)
    const bytes = Buffer.from(sink.text(), 'utf8')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(sink.text()).toBe(
      '\ufeffName,Sales price,Active,Skill ids,Notes\n' +
        '"Õunapuu, Šokolaad & Žürii OÜ",12.34,yes,3; 1,"ütles ""tere""\nuus rida"\n' +
        'Äädikas,0.00,no,,hind 5 €\n'
    )
  })

  it('streams 100 000 rows from a generator, waiting for a slow sink, without one big string', async () => {
    let produced = 0
    function* rows() {
      for (let i = 1; i <= 100_000; i++) {
        produced++
        yield { id: i, name: `Klient ${i} Õü`, salesPrice: i, active: i % 2 === 0 }
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
    const n = await writeCsv(['id', 'name', 'salesPrice', 'active'], rows(), out)
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
    expect(await writeCsv(['name'], rows(), out)).toBe(20_000)
    expect(maxAhead).toBeLessThan(5_000)
  })
})
