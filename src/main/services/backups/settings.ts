import { accessSync, constants, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { z } from 'zod'
import type { backupSettingsRow } from '@shared/domain/backups'
import type { Db } from '../../db/connection'
import { backupSettings } from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { conflict, invalid } from '../core/errors'
import { writeTx } from '../core/tx'

export type BackupSettings = z.infer<typeof backupSettingsRow> & { since: number }

/** Seeded at start-up: daily at 18:00 beside the database, a week of days and two months of weeks. */
export function ensureBackupSettings(db: Db, now: number = Date.now()): void {
  db.insert(backupSettings)
    .values({ id: 1, enabled: true, folder: '', dailyAt: '18:00', keepDaily: 7, keepWeekly: 8, since: now })
    .onConflictDoNothing()
    .run()
}

export function loadBackupSettings(db: Db): BackupSettings {
  let row = db.select().from(backupSettings).where(eq(backupSettings.id, 1)).get()
  if (!row) {
    ensureBackupSettings(db)
    row = db.select().from(backupSettings).where(eq(backupSettings.id, 1)).get()!
  }
  const { id: _id, ...rest } = row
  return rest
}

/** The default folder: `backups` beside the database, where the backups before a migration go too. */
export function defaultBackupFolder(databaseFile: string): string {
  return join(dirname(resolve(databaseFile)), 'backups')
}

export function backupFolder(settings: Pick<BackupSettings, 'folder'>, databaseFile: string): string {
  return settings.folder === '' ? defaultBackupFolder(databaseFile) : resolve(settings.folder)
}

/**
 * A note beside the database naming the chosen folder, so that start-up can find the backups of a database it
 * cannot read (ADR 0022). Absent while the default folder is used.
 */
export const folderNoteOf = (databaseFile: string) => `${resolve(databaseFile)}.backup-folder`

function writeFolderNote(databaseFile: string, folder: string): void {
  if (databaseFile === ':memory:') return
  const note = folderNoteOf(databaseFile)
  if (folder === '') rmSync(note, { force: true })
  else writeFileSync(note, resolve(folder), 'utf8')
}

/** The folders start-up looks in for backups of `databaseFile`: the chosen one (from the note), then the default. */
export function recoveryFolders(databaseFile: string): string[] {
  const folders: string[] = []
  const note = folderNoteOf(databaseFile)
  if (existsSync(note)) {
    const chosen = readFileSync(note, 'utf8').trim()
    if (chosen) folders.push(chosen)
  }
  const fallback = defaultBackupFolder(databaseFile)
  if (!folders.includes(fallback)) folders.push(fallback)
  return folders
}

/** A chosen folder must be a full path to a folder that exists and can be written: a typo is caught on saving, not at 18:00. */
function checkFolder(folder: string): void {
  if (!isAbsolute(folder)) throw invalid(['folder'], 'errors.backups.folderNotAbsolute')
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw invalid(['folder'], 'errors.backups.folderMissing')
  try {
    accessSync(folder, constants.W_OK)
  } catch {
    throw invalid(['folder'], 'errors.backups.folderNotWritable')
  }
}

export function saveBackupSettings(ctx: ServiceContext, i: ParsedInput<'backups.saveSettings'>): BackupSettings {
  if (i.folder !== '') checkFolder(i.folder)
  const after = writeTx(ctx, () => {
    requirePermission(ctx, 'backups.manage')
    const before = loadBackupSettings(ctx.db)
    if (before.version !== i.version) throw conflict('settings')
    const { version, ...values } = i
    // The schedule starts again from now: the next backup is the first slot after the save (or the last backup).
    ctx.db
      .update(backupSettings)
      .set({ ...values, since: ctx.now(), version: version + 1 })
      .where(eq(backupSettings.id, 1))
      .run()
    const saved = loadBackupSettings(ctx.db)
    audit(ctx, 'backupSettings', 1, 'update', before, saved)
    return saved
  })
  writeFolderNote(ctx.conn.file, after.folder)
  return after
}
