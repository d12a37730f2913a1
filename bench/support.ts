import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import type { MethodName } from '@shared/api/contract'
import { type ApiHost, runMethod } from '../src/main/api/pipeline'
import type { SessionSlot } from '../src/main/services/core/context'
import { closeDatabase, type Connection, openDatabase } from '../src/main/db/connection'
import { openAndMigrate } from '../src/main/bootstrap'
import { findMigrations } from '../src/main/db/open'
import { createDemoData, DEFAULT_DEMO_SEED, DEMO_DATA_VERSION } from '../src/main/demo/createDemo'
import { ensureSettings } from '../src/main/services/settings/settings'

export const ROOT = resolve(__dirname, '..')
const CACHE_DIR = join(ROOT, '.tmp')

/** Median of the timings of `runs` calls after `warmup` untimed ones, in ms. */
export async function medianMs(fn: () => unknown, runs = 20, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  const mid = times.length >> 1
  return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

/** Runs gc when possible, so that memory baselines are comparable. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as (() => void) | undefined
  gc?.()
}

/** A temp folder removed when the process ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hooldus-bench-'))
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** What the cached database depends on: the migrations and the demo generator. */
function fingerprint(scale: number): string {
  const h = createHash('sha256')
  h.update(`demo v${DEMO_DATA_VERSION} scale ${scale} seed ${DEFAULT_DEMO_SEED}\n`)
  const migrations = findMigrations(ROOT)
  for (const f of readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    h.update(readFileSync(join(migrations, f)))
  const demoDir = join(ROOT, 'src/main/demo')
  for (const f of readdirSync(demoDir).sort()) h.update(readFileSync(join(demoDir, f)))
  return h.digest('hex')
}

// For timing the demo generator itself: scrypt is slow on purpose and is not what is measured.
const quickHash = { hash: '00', salt: '00' }
export const noHash = () => quickHash

/**
 * The demo database at the given scale, built once into .tmp/ and reused while the migrations and the
 * demo generator are unchanged. Answers an open connection (closed at exit).
 */
export async function demoDatabase(scale: number, log: (line: string) => void): Promise<{ conn: Connection; file: string }> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const file = join(CACHE_DIR, `bench-scale${scale}.db`)
  const stamp = `${file}.json`
  const want = fingerprint(scale)
  const current =
    existsSync(file) && existsSync(stamp) && (JSON.parse(readFileSync(stamp, 'utf8')) as { fingerprint: string }).fingerprint === want
  if (!current || process.env.BENCH_REBUILD) {
    for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(file + suffix, { force: true })
    log(`Building the scale-${scale} demo database in ${file} …`)
    const t = performance.now()
    const { conn } = await openAndMigrate(file)
    ensureSettings(conn.db, 'Bench Hooldus OÜ')
    createDemoData(conn, { scale, today: '2025-06-01', now: Date.UTC(2025, 5, 1) })
    conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    closeDatabase(conn)
    writeFileSync(stamp, JSON.stringify({ fingerprint: want, builtInMs: Math.round(performance.now() - t) }))
    log(`… built in ${Math.round(performance.now() - t)} ms.`)
  }
  const conn = openDatabase(file)
  process.on('exit', () => closeDatabase(conn))
  return { conn, file }
}

/**
 * The scale-N demo database once per run, with a median-timer for API calls as its administrator (through the
 * same pipeline the hosts use).
 */
export function demoApi(scale: number, log: (line: string) => void) {
  let shared: Promise<{ conn: Connection; host: ApiHost; session: SessionSlot }> | null = null
  const open = () =>
    (shared ??= demoDatabase(scale, log).then(({ conn }) => {
      const admin = conn.sqlite.prepare("select id from users where username = 'admin'").get() as { id: number }
      return { conn, host: { conn }, session: { userId: admin.id } }
    }))
  const callMs = async (method: MethodName, input: object): Promise<number> => {
    const db = await open()
    return medianMs(async () => {
      const r = await runMethod(db.host, () => null, db.session, method, input)
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    })
  }
  return { open, callMs }
}
