import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dialog } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import { IPC_CALL, IPC_SERVE_SET, IPC_SERVE_STATUS, type ServeStatus } from '@shared/api/bridge'
import type { ChangeEvent } from '@shared/api/changes'
import type { ApiResult } from '@shared/api/result'
import { tFor } from '@shared/i18n/i18n'
import type { ApiHost } from '../../src/main/api/pipeline'
import { registerIpc } from '../../src/main/electron/ipc'
import { pairWithShop, type RemoteSession, ShopClient } from '../../src/main/electron/shopClient'
import { ShopServe } from '../../src/main/electron/shopServe'
import { freshDb, userWith } from '../support/db'
import { FakeIpcMain, FakeSender, RENDERER_DIR } from './fakes'

/** The desktop app serving its own database to the shop's network: the real LAN host, over HTTPS on 127.0.0.1. */

// userWith's cheap password hash keeps sign-ins fast; real hashing is tested on its own.
const admin = { username: 'admin', password: 'password123' }
const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

async function setUp() {
  const { conn, file, dir } = await freshDb()
  const host: ApiHost = { conn, log: () => undefined }
  const choice = join(mkdtempSync(join(tmpdir(), 'hooldus-serve-')), 'shop-serve.json')
  const serve = new ShopServe({ file: choice, dbFile: file, host, rendererDir: dir })
  cleanups.push(() => serve.stop())
  const ipc = new FakeIpcMain()
  registerIpc(ipc.asIpcMain(), {
    host,
    dialog: {} as Pick<Dialog, 'showSaveDialog'>,
    pages: { rendererDir: RENDERER_DIR },
    printPdfFile: () => Promise.resolve({ printed: true, failure: '' }),
    serve
  })
  const invoke = async <R = unknown>(sender: FakeSender, channel: string, ...args: unknown[]) =>
    (await ipc.invoke(channel, sender, ...args)) as ApiResult<R>
  userWith(conn, ['administrator'], admin.username)
  const win = new FakeSender()
  expect(await invoke(win, IPC_CALL, 'auth.signIn', admin)).toMatchObject({ ok: true })
  return { conn, file, dir, host, choice, serve, invoke, win }
}

/** Pairs like a workstation does (the certificate pinned) and signs in as the administrator. */
async function pairedClient(status: ServeStatus) {
  const paired = await pairWithShop({ address: status.url!, code: status.pairing!.code, machine: 'Desk 2' }, tFor('en'))
  if (!paired.ok) throw new Error(paired.error.message)
  expect(paired.data.fingerprint).toBe(status.fingerprint)
  const client = new ShopClient(paired.data, () => tFor('en'))
  const who: RemoteSession = { session: '', client: 'desk-2-window' }
  expect(await client.call('auth.signIn', admin, who)).toMatchObject({ ok: true })
  return { client, who }
}

function until(check: () => boolean): Promise<void> {
  return new Promise((ok) => {
    const poll = () => (check() ? ok() : setImmediate(poll))
    poll()
  })
}

