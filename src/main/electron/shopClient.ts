import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { Agent, request } from 'node:https'
import type { ClientRequestArgs, IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import type { Duplex } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { connect as tlsConnect } from 'node:tls'
import type { ChangeEvent } from '@shared/api/changes'
import type { ApiError, ApiResult } from '@shared/api/result'
import type { T } from '@shared/i18n/i18n'
import { apiError } from '../api/pipeline'

/**
 * The Electron app as a client of a shop server (issue 21): the same API over HTTPS to a host that owns the database.
 * The host's certificate is self-signed, so no authority vouches for it: the client accepts it once, at pairing, and
 * pins its SHA-256 fingerprint; from then on a connection that presents any other certificate is closed before a
 * byte of the request (and its key) is sent. Plain Node: no Electron here, so it is tested against real TLS servers.
 */

/** What pairing leaves behind; all a later start needs to reach the same server. */
export interface ShopPairing {
  /** `https://host:port`, normalised. */
  address: string
  /** The server certificate's SHA-256 fingerprint as Node writes it (`AB:CD:…`). */
  fingerprint: string
  clientId: string
  key: string
}

/** The port `npm run serve` listens on when the address names none. */
export const DEFAULT_SHOP_PORT = 5179

/** `shop.local`, `10.0.0.5:5179`, `https://shop.local:5179/` → `https://host:port`; null for anything else (http, a path). */
export function shopAddress(given: string): string | null {
  const text = given.trim()
  if (!text) return null
  let url: URL
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash || url.pathname !== '/') return null
  return `https://${url.hostname}:${url.port || DEFAULT_SHOP_PORT}`
}

/** The certificate was not the pinned one: the connection was closed before anything was sent. */
class CertificateChanged extends Error {
  constructor(readonly seen: string) {
    super('certificate changed')
  }
}

/**
 * Opens every connection itself so that it can look at the certificate before handing the socket to the request:
 * with `pin` set, only that certificate passes; without (pairing), the first one seen is noted and accepted.
 */
class PinnedAgent extends Agent {
  seen: string | null = null
  constructor(private readonly pin: string | null) {
    // Session resumption would skip the certificate; each connection shows it again.
    super({ keepAlive: true, maxCachedSessions: 0 })
  }
  override createConnection(options: ClientRequestArgs, done?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const host = String(options.host ?? options.hostname ?? 'localhost')
    const socket = tlsConnect({
      host,
      port: Number(options.port),
      servername: isIP(host) ? undefined : host,
      // No authority signs a shop's certificate; the fingerprint check below is the check.
      rejectUnauthorized: false
    })
    const fail = (e: Error) => done?.(e, socket)
    socket.once('error', fail)
    socket.once('secureConnect', () => {
      socket.off('error', fail)
      const fingerprint = socket.getPeerCertificate().fingerprint256 ?? ''
      if (!fingerprint || (this.pin !== null && fingerprint !== this.pin)) {
        socket.destroy()
        done?.(new CertificateChanged(fingerprint), socket)
        return
      }
      this.seen = fingerprint
      done?.(null, socket)
    })
    return undefined
  }
}

interface Reply {
  status: number
  headers: IncomingMessage['headers']
  body: unknown
}

/** A JSON request; rejects when the server cannot be reached, the connection breaks or the certificate differs. */
function send(agent: Agent, url: string, headers: Record<string, string>, body: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body ?? {})
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
    })
    req.once('error', reject)
    req.once('response', (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.once('error', reject)
      // A host that dies while answering leaves a cut-off body: that answer never counts.
      res.once('aborted', () => reject(new Error('response aborted')))
      res.once('end', () => {
        if (!res.complete) return reject(new Error('response incomplete'))
        try {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        } catch (e) {
          reject(e as Error)
        }
      })
    })
    req.end(payload)
  })
}

