import { describe, expect, it } from 'vitest'
import { call, freshDb, userWith } from '../support/db'
import { expectRefused, snapshot } from '../support/orders'

const BAD = [
  ['a NUL character', 'Õunapuu\u0000 OÜ'],
  ['a lone high surrogate', 'Õunapuu \uD83D OÜ'],
  ['a lone low surrogate', '\uDE00Õunapuu OÜ']
] as const

describe('text fields refuse what is not text', () => {
  it.each(BAD)('refuses %s in a customer name, naming the field, and stores nothing', async (_what, name) => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'], 'mari')
    const before = conn.sqlite.prepare('select count(*) as n from customers').get()
    const error = await expectRefused(ctx, 'customers.create', { name }, 'VALIDATION', /./, ['name'])
    expect(error.issues?.find((i) => i.path[0] === 'name')?.message).toMatch(/NUL|surrogate/)
    expect(conn.sqlite.prepare('select count(*) as n from customers').get()).toEqual(before)
  })

  it.each(BAD)('refuses %s in an order note, naming the field, and stores nothing', async (_what, note) => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'], 'mari')
    const customer = await call(ctx, 'customers.create', { name: 'Õunapuu OÜ' })
    const before = snapshot(conn)
    await expectRefused(
      ctx,
      'serviceOrders.create',
      { customerId: customer.id, oneTimeAddress: 'Pärnu mnt 1, Tallinn', description: 'Hooldus', notes: note },
      'VALIDATION',
      /./,
      ['notes']
    )
    expect(snapshot(conn)).toEqual(before)
  })

  it('still takes well-formed text with emoji, tabs and new lines', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'], 'mari')
    const customer = await call(ctx, 'customers.create', { name: 'Õunapuu 🍏 OÜ', notes: 'rida 1\n\trida 2' })
    expect(customer.name).toBe('Õunapuu 🍏 OÜ')
  })
})
