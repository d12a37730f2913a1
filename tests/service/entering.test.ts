import { describe, expect, it } from 'vitest'
import { call, freshDb, userWith } from '../support/db'

/** Issue 15, item 4: a saved order line moved to another item takes that item's name, unless the description was written by hand. */
describe('order line description', () => {
  async function world() {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['administrator'])
    const pump = await call(ctx, 'items.create', { number: 'HP-1', name: 'Daikin heat pump', unit: 'pcs', salesPrice: 150000 })
    const gasket = await call(ctx, 'items.create', { number: 'GS-1', name: 'Gasket', unit: 'pcs', salesPrice: 500 })
    const customer = await call(ctx, 'customers.create', { name: 'Kask OÜ', sites: [{ name: 'Kodu', street: 'Tamme 1', city: 'Tartu' }] })
    const order = await call(ctx, 'serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description: 'Repair' })
    const withLine = await call(ctx, 'serviceOrders.addLine', { orderId: order.id, type: 'item', itemId: pump.id, quantity: 1000 })
    return { ctx, pump, gasket, line: withLine.lines[0]! }
  }
  const change = (line: { id: number; version: number; description: string }, itemId: number, description = line.description) => ({
    id: line.id,
    version: line.version,
    type: 'item' as const,
    itemId,
    categoryId: null,
    description,
    quantity: 1000
  })

  it('follows the item when it was the old item’s name', async () => {
    const { ctx, gasket, line } = await world()
    expect(line.description).toBe('Daikin heat pump')
    const after = await call(ctx, 'serviceOrders.updateLine', change(line, gasket.id))
    expect(after.lines[0]).toMatchObject({ itemId: gasket.id, description: 'Gasket' })
  })

  it('keeps a description written by hand', async () => {
    const { ctx, pump, gasket, line } = await world()
    const edited = (await call(ctx, 'serviceOrders.updateLine', change(line, pump.id, 'Seal for the outdoor unit'))).lines[0]!
    const after = await call(ctx, 'serviceOrders.updateLine', change(edited, gasket.id))
    expect(after.lines[0]).toMatchObject({ itemId: gasket.id, description: 'Seal for the outdoor unit' })
    // A new description typed together with the new item is the user's too.
    const typed = await call(ctx, 'serviceOrders.updateLine', change(after.lines[0]!, pump.id, 'Pump, reused'))
    expect(typed.lines[0]).toMatchObject({ itemId: pump.id, description: 'Pump, reused' })
  })
})
