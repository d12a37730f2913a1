import { describe, expect, it } from 'vitest'
import { call, callError, freshDb, userWith } from '../support/db'

async function world() {
  const { conn } = await freshDb()
  const ctx = userWith(conn, ['dispatcher'])
  const a = await call(ctx, 'customers.create', { name: 'A AS', sites: [{ name: 'A1', street: 'Aia 1', city: 'Tartu' }] })
  const b = await call(ctx, 'customers.create', { name: 'B AS', sites: [{ name: 'B1', street: 'Betooni 1', city: 'Tallinn' }] })
  return { conn, ctx, a, b }
}

describe('service objects', () => {
  it('takes OBJ-… from the sequence when the number is blank, keeps a given one, and keeps it on edit', async () => {
    const { ctx, a } = await world()
    const o1 = await call(ctx, 'serviceObjects.create', { name: 'Katel', customerId: a.id })
    expect(o1.number).toBe('OBJ-000001')
    const o2 = await call(ctx, 'serviceObjects.create', { name: 'Pump', customerId: a.id, number: 'PUMP-77' })
    expect(o2.number).toBe('PUMP-77')
    const edited = await call(ctx, 'serviceObjects.update', { ...o1, number: '', name: 'Gaasikatel' })
    expect(edited.number).toBe('OBJ-000001')
    expect((await call(ctx, 'serviceObjects.create', { name: 'Kolmas', customerId: a.id })).number).toBe('OBJ-000002')
    const dup = await callError(ctx, 'serviceObjects.create', { name: 'Topelt', customerId: a.id, number: 'PUMP-77' })
    expect(dup).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['number'] }] })
  })

  it('wants the site to be one of the customer’s sites', async () => {
    const { ctx, a, b } = await world()
    const err = await callError(ctx, 'serviceObjects.create', { name: 'X', customerId: a.id, siteId: b.sites[0]!.id })
    expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['siteId'] }] })
    const ok = await call(ctx, 'serviceObjects.create', { name: 'X', customerId: a.id, siteId: a.sites[0]!.id })
    expect(ok).toMatchObject({ siteName: 'A1', customerName: 'A AS' })
    // Moving the object to another customer without changing the site is refused as well.
    expect((await callError(ctx, 'serviceObjects.update', { ...ok, customerId: b.id })).issues?.[0]?.path).toEqual(['siteId'])
    expect((await callError(ctx, 'serviceObjects.create', { name: 'X', customerId: 999 })).issues?.[0]?.path).toEqual(['customerId'])
  })

  it('wants a parent of the same customer and refuses loops', async () => {
    const { ctx, a, b } = await world()
    const pa = await call(ctx, 'serviceObjects.create', { name: 'Katlamaja', customerId: a.id })
    const pb = await call(ctx, 'serviceObjects.create', { name: 'Muu', customerId: b.id })
    const foreign = await callError(ctx, 'serviceObjects.create', { name: 'Põleti', customerId: a.id, parentId: pb.id })
    expect(foreign).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['parentId'] }] })

    const child = await call(ctx, 'serviceObjects.create', { name: 'Põleti', customerId: a.id, parentId: pa.id })
    expect(child.parentName).toBe('Katlamaja')
    const grandchild = await call(ctx, 'serviceObjects.create', { name: 'Düüs', customerId: a.id, parentId: child.id })
    expect((await call(ctx, 'serviceObjects.get', { id: pa.id })).componentCount).toBe(1)
    expect((await call(ctx, 'serviceObjects.list', { parentId: pa.id })).rows.map((o) => o.name)).toEqual(['Põleti'])

    const paNow = await call(ctx, 'serviceObjects.get', { id: pa.id })
    // A → B → A
    const loop = await callError(ctx, 'serviceObjects.update', { ...paNow, parentId: child.id })
    expect(loop).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['parentId'] }] })
    // A → B → C → A
    const longLoop = await callError(ctx, 'serviceObjects.update', { ...paNow, parentId: grandchild.id })
    expect(longLoop.issues?.[0]?.path).toEqual(['parentId'])
    const self = await callError(ctx, 'serviceObjects.update', { ...paNow, parentId: pa.id })
    expect(self.issues?.[0]?.path).toEqual(['parentId'])
    expect((await call(ctx, 'serviceObjects.get', { id: pa.id })).parentId).toBeNull()

    // A parent with components cannot be deleted.
    const del = await callError(ctx, 'serviceObjects.delete', { id: pa.id, version: paNow.version })
    expect(del.code).toBe('CONFLICT')
    expect(del.message).toMatch(/1 components/)
  })

  it('refuses moving a parent to another customer while its components stay behind', async () => {
    const { ctx, a, b } = await world()
    const parent = await call(ctx, 'serviceObjects.create', { name: 'Katlamaja', customerId: a.id })
    await call(ctx, 'serviceObjects.create', { name: 'Põleti', customerId: a.id, parentId: parent.id })
    const err = await callError(ctx, 'serviceObjects.update', { ...parent, customerId: b.id })
    expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['customerId'] }] })
    expect((await call(ctx, 'serviceObjects.get', { id: parent.id })).customerId).toBe(a.id)
  })

  it('refuses a warranty that ends before installation, on create and update', async () => {
    const { ctx, a } = await world()
    const bad = { name: 'X', customerId: a.id, installationDate: '2024-05-01', warrantyEnd: '2024-04-30' }
    const err = await callError(ctx, 'serviceObjects.create', bad)
    expect(err).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['warrantyEnd'] }] })
    const o = await call(ctx, 'serviceObjects.create', { ...bad, warrantyEnd: '2024-05-01' })
    expect(o.warrantyEnd).toBe('2024-05-01')
    expect((await callError(ctx, 'serviceObjects.update', { ...o, installationDate: '2024-05-02' })).issues?.[0]?.path).toEqual([
      'warrantyEnd'
    ])
    expect((await callError(ctx, 'serviceObjects.create', { ...bad, warrantyEnd: '2024-02-30' })).issues?.[0]?.path).toEqual([
      'warrantyEnd'
    ])
  })

  it('answers CONFLICT for a stale version', async () => {
    const { ctx, a } = await world()
    const o = await call(ctx, 'serviceObjects.create', { name: 'X', customerId: a.id })
    await call(ctx, 'serviceObjects.update', { ...o, serialNumber: 'S1' })
    expect((await callError(ctx, 'serviceObjects.update', { ...o, serialNumber: 'S2' })).code).toBe('CONFLICT')
    expect((await callError(ctx, 'serviceObjects.delete', { id: o.id, version: o.version })).code).toBe('CONFLICT')
    expect((await call(ctx, 'serviceObjects.get', { id: o.id })).serialNumber).toBe('S1')
  })
})