function isApiResult(body: unknown): body is ApiResult<unknown> {
  if (typeof body !== 'object' || body === null || typeof (body as { ok?: unknown }).ok !== 'boolean') return false
  const error = (body as { error?: { message?: unknown } }).error
  return (body as { ok: boolean }).ok || (typeof error === 'object' && error !== null && typeof error.message === 'string')
}

/** The failure of a request that got no usable answer, as the API's error. */
function transportError(t: T, e: unknown, address: string): ApiError {
  if (e instanceof CertificateChanged) return apiError(t, 'FORBIDDEN', 'errors.shop.certificateChanged', { address })
  return apiError(t, 'INTERNAL', 'errors.host.unreachable')
}

export interface PairInput {
  address: string
  code: string
  machine: string
}

/**
 * Pairs with the server at `address` with the code it shows: the certificate seen in this handshake is the one
 * pinned.
 */
export async function pairWithShop(input: PairInput, t: T): Promise<ApiResult<ShopPairing>> {
  const address = shopAddress(input.address)
  if (!address) return { ok: false, error: apiError(t, 'VALIDATION', 'errors.shop.badAddress', { address: input.address.trim() }) }
  const agent = new PinnedAgent(null)
  try {
    const reply = await send(agent, `${address}/pair`, {}, { code: input.code.trim(), machine: input.machine.trim() })
    if (reply.status === 200) {
      const { clientId, key } = (reply.body ?? {}) as { clientId?: unknown; key?: unknown }
      if (typeof clientId === 'string' && typeof key === 'string' && agent.seen) {
        return { ok: true, data: { address, fingerprint: agent.seen, clientId, key } }
      }
    }
    // A refused code is worded here, so that the screen can put it on the code field; any other refusal (too many
    // attempts, say) is the server's to explain.
    if (reply.status === 401) return { ok: false, error: apiError(t, 'FORBIDDEN', 'errors.shop.badCode') }
    if (isApiResult(reply.body) && !reply.body.ok) return reply.body
    return { ok: false, error: apiError(t, 'INTERNAL', 'errors.shop.notAShopServer') }
  } catch (e) {
    return { ok: false, error: transportError(t, e, address) }
  } finally {
    agent.destroy()
  }
}

/** One window's standing with the host: the session the host issued at sign-in and the window's own client id. */
export interface RemoteSession {
  session: string
  client: string
}

export interface WatchOptions {
  /** The first wait before reconnecting, doubled after each failure up to `maxDelayMs`. */
  firstDelayMs?: number
  maxDelayMs?: number
}

/** The change a reconnected feed reports: its domain is none the client knows, so every list refetches. */
export const RECONNECTED: Omit<ChangeEvent, 'at'> = { domain: '*', method: 'reconnected', userName: '' }

/** A paired server, reached only over connections that show the pinned certificate. */
export class ShopClient {
  private readonly agent: PinnedAgent
  constructor(
    readonly pairing: ShopPairing,
    private readonly t: () => T
  ) {
    this.agent = new PinnedAgent(pairing.fingerprint)
  }

  private headers(who: RemoteSession): Record<string, string> {
    return { 'x-hooldus-token': this.pairing.key, 'x-hooldus-session': who.session, 'x-hooldus-client': who.client }
  }

  /** A revoked or expired pairing: the host answers 401 to its key. */
  private revoked(): ApiResult<never> {
    return { ok: false, error: apiError(this.t(), 'FORBIDDEN', 'errors.shop.pairingEnded') }
  }

  /**
   * `POST /api/<method>`; a session the host issues (sign-in) replaces `who.session`. Anything but a whole answer
   * from the host is an error: a save whose answer was lost is never reported as saved.
   */
  async call(method: string, input: unknown, who: RemoteSession): Promise<ApiResult<unknown>> {
    try {
      const reply = await send(this.agent, `${this.pairing.address}/api/${encodeURIComponent(method)}`, this.headers(who), input)
      const issued = reply.headers['x-hooldus-session']
      if (typeof issued === 'string') who.session = issued
      if (reply.status === 401) return this.revoked()
      if (isApiResult(reply.body)) return reply.body
      return { ok: false, error: apiError(this.t(), 'INTERNAL', 'errors.shop.notAShopServer') }
    } catch (e) {
      return { ok: false, error: transportError(this.t(), e, this.pairing.address) }
    }
  }

