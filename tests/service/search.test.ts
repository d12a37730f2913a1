import { describe, expect, it } from 'vitest'
import { call, freshDb, userWith } from '../support/db'

async function world() {
  const { conn } = await freshDb()
  const ctx = userWith(conn, ['dispatcher'])
  const a = await call(ctx, 'customers.create', {
    name: 'Õunapuu Kinnisvara OÜ',
    phone: '+372 5123 4567',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const b = await call(ctx, 'customers.create', {
    name: 'Tartu Veevärk AS',
    phone: '+372 7000 111',
    sites: [{ name: 'Pumpla', street: 'Aleksandri 5', city: 'Tartu' }]
  })
  // A name that mentions the serial sorts first on its own (empty serial) unless exact serials win.
  await call(ctx, 'serviceObjects.create', { name: 'Varuosa AB123 jaoks', customerId: b.id })
  await call(ctx, 'serviceObjects.create', { name: 'Pump 2', customerId: b.id, serialNumber: 'AB1230' })
  const exact = await call(ctx, 'serviceObjects.create', {
    name: 'Pump 1',
    customerId: a.id,
    serialNumber: 'AB123',
    siteId: a.sites[0]!.id
  })
  return { ctx, a, b, exact }
}

describe('search.global', () => {
  it('puts the service object with that exact serial number first', async () => {
    const { ctx, exact } = await world()
    const hits = await call(ctx, 'search.global', { q: 'AB123' })
    expect(hits[0]).toMatchObject({ kind: 'serviceObject', id: exact.id, targetId: exact.id })
    expect(hits[0]!.title).toContain('S/N AB123')
    expect(hits[0]!.subtitle).toBe(`${exact.number} · Õunapuu Kinnisvara OÜ`)
    expect(hits.filter((h) => h.kind === 'serviceObject')).toHaveLength(3)
  })

  it('finds customers by name (also in the middle) and by phone', async () => {
    const { ctx, a, b } = await world()
    expect((await call(ctx, 'search.global', { q: 'kinnisvara' })).filter((h) => h.kind === 'customer').map((h) => h.id)).toEqual([a.id])
    const byPhone = await call(ctx, 'search.global', { q: '7000 111' })
    expect(byPhone).toEqual([
      { kind: 'customer', id: b.id, targetId: b.id, title: 'Tartu Veevärk AS', subtitle: `${b.number} · +372 7000 111` }
    ])
    expect((await call(ctx, 'search.global', { q: b.number })).map((h) => h.id)).toContain(b.id)
  })

  it('finds sites by street and opens their customer', async () => {
    const { ctx, a } = await world()
    const hits = await call(ctx, 'search.global', { q: 'Pärnu mnt' })
    expect(hits).toEqual([
      { kind: 'site', id: a.sites[0]!.id, targetId: a.id, title: 'Pärnu mnt 10, Tallinn', subtitle: 'Kontor · Õunapuu Kinnisvara OÜ' }
    ])
  })

  it('answers nothing for a single character and takes LIKE wildcards literally', async () => {
    const { ctx } = await world()
    expect(await call(ctx, 'search.global', { q: 'A' })).toEqual([])
    expect(await call(ctx, 'search.global', { q: '%%' })).toEqual([])
    expect(await call(ctx, 'search.global', { q: 'AB_23' })).toEqual([])
  })
})
