import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dialog } from 'electron'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  IPC_CALL,
  IPC_CHANGE,
  IPC_EXPORT,
  IPC_SHOP_CONNECT,
  IPC_SHOP_LOCAL,
  IPC_SHOP_STATUS,
  IPC_UNWATCH,
  IPC_WATCH
} from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/result'
import { tFor } from '@shared/i18n/i18n'
import { registerIpc } from '../../src/main/electron/ipc'
import { type KeyProtector, ShopLink } from '../../src/main/electron/shopLink'
import { freshDb } from '../support/db'
import { FakeIpcMain, FakeSender, RENDERER_DIR } from './fakes'
import { certificate, CODE, fakeHost, json, KEY, type Pem, until } from './support/fakeShopHost'

/** The desktop app's window as a client of a shop server: the same channels, forwarded over the pinned connection. */

/** A keychain stand-in that visibly changes the key (reversed, base64 of it stored). */
const keychain: KeyProtector = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from([...plain].reverse().join('')),
  decryptString: (sealed) => [...sealed.toString()].reverse().join('')
}

/** A window that records what main sends it. */
class Window extends FakeSender {
  readonly received: unknown[] = []
  send(channel: string, payload: unknown) {
    if (channel === IPC_CHANGE) this.received.push(payload)
  }
  isDestroyed() {
    return false
  }
}

async function setUp(savePath = '') {
  const { conn } = await freshDb()
  const file = join(mkdtempSync(join(tmpdir(), 'hooldus-shop-link-')), 'shop-server.json')
  const shop = new ShopLink(file, keychain, () => tFor('en'))
  const ipc = new FakeIpcMain()
  registerIpc(ipc.asIpcMain(), {
    host: { conn },
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: !savePath, filePath: savePath }) } as unknown as Pick<
      Dialog,
      'showSaveDialog'
    >,
    pages: { rendererDir: RENDERER_DIR },
    printPdfFile: () => Promise.resolve({ printed: true, failure: '' }),
    shop
  })
  const invoke = async (sender: FakeSender, channel: string, ...args: unknown[]) =>
    (await ipc.invoke(channel, sender, ...args)) as ApiResult<unknown>
  return { file, shop, invoke }
}

