import type { Db } from '../../db/connection'
import { asWriter } from '../../db/writer'
import { AppError } from './errors'

/**
 * The database was still locked by another program (the CLI, a second window or host on the same file) when
 * the connection's busy timeout ran out. Retrying is safe: nothing of the call was written.
 */
export const busy = () => new AppError('CONFLICT', 'errors.busy')

/** better-sqlite3's error for a lock that did not come free in time: SQLITE_BUSY and its extended codes. */
export function isBusy(e: unknown): boolean {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

/** Rethrows a busy-timeout error as the retryable CONFLICT above; anything else unchanged. */
export function mapBusy(e: unknown): unknown {
  return isBusy(e) ? busy() : e
}

/**
 * Runs `fn` in one write transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE). A deferred
 * transaction (Drizzle's default) reads first and upgrades to a writer later; when another process wrote in
 * between, SQLite refuses the upgrade at once and the busy timeout cannot help. An immediate one waits for the
 * lock (db/connection.ts sets the busy timeout) and then reads what the other process committed, so a stale
 * version is a CONFLICT, never "database is locked". Nested calls become savepoints of the outer transaction.
 * Every main record written inside is stamped with the caller's user and clock (`updated_by`, db/writer.ts).
 */
export function writeTx<T>(ctx: { db: Db; user?: { id: number } | null; now?: () => number }, fn: () => T): T {
  try {
    const writer = { userId: ctx.user?.id ?? null, at: ctx.now?.() ?? Date.now() }
    return asWriter(writer, () => ctx.db.$client.transaction(fn).immediate())
  } catch (e) {
    throw mapBusy(e)
  }
}
