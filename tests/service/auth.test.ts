import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { numberSequences, settings, users } from '../../src/main/db/schema'
import { hashPassword, throttleWait, verifyPassword } from '../../src/main/services/auth/passwords'
import { DEFAULT_SEQUENCES } from '../../src/main/services/core/sequences'
import { call, callError, freshDb, userWith } from '../support/db'
import { rawCall, testClock } from '../support/seed'

const setupInput = { username: 'juhan', displayName: 'Juhan Liiv', password: 'pikk parool', companyName: 'Kütte ja Vee OÜ' }

describe('passwords', () => {
  it('hashes with scrypt and a per-user salt, and verifies only the right password', () => {
    const a = hashPassword('sama parool')
    const b = hashPassword('sama parool')
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
    expect(a.hash).toMatch(/^[0-9a-f]{128}$/)
    expect(verifyPassword('sama parool', a.hash, a.salt)).toBe(true)
    expect(verifyPassword('sama parool', a.hash, b.salt)).toBe(false)
    expect(verifyPassword('Sama parool', a.hash, a.salt)).toBe(false)
  })

  it('gives two users with the same password different stored hashes', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    const input = { displayName: 'X', roles: ['technician' as const], password: 'ühine parool' }
    const u1 = await call(admin, 'users.create', { ...input, username: 'mari' })
    const u2 = await call(admin, 'users.create', { ...input, username: 'jyri' })
    const stored = conn.db.select({ id: users.id, hash: users.passwordHash, salt: users.passwordSalt }).from(users).all()
    const h1 = stored.find((s) => s.id === u1.id)!
    const h2 = stored.find((s) => s.id === u2.id)!
    expect(h1.hash).not.toBe(h2.hash)
    expect(h1.salt).not.toBe(h2.salt)
    expect(h1.hash).not.toContain('ühine')
  })

  it('throttles after three failures, doubling up to five minutes', () => {
    expect(throttleWait(2, 1000, 1000)).toBe(0)
    expect(throttleWait(3, 1000, 1000)).toBe(2000)
    expect(throttleWait(3, 1000, 2500)).toBe(500)
    expect(throttleWait(3, 1000, 3000)).toBe(0)
    expect(throttleWait(4, 1000, 1000)).toBe(4000)
    expect(throttleWait(40, 0, 0)).toBe(5 * 60 * 1000)
  })
})

describe('auth.setup', () => {
  it('creates settings, number sequences and the administrator, and signs the session in', async () => {
    const { conn } = await freshDb()
    conn.sqlite.exec('delete from settings; delete from number_sequences')
    const session = { userId: null as number | null }
    expect(await rawCall(conn, session, 'auth.status', {})).toMatchObject({ ok: true, data: { needsSetup: true, user: null } })

    const r = await rawCall(conn, session, 'auth.setup', setupInput)
    expect(r.ok).toBe(true)
    const user = r.ok ? (r.data as { id: number; roles: string[] }) : null
    expect(user!.roles).toEqual(['administrator'])
    expect(session.userId).toBe(user!.id)

    const status = await rawCall(conn, session, 'auth.status', {})
    expect(status).toMatchObject({ ok: true, data: { needsSetup: false, companyName: 'Kütte ja Vee OÜ', user: { username: 'juhan' } } })
    expect(conn.db.select().from(settings).all()).toHaveLength(1)
    const codes = conn.db
      .select({ code: numberSequences.code })
      .from(numberSequences)
      .all()
      .map((s) => s.code)
    expect(codes.sort()).toEqual(DEFAULT_SEQUENCES.map((s) => s.code).sort())
    expect(codes).toEqual(expect.arrayContaining(['customer', 'serviceObject', 'worker']))
    // Signed in: an administrator-only method works on the same session.
    expect((await rawCall(conn, session, 'users.list', {})).ok).toBe(true)
  })

  it('runs only once: a second call is FORBIDDEN and creates no user', async () => {
    const { conn } = await freshDb() // freshDb already has a settings row, for "Test Service OÜ"
    await rawCall(conn, { userId: null }, 'auth.setup', setupInput)
    // The company name typed at set-up wins over the existing row.
    expect(await rawCall(conn, { userId: null }, 'auth.status', {})).toMatchObject({ data: { companyName: 'Kütte ja Vee OÜ' } })
    const second = { userId: null as number | null }
    const r = await rawCall(conn, second, 'auth.setup', { ...setupInput, username: 'kurjam' })
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN')
    expect(second.userId).toBeNull()
    expect(conn.db.select({ u: users.username }).from(users).all()).toEqual([{ u: 'juhan' }])
  })
})

