import { X509Certificate } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ChangeEvent } from '@shared/api/changes'
import { tFor } from '@shared/i18n/i18n'
import { pairWithShop, RECONNECTED, ShopClient, shopAddress, type ShopPairing } from '../../src/main/electron/shopClient'

/**
 * The client half of the shop server against small real HTTPS servers on 127.0.0.1 that speak the host's protocol
 * (pairing, token, session header, event stream, export download), each with its own throwaway certificate.
 */

const t = tFor('en')
const CODE = '482913'
const KEY = 'k'.repeat(32)

interface Pem {
  key: string
  cert: string
  fingerprint: string
}

async function certificate(): Promise<Pem> {
  // An EC key is made in milliseconds; the host's real certificate may be RSA, the client does not mind.
  const pems = await generate([{ name: 'commonName', value: 'hooldus-shop' }], { keyType: 'ec', algorithm: 'sha256', days: 30 })
  return { key: pems.private, cert: pems.cert, fingerprint: new X509Certificate(pems.cert).fingerprint256 }
}

type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void

interface FakeHost {
  port: number
  /** Every request that reached the host: method and path. */
  seen: string[]
  /** Every change sent to open event streams reaches them at once. */
  publish(change: Partial<ChangeEvent>): void
  streams: number
  kill(): Promise<void>
}

const running: FakeHost[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.kill()))
})

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** A host that pairs with CODE, takes KEY and answers calls by `routes` (else echoes the method). */
async function fakeHost(pem: Pem, routes: Record<string, Route> = {}, port = 0): Promise<FakeHost> {
  const seen: string[] = []
  const streams = new Set<ServerResponse>()
  const sockets = new Set<Socket>()
  const server: Server = createServer({ key: pem.key, cert: pem.cert }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const path = (req.url ?? '/').split('?')[0]!
      seen.push(`${req.method} ${path}`)
      if (path === '/pair') {
        const { code } = JSON.parse(body) as { code: string }
        if (code !== CODE)
          return json(res, 401, { ok: false, error: { code: 'FORBIDDEN', key: 'x', message: 'Wrong or expired pairing code.' } })
        return json(res, 200, { clientId: 'c-1', key: KEY })
      }
      if (req.headers['x-hooldus-token'] !== KEY) return json(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Revoked.' } })
      const route = routes[path]
      if (route) return route(req, res, body)
      if (path === '/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.write(': live\n\n')
        streams.add(res)
        res.on('close', () => streams.delete(res))
        return
      }
      json(res, 200, { ok: true, data: { path, session: req.headers['x-hooldus-session'] ?? '', input: JSON.parse(body || '{}') } })
    })
  })
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok))
  const host: FakeHost = {
    port: (server.address() as AddressInfo).port,
    seen,
    get streams() {
      return streams.size
    },
    publish: (change) => {
      for (const s of streams)
        s.write(`data: ${JSON.stringify({ domain: 'dispatch', method: 'dispatch.move', userName: 'Mari', at: 1, ...change })}\n\n`)
    },
    // The host going away: every open connection is cut, as when its process ends.
    kill: async () => {
      for (const s of sockets) s.destroy()
      await new Promise<void>((ok) => server.close(() => ok()))
    }
  }
  running.push(host)
  return host
}

async function paired(pem: Pem, routes: Record<string, Route> = {}): Promise<{ host: FakeHost; pairing: ShopPairing; client: ShopClient }> {
  const host = await fakeHost(pem, routes)
  const result = await pairWithShop({ address: `127.0.0.1:${host.port}`, code: CODE, machine: 'Desk 2' }, t)
  if (!result.ok) throw new Error(result.error.message)
  const client = new ShopClient(result.data, () => t)
  return { host, pairing: result.data, client }
}

/** Resolves once `predicate` holds, checked on every event the listener hears. */
function until<T>(list: T[], predicate: (l: T[]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (predicate(list) ? resolve() : setTimeout(check, 5))
    check()
  })
}

