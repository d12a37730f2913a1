import { nextDue } from '@shared/domain/backups'
import type { Db } from '../../db/connection'
import type { DatabaseHost } from '../core/context'
import { lastBackup, makeBackup } from './make'
import { loadBackupSettings } from './settings'

/** When the next scheduled backup is due: the first daily slot after the last backup or the last save of the schedule. */
export function dueAt(db: Db, zone: string): number | null {
  const settings = loadBackupSettings(db)
  if (!settings.enabled) return null
  return nextDue(Math.max(lastBackup(db)?.at ?? 0, settings.since), settings.dailyAt, zone)
}

export interface BackupScheduler {
  /** Makes the backup when one is due (and none is running); answers whether it made one. */
  tick(): Promise<boolean>
  stop(): void
}

/**
 * The host's timer (ADR 0022): every minute it looks whether a backup is due and makes it online, on whatever
 * database the host serves by then (a restore swaps it). A host that was off at the slot makes it on its first
 * look. Idle while the host serves the recovery screen.
 */
export function startBackupScheduler(
  host: DatabaseHost,
  options: { now: () => number; zone: (db: Db) => string; log?: (message: string, error: unknown) => void; everyMs?: number }
): BackupScheduler {
  let running = false
  const tick = async (): Promise<boolean> => {
    if (running || host.recovery) return false
    const conn = host.conn
    const due = dueAt(conn.db, options.zone(conn.db))
    if (due === null || options.now() < due) return false
    running = true
    try {
      await makeBackup(conn, 'scheduled', options.now())
      return true
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => {
    tick().catch((e: unknown) => options.log?.('scheduled backup failed', e))
  }, options.everyMs ?? 60_000)
  timer.unref()
  return { tick, stop: () => clearInterval(timer) }
}