describe('auth.signIn / signOut', () => {
  it('signs in with the right password and refuses a wrong one or an unknown name with one clear message', async () => {
    const { conn } = await freshDb()
    const u = userWith(conn, ['dispatcher'], 'mari')
    const session = { userId: null as number | null }
    const wrong = await rawCall(conn, session, 'auth.signIn', { username: 'mari', password: 'password124' })
    const unknown = await rawCall(conn, session, 'auth.signIn', { username: 'mati', password: 'password123' })
    for (const r of [wrong, unknown]) {
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('FORBIDDEN')
        expect(r.error.message).toBe('Wrong user name or password.')
        expect(r.error.issues?.[0]?.path).toEqual(['password'])
      }
    }
    expect(session.userId).toBeNull()
    const ok = await rawCall(conn, session, 'auth.signIn', { username: ' Mari ', password: 'password123' })
    expect(ok).toMatchObject({ ok: true, data: { id: u.user!.id, username: 'mari', roles: ['dispatcher'] } })
    expect(session.userId).toBe(u.user!.id)
    expect(conn.db.select({ at: users.lastSignInAt }).from(users).where(eq(users.id, u.user!.id)).get()!.at).not.toBeNull()
  })

  it('refuses a disabled account even with the right password', async () => {
    const { conn } = await freshDb()
    const u = userWith(conn, ['dispatcher'], 'mari')
    conn.db.update(users).set({ active: false }).where(eq(users.id, u.user!.id)).run()
    const session = { userId: null as number | null }
    const r = await rawCall(conn, session, 'auth.signIn', { username: 'mari', password: 'password123' })
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN')
    expect(session.userId).toBeNull()
  })

  it('throttles after repeated failures on the host clock and resets after a success', async () => {
    const { conn } = await freshDb()
    userWith(conn, ['dispatcher'], 'mari')
    const clock = testClock()
    const session = { userId: null as number | null }
    const signIn = (password: string) => rawCall(conn, session, 'auth.signIn', { username: 'mari', password }, { now: clock.now })
    const failed = () => conn.db.select({ n: users.failedAttempts }).from(users).where(eq(users.username, 'mari')).get()!.n

    for (let i = 0; i < 3; i++) expect((await signIn('vale')).ok).toBe(false)
    expect(failed()).toBe(3)

    // Now even the right password has to wait, and the wait is said in the message.
    const waiting = await signIn('password123')
    expect(waiting.ok).toBe(false)
    if (!waiting.ok) expect(waiting.error.message).toMatch(/Too many wrong passwords\. Try again in 2 s\./)
    expect(session.userId).toBeNull()
    expect(failed()).toBe(3) // a throttled attempt is not even checked

    clock.advance(1999)
    expect((await signIn('password123')).ok).toBe(false)
    clock.advance(1)
    expect((await signIn('password123')).ok).toBe(true)
    // After the success the count starts again.
    expect(failed()).toBe(0)
    expect(conn.db.select({ at: users.lastFailedAt }).from(users).where(eq(users.username, 'mari')).get()!.at).toBeNull()
  })

  it('signOut clears the session', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'], 'mari')
    expect((await call(ctx, 'settings.get', {})).companyName).toBe('Test Service OÜ')
    await call(ctx, 'auth.signOut', {})
    expect(ctx.session.userId).toBeNull()
    expect((await callError(ctx, 'settings.get', {})).code).toBe('FORBIDDEN')
    expect((await call(ctx, 'auth.status', {})).user).toBeNull()
  })
})
