import { createHash } from 'node:crypto'
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { DateTime } from 'luxon'
import { afterEach, describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { backupFileName } from '@shared/domain/backups'
import { type ApiHost, runMethod } from '../../src/main/api/pipeline'
import { openAndMigrate, openOrRecover } from '../../src/main/bootstrap'
import { closeDatabase, type Connection } from '../../src/main/db/connection'
import { backupRuns, settings } from '../../src/main/db/schema'
import { startBackupScheduler } from '../../src/main/services/backups/scheduler'
import { defaultBackupFolder, recoveryFolders } from '../../src/main/services/backups/settings'
import { verifyDatabaseFile } from '../../src/main/services/backups/verify'
import type { SessionSlot } from '../../src/main/services/core/context'
import { freshDb, userWith } from '../support/db'

const ZONE = 'Europe/Tallinn'
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis()

const hosts: ApiHost[] = []
afterEach(() => {
  for (const h of hosts.splice(0)) closeDatabase(h.conn)
})

/** A host as browser mode builds it: it can reopen its file, so a restore can swap the database. */
function hostOn(conn: Connection, now = () => Date.now()): ApiHost {
  const host: ApiHost = {
    conn,
    now,
    checkOutputs: true,
    log: (m, e) => console.error(m, e),
    open: async (f) => (await openAndMigrate(f)).conn
  }
  hosts.push(host)
  return host
}

async function api<M extends MethodName>(host: ApiHost, session: SessionSlot, method: M, input: Input<M>) {
  const r = await runMethod(host, () => null, session, method, input)
  return r as { ok: true; data: Output<M> } | { ok: false; error: { code: string; key: string; message: string } }
}
function ok<T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.data
}

const companyName = (conn: Connection) => conn.db.select({ n: settings.companyName }).from(settings).get()!.n
const rename = (conn: Connection, name: string) => conn.db.update(settings).set({ companyName: name }).run()

