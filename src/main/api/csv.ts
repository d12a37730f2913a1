import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'

const SKIPPED = new Set(['version'])

/** "salesPrice" → "Sales price" */
export function headerOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Money is kept in cents; a spreadsheet wants 12.34. */
const isMoney = (key: string) => /(Price|Amount|Total)$/.test(key)

/**
 * A text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe (OWASP's rule for CSV injection). Only text: numbers are the app's own values, so a
 * negative quantity or amount stays a number.
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

export function cellOf(key: string, value: unknown): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (typeof value === 'number') return isMoney(key) ? (value / 100).toFixed(2) : value
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return inert(value.join('; '))
  if (typeof value === 'object') return JSON.stringify(value)
  return inert(String(value))
}

/**
 * Streams rows to `out` as CSV (UTF-8 with BOM so spreadsheet programs read õ, ä, ö, ü right), waiting
 * for the stream to drain so that memory stays flat for any number of rows. Answers the row count.
 */
export async function writeCsv(columns: string[], rows: Iterable<unknown>, out: Writable): Promise<number> {
  const csv = stringify({ bom: true })
  csv.pipe(out)
  const keys = columns.filter((k) => !SKIPPED.has(k))
  csv.write(keys.map(headerOf))
  let n = 0
  for (const raw of rows) {
    const row = raw as Record<string, unknown>
    if (!csv.write(keys.map((k) => cellOf(k, row[k])))) await once(csv, 'drain')
    n++
  }
  csv.end()
  await once(out, 'finish').catch(() => undefined)
  return n
}
