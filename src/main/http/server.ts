import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { ApiResult } from '@shared/api/result'
import { writeCsv } from '../api/csv'
import { type ApiHost, hostError, runMethod, startExport } from '../api/pipeline'
import type { MessageKey } from '../services/core/errors'
import { ChangeFeed } from '../api/changeFeed'
import { AnswerCache, type Conditional } from '../api/conditional'
import { SessionStore } from '../api/sessions'
import type { SessionSlot } from '../services/core/context'
import { redeemExportTicket } from '../services/system/exportTickets'
import { loadSessionUser } from '../services/auth/sessions'
import { Pairing } from '../services/shop/pairing'
import { companyLanguage } from '../services/settings/settings'
import type { ShopHostStatus } from '@shared/domain/shop'
import { type RateLimit, RateLimiter } from './rateLimit'
import { pairPage } from './pairPage'

/**
 * Serving the shop's network (docs/adr/0033-shop-server.md): HTTPS on a LAN address, paired clients' keys
 * accepted like the launch token, per-client rate limits. Without it the host is browser mode: loopback http.
 */
export interface LanOptions {
  /** The address to listen on, e.g. 0.0.0.0 or 127.0.0.2. */
  listen: string
  /** Host names and addresses clients reach the host by (the Host header), besides the listen address. */
  names: string[]
  tls: { key: string; cert: string; fingerprint: string }
  /** Per client (paired key or launch token). */
  rateLimit?: RateLimit
  /** `POST /pair` per remote address. */
  pairLimit?: RateLimit
}

export interface WebHostOptions extends ApiHost {
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  /** Fixed token (HOOLDUS_WEB_TOKEN); otherwise a random one per launch. */
  token?: string
  lan?: LanOptions
}

