import { describe, expect, it } from 'vitest'
import { call, callError, freshDb, userWith } from '../support/db'

describe('customers', () => {
  it('creates a customer with sites and contacts, numbers it, and audits the change', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const c = await call(ctx, 'customers.create', {
      name: 'Tallinna Vesi AS',
      sites: [{ name: 'Pumpla', street: 'Ädala 10', city: 'Tallinn' }],
      contacts: [{ name: 'Mari Maasikas', phone: '+372 5555 1234' }]
    })
    expect(c.number).toBe('C-00001')
    expect(c.sites).toHaveLength(1)
    expect(c.sites[0]!.street).toBe('Ädala 10')
    const log = await call(userWith(conn, ['administrator'], 'admin'), 'audit.forRecord', { entity: 'customer', entityId: c.id })
    expect(log.map((e) => e.action)).toEqual(['create'])
  })

  it('answers CONFLICT for a stale version and changes nothing', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const c = await call(ctx, 'customers.create', { name: 'A' })
    await call(ctx, 'customers.update', { ...c, name: 'B' })
    const err = await callError(ctx, 'customers.update', { ...c, name: 'C' })
    expect(err.code).toBe('CONFLICT')
    expect((await call(ctx, 'customers.get', { id: c.id })).name).toBe('B')
  })

  it('refuses a technician', async () => {
    const { conn } = await freshDb()
    const err = await callError(userWith(conn, ['technician']), 'customers.create', { name: 'X' })
    expect(err.code).toBe('FORBIDDEN')
  })

  it('lists with paging, search and sort', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    for (const name of ['Beta', 'Alfa', 'Gamma', 'Alfa 2']) await call(ctx, 'customers.create', { name })
    const page = await call(ctx, 'customers.list', { q: 'alfa', sort: 'name', dir: 'desc', pageSize: 1 })
    expect(page.total).toBe(2)
    expect(page.rows.map((r) => r.name)).toEqual(['Alfa 2'])
  })
})
