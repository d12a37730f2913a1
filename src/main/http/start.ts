import { mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { openAndMigrate, openOrRecover } from '../bootstrap'
import { startBackupScheduler } from '../services/backups/scheduler'
import { loadSettings } from '../services/settings/settings'
import { type LanOptions, startWebHost, type WebHost, type WebHostOptions } from './server'
import { hostCertificate } from './tls'

/**
 * Test-only clock: with HOOLDUS_TEST_CLOCK_FILE set, the services' "now" is the real time plus the number of
 * milliseconds written in that file (read on every call; a missing or empty file means no offset), so an
 * end-to-end test can pass an SLA deadline without waiting for it. Unset in normal use, and the browser's
 * own clock is never moved.
 */
export function testClock(file: string | undefined): (() => number) | undefined {
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

/** `--listen 0.0.0.0:5179` or `[::]:5179` → address and port; an Error naming the option otherwise. */
export function parseListen(text: string): { address: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text.trim())
  const port = m ? Number(m[3]) : NaN
  if (!m || port > 65535) throw new Error(`--listen must be <address>:<port> (e.g. 0.0.0.0:5179), not "${text}"`)
  return { address: (m[1] ?? m[2])!, port }
}

/**
 * What serving the shop's network needs besides the address: the certificate kept next to the database
 * (made on first start), and the names clients use for the Host and Origin checks.
 */
export async function lanOptions(dbFile: string, listen: string, names: readonly string[]): Promise<LanOptions> {
  const all = [...new Set(names.filter(Boolean))]
  const tls = await hostCertificate(dirname(dbFile), ['localhost', ...all, ...(listen === '0.0.0.0' || listen === '::' ? [] : [listen])])
  return { listen, names: all, tls }
}

export interface ServeOptions {
  file: string
  port: number
  rendererDir: string
  /** Serve the shop's network (`npm run serve`); without it, browser mode on loopback http. */
  lan?: { listen: string; names: string[] }
}

/**
 * The one start of a host process over a database file, for browser mode (`npm run web`) and the shop server
 * (`npm run serve`): open (or recover) the file, serve it, run the backup schedule; stop on SIGINT/SIGTERM.
 */
export async function serveDatabase(options: ServeOptions): Promise<WebHost> {
  const file = options.file
  mkdirSync(dirname(file), { recursive: true })
  const { conn, migration, recovery } = await openOrRecover(file)
  const now = testClock(process.env.HOOLDUS_TEST_CLOCK_FILE)
  if (now) console.log(`Test clock: time is offset by the milliseconds in ${process.env.HOOLDUS_TEST_CLOCK_FILE}.`)
  if (migration?.backup) console.log(`Backed up the database to ${migration.backup} before migrating.`)
  if (recovery) console.error(`The database ${file} failed its start-up check (${recovery.detail}); serving the recovery screen.`)
  const lan = options.lan ? await lanOptions(file, options.lan.listen, options.lan.names) : undefined
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
    port: options.port,
    rendererDir: options.rendererDir,
    ...(process.env.HOOLDUS_WEB_TOKEN ? { token: process.env.HOOLDUS_WEB_TOKEN } : {}),
    ...(now ? { now } : {}),
    ...(lan ? { lan } : {}),
    log: (m, e) => console.error(m, e)
  }
  const host = await startWebHost(apiHost)
  started.host = host
  const scheduler = startBackupScheduler(apiHost, {
    now: now ?? Date.now,
    zone: (db) => loadSettings(db).timeZone,
    log: (m, e) => console.error(m, e)
  })
  if (lan) {
    console.log(`Hooldus shop server — database ${file}`)
    console.log(`Listening on ${lan.listen}:${host.port} (HTTPS)`)
    console.log(`Certificate fingerprint (SHA-256): ${host.fingerprint}`)
    const code = host.pairing!.code()
    console.log(`Pairing code: ${code.code} (valid 10 minutes; a new one on the operations page)`)
  } else {
    console.log(`Hooldus (browser mode) — database ${file}`)
  }
  console.log(`Open ${host.url}`)
  const stop = () => {
    scheduler.stop()
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return host
}