describe('Electron window on a shop server', () => {
  let pem: Pem
  beforeAll(async () => {
    pem = await certificate()
  })

  it('connects with a pairing code, then forwards calls and the change feed; the own database is one choice away', async () => {
    const host = await fakeHost(pem)
    const { file, invoke } = await setUp()
    const win = new Window()

    expect(await invoke(win, IPC_SHOP_STATUS)).toEqual({
      ok: true,
      data: { mode: 'local', address: null, fingerprint: null, machine: null }
    })
    // On its own database the app answers from the local file: a fresh one asks for setup.
    expect(await invoke(win, IPC_CALL, 'auth.status', {})).toMatchObject({ ok: true, data: { needsSetup: true } })

    const wrong = await invoke(win, IPC_SHOP_CONNECT, { address: `127.0.0.1:${host.port}`, code: '111111', machine: 'Desk 2' })
    expect(wrong).toMatchObject({ ok: false, error: { key: 'errors.shop.badCode' } })
    const unnamed = await invoke(win, IPC_SHOP_CONNECT, { address: `127.0.0.1:${host.port}`, code: CODE, machine: ' ' })
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'errors.shop.noMachine' } })
    expect(host.seen).toEqual(['POST /pair'])

    const address = `https://127.0.0.1:${host.port}`
    const status = { mode: 'shop', address, fingerprint: pem.fingerprint, machine: 'Desk 2' }
    expect(await invoke(win, IPC_SHOP_CONNECT, { address: `127.0.0.1:${host.port}`, code: CODE, machine: 'Desk 2' })).toEqual({
      ok: true,
      data: status
    })
    // The key is kept sealed by the keychain, never as issued.
    const stored = readFileSync(file, 'utf8')
    expect(stored).not.toContain(KEY)
    expect(JSON.parse(stored)).toMatchObject({ address, fingerprint: pem.fingerprint, machine: 'Desk 2', protected: true })

    expect(await invoke(win, IPC_CALL, 'customers.list', { q: 'a' })).toMatchObject({
      ok: true,
      data: { path: '/api/customers.list', input: { q: 'a' } }
    })
    const foreign = new FakeSender({ url: 'https://evil.example/' })
    expect(await invoke(foreign, IPC_CALL, 'customers.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(host.seen.filter((s) => s === 'POST /api/customers.list')).toHaveLength(1)

    await invoke(win, IPC_WATCH)
    await until([host], () => host.streams === 1)
    host.publish({ domain: 'dispatch' })
    await until(win.received, (r) => r.length === 1)
    expect(win.received[0]).toMatchObject({ domain: 'dispatch', userName: 'Mari' })
    await invoke(win, IPC_UNWATCH)
    await until([host], () => host.streams === 0)

    // A later start reads the same pairing back, the key unsealed.
    const again = new ShopLink(file, keychain, () => tFor('en'))
    expect(again.status()).toEqual(status)
    expect(again.remote?.pairing.key).toBe(KEY)

    expect(await invoke(win, IPC_SHOP_LOCAL)).toEqual({
      ok: true,
      data: { mode: 'local', address: null, fingerprint: null, machine: null }
    })
    expect(await invoke(win, IPC_CALL, 'auth.status', {})).toMatchObject({ ok: true, data: { needsSetup: true } })
    expect(new ShopLink(file, keychain, () => tFor('en')).status().mode).toBe('local')
  })

  it('exports from the server: its ticket checks the list, the file is chosen, a fresh ticket downloads it into place', async () => {
    let issued = 0
    const host = await fakeHost(pem, {
      '/api/exports.ticket': (_req, res, body) => {
        const { list } = JSON.parse(body) as { list: string }
        if (list !== 'customers.list') return json(res, 200, { ok: false, error: { code: 'VALIDATION', message: 'Not exportable.' } })
        json(res, 200, { ok: true, data: { ticket: `t${++issued}`, expiresAt: 0 } })
      },
      '/export/customers.list': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' })
        res.end(`Code;Name\nC-1;${new URL(req.url!, 'https://x').searchParams.get('ticket')}\n`)
      }
    })
    const target = join(mkdtempSync(join(tmpdir(), 'hooldus-shop-csv-')), 'customers.csv')
    const { invoke } = await setUp(target)
    const win = new Window()
    await invoke(win, IPC_SHOP_CONNECT, { address: `127.0.0.1:${host.port}`, code: CODE, machine: 'Desk 2' })
    expect(await invoke(win, IPC_EXPORT, 'orders.secret', {}, 'x.csv')).toMatchObject({ ok: false, error: { message: 'Not exportable.' } })
    expect(await invoke(win, IPC_EXPORT, 'customers.list', { q: 'a' }, 'customers.csv')).toEqual({
      ok: true,
      data: { rows: null, path: target, cancelled: false }
    })
    expect(readFileSync(target, 'utf8')).toBe('Code;Name\nC-1;t2\n')
  })

  it('starts on its own database when the pairing file cannot be read or its key no longer opens', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hooldus-shop-link-')), 'shop-server.json')
    writeFileSync(file, '{ not json')
    expect(new ShopLink(file, keychain, () => tFor('en')).status().mode).toBe('local')
    const stored = {
      address: 'https://127.0.0.1:5179',
      fingerprint: pem.fingerprint,
      clientId: 'c-1',
      machine: 'Desk 2',
      key: 'c2VhbGVk',
      protected: true
    }
    writeFileSync(file, JSON.stringify(stored))
    const lockedKeychain = {
      ...keychain,
      decryptString: () => {
        throw new Error('keychain locked')
      }
    }
    expect(new ShopLink(file, lockedKeychain, () => tFor('en')).remote).toBeNull()
    writeFileSync(file, JSON.stringify({ ...stored, key: KEY, protected: false }))
    expect(new ShopLink(file, null, () => tFor('en')).remote?.pairing.key).toBe(KEY)
  })
})