/** Overwrites a run of pages in the middle of the file with garbage, as a failing disk would. */
function damage(file: string): void {
  const size = statSync(file).size
  const fd = openSync(file, 'r+')
  try {
    const start = Math.floor(size / 2 / 4096) * 4096
    writeSync(fd, Buffer.alloc(Math.min(64 * 1024, size - start), 0xa5), 0, undefined, start)
  } finally {
    closeSync(fd)
  }
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('backups', () => {
  it('backs up now, online: verified, recorded, listed, with what the database held', async () => {
    const { conn, dir } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    const host = hostOn(conn)
    rename(conn, 'Before Backup OÜ')
    const run = ok(await api(host, admin.session, 'backups.run', {}))
    expect(run).toMatchObject({ kind: 'manual', verified: true, problem: '' })
    const folder = join(dir, 'backups')
    expect(readdirSync(folder)).toEqual([run.file])
    expect(run.size).toBe(statSync(join(folder, run.file)).size)
    expect(verifyDatabaseFile(join(folder, run.file)).ok).toBe(true)

    const status = ok(await api(host, admin.session, 'backups.status', {}))
    expect(status.folder).toBe(folder)
    expect(status.lastGood?.file).toBe(run.file)
    expect(status.files).toEqual([expect.objectContaining({ name: run.file, verified: true, size: run.size })])
    expect(status.nextDue).toBeGreaterThan(run.at)

    const copy = await openAndMigrate(join(folder, run.file))
    expect(companyName(copy.conn)).toBe('Before Backup OÜ')
    closeDatabase(copy.conn)
  })

  it('records a backup that could not be written, and answers it', async () => {
    const { conn, dir } = await freshDb()
    const admin = userWith(conn, ['serviceManager'])
    const host = hostOn(conn)
    const status = ok(await api(host, admin.session, 'backups.status', {}))
    const chosen = join(dir, 'second-disk')
    mkdirSync(chosen)
    ok(await api(host, admin.session, 'backups.saveSettings', { ...status.settings, folder: chosen }))
    // The disk goes away and a file takes the folder's place: nothing can be written there.
    rmSync(chosen, { recursive: true })
    copyFileSync(conn.file, chosen)
    const run = ok(await api(host, admin.session, 'backups.run', {}))
    expect(run.verified).toBe(false)
    expect(run.problem).toMatch(/^The backup could not be written/)
    expect(conn.db.select().from(backupRuns).all()).toHaveLength(1)
  })

  it('refuses a relative or missing folder, naming the field; a chosen folder is noted beside the database', async () => {
    const { conn, dir, file } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    const host = hostOn(conn)
    const status = ok(await api(host, admin.session, 'backups.status', {}))
    for (const [folder, message] of [
      ['relative/path', 'Give the full path of the folder'],
      [join(dir, 'no-such-folder'), 'There is no such folder on this computer']
    ] as const) {
      const r = await api(host, admin.session, 'backups.saveSettings', { ...status.settings, folder })
      expect(r.ok).toBe(false)
      expect(JSON.stringify(r)).toContain('"path":["folder"]')
      expect(JSON.stringify(r)).toContain(message)
    }
    expect(ok(await api(host, admin.session, 'backups.status', {})).settings.version).toBe(status.settings.version)
    mkdirSync(join(dir, 'second-disk'))
    ok(await api(host, admin.session, 'backups.saveSettings', { ...status.settings, folder: join(dir, 'second-disk') }))
    expect(recoveryFolders(file)).toEqual([join(dir, 'second-disk'), join(dir, 'backups')])
  })

  it('keeps N daily and M weekly backups after each new one', async () => {
    const { conn, dir } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    const now = at('2026-12-02T18:00')
    const host = hostOn(conn, () => now)
    const status = ok(await api(host, admin.session, 'backups.status', {}))
    ok(await api(host, admin.session, 'backups.saveSettings', { ...status.settings, keepDaily: 2, keepWeekly: 2 }))
    const folder = join(dir, 'backups')
    const first = ok(await api(host, admin.session, 'backups.run', {}))
    // Older backups: yesterday, the day before (same week), and two and three weeks back.
    const older = ['2026-12-01T18:00', '2026-11-30T18:00', '2026-11-22T18:00', '2026-11-15T18:00'].map((iso) => backupFileName(at(iso)))
    for (const name of older) copyFileSync(join(folder, first.file), join(folder, name))
    copyFileSync(join(folder, first.file), join(folder, 'hooldus.db.before-v8.bak'))
    host.now = () => now + 60_000
    const second = ok(await api(host, admin.session, 'backups.run', {}))
    // Days: today's newest and yesterday; weeks: this week (today) and last week's newest (22 Nov).
    expect(readdirSync(folder).sort()).toEqual(
      [second.file, backupFileName(at('2026-12-01T18:00')), backupFileName(at('2026-11-22T18:00')), 'hooldus.db.before-v8.bak'].sort()
    )
  })

  it('the scheduler makes one backup per daily slot, on the injected clock', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    let now = at('2026-12-02T09:00')
    const host = hostOn(conn, () => now)
    const status = ok(await api(host, admin.session, 'backups.status', {}))
    ok(await api(host, admin.session, 'backups.saveSettings', { ...status.settings, dailyAt: '18:00' }))
    expect(ok(await api(host, admin.session, 'backups.status', {})).nextDue).toBe(at('2026-12-02T18:00'))
    const scheduler = startBackupScheduler(host, { now: () => now, zone: () => ZONE, everyMs: 3_600_000 })
    try {
      now = at('2026-12-02T17:59')
      expect(await scheduler.tick()).toBe(false)
      now = at('2026-12-02T18:00')
      expect(await scheduler.tick()).toBe(true)
      expect(await scheduler.tick()).toBe(false)
      // Off at the next slot: the first look after it catches up.
      now = at('2026-12-04T08:00')
      expect(await scheduler.tick()).toBe(true)
      expect(await scheduler.tick()).toBe(false)
    } finally {
      scheduler.stop()
    }
    const runs = conn.db.select().from(backupRuns).all()
    expect(runs.map((r) => [r.kind, r.at, r.verified])).toEqual([
      ['scheduled', at('2026-12-02T18:00'), true],
      ['scheduled', at('2026-12-04T08:00'), true]
    ])
    expect(ok(await api(host, admin.session, 'backups.status', {})).nextDue).toBe(at('2026-12-04T18:00'))
  })

  it('restores a verified backup: the file in use is kept aside, the host reopens the restored one', async () => {
    const { conn, dir, file } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    const host = hostOn(conn)
    rename(conn, 'Backed Up OÜ')
    const run = ok(await api(host, admin.session, 'backups.run', {}))
    rename(conn, 'Changed Later OÜ')
    const status = ok(await api(host, admin.session, 'backups.status', {}))
    ok(await api(host, admin.session, 'backups.saveSettings', { ...status.settings, dailyAt: '06:30' }))

    const result = ok(await api(host, admin.session, 'backups.restore', { name: run.file }))
    expect(result.restored).toBe(run.file)
    expect(conn.sqlite.open).toBe(false)
    expect(host.conn).not.toBe(conn)
    expect(host.conn.file).toBe(file)
    expect(companyName(host.conn)).toBe('Backed Up OÜ')
    // The backup settings in use survive the restore; the restore is recorded.
    const after = ok(await api(host, admin.session, 'backups.status', {}))
    expect(after.settings.dailyAt).toBe('06:30')
    expect(after.lastRun).toMatchObject({ kind: 'restore', file: run.file })
    // The replaced database is kept aside, whole.
    expect(result.keptAside.startsWith(join(dir, 'test.db.replaced-'))).toBe(true)
    const aside = await openAndMigrate(result.keptAside)
    expect(companyName(aside.conn)).toBe('Changed Later OÜ')
    closeDatabase(aside.conn)
  })

  it('lists the copies made before a migration, marked, beside the chosen folder, and restores one through the same check', async () => {
    const { conn, dir } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    const host = hostOn(conn)
    rename(conn, 'Before Migration OÜ')
    const run = ok(await api(host, admin.session, 'backups.run', {}))
    rename(conn, 'After Migration OÜ')
    // Start-up's copy (db/migrate.ts names it so) lies in the default folder; the schedule now writes elsewhere.
    const stamp = new Date(at('2026-12-01T07:00')).toISOString().replace(/[:.]/g, '-')
    const bak = `test.db.before-v9.${stamp}.bak`
    copyFileSync(join(dir, 'backups', run.file), join(dir, 'backups', bak))
    rmSync(join(dir, 'backups', run.file))
    mkdirSync(join(dir, 'second-disk'))
    const status = ok(await api(host, admin.session, 'backups.status', {}))
    ok(await api(host, admin.session, 'backups.saveSettings', { ...status.settings, folder: join(dir, 'second-disk') }))
    const listed = ok(await api(host, admin.session, 'backups.status', {})).files
    expect(listed.map((f) => [f.name, f.at, f.beforeMigration])).toEqual([[bak, at('2026-12-01T07:00'), true]])
    // A later backup of the schedule does not prune it.
    ok(await api(host, admin.session, 'backups.run', {}))
    expect(ok(await api(host, admin.session, 'backups.status', {})).files.map((f) => f.beforeMigration)).toEqual([false, true])

    ok(await api(host, admin.session, 'backups.restore', { name: bak }))
    expect(companyName(host.conn)).toBe('Before Migration OÜ')
    // A damaged one is refused like any other backup.
    damage(join(dir, 'backups', bak))
    const refused = await api(host, admin.session, 'backups.restore', { name: bak })
    expect(refused.ok).toBe(false)
    expect(companyName(host.conn)).toBe('Before Migration OÜ')
    expect((await api(host, admin.session, 'backups.restore', { name: '../x.before-v9.2026-12-01T05-00-00-000Z.bak' })).ok).toBe(false)
  })

  it('refuses a backup that fails verification and leaves the database in use untouched', async () => {
    const { conn, dir, file } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    const host = hostOn(conn)
    const run = ok(await api(host, admin.session, 'backups.run', {}))
    damage(join(dir, 'backups', run.file))
    conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const before = sha(file)
    const r = await api(host, admin.session, 'backups.restore', { name: run.file })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION')
      expect(r.error.message).toMatch(new RegExp(`^Backup ${run.file} was not restored, the database in use is unchanged: The file`))
    }
    expect(host.conn).toBe(conn)
    expect(conn.sqlite.open).toBe(true)
    expect(sha(file)).toBe(before)
    expect(readdirSync(dir).filter((f) => f.includes('replaced'))).toEqual([])
    // Only a name of the app's own backups is accepted: no paths.
    const traversal = await api(host, admin.session, 'backups.restore', { name: '../test.db' })
    expect(traversal.ok).toBe(false)
  })

  it('a technician may not back up or restore', async () => {
    const { conn } = await freshDb()
    const tech = userWith(conn, ['technician', 'dispatcher'])
    const host = hostOn(conn)
    const r = await api(host, tech.session, 'backups.run', {})
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN')
  })
})

