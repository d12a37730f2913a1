import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ChangeEvent } from '@shared/api/changes'
import { tFor } from '@shared/i18n/i18n'
import { pairWithShop, RECONNECTED, ShopClient, shopAddress, type ShopPairing } from '../../src/main/electron/shopClient'
import { certificate, CODE, type FakeHost, fakeHost, json, KEY, type Pem, type Route, running, until } from './support/fakeShopHost'

/**
 * The client half of the shop server against small real HTTPS servers on 127.0.0.1 that speak the host's protocol
 * (pairing, token, session header, event stream, export download), each with its own throwaway certificate.
 */

const t = tFor('en')
async function paired(pem: Pem, routes: Record<string, Route> = {}): Promise<{ host: FakeHost; pairing: ShopPairing; client: ShopClient }> {
  const host = await fakeHost(pem, routes)
  const result = await pairWithShop({ address: `127.0.0.1:${host.port}`, code: CODE, machine: 'Desk 2' }, t)
  if (!result.ok) throw new Error(result.error.message)
  const client = new ShopClient(result.data, () => t)
  return { host, pairing: result.data, client }
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

  it('answers a wrong or expired code and a bad address each with its own message', async () => {
    const host = await fakeHost(first)
    const wrong = await pairWithShop({ address: `127.0.0.1:${host.port}`, code: '000000', machine: 'Desk 2' }, t)
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        key: 'errors.shop.badCode',
        message: 'The pairing code is wrong or has expired; ask the shop server for a new one'
      }
    })
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
