import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { runInNewContext } from 'node:vm'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  IPC_CALL,
  IPC_EXPORT,
  IPC_PRINT,
  IPC_SERVE_SET,
  IPC_SERVE_STATUS,
  IPC_SHOP_CONNECT,
  IPC_SHOP_LOCAL,
  IPC_SHOP_STATUS,
  IPC_UNWATCH,
  IPC_WATCH
} from '@shared/api/bridge'
import type { HarnessReport } from './support/main-harness'

/**
 * The Electron binary cannot run here, so this loads what `electron-vite build` produced — the real
 * out/main/index.js — in a child Node process with a stubbed `electron` module (support/main-harness.ts)
 * and checks what it registers and does to the database.
 */
const root = join(import.meta.dirname, '../..')
const mainJs = join(root, 'out/main/index.js')
const preloadJs = join(root, 'out/preload/index.js')
const harness = join(import.meta.dirname, 'support/main-harness.ts')
const migrationCount = (JSON.parse(readFileSync(join(root, 'drizzle/meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length

function newestSource(): number {
  const files = ['src/main', 'src/preload', 'src/shared'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(root, dir, f))
  )
  return Math.max(...[...files, join(root, 'electron.vite.config.ts')].map((f) => statSync(f).mtimeMs))
}

/** Builds when the bundle is missing or older than its sources (CI builds before the unit tests anyway). */
function ensureBuilt(): void {
  const built = [mainJs, preloadJs].every(existsSync) ? Math.min(statSync(mainJs).mtimeMs, statSync(preloadJs).mtimeMs) : 0
  if (built >= newestSource()) return
  execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'pipe' })
}

let dir: string
beforeAll(() => {
  ensureBuilt()
  dir = mkdtempSync(join(tmpdir(), 'hooldus-built-main-'))
}, 120000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function runMain(args: string[], env: Record<string, string> = {}): Promise<HarnessReport> {
  const { ELECTRON_RENDERER_URL: _dev, HOOLDUS_DB: _db, ...cleanEnv } = process.env
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', harness, mainJs, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 45000,
    env: { ...cleanEnv, HARNESS_APP_PATH: root, HARNESS_USER_DATA: join(dir, 'userData'), ...env }
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as HarnessReport
}

function userVersion(file: string): number {
  const db = new Database(file, { readonly: true })
  try {
    return db.pragma('user_version', { simple: true }) as number
  } finally {
    db.close()
  }
}

// Each case runs its own child process, so they can run side by side.
describe.concurrent('built Electron main (out/main/index.js)', { timeout: 60000 }, () => {
  it('creates and migrates the database, registers every IPC channel, secures the session and opens the window', async () => {
    const file = join(dir, 'fresh', 'hooldus.db')
    const report = await runMain(['--db', file])

    expect(report.errorBoxes).toEqual([])
    expect(report.exitCode).toBeNull()
    expect([...report.channels].sort()).toEqual(
      [
        IPC_CALL,
        IPC_EXPORT,
        IPC_PRINT,
        IPC_WATCH,
        IPC_UNWATCH,
        IPC_SHOP_STATUS,
        IPC_SHOP_CONNECT,
        IPC_SHOP_LOCAL,
        IPC_SERVE_STATUS,
        IPC_SERVE_SET
      ].sort()
    )

    expect(existsSync(file)).toBe(true)
    expect(userVersion(file)).toBe(migrationCount)

    expect(report.permissionRequestHandler).toBe(true)
    expect(report.permissionCheckHandler).toBe(true)
    expect(report.permissionAnswer).toBe(false)
    expect(report.appListeners).toEqual(
      expect.arrayContaining(['web-contents-created', 'second-instance', 'window-all-closed', 'will-quit'])
    )

    expect(report.windows).toHaveLength(1)
    const [win] = report.windows
    expect(win!.loadedFile).toBe(join(root, 'out/renderer/index.html'))
    expect(win!.loadedUrl).toBeNull()
    const prefs = win!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true })
    expect(prefs.preload).toBe(preloadJs)

    expect(report.calls.fromApp).toMatchObject({ ok: true, data: { needsSetup: true, user: null } })
    expect(report.calls.fromForeign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('opens an existing current database again without migrating or backing it up', async () => {
    const file = join(dir, 'again', 'hooldus.db')
    await runMain(['--db', file])
    const report = await runMain(['--db', file])
    expect(report.errorBoxes).toEqual([])
    expect(report.windows).toHaveLength(1)
    expect(userVersion(file)).toBe(migrationCount)
    expect(existsSync(join(dir, 'again', 'backups'))).toBe(false)
  })

  it('refuses a database from a newer Hooldus: error box with the "newer" message, exit, no handlers', async () => {
    const file = join(dir, 'newer.db')
    const db = new Database(file)
    db.pragma(`user_version = ${migrationCount + 5}`)
    db.exec('create table from_the_future (id integer primary key)')
    db.close()

    const report = await runMain(['--db', file])
    expect(report.errorBoxes).toHaveLength(1)
    expect(report.errorBoxes[0]!.content).toMatch(/newer/)
    expect(report.exitCode).toBe(1)
    expect(report.channels).toEqual([])
    expect(report.windows).toEqual([])
    expect(userVersion(file)).toBe(migrationCount + 5)
  })

  it('quits at once when another instance holds the lock', async () => {
    const report = await runMain(['--db', join(dir, 'second.db')], { HARNESS_LOCK: '0' })
    expect(report.quitCalled).toBe(true)
    expect(report.channels).toEqual([])
    expect(report.windows).toEqual([])
    expect(existsSync(join(dir, 'second.db'))).toBe(false)
  })
})

describe('built preload (out/preload/index.js)', () => {
  it('runs in a sandbox that offers only `electron`, and exposes call, exportCsv, mode, onChange, printPdf and shop', () => {
    const exposed: Record<string, Record<string, unknown>> = {}
    const invoked: unknown[][] = []
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: Record<string, unknown>) => (exposed[k] = v) },
      ipcRenderer: { invoke: (...a: unknown[]) => invoked.push(a) }
    }
    const sandboxRequire = (m: string) => {
      if (m === 'electron') return electron
      throw new Error(`a sandboxed preload cannot require "${m}"`)
    }
    const module = { exports: {} }
    runInNewContext(readFileSync(preloadJs, 'utf8'), { require: sandboxRequire, module, exports: module.exports })
    expect(Object.keys(exposed)).toEqual(['api'])
    expect(Object.keys(exposed.api!).sort()).toEqual(['call', 'exportCsv', 'mode', 'onChange', 'printPdf', 'shop'])
    ;(exposed.api!.call as (m: string, i: unknown) => void)('customers.list', { q: 'x' })
    expect(invoked).toEqual([['api:call', 'customers.list', { q: 'x' }]])
  })
})
