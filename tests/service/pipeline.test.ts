import { count } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { runMethod } from '../../src/main/api/pipeline'
import { auditLog, customers, customerSites, numberSequences } from '../../src/main/db/schema'
import { customerService } from '../../src/main/services/masterdata/customers'
import { call, callError, freshDb, userWith } from '../support/db'
import { rawCall } from '../support/seed'
import type { Connection } from '../../src/main/db/connection'

const rows = (conn: Connection, table: typeof customers | typeof customerSites | typeof auditLog) =>
  conn.db.select({ n: count() }).from(table).get()!.n

describe('pipeline', () => {
  it('answers VALIDATION with the field path of each problem', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const flat = await callError(ctx, 'customers.create', { name: '' })
    expect(flat.code).toBe('VALIDATION')
    expect(flat.issues).toEqual([{ path: ['name'], code: 'validation.required', params: { minimum: 1 }, message: 'Required' }])

    const nested = await callError(ctx, 'customers.create', {
      name: 'Ok',
      sites: [{ name: 'Ladu', street: 'Tööstuse 1', city: '  ' }]
    })
    expect(nested.code).toBe('VALIDATION')
    expect(nested.issues!.map((i) => i.path)).toEqual([['sites', 0, 'city']])
    expect(rows(conn, customers)).toBe(0)
  })

  it('treats a missing input as {} and a wrong type as VALIDATION at the top', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const empty = await rawCall(conn, ctx.session, 'customers.list', undefined)
    expect(empty.ok).toBe(true)
    const wrong = await rawCall(conn, ctx.session, 'customers.get', { id: 'one' })
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.error.issues!.map((i) => i.path)).toEqual([['id']])
  })

  it('answers NOT_FOUND for an unknown method, also for names inherited from Object', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['administrator'])
    for (const name of ['customers.explode', 'toString', '__proto__', 'constructor']) {
      const r = await rawCall(conn, ctx.session, name, {})
      expect(r.ok ? 'ok' : r.error.code, name).toBe('NOT_FOUND')
    }
  })

  it('refuses a failing caller check before validating or running anything', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['administrator'])
    const spy = vi.spyOn(customerService.config, 'values')
    try {
      const r = await runMethod({ conn }, () => 'errors.host.foreignFrame', ctx.session, 'customers.create', { name: 'X' })
      expect(r).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', key: 'errors.host.foreignFrame', message: 'IPC from a frame that is not the app.' }
      })
      // Invalid input is refused the same way: the caller is checked first.
      const bad = await runMethod({ conn }, () => 'errors.host.foreignFrame', ctx.session, 'customers.create', { name: '' })
      expect(bad.ok ? null : bad.error.code).toBe('FORBIDDEN')
      const unknown = await runMethod({ conn }, () => 'errors.host.foreignFrame', ctx.session, 'no.such', {})
      expect(unknown.ok ? null : unknown.error.code).toBe('FORBIDDEN')
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
    expect(rows(conn, customers)).toBe(0)
    expect(rows(conn, auditLog)).toBe(0)
  })

  it('checks the permission before the input: without it FORBIDDEN whatever the input, with it the input decides', async () => {
    const { conn } = await freshDb()
    const technician = userWith(conn, ['technician'], 'tech')
    const dispatcher = userWith(conn, ['dispatcher'], 'disp')
    for (const input of [{ name: '' }, {}, { name: 42 }, null]) {
      expect(await rawCall(conn, technician.session, 'customers.create', input)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Your role does not allow this (customers.write).' }
      })
      expect(await rawCall(conn, { userId: null }, 'customers.create', input)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Sign in first.' }
      })
      expect(await rawCall(conn, dispatcher.session, 'customers.create', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(rows(conn, customers)).toBe(0)
  })

  it('turns an unexpected error into INTERNAL, logs it, and rolls the whole change back', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const before = conn.db.select().from(numberSequences).all()
    const original = customerService.config.saveChildren!
    const log = vi.fn()
    // Fail half-way: after the number was taken, the customer inserted and its sites saved.
    customerService.config.saveChildren = (...args) => {
      original(...args)
      throw new TypeError('disk on fire')
    }
    try {
      const r = await runMethod({ conn, log }, () => null, ctx.session, 'customers.create', {
        name: 'Pooleli AS',
        sites: [{ name: 'A', street: 'B', city: 'C' }]
      })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('INTERNAL')
        expect(r.error.message).not.toContain('disk on fire')
      }
    } finally {
      customerService.config.saveChildren = original
    }
    expect(log).toHaveBeenCalledWith('API customers.create failed', expect.any(TypeError))
    expect(rows(conn, customers)).toBe(0)
    expect(rows(conn, customerSites)).toBe(0)
    expect(rows(conn, auditLog)).toBe(0)
    expect(conn.db.select().from(numberSequences).all()).toEqual(before)
    // And the next customer takes the number the failed one did not keep.
    expect((await call(ctx, 'customers.create', { name: 'Järgmine AS' })).number).toBe('C-00001')
  })

  it('refuses a disabled user at once, and counts a role change at once', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'admin')
    const disp = userWith(conn, ['dispatcher'], 'disp')
    const other = userWith(conn, ['dispatcher'], 'other')
    await call(disp, 'customers.create', { name: 'Enne AS' })

    const u = await call(admin, 'users.get', { id: disp.user!.id })
    await call(admin, 'users.update', { ...u, active: false })
    const err = await callError(disp, 'customers.list', {})
    expect(err.code).toBe('FORBIDDEN')
    expect(disp.session.userId).toBeNull()
    // Even public methods now see nobody signed in.
    expect((await call(disp, 'auth.status', {})).user).toBeNull()

    const o = await call(admin, 'users.get', { id: other.user!.id })
    await call(admin, 'users.update', { ...o, roles: ['technician'] })
    expect((await callError(other, 'customers.create', { name: 'Pärast AS' })).code).toBe('FORBIDDEN')
    expect((await call(other, 'customers.list', {})).total).toBe(1)
  })

  it('checks outputs against the contract when asked (as the test helpers do)', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['administrator'])
    const c = await call(ctx, 'customers.create', { name: 'X' })
    const original = customerService.config.load
    customerService.config.load = (db, id) => {
      const row = original(db, id)
      return row ? ({ ...row, siteCount: 'many' } as unknown as typeof row) : row
    }
    try {
      const checked = await runMethod({ conn, checkOutputs: true }, () => null, ctx.session, 'customers.get', { id: c.id })
      expect(checked.ok ? null : checked.error.code).toBe('INTERNAL')
      const unchecked = await runMethod({ conn }, () => null, ctx.session, 'customers.get', { id: c.id })
      expect(unchecked.ok).toBe(true)
    } finally {
      customerService.config.load = original
    }
  })
})
