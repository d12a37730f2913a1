import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runMethod } from '../../src/main/api/pipeline'
import type { HeldSession } from '../../src/main/api/sessions'
import { startWebHost } from '../../src/main/http/server'
import { freshDb, userWith } from '../support/db'

const HOUR = 60 * 60 * 1000
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A browser-mode host on a clock the test moves, with an administrator and a dispatcher (password123). */
async function start() {
  const { conn } = await freshDb()
  const dir = mkdtempSync(join(tmpdir(), 'hooldus-web-'))
  mkdirSync(join(dir, 'renderer'))
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  const clock = { now: Date.UTC(2026, 11, 2, 8) }
  const host = await startWebHost({ conn, rendererDir: join(dir, 'renderer'), port: 0, now: () => clock.now, checkOutputs: true })
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => host.close())
  const admin = userWith(conn, ['administrator'], 'admin')
  const mari = userWith(conn, ['dispatcher'], 'mari')
  type Reply = { status: number; issued: string | null; json: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }
  const post = async (method: string, session: string | null, input: unknown = {}): Promise<Reply> => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hooldus-token': host.token, ...(session ? { 'x-hooldus-session': session } : {}) },
      body: JSON.stringify(input)
    })
    return { status: res.status, issued: res.headers.get('x-hooldus-session'), json: (await res.json()) as Reply['json'] }
  }
  const signIn = async (username: string) => (await post('auth.signIn', null, { username, password: 'password123' })).issued!
  const get = (path: string) => fetch(`http://127.0.0.1:${host.port}${path}`)
  return { conn, host, clock, post, signIn, get, adminId: admin.user!.id, mariId: mari.user!.id }
}

type Started = Awaited<ReturnType<typeof start>>
const signedIn = async (w: Started, session: string) => (await w.post('customers.list', session)).json.ok
const userOf = async (w: Started, id: number) =>
  (await w.post('users.get', await w.signIn('admin'), { id })).json.data as {
    version: number
    username: string
    displayName: string
    roles: string[]
    active: boolean
    workerId: number | null
  }

describe('idle sessions', () => {
  it('signs a browser session out after the idle time (12 h by default); each call restarts it', async () => {
    const w = await start()
    const id = await w.signIn('mari')
    w.clock.now += 11 * HOUR
    expect(await signedIn(w, id)).toBe(true)
    w.clock.now += 11 * HOUR
    expect(await signedIn(w, id)).toBe(true)
    w.clock.now += 12 * HOUR + 1
    const refused = await w.post('customers.list', id)
    expect(refused.json.error).toEqual({ code: 'FORBIDDEN', key: 'errors.signInFirst', message: 'Sign in first.' })
    expect((await w.post('auth.status', id)).json.data).toMatchObject({ user: null })
    expect(w.host.sessionCount()).toBe(0)
  })

  it('takes the idle time from the settings', async () => {
    const w = await start()
    const admin = await w.signIn('admin')
    const settings = (await w.post('settings.get', admin)).json.data as Record<string, unknown> & { sessionIdleHours: number }
    expect(settings.sessionIdleHours).toBe(12)
    const { version, ...values } = settings
    const saved = await w.post('settings.update', admin, { ...values, version, sessionIdleHours: 1 })
    expect(saved.json.data).toMatchObject({ sessionIdleHours: 1 })
    const id = await w.signIn('mari')
    w.clock.now += HOUR - 1
    expect(await signedIn(w, id)).toBe(true)
    w.clock.now += HOUR + 1
    expect(await signedIn(w, id)).toBe(false)
  })

  it('drops idle sessions nobody signs out of when new ones are issued', async () => {
    const w = await start()
    await w.signIn('mari')
    await w.signIn('mari')
    expect(w.host.sessionCount()).toBe(2)
    w.clock.now += 13 * HOUR
    await w.signIn('mari')
    expect(w.host.sessionCount()).toBe(1)
  })

  it('applies the same rule to a held session on any transport (the pipeline checks it)', async () => {
    const { conn } = await freshDb()
    userWith(conn, ['dispatcher'], 'mari')
    let now = Date.UTC(2026, 11, 2, 8)
    const host = { conn, now: () => now }
    // What the Electron IPC host holds per window.
    const window: HeldSession = { userId: null, lastUsed: now }
    now += 30 * HOUR
    expect((await runMethod(host, () => null, window, 'auth.signIn', { username: 'mari', password: 'password123' })).ok).toBe(true)
    now += 12 * HOUR
    expect((await runMethod(host, () => null, window, 'customers.list', {})).ok).toBe(true)
    now += 12 * HOUR + 1
    expect(await runMethod(host, () => null, window, 'customers.list', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'errors.signInFirst', message: 'Sign in first.' }
    })
    expect(window.userId).toBeNull()
  })
})

