import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { desc, eq, inArray } from 'drizzle-orm'
import {
  type BackupFile,
  type BackupKind,
  type BackupRun,
  backupFileName,
  backupsToDelete,
  backupTime,
  isBeforeMigration
} from '@shared/domain/backups'
import { tFor } from '@shared/i18n/i18n'
import { translate } from '@shared/i18n/issues'
import { type Connection, type Db, settleCopy } from '../../db/connection'
import { backupRuns } from '../../db/schema'
import type { MessageKey } from '../core/errors'
import { loadSettings } from '../settings/settings'
import { backupFolder, loadBackupSettings } from './settings'
import { type Verdict, verifyDatabaseFile } from './verify'

type RunRow = typeof backupRuns.$inferSelect

/** A run as the screens show it: its problem worded in the reader's language. */
export function runDto(row: RunRow, language: Parameters<typeof tFor>[0]): BackupRun {
  return {
    id: row.id,
    kind: row.kind,
    at: row.at,
    file: row.file,
    size: row.size,
    verified: row.verified,
    problem: row.problem ? translate(tFor(language), row.problem, JSON.parse(row.problemParams) as Record<string, string>) : ''
  }
}

export function lastRun(db: Db, onlyGood = false): RunRow | null {
  const q = db.select().from(backupRuns)
  const rows = (onlyGood ? q.where(eq(backupRuns.verified, true)) : q).orderBy(desc(backupRuns.at), desc(backupRuns.id)).limit(1).all()
  return rows[0] ?? null
}

/** The last backup the scheduler counts from (restores are not backups). */
export function lastBackup(db: Db): RunRow | null {
  const rows = db
    .select()
    .from(backupRuns)
    .where(inArray(backupRuns.kind, ['scheduled', 'manual']))
    .orderBy(desc(backupRuns.at), desc(backupRuns.id))
    .limit(1)
    .all()
  return rows[0] ?? null
}

export function recordRun(
  db: Db,
  run: { kind: BackupKind; at: number; file: string; size: number | null; verdict: Pick<Verdict, 'ok' | 'problem'> }
): RunRow {
  return db
    .insert(backupRuns)
    .values({
      kind: run.kind,
      at: run.at,
      file: run.file,
      size: run.size,
      verified: run.verdict.ok,
      problem: run.verdict.problem?.key ?? '',
      problemParams: JSON.stringify(run.verdict.problem?.params ?? {})
    })
    .returning()
    .get()
}

type FoundBackup = { name: string; at: number; size: number; beforeMigration: boolean }

/** The backups in a folder, newest first: only files named by this app (ADR 0022), before-migration copies included. */
export function backupsIn(folder: string): FoundBackup[] {
  if (!existsSync(folder)) return []
  const found: FoundBackup[] = []
  for (const name of readdirSync(folder)) {
    const at = backupTime(name)
    if (at === null) continue
    const stat = statSync(join(folder, name), { throwIfNoEntry: false })
    if (stat?.isFile()) found.push({ name, at, size: stat.size, beforeMigration: isBeforeMigration(name) })
  }
  return found.sort((a, b) => b.at - a.at)
}

/**
 * The backups of the folders (the chosen one, and the default one beside the database where start-up puts its
 * before-migration copies), newest first, each name once, with what this database recorded about each.
 */
export function listBackups(db: Db, folders: readonly string[]): BackupFile[] {
  const byName = new Map<string, FoundBackup>()
  for (const folder of new Set(folders)) for (const f of backupsIn(folder)) if (!byName.has(f.name)) byName.set(f.name, f)
  const files = [...byName.values()].sort((a, b) => b.at - a.at)
  if (files.length === 0) return []
  const recorded = new Map<string, boolean>()
  const rows = db
    .select({ file: backupRuns.file, verified: backupRuns.verified })
    .from(backupRuns)
    .where(inArray(backupRuns.kind, ['scheduled', 'manual']))
    .all()
  for (const r of rows) recorded.set(r.file, r.verified)
  return files.map((f) => ({ ...f, verified: recorded.get(f.name) ?? null }))
}

function problemOf(key: MessageKey, reason: string): Verdict['problem'] {
  return { key, params: { reason: reason.slice(0, 300) } }
}

/**
 * One online backup (SQLite's backup API, so the app keeps working meanwhile) into the folder of the settings:
 * written under a temporary name, verified, and only then given its name; recorded either way; then the
 * retention deletes what it no longer keeps. A failure is recorded and answered, never thrown.
 */
export async function makeBackup(conn: Connection, kind: 'scheduled' | 'manual', now: number): Promise<RunRow> {
  const settings = loadBackupSettings(conn.db)
  const folder = backupFolder(settings, conn.file)
  const name = backupFileName(now)
  const final = join(folder, name)
  const partial = `${final}.part`
  let verdict: Pick<Verdict, 'ok' | 'problem'>
  let size: number | null = null
  try {
    mkdirSync(folder, { recursive: true })
    await conn.sqlite.backup(partial)
    settleCopy(partial)
    verdict = verifyDatabaseFile(partial)
    if (verdict.ok) {
      renameSync(partial, final)
      size = statSync(final).size
    }
  } catch (e) {
    verdict = { ok: false, problem: problemOf('errors.backups.notWritten', (e as Error).message) }
  }
  if (!verdict.ok) discard(partial)
  const row = recordRun(conn.db, { kind, at: now, file: name, size, verdict })
  if (verdict.ok) prune(conn.db, folder, settings)
  return row
}

/** Removes what a failed backup left; best effort, since a folder that could not be written may not be readable either. */
function discard(partial: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      rmSync(partial + suffix, { force: true })
    } catch {
      // Nothing was left there to remove.
    }
  }
}

function prune(db: Db, folder: string, settings: { keepDaily: number; keepWeekly: number }): void {
  const zone = loadSettings(db).timeZone
  // Retention is for the schedule's own backups; a before-migration copy stays until the user removes it.
  const own = backupsIn(folder).filter((f) => !f.beforeMigration)
  for (const name of backupsToDelete(own, settings.keepDaily, settings.keepWeekly, zone)) {
    rmSync(join(folder, name), { force: true })
  }
}
