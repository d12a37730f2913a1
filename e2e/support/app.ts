import { type ChildProcess, spawn } from 'node:child_process'
import { request } from 'node:https'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page, type Request } from '@playwright/test'
import { workingDayTime } from './clock'

export interface RunningApp {
  url: string
  token: string
  dbFile: string
  /** Calls the API the way the page does, outside the UI, for setup and for checking the database. */
  api: (
    method: string,
    input: unknown,
    session?: string
  ) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>
  /** The host's "now" (the wall clock unless the test runs on the working-day clock). */
  now: () => number
  /** Moves the host's clock forward by `ms` from where it stands (HOOLDUS_TEST_CLOCK_FILE), and the browser's with it on the working-day clock. */
  advanceClock: (ms: number) => Promise<void>
  /** What the host printed so far (the shop server's pairing code and fingerprint). */
  output: () => string
}

/**
 * A POST to the host. The shop server's certificate is self-signed: this helper, like a paired workstation,
 * does not ask a certificate authority (loopback only, and the spec checks the fingerprint the host printed).
 */
async function postJson(
  url: string,
  headers: Record<string, string>,
  body: string
): Promise<{ status: number; session: string | null; json: unknown }> {
  if (url.startsWith('http:')) {
    const res = await fetch(url, { method: 'POST', headers, body })
    return { status: res.status, session: res.headers.get('x-hooldus-session'), json: await res.json() }
  }
  return new Promise((ok, fail) => {
    const req = request(url, { method: 'POST', headers, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const issued = res.headers['x-hooldus-session']
        ok({
          status: res.statusCode!,
          session: typeof issued === 'string' ? issued : null,
          json: JSON.parse(Buffer.concat(chunks).toString('utf8'))
        })
      })
    })
    req.on('error', fail)
    req.end(body)
  })
}

const ROOT = resolve(__dirname, '../..')
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots')

/**
 * Starts the browser-mode host (the built app) on a fresh database file and a free port; with `startAt`, its
 * clock starts there (a constant offset from the wall clock, so it runs on at the wall clock's pace). With
 * `existingDb`, on that file instead (a second host, e.g. on a damaged copy); it is left where it is. With
 * `listen` (e.g. `127.0.0.2:0`), the shop server (`npm run serve`: HTTPS, pairing) instead of browser mode.
 */
export async function startApp(
  startAt?: number,
  extraArgs: string[] = [],
  existingDb?: string,
  listen?: string
): Promise<{ app: RunningApp; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'hooldus-e2e-'))
  const dbFile = existingDb ?? join(dir, 'e2e.db')
  const clockFile = join(dir, 'clock-offset-ms')
  let clockOffset = startAt === undefined ? 0 : startAt - Date.now()
  writeFileSync(clockFile, String(clockOffset))
  const entry = listen ? ['out/main/serve.js', '--listen', listen] : ['out/main/web.js', '--port', '0']
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, entry[0]!), '--db', dbFile, ...entry.slice(1), ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, HOOLDUS_WEB_TOKEN: '', HOOLDUS_TEST_CLOCK_FILE: clockFile },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const url = await new Promise<string>((ok, fail) => {
    // A host that did not answer in time is stopped, not left running after the test.
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      fail(new Error(`browser-mode host did not start:\n${output}`))
    }, 20_000)
    const onData = (b: Buffer) => {
      output += b.toString()
      const m = /Open (https?:\/\/127\.0\.0\.\d:\d+\/\?token=\S+)/.exec(output)
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
    const res = await postJson(
      `${origin}/api/${method}`,
      { 'content-type': 'application/json', 'x-hooldus-token': token, 'x-hooldus-session': sessions.get(session) ?? '' },
      JSON.stringify(input)
    )
    if (res.session !== null) sessions.set(session, res.session)
    return res.json as Awaited<ReturnType<RunningApp['api']>>
  }
  const stop = async () => {
    child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 100))
    rmSync(dir, { recursive: true, force: true })
  }
  const now = () => Date.now() + clockOffset
  const advanceClock = async (ms: number) => {
    clockOffset += ms
    writeFileSync(clockFile, String(clockOffset))
  }
  return { app: { url, token, dbFile, api, now, advanceClock, output: () => output }, stop }
}