export interface WebHost {
  server: Server
  url: string
  token: string
  port: number
  /** The certificate's SHA-256 fingerprint when serving the shop's network. */
  fingerprint?: string
  /** The pairing code and paired clients when serving the shop's network. */
  pairing?: Pairing
  /** Signed-in sessions held (for tests: nothing is held for a caller who is not signed in). */
  sessionCount(): number
  /** Ends every session (after the database was swapped by a restore). */
  endSessions(): void
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json'
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

const MAX_BODY = 5 * 1024 * 1024
/** A board opening fires a few dozen calls at once; a client past this is looping or hostile. */
const API_LIMIT: RateLimit = { burst: 200, perSecond: 50 }
/** Five tries a minute per address; five wrong codes burn the code anyway. */
const PAIR_LIMIT: RateLimit = { burst: 5, perSecond: 1 / 12 }
const KEY_COOKIE = 'hooldus_key'
/** A paired phone keeps its key for 400 days (the longest a browser keeps a cookie). */
const KEY_COOKIE_AGE = 400 * 24 * 3600
const TOO_LARGE = Symbol('too large')

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** A request target as a URL, or null when it is not one (`http://[`). */
function parseUrl(target: string): URL | null {
  try {
    return new URL(target, 'http://127.0.0.1')
  } catch {
    return null
  }
}

/** A percent-decoded path, or null for a broken encoding (`%E0%A4%A`). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1'
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}

/**
 * The browser-side `window.api`: the same shape as the Electron preload, `call` posting to /api/<method>.
 * `unreachable` is its message when the host is gone, in the company's language.
 */
/** The tab's own id (the shim makes one per page): only used to leave a change out of its author's feed. */
function clientOf(req: IncomingMessage): string | undefined {
  const given = req.headers['x-hooldus-client']
  return typeof given === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(given) ? given : undefined
}

/** Seconds between the comments that keep an idle event stream open through proxies and sleeping laptops. */
const HEARTBEAT_MS = 20_000

function shim(unreachable: string): string {
  return `(() => {
  const q = new URLSearchParams(location.search)
  if (q.get('token')) { sessionStorage.setItem('hooldus.token', q.get('token')); history.replaceState(null, '', location.pathname + location.hash) }
  const token = sessionStorage.getItem('hooldus.token') || ''
  // The host issues the session id at sign-in; until then there is none.
  let session = sessionStorage.getItem('hooldus.session') || ''
  const client = crypto.randomUUID()
  const api = { mode: 'browser' }
  // Answers of lists by question, with the host's tag: asked again, the host says 304 while nothing changed,
  // and the same answer (the same object: the screen keeps its data) is given again. Forgotten with the session.
  const held = new Map()
  api.call = async (method, input) => {
    try {
      const body = JSON.stringify(input ?? {})
      const key = method + ' ' + body
      const mine = held.get(key)
      const headers = { 'content-type': 'application/json', 'x-hooldus-token': token, 'x-hooldus-session': session, 'x-hooldus-client': client }
      if (mine) headers['x-hooldus-if-version'] = mine.tag
      const res = await fetch('/api/' + encodeURIComponent(method), { method: 'POST', headers, body })
      const issued = res.headers.get('x-hooldus-session')
      if (issued !== null) { session = issued; sessionStorage.setItem('hooldus.session', issued); held.clear() }
      if (res.status === 304 && mine) return mine.result
      const result = await res.json()
      const tag = res.headers.get('x-hooldus-version')
      held.delete(key)
      if (tag && result.ok) {
        held.set(key, { tag, result })
        if (held.size > 100) held.delete(held.keys().next().value)
      }
      return result
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', key: 'errors.host.unreachable', message: ${JSON.stringify(unreachable)} } }
    }
  }
  // The download link carries a one-time ticket only: no token, no session id (they would land in history and logs).
  api.exportCsv = async (list, input, suggestedName) => {
    const issued = await api.call('exports.ticket', { list, input: input ?? {} })
    if (!issued.ok) return issued
    const url = '/export/' + encodeURIComponent(list) + '?' + new URLSearchParams({ ticket: issued.data.ticket, name: suggestedName })
    const a = document.createElement('a')
    a.href = url
    a.download = suggestedName
    document.body.appendChild(a)
    a.click()
    a.remove()
    return { ok: true, data: { rows: null, path: null, cancelled: false } }
  }
  // Other clients' changes, as server-sent events read through fetch (EventSource cannot send the token);
  // reconnects by itself after a lost connection until the listener is removed.
  api.onChange = (listener) => {
    const stop = new AbortController()
    const run = async () => {
      while (!stop.signal.aborted) {
        try {
          const headers = { 'x-hooldus-token': token, 'x-hooldus-session': session, 'x-hooldus-client': client }
          const res = await fetch('/events', { headers, signal: stop.signal })
          if (res.ok && res.body) {
            const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
            let buffer = ''
            for (;;) {
              const { value, done } = await reader.read()
              if (done) break
              buffer += value
              let end
              while ((end = buffer.indexOf('\\n\\n')) >= 0) {
                const block = buffer.slice(0, end)
                buffer = buffer.slice(end + 2)
                if (block.startsWith('data: ')) listener(JSON.parse(block.slice(6)))
              }
            }
          }
        } catch {}
        if (!stop.signal.aborted) await new Promise((r) => setTimeout(r, 2000))
      }
    }
    void run()
    return () => stop.abort()
  }
  window.api = Object.freeze(api)
})()
`
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const now = options.now ?? Date.now
  const sessions = new SessionStore<string>(() => options.conn.db, now)
  // The pipeline publishes into the host's feed; a caller may bring its own (to watch it in tests).
  const changes = (options.changes ??= new ChangeFeed())
  options.answers ??= new AnswerCache()
  const root = resolve(options.rendererDir)
  const indexHtml = () => readFileSync(join(root, 'index.html'), 'utf8').replace('<head>', '<head>\n    <script src="/__api.js"></script>')
  let port = options.port ?? 0
  const lan = options.lan
  const scheme = lan ? 'https' : 'http'
  const names = () => ['127.0.0.1', 'localhost', ...(lan ? [lan.listen, ...lan.names] : [])].filter((n) => n !== '0.0.0.0')
  const allowedHosts = () => new Set(names().map((n) => `${n}:${port}`))
  const allowedOrigins = () => new Set(names().map((n) => `${scheme}://${n}:${port}`))

  /** Refuses foreign callers: not loopback (browser mode), a foreign Host (DNS rebinding) or Origin (another site). */
  function refuseForeign(req: IncomingMessage): MessageKey | null {
    if (!lan && !isLoopback(req.socket.remoteAddress)) return 'errors.host.notLocal'
    if (!allowedHosts().has(req.headers.host ?? '')) return 'errors.host.foreignHost'
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) return 'errors.host.foreignOrigin'
    return null
  }

