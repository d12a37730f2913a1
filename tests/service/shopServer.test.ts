import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TLSSocket } from 'node:tls'
import { describe, expect, it, onTestFinished } from 'vitest'
import { pairedClients } from '../../src/main/db/schema'
import { lanOptions } from '../../src/main/http/start'
import type { RateLimit } from '../../src/main/http/rateLimit'
import type { WebHostOptions } from '../../src/main/http/server'
import { hostCertificate } from '../../src/main/http/tls'
import { userWith } from '../support/db'
import { startTestHost } from '../support/webHost'

/** Certificates are made once per file (a P-256 key takes a moment) and reused: the fingerprint test makes its own. */
let shared: Promise<Awaited<ReturnType<typeof lanOptions>>> | undefined
function sharedLan() {
  shared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hooldus-tls-'))
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
    return lanOptions(join(dir, 'shop.db'), '127.0.0.2', ['werkstatt.lan'])
  })()
  return shared
}

interface Options {
  now?: () => number
  rateLimit?: RateLimit
  pairLimit?: RateLimit
}

async function startShop(options: Options = {}) {
  const lan = { ...(await sharedLan()), rateLimit: options.rateLimit, pairLimit: options.pairLimit }
  const hostOptions: Partial<WebHostOptions> = { lan, ...(options.now ? { now: options.now } : {}) }
  const started = await startTestHost(hostOptions)
  userWith(started.conn, ['dispatcher'], 'mari')
  userWith(started.conn, ['dispatcher'], 'jaan')
  return { ...started, fingerprint: lan.tls.fingerprint }
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  json: { ok?: boolean; clientId?: string; key?: string; data?: unknown; error?: { code: string; key: string; message: string } }
  text: string
  /** The SHA-256 fingerprint of the certificate the host presented. */
  presented: string
}

/**
 * One HTTPS request to the host on 127.0.0.2, trusting its certificate the way a paired workstation does: by
 * the pinned fingerprint, not by a certificate authority.
 */
function send(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}
): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.2',
        port,
        path,
        method: opts.method ?? 'POST',
        // A connection of its own, so that every answer shows the certificate it came with.
        agent: false,
        rejectUnauthorized: false,
        headers: { host: opts.host ?? `127.0.0.2:${port}`, 'content-type': 'application/json', ...opts.headers }
      },
      (res) => {
        const presented = new X509Certificate((res.socket as TLSSocket).getPeerCertificate().raw).fingerprint256
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: Answer['json'] = {}
          try {
            json = JSON.parse(text) as Answer['json']
          } catch {
            // An HTML page (the pairing page) or an empty redirect.
          }
          ok({ status: res.statusCode!, headers: res.headers, json, text, presented })
        })
      }
    )
    req.on('error', fail)
    req.end(opts.body)
  })
}

const pair = (port: number, code: string, machine = 'Dispatch-2') => send(port, '/pair', { body: JSON.stringify({ code, machine }) })

const api = (port: number, method: string, key: string, opts: { session?: string; body?: unknown } = {}) =>
  send(port, `/api/${method}`, {
    headers: { 'x-hooldus-token': key, ...(opts.session ? { 'x-hooldus-session': opts.session } : {}) },
    body: JSON.stringify(opts.body ?? {})
  })

async function signIn(port: number, key: string, username: string): Promise<string> {
  const answer = await api(port, 'auth.signIn', key, { body: { username, password: 'password123' } })
  expect(answer.json.ok).toBe(true)
  return answer.headers['x-hooldus-session'] as string
}

