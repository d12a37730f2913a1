import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { closeDatabase, type Connection } from '../../db/connection'
import { backupSettings } from '../../db/schema'
import { type DatabaseHost, requirePermission, type ServiceContext } from '../core/context'
import { AppError } from '../core/errors'
import { recordRun } from './make'
import { backupFolder, type BackupSettings, defaultBackupFolder, loadBackupSettings } from './settings'
import { verifyDatabaseFile } from './verify'

const SIDE_FILES = ['', '-wal', '-shm']

/**
 * Puts a copy of `source` in place of the closed database `file`; the file it replaces (with its WAL, if any) is
 * kept aside under a timestamped name, which is answered.
 */
export function replaceDatabaseFile(file: string, source: string, now: number): string {
  const incoming = `${file}.restoring`
  copyFileSync(source, incoming)
  const aside = `${file}.replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of SIDE_FILES) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix)
  renameSync(incoming, file)
  return aside
}

/** Undoes replaceDatabaseFile: the file kept aside goes back in place. */
function putBack(file: string, aside: string): void {
  for (const suffix of SIDE_FILES) rmSync(file + suffix, { force: true })
  for (const suffix of SIDE_FILES) if (existsSync(aside + suffix)) renameSync(aside + suffix, file + suffix)
}

/**
 * Closes the host's database, swaps the verified `source` in and opens it the way the host opens at start
 * (migrations included); when that fails, the previous file goes back and is opened again.
 */
export async function swapDatabase(
  host: DatabaseHost,
  file: string,
  source: string,
  now: number
): Promise<{ conn: Connection; aside: string }> {
  const open = host.open
  if (!open) throw new AppError('CONFLICT', 'errors.backups.hostCannotRestore')
  closeDatabase(host.conn)
  let aside: string
  try {
    aside = replaceDatabaseFile(file, source, now)
  } catch (e) {
    if (!host.recovery) host.conn = await open(file)
    throw new AppError('INTERNAL', 'errors.backups.notSwapped', { reason: (e as Error).message.slice(0, 300) })
  }
  try {
    host.conn = await open(file)
  } catch (e) {
    putBack(file, aside)
    if (!host.recovery) host.conn = await open(file)
    throw new AppError('INTERNAL', 'errors.backups.notSwapped', { reason: (e as Error).message.slice(0, 300) })
  }
  return { conn: host.conn, aside }
}

/** Verifies a backup file in the first of the folders that has it; a file that fails is refused with the reason. */
export function requireVerified(folders: readonly string[], name: string): string {
  const source = folders.map((folder) => join(folder, name)).find((path) => existsSync(path))
  if (!source) throw new AppError('NOT_FOUND', 'errors.backups.noSuchBackup', { name })
  const verdict = verifyDatabaseFile(source)
  if (!verdict.ok) throw new AppError('VALIDATION', 'errors.backups.refused', { name, problem: verdict.problem! })
  return source
}

/** Brings back a restored database's backup settings (folder, schedule, retention) as they were before the swap. */
function keepSettings(conn: Connection, settings: BackupSettings): void {
  const { version: _version, ...values } = settings
  conn.db.update(backupSettings).set(values).where(eq(backupSettings.id, 1)).run()
}

/**
 * The restore screen (ADR 0022): the chosen backup is verified first (a failing file is refused and the database
 * in use is not touched), then swapped in; the replaced file is kept aside. The restored database keeps the
 * backup settings in use and records the restore. The screen reloads afterwards.
 */
export async function restoreBackup(
  ctx: ServiceContext,
  i: ParsedInput<'backups.restore'>
): Promise<{ restored: string; keptAside: string }> {
  requirePermission(ctx, 'backups.manage')
  const host = ctx.host
  if (!host?.open) throw new AppError('CONFLICT', 'errors.backups.hostCannotRestore')
  const settings = loadBackupSettings(ctx.db)
  // The same folders as the list: the chosen one, then the default one with the before-migration copies.
  const source = requireVerified([backupFolder(settings, ctx.conn.file), defaultBackupFolder(ctx.conn.file)], i.name)
  const { conn, aside } = await swapDatabase(host, ctx.conn.file, source, ctx.now())
  keepSettings(conn, settings)
  recordRun(conn.db, { kind: 'restore', at: ctx.now(), file: i.name, size: null, verdict: { ok: true, problem: null } })
  return { restored: i.name, keptAside: aside }
}
