import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import type { Connection, Sqlite } from './connection'

export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly appVersion: number
  ) {
    super(
      `This database was written by a newer Hooldus (schema ${databaseVersion}; this app knows up to ${appVersion}). ` +
        'Install the current version of Hooldus to open it; nothing has been changed.'
    )
    this.name = 'DatabaseTooNewError'
  }
}

interface Journal {
  entries: { idx: number; tag: string }[]
}

/** Number of migrations this build ships; stored in PRAGMA user_version after migrating. */
export function knownSchemaVersion(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal
  return journal.entries.length
}

export function schemaVersion(sqlite: Sqlite): number {
  return sqlite.pragma('user_version', { simple: true }) as number
}

export async function backupDatabase(sqlite: Sqlite, destination: string): Promise<string> {
  mkdirSync(dirname(destination), { recursive: true })
  await sqlite.backup(destination)
  return destination
}

export interface MigrateResult {
  from: number
  to: number
  backup: string | null
}

function isEmptyDatabase(sqlite: Sqlite): boolean {
  const row = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number }
  return row.n === 0
}

/**
 * Brings the database to this build's schema: refuses a newer database, backs the file up before
 * changing a non-empty one, then applies the pending migrations (each in a transaction).
 */
export async function migrateDatabase(
  conn: Connection,
  migrationsFolder: string,
  options: { backupDir?: string; now?: () => Date } = {}
): Promise<MigrateResult> {
  const known = knownSchemaVersion(migrationsFolder)
  const current = schemaVersion(conn.sqlite)
  if (current > known) throw new DatabaseTooNewError(current, known)
  if (current === known) return { from: current, to: current, backup: null }

  let backup: string | null = null
  const onDisk = conn.file !== ':memory:' && existsSync(conn.file) && statSync(conn.file).size > 0
  if (onDisk && !isEmptyDatabase(conn.sqlite)) {
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    const dir = options.backupDir ?? join(dirname(conn.file), 'backups')
    backup = await backupDatabase(conn.sqlite, join(dir, `${basename(conn.file)}.before-v${known}.${stamp}.bak`))
  }
  migrate(conn.db, { migrationsFolder })
  conn.sqlite.pragma(`user_version = ${known}`)
  return { from: current, to: known, backup }
}
