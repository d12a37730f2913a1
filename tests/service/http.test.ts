import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebHost, type WebHost } from '../../src/main/http/server'
import { call, freshDb, userWith } from '../support/db'

const INDEX = '<!doctype html>\n<html>\n  <head>\n    <title>Hooldus</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function start(options: { token?: string } = {}) {
  const { conn } = await freshDb()
  const dir = mkdtempSync(join(tmpdir(), 'hooldus-web-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), INDEX)
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(dir, 'secret.txt'), 'top secret')
  const host: WebHost = await startWebHost({ conn, rendererDir, port: 0, checkOutputs: true, ...options })
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(() => host.close())
  return { conn, host, port: host.port, token: host.token }
}

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: () => { ok: boolean; data?: unknown; error?: { code: string; message: string } }
}

/** A raw HTTP request (node:http lets us set Host, which fetch forbids). */
function request(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown; host?: string } = {}
): Promise<Reply> {
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        agent: false,
        headers: {
          host: opts.host ?? `127.0.0.1:${port}`,
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
          ...opts.headers
        }
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) })
        })
      }
    )
    req.on('error', reject)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

const SESSION_A = 'session-aaaaaaaaaaaaaaaa'
const SESSION_B = 'session-bbbbbbbbbbbbbbbb'
/** The host issues session ids at sign-in: a test names its sessions, and this maps a name to the issued id. */
const issued = new Map<string, string>()
afterEach(() => issued.clear())
const sessionOf = (name: string) => issued.get(name) ?? name
const api = async (
  port: number,
  method: string,
  token: string | null,
  input: unknown = {},
  headers: Record<string, string> = {},
  host?: string
) => {
  const name = headers['x-hooldus-session'] ?? SESSION_A
  const reply = await request(port, `/api/${method}`, {
    method: 'POST',
    body: input,
    headers: { ...(token === null ? {} : { 'x-hooldus-token': token }), ...headers, 'x-hooldus-session': sessionOf(name) },
    ...(host ? { host } : {})
  })
  const id = reply.headers['x-hooldus-session']
  if (typeof id === 'string') issued.set(name, id)
  return reply
}

