import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import * as schema from './schema'

export type Sqlite = Database.Database
/** The Drizzle handle; `$client` is the better-sqlite3 connection under it (for prepared hot-path statements). */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite }

export interface Connection {
  sqlite: Sqlite
  db: Db
  file: string
}

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for another ABI (Electron); default: the one in node_modules. */
  nativeBinding?: string
  readonly?: boolean
}

/**
 * The binding the host opened its database with (Electron's ABI), kept for the files it opens later without
 * naming one: a backup it verifies, the file it restores (ADR 0022).
 */
let hostBinding: string | undefined

export function openDatabase(file: string, options: OpenOptions = {}): Connection {
  const readonly = options.readonly ?? false
  if (options.nativeBinding) hostBinding = options.nativeBinding
  const nativeBinding = options.nativeBinding ?? hostBinding
  const sqlite = new Database(file, {
    ...(nativeBinding ? { nativeBinding } : {}),
    readonly,
    // A read-only look at a file must not create one.
    fileMustExist: readonly
  })
  // Switching a rollback-journal file to WAL rewrites its header: only a connection that may write does it.
  if (!readonly) sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  if (!readonly) sqlite.pragma('synchronous = NORMAL')
  return { sqlite, db: drizzle(sqlite, { schema }), file }
}

/**
 * Turns a copy made by the backup API (which keeps the source's WAL mode) into one self-contained file in
 * rollback-journal mode, so that reading it later leaves no -wal or -shm beside it.
 */
export function settleCopy(file: string): void {
  const sqlite = new Database(file, { ...(hostBinding ? { nativeBinding: hostBinding } : {}), fileMustExist: true })
  try {
    sqlite.pragma('journal_mode = DELETE')
  } finally {
    sqlite.close()
  }
}

export function closeDatabase(conn: Connection): void {
  if (conn.sqlite.open) conn.sqlite.close()
}
