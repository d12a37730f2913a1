import { X509Certificate } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer, type Server } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { generate } from 'selfsigned'
import { afterEach } from 'vitest'
import type { ChangeEvent } from '@shared/api/changes'

/**
 * A small real HTTPS server on 127.0.0.1 that speaks the shop host's protocol as the client sees it (pairing, the
 * key, the session header, the event stream), with a throwaway certificate of its own. Stopped after each test.
 */

export const CODE = '482913'
export const KEY = 'k'.repeat(32)

export interface Pem {
  key: string
  cert: string
  fingerprint: string
}

export async function certificate(): Promise<Pem> {
  // An EC key is made in milliseconds; the host's real certificate may be RSA, the client does not mind.
  const pems = await generate([{ name: 'commonName', value: 'hooldus-shop' }], { keyType: 'ec', algorithm: 'sha256' })
  return { key: pems.private, cert: pems.cert, fingerprint: new X509Certificate(pems.cert).fingerprint256 }
}

export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void

export interface FakeHost {
  port: number
  /** Every request that reached the host: method and path. */
  seen: string[]
  /** Every change sent to open event streams reaches them at once. */
  publish(change: Partial<ChangeEvent>): void
  streams: number
  kill(): Promise<void>
}

export const running: FakeHost[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.kill()))
})

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** A host that pairs with CODE, takes KEY and answers calls by `routes` (else echoes the method). */
export async function fakeHost(pem: Pem, routes: Record<string, Route> = {}, port = 0): Promise<FakeHost> {
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

/** Resolves once `predicate` holds, checked on every event the listener hears. */
export function until<T>(list: T[], predicate: (l: T[]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (predicate(list) ? resolve() : setTimeout(check, 5))
    check()
  })
}