/** A download link as the shim builds it: a one-time ticket from `exports.ticket` (session A), no token or session. */
const exportLink = async (port: number, token: string, list: string, input: unknown, name = 'k.csv') => {
  const reply = (await api(port, 'exports.ticket', token, { list, input })).json() as { ok: boolean; data?: { ticket: string } }
  expect(reply.ok).toBe(true)
  return `/export/${list}?${new URLSearchParams({ ticket: reply.data!.ticket, name })}`
}

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host } = await start()
    const address = host.server.address() as AddressInfo
    expect(address.address).toBe('127.0.0.1')
    expect(host.url).toBe(`http://127.0.0.1:${address.port}/?token=${host.token}`)
    expect(host.token.length).toBeGreaterThanOrEqual(24)
  })

  it('answers the API only with the right token, Host and Origin', async () => {
    const { port, token } = await start()
    const noToken = await api(port, 'auth.status', null)
    expect(noToken.status).toBe(403)
    expect(noToken.json().error?.code).toBe('FORBIDDEN')

    const wrong = await api(port, 'auth.status', token.slice(0, -1) + (token.endsWith('x') ? 'y' : 'x'))
    expect(wrong.status).toBe(403)
    expect((await api(port, 'auth.status', `${token}extra`)).status).toBe(403)

    const foreignHost = await api(port, 'auth.status', token, {}, {}, `evil.example:${port}`)
    expect(foreignHost.status).toBe(403)
    expect(foreignHost.json().error?.code).toBe('FORBIDDEN')
    expect((await api(port, 'auth.status', token, {}, {}, `127.0.0.1:${port + 1}`)).status).toBe(403)

    const foreignOrigin = await api(port, 'auth.status', token, {}, { origin: 'http://evil.example' })
    expect(foreignOrigin.status).toBe(403)
    expect((await api(port, 'auth.status', token, {}, { origin: 'null' })).status).toBe(403)

    const ok = await api(port, 'auth.status', token, {}, { origin: `http://127.0.0.1:${port}` })
    expect(ok.status).toBe(200)
    expect(ok.json()).toEqual({ ok: true, data: { needsSetup: true, user: null, companyName: 'Test Service OÜ', language: 'en' } })
    expect((await api(port, 'auth.status', token, {}, { origin: `http://localhost:${port}` }, `localhost:${port}`)).status).toBe(200)
  })

  it('honours a fixed token (HOOLDUS_WEB_TOKEN)', async () => {
    const { port, token, host } = await start({ token: 'fixed-token-for-e2e-tests-0123' })
    expect(token).toBe('fixed-token-for-e2e-tests-0123')
    expect(host.url).toContain('token=fixed-token-for-e2e-tests-0123')
    expect((await api(port, 'auth.status', 'fixed-token-for-e2e-tests-0123')).status).toBe(200)
    expect((await api(port, 'auth.status', 'another-token-for-e2e-tests-01')).status).toBe(403)
  })

  it('answers an unknown method, a GET and broken JSON with an envelope', async () => {
    const { port, token } = await start()
    const unknown = await api(port, 'nope.nothing', token)
    expect(unknown.status).toBe(200)
    expect(unknown.json().error?.code).toBe('NOT_FOUND')
    const get = await request(port, '/api/auth.status', { headers: { 'x-hooldus-token': token } })
    expect(get.status).toBe(405)
    const broken = await request(port, '/api/auth.status', { method: 'POST', body: '{not json', headers: { 'x-hooldus-token': token } })
    expect(broken.status).toBe(400)
    expect(broken.json().error?.code).toBe('VALIDATION')
  })

  it('serves index.html with the /__api.js shim and a CSP, and refuses a foreign Host or Origin', async () => {
    const { port } = await start()
    const index = await request(port, '/')
    expect(index.status).toBe(200)
    expect(index.headers['content-type']).toMatch(/text\/html/)
    expect(index.text).toContain('<head>\n    <script src="/__api.js"></script>')
    expect(index.text).toContain('<div id="root">')
    const csp = String(index.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    // Client-side routes get the app as well.
    expect((await request(port, '/customers/12')).text).toContain('/__api.js')

    const asset = await request(port, '/assets/app.js')
    expect(asset.text).toBe('console.log("app")')
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.headers['content-security-policy']).toBeDefined()
    // Built assets are named by their content's hash and kept by the browser; the page and the shim are not.
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(index.headers['cache-control']).toBe('no-cache')
    expect((await request(port, '/__api.js')).headers['cache-control']).toBe('no-cache')
    // Nothing outside the renderer folder is served.
    for (const path of ['/..%2Fsecret.txt', '/%2E%2E/secret.txt', '/assets/..%2F..%2Fsecret.txt']) {
      expect((await request(port, path)).text, path).not.toContain('top secret')
    }

    expect((await request(port, '/', { host: `evil.example:${port}` })).status).toBe(403)
    expect((await request(port, '/__api.js', { host: `evil.example:${port}` })).status).toBe(403)
    expect((await request(port, '/', { headers: { origin: 'http://evil.example' } })).status).toBe(403)
  })

  it("serves a shim with the preload's shape: call (posting to /api/<method>), the export and the mode", async () => {
    const { port } = await start()
    const shim = await request(port, '/__api.js')
    expect(shim.status).toBe(200)
    expect(shim.headers['content-type']).toMatch(/javascript/)
    expect(shim.text).toContain('api.call = async (method, input)')
    expect(shim.text).toContain("fetch('/api/' + encodeURIComponent(method)")
    expect(shim.text).toContain("{ mode: 'browser' }")
    expect(shim.text).toContain('api.exportCsv')
    expect(shim.text).toContain("'x-hooldus-token': token")
  })

  it('keeps sign-ins per session id', async () => {
    const { conn, port, token } = await start()
    userWith(conn, ['dispatcher'], 'mari')
    const signIn = await api(port, 'auth.signIn', token, { username: 'mari', password: 'password123' })
    expect(signIn.json()).toMatchObject({ ok: true, data: { username: 'mari' } })
    const a = await api(port, 'auth.status', token)
    expect(a.json()).toMatchObject({ data: { user: { username: 'mari' } } })

    const b = await api(port, 'auth.status', token, {}, { 'x-hooldus-session': SESSION_B })
    expect(b.json()).toMatchObject({ ok: true, data: { user: null } })
    const bList = await api(port, 'customers.list', token, {}, { 'x-hooldus-session': SESSION_B })
    expect(bList.json().error?.code).toBe('FORBIDDEN')
    // No session id (or a too short one) is never signed in either.
    expect((await api(port, 'customers.list', token, {}, { 'x-hooldus-session': '' })).json().error?.code).toBe('FORBIDDEN')
    expect((await api(port, 'customers.list', token, {}, { 'x-hooldus-session': 'short' })).json().error?.code).toBe('FORBIDDEN')

    expect((await api(port, 'customers.list', token)).json().ok).toBe(true)
    await api(port, 'auth.signOut', token)
    expect((await api(port, 'customers.list', token)).json().error?.code).toBe('FORBIDDEN')
  })

  it('streams a CSV export for a signed-in session by a ticket, and refuses one without', async () => {
    const { conn, port, token } = await start()
    const ctx = userWith(conn, ['dispatcher'], 'mari')
    await call(ctx, 'customers.create', { name: 'Õunapuu OÜ', sites: [{ name: 'K', street: 'Pärnu mnt 1', city: 'Tallinn' }] })
    await call(ctx, 'customers.create', { name: 'Žürii AS' })
    await call(ctx, 'auth.setPreferences', { language: 'et', csvDialect: 'spreadsheet' })
    await api(port, 'auth.signIn', token, { username: 'mari', password: 'password123' })

    const query = (t: string | null, session = SESSION_A, input: unknown = { sort: 'name' }) =>
      `/export/customers.list?${new URLSearchParams({ ...(t === null ? {} : { token: t }), session: sessionOf(session), input: JSON.stringify(input), name: 'kliendid.csv' })}`
    const ok = await request(port, await exportLink(port, token, 'customers.list', { sort: 'name' }, 'kliendid.csv'))
    expect(ok.status).toBe(200)
    expect(ok.headers['content-type']).toMatch(/text\/csv/)
    expect(ok.headers['content-disposition']).toBe('attachment; filename="kliendid.csv"')
    // Mari speaks Estonian, and so gets the Estonian spreadsheet dialect.
    expect(ok.text.charCodeAt(0)).toBe(0xfeff)
    const lines = ok.text.slice(1).trim().split('\r\n')
    const header = lines[0]!.split(';')
    expect(header).toEqual(expect.arrayContaining(['Number', 'Nimi', 'Asukohti', 'Linn', 'KMKR nr']))
    expect(header).not.toContain('Version')
    expect(header).not.toContain('Id')
    const cells = lines.slice(1).map((l) => Object.fromEntries(l.split(';').map((v, i) => [header[i], v])))
    expect(cells.map((c) => [c.Number, c.Nimi, c.Asukohti, c.Linn, c.Aktiivne, c.Keel])).toEqual([
      ['C-00001', 'Õunapuu OÜ', '1', 'Tallinn', 'Jah', 'eesti'],
      ['C-00002', 'Žürii AS', '0', '', 'Jah', 'eesti']
    ])

    // Token and session in the URL (the old link) no longer export anything.
    expect((await request(port, query(null))).status).toBe(403)
    expect((await request(port, query(token))).status).toBe(403)
    expect((await request(port, query(token, SESSION_B))).status).toBe(403)
    expect((await request(port, await exportLink(port, token, 'customers.list', {}), { host: `evil.example:${port}` })).status).toBe(403)
    const notAList = (await api(port, 'exports.ticket', token, { list: 'auth.status', input: {} })).json()
    expect(notAList.error?.code).toBe('VALIDATION')
    const badFilter = (await api(port, 'exports.ticket', token, { list: 'customers.list', input: { pageSize: 'all' } })).json()
    expect(badFilter.error?.code).toBe('VALIDATION')
  })

  it('exports a customer name that looks like a formula as inert text', async () => {
    const { conn, port, token } = await start()
    const ctx = userWith(conn, ['dispatcher'], 'mari')
    await call(ctx, 'customers.create', { name: '=HYPERLINK("http://x","y")' })
    await call(ctx, 'customers.create', { name: '@SUM(1+1)' })
    await api(port, 'auth.signIn', token, { username: 'mari', password: 'password123' })
    const res = await request(port, await exportLink(port, token, 'customers.list', { sort: 'name' }))
    expect(res.status).toBe(200)
    expect(res.text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(res.text).toMatch(/(^|,)'@SUM\(1\+1\),/m)
    expect(res.text).not.toMatch(/(^|[;,])"?[=@]/m)
  })

  it('refuses an export sorted by a prototype key with a clean 400', async () => {
    const { conn, port, token } = await start()
    userWith(conn, ['dispatcher'], 'mari')
    await api(port, 'auth.signIn', token, { username: 'mari', password: 'password123' })
    for (const sort of ['__proto__', 'constructor', 'toString']) {
      const res = await request(port, await exportLink(port, token, 'customers.list', { sort }))
      expect(res.status, sort).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['sort'] }] })
    }
  })
})
