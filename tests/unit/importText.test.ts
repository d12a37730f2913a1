import { describe, expect, it } from 'vitest'
import { IMPORT_FIELDS } from '../../src/shared/domain/import'
import {
  autoMapping,
  detectDelimiter,
  detectEncoding,
  parseDate,
  parseMoney,
  parseQuantity,
  parseYesNo,
  splitList
} from '../../src/shared/domain/importText'

const bytes = (...b: number[]) => Uint8Array.from(b)

describe('import text', () => {
  it('tells UTF-8 (with or without BOM, a character cut at the end) from Windows-1257', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x41))).toBe('utf-8')
    expect(detectEncoding(new TextEncoder().encode('Õun;Šaht'))).toBe('utf-8')
    // "Õ" in UTF-8 is C3 95: a sample ending after C3 is still UTF-8.
    expect(detectEncoding(bytes(0x41, 0xc3))).toBe('utf-8')
    // "Õun" in Windows-1257: D5 is not valid UTF-8 before a plain letter.
    expect(detectEncoding(bytes(0xd5, 0x75, 0x6e))).toBe('windows-1257')
  })

  it('takes the delimiter that occurs more often outside quotes, ; on a tie', () => {
    expect(detectDelimiter('Nimi;Linn;"A, B"')).toBe(';')
    expect(detectDelimiter('Name,City,"A; B"')).toBe(',')
    expect(detectDelimiter('Name')).toBe(';')
  })

  it('reads amounts, dates, yes/no and lists as people type them', () => {
    expect(parseMoney('1 234,50')).toEqual({ ok: true, value: 123450 })
    expect(parseMoney('12.5')).toEqual({ ok: true, value: 1250 })
    expect(parseMoney('12,345')).toEqual({ ok: false, code: 'errors.import.notAmount' })
    expect(parseDate('1.3.2026')).toEqual({ ok: true, value: '2026-03-01' })
    expect(parseDate('2026-03-01')).toEqual({ ok: true, value: '2026-03-01' })
    expect(parseDate('03/01/2026').ok).toBe(false)
    expect(parseYesNo('Jah')).toEqual({ ok: true, value: true })
    expect(parseYesNo('ei')).toEqual({ ok: true, value: false })
    expect(parseYesNo('maybe').ok).toBe(false)
    // Quantities in thousandths, as order and agreement lines keep them.
    expect(parseQuantity('1,5')).toEqual({ ok: true, value: 1500 })
    expect(parseQuantity('2')).toEqual({ ok: true, value: 2000 })
    expect(parseQuantity('0.125')).toEqual({ ok: true, value: 125 })
    expect(parseQuantity('1,2345')).toEqual({ ok: false, code: 'errors.import.notQuantity' })
    expect(parseQuantity('-1').ok).toBe(false)
    expect(splitList('GAS, Keevitus | ')).toEqual(['GAS', 'Keevitus'])
  })

  it('maps headers by field name or label in any language, each field once', () => {
    const labels = (n: string) => (n === 'serialNumber' ? ['Serial number', 'Seerianumber'] : [])
    const m = autoMapping(['SEERIANUMBER', 'name', 'Name', 'Other'], IMPORT_FIELDS.serviceObjects, labels as never)
    expect(m.map((x) => x.field)).toEqual(['serialNumber', 'name', null, null])
  })
})
