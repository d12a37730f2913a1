import { describe, expect, it } from 'vitest'
import { call, callError, freshDb, userWith } from '../support/db'
import { rawCall, testClock } from '../support/seed'

describe('audit', () => {
  it('writes before/after for create, update and delete, and answers them newest first with who and when', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'], 'mari')
    const admin = userWith(conn, ['administrator'], 'admin')
    const clock = testClock()
    const as = async <T>(session: typeof ctx.session, method: string, input: unknown): Promise<T> => {
      clock.advance(1000)
      const r = await rawCall(conn, session, method, input, { now: clock.now })
      if (!r.ok) throw new Error(r.error.message)
      return r.data as T
    }
    const created = await as<{ id: number; version: number }>(ctx.session, 'skills.create', { code: 'GAS', name: 'Gaas' })
    const updated = await as<{ id: number; version: number }>(ctx.session, 'skills.update', { ...created, name: 'Gaasiseadmed' })
    await as(admin.session, 'skills.delete', { id: updated.id, version: updated.version })
    // Another record's history stays apart.
    await as(ctx.session, 'skills.create', { code: 'ELEC', name: 'Elekter' })

    const log = await call(admin, 'audit.forRecord', { entity: 'skill', entityId: created.id })
    expect(log.map((e) => [e.action, e.userName])).toEqual([
      ['delete', 'admin'],
      ['update', 'mari'],
      ['create', 'mari']
    ])
    const [del, upd, cre] = log
    expect(cre).toMatchObject({ before: null, after: { code: 'GAS', name: 'Gaas', version: 1 } })
    expect(upd).toMatchObject({ before: { name: 'Gaas', version: 1 }, after: { name: 'Gaasiseadmed', version: 2 } })
    expect(del).toMatchObject({ before: { name: 'Gaasiseadmed', version: 2 }, after: null })
    expect(log.map((e) => e.at)).toEqual([clock.now() - 1000, clock.now() - 2000, clock.now() - 3000])
    expect(log.every((e) => e.entity === 'skill' && e.entityId === created.id)).toBe(true)
  })

  it('keeps a customer’s sites in the record, and writes nothing for a refused change', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const c = await call(ctx, 'customers.create', { name: 'A', sites: [{ name: 'S', street: 'Tänav 1', city: 'Tartu' }] })
    await callError(ctx, 'customers.update', { ...c, version: 99, name: 'B' })
    await callError(ctx, 'customers.update', { ...c, email: 'not-an-email' })
    const log = await call(ctx, 'audit.forRecord', { entity: 'customer', entityId: c.id })
    expect(log).toHaveLength(1)
    expect(log[0]!.after).toMatchObject({ name: 'A', sites: [{ street: 'Tänav 1' }] })
  })

  it('records user and settings changes without any password material', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    const t = userWith(conn, ['technician'], 'tech')
    const u = await call(admin, 'users.get', { id: t.user!.id })
    await call(admin, 'users.update', { ...u, password: 'uus salasõna' })
    const s = await call(admin, 'settings.get', {})
    await call(admin, 'settings.update', { ...s, companyName: 'Uus nimi OÜ' })
    const userLog = await call(admin, 'audit.forRecord', { entity: 'user', entityId: u.id })
    expect(userLog[0]!.after).toMatchObject({ passwordChanged: true })
    expect(JSON.stringify(userLog)).not.toMatch(/salasõna|passwordHash|passwordSalt/)
    const settingsLog = await call(admin, 'audit.forRecord', { entity: 'settings', entityId: 1 })
    expect(settingsLog[0]).toMatchObject({
      action: 'update',
      before: { companyName: 'Test Service OÜ' },
      after: { companyName: 'Uus nimi OÜ' }
    })
  })
})