describe('shop server: pairing', () => {
  it('pairs with the code over TLS; the key is then accepted like the launch token, and only its hash is stored', async () => {
    const { conn, host, port, fingerprint } = await startShop()
    const answer = await pair(port, host.pairing!.code().code)
    expect(answer.status).toBe(200)
    expect(answer.presented).toBe(fingerprint)
    expect(answer.json.clientId).toMatch(/^[0-9a-f-]{36}$/)
    expect(Buffer.from(answer.json.key!, 'base64url')).toHaveLength(32)
    const session = await signIn(port, answer.json.key!, 'mari')
    expect((await api(port, 'customers.list', answer.json.key!, { session })).json.ok).toBe(true)
    const rows = conn.db.select().from(pairedClients).all()
    expect(rows).toEqual([expect.objectContaining({ id: answer.json.clientId, machine: 'Dispatch-2', revokedAt: null })])
    expect(rows[0]!.keyHash).not.toContain(answer.json.key!)
    expect(rows[0]!.lastSeenAt).not.toBeNull()
  })

  it('refuses a wrong code with 401 and stores nothing; five wrong tries burn the code until a new one is made', async () => {
    const { conn, host, port } = await startShop({ pairLimit: { burst: 100, perSecond: 1 } })
    const right = host.pairing!.code().code
    const wrong = right === '000000' ? '000001' : '000000'
    const first = await pair(port, wrong)
    expect(first.status).toBe(401)
    expect(first.json.error).toMatchObject({ code: 'FORBIDDEN', key: 'errors.pairing.wrongCode' })
    for (let i = 0; i < 4; i++) await pair(port, wrong)
    const burnt = await pair(port, right)
    expect(burnt.status).toBe(401)
    expect(burnt.json.error?.key).toBe('errors.pairing.burnt')
    expect(conn.db.select().from(pairedClients).all()).toHaveLength(0)
    host.pairing!.renew()
    expect((await pair(port, host.pairing!.code().code)).status).toBe(200)
  })

  it('answers an expired code with 401 after ten minutes, and a malformed one as a field error', async () => {
    const clock = { now: Date.parse('2026-03-02T08:00:00Z') }
    const { host, port } = await startShop({ now: () => clock.now })
    const code = host.pairing!.code().code
    clock.now += 10 * 60 * 1000
    const expired = await pair(port, code)
    expect(expired.status).toBe(401)
    expect(expired.json.error?.key).toBe('errors.pairing.expired')
    const malformed = await pair(port, '12ab')
    expect(malformed.status).toBe(400)
    expect(malformed.json.error).toMatchObject({ code: 'VALIDATION', key: 'errors.pairing.code' })
    clock.now -= 60 * 1000
    expect((await pair(port, code, ' ')).json.error?.key).toBe('errors.pairing.machine')
  })

  it('a revoked key is refused with 401 and its sessions end at once; the other client carries on', async () => {
    const { host, port, conn } = await startShop()
    const code = host.pairing!.code().code
    const a = (await pair(port, code, 'Dispatch-1')).json
    const b = (await pair(port, code, 'Dispatch-2')).json
    const sessionA = await signIn(port, a.key!, 'mari')
    const sessionB = await signIn(port, b.key!, 'jaan')
    expect(host.sessionCount()).toBe(2)
    // A session id is bound to the client it was issued to: another paired client cannot use it.
    expect((await api(port, 'customers.list', b.key!, { session: sessionA })).json.error?.code).toBe('FORBIDDEN')

    // The administrator's operations page, through the pipeline.
    const admin = userWith(conn, ['administrator'], 'ada')
    const adminSession = await signIn(port, host.token, 'ada')
    const status = await api(port, 'shop.status', host.token, { session: adminSession })
    const clients = (status.json.data as { clients: { machine: string; sessions: { userName: string }[] }[] }).clients
    expect(clients.map((c) => [c.machine, c.sessions.map((s) => s.userName)])).toEqual(
      expect.arrayContaining([
        ['Dispatch-1', ['mari']],
        ['Dispatch-2', ['jaan']]
      ])
    )
    expect(admin.user).not.toBeNull()
    // Mari's board listens for changes; the revocation closes her stream.
    const stream = await new Promise<import('node:http').IncomingMessage>((ok, fail) => {
      const req = request(
        {
          host: '127.0.0.2',
          port,
          path: '/events',
          agent: false,
          rejectUnauthorized: false,
          headers: { host: `127.0.0.2:${port}`, 'x-hooldus-token': a.key!, 'x-hooldus-session': sessionA }
        },
        ok
      )
      req.on('error', fail)
      req.end()
    })
    expect(stream.statusCode).toBe(200)
    const closed = new Promise<void>((ok) => stream.on('close', () => ok()).resume())
    const revoked = await api(port, 'shop.revoke', host.token, { session: adminSession, body: { clientId: a.clientId } })
    await closed
    expect(revoked.json.ok).toBe(true)

    expect(host.sessionCount()).toBe(2) // jaan's and the administrator's
    const refused = await api(port, 'customers.list', a.key!, { session: sessionA })
    expect(refused.status).toBe(401)
    expect(refused.json.error?.key).toBe('errors.pairing.revoked')
    expect((await api(port, 'customers.list', b.key!, { session: sessionB })).json.ok).toBe(true)
    // A key nobody issued is the usual token error.
    const unknown = await api(port, 'customers.list', 'x'.repeat(43))
    expect(unknown.status).toBe(401)
    expect(unknown.json.error?.key).toBe('errors.host.badToken')
  })

  it('a dispatcher cannot see or use the operations methods', async () => {
    const { host, port } = await startShop()
    const session = await signIn(port, host.token, 'mari')
    const answer = await api(port, 'shop.status', host.token, { session })
    expect(answer.json.error?.code).toBe('FORBIDDEN')
  })

  it('a phone pairs through the form: the key comes back only as an HttpOnly, Secure, SameSite=Strict cookie', async () => {
    const { host, port } = await startShop()
    const page = await send(port, '/pair', { method: 'GET' })
    expect(page.status).toBe(200)
    expect(page.text).toContain('name="code"')
    // The app itself sends a device that is not paired to the pairing page.
    expect((await send(port, '/', { method: 'GET' })).headers.location).toBe('/pair')
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const wrong = await send(port, '/pair', { headers: form, body: 'code=999999&machine=Phone' })
    expect(wrong.status).toBe(401)
    expect(wrong.text).toContain('role="alert"')
    const code = host.pairing!.code().code
    const paired = await send(port, '/pair', { headers: form, body: `code=${code}&machine=Mari%27s+phone` })
    expect(paired.status).toBe(303)
    expect(paired.headers.location).toBe('/')
    const cookie = (paired.headers['set-cookie'] as string[])[0]!
    expect(cookie).toMatch(/^hooldus_key=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Strict$/)
    expect(paired.text).toBe('')
    const jar = cookie.split(';')[0]!
    const signedIn = await send(port, '/api/auth.signIn', {
      headers: { cookie: jar },
      body: JSON.stringify({ username: 'mari', password: 'password123' })
    })
    expect(signedIn.json.ok).toBe(true)
    expect((await send(port, '/', { method: 'GET', headers: { cookie: jar } })).status).toBe(200)
  })

  it('accepts the --name as Host and Origin, and refuses a foreign one', async () => {
    const { host, port } = await startShop()
    const named = await send(port, '/api/auth.status', {
      host: `werkstatt.lan:${port}`,
      headers: { 'x-hooldus-token': host.token, origin: `https://werkstatt.lan:${port}` }
    })
    expect(named.json.ok).toBe(true)
    const foreign = await send(port, '/api/auth.status', { host: `evil.example:${port}`, headers: { 'x-hooldus-token': host.token } })
    expect(foreign.status).toBe(403)
    expect(foreign.json.error?.key).toBe('errors.host.foreignHost')
    const plainOrigin = await send(port, '/api/auth.status', {
      headers: { 'x-hooldus-token': host.token, origin: `http://127.0.0.2:${port}` }
    })
    expect(plainOrigin.json.error?.key).toBe('errors.host.foreignOrigin')
  })
})

