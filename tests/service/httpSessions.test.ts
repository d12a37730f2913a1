import { describe, expect, it } from 'vitest'
import { userWith } from '../support/db'
import { startTestHost } from '../support/webHost'

async function start() {
  const { conn, host, port, token } = await startTestHost()
  userWith(conn, ['dispatcher'], 'mari')
  return { conn, host, port, token }
}

async function post(port: number, method: string, opts: { token: string; session?: string; body?: string }) {
  const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hooldus-token': opts.token,
      ...(opts.session ? { 'x-hooldus-session': opts.session } : {})
    },
    body: opts.body ?? '{}'
  })
  const text = await res.text()
  return {
    status: res.status,
    issued: res.headers.get('x-hooldus-session'),
    json: JSON.parse(text) as { ok: boolean; data?: unknown; error?: { code: string } }
  }
}

const signIn = (port: number, token: string, session?: string) =>
  post(port, 'auth.signIn', { token, ...(session ? { session } : {}), body: JSON.stringify({ username: 'mari', password: 'password123' }) })

describe('browser-mode host sessions', () => {
  it('issues a random session id at sign-in; an id the client made up is never signed in (no fixation)', async () => {
    const { port, token } = await start()
    const invented = 'attacker-chosen-session-id-0001'
    const signedIn = await signIn(port, token, invented)
    expect(signedIn.json.ok).toBe(true)
    expect(signedIn.issued).toMatch(/^[A-Za-z0-9_-]{22,}$/)
    expect(signedIn.issued).not.toBe(invented)
    // 128 bits at least: 22 base64url characters.
    expect(Buffer.from(signedIn.issued!, 'base64url').length).toBeGreaterThanOrEqual(16)
    expect((await post(port, 'customers.list', { token, session: invented })).json.error?.code).toBe('FORBIDDEN')
    expect((await post(port, 'customers.list', { token, session: signedIn.issued! })).json.ok).toBe(true)
  })

  it('rotates the id on every sign-in: the previous id is signed out', async () => {
    const { port, token } = await start()
    const first = (await signIn(port, token)).issued!
    const second = (await signIn(port, token, first)).issued!
    expect(second).not.toBe(first)
    expect((await post(port, 'customers.list', { token, session: first })).json.error?.code).toBe('FORBIDDEN')
    expect((await post(port, 'customers.list', { token, session: second })).json.ok).toBe(true)
  })

  it('ends the session at sign-out', async () => {
    const { host, port, token } = await start()
    const id = (await signIn(port, token)).issued!
    expect(host.sessionCount()).toBe(1)
    expect((await post(port, 'auth.signOut', { token, session: id })).json.ok).toBe(true)
    expect(host.sessionCount()).toBe(0)
    expect((await post(port, 'customers.list', { token, session: id })).json.error?.code).toBe('FORBIDDEN')
  })

  it('creates no session for 4,000 requests with a wrong token, nor for unknown session ids', async () => {
    const { host, port, token } = await start()
    const wrong = token.slice(0, -1) + (token.endsWith('x') ? 'y' : 'x')
    for (let batch = 0; batch < 40; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          post(port, 'auth.status', { token: wrong, session: `wrong-token-session-${batch}-${i}-padding` })
        )
      )
      expect(replies.every((r) => r.status === 403)).toBe(true)
    }
    expect(host.sessionCount()).toBe(0)
    await post(port, 'auth.status', { token, session: 'unknown-session-id-000000001' })
    expect(host.sessionCount()).toBe(0)
  }, 60_000)

  it('checks the token before reading the body, and answers 413 to a body over the limit', async () => {
    const { port, token } = await start()
    const big = JSON.stringify({ q: 'x'.repeat(6 * 1024 * 1024) })
    const refused = await post(port, 'customers.list', { token: 'wrong', body: big })
    expect(refused.status).toBe(403)
    const tooLarge = await post(port, 'customers.list', { token, body: big })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.json.error?.code).toBe('VALIDATION')
    expect((await post(port, 'auth.status', { token })).status).toBe(200)
  })
})