  const pairing = lan ? new Pairing(() => options.conn.db, now) : undefined
  const apiLimit = new RateLimiter(lan?.rateLimit ?? API_LIMIT)
  const pairLimit = new RateLimiter(lan?.pairLimit ?? PAIR_LIMIT)
  /** Which client each issued session belongs to (a paired client's id, or '' for the launch token), and since when. */
  const sessionClients = new Map<string, { client: string; since: number }>()
  /** The paired client of each open event stream, so that a revocation closes them. */
  const streams = new Map<ServerResponse, string>()

  interface Caller {
    /** The refusal, and its status: 401 for a paired key the host no longer accepts (revoked, unknown). */
    refusal: MessageKey | null
    status: number
    /** '' for the launch token, the client id for a paired key. */
    client: string
  }

  /**
   * Who calls: the launch token (browser mode, the Electron app's own host), or a paired client's key in the
   * header or, from a phone's browser, in the HttpOnly cookie the pairing page set.
   */
  function callerOf(req: IncomingMessage): Caller {
    const foreign = refuseForeign(req)
    if (foreign) return { refusal: foreign, status: 403, client: '' }
    const given = req.headers['x-hooldus-token']
    const header = typeof given === 'string' ? given : ''
    if (header && sameSecret(header, token)) return { refusal: null, status: 200, client: '' }
    if (!pairing) return { refusal: 'errors.host.badToken', status: 403, client: '' }
    const key = header || cookie(req, KEY_COOKIE) || ''
    const found = key ? pairing.check(key) : { kind: 'unknown' as const }
    if (found.kind === 'paired') return { refusal: null, status: 200, client: found.clientId }
    return { refusal: found.kind === 'revoked' ? 'errors.pairing.revoked' : 'errors.host.badToken', status: 401, client: '' }
  }

  /** 429 with Retry-After when the client used up its bucket; true when it was answered. */
  function limited(req: IncomingMessage, res: ServerResponse, limiter: RateLimiter, key: string): boolean {
    if (!lan) return false
    const wait = limiter.take(key)
    if (wait === 0) return false
    req.resume()
    res.setHeader('retry-after', String(wait))
    send(res, 429, { ok: false, error: hostError(options, 'VALIDATION', 'errors.host.tooMany', { seconds: wait }) })
    return true
  }

  /** The session held for this id, if it was issued to this same client (an id is no use on another device). */
  function heldFor(id: string | undefined, client: string) {
    const held = sessions.get(id)
    if (!held || id === undefined) {
      if (id !== undefined) sessionClients.delete(id)
      return undefined
    }
    return sessionClients.get(id)?.client === client ? held : undefined
  }

  const newSessionId = () => randomBytes(24).toString('base64url')

