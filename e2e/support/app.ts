import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

export interface RunningApp {
  url: string
  token: string
  dbFile: string
  /** Calls the API the way the page does, outside the UI, for setup and for checking the database. */
  api: (method: string, input: unknown, session?: string) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>
  /** Moves the host's clock (not the browser's) forward by `ms` from where it stands (HOOLDUS_TEST_CLOCK_FILE). */
  advanceClock: (ms: number) => void
}

const ROOT = resolve(__dirname, '../..')
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots')

/** Starts the browser-mode host (the built app) on a fresh database file and a free port. */
async function startApp(extraArgs: string[] = []): Promise<{ app: RunningApp; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'hooldus-e2e-'))
  const dbFile = join(dir, 'e2e.db')
  const clockFile = join(dir, 'clock-offset-ms')
  let clockOffset = 0
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--db', dbFile, '--port', '0', ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, HOOLDUS_WEB_TOKEN: '', HOOLDUS_TEST_CLOCK_FILE: clockFile },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`browser-mode host did not start:\n${output}`)), 20_000)
    const onData = (b: Buffer) => {
      output += b.toString()
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        ok(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()))
    child.once('exit', (code) => fail(new Error(`browser-mode host exited with ${code}:\n${output}`)))
  })
  const token = new URL(url).searchParams.get('token')!
  const origin = new URL(url).origin
  // The host issues a session id at sign-in (and at setup); a spec names its sessions, this keeps the ids.
  const sessions = new Map<string, string>()
  const api: RunningApp['api'] = async (method, input, session = 'e2e-helper-session-0001') => {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hooldus-token': token, 'x-hooldus-session': sessions.get(session) ?? '' },
      body: JSON.stringify(input)
    })
    const issued = res.headers.get('x-hooldus-session')
    if (issued !== null) sessions.set(session, issued)
    return (await res.json()) as Awaited<ReturnType<RunningApp['api']>>
  }
  const stop = async () => {
    child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 100))
    rmSync(dir, { recursive: true, force: true })
  }
  const advanceClock = (ms: number) => {
    clockOffset += ms
    writeFileSync(clockFile, String(clockOffset))
  }
  return { app: { url, token, dbFile, api, advanceClock }, stop }
}

export const test = base.extend<{ app: RunningApp }>({
  app: async ({}, use) => {
    const { app, stop } = await startApp()
    await use(app)
    await stop()
  }
})

export { expect }

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
}

/** Signs in through the sign-in screen. */
export async function signIn(page: Page, app: RunningApp, username: string, password: string): Promise<void> {
  await page.goto(app.url)
  await page.getByLabel('User name').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('user-menu')).toBeVisible()
}

/** Creates the administrator through the API (first-start screen is covered by its own test). */
export async function setupAdmin(app: RunningApp, withDemoData = false): Promise<void> {
  const r = await app.api('auth.setup', { username: 'admin', displayName: 'Ada Admin', password: 'admin-pass-1', companyName: 'Külmaexpert OÜ', withDemoData })
  if (!r.ok) throw new Error(`setup failed: ${r.error?.message}`)
}