describe('start-up recovery', () => {
  it('a damaged database gets the recovery screen, which restores the newest verified backup', async () => {
    const { conn, dir, file } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    const host = hostOn(conn)
    rename(conn, 'Good Copy OÜ')
    const older = ok(await api(host, admin.session, 'backups.run', {}))
    host.now = () => Date.now() + 60_000
    const newest = ok(await api(host, admin.session, 'backups.run', {}))
    // A newer backup that is itself damaged is passed over.
    const broken = backupFileName(Date.now() + 120_000)
    copyFileSync(join(dir, 'backups', newest.file), join(dir, 'backups', broken))
    damage(join(dir, 'backups', broken))
    closeDatabase(conn)
    hosts.splice(0)
    damage(file)
    const damagedHash = sha(file)

    const opened = await openOrRecover(file)
    expect(opened.recovery).toMatchObject({ file, reason: 'damaged' })
    const recovering: ApiHost = { ...hostOn(opened.conn), recovery: opened.recovery }
    hosts.splice(0, hosts.length, recovering)
    const nobody: SessionSlot = { userId: null }
    const status = ok(await api(recovering, nobody, 'startup.recovery', {}))
    expect(status).toMatchObject({ recovering: true, databaseFile: file, newest: { name: newest.file, verified: true } })
    expect(status.folders).toEqual([defaultBackupFolder(file)])
    expect(older.file < newest.file).toBe(true)

    const restored = ok(await api(recovering, nobody, 'startup.restore', {}))
    expect(restored.restored).toBe(newest.file)
    expect(recovering.recovery).toBeNull()
    expect(recovering.conn.file).toBe(file)
    expect(companyName(recovering.conn)).toBe('Good Copy OÜ')
    expect(sha(restored.keptAside)).toBe(damagedHash)
    expect(ok(await api(recovering, nobody, 'startup.recovery', {})).recovering).toBe(false)
    // Once recovered, the public restore is refused.
    const again = await api(recovering, nobody, 'startup.restore', {})
    expect(again.ok ? null : again.error.code).toBe('CONFLICT')
  })

  it('a file that is not a database at all is offered the same way; with no backups there is nothing to restore', async () => {
    const { conn, dir, file } = await freshDb()
    closeDatabase(conn)
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, Buffer.alloc(8192, 0x41))
    const opened = await openOrRecover(file)
    expect(opened.recovery?.reason).toBe('unreadable')
    const recovering = hostOn(opened.conn)
    recovering.recovery = opened.recovery
    const status = ok(await api(recovering, { userId: null }, 'startup.recovery', {}))
    expect(status.newest).toBeNull()
    const r = await api(recovering, { userId: null }, 'startup.restore', {})
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND')
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  it('a healthy database opens as always', async () => {
    const { conn, file } = await freshDb()
    closeDatabase(conn)
    const opened = await openOrRecover(file)
    expect(opened.recovery).toBeNull()
    closeDatabase(opened.conn)
  })
})
