import { describe, expect, it, onTestFinished } from 'vitest'
import type { ChangeEvent } from '@shared/api/changes'
import { userWith } from '../support/db'
import { startTestHost } from '../support/webHost'

async function start() {
  const { conn, port, token } = await startTestHost()
  userWith(conn, ['dispatcher'], 'mari')
  userWith(conn, ['dispatcher'], 'jaan')
  return { port, token }
}

/** One browser tab: its client id, and its session once signed in. */
function tab(port: number, token: string, client: string) {
  let session = ''
  const headers = () => ({ 'x-hooldus-token': token, 'x-hooldus-session': session, 'x-hooldus-client': client })
  return {
    async call(method: string, input: unknown = {}) {
      const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers() },
        body: JSON.stringify(input)
      })
      session = res.headers.get('x-hooldus-session') ?? session
      return (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } }
    },
    /** Opens the event stream; answers its status and the changes received so far. */
    async listen() {
      const stop = new AbortController()
      onTestFinished(() => stop.abort())
      const res = await fetch(`http://127.0.0.1:${port}/events`, { headers: headers(), signal: stop.signal })
      const received: ChangeEvent[] = []
      if (res.ok && res.body) {
        void (async () => {
          let buffer = ''
          try {
            for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) {
              buffer += chunk
              for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                const block = buffer.slice(0, end)
                buffer = buffer.slice(end + 2)
                if (block.startsWith('data: ')) received.push(JSON.parse(block.slice(6)) as ChangeEvent)
              }
            }
          } catch {
            // aborted at the end of the test
          }
        })()
      }
      return { status: res.status, received }
    }
  }
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
}

describe('live updates between clients of one host', () => {
  it("tells every other signed-in tab which domain changed and who changed it; not the author's tab, not for reads", async () => {
    const { port, token } = await start()
    const mari = tab(port, token, 'tab-of-mari-0001')
    const jaan = tab(port, token, 'tab-of-jaan-0001')
    expect((await mari.call('auth.signIn', { username: 'mari', password: 'password123' })).ok).toBe(true)
    expect((await jaan.call('auth.signIn', { username: 'jaan', password: 'password123' })).ok).toBe(true)
    const toJaan = await jaan.listen()
    const toMari = await mari.listen()
    expect([toJaan.status, toMari.status]).toEqual([200, 200])

    // Reading writes nothing: nobody hears of it.
    expect((await mari.call('customers.list', { sort: 'name' })).ok).toBe(true)
    const created = await mari.call('customers.create', {
      name: 'Kase Kodu OÜ',
      sites: [{ name: 'Kontor', street: 'Kase 4', city: 'Tartu' }]
    })
    expect(created.ok).toBe(true)
    await until(() => toJaan.received.length > 0)
    expect(toJaan.received).toEqual([
      { domain: 'customers', method: 'customers.create', userName: expect.any(String), at: expect.any(Number) }
    ])
    expect(toJaan.received[0]!.userName).toMatch(/mari/i)
    // A refused write changed nothing, so it is not announced either.
    expect((await mari.call('customers.create', { name: '' })).ok).toBe(false)
    await new Promise((r) => setTimeout(r, 100))
    expect(toJaan.received).toHaveLength(1)
    expect(toMari.received).toEqual([])
  })

  it('gives no feed without the token or a signed-in session', async () => {
    const { port, token } = await start()
    expect((await tab(port, 'wrong-token', 'tab-0000001').listen()).status).toBe(403)
    expect((await tab(port, token, 'tab-0000002').listen()).status).toBe(403)
    const signedOut = tab(port, token, 'tab-0000003')
    await signedOut.call('auth.signIn', { username: 'mari', password: 'password123' })
    await signedOut.call('auth.signOut')
    expect((await signedOut.listen()).status).toBe(403)
  })
})
