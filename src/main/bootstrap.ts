import type { Connection, Db } from './db/connection'
import type { MigrateResult } from './db/migrate'
import { type OpenAndMigrateOptions, openMigrated } from './db/open'
import { markInterruptedRuns } from './services/agreements/generator'
import { ensureAgreementSetup } from './services/agreements/records'
import { ensureDefaultSequences } from './services/core/sequences'
import { ensureDefaultWorkflow } from './services/orders/stages'
import { ensureLifecycle } from './services/lifecycle/rules'
import { ensureReturnSetup } from './services/returns/setup'
import { ensureSlaReasons } from './services/sla/definitions'
import { markInterruptedFeeRuns } from './services/subscriptions/generate'
import { ensureBackupSettings } from './services/backups/settings'
import { checkAtStart, damageReason, isDamage } from './services/backups/recovery'
import type { Recovery } from './services/core/context'

/**
 * Start-up, above the services: every host (Electron main, browser mode, CLI, tests, bench) opens its
 * database here, so that db/ stays below the services it would otherwise have to import.
 */

/** What a migrated database needs before the first call: seeded setup rows, and runs a crash left behind marked as such. */
export function startUp(db: Db): void {
  ensureDefaultSequences(db)
  ensureDefaultWorkflow(db)
  ensureLifecycle(db)
  ensureAgreementSetup(db)
  ensureSlaReasons(db)
  ensureReturnSetup(db)
  ensureBackupSettings(db)
  markInterruptedRuns(db)
  markInterruptedFeeRuns(db)
}

/** Opens the file, migrates it (with a backup first) and runs the start-up work; closes it again on failure. */
export function openAndMigrate(file: string, options: OpenAndMigrateOptions = {}): Promise<{ conn: Connection; migration: MigrateResult }> {
  return openMigrated(file, options, (conn) => startUp(conn.db))
}

/**
 * The hosts' start (ADR 0022): a database that fails its start-up check, or that SQLite cannot open, is left as it
 * is and the host serves the recovery screen on an empty stand-in database in memory instead of crashing.
 */
export async function openOrRecover(
  file: string,
  options: OpenAndMigrateOptions = {}
): Promise<{ conn: Connection; migration: MigrateResult | null; recovery: Recovery | null }> {
  let problem = checkAtStart(file)
  if (!problem) {
    try {
      return { ...(await openAndMigrate(file, options)), recovery: null }
    } catch (e) {
      if (!isDamage(e)) throw e
      problem = { reason: damageReason(e), detail: (e as Error).message.slice(0, 500) }
    }
  }
  const { conn } = await openAndMigrate(':memory:', options)
  return { conn, migration: null, recovery: { file, ...problem } }
}
