/**
 * Who writes in the current write transaction, and when by the caller's clock: the stamp the main records'
 * `updated_by` / `updated_at` columns take on every insert and update (schema/common.ts), so that a stale save
 * can say who changed the record (ADR 0032). Set by the one write-transaction helper (services/core/tx.ts)
 * around its synchronous body — better-sqlite3 runs a transaction without yielding, so one variable of the
 * module is enough. Outside a write transaction nobody is named and the wall clock stamps.
 */
export interface Writer {
  userId: number | null
  at: number
}

let current: Writer | null = null

export function asWriter<T>(writer: Writer, fn: () => T): T {
  const outer = current
  current = writer
  try {
    return fn()
  } finally {
    current = outer
  }
}

export const writerId = (): number | null => current?.userId ?? null
export const writerNow = (): number => current?.at ?? Date.now()