/** API calls of each page still in flight, and when the last one started or ended. */
const apiCalls = new WeakMap<Page, { inFlight: number; lastChange: number }>()

function trackApiCalls(page: Page): void {
  const calls = { inFlight: 0, lastChange: Date.now() }
  const isApi = (r: Request) => new URL(r.url()).pathname.startsWith('/api/')
  const change = (by: number) => (r: Request) => {
    if (!isApi(r)) return
    calls.inFlight += by
    calls.lastChange = Date.now()
  }
  page.on('request', change(1))
  page.on('requestfinished', change(-1))
  page.on('requestfailed', change(-1))
  apiCalls.set(page, calls)
}

/**
 * No API call of the page has been in flight for `quietMs`. Not Playwright's "networkidle": a signed-in page
 * keeps its live-updates stream (/events) open, so that state comes only if the test was slow enough to leave
 * the sign-in screen idle for half a second first, and otherwise never (a spec stood still until its timeout).
 */
export async function apiSettled(page: Page, quietMs = 300): Promise<void> {
  const calls = apiCalls.get(page)
  if (!calls) throw new Error('apiSettled: this page is not the test fixture’s page')
  await expect.poll(() => calls.inFlight <= 0 && Date.now() - calls.lastChange >= quietMs, { intervals: [50] }).toBe(true)
}

/**
 * Holds the page's calls of one API method back until `release()`: a spec looks at the screen while the answer
 * is late, as on a busy machine. `held` counts the calls waiting.
 */
export async function holdAnswers(page: Page, method: string): Promise<{ held: () => number; release: () => void }> {
  let holding = true
  const waiting: (() => void)[] = []
  await page.route(`**/api/${method}`, async (route) => {
    if (holding) await new Promise<void>((go) => waiting.push(go))
    await route.continue()
  })
  return {
    held: () => waiting.length,
    release: () => {
      holding = false
      for (const go of waiting) go()
    }
  }
}

export const test = base.extend<{ app: RunningApp; workingDayClock: boolean }>({
  page: async ({ page }, use) => {
    trackApiCalls(page)
    await use(page)
  },
  /**
   * `test.use({ workingDayClock: true })`: the host and the browser (Playwright's clock) both run from
   * workingDayTime(), in step, so that nothing the test sees depends on when it runs.
   */
  workingDayClock: [false, { option: true }],
  app: async ({ page, workingDayClock }, use) => {
    const { app, stop } = await startApp(workingDayClock ? workingDayTime() : undefined)
    if (workingDayClock) {
      await page.clock.install({ time: app.now() })
      await use({
        ...app,
        advanceClock: async (ms) => {
          await app.advanceClock(ms)
          await page.clock.setSystemTime(app.now())
        }
      })
    } else {
      await use(app)
    }
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

/** Creates the administrator through the API (first-start screen is covered by its own test), in English: the specs read English labels. */
export async function setupAdmin(app: RunningApp, withDemoData = false): Promise<void> {
  const r = await app.api('auth.setup', {
    username: 'admin',
    displayName: 'Ada Admin',
    password: 'admin-pass-1',
    companyName: 'Külmaexpert OÜ',
    // The specs' selectors are the English UI texts: the company (and so the administrator) speaks English.
    language: 'en',
    withDemoData
  })
  if (!r.ok) throw new Error(`setup failed: ${r.error?.message}`)
}

/** Closes the toasts before a screenshot (they close themselves too, so each click may find it gone). */
export async function closeNotifications(page: Page) {
  const close = page.locator('.mantine-Notification-closeButton')
  for (let i = 0; i < 20 && (await close.count()) > 0; i++)
    await close
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined)
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0)
}