describe('shop server: rate limits', () => {
  it('answers 429 with Retry-After once a client used its bucket; another client is still served', async () => {
    const { host, port } = await startShop({ rateLimit: { burst: 3, perSecond: 0.01 } })
    const key = (await pair(port, host.pairing!.code().code)).json.key!
    for (let i = 0; i < 3; i++) expect((await api(port, 'auth.status', key)).status).toBe(200)
    const limited = await api(port, 'auth.status', key)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(limited.json.error?.key).toBe('errors.host.tooMany')
    expect((await api(port, 'auth.status', host.token)).status).toBe(200)
  })

  it('limits POST /pair per address before looking at the code', async () => {
    const { host, port } = await startShop({ pairLimit: { burst: 2, perSecond: 0.01 } })
    await pair(port, '111111')
    await pair(port, '222222')
    const limited = await pair(port, host.pairing!.code().code)
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBeDefined()
  })
})

describe('shop server: certificate', () => {
  it('makes the certificate once, keeps the key private, and presents the same fingerprint after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hooldus-tls-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const first = await hostCertificate(dir, ['localhost', '127.0.0.2'])
    expect(statSync(join(dir, 'hooldus-host.key')).mode & 0o777).toBe(0o600)
    const again = await hostCertificate(dir, ['localhost', '127.0.0.2'])
    expect(again.fingerprint).toBe(first.fingerprint)
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(readFileSync(join(dir, 'hooldus-host.crt'), 'utf8')).toBe(first.cert)
    const cert = new X509Certificate(first.cert)
    expect(cert.checkIP('127.0.0.2')).toBe('127.0.0.2')
    expect(cert.checkHost('localhost')).toBe('localhost')
  })
})