  /**
   * Downloads an export the host issued `ticket` for into `file`: written next to it and renamed into place, so
   * that a broken connection leaves no half file behind.
   */
  async download(list: string, ticket: string, file: string): Promise<ApiResult<null>> {
    const url = `${this.pairing.address}/export/${encodeURIComponent(list)}?${new URLSearchParams({ ticket })}`
    const partial = `${file}.${process.pid}.part`
    try {
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        const req = request(url, { method: 'GET', agent: this.agent, headers: { 'x-hooldus-token': this.pairing.key } })
        req.once('error', reject)
        req.once('response', resolve)
        req.end()
      })
      if (res.statusCode !== 200) {
        const chunks: Buffer[] = []
        for await (const c of res) chunks.push(c as Buffer)
        if (res.statusCode === 401) return this.revoked()
        const body = safeJson(Buffer.concat(chunks).toString('utf8'))
        if (isApiResult(body) && !body.ok) return body
        return { ok: false, error: apiError(this.t(), 'INTERNAL', 'errors.shop.notAShopServer') }
      }
      await pipeline(res, createWriteStream(partial))
      if (!res.complete) throw new Error('response incomplete')
      await rename(partial, file)
      return { ok: true, data: null }
    } catch (e) {
      await rm(partial, { force: true })
      return { ok: false, error: transportError(this.t(), e, this.pairing.address) }
    }
  }

  /**
   * Other clients' changes from `GET /events` (ADR 0032), for as long as the answered function is not called. A lost
   * stream is opened again after a pause that grows with each failure; once it is back, `listener` hears RECONNECTED
   * (changes made meanwhile were not heard, so everything on screen is refetched).
   */
  watch(who: RemoteSession, listener: (change: ChangeEvent) => void, options: WatchOptions = {}): () => void {
    const first = options.firstDelayMs ?? 500
    const max = options.maxDelayMs ?? 15_000
    let stopped = false
    let current: { destroy(): void } | null = null
    let wake: (() => void) | null = null
    const run = async () => {
      let delay = first
      let lost = false
      while (!stopped) {
        const opened = await this.openStream(who, (req) => (current = req))
        if (opened && !stopped) {
          if (lost) listener({ ...RECONNECTED, at: Date.now() })
          delay = first
          await readEvents(opened, listener)
        }
        if (stopped) break
        lost = true
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay)
          wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
        delay = Math.min(delay * 2, max)
      }
    }
    void run()
    return () => {
      stopped = true
      current?.destroy()
      wake?.()
    }
  }

  private openStream(who: RemoteSession, hold: (req: { destroy(): void }) => void): Promise<IncomingMessage | null> {
    return new Promise((resolve) => {
      const req = request(`${this.pairing.address}/events`, { method: 'GET', agent: this.agent, headers: this.headers(who) })
      hold(req)
      req.once('error', () => resolve(null))
      req.once('response', (res) => {
        if (res.statusCode === 200) return resolve(res)
        res.resume()
        resolve(null)
      })
      req.end()
    })
  }

  close(): void {
    this.agent.destroy()
  }
}

/** The `data:` blocks of an event stream, until it ends or breaks. */
async function readEvents(res: IncomingMessage, listener: (change: ChangeEvent) => void): Promise<void> {
  let buffer = ''
  try {
    res.setEncoding('utf8')
    for await (const chunk of res) {
      buffer += chunk as string
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (!block.startsWith('data: ')) continue
        const change = safeJson(block.slice(6))
        if (change && typeof (change as ChangeEvent).domain === 'string') listener(change as ChangeEvent)
      }
    }
  } catch {
    // A broken stream ends like a closed one: the caller reconnects.
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
