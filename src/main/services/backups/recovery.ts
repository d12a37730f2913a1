import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupFile, RecoveryStatus } from '@shared/domain/backups'
import { closeDatabase, openDatabase } from '../../db/connection'
import { type Recovery, type ServiceContext } from '../core/context'
import { AppError } from '../core/errors'
import { backupsIn, recordRun } from './make'
import { swapDatabase } from './restore'
import { recoveryFolders } from './settings'
import { verifyDatabaseFile } from './verify'

/** SQLite's answers for a file that is not (or no longer) a readable database. */
export function isDamage(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|CANTOPEN|IOERR)/.test(code)
}

/** A page SQLite found malformed is damage its check would report; anything else kept it from opening the file. */
export function damageReason(e: unknown): Recovery['reason'] {
  return String((e as { code?: unknown }).code).startsWith('SQLITE_CORRUPT') ? 'damaged' : 'unreadable'
}

/**
 * The start-up check (ADR 0022): a read-only open and `PRAGMA quick_check` (every page and record read, the
 * cross-check of indexes against tables left to the full check a backup gets, so that start-up stays quick on
 * a large file). Null when the file is fine, new or empty.
 */
export function checkAtStart(file: string): Omit<Recovery, 'file'> | null {
  if (file === ':memory:' || !existsSync(file) || statSync(file).size === 0) return null
  let conn
  try {
    conn = openDatabase(file, { readonly: true })
    const findings = (conn.sqlite.pragma('quick_check', { simple: false }) as { quick_check: string }[]).map((r) => r.quick_check)
    if (findings.length === 1 && findings[0] === 'ok') return null
    return { reason: 'damaged', detail: findings.slice(0, 3).join('; ').slice(0, 500) }
  } catch (e) {
    if (!isDamage(e)) throw e
    return { reason: damageReason(e), detail: (e as Error).message.slice(0, 500) }
  } finally {
    if (conn) closeDatabase(conn)
  }
}

/** The newest backup in the folders that passes verification (newest first, each checked until one passes). */
export function newestVerified(folders: readonly string[]): (BackupFile & { path: string }) | null {
  const all = folders.flatMap((folder) => backupsIn(folder).map((f) => ({ ...f, path: join(folder, f.name) })))
  all.sort((a, b) => b.at - a.at)
  for (const f of all) if (verifyDatabaseFile(f.path).ok) return { ...f, verified: true }
  return null
}

export function recoveryStatus(ctx: ServiceContext): RecoveryStatus {
  const recovery = ctx.host?.recovery
  if (!recovery) return { recovering: false, reason: null, detail: '', databaseFile: '', newest: null, folders: [] }
  const folders = recoveryFolders(recovery.file)
  const newest = newestVerified(folders)
  return {
    recovering: true,
    reason: recovery.reason,
    detail: recovery.detail,
    databaseFile: recovery.file,
    newest: newest && { name: newest.name, at: newest.at, size: newest.size, verified: true, beforeMigration: newest.beforeMigration },
    folders
  }
}

/**
 * The start-up screen's one action: the newest verified backup replaces the file that failed (kept aside), the
 * host opens it and leaves recovery. Only while recovering: whoever reaches the screen holds the machine, as at
 * first start, and nothing else is served.
 */
export async function restoreNewest(ctx: ServiceContext): Promise<{ restored: string; keptAside: string }> {
  const host = ctx.host
  const recovery = host?.recovery
  if (!host || !recovery) throw new AppError('CONFLICT', 'errors.backups.notRecovering')
  const newest = newestVerified(recoveryFolders(recovery.file))
  if (!newest) throw new AppError('NOT_FOUND', 'errors.backups.noneVerified')
  const { conn, aside } = await swapDatabase(host, recovery.file, newest.path, ctx.now())
  host.recovery = null
  recordRun(conn.db, { kind: 'restore', at: ctx.now(), file: newest.name, size: null, verdict: { ok: true, problem: null } })
  return { restored: newest.name, keptAside: aside }
}
