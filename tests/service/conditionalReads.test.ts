import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AnswerCache, type Conditional } from '../../src/main/api/conditional'
import { handlers } from '../../src/main/api/handlers'
import { type ApiHost, runMethod } from '../../src/main/api/pipeline'
import type { ServiceContext } from '../../src/main/services/core/context'
import { call, freshDb, userWith } from '../support/db'
import { startTestHost } from '../support/webHost'

/** A list read as the browser-mode host asks it: with the tag the client holds. */
async function read(host: ApiHost, ctx: ServiceContext, since?: string) {
  const conditional: Conditional = { since }
  const result = await runMethod(host, () => null, ctx.session, 'customers.list', { sort: 'name' }, { conditional })
  expect(result.ok).toBe(true)
  return { ...conditional, data: result.ok ? result.data : undefined }
}

/** The tag holds the clock's half-minute: a fixed clock keeps two reads in one, whenever the test runs. */
const NOW = Date.UTC(2026, 0, 12, 9, 0, 10)
const now = () => NOW

const aCustomer = (name: string) => ({ name, sites: [{ name: 'Kontor', street: 'Kase 4', city: 'Tartu' }] })

describe('conditional reads of lists', () => {
  afterEach(() => vi.restoreAllMocks())

  it('answers "unchanged" without running the list while nothing was written; a write makes the next poll run it', async () => {
    const { conn } = await freshDb()
    const mari = userWith(conn, ['dispatcher'], 'mari')
    const host: ApiHost = { conn, now, answers: new AnswerCache() }
    const list = vi.spyOn(handlers, 'customers.list')
    await call(mari, 'customers.create', aCustomer('Kase Kodu OÜ'))

    const first = await read(host, mari)
    expect(first.tag).toMatch(/^[\w-]{27}$/)
    expect(list).toHaveBeenCalledTimes(1)
    const again = await read(host, mari, first.tag)
    expect(again).toMatchObject({ unchanged: true, tag: first.tag, data: null })
    expect(list).toHaveBeenCalledTimes(1)

    await call(mari, 'customers.create', aCustomer('Vahtra AS'))
    const after = await read(host, mari, first.tag)
    expect(after.unchanged).toBeUndefined()
    expect(after.tag).not.toBe(first.tag)
    expect((after.data as { total: number }).total).toBe(2)
    expect(list).toHaveBeenCalledTimes(2)
  })

  it("answers a second tab of the same user from memory, but never one user another user's view", async () => {
    const { conn } = await freshDb()
    const mari = userWith(conn, ['dispatcher'], 'mari')
    const jaan = userWith(conn, ['dispatcher'], 'jaan')
    const host: ApiHost = { conn, now, answers: new AnswerCache() }
    const list = vi.spyOn(handlers, 'customers.list')
    await call(mari, 'customers.create', aCustomer('Kase Kodu OÜ'))

    const mine = await read(host, mari)
    const otherTab = await read(host, mari)
    expect(otherTab).toEqual(mine)
    expect(list).toHaveBeenCalledTimes(1)

    // Jaan holding Mari's tag (or asking anew) gets his own answer, read for him.
    const his = await read(host, jaan, mine.tag)
    expect(his.unchanged).toBeUndefined()
    expect(his.tag).not.toBe(mine.tag)
    expect(list).toHaveBeenCalledTimes(2)
    expect(his.data).toEqual(mine.data)
  })

  it('is offered for lists only: a record read always runs', async () => {
    const { conn } = await freshDb()
    const mari = userWith(conn, ['dispatcher'], 'mari')
    const created = await call(mari, 'customers.create', aCustomer('Kase Kodu OÜ'))
    const conditional: Conditional = {}
    const result = await runMethod(
      { conn, answers: new AnswerCache() },
      () => null,
      mari.session,
      'customers.get',
      { id: created.id },
      { conditional }
    )
    expect(result.ok).toBe(true)
    expect(conditional.tag).toBeUndefined()
  })

  it('over HTTP: the tag in x-hooldus-version, 304 while unchanged, 200 with the new list after a write', async () => {
    const { conn, port, token } = await startTestHost({ now })
    userWith(conn, ['dispatcher'], 'mari')
    let session = ''
    const post = async (method: string, input: unknown, since?: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hooldus-token': token,
          'x-hooldus-session': session,
          'x-hooldus-client': 'tab-of-mari-0001',
          ...(since ? { 'x-hooldus-if-version': since } : {})
        },
        body: JSON.stringify(input)
      })
      session = res.headers.get('x-hooldus-session') ?? session
      return { status: res.status, tag: res.headers.get('x-hooldus-version'), body: res.status === 304 ? null : await res.json() }
    }
    expect((await post('auth.signIn', { username: 'mari', password: 'password123' })).status).toBe(200)
    const first = await post('customers.list', { sort: 'name' })
    expect(first.status).toBe(200)
    expect(first.body.data.total).toBe(0)
    expect(first.tag).toBeTruthy()
    expect(await post('customers.list', { sort: 'name' }, first.tag!)).toEqual({ status: 304, tag: first.tag, body: null })
    // Another question (a filter) is not the held answer.
    expect((await post('customers.list', { sort: 'name', q: 'kase' }, first.tag!)).status).toBe(200)

    expect((await post('customers.create', aCustomer('Kase Kodu OÜ'))).body.ok).toBe(true)
    const after = await post('customers.list', { sort: 'name' }, first.tag!)
    expect(after.status).toBe(200)
    expect(after.body.data.total).toBe(1)
    expect(after.tag).not.toBe(first.tag)
  })
  it('the browser shim sends the tag it holds and gives the same answer again on 304; a change is read anew', async () => {
    const { conn, port, token } = await startTestHost({ now })
    userWith(conn, ['dispatcher'], 'mari')
    const origin = `http://127.0.0.1:${port}`
    const statuses: number[] = []
    const store = new Map<string, string>()
    const window: { api?: { call: (m: string, i?: unknown) => Promise<{ ok: boolean; data?: unknown }> } } = {}
    // The real script the page loads, in a page of its own: its fetch goes to the host, as the browser's would.
    runInNewContext(await (await fetch(`${origin}/__api.js`, { headers: { 'x-hooldus-token': token } })).text(), {
      window,
      location: { search: `?token=${token}`, pathname: '/', hash: '' },
      history: { replaceState: () => undefined },
      sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v) },
      crypto: { randomUUID: () => 'tab-of-mari-0001' },
      URLSearchParams,
      fetch: async (path: string, init: RequestInit) => {
        const res = await fetch(origin + path, { ...init, headers: { ...(init.headers as Record<string, string>), origin } })
        if (path.startsWith('/api/customers.list')) statuses.push(res.status)
        return res
      }
    })
    const api = window.api!
    expect((await api.call('auth.signIn', { username: 'mari', password: 'password123' })).ok).toBe(true)
    const first = await api.call('customers.list', { sort: 'name' })
    const again = await api.call('customers.list', { sort: 'name' })
    expect(again).toBe(first)
    expect(statuses).toEqual([200, 304])

    expect((await api.call('customers.create', aCustomer('Kase Kodu OÜ'))).ok).toBe(true)
    const after = await api.call('customers.list', { sort: 'name' })
    expect(statuses).toEqual([200, 304, 200])
    expect(after).not.toBe(first)
    expect((after.data as { total: number }).total).toBe(1)
  })
})
