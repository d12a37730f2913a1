import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { settings, users } from '../../src/main/db/schema'
import type { Connection } from '../../src/main/db/connection'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { call, callError, freshDb, userWith } from '../support/db'
import { rawCall } from '../support/seed'

/** A user of the given roles whose language is Estonian (the test world is English otherwise). */
function estonian(conn: Connection, roles: Parameters<typeof userWith>[1], username: string): ServiceContext {
  const ctx = userWith(conn, roles, username)
  conn.db.update(users).set({ language: 'et' }).where(eq(users.id, ctx.user!.id)).run()
  return createContext(conn, loadSessionUser(conn.db, ctx.user!.id))
}

describe('API errors in the caller’s language', () => {
  it('answers an Estonian user NOT_FOUND in Estonian, with the key and the record kind as parameters', async () => {
    const { conn } = await freshDb()
    const ctx = estonian(conn, ['dispatcher'], 'mari')
    const err = await callError(ctx, 'customers.get', { id: 999 })
    expect(err).toMatchObject({
      code: 'NOT_FOUND',
      key: 'errors.notFound',
      params: { what: { key: 'errors.record.customer' } },
      message: 'Klienti ei leitud; see võib olla kustutatud.'
    })
  })

  it('answers an Estonian user CONFLICT in Estonian, an English one in English', async () => {
    const { conn } = await freshDb()
    const et = estonian(conn, ['dispatcher'], 'mari')
    const en = userWith(conn, ['dispatcher'], 'kate')
    const c = await call(et, 'customers.create', { name: 'A' })
    await call(et, 'customers.update', { ...c, name: 'B' })
    // The plain wording, of a record that does not say who changed it (the named one: whoChanged.test.ts).
    conn.sqlite.prepare('update customers set updated_by = null where id = ?').run(c.id)
    const stale = await callError(et, 'customers.update', { ...c, name: 'C' })
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'errors.conflict' })
    expect(stale.message).toBe('Klienti on vahepeal keegi teine muutnud. Laadi uuesti, et näha praegust versiooni.')
    const again = await callError(en, 'customers.update', { ...c, name: 'C' })
    expect(again.message).toBe('Customer was changed by someone else since you opened it. Reload to see the current version.')
  })

  it('gives a schema’s field error with its code, parameters and an Estonian message', async () => {
    const { conn } = await freshDb()
    const ctx = estonian(conn, ['dispatcher'], 'mari')
    const err = await callError(ctx, 'customers.create', { name: 'x'.repeat(201) })
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toBe('Mõni väli vajab tähelepanu.')
    expect(err.issues).toEqual([{ path: ['name'], code: 'validation.tooLong', params: { maximum: 200 }, message: 'Kuni 200 märki' }])
    const required = await callError(ctx, 'customers.create', { name: '' })
    expect(required.issues).toEqual([{ path: ['name'], code: 'validation.required', params: { minimum: 1 }, message: 'Kohustuslik' }])
  })

  it('words a service’s own field error and a refusal with parameters in Estonian', async () => {
    const { conn } = await freshDb()
    const ctx = estonian(conn, ['administrator'], 'mari')
    const group = await call(ctx, 'customerGroups.create', { code: 'G', name: 'Grupp' })
    await call(ctx, 'customers.create', { name: 'A', groupId: group.id })
    const err = await callError(ctx, 'customerGroups.delete', { id: group.id, version: group.version })
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'errors.cannotDelete' })
    expect(err.message).toBe('Kliendigruppi ei saa kustutada, see on kasutusel: kliendid 1.')
    const duplicate = await callError(ctx, 'customerGroups.create', { code: 'G', name: 'Teine' })
    expect(duplicate.message).toBe('See kood on juba kasutusel (teine kliendigrupp).')
    expect(duplicate.issues).toEqual([{ path: ['code'], code: 'errors.inUse', message: 'Juba kasutusel' }])
  })

  it('answers a caller who is not signed in in the company’s language', async () => {
    const { conn } = await freshDb()
    const anonymous = { userId: null }
    const english = await rawCall(conn, anonymous, 'customers.list', {})
    expect(english).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'errors.signInFirst', message: 'Sign in first.' } })
    conn.db.update(settings).set({ language: 'et' }).run()
    const estonianAnswer = await rawCall(conn, anonymous, 'customers.list', {})
    expect(estonianAnswer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Logi kõigepealt sisse.' } })
    const wrong = await rawCall(conn, anonymous, 'auth.signIn', { username: 'nobody', password: 'wrong-password' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Vale kasutajanimi või parool.' } })
    const unknown = await rawCall(conn, anonymous, 'no.such', {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Tundmatu API meetod "no.such".' } })
  })

  it('answers an Estonian user a role refusal in Estonian', async () => {
    const { conn } = await freshDb()
    const ctx = estonian(conn, ['technician'], 'tiit')
    const err = await callError(ctx, 'customers.create', { name: 'A' })
    expect(err).toMatchObject({
      code: 'FORBIDDEN',
      key: 'errors.roleNotAllowed',
      params: { permission: 'customers.write' },
      message: 'Sinu roll seda ei luba (customers.write).'
    })
  })
})
