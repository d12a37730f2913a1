import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { openAndMigrate, openOrRecover } from '../bootstrap'
import { DatabaseTooNewError } from '../db/migrate'
import { resolveDbFile } from '../paths'
import { startBackupScheduler } from '../services/backups/scheduler'
import { loadSettings } from '../services/settings/settings'
import { startWebHost, type WebHost, type WebHostOptions } from './server'

/**
 * Test-only clock: with HOOLDUS_TEST_CLOCK_FILE set, the services' "now" is the real time plus the number of
 * milliseconds written in that file (read on every call; a missing or empty file means no offset), so an
 * end-to-end test can pass an SLA deadline without waiting for it. Unset in normal use, and the browser's
 * own clock is never moved.
 */
function testClock(file: string | undefined): (() => number) | undefined {
  if (!file) return undefined
  return () => {
    let text = ''
    try {
      text = readFileSync(file, 'utf8').trim()
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    }
    const offset = Number(text || '0')
    if (!Number.isFinite(offset)) throw new Error(`HOOLDUS_TEST_CLOCK_FILE holds "${text}", not a number of milliseconds`)
    return Date.now() + offset
  }
}

/** Browser mode: `npm run web -- [--db <file>] [--port <n>]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, 'renderer-dir': { type: 'string' } },
    allowPositionals: false
  })
  const file = resolveDbFile(values.db)
  mkdirSync(dirname(file), { recursive: true })
  const port = values.port ? Number(values.port) : 5178
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`)
  const { conn, migration, recovery } = await openOrRecover(file)
  const now = testClock(process.env.HOOLDUS_TEST_CLOCK_FILE)
  if (now) console.log(`Test clock: time is offset by the milliseconds in ${process.env.HOOLDUS_TEST_CLOCK_FILE}.`)
  if (migration?.backup) console.log(`Backed up the database to ${migration.backup} before migrating.`)
  if (recovery) console.error(`The database ${file} failed its start-up check (${recovery.detail}); serving the recovery screen.`)
  const started: { host?: WebHost } = {}
  // The object the pipeline reads its database from: a restore swaps `conn` in it and clears `recovery`.
  const apiHost: WebHostOptions = {
    conn,
    recovery,
    // A restored database is opened as at start; its users sign in again.
    open: async (f) => {
      const opened = await openAndMigrate(f)
      started.host?.endSessions()
      return opened.conn
    },
    port,
    rendererDir: values['renderer-dir'] ?? join(__dirname, '../renderer'),
    ...(process.env.HOOLDUS_WEB_TOKEN ? { token: process.env.HOOLDUS_WEB_TOKEN } : {}),
    ...(now ? { now } : {}),
    log: (m, e) => console.error(m, e)
  }
  const host = await startWebHost(apiHost)
  started.host = host
  const scheduler = startBackupScheduler(apiHost, {
    now: now ?? Date.now,
    zone: (db) => loadSettings(db).timeZone,
    log: (m, e) => console.error(m, e)
  })
  console.log(`Hooldus (browser mode) — database ${file}`)
  console.log(`Open ${host.url}`)
  const stop = () => {
    scheduler.stop()
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e instanceof DatabaseTooNewError ? e.message : e)
  process.exit(1)
})
