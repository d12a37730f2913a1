import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import type { ObjectHistoryRow } from '@shared/domain/context'
import type { OrderListRow } from '@shared/domain/orders'
import { runMethod } from '../../src/main/api/pipeline'
import { exportSources } from '../../src/main/api/handlers'
import { createContext } from '../../src/main/services/core/context'
import { contract } from '@shared/api/contract'
import { freshDb, userWith } from '../support/db'
import { headerOf } from '../support/orders'
import { seedMasterData, testClock, toCompleted } from '../support/seed'

/** Tallinn wall time in November and December 2026 (UTC+2). */
const local = (day: number, h: number) => Date.UTC(2026, 11, day, h - 2)
const november = (day: number, h: number) => Date.UTC(2026, 10, day, h - 2)

/**
 * The seeded customer (an open order on its heat pump, a posted and invoiced one) on a clock standing at
 * Tuesday 1 December 2026, 09:00 in Tallinn, with every call through the real pipeline on that clock.
 */
async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const clock = testClock(local(1, 9))
  const admin = createContext(conn, seed.admin.user, seed.admin.session, clock.now)
  const host = { conn, checkOutputs: true, now: clock.now }
  async function api<M extends MethodName>(method: M, input: Input<M>, as = admin): Promise<Output<M>> {
    const r = await runMethod(host, () => null, as.session, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.data as Output<M>
  }
  const siteId = seed.customer.sites[0]!.id
  const order = (extra: Partial<Input<'serviceOrders.create'>> = {}) =>
    api('serviceOrders.create', { customerId: seed.customer.id, siteId, description: 'Breakdown', ...extra })
  const other = await api('customers.create', { name: 'Kask ja Pojad', sites: [{ name: 'Ladu', street: 'Tee 1', city: 'Tartu' }] })
  return { conn, seed, clock, admin, api, order, siteId, other }
}

describe('a customer’s orders', () => {
  it('come open first, newest first within open and closed, and only the customer’s', async () => {
    const w = await world()
    const newer = await w.order({ description: 'Newer breakdown' })
    let cancelled = await w.order({ description: 'Called off' })
    cancelled = await w.api('serviceOrders.cancel', { id: cancelled.id, version: cancelled.version })
    await w.api('serviceOrders.create', { customerId: w.other.id, siteId: w.other.sites[0]!.id, description: 'Not theirs' })

    const page = await w.api('serviceOrders.list', { customerId: w.seed.customer.id, sort: 'openFirst' })
    expect(page.rows.map((r) => [r.number, r.progress])).toEqual([
      [newer.number, 'inProcess'],
      [w.seed.openOrder.number, 'inProcess'],
      [cancelled.number, 'cancelled'],
      [w.seed.doneOrder.number, w.seed.doneOrder.progress]
    ])
    expect(page.total).toBe(4)
    // Paged: the second page goes on where the first stopped.
    const second = await w.api('serviceOrders.list', { customerId: w.seed.customer.id, sort: 'openFirst', pageSize: 3, page: 2 })
    expect(second.rows.map((r) => r.number)).toEqual([w.seed.doneOrder.number])
    // The export walks the same rows in the same order.
    const input = contract['serviceOrders.list'].input.parse({ customerId: w.seed.customer.id, sort: 'openFirst' })
    expect([...(exportSources['serviceOrders.list']!(w.admin, input) as Iterable<OrderListRow>)].map((r) => r.number)).toEqual(
      page.rows.map((r) => r.number)
    )
  })
})

