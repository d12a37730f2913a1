import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { ServeInput, ServeStatus } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/result'
import { ChangeFeed } from '../api/changeFeed'
import { type ApiHost, hostError } from '../api/pipeline'
import { lanOptions, parseListen } from '../http/start'
import { startWebHost, type WebHost, type WebHostOptions } from '../http/server'

export const DEFAULT_SERVE: ServeInput = { enabled: false, listen: '0.0.0.0:5179', names: [] }

export interface ShopServeOptions {
  /** Where the choice is kept (the app's user-data folder). */
  file: string
  /** The database file: the host's certificate is kept next to it, as `npm run serve` does. */
  dbFile: string
  /** The Electron main's host: the object the IPC pipeline reads, shared with the web host (see `webOptions`). */
  host: ApiHost
  rendererDir: string
}

/**
 * The desktop app serving its own database to the shop's network (issue 21, docs/adr/0033-shop-server.md): the
 * same HTTPS host as `npm run serve`, started in the Electron main process over the very database the windows use.
 * No Electron import: the app passes in what it needs.
 */
export class ShopServe {
  private choice: ServeInput
  private web: WebHost | null = null
  private error: string | null = null
  /** One change at a time: a second switch while the host is still starting waits for it. */
  private busy: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: ShopServeOptions) {
    this.choice = this.read()
    const host = options.host
    // The IPC pipeline publishes here; the web host's streams read the same feed, so a desktop write reaches LAN clients.
    host.changes ??= new ChangeFeed()
    const open = host.open
    // A restore through either host swaps the database for both; the LAN clients sign in again, as on `npm run serve`.
    if (open)
      host.open = async (f) => {
        const conn = await open(f)
        this.web?.endSessions()
        return conn
      }
  }

  status(): ServeStatus {
    const shop = this.web ? this.options.host.shop?.status() : undefined
    const web = this.web
    let url: string | null = null
    if (web && shop) {
      const { address } = parseListen(this.choice.listen)
      const local = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '[::1]' : address.includes(':') ? `[${address}]` : address
      url = shop.addresses[0] ?? `https://${local}:${web.port}`
    }
    return {
      ...this.choice,
      running: web !== null,
      url,
      fingerprint: shop?.fingerprint ?? null,
      pairing: shop?.pairing ?? null,
      error: this.error
    }
  }

  /** Checks and applies a new choice; a choice that does not parse changes nothing, one that fails to listen is not kept. */
  set(input: ServeInput): Promise<ApiResult<ServeStatus>> {
    return this.serialized(async () => {
      const listen = input.listen.trim()
      try {
        parseListen(listen)
      } catch {
        return { ok: false, error: this.invalid(['listen'], 'errors.serve.badListen', { value: listen }) }
      }
      const names = [...new Set(input.names.map((n) => n.trim()).filter(Boolean))]
      const bad = names.findIndex((n) => !/^[A-Za-z0-9.:-]{1,253}$/.test(n))
      if (bad >= 0) return { ok: false, error: this.invalid(['names', bad], 'errors.serve.badName', { value: names[bad]! }) }
      const next: ServeInput = { enabled: input.enabled, listen, names }
      await this.close()
      this.choice = next
      this.error = null
      if (next.enabled) await this.listen()
      // A host that could not listen leaves the stored choice as it was: the next start does not fail the same way.
      if (!next.enabled || this.web) this.write(next)
      return { ok: true, data: this.status() }
    })
  }

  /** At app start: serves again when the stored choice says so. A port taken meanwhile is an error in the status. */
  resume(): Promise<ServeStatus> {
    return this.serialized(async () => {
      if (this.choice.enabled && !this.web) await this.listen()
      return this.status()
    })
  }

  /** At quit (and before a new choice): ends the LAN clients' streams and frees the port. */
  stop(): Promise<void> {
    return this.serialized(() => this.close())
  }

  private serialized<R>(job: () => Promise<R>): Promise<R> {
    const run = this.busy.then(job, job)
    this.busy = run.catch(() => undefined)
    return run
  }

  private async close(): Promise<void> {
    const web = this.web
    this.web = null
    this.options.host.shop = undefined
    if (web) await web.close()
  }

  private async listen(): Promise<void> {
    try {
      const { address, port } = parseListen(this.choice.listen)
      const lan = await lanOptions(this.options.dbFile, address, this.choice.names)
      this.web = await startWebHost(this.webOptions(port, lan))
      this.error = null
    } catch (e) {
      this.options.host.shop = undefined
      const code = (e as NodeJS.ErrnoException).code
      this.options.host.log?.(`Serving the shop's network on ${this.choice.listen} failed`, e)
      this.error =
        code === 'EADDRINUSE'
          ? hostError(this.options.host, 'CONFLICT', 'errors.serve.portInUse', { listen: this.choice.listen }).message
          : hostError(this.options.host, 'INTERNAL', 'errors.serve.failed', { listen: this.choice.listen, reason: (e as Error).message })
              .message
    }
  }

  /**
   * The web host's options over the main host's fields: a restore through either swaps `conn` for both, both
   * publish to one change feed, and the pairing the web host installs (`shop`) is what `shop.status` answers in the
   * desktop windows' Operations tab.
   */
  private webOptions(port: number, lan: WebHostOptions['lan']): WebHostOptions {
    const host = this.options.host
    return {
      get conn() {
        return host.conn
      },
      set conn(c) {
        host.conn = c
      },
      get recovery() {
        return host.recovery
      },
      set recovery(r) {
        host.recovery = r
      },
      get open() {
        return host.open
      },
      get changes() {
        return host.changes
      },
      set changes(c) {
        host.changes = c
      },
      get shop() {
        return host.shop
      },
      set shop(s) {
        host.shop = s
      },
      ...(host.now ? { now: host.now } : {}),
      ...(host.log ? { log: host.log } : {}),
      rendererDir: this.options.rendererDir,
      port,
      ...(lan ? { lan } : {})
    }
  }

  private invalid(path: (string | number)[], key: 'errors.serve.badListen' | 'errors.serve.badName', params: { value: string }) {
    const error = hostError(this.options.host, 'VALIDATION', key, params)
    return { ...error, issues: [{ path, code: key, params, message: error.message }] }
  }

  private read(): ServeInput {
    if (!existsSync(this.options.file)) return { ...DEFAULT_SERVE }
    try {
      const s = JSON.parse(readFileSync(this.options.file, 'utf8')) as Partial<ServeInput>
      return {
        enabled: s.enabled === true,
        listen: typeof s.listen === 'string' ? s.listen : DEFAULT_SERVE.listen,
        names: Array.isArray(s.names) ? s.names.filter((n): n is string => typeof n === 'string') : []
      }
    } catch {
      // A file that cannot be read is no choice: the app does not serve until someone turns it on again.
      return { ...DEFAULT_SERVE }
    }
  }

  private write(choice: ServeInput): void {
    const partial = `${this.options.file}.part`
    writeFileSync(partial, JSON.stringify(choice, null, 2))
    renameSync(partial, this.options.file)
  }
}