describe('Serving this database to the shop network (Electron main)', () => {
  it('serves the same database the windows use: writes go both ways and IPC writes reach the LAN feed', async () => {
    const { invoke, win, choice, host } = await setUp()
    const off = await invoke<ServeStatus>(win, IPC_SERVE_STATUS)
    expect(off).toEqual({
      ok: true,
      data: { enabled: false, listen: '0.0.0.0:5179', names: [], running: false, url: null, fingerprint: null, pairing: null, error: null }
    })

    const on = await invoke<ServeStatus>(win, IPC_SERVE_SET, { enabled: true, listen: '127.0.0.1:0', names: [' werkstatt.lan ', ''] })
    if (!on.ok) throw new Error(on.error.message)
    const status = on.data
    expect(status).toMatchObject({ enabled: true, running: true, names: ['werkstatt.lan'], error: null })
    expect(status.url).toMatch(/^https:\/\/werkstatt\.lan:\d+$/)
    expect(status.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(status.pairing).toMatchObject({ code: expect.stringMatching(/^\d{6}$/), state: 'valid' })
    expect(JSON.parse(readFileSync(choice, 'utf8'))).toEqual({ enabled: true, listen: '127.0.0.1:0', names: ['werkstatt.lan'] })
    // The windows' Operations tab reads the same pairing through `shop.status`.
    expect(await invoke(win, IPC_CALL, 'shop.status', {})).toMatchObject({
      ok: true,
      data: { serving: true, fingerprint: status.fingerprint }
    })

    const port = new URL(status.url!).port
    const { client, who } = await pairedClient({ ...status, url: `https://127.0.0.1:${port}` })
    expect(await client.call('customers.create', { name: 'Tallinna Vesi AS' }, who)).toMatchObject({ ok: true })
    expect(await invoke(win, IPC_CALL, 'customers.list', {})).toMatchObject({ ok: true, data: { rows: [{ name: 'Tallinna Vesi AS' }] } })

    const heard: ChangeEvent[] = []
    const stopWatching = client.watch(who, (c) => heard.push(c))
    cleanups.push(stopWatching)
    await until(() => (host.changes?.size ?? 0) > 0)
    expect(await invoke(win, IPC_CALL, 'customers.create', { name: 'Õunapuu OÜ' })).toMatchObject({ ok: true })
    await until(() => heard.length > 0)
    expect(heard[0]).toMatchObject({ domain: 'customers', userName: 'admin' })
    expect(await client.call('customers.list', {}, who)).toMatchObject({ ok: true, data: { total: 2 } })
    stopWatching()
  })

  it('refuses a listen address that does not parse, naming the field, and keeps the stored choice', async () => {
    const { invoke, win, choice, serve } = await setUp()
    const bad = await invoke(win, IPC_SERVE_SET, { enabled: true, listen: 'shop-pc', names: [] })
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        key: 'errors.serve.badListen',
        issues: [{ path: ['listen'] }],
        message: expect.stringContaining('Listen address')
      }
    })
    const badName = await invoke(win, IPC_SERVE_SET, { enabled: true, listen: '127.0.0.1:0', names: ['ok.lan', 'two words'] })
    expect(badName).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: ['names', 1] }] } })
    expect(existsSync(choice)).toBe(false)
    expect(serve.status()).toMatchObject({ enabled: false, running: false })
  })

  it('reports a port already in use in the status, keeps running and does not keep that choice', async () => {
    const { invoke, win, choice } = await setUp()
    const taken: Server = createServer()
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok))
    cleanups.push(() => new Promise((ok) => taken.close(ok)))
    const listen = `127.0.0.1:${(taken.address() as { port: number }).port}`
    const result = await invoke<ServeStatus>(win, IPC_SERVE_SET, { enabled: true, listen, names: [] })
    expect(result).toMatchObject({ ok: true, data: { enabled: true, running: false, url: null } })
    // In the company's language: the status is the app's, not one user's.
    expect(result.ok && result.data.error).toContain(`${listen} is already in use`)
    expect(existsSync(choice)).toBe(false)
    expect(await invoke(win, IPC_CALL, 'shop.status', {})).toMatchObject({ ok: true, data: { serving: false } })
  })

  it('turning it off or quitting closes the port; a later start resumes serving from the stored choice', async () => {
    const { invoke, win, file, host, choice, dir, serve } = await setUp()
    const on = await invoke<ServeStatus>(win, IPC_SERVE_SET, { enabled: true, listen: '127.0.0.1:0', names: [] })
    if (!on.ok) throw new Error(on.error.message)
    const off = await invoke<ServeStatus>(win, IPC_SERVE_SET, { enabled: false, listen: '127.0.0.1:0', names: [] })
    expect(off).toMatchObject({ ok: true, data: { enabled: false, running: false, url: null } })
    expect(await canConnect(Number(new URL(on.data.url!).port))).toBe(false)
    expect(JSON.parse(readFileSync(choice, 'utf8'))).toMatchObject({ enabled: false })
    expect(await invoke(win, IPC_CALL, 'shop.status', {})).toMatchObject({ ok: true, data: { serving: false } })

    // Quitting (stop) frees the port but keeps the choice: the next start serves again, with the same certificate.
    const again = await invoke<ServeStatus>(win, IPC_SERVE_SET, { enabled: true, listen: '127.0.0.1:0', names: [] })
    if (!again.ok) throw new Error(again.error.message)
    await serve.stop()
    expect(await canConnect(Number(new URL(again.data.url!).port))).toBe(false)
    const next = new ShopServe({ file: choice, dbFile: file, host: { conn: host.conn }, rendererDir: dir })
    cleanups.push(() => next.stop())
    expect(next.status()).toMatchObject({ enabled: true, running: false })
    const resumed = await next.resume()
    expect(resumed).toMatchObject({ enabled: true, running: true, fingerprint: on.data.fingerprint, error: null })
    expect(await canConnect(Number(new URL(resumed.url!).port))).toBe(true)
  })

  it('answers the serve channels only to the app’s own top frame and to a signed-in administrator or service manager', async () => {
    const { invoke, win, conn, choice } = await setUp()
    const input = { enabled: true, listen: '127.0.0.1:0', names: [] }
    const foreign = new FakeSender({ url: 'https://evil.example/' })
    const frame = new FakeSender({ url: new FakeSender().frame!.url, subFrame: true })
    for (const sender of [foreign, frame]) {
      expect(await invoke(sender, IPC_SERVE_STATUS)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', key: 'errors.host.foreignFrame' }
      })
      expect(await invoke(sender, IPC_SERVE_SET, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const nobody = new FakeSender()
    expect(await invoke(nobody, IPC_SERVE_SET, input)).toMatchObject({ ok: false, error: { key: 'errors.signInFirst' } })
    userWith(conn, ['dispatcher'], 'mari')
    const dispatcher = new FakeSender()
    expect(await invoke(dispatcher, IPC_CALL, 'auth.signIn', { username: 'mari', password: 'password123' })).toMatchObject({ ok: true })
    expect(await invoke(dispatcher, IPC_SERVE_SET, input)).toMatchObject({ ok: false, error: { key: 'errors.roleNotAllowed' } })
    userWith(conn, ['serviceManager'], 'tiit')
    const manager = new FakeSender()
    expect(await invoke(manager, IPC_CALL, 'auth.signIn', { username: 'tiit', password: 'password123' })).toMatchObject({ ok: true })
    expect(await invoke(manager, IPC_SERVE_STATUS)).toMatchObject({ ok: true, data: { running: false } })
    expect(existsSync(choice)).toBe(false)
    expect(await invoke(win, IPC_SERVE_STATUS)).toMatchObject({ ok: true })
  })
})

function canConnect(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = createConnection(port)
    socket.once('connect', () => {
      socket.destroy()
      ok(true)
    })
    socket.once('error', () => ok(false))
  })
}
