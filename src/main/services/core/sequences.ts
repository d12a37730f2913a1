import { eq, sql } from 'drizzle-orm'
import { numberSequences } from '../../db/schema'
import type { Db } from '../../db/connection'
import { AppError } from './errors'

export function formatNumber(prefix: string, n: number, padding: number): string {
  return `${prefix}${String(n).padStart(padding, '0')}`
}

/**
 * Takes the next number of a sequence. Must run inside the transaction that uses the number: a rollback
 * (or a crash before commit) returns it, so numbers have no gaps and are never reused.
 */
export function nextNumber(db: Db, code: string): string {
  const row = db
    .update(numberSequences)
    .set({ nextNumber: sql`${numberSequences.nextNumber} + 1` })
    .where(eq(numberSequences.code, code))
    .returning({ next: numberSequences.nextNumber, prefix: numberSequences.prefix, padding: numberSequences.padding })
    .get()
  if (!row) throw new AppError('VALIDATION', 'errors.sequenceMissing', { code })
  return formatNumber(row.prefix, row.next - 1, row.padding)
}

/** The sequences the app needs; created on first start and by migrations of later releases. */
export const DEFAULT_SEQUENCES = [
  { code: 'customer', name: 'Customers', prefix: 'C-', padding: 5 },
  { code: 'serviceObject', name: 'Service objects', prefix: 'OBJ-', padding: 6 },
  { code: 'worker', name: 'Workers', prefix: 'W-', padding: 4 },
  { code: 'serviceOrder', name: 'Service orders', prefix: 'SO-', padding: 6 },
  { code: 'invoice', name: 'Invoices', prefix: 'INV-', padding: 6 },
  { code: 'creditNote', name: 'Credit notes', prefix: 'CRN-', padding: 6 },
  { code: 'agreement', name: 'Service agreements', prefix: 'AGR-', padding: 5 },
  { code: 'returnOrder', name: 'Return orders (RMA)', prefix: 'RMA-', padding: 6 },
  { code: 'subscription', name: 'Subscriptions', prefix: 'SUB-', padding: 5 }
] as const

export function ensureDefaultSequences(db: Db): void {
  for (const s of DEFAULT_SEQUENCES) {
    db.insert(numberSequences)
      .values({ ...s, nextNumber: 1 })
      .onConflictDoNothing()
      .run()
  }
}
