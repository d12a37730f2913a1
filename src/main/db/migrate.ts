import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { closeDatabase, type Connection, openDatabase, type OpenOptions, type Sqlite } from './connection'

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
  entries: { idx: number; tag: string; when: number }[]
}

function journalOf(migrationsFolder: string): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal
}

/** Number of migrations this build ships; stored in PRAGMA user_version after migrating. */
export function knownSchemaVersion(migrationsFolder: string): number {
  return journalOf(migrationsFolder).entries.length
}

/**
 * The schema version of a database newer than this build, or null. Both records count: user_version, and
 * Drizzle's own table, which a newer release may have written before it set user_version (a crash between
 * the two) — Drizzle would skip every migration older than its newest row and call the file current.
 */
function newerSchema(sqlite: Sqlite, journal: Journal): number | null {
  const known = journal.entries.length
  const current = schemaVersion(sqlite)
  if (current > known) return current
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get()
  if (!table) return null
  const applied = sqlite.prepare('select count(*) as n, max(created_at) as last from __drizzle_migrations').get() as {
    n: number
    last: number | null
  }
  const newest = Math.max(...journal.entries.map((e) => e.when))
  if (applied.n > known || (applied.last !== null && Number(applied.last) > newest)) return Math.max(applied.n, known + 1)
  return null
}

/**
 * Refuses a database written by a newer Hooldus before anything opens it for writing, so that the refusal's
 * "nothing has been changed" holds byte for byte (a read-write open alone switches the journal to WAL).
 */
export function refuseNewerDatabase(file: string, migrationsFolder: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): void {
  if (file === ':memory:' || !existsSync(file) || statSync(file).size === 0) return
  const journal = journalOf(migrationsFolder)
  const conn = openDatabase(file, { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), readonly: true })
  try {
    const newer = newerSchema(conn.sqlite, journal)
    if (newer !== null) throw new DatabaseTooNewError(newer, journal.entries.length)
  } finally {
    closeDatabase(conn)
  }
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
  const journal = journalOf(migrationsFolder)
  const known = journal.entries.length
  const newer = newerSchema(conn.sqlite, journal)
  if (newer !== null) throw new DatabaseTooNewError(newer, known)
  const current = schemaVersion(conn.sqlite)
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