  function send(res: ServerResponse, status: number, body: ApiResult<unknown>): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    res.end(JSON.stringify(body))
  }

  /** The body as text, or 'too large' past `max` bytes (the rest is left unread and discarded). */
  async function readText(req: IncomingMessage, max = 64 * 1024): Promise<string | typeof TOO_LARGE> {
    if (Number(req.headers['content-length'] ?? 0) > max) return TOO_LARGE
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > max) return TOO_LARGE
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks).toString('utf8')
  }

  /** The JSON body, or 'too large' past MAX_BODY. */
  async function readBody(req: IncomingMessage): Promise<unknown> {
    const text = await readText(req, MAX_BODY)
    if (text === TOO_LARGE) return TOO_LARGE
    return text ? JSON.parse(text) : {}
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, { ok: false, error: hostError(options, 'VALIDATION', 'errors.host.usePost') })
    const caller = callerOf(req)
    const check = () => caller.refusal
    // A stranger gets nothing read, parsed or stored.
    if (caller.refusal) {
      req.resume()
      return send(res, caller.status, { ok: false, error: hostError(options, 'FORBIDDEN', caller.refusal) })
    }
    if (limited(req, res, apiLimit, `client:${caller.client}`)) return
    let input: unknown
    try {
      input = await readBody(req)
    } catch {
      return send(res, 400, { ok: false, error: hostError(options, 'VALIDATION', 'errors.host.badJson') })
    }
    if (input === TOO_LARGE) {
      req.resume()
      return send(res, 413, {
        ok: false,
        error: hostError(options, 'VALIDATION', 'errors.host.tooLarge', { megabytes: MAX_BODY / 1024 / 1024 })
      })
    }
    // Only sessions the host issued are held; any other id is answered as signed out and never stored,
    // so a caller cannot choose its own id (fixation) nor grow the map.
    const presented = req.headers['x-hooldus-session'] as string | undefined
    const held = heldFor(presented, caller.client)
    // The handler sees a slot that notes whether it signed in or out (even as the same user again), or
    // that the pipeline ended it (idle, security stamp).
    let userId = held?.userId ?? null
    let assigned = false
    const session: SessionSlot & { lastUsed: number } = {
      get userId() {
        return userId
      },
      set userId(value) {
        userId = value
        assigned = true
      },
      stamp: held?.stamp,
      lastUsed: held?.lastUsed ?? now()
    }
    const since = req.headers['x-hooldus-if-version']
    const conditional: Conditional = { since: typeof since === 'string' ? since : undefined }
    const result = await runMethod(options, check, session, method, input, { origin: clientOf(req), conditional })
    if (assigned) {
      // A sign-in or sign-out ends the presented id; a signed-in session gets a fresh one (rotation).
      if (held) {
        sessions.delete(presented!)
        sessionClients.delete(presented!)
      }
      if (userId !== null) {
        const id = newSessionId()
        sessions.hold(id, { userId, stamp: session.stamp, lastUsed: session.lastUsed })
        sessionClients.set(id, { client: caller.client, since: now() })
        res.setHeader('x-hooldus-session', id)
      }
    } else if (held) {
      held.stamp = session.stamp
      held.lastUsed = session.lastUsed
    }
    if (conditional.tag) res.setHeader('x-hooldus-version', conditional.tag)
    if (conditional.unchanged) {
      res.writeHead(304, { 'cache-control': 'no-store' })
      res.end()
      return
    }
    send(res, result.ok ? 200 : result.error.code === 'FORBIDDEN' && check() ? 403 : 200, result)
  }

  /** Server-sent events: every change another client makes, for a signed-in session of this host. */
  async function handleEvents(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = callerOf(req)
    const check = () => caller.refusal
    if (caller.refusal) return send(res, caller.status, { ok: false, error: hostError(options, 'FORBIDDEN', caller.refusal) })
    if (limited(req, res, apiLimit, `client:${caller.client}`)) return
    const held = heldFor(req.headers['x-hooldus-session'] as string | undefined, caller.client)
    // The same idle and security-stamp rules as a call: an ended session gets no feed.
    const slot = { userId: held?.userId ?? null, stamp: held?.stamp, lastUsed: held?.lastUsed ?? now() }
    const status = held ? await runMethod(options, check, slot, 'auth.status', {}) : null
    if (!held || !status?.ok || !(status.data as { user: unknown }).user) {
      return send(res, 403, { ok: false, error: hostError(options, 'FORBIDDEN', 'errors.signInFirst') })
    }
    const origin = clientOf(req)
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write(': live\n\n')
    const unsubscribe = changes.subscribe((entry) => {
      // A stream ended by the host (a revocation, a restore) is closed only on the next tick: write nothing more.
      if (res.writableEnded) return
      if (origin === undefined || entry.origin !== origin) res.write(`data: ${JSON.stringify(entry.change)}\n\n`)
    })
    const heartbeat = setInterval(() => res.writableEnded || res.write(': \n\n'), HEARTBEAT_MS)
    streams.set(res, caller.client)
    res.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      streams.delete(res)
    })
  }

  async function handleExport(req: IncomingMessage, res: ServerResponse, url: URL, list: string): Promise<void> {
    const check = () => refuseForeign(req)
    const refusal = check()
    if (refusal) return send(res, 403, { ok: false, error: hostError(options, 'FORBIDDEN', refusal) })
    // The ticket stands for the token and the session: issued through the API, used once, for this list.
    const ticket = redeemExportTicket(url.searchParams.get('ticket') ?? '', now())
    if (!ticket || ticket.list !== list) {
      return send(res, 403, {
        ok: false,
        error: hostError(options, 'FORBIDDEN', 'errors.host.downloadUsed')
      })
    }
    const started = startExport(options, check, { userId: ticket.userId, stamp: ticket.stamp }, list, ticket.input)
    if (!started.ok) return send(res, started.error.code === 'FORBIDDEN' ? 403 : 400, started)
    const name = (url.searchParams.get('name') ?? 'export.csv').replace(/[^\w.-]/g, '_')
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store'
    })
    await writeCsv(started.columns, started.rows, res, started.csv)
  }

  /** The company's language: the pairing page is shown before anybody is known. */
  const companyT = () => companyLanguage(options.conn.db)

  /**
   * `POST /pair`: a JSON body answers the key (a workstation's app keeps it); the pairing page's form gets it
   * as an HttpOnly cookie and is sent on to the app (a phone's browser never sees the key).
   */
  async function handlePair(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refusal = refuseForeign(req)
    if (refusal) {
      req.resume()
      return send(res, 403, { ok: false, error: hostError(options, 'FORBIDDEN', refusal) })
    }
    if (limited(req, res, pairLimit, `address:${req.socket.remoteAddress ?? ''}`)) return
    const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
    const text = await readText(req)
    if (text === TOO_LARGE) {
      req.resume()
      return send(res, 413, { ok: false, error: hostError(options, 'VALIDATION', 'errors.host.tooLarge', { megabytes: 1 }) })
    }
    let fields: Record<string, unknown>
    try {
      fields = form ? Object.fromEntries(new URLSearchParams(text)) : ((text ? JSON.parse(text) : {}) as Record<string, unknown>)
    } catch {
      return send(res, 400, { ok: false, error: hostError(options, 'VALIDATION', 'errors.host.badJson') })
    }
    if (typeof fields !== 'object' || fields === null) fields = {}
    const result = pairing!.pair(fields.code, fields.machine)
    const status = result.ok ? 200 : result.field ? 400 : 401
    if (form) {
      const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' }
      if (result.ok) {
        res.writeHead(303, {
          ...headers,
          location: '/',
          'set-cookie': `${KEY_COOKIE}=${result.key}; Path=/; Max-Age=${KEY_COOKIE_AGE}; HttpOnly; Secure; SameSite=Strict`
        })
        return void res.end()
      }
      const machine = typeof fields.machine === 'string' ? fields.machine : ''
      res.writeHead(status, { ...headers, 'content-type': TYPES['.html']! })
      return void res.end(pairPage(companyT(), { error: hostError(options, 'FORBIDDEN', result.key).message, machine }))
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
    res.end(
      JSON.stringify(
        result.ok
          ? { clientId: result.clientId, key: result.key }
          : { ok: false, error: hostError(options, result.field ? 'VALIDATION' : 'FORBIDDEN', result.key) }
      )
    )
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string, url: URL): void {
    const refusal = refuseForeign(req)
    if (refusal) {
      res.writeHead(403, { 'content-type': 'text/plain' })
      res.end(hostError(options, 'FORBIDDEN', refusal).message)
      return
    }
    const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' }
    if (pathname === '/__api.js') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.js']! })
      res.end(shim(hostError(options, 'INTERNAL', 'errors.host.unreachable').message))
      return
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204)
      res.end()
      return
    }
    const file = normalize(join(root, pathname))
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() && !file.endsWith('index.html')) {
      // The build names every file in assets/ by a hash of its content, so a browser may keep it for good: a page
      // opened again (a reload, a second tab, the next sign-in) does not fetch the 3 MB of script and styles again.
      const hashed = file.startsWith(join(root, 'assets') + sep)
      res.writeHead(200, {
        ...headers,
        ...(hashed ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}),
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream'
      })
      createReadStream(file).pipe(res)
      return
    }
    if (pairing && pathname === '/pair') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html']! })
      return void res.end(pairPage(companyT(), {}))
    }
    // On the shop's network the app is for paired devices: anybody else is shown the pairing page first.
    if (pairing && !url.searchParams.has('token') && callerOf(req).refusal) {
      res.writeHead(303, { location: '/pair', 'cache-control': 'no-store' })
      return void res.end()
    }
    const html = indexHtml()
    res.writeHead(200, { ...headers, 'content-type': TYPES['.html']! })
    res.end(html)
  }

  function badRequest(res: ServerResponse): void {
    send(res, 400, { ok: false, error: hostError(options, 'VALIDATION', 'errors.host.badUrl') })
  }

  /** The last resort: one bad request is logged and answered 500, and the host keeps serving. */
  function failed(res: ServerResponse, e: unknown): void {
    options.log?.('web host request failed', e)
    if (!res.headersSent) send(res, 500, { ok: false, error: hostError(options, 'INTERNAL', 'errors.host.requestFailed') })
    else res.destroy()
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    // Any URL a page can make the browser send must be answered, never thrown out of the listener.
    const url = parseUrl(req.url ?? '/')
    if (!url) return badRequest(res)
    const done = (p: Promise<void>) => void p.catch((e: unknown) => failed(res, e))
    if (url.pathname.startsWith('/api/')) return done(handleApi(req, res, url.pathname.slice(5)))
    if (url.pathname === '/events' && req.method === 'GET') return done(handleEvents(req, res))
    if (pairing && url.pathname === '/pair' && req.method === 'POST') return done(handlePair(req, res))
    if (url.pathname.startsWith('/export/') && req.method === 'GET') {
      const list = decodePath(url.pathname.slice(8))
      return list === null ? badRequest(res) : done(handleExport(req, res, url, list))
    }
    const pathname = decodePath(url.pathname)
    if (pathname === null) return badRequest(res)
    handleStatic(req, res, pathname, url)
  }

  function endStreams(client?: string): void {
    for (const [res, of] of streams) if (client === undefined || of === client) res.end()
  }

  /** What the operations page shows: the addresses, the certificate, the code and who is connected. */
  function shopStatus(): ShopHostStatus {
    const signedIn = new Map<string, { userName: string; since: number }[]>()
    for (const [id, { client, since }] of sessionClients) {
      const held = sessions.get(id)
      if (!held || held.userId === null) continue
      const user = loadSessionUser(options.conn.db, held.userId)
      if (user) signedIn.set(client, [...(signedIn.get(client) ?? []), { userName: user.displayName, since }])
    }
    return {
      addresses: names()
        .filter((n) => n !== 'localhost' && n !== '127.0.0.1')
        .map((n) => `https://${n.includes(':') ? `[${n}]` : n}:${port}`),
      fingerprint: lan!.tls.fingerprint,
      pairing: pairing!.code(),
      clients: pairing!.list().map((c) => ({
        id: c.id,
        machine: c.machine,
        pairedAt: c.createdAt,
        lastSeenAt: c.lastSeenAt,
        revokedAt: c.revokedAt,
        sessions: signedIn.get(c.id) ?? []
      }))
    }
  }

  if (pairing) {
    options.shop = {
      status: shopStatus,
      renewCode: () => void pairing.renew(),
      revoke: (clientId) => {
        if (!pairing.revoke(clientId)) return false
        for (const [id, { client }] of sessionClients) {
          if (client !== clientId) continue
          sessions.delete(id)
          sessionClients.delete(id)
        }
        endStreams(clientId)
        return true
      }
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    try {
      route(req, res)
    } catch (e) {
      failed(res, e)
    }
  }
  const server: Server = lan ? createTlsServer({ key: lan.tls.key, cert: lan.tls.cert }, listener) : createServer(listener)

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, lan?.listen ?? '127.0.0.1', () => ok())
  })
  port = (server.address() as AddressInfo).port
  const shown = lan ? (lan.names[0] ?? (lan.listen === '0.0.0.0' ? '127.0.0.1' : lan.listen)) : '127.0.0.1'
  return {
    server,
    token,
    port,
    ...(lan ? { fingerprint: lan.tls.fingerprint, pairing } : {}),
    url: `${scheme}://${shown.includes(':') ? `[${shown}]` : shown}:${port}/?token=${token}`,
    sessionCount: () => sessions.size,
    endSessions: () => {
      sessions.clear()
      sessionClients.clear()
      endStreams()
    },
    close: () => {
      // An open event stream would keep the server from closing.
      endStreams()
      return new Promise((ok) => server.close(() => ok()))
    }
  }
}