describe('sessions end when the account changes', () => {
  it('ends all sessions of a user whose password, roles or active flag an administrator changes; the administrator stays', async () => {
    const w = await start()
    const admin = await w.signIn('admin')
    const update = async (change: Record<string, unknown>) => {
      const u = (await w.post('users.get', admin, { id: w.mariId })).json.data as Record<string, unknown>
      const { id, version, username, displayName, roles, workerId, active } = u
      const reply = await w.post('users.update', admin, { id, version, username, displayName, roles, workerId, active, ...change })
      expect(reply.json.ok).toBe(true)
    }
    for (const change of [{ password: 'a-new-password' }, { roles: ['dispatcher', 'technician'] }, { active: false }]) {
      const sessions = [await w.signIn('mari'), await w.signIn('mari')]
      await update(change)
      for (const s of sessions) expect(await signedIn(w, s), JSON.stringify(change)).toBe(false)
      expect(await signedIn(w, admin)).toBe(true)
      await update({ password: 'password123', roles: ['dispatcher'], active: true })
    }
    // Re-activating the account does not bring back a session from before.
    const before = await w.signIn('mari')
    await update({ active: false })
    await update({ active: true })
    expect(await signedIn(w, before)).toBe(false)
    // A change that is not about access (the display name) keeps the sessions.
    const kept = await w.signIn('mari')
    await update({ displayName: 'Mari Maasikas' })
    expect(await signedIn(w, kept)).toBe(true)
  })

  it('keeps the session that changes its own password and ends the others', async () => {
    const w = await start()
    const other = await w.signIn('admin')
    const current = await w.signIn('admin')
    const me = (await w.post('users.get', current, { id: w.adminId })).json.data as Record<string, unknown>
    const { id, version, username, displayName, roles, workerId, active } = me
    expect(
      (await w.post('users.update', current, { id, version, username, displayName, roles, workerId, active, password: 'another-password' }))
        .json.ok
    ).toBe(true)
    expect(await signedIn(w, current)).toBe(true)
    expect(await signedIn(w, other)).toBe(false)
  })
})

describe('CSV export tickets', () => {
  const ticketFor = async (w: Started, session: string, list: string, input: unknown = {}) => {
    const reply = await w.post('exports.ticket', session, { list, input })
    return reply.json as { ok: boolean; data?: { ticket: string; expiresAt: number }; error?: { code: string } }
  }
  const link = (list: string, ticket: string) => `/export/${list}?${new URLSearchParams({ ticket, name: 'x.csv' })}`

  it('exports once by a ticket; a second use, an expired ticket and a ticket of another list are refused', async () => {
    const w = await start()
    const mari = await w.signIn('mari')
    const first = await ticketFor(w, mari, 'customers.list', { sort: 'name' })
    expect(first.data!.ticket).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(first.data!.expiresAt).toBe(w.clock.now + 60_000)
    const ok = await w.get(link('customers.list', first.data!.ticket))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toMatch(/text\/csv/)
    expect((await w.get(link('customers.list', first.data!.ticket))).status).toBe(403)

    const late = await ticketFor(w, mari, 'customers.list')
    w.clock.now += 60_001
    expect((await w.get(link('customers.list', late.data!.ticket))).status).toBe(403)

    const other = await ticketFor(w, mari, 'customers.list')
    expect((await w.get(link('workers.list', other.data!.ticket))).status).toBe(403)
    expect((await w.get(link('customers.list', 'made-up-ticket'))).status).toBe(403)
    expect((await w.get('/export/customers.list')).status).toBe(403)
  })

  it('gives no ticket for a list the role may not read, nor without a session; a password change voids an open ticket', async () => {
    const w = await start()
    const mari = await w.signIn('mari')
    expect((await ticketFor(w, mari, 'users.list')).error?.code).toBe('FORBIDDEN')
    expect((await ticketFor(w, 'no-such-session', 'customers.list')).error?.code).toBe('FORBIDDEN')
    const open = await ticketFor(w, mari, 'customers.list')
    const admin = await w.signIn('admin')
    const u = await userOf(w, w.mariId)
    await w.post('users.update', admin, { ...u, id: w.mariId, password: 'a-new-password' })
    expect((await w.get(link('customers.list', open.data!.ticket))).status).toBe(403)
  })

  it("puts neither the host token nor the session id in the shim's download link", async () => {
    const w = await start()
    const shim = await (await w.get('/__api.js')).text()
    const exporter = shim.slice(shim.indexOf('api.exportCsv'), shim.indexOf('window.api ='))
    expect(exporter).toContain("call('exports.ticket'")
    const link = exporter.slice(exporter.indexOf("'/export/'"), exporter.indexOf('\n', exporter.indexOf("'/export/'")))
    expect(link).toContain('ticket')
    expect(link).not.toMatch(/token|session|input/)
  })
})