describe('shop client', () => {
  let first: Pem
  let second: Pem
  beforeAll(async () => {
    ;[first, second] = await Promise.all([certificate(), certificate()])
  })

  it('reads an address as https://host:port, the port 5179 when none is given, and refuses anything else', () => {
    expect(shopAddress(' shop-pc ')).toBe('https://shop-pc:5179')
    expect(shopAddress('10.0.0.5:6000')).toBe('https://10.0.0.5:6000')
    expect(shopAddress('https://shop.local:5180/')).toBe('https://shop.local:5180')
    expect(shopAddress('[::1]:5179')).toBe('https://[::1]:5179')
    for (const bad of ['', 'http://shop-pc:5179', 'shop-pc:5179/api', 'https://u:p@shop-pc', 'shop pc']) expect(shopAddress(bad)).toBeNull()
  })

  it('pairs with the code the server shows and pins the certificate seen in that handshake', async () => {
    const host = await fakeHost(first)
    const result = await pairWithShop({ address: `https://127.0.0.1:${host.port}`, code: ` ${CODE} `, machine: 'Desk 2' }, t)
    expect(result).toEqual({
      ok: true,
      data: { address: `https://127.0.0.1:${host.port}`, fingerprint: first.fingerprint, clientId: 'c-1', key: KEY }
    })
  })

  it("answers a wrong or expired code with the server's message, and a bad address by naming it", async () => {
    const host = await fakeHost(first)
    const wrong = await pairWithShop({ address: `127.0.0.1:${host.port}`, code: '000000', machine: 'Desk 2' }, t)
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Wrong or expired pairing code.' } })
    const bad = await pairWithShop({ address: 'http://shop-pc', code: CODE, machine: 'Desk 2' }, t)
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'errors.shop.badAddress' } })
    expect(bad.ok || bad.error.message).toContain('"http://shop-pc" is not a shop server address')
  })

  it('sends the key, the session the host issued and its client id; a new session at sign-in replaces the old', async () => {
    const { client } = await paired(first, {
      '/api/auth.signIn': (_req, res) => json(res, 200, { ok: true, data: { user: 1 } }, { 'x-hooldus-session': 's-2' })
    })
    const who = { session: '', client: 'window-1' }
    expect(await client.call('auth.signIn', { username: 'mari' }, who)).toEqual({ ok: true, data: { user: 1 } })
    expect(who.session).toBe('s-2')
    const answer = await client.call('customers.list', { q: 'a' }, who)
    expect(answer).toEqual({ ok: true, data: { path: '/api/customers.list', session: 's-2', input: { q: 'a' } } })
  })

  it('refuses a server with another certificate at the pinned address before sending it anything', async () => {
    const { host, client } = await paired(first)
    const port = host.port
    await host.kill()
    running.splice(running.indexOf(host), 1)
    const impostor = await fakeHost(second, {}, port)
    const answer = await client.call('customers.list', {}, { session: 's', client: 'w' })
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        key: 'errors.shop.certificateChanged',
        message: `The shop server's certificate changed — pair again (https://127.0.0.1:${port})`
      }
    })
    expect(impostor.seen).toEqual([])
  })

  it('says the pairing ended when the host refuses the key (revoked)', async () => {
    const host = await fakeHost(first)
    const client = new ShopClient(
      { address: `https://127.0.0.1:${host.port}`, fingerprint: first.fingerprint, clientId: 'c-1', key: 'revoked-key' },
      () => t
    )
    const answer = await client.call('customers.list', {}, { session: 's', client: 'w' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'errors.shop.pairingEnded' } })
    expect(answer.ok || answer.error.message).toContain('revoked or has expired — pair again')
  })

  it('never reports a save as done when the host goes away before answering, nor when it is gone', async () => {
    let arrived: () => void = () => {}
    const reached = new Promise<void>((r) => (arrived = r))
    const { host, client } = await paired(first, { '/api/serviceOrders.update': () => arrived() })
    const who = { session: 's', client: 'w' }
    const saving = client.call('serviceOrders.update', { id: 1, version: 3 }, who)
    await reached
    await host.kill()
    const expected = { ok: false, error: { code: 'INTERNAL', key: 'errors.host.unreachable', message: t('errors.host.unreachable') } }
    expect(await saving).toMatchObject(expected)
    expect(await client.call('serviceOrders.update', { id: 1, version: 3 }, who)).toMatchObject(expected)
  })

  it('downloads an export into place, and leaves no file when the connection breaks', async () => {
    const { client } = await paired(first, {
      '/export/customers.list': (req, res) => {
        const ticket = new URL(req.url!, 'https://x').searchParams.get('ticket')
        res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '1000' })
        if (ticket === 'good') {
          res.end('Code;Name\n'.padEnd(1000, ' '))
        } else {
          res.write('Code;Name\n')
          setImmediate(() => res.socket?.destroy())
        }
      }
    })
    const dir = mkdtempSync(join(tmpdir(), 'hooldus-shop-export-'))
    expect(await client.download('customers.list', 'good', join(dir, 'a.csv'))).toEqual({ ok: true, data: null })
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toMatch(/^Code;Name\n/)
    const broken = await client.download('customers.list', 'cut', join(dir, 'b.csv'))
    expect(broken).toMatchObject({ ok: false, error: { key: 'errors.host.unreachable' } })
    expect(existsSync(join(dir, 'b.csv'))).toBe(false)
    expect(readdirSync(dir)).toEqual(['a.csv'])
  })

  it('hears changes, reconnects by itself after the host restarts and then says so, so that everything refetches', async () => {
    const { host, client } = await paired(first)
    const heard: Omit<ChangeEvent, 'at'>[] = []
    const stop = client.watch({ session: 's', client: 'w' }, ({ at: _at, ...change }) => heard.push(change), {
      firstDelayMs: 20,
      maxDelayMs: 80
    })
    await until([host], () => host.streams === 1)
    host.publish({ domain: 'dispatch' })
    await until(heard, (h) => h.length === 1)
    const port = host.port
    await host.kill()
    running.splice(running.indexOf(host), 1)
    const back = await fakeHost(first, {}, port)
    await until(heard, (h) => h.length === 2)
    await until([back], () => back.streams === 1)
    back.publish({ domain: 'customers', method: 'customers.update' })
    await until(heard, (h) => h.length === 3)
    expect(heard).toEqual([
      { domain: 'dispatch', method: 'dispatch.move', userName: 'Mari' },
      RECONNECTED,
      { domain: 'customers', method: 'customers.update', userName: 'Mari' }
    ])
    stop()
    await until([back], () => back.streams === 0)
  })
})
