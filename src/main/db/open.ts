import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { closeDatabase, type Connection, openDatabase, type OpenOptions } from './connection'
import { migrateDatabase, type MigrateResult, refuseNewerDatabase } from './migrate'
import { ensureDefaultSequences } from '../services/core/sequences'
import { ensureDefaultWorkflow } from '../services/orders/stages'
import { ensureAgreementSetup } from '../services/agreements/service'
import { markInterruptedRuns } from '../services/agreements/generator'
import { ensureSlaReasons } from '../services/sla/definitions'

/** The drizzle/ folder: beside the app in development, in the resources when packaged. */
export function findMigrations(startDir: string = __dirname): string {
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'drizzle')
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate
    if (dirname(dir) === dir) throw new Error(`No drizzle/ migrations folder above ${startDir}`)
  }
}

/** Opens the file, migrates it (with a backup first) and makes sure number sequences and a workflow exist. */
export async function openAndMigrate(
  file: string,
  options: OpenOptions & { migrationsFolder?: string; backupDir?: string } = {}
): Promise<{ conn: Connection; migration: MigrateResult }> {
  const migrationsFolder = options.migrationsFolder ?? findMigrations()
  refuseNewerDatabase(file, migrationsFolder, options)
  const conn = openDatabase(file, options)
  try {
    const migration = await migrateDatabase(conn, migrationsFolder, {
      ...(options.backupDir ? { backupDir: options.backupDir } : {})
    })
    ensureDefaultSequences(conn.db)
    ensureDefaultWorkflow(conn.db)
    ensureAgreementSetup(conn.db)
    ensureSlaReasons(conn.db)
    markInterruptedRuns(conn.db)
    return { conn, migration }
  } catch (e) {
    closeDatabase(conn)
    throw e
  }
}
