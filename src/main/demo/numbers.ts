import type { Sqlite } from '../db/connection'
import { AppError } from '../services/core/errors'
import { formatNumber } from '../services/core/sequences'

/**
 * The demo's one way to number documents: the next `count` numbers of a sequence, in order, with the
 * sequence moved past them. Runs inside the demo's transaction, so a rollback returns the numbers.
 */
export function takeNumbers(s: Sqlite, code: string, count: number): string[] {
  const row = s.prepare('select next_number as next, prefix, padding from number_sequences where code = ?').get(code) as
    | { next: number; prefix: string; padding: number }
    | undefined
  if (!row) throw new AppError('VALIDATION', 'errors.demo.sequenceMissing', { code })
  s.prepare('update number_sequences set next_number = ? where code = ?').run(row.next + count, code)
  return Array.from({ length: count }, (_, n) => formatNumber(row.prefix, row.next + n, row.padding))
}
