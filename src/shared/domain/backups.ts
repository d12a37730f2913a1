/**
 * Backups you can trust (ADR 0022): the schedule's settings, a backup file's name, which files the retention
 * keeps and when the next backup is due. Pure: the services, the scheduler and the screens share it.
 */
import { DateTime } from 'luxon'
import { z } from 'zod'
import { optionalText, timeOfDay, version } from './primitives'

export const backupSettingsInput = z.object({
  enabled: z.boolean(),
  /** A folder on this computer (a second disk or a synced folder); '' = `backups` beside the database file. */
  folder: optionalText(1000),
  dailyAt: timeOfDay,
  keepDaily: z.number().int().min(1).max(366),
  keepWeekly: z.number().int().min(0).max(520)
})
export type BackupSettingsInput = z.infer<typeof backupSettingsInput>
export const backupSettingsRow = backupSettingsInput.extend({ version })

export const BACKUP_KINDS = ['scheduled', 'manual', 'restore'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/** One recorded backup (or restore): when, which file, how big, and whether it passed its check. */
export const backupRun = z.object({
  id: z.number().int(),
  kind: z.enum(BACKUP_KINDS),
  at: z.number().int(),
  file: z.string(),
  size: z.number().int().nullable(),
  verified: z.boolean(),
  /** Why it failed (in the reader's language), '' when it passed. */
  problem: z.string()
})
export type BackupRun = z.infer<typeof backupRun>

export const backupFile = z.object({
  name: z.string(),
  at: z.number().int(),
  size: z.number().int(),
  /** true / false as recorded when it was made; null when this database holds no record of it. */
  verified: z.boolean().nullable(),
  /** Made at start before a migration (kept by no retention; restored through the same verified path). */
  beforeMigration: z.boolean()
})
export type BackupFile = z.infer<typeof backupFile>

export const backupStatus = z.object({
  settings: backupSettingsRow,
  lastRun: backupRun.nullable(),
  lastGood: backupRun.nullable(),
  /** When the scheduler makes the next one; null while scheduled backups are off. */
  nextDue: z.number().int().nullable(),
  files: z.array(backupFile),
  /** The folder backups go to (the setting, or its default beside the database). */
  folder: z.string(),
  /** The database file in use (shown so that the user sees what a restore replaces). */
  databaseFile: z.string()
})
export type BackupStatus = z.infer<typeof backupStatus>

const STAMP = '(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z'
/** `hooldus-2026-12-02T18-00-00-000Z.db`: a backup of the schedule or the Back up now button. */
const SCHEDULED = new RegExp(`^hooldus-${STAMP}\\.db$`)
/**
 * `hooldus.db.before-v10.2026-12-02T18-00-00-000Z.bak`: the copy start-up makes before migrating (db/migrate.ts).
 * Letters, digits, spaces, dots, dashes and underscores only: a name never leaves its folder.
 */
const BEFORE_MIGRATION = new RegExp(`^[\\w. -]+\\.before-v\\d+\\.${STAMP}\\.bak$`)

/** A file in the backup folder, named by this app: only such names are listed, pruned or restored. */
export const backupName = z
  .string()
  .max(200)
  .refine((n) => SCHEDULED.test(n) || BEFORE_MIGRATION.test(n), 'validation.invalid')

export const isBeforeMigration = (name: string) => BEFORE_MIGRATION.test(name)

export const restoreResult = z.object({ restored: z.string(), keptAside: z.string() })

export const RECOVERY_REASONS = ['damaged', 'unreadable'] as const
export type RecoveryReason = (typeof RECOVERY_REASONS)[number]

/** What the start-up screen shows when the database could not be used. */
export const recoveryStatus = z.object({
  recovering: z.boolean(),
  reason: z.enum(RECOVERY_REASONS).nullable(),
  detail: z.string(),
  databaseFile: z.string(),
  newest: backupFile.nullable(),
  folders: z.array(z.string())
})
export type RecoveryStatus = z.infer<typeof recoveryStatus>

/** `hooldus-2026-12-02T18-00-00-000Z.db`: UTC, sortable, no characters a file system refuses. */
export function backupFileName(at: number): string {
  return `hooldus-${new Date(at).toISOString().replace(/[:.]/g, '-')}.db`
}

/** The instant a backup name was made at, or null for any other file. */
export function backupTime(name: string): number | null {
  if (!backupName.safeParse(name).success) return null
  const m = (SCHEDULED.exec(name) ?? BEFORE_MIGRATION.exec(name))!
  const at = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`)
  return Number.isNaN(at) ? null : at
}

/**
 * Retention: the newest backup of each of the `keepDaily` latest days that have one, and the newest of each of
 * the `keepWeekly` latest ISO weeks, in the shop's time zone; the newest backup is always kept. Answers the
 * names to delete.
 */
export function backupsToDelete(
  backups: readonly { name: string; at: number }[],
  keepDaily: number,
  keepWeekly: number,
  zone: string
): string[] {
  const newestFirst = [...backups].sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1))
  const days = new Set<string>()
  const weeks = new Set<string>()
  const doomed: string[] = []
  newestFirst.forEach((b, i) => {
    const local = DateTime.fromMillis(b.at, { zone })
    const day = local.toISODate()!
    const week = `${local.weekYear}-${local.weekNumber}`
    let keep = i === 0
    if (!days.has(day) && days.size < keepDaily) {
      days.add(day)
      keep = true
    }
    if (!weeks.has(week) && weeks.size < keepWeekly) {
      weeks.add(week)
      keep = true
    }
    if (!keep) doomed.push(b.name)
  })
  return doomed
}

/** The first daily slot (`HH:MM` on the shop's wall clock) strictly after `after`. */
export function nextDue(after: number, dailyAt: string, zone: string): number {
  const [hour, minute] = dailyAt.split(':').map(Number) as [number, number]
  const from = DateTime.fromMillis(after, { zone })
  let slot = from.set({ hour, minute, second: 0, millisecond: 0 })
  // A wall-clock time a daylight-saving change skips lands an hour later; still strictly after `after`.
  if (slot.toMillis() <= after) slot = from.plus({ days: 1 }).set({ hour, minute, second: 0, millisecond: 0 })
  return slot.toMillis()
}
