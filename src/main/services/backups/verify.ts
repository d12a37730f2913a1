import { closeDatabase, openDatabase } from '../../db/connection'
import { knownSchemaVersion } from '../../db/migrate'
import { findMigrations } from '../../db/open'
import type { MessageKey } from '../core/errors'

export interface Verdict {
  ok: boolean
  /** Why not (a message key with its parameters); null when the file passed. */
  problem: { key: MessageKey; params: Record<string, string | number> } | null
  /** The file's schema version (PRAGMA user_version), 0 when it could not be read. */
  schema: number
}

const fail = (key: MessageKey, params: Record<string, string | number> = {}, schema = 0): Verdict => ({
  ok: false,
  problem: { key, params },
  schema
})

/**
 * Whether a backup (or any database file) can be trusted (ADR 0022): it opens read-only, `PRAGMA integrity_check`
 * answers ok, and its migration journal agrees with its schema version, which this build knows. An older
 * schema passes: opening it migrates it, as at start.
 */
export function verifyDatabaseFile(file: string, migrationsFolder: string = findMigrations()): Verdict {
  let conn
  try {
    conn = openDatabase(file, { readonly: true })
  } catch (e) {
    return fail('errors.backups.unreadable', { reason: (e as Error).message })
  }
  try {
    const integrity = conn.sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]
    const findings = integrity.map((r) => r.integrity_check)
    if (findings.length !== 1 || findings[0] !== 'ok') {
      return fail('errors.backups.damaged', { finding: findings.slice(0, 3).join('; ').slice(0, 300) })
    }
    const schema = conn.sqlite.pragma('user_version', { simple: true }) as number
    const journal = conn.sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get()
    const applied = journal ? (conn.sqlite.prepare('select count(*) from __drizzle_migrations').pluck().get() as number) : 0
    if (schema === 0 || applied !== schema) return fail('errors.backups.journal', { schema, applied }, schema)
    const known = knownSchemaVersion(migrationsFolder)
    if (schema > known) return fail('errors.backups.newer', { schema, known }, schema)
    return { ok: true, problem: null, schema }
  } catch (e) {
    // A damaged page can make a query throw (SQLITE_CORRUPT) before the check reports it.
    return fail('errors.backups.damaged', { finding: (e as Error).message.slice(0, 300) })
  } finally {
    closeDatabase(conn)
  }
}
