import type { ImportDelimiter, ImportEncoding, ImportField, ImportFieldName, ImportMapping } from './import'

/** A cell's value or the catalogue key of why it cannot be read. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; code: string }

const UTF8_BOM = [0xef, 0xbb, 0xbf]

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b)
}

/**
 * UTF-8 when the file starts with a BOM or its first bytes are valid UTF-8 (a character cut at the end of
 * the sample is allowed); otherwise Windows-1257, the Baltic code page Excel writes on an Estonian Windows.
 */
export function detectEncoding(head: Uint8Array): ImportEncoding {
  if (hasUtf8Bom(head)) return 'utf-8'
  // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes of it.
  let end = head.length
  for (let back = 0; back < 3 && end > 0 && (head[end - 1]! & 0xc0) === 0x80; back++) end--
  if (end > 0 && (head[end - 1]! & 0xc0) === 0xc0) end--
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end))
    return 'utf-8'
  } catch {
    return 'windows-1257'
  }
}

/** The delimiter of the header line: whichever of `;` and `,` occurs more often outside quotes (`;` on a tie). */
export function detectDelimiter(firstLine: string): ImportDelimiter {
  let semicolons = 0
  let commas = 0
  let quoted = false
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch === ';') semicolons++
    else if (!quoted && ch === ',') commas++
  }
  return commas > semicolons ? ',' : ';'
}

/** Lower case letters and digits only: "Kliendi nr." and "kliendinr" match. */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * A column → field mapping for a header: a header matching a field's name or its label in any language
 * (`labels` gives them) maps to it; each field is taken once, by the first matching column.
 */
export function autoMapping(
  headers: readonly string[],
  fields: readonly ImportField[],
  labels: (name: ImportFieldName) => string[]
): ImportMapping {
  const byWord = new Map<string, ImportFieldName>()
  for (const field of fields) {
    for (const word of [field.name, ...labels(field.name)]) {
      const key = normalizeHeader(word)
      if (key && !byWord.has(key)) byWord.set(key, field.name)
    }
  }
  const taken = new Set<ImportFieldName>()
  return headers.map((column) => {
    const field = byWord.get(normalizeHeader(column)) ?? null
    if (field === null || taken.has(field)) return { column, field: null }
    taken.add(field)
    return { column, field }
  })
}

/** Money in cents: "1 234,50", "1234.5", "12" (a space or no-break space groups thousands). */
export function parseMoney(s: string): CellResult<number> {
  const t = s.replace(/[\s\u00a0]/g, '').replace(/€$/, '')
  const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(t)
  if (!m) return { ok: false, code: 'errors.import.notAmount' }
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'))
  return { ok: true, value: m[1] ? -cents : cents }
}

/** A quantity in thousandths, as order and agreement lines keep it: "1,5" → 1500, "2" → 2000. */
export function parseQuantity(s: string): CellResult<number> {
  const m = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(s.replace(/[\s\u00a0]/g, ''))
  if (!m) return { ok: false, code: 'errors.import.notQuantity' }
  return { ok: true, value: Number(m[1]) * 1000 + Number((m[2] ?? '0').padEnd(3, '0')) }
}

export function parseWhole(s: string): CellResult<number> {
  const t = s.replace(/[\s\u00a0]/g, '')
  if (!/^-?\d{1,9}$/.test(t)) return { ok: false, code: 'errors.import.notWhole' }
  return { ok: true, value: Number(t) }
}

const YES = new Set(['1', 'x', 'yes', 'y', 'true', 'jah', 'j', 'tõene', 'on'])
const NO = new Set(['0', 'no', 'n', 'false', 'ei', 'väär', 'off'])

export function parseYesNo(s: string): CellResult<boolean> {
  const t = s.trim().toLowerCase()
  if (YES.has(t)) return { ok: true, value: true }
  if (NO.has(t)) return { ok: true, value: false }
  return { ok: false, code: 'errors.import.notYesNo' }
}

/**
 * A date as ISO (2026-03-31) or as Estonians write it (31.03.2026, 31.3.2026); the record's schema then
 * checks that it is a calendar date.
 */
export function parseDate(s: string): CellResult<string> {
  const t = s.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { ok: true, value: t }
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t)
  if (!m) return { ok: false, code: 'errors.import.notDate' }
  return { ok: true, value: `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` }
}

/** A list in one cell: "plumbing, electrics" (a comma or a vertical bar between items). */
export function splitList(s: string): string[] {
  return s
    .split(/[,|]/)
    .map((x) => x.trim())
    .filter((x) => x !== '')
}

/** U+FFFD: bytes that were not text in the chosen encoding (a Windows-1257 file read as UTF-8). */
export function misEncoded(s: string): boolean {
  return s.includes('\uFFFD')
}