describe('a customer’s invoices and balance', () => {
  it('give each posted invoice its open amount and the customer the total of what is left to pay', async () => {
    const w = await world()
    const first = w.seed.invoice
    // A second invoice, partly paid.
    let o = await w.order({ description: 'Second repair' })
    o = await w.api('serviceOrders.addLine', { orderId: o.id, type: 'item', itemId: w.seed.item.id, quantity: 2000 })
    o = await toCompleted(w.admin, o.id)
    o = await w.api('serviceOrders.signOff', { id: o.id, version: o.version })
    o = await w.api('serviceOrders.post', { id: o.id, version: o.version })
    const second = await w.api('invoices.create', {
      customerId: w.seed.customer.id,
      lineIds: o.lines.map((l) => l.id),
      invoiceDate: '2026-11-30',
      requestKey: 'context-second'
    })
    await w.api('payments.record', { invoiceId: second.id, date: '2026-12-01', amount: 10000, method: 'bank', note: '' })
    expect(second.grossTotal).toBeGreaterThan(10000)

    const list = await w.api('invoices.list', { customerId: w.seed.customer.id, sort: 'invoiceDate', dir: 'desc' })
    expect(list.rows.map((r) => [r.number, r.openAmount])).toEqual([
      [second.number, second.grossTotal - 10000],
      [first.number, first.grossTotal]
    ])
    const balance = await w.api('invoices.balance', { customerId: w.seed.customer.id })
    expect(balance).toMatchObject({ openTotal: first.grossTotal + second.grossTotal - 10000, openCount: 2 })
    expect(await w.api('invoices.balance', { customerId: w.other.id })).toMatchObject({ openTotal: 0, openCount: 0 })
  })
})

describe('a customer’s SLA', () => {
  it('is its group’s unless suspended; compliance can be read for the customer alone', async () => {
    const w = await world()
    expect(await w.api('customers.sla', { customerId: w.seed.customer.id })).toEqual({ groupName: 'Key accounts', sla: null })
    const gold = await w.api('slaDefinitions.create', {
      code: 'GOLD',
      name: 'Gold',
      targets: [{ priority: 'normal', responseMinutes: 60, resolutionMinutes: 480 }]
    })
    await w.api('customerGroups.update', { ...w.seed.customerGroup, version: w.seed.customerGroup.version, slaId: gold.id })
    expect(await w.api('customers.sla', { customerId: w.seed.customer.id })).toEqual({
      groupName: 'Key accounts',
      sla: { id: gold.id, code: 'GOLD', name: 'Gold' }
    })
    expect(await w.api('customers.sla', { customerId: w.other.id })).toEqual({ groupName: null, sla: null })

    await w.order({ description: 'Under Gold' })
    const mine = await w.api('slaCompliance.list', { from: '2026-12-01', to: '2026-12-31', customerId: w.seed.customer.id })
    expect(mine.rows.map((r) => [r.label, r.orders, r.targets])).toEqual([['2026-12', 1, 2]])
    const theirs = await w.api('slaCompliance.list', { from: '2026-12-01', to: '2026-12-31', customerId: w.other.id })
    expect(theirs.rows).toEqual([])

    await w.api('slaDefinitions.update', { ...(await w.api('slaDefinitions.get', { id: gold.id })), suspended: true })
    expect((await w.api('customers.sla', { customerId: w.seed.customer.id })).sla).toBeNull()
  })
})

