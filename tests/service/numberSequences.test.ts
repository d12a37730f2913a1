import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { numberSequences } from '../../src/main/db/schema'
import { ensureDefaultSequences } from '../../src/main/services/core/sequences'
import type { Connection } from '../../src/main/db/connection'
import { call, callError, freshDb, userWith } from '../support/db'

const next = (conn: Connection, code: string) =>
  conn.db.select({ n: numberSequences.nextNumber }).from(numberSequences).where(eq(numberSequences.code, code)).get()?.n

async function sequence(conn: Connection, code: string) {
  const admin = userWith(conn, ['administrator'], 'admin')
  const row = (await call(admin, 'numberSequences.list', { q: code })).rows.find((r) => r.code === code)!
  return { admin, row }
}

describe('number sequences', () => {
  it('cannot lower nextNumber, may raise it, and the preview and new numbers follow prefix and padding', async () => {
    const { conn } = await freshDb()
    const { admin, row } = await sequence(conn, 'customer')
    expect(row.preview).toBe('C-00001')
    const raised = await call(admin, 'numberSequences.update', { ...row, nextNumber: 500, prefix: 'K', padding: 3 })
    expect(raised.preview).toBe('K500')
    expect((await call(admin, 'customers.create', { name: 'Esimene' })).number).toBe('K500')

    const current = await call(admin, 'numberSequences.get', { id: row.id })
    expect(current.nextNumber).toBe(501)
    const lowered = await callError(admin, 'numberSequences.update', { ...current, nextNumber: 499 })
    expect(lowered).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['nextNumber'] }] })
    expect(lowered.message).toMatch(/501/)
    expect(next(conn, 'customer')).toBe(501)
  })

  it('gives gap-free numbers: a create that fails after taking a number leaves the sequence unchanged', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    // The site id is refused while saving the children, after the number was taken and the row inserted.
    const failed = await callError(ctx, 'customers.create', {
      name: 'Ebaõnnestunud',
      sites: [{ id: 77, name: 'S', street: 'T', city: 'U' }]
    })
    expect(failed.issues?.[0]?.path).toEqual(['sites', 0, 'id'])
    expect(next(conn, 'customer')).toBe(1)
    expect((await call(ctx, 'customers.create', { name: 'Õnnestunud' })).number).toBe('C-00001')
    expect(next(conn, 'customer')).toBe(2)

    // A unique clash on an explicit number does not spend a number either, and a deleted record's
    // number is never handed out again.
    const c2 = await call(ctx, 'customers.create', { name: 'Teine' })
    await call(ctx, 'customers.delete', { id: c2.id, version: c2.version })
    expect((await call(ctx, 'customers.create', { name: 'Kolmas' })).number).toBe('C-00003')
    await call(ctx, 'serviceObjects.create', { name: 'A', customerId: 1, number: 'OBJ-000001' })
    const clash = await callError(ctx, 'serviceObjects.create', { name: 'B', customerId: 1 })
    expect(clash.issues?.[0]?.path).toEqual(['number'])
    expect(next(conn, 'serviceObject')).toBe(1)
  })

  it('answers VALIDATION when the sequence a create needs is missing', async () => {
    const { conn } = await freshDb()
    conn.db.delete(numberSequences).where(eq(numberSequences.code, 'worker')).run()
    const err = await callError(userWith(conn, ['serviceManager']), 'workers.create', { name: 'X' })
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toMatch(/Number sequence "worker" is missing/)
  })

  it('keeps the sequences the app needs: they cannot be deleted or given another code', async () => {
    const { conn } = await freshDb()
    const { admin, row } = await sequence(conn, 'customer')
    await call(admin, 'customers.create', { name: 'Esimene' })
    const current = await call(admin, 'numberSequences.get', { id: row.id })
    const del = await callError(admin, 'numberSequences.delete', { id: current.id, version: current.version })
    expect(del.code).toBe('CONFLICT')
    const recode = await callError(admin, 'numberSequences.update', { ...current, code: 'client' })
    expect(recode).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['code'] }] })
    // Otherwise the next start would recreate it at 1 and hand out C-00001 again.
    ensureDefaultSequences(conn.db)
    expect((await call(admin, 'customers.create', { name: 'Teine' })).number).toBe('C-00002')

    // A sequence of one's own may be renamed, recoded and deleted.
    const own = await call(admin, 'numberSequences.create', { code: 'own-claims', name: 'Own claims', prefix: 'OC-', nextNumber: 10 })
    const recoded = await call(admin, 'numberSequences.update', { ...own, code: 'returns' })
    await call(admin, 'numberSequences.delete', { id: recoded.id, version: recoded.version })
  })
})
