import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { closeDatabase, type Connection, openDatabase, type OpenOptions } from './connection'
import { migrateDatabase, type MigrateResult, refuseNewerDatabase } from './migrate'

/** The drizzle/ folder: beside the app in development, in the resources when packaged. */
export function findMigrations(startDir: string = __dirname): string {
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'drizzle')
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    if (dirname(dir) === dir) throw new Error(`No drizzle/ migrations folder above ${startDir}`)
  }
}

export type OpenAndMigrateOptions = OpenOptions & { migrationsFolder?: string; backupDir?: string }

/**
 * Opens the file and migrates it (with a backup first); `work` then runs on the migrated database, and
 * the connection is closed again when either fails. Hosts open through src/main/bootstrap.ts, which
 * passes the start-up work of the services (db sits below them and never imports them).
 */
export async function openMigrated(
  file: string,
  options: OpenAndMigrateOptions,
  work: (conn: Connection) => void
): Promise<{ conn: Connection; migration: MigrateResult }> {
  const migrationsFolder = options.migrationsFolder ?? findMigrations()
  refuseNewerDatabase(file, migrationsFolder, options)
  const conn = openDatabase(file, options)
  try {
    const migration = await migrateDatabase(conn, migrationsFolder, {
      ...(options.backupDir ? { backupDir: options.backupDir } : {})
    })
    work(conn)
    return { conn, migration }
  } catch (e) {
    closeDatabase(conn)
    throw e
  }
}