describe('a service object’s history', () => {
  it('lists its orders newest first with the lines that name it or no object, and its last and next visit', async () => {
    const w = await world()
    const pump = w.seed.serviceObject
    const boiler = await w.api('serviceObjects.create', { name: 'Boiler', customerId: w.seed.customer.id, siteId: w.siteId })
    // Planned last week and done: a line on the pump, one on the boiler (not the pump's history).
    let past = await w.order({ description: 'Inspection', plannedStart: november(24, 10), objects: [{ id: pump.id }, { id: boiler.id }] })
    past = await w.api('serviceOrders.addLine', {
      orderId: past.id,
      type: 'hour',
      categoryId: w.seed.category.id,
      serviceObjectId: pump.id,
      description: 'Cleaned the pump',
      quantity: 1500
    })
    past = await w.api('serviceOrders.addLine', {
      orderId: past.id,
      type: 'hour',
      categoryId: w.seed.category.id,
      serviceObjectId: boiler.id,
      description: 'Boiler check'
    })
    // Planned next week, no line yet; and an order only on the boiler.
    const next = await w.order({ description: 'Filter change', plannedStart: local(8, 9), objects: [{ id: pump.id }] })
    const later = await w.order({ description: 'Second visit', plannedStart: local(15, 9), objects: [{ id: pump.id }] })
    await w.order({ description: 'Boiler only', plannedStart: local(2, 9), objects: [{ id: boiler.id }] })
    // On the pump by a line only.
    let byLine = await w.order({ description: 'Noise', plannedStart: november(20, 9) })
    byLine = await w.api('serviceOrders.addLine', {
      orderId: byLine.id,
      type: 'hour',
      categoryId: w.seed.category.id,
      serviceObjectId: pump.id,
      description: 'Listened'
    })

    // The seeded order on the pump, planned early in November (unplanned it would sort by its creation).
    const seeded = await w.api('serviceOrders.update', { ...headerOf(w.seed.openOrder), plannedStart: november(10, 9) })
    const history = await w.api('serviceObjectHistory.list', { serviceObjectId: pump.id, sort: 'orderAt', dir: 'desc' })
    const rows = history.rows.map((r) => [r.orderNumber, r.lineDescription, r.quantity])
    expect(rows).toEqual([
      [later.number, null, null],
      [next.number, null, null],
      [past.number, 'Cleaned the pump', 1500],
      [byLine.number, 'Listened', 1000],
      ...seeded.lines.map((l) => [seeded.number, l.description, l.quantity])
    ])
    expect(history.total).toBe(rows.length)
    const search = await w.api('serviceObjectHistory.list', { serviceObjectId: pump.id, q: 'cleaned' })
    expect(search.rows.map((r) => r.orderNumber)).toEqual([past.number])
    const input = contract['serviceObjectHistory.list'].input.parse({ serviceObjectId: pump.id, sort: 'orderAt', dir: 'desc' })
    expect(
      [...(exportSources['serviceObjectHistory.list']!(w.admin, input) as Iterable<ObjectHistoryRow>)].map((r) => [
        r.orderNumber,
        r.lineDescription,
        r.quantity
      ])
    ).toEqual(rows)

    // The order list with the object filter: the same orders, by header or by line.
    const orders = await w.api('serviceOrders.list', { serviceObjectId: pump.id, sort: 'number' })
    expect(orders.rows.map((r) => r.number)).toEqual(
      [w.seed.openOrder.number, past.number, next.number, later.number, byLine.number].sort()
    )

    const visits = await w.api('serviceObjects.visits', { serviceObjectId: pump.id })
    expect(visits).toMatchObject({
      lastVisit: { orderId: past.id, at: november(24, 10) },
      nextVisit: { orderId: next.id, at: local(8, 9) },
      orders: 5,
      openOrders: 5
    })
    // A cancelled order is no visit, and nothing ahead once the next ones are called off.
    for (const o of [next, later]) await w.api('serviceOrders.cancel', { id: o.id, version: o.version })
    expect(await w.api('serviceObjects.visits', { serviceObjectId: pump.id })).toMatchObject({ nextVisit: null, openOrders: 3 })
  })

  it('shows a technician only the orders assigned to them', async () => {
    const w = await world()
    const tech = userWith(w.conn, ['technician'], 'tech')
    w.conn.sqlite.prepare('update users set worker_id = ? where id = ?').run(w.seed.worker.id, tech.user!.id)
    const techCtx = createContext(w.conn, { ...tech.user!, workerId: w.seed.worker.id }, tech.session, w.clock.now)
    await w.order({ description: 'Someone else’s', objects: [{ id: w.seed.serviceObject.id }] })
    const seen = await w.api('serviceObjectHistory.list', { serviceObjectId: w.seed.serviceObject.id }, techCtx)
    expect([...new Set(seen.rows.map((r) => r.orderNumber))]).toEqual([w.seed.openOrder.number])
  })
})
