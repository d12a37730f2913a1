import { describe, expect, it } from 'vitest'
import type { OrderRow } from '@shared/domain/orders'
import type { Connection } from '../../src/main/db/connection'
import { AppError } from '../../src/main/services/core/errors'
import * as invoices from '../../src/main/services/invoices/ledger'
import * as orders from '../../src/main/services/orders/edit'
import { call, callError, freshDb, userWith } from '../support/db'
import { expectRefused, headerOf, lineOf, linkedUser, nextOf, snapshot, walk } from '../support/orders'
import { seedMasterData } from '../support/seed'

async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const admin = seed.admin
  const stage = (code: string) => seed.stages.find((s) => s.code === code)!
  const site = seed.customer.sites[0]!.id
  // A labour category and a part with prices, so that defaults are visible.
  const labour = await call(admin, 'categories.create', {
    code: 'LAB',
    name: 'Labour',
    type: 'hour',
    unit: 'h',
    costPrice: 2800,
    salesPrice: 5500
  })
  const callout = await call(admin, 'categories.create', {
    code: 'CALL',
    name: 'Call-out fee',
    type: 'fee',
    unit: 'pcs',
    costPrice: 0,
    salesPrice: 4900
  })
  const part = await call(admin, 'items.create', { number: 'FILTER-1', name: 'Filter', unit: 'pcs', costPrice: 800, salesPrice: 1500 })
  const newOrder = async (extra: Partial<Parameters<typeof call<'serviceOrders.create'>>[2]> = {}) =>
    call(admin, 'serviceOrders.create', { customerId: seed.customer.id, siteId: site, description: 'Boiler service', ...extra })
  const addHours = (orderId: number, quantity = 1000, extra: object = {}) =>
    call(admin, 'serviceOrders.addLine', { orderId, type: 'hour', categoryId: labour.id, quantity, ...extra })
  return {
    conn,
    ...seed,
    admin,
    stage,
    site,
    labour,
    callout,
    part,
    newOrder,
    addHours,
    walkTo: (id: number, codes: string[]) => walk(admin, id, codes, seed.stages, seed.reason.id)
  }
}
type World = Awaited<ReturnType<typeof world>>

const rows = (conn: Connection, sql: string, ...params: unknown[]) => conn.sqlite.prepare(sql).all(...params) as Record<string, unknown>[]

/** An order at Completed with two signed-off hour lines (1 h and 2 h). */
async function completedWithTwoLines(w: World) {
  const o = await w.newOrder()
  await w.addHours(o.id, 1000)
  await w.addHours(o.id, 2000)
  await w.walkTo(o.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
  const order = await call(w.admin, 'serviceOrders.get', { id: o.id })
  return call(w.admin, 'serviceOrders.signOff', { id: order.id, version: order.version })
}

describe('service order header', () => {
  it('creates an order with the next SO number in the initial stage, with a history entry', async () => {
    const w = await world()
    const o = await w.newOrder({
      priority: 'high',
      contactId: w.customer.contacts[0]!.id,
      objects: [{ id: w.serviceObject.id, note: 'Left unit' }]
    })
    expect(o.number).toBe('SO-000003') // the seed made two
    expect(o.stage.code).toBe('NEW')
    expect(o.progress).toBe('inProcess')
    expect(o.origin).toBe('manual')
    expect(o.address).toBe('Pärnu mnt 10, Tallinn')
    expect(o.contactName).toBe('Mari Maasikas')
    expect(o.objects).toEqual([expect.objectContaining({ id: w.serviceObject.id, note: 'Left unit' })])
    expect(o.nextStages.map((s) => s.code)).toEqual(['SCHEDULED'])
    expect(o.previousStage).toBeNull()
    expect(o.history).toEqual([expect.objectContaining({ userName: 'seed-admin', fromStage: null, toStage: 'New', reason: null })])
    expect(nextOf(w.conn, 'serviceOrder')).toBe(4)
  })

  it('takes a one-time address instead of a site, and refuses neither', async () => {
    const w = await world()
    const o = await w.newOrder({ siteId: null, oneTimeAddress: 'Rannamõisa tee 5, Tallinn' })
    expect(o.siteId).toBeNull()
    expect(o.address).toBe('Rannamõisa tee 5, Tallinn')
    await expectRefused(
      w.admin,
      'serviceOrders.create',
      { customerId: w.customer.id, siteId: null, description: 'No address' },
      'VALIDATION',
      /site or enter a one-time address/,
      ['siteId']
    )
  })

  it("refuses a site, contact or object that is not the customer's, and takes no number", async () => {
    const w = await world()
    const other = await call(w.admin, 'customers.create', {
      name: 'Teine AS',
      sites: [{ name: 'Ladu', street: 'Peterburi tee 1', city: 'Tallinn' }],
      contacts: [{ name: 'Peeter' }]
    })
    const base = { customerId: w.customer.id, description: 'Wrong site' }
    await expectRefused(
      w.admin,
      'serviceOrders.create',
      { ...base, siteId: other.sites[0]!.id },
      'VALIDATION',
      /one of the customer's sites/,
      ['siteId']
    )
    await expectRefused(
      w.admin,
      'serviceOrders.create',
      { ...base, siteId: w.site, contactId: other.contacts[0]!.id },
      'VALIDATION',
      /customer's contacts/,
      ['contactId']
    )
    const foreignObject = await call(w.admin, 'serviceObjects.create', {
      name: 'Other pump',
      customerId: other.id,
      siteId: other.sites[0]!.id
    })
    await expectRefused(
      w.admin,
      'serviceOrders.create',
      { ...base, siteId: w.site, objects: [{ id: foreignObject.id }] },
      'VALIDATION',
      /customer's/,
      ['objects', 0, 'id']
    )
    expect(nextOf(w.conn, 'serviceOrder')).toBe(3)
  })

  it('updates the header with the version read, and answers CONFLICT to a stale one', async () => {
    const w = await world()
    const o = await w.newOrder()
    const changed = await call(w.admin, 'serviceOrders.update', {
      ...headerOf(o),
      description: 'Boiler service and flue check',
      priority: 'low'
    })
    expect(changed).toMatchObject({ description: 'Boiler service and flue check', priority: 'low', version: o.version + 1 })
    await expectRefused(
      w.admin,
      'serviceOrders.update',
      { ...headerOf(o), description: 'Stale' },
      'CONFLICT',
      /was changed by seed-admin at/
    )
  })

  it('keeps the customer once the order has lines', async () => {
    const w = await world()
    const other = await call(w.admin, 'customers.create', {
      name: 'Teine AS',
      sites: [{ name: 'Ladu', street: 'Peterburi tee 1', city: 'Tallinn' }]
    })
    const o = await w.addHours((await w.newOrder()).id)
    await expectRefused(
      w.admin,
      'serviceOrders.update',
      { ...headerOf(o), customerId: other.id, siteId: other.sites[0]!.id },
      'VALIDATION',
      /customer cannot change/,
      ['customerId']
    )
  })
})

describe('order lines', () => {
  it('take unit, prices and description from the category or the item', async () => {
    const w = await world()
    let o = await w.newOrder({ plannedStart: Date.UTC(2026, 2, 10, 22, 30) }) // 11 March 00:30 in Tallinn
    o = await w.addHours(o.id, 1500)
    o = await call(w.admin, 'serviceOrders.addLine', { orderId: o.id, type: 'item', itemId: w.part.id, quantity: 2000 })
    o = await call(w.admin, 'serviceOrders.addLine', {
      orderId: o.id,
      type: 'fee',
      categoryId: w.callout.id,
      description: 'Weekend call-out'
    })
    const [hours, item, fee] = o.lines
    expect(hours).toMatchObject({
      lineNo: 1,
      unit: 'h',
      unitCost: 2800,
      unitPrice: 5500,
      description: 'Labour',
      salesAmount: 8250,
      costAmount: 4200,
      status: 'created',
      signedOff: false
    })
    // An hour line without a worker goes to the order's responsible worker (none here), and is scheduled on the planned day.
    expect(hours!.workerId).toBeNull()
    expect(hours!.scheduledDate).toBe('2026-03-11')
    expect(item).toMatchObject({
      lineNo: 2,
      unit: 'pcs',
      unitCost: 800,
      unitPrice: 1500,
      description: 'Filter',
      salesAmount: 3000,
      itemId: w.part.id,
      categoryId: null
    })
    expect(fee).toMatchObject({ lineNo: 3, unit: 'pcs', unitPrice: 4900, description: 'Weekend call-out' })
    expect(o).toMatchObject({ lineCount: 3, salesTotal: 8250 + 3000 + 4900, costTotal: 4200 + 1600 + 0 })
  })

  it('refuse a line without its source, or with a category of another type', async () => {
    const w = await world()
    const o = await w.newOrder()
    await expectRefused(w.admin, 'serviceOrders.addLine', { orderId: o.id, type: 'item' }, 'VALIDATION', /needs an item/, ['itemId'])
    await expectRefused(w.admin, 'serviceOrders.addLine', { orderId: o.id, type: 'hour' }, 'VALIDATION', /needs a category/, ['categoryId'])
    await expectRefused(
      w.admin,
      'serviceOrders.addLine',
      { orderId: o.id, type: 'expense', categoryId: w.labour.id },
      'VALIDATION',
      /is for hour lines/,
      ['categoryId']
    )
  })

  it('need the price-override permission to change a price: refused for a dispatcher, allowed for a manager', async () => {
    const w = await world()
    const dispatcher = userWith(w.conn, ['dispatcher'], 'disp')
    const manager = userWith(w.conn, ['serviceManager'], 'mgr')
    const o = await w.newOrder()
    const err = await expectRefused(
      dispatcher,
      'serviceOrders.addLine',
      { orderId: o.id, type: 'hour', categoryId: w.labour.id, unitPrice: 4000 },
      'FORBIDDEN',
      /price-override permission/
    )
    expect(err.issues).toEqual([{ path: ['unitPrice'], code: 'errors.notAllowedForRole', message: 'Not allowed for your role' }])
    await expectRefused(
      dispatcher,
      'serviceOrders.addLine',
      { orderId: o.id, type: 'hour', categoryId: w.labour.id, unitCost: 1 },
      'FORBIDDEN',
      /price-override/,
      ['unitCost']
    )
    // The default price, sent as it is, is no change.
    let after = await call(dispatcher, 'serviceOrders.addLine', {
      orderId: o.id,
      type: 'hour',
      categoryId: w.labour.id,
      unitPrice: 5500,
      unitCost: 2800
    })
    expect(after.lines[0]).toMatchObject({ unitPrice: 5500, unitCost: 2800 })
    after = await call(manager, 'serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: w.labour.id, unitPrice: 4000 })
    expect(after.lines[1]).toMatchObject({ unitPrice: 4000, salesAmount: 4000 })

    // On an update, the dispatcher may keep the manager's price and change the quantity…
    const discounted = after.lines[1]!
    after = await call(dispatcher, 'serviceOrders.updateLine', { ...lineOf(discounted), quantity: 2000 })
    expect(after.lines[1]).toMatchObject({ unitPrice: 4000, quantity: 2000, salesAmount: 8000 })
    // …but not change it.
    await expectRefused(
      dispatcher,
      'serviceOrders.updateLine',
      { ...lineOf(after.lines[1]!), unitPrice: 3000 },
      'FORBIDDEN',
      /price-override/,
      ['unitPrice']
    )
  })

  it("refuse a dispatcher the old line's price once the line switches to another category (that would be an override)", async () => {
    const w = await world()
    const dispatcher = userWith(w.conn, ['dispatcher'], 'disp')
    const overtime = await call(w.admin, 'categories.create', {
      code: 'OT',
      name: 'Overtime',
      type: 'hour',
      unit: 'h',
      costPrice: 4200,
      salesPrice: 8250
    })
    const o = await w.addHours((await w.newOrder()).id)
    const line = o.lines[0]!
    // Switching Labour (55.00) → Overtime (82.50) while sending the displayed 55.00 would sell overtime at the labour price.
    await expectRefused(dispatcher, 'serviceOrders.updateLine', { ...lineOf(line), categoryId: overtime.id }, 'FORBIDDEN', /price-override/)
    const switched = await call(dispatcher, 'serviceOrders.updateLine', {
      ...lineOf(line),
      categoryId: overtime.id,
      unitPrice: null,
      unitCost: null
    })
    // The description was the old category's name, so it follows the new one (#15: an item's line must not keep another's text).
    expect(switched.lines[0]).toMatchObject({ categoryId: overtime.id, unitPrice: 8250, unitCost: 4200, description: 'Overtime' })
  })

  it('delete while open; a stale line version is CONFLICT', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await w.addHours(o.id, 3000)
    const [first, second] = o.lines
    await call(w.admin, 'serviceOrders.updateLine', { ...lineOf(first!), note: 'changed' })
    await expectRefused(w.admin, 'serviceOrders.updateLine', { ...lineOf(first!), note: 'stale' }, 'CONFLICT', /Line 1 was changed/)
    o = await call(w.admin, 'serviceOrders.deleteLine', { id: second!.id, version: second!.version })
    expect(o.lines.map((l) => l.lineNo)).toEqual([1])
    expect(o).toMatchObject({ lineCount: 1, salesTotal: 5500 })
    // The next line takes the next free number.
    o = await w.addHours(o.id)
    expect(o.lines.map((l) => l.lineNo)).toEqual([1, 2])
  })
})

describe('stages', () => {
  it('move only to the next or the previous stage, and write who, from, to and why', async () => {
    const w = await world()
    const o = await w.newOrder()
    await expectRefused(
      w.admin,
      'serviceOrders.changeStage',
      { id: o.id, version: o.version, toStageId: w.stage('IN-PROGRESS').id },
      'VALIDATION',
      /"In progress" does not follow "New"/,
      ['toStageId']
    )
    await expectRefused(
      w.admin,
      'serviceOrders.changeStage',
      { id: o.id, version: o.version, toStageId: w.stage('CLOSED').id },
      'VALIDATION',
      /does not follow/,
      ['toStageId']
    )
    const manager = userWith(w.conn, ['serviceManager'], 'mgr')
    let moved = await call(manager, 'serviceOrders.changeStage', {
      id: o.id,
      version: o.version,
      toStageId: w.stage('SCHEDULED').id,
      note: 'Booked for Monday'
    })
    expect(moved.stage.code).toBe('SCHEDULED')
    expect(moved.previousStage?.code).toBe('NEW')
    expect(moved.nextStages.map((s) => s.code).sort()).toEqual(['IN-PROGRESS', 'ON-HOLD'])
    expect(moved.history[0]).toMatchObject({
      userName: 'mgr',
      fromStage: 'New',
      toStage: 'Scheduled',
      reason: null,
      note: 'Booked for Monday'
    })
    // Sibling: Scheduled → On hold is fine, On hold → In progress is not (back to Scheduled first).
    moved = await call(manager, 'serviceOrders.changeStage', {
      id: o.id,
      version: moved.version,
      toStageId: w.stage('ON-HOLD').id,
      reasonId: w.reason.id
    })
    await expectRefused(
      manager,
      'serviceOrders.changeStage',
      { id: o.id, version: moved.version, toStageId: w.stage('IN-PROGRESS').id },
      'VALIDATION',
      /does not follow "On hold"/
    )
    moved = await call(manager, 'serviceOrders.changeStage', { id: o.id, version: moved.version, toStageId: w.stage('SCHEDULED').id })
    expect(moved.history.map((h) => `${h.fromStage ?? '-'}→${h.toStage}`)).toEqual([
      'On hold→Scheduled',
      'Scheduled→On hold',
      'New→Scheduled',
      '-→New'
    ])
  })

  it('need a reason for On hold and Waiting for parts', async () => {
    const w = await world()
    let o = await w.walkTo((await w.newOrder()).id, ['SCHEDULED'])
    await expectRefused(
      w.admin,
      'serviceOrders.changeStage',
      { id: o.id, version: o.version, toStageId: w.stage('ON-HOLD').id },
      'VALIDATION',
      /"On hold" needs a reason/,
      ['reasonId']
    )
    await expectRefused(
      w.admin,
      'serviceOrders.changeStage',
      { id: o.id, version: o.version, toStageId: w.stage('ON-HOLD').id, reasonId: 9999 },
      'VALIDATION',
      /existing reason/,
      ['reasonId']
    )
    o = await call(w.admin, 'serviceOrders.changeStage', { id: o.id, version: o.version, toStageId: w.stage('IN-PROGRESS').id })
    await expectRefused(
      w.admin,
      'serviceOrders.changeStage',
      { id: o.id, version: o.version, toStageId: w.stage('WAIT-PARTS').id, note: 'pump' },
      'VALIDATION',
      /"Waiting for parts" needs a reason/,
      ['reasonId']
    )
    const parts = (await call(w.admin, 'stageReasons.list', { q: 'PARTS' })).rows[0]!
    o = await call(w.admin, 'serviceOrders.changeStage', {
      id: o.id,
      version: o.version,
      toStageId: w.stage('WAIT-PARTS').id,
      reasonId: parts.id,
      note: 'Pump on order'
    })
    expect(o.history[0]).toMatchObject({
      fromStage: 'In progress',
      toStage: 'Waiting for parts',
      reason: 'Parts on order',
      note: 'Pump on order',
      userName: 'seed-admin'
    })
    expect(rows(w.conn, 'select reason_id from stage_history where order_id = ? order by id desc limit 1', o.id)).toEqual([
      { reason_id: parts.id }
    ])
  })

  it('Closed (canModify false) refuses header, registration and line changes', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await w.walkTo(o.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED', 'CLOSED'])
    expect(o.stage).toMatchObject({ code: 'CLOSED', canModify: false })
    const why = /Stage "Closed" does not allow changes/
    await expectRefused(w.admin, 'serviceOrders.update', { ...headerOf(o), description: 'Late change' }, 'VALIDATION', why)
    await expectRefused(w.admin, 'serviceOrders.register', { id: o.id, version: o.version, notes: 'Late note' }, 'VALIDATION', why)
    await expectRefused(w.admin, 'serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: w.labour.id }, 'VALIDATION', why)
    await expectRefused(w.admin, 'serviceOrders.updateLine', { ...lineOf(o.lines[0]!), quantity: 5000 }, 'VALIDATION', why)
    await expectRefused(w.admin, 'serviceOrders.deleteLine', { id: o.lines[0]!.id, version: o.lines[0]!.version }, 'VALIDATION', why)
    const template = await w.addHours((await w.newOrder({ isTemplate: true })).id)
    await expectRefused(w.admin, 'serviceOrders.copyLines', { id: o.id, fromOrderId: template.id }, 'VALIDATION', why)
    // Back to Completed (the previous stage), the order can change again.
    o = await w.walkTo(o.id, ['COMPLETED'])
    o = await call(w.admin, 'serviceOrders.updateLine', { ...lineOf(o.lines[0]!), quantity: 5000 })
    expect(o.lines[0]!.quantity).toBe(5000)
  })
})

describe('cancel and revoke', () => {
  it('cancel is refused where the stage forbids it (Completed, Closed)', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await w.walkTo(o.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
    expect(o.stage.canCancel).toBe(false)
    await expectRefused(
      w.admin,
      'serviceOrders.cancel',
      { id: o.id, version: o.version },
      'VALIDATION',
      /Stage "Completed" does not allow cancelling/
    )
    await expectRefused(
      w.admin,
      'serviceOrders.cancelLine',
      { id: o.lines[0]!.id, version: o.lines[0]!.version },
      'VALIDATION',
      /Stage "Completed" does not allow cancelling/
    )
    o = await w.walkTo(o.id, ['CLOSED'])
    await expectRefused(
      w.admin,
      'serviceOrders.cancel',
      { id: o.id, version: o.version },
      'VALIDATION',
      /Stage "Closed" does not allow cancelling/
    )
  })

  it('cancel and revoke an order: the lines follow, progress is derived', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await w.addHours(o.id, 2000)
    o = await call(w.admin, 'serviceOrders.cancel', { id: o.id, version: o.version })
    expect(o.progress).toBe('cancelled')
    expect(o.lines.map((l) => l.status)).toEqual(['cancelled', 'cancelled'])
    expect(o).toMatchObject({ lineCount: 0, salesTotal: 0 })
    // A cancelled order takes no changes and no second cancel.
    await expectRefused(w.admin, 'serviceOrders.cancel', { id: o.id, version: o.version }, 'VALIDATION', /already cancelled/)
    await expectRefused(
      w.admin,
      'serviceOrders.addLine',
      { orderId: o.id, type: 'hour', categoryId: w.labour.id },
      'VALIDATION',
      /order is cancelled/
    )
    await expectRefused(w.admin, 'serviceOrders.update', { ...headerOf(o), description: 'x' }, 'VALIDATION', /order is cancelled/)
    await expectRefused(
      w.admin,
      'serviceOrders.signOff',
      { id: o.id, version: o.version },
      'VALIDATION',
      /cancelled order cannot be signed off/
    )
    o = await call(w.admin, 'serviceOrders.revokeCancel', { id: o.id, version: o.version })
    expect(o.progress).toBe('inProcess')
    expect(o.lines.map((l) => l.status)).toEqual(['created', 'created'])
    expect(o).toMatchObject({ lineCount: 2, salesTotal: 5500 * 3 })
    await expectRefused(w.admin, 'serviceOrders.revokeCancel', { id: o.id, version: o.version }, 'VALIDATION', /not cancelled/)
  })

  it('an order without lines is cancelled and revoked explicitly', async () => {
    const w = await world()
    let o = await w.newOrder()
    o = await call(w.admin, 'serviceOrders.cancel', { id: o.id, version: o.version })
    expect(o.progress).toBe('cancelled')
    o = await call(w.admin, 'serviceOrders.revokeCancel', { id: o.id, version: o.version })
    expect(o.progress).toBe('inProcess')
  })

  it('cancel and revoke a line: in process while a line is open, cancelled when all are, posted when the rest is posted', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await w.addHours(o.id, 2000)
    const [a, b] = o.lines
    o = await call(w.admin, 'serviceOrders.cancelLine', { id: a!.id, version: a!.version })
    expect(o.progress).toBe('inProcess')
    expect(o).toMatchObject({ lineCount: 1, salesTotal: 11000 })
    await expectRefused(w.admin, 'serviceOrders.cancelLine', { id: a!.id, version: a!.version + 1 }, 'VALIDATION', /Line 1 is cancelled/)
    await expectRefused(w.admin, 'serviceOrders.updateLine', { ...lineOf(o.lines[0]!), quantity: 1 }, 'VALIDATION', /Line 1 is cancelled/)
    o = await call(w.admin, 'serviceOrders.cancelLine', { id: b!.id, version: b!.version })
    expect(o.progress).toBe('cancelled')
    o = await call(w.admin, 'serviceOrders.revokeCancelLine', { id: a!.id, version: o.lines[0]!.version })
    expect(o.progress).toBe('inProcess')
    expect(o.lines.map((l) => l.status)).toEqual(['created', 'cancelled'])
    await expectRefused(
      w.admin,
      'serviceOrders.revokeCancelLine',
      { id: a!.id, version: o.lines[0]!.version },
      'VALIDATION',
      /Line 1 is not cancelled/
    )

    // Post line 1; with line 2 cancelled the order counts as posted.
    o = await w.walkTo(o.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
    o = await call(w.admin, 'serviceOrders.signOff', { id: o.id, version: o.version })
    o = await call(w.admin, 'serviceOrders.post', { id: o.id, version: o.version })
    expect(o.lines.map((l) => l.status)).toEqual(['posted', 'cancelled'])
    expect(o.progress).toBe('posted')
  })
})

describe('delete', () => {
  it('only in a stage that allows it (New), and never with posted lines', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder({ tasks: [] })).id)
    const scheduled = await w.walkTo(o.id, ['SCHEDULED'])
    await expectRefused(
      w.admin,
      'serviceOrders.delete',
      { id: o.id, version: scheduled.version },
      'VALIDATION',
      /Stage "Scheduled" does not allow deleting/
    )
    o = await w.walkTo(o.id, ['NEW'])
    await call(w.admin, 'serviceOrders.delete', { id: o.id, version: o.version })
    expect(rows(w.conn, 'select id from service_orders where id = ?', o.id)).toEqual([])
    expect(rows(w.conn, 'select id from service_order_lines where order_id = ?', o.id)).toEqual([])
    expect(rows(w.conn, 'select id from stage_history where order_id = ?', o.id)).toEqual([])
    expect((await callError(w.admin, 'serviceOrders.get', { id: o.id })).code).toBe('NOT_FOUND')

    // The posted and invoiced seed order, walked back to New, stays on record.
    const done = await w.walkTo(w.doneOrder.id, ['IN-PROGRESS', 'SCHEDULED', 'NEW'])
    await expectRefused(
      w.admin,
      'serviceOrders.delete',
      { id: done.id, version: done.version },
      'VALIDATION',
      /posted or cancelled lines; it stays on record/
    )
  })
})

describe('sign-off', () => {
  it('signs off all open lines and the order, or chosen lines only', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await w.addHours(o.id, 2000)
    const manager = userWith(w.conn, ['serviceManager'], 'mgr')
    o = await call(manager, 'serviceOrders.signOff', { id: o.id, version: o.version, lineIds: [o.lines[1]!.id] })
    expect(o.lines.map((l) => l.signedOff)).toEqual([false, true])
    expect(o.signedOff).toBe(false)
    o = await call(manager, 'serviceOrders.signOff', { id: o.id, version: o.version })
    expect(o.lines.map((l) => l.signedOff)).toEqual([true, true])
    expect(o).toMatchObject({ signedOff: true, signedOffByName: 'mgr' })
    expect(o.signedOffAt).not.toBeNull()
  })

  it('refuses a line of another order, and an order without lines', async () => {
    const w = await world()
    const o = await w.addHours((await w.newOrder()).id)
    await expectRefused(
      w.admin,
      'serviceOrders.signOff',
      { id: o.id, version: o.version, lineIds: [w.openOrder.lines[0]!.id] },
      'VALIDATION',
      /not on this order/,
      ['lineIds']
    )
    const empty = await w.newOrder()
    await expectRefused(w.admin, 'serviceOrders.signOff', { id: empty.id, version: empty.version }, 'VALIDATION', /no lines to sign off/)
  })

  it('a changed line loses its sign-off and the order its own', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await w.addHours(o.id, 2000)
    o = await call(w.admin, 'serviceOrders.signOff', { id: o.id, version: o.version })
    expect(o.signedOff).toBe(true)
    o = await call(w.admin, 'serviceOrders.updateLine', { ...lineOf(o.lines[0]!), quantity: 1250 })
    expect(o.lines.map((l) => l.signedOff)).toEqual([false, true])
    expect(o.signedOff).toBe(false)
    expect(o.signedOffAt).toBeNull()
  })

  it('a new line on a signed-off order withdraws the order sign-off (it is no longer all signed off)', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await call(w.admin, 'serviceOrders.signOff', { id: o.id, version: o.version })
    expect(o.signedOff).toBe(true)
    o = await w.addHours(o.id, 500)
    expect(o.lines.map((l) => l.signedOff)).toEqual([true, false])
    expect(o.signedOff).toBe(false)
  })
})

describe('posting', () => {
  it('is refused outside a stage that allows posting', async () => {
    const w = await world()
    let o = await w.addHours((await w.newOrder()).id)
    o = await call(w.admin, 'serviceOrders.signOff', { id: o.id, version: o.version })
    o = await w.walkTo(o.id, ['SCHEDULED', 'IN-PROGRESS'])
    await expectRefused(
      w.admin,
      'serviceOrders.post',
      { id: o.id, version: o.version },
      'VALIDATION',
      /Stage "In progress" does not allow posting/
    )
  })

  it('is refused for a line that is not signed off, naming the line', async () => {
    const w = await world()
    let o = await w.newOrder()
    o = await w.addHours(o.id)
    o = await w.addHours(o.id, 2000)
    o = await call(w.admin, 'serviceOrders.signOff', { id: o.id, version: o.version, lineIds: [o.lines[0]!.id] })
    o = await w.walkTo(o.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
    await expectRefused(
      w.admin,
      'serviceOrders.post',
      { id: o.id, version: o.version, lineIds: o.lines.map((l) => l.id) },
      'VALIDATION',
      /^Line 2 is not signed off/
    )
    // Nothing signed off at all: nothing to post.
    const bare = await w.walkTo((await w.addHours((await w.newOrder()).id)).id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
    await expectRefused(
      w.admin,
      'serviceOrders.post',
      { id: bare.id, version: bare.version },
      'VALIDATION',
      /Nothing to post: sign off the lines first/
    )
    // Without a choice, only the signed-off line is posted.
    o = await call(w.admin, 'serviceOrders.post', { id: o.id, version: o.version })
    expect(o.lines.map((l) => l.status)).toEqual(['posted', 'created'])
    expect(o.lines[0]!.postedAt).not.toBeNull()
    expect(o.progress).toBe('inProcess')
  })

  it('makes lines immutable: update, delete, cancel and a second post are refused', async () => {
    const w = await world()
    let o = await completedWithTwoLines(w)
    o = await call(w.admin, 'serviceOrders.post', { id: o.id, version: o.version })
    expect(o.progress).toBe('posted')
    const line = o.lines[0]!
    await expectRefused(
      w.admin,
      'serviceOrders.updateLine',
      { ...lineOf(line), quantity: 9000 },
      'VALIDATION',
      /Line 1 is posted; posted lines cannot change/
    )
    await expectRefused(w.admin, 'serviceOrders.deleteLine', { id: line.id, version: line.version }, 'VALIDATION', /Line 1 is posted/)
    await expectRefused(
      w.admin,
      'serviceOrders.post',
      { id: o.id, version: o.version, lineIds: [line.id] },
      'VALIDATION',
      /Line 1 is posted/
    )
    await expectRefused(w.admin, 'serviceOrders.post', { id: o.id, version: o.version }, 'VALIDATION', /Nothing to post/)
    await expectRefused(
      w.admin,
      'serviceOrders.signOff',
      { id: o.id, version: o.version, lineIds: [line.id] },
      'VALIDATION',
      /Line 1 is posted/
    )
    // Even where cancelling is allowed again (walked back to In progress), a posted line stays, and so does a posted order.
    o = await w.walkTo(o.id, ['IN-PROGRESS'])
    await expectRefused(w.admin, 'serviceOrders.cancelLine', { id: line.id, version: line.version }, 'VALIDATION', /Line 1 is posted/)
    await expectRefused(
      w.admin,
      'serviceOrders.cancel',
      { id: o.id, version: o.version },
      'VALIDATION',
      /has posted lines and cannot be cancelled/
    )
  })
})

describe('moving and copying lines', () => {
  async function agreementOrders(w: World) {
    const a = await w.addHours((await w.newOrder()).id)
    const withTwo = await w.addHours(a.id, 2000)
    const b = await w.addHours((await w.newOrder()).id, 4000)
    const c = await w.newOrder()
    w.conn.sqlite.prepare('update service_orders set agreement_id = ? where id in (?, ?)').run(7, a.id, b.id)
    w.conn.sqlite.prepare('update service_orders set agreement_id = ? where id = ?').run(8, c.id)
    return { a: withTwo, b, c }
  }

  it('is refused without an agreement, across agreements, and for posted lines', async () => {
    const w = await world()
    const { a, c } = await agreementOrders(w)
    const plain = await w.addHours((await w.newOrder()).id)
    await expectRefused(
      w.admin,
      'serviceOrders.moveLines',
      { lineIds: [plain.lines[0]!.id], toOrderId: a.id },
      'VALIDATION',
      /only move between orders of the same agreement/
    )
    await expectRefused(
      w.admin,
      'serviceOrders.moveLines',
      { lineIds: [a.lines[0]!.id], toOrderId: plain.id },
      'VALIDATION',
      /same agreement/
    )
    await expectRefused(w.admin, 'serviceOrders.moveLines', { lineIds: [a.lines[0]!.id], toOrderId: c.id }, 'VALIDATION', /same agreement/)
    await expectRefused(
      w.admin,
      'serviceOrders.moveLines',
      { lineIds: [a.lines[0]!.id, w.openOrder.lines[0]!.id], toOrderId: c.id },
      'VALIDATION',
      /one order at a time/,
      ['lineIds']
    )
    await expectRefused(
      w.admin,
      'serviceOrders.moveLines',
      { lineIds: [a.lines[0]!.id], toOrderId: a.id },
      'VALIDATION',
      /already on this order/,
      ['toOrderId']
    )
    // Posted lines of an agreement order stay where they are.
    const d = await w.addHours((await w.newOrder()).id)
    w.conn.sqlite.prepare('update service_orders set agreement_id = 8 where id = ?').run(d.id)
    let posted = await w.walkTo(d.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
    posted = await call(w.admin, 'serviceOrders.signOff', { id: posted.id, version: posted.version })
    posted = await call(w.admin, 'serviceOrders.post', { id: posted.id, version: posted.version })
    await expectRefused(
      w.admin,
      'serviceOrders.moveLines',
      { lineIds: [posted.lines[0]!.id], toOrderId: c.id },
      'VALIDATION',
      /Line 1 is posted/
    )
  })

  it('moves open lines between orders of one agreement, renumbered at the end, totals on both', async () => {
    const w = await world()
    const { a, b } = await agreementOrders(w)
    const moved = await call(w.admin, 'serviceOrders.moveLines', { lineIds: [a.lines[1]!.id], toOrderId: b.id })
    expect(moved.lines.map((l) => [l.lineNo, l.quantity])).toEqual([
      [1, 4000],
      [2, 2000]
    ])
    expect(moved).toMatchObject({ lineCount: 2, salesTotal: 5500 * 6 })
    const source = await call(w.admin, 'serviceOrders.get', { id: a.id })
    expect(source).toMatchObject({ lineCount: 1, salesTotal: 5500 })
  })

  it('deletes the emptied order when asked and its stage allows it', async () => {
    const w = await world()
    const { a, b } = await agreementOrders(w)
    await call(w.admin, 'serviceOrders.moveLines', { lineIds: a.lines.map((l) => l.id), toOrderId: b.id, deleteEmptyOrder: true })
    expect(rows(w.conn, 'select id from service_orders where id = ?', a.id)).toEqual([])
    // Without the flag, an emptied order stays.
    const again = await call(w.admin, 'serviceOrders.moveLines', { lineIds: [b.lines[0]!.id], toOrderId: (await agreementOrders(w)).a.id })
    expect(again.lineCount).toBe(3)
    expect(rows(w.conn, 'select line_count from service_orders where id = ?', b.id)).toEqual([{ line_count: 2 }])
  })

  it('copies lines only from a template order, as new open lines', async () => {
    const w = await world()
    let template = await w.newOrder({ isTemplate: true, description: 'Annual boiler service (template)' })
    template = await w.addHours(template.id, 1500, { serviceObjectId: w.serviceObject.id })
    template = await call(w.admin, 'serviceOrders.addLine', { orderId: template.id, type: 'item', itemId: w.part.id, quantity: 2000 })
    template = await call(w.admin, 'serviceOrders.addLine', { orderId: template.id, type: 'fee', categoryId: w.callout.id })
    template = await call(w.admin, 'serviceOrders.cancelLine', { id: template.lines[2]!.id, version: template.lines[2]!.version })
    // Templates are listed apart from working orders.
    expect((await call(w.admin, 'serviceOrders.list', { templates: true })).rows.map((r) => r.id)).toEqual([template.id])
    expect((await call(w.admin, 'serviceOrders.list', {})).rows.map((r) => r.id)).not.toContain(template.id)

    let target = await w.addHours((await w.newOrder()).id)
    await expectRefused(
      w.admin,
      'serviceOrders.copyLines',
      { id: target.id, fromOrderId: w.openOrder.id },
      'VALIDATION',
      /SO-000001 is not a template order/
    )
    target = await call(w.admin, 'serviceOrders.copyLines', { id: target.id, fromOrderId: template.id })
    expect(target.lines.map((l) => [l.lineNo, l.type, l.quantity, l.status, l.signedOff])).toEqual([
      [1, 'hour', 1000, 'created', false],
      [2, 'hour', 1500, 'created', false],
      [3, 'item', 2000, 'created', false]
    ])
    expect(target.lines[1]!.serviceObjectId).toBe(w.serviceObject.id)
    expect(target.objects.map((x) => x.id)).toEqual([w.serviceObject.id])
    expect(target).toMatchObject({ lineCount: 3, salesTotal: 5500 + 8250 + 3000 })
    // The template keeps its lines.
    expect((await call(w.admin, 'serviceOrders.get', { id: template.id })).lines).toHaveLength(3)
  })
})

describe('technicians', () => {
  async function technicianWorld() {
    const w = await world()
    const other = await call(w.admin, 'workers.create', { name: 'Mari Kask' })
    const tech = linkedUser(w.conn, ['technician'], 'jaan', w.worker.id)
    const othersOrder = await w.addHours((await w.newOrder({ responsibleWorkerId: other.id, description: "Mari's job" })).id)
    const preferred = await w.newOrder({ preferredWorkerId: w.worker.id, description: 'Preferred Jaan' })
    const onLine = await w.addHours((await w.newOrder({ description: 'Jaan on a line' })).id, 1000, { workerId: w.worker.id })
    return { ...w, other, tech, othersOrder, preferred, onLine }
  }

  it('see only the orders assigned to them (responsible, preferred or on a line), whatever the filters say', async () => {
    const w = await technicianWorld()
    const seen = await call(w.tech, 'serviceOrders.list', { pageSize: 100 })
    expect(seen.rows.map((r) => r.number).sort()).toEqual(
      [w.openOrder.number, w.doneOrder.number, w.preferred.number, w.onLine.number].sort()
    )
    expect(seen.total).toBe(4)
    const asked = await call(w.tech, 'serviceOrders.list', { workerId: w.other.id })
    expect(asked.total).toBe(0)
    // Each kind of assignment also opens the order itself.
    for (const o of [w.preferred, w.onLine, w.openOrder]) expect((await call(w.tech, 'serviceOrders.get', { id: o.id })).id).toBe(o.id)
    // The office's worker filter finds the same orders.
    const filtered = await call(w.admin, 'serviceOrders.list', { workerId: w.worker.id, pageSize: 100 })
    expect(filtered.rows.map((r) => r.number).sort()).toEqual(seen.rows.map((r) => r.number).sort())
    expect(filtered.total).toBe(4)
    // The office sees everything.
    expect((await call(w.admin, 'serviceOrders.list', { pageSize: 100 })).total).toBe(5)
    // An unlinked technician sees nothing.
    expect((await call(userWith(w.conn, ['technician'], 'nobody'), 'serviceOrders.list', {})).total).toBe(0)
  })

  it("are refused on others' orders: get, addLine, register, changeStage, updateLine, deleteLine", async () => {
    const w = await technicianWorld()
    const o = w.othersOrder
    const why = /not assigned to you/
    await expectRefused(w.tech, 'serviceOrders.get', { id: o.id }, 'FORBIDDEN', why)
    await expectRefused(w.tech, 'serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: w.labour.id }, 'FORBIDDEN', why)
    await expectRefused(
      w.tech,
      'serviceOrders.register',
      { id: o.id, version: o.version, actualStart: Date.UTC(2026, 0, 5, 8), notes: 'x' },
      'FORBIDDEN',
      why
    )
    await expectRefused(
      w.tech,
      'serviceOrders.changeStage',
      { id: o.id, version: o.version, toStageId: w.stage('SCHEDULED').id },
      'FORBIDDEN',
      why
    )
    await expectRefused(w.tech, 'serviceOrders.updateLine', { ...lineOf(o.lines[0]!), quantity: 100 }, 'FORBIDDEN', why)
    await expectRefused(w.tech, 'serviceOrders.deleteLine', { id: o.lines[0]!.id, version: o.lines[0]!.version }, 'FORBIDDEN', why)
  })

  it('register times, hours, parts, expenses and notes on their own orders — for themselves only', async () => {
    const w = await technicianWorld()
    const mine = w.openOrder
    let o = await call(w.tech, 'serviceOrders.register', {
      id: mine.id,
      version: mine.version,
      actualStart: Date.UTC(2026, 0, 5, 7),
      actualEnd: Date.UTC(2026, 0, 5, 9, 30),
      notes: 'Filter was clogged'
    })
    expect(o).toMatchObject({ actualStart: Date.UTC(2026, 0, 5, 7), notes: 'Filter was clogged' })
    o = await call(w.tech, 'serviceOrders.addLine', {
      orderId: mine.id,
      type: 'hour',
      categoryId: w.labour.id,
      quantity: 2500,
      actualDate: '2026-01-05'
    })
    o = await call(w.tech, 'serviceOrders.addLine', { orderId: mine.id, type: 'item', itemId: w.part.id, quantity: 1000 })
    const km = await call(w.admin, 'categories.create', {
      code: 'KM',
      name: 'Mileage',
      type: 'expense',
      unit: 'km',
      costPrice: 30,
      salesPrice: 55
    })
    o = await call(w.tech, 'serviceOrders.addLine', {
      orderId: mine.id,
      type: 'expense',
      categoryId: km.id,
      quantity: 42000,
      note: 'Tallinn–Keila'
    })
    const added = o.lines.slice(-3)
    expect(added.map((l) => [l.type, l.workerId])).toEqual([
      ['hour', w.worker.id],
      ['item', w.worker.id],
      ['expense', w.worker.id]
    ])
    expect(added[2]).toMatchObject({ unit: 'km', salesAmount: 2310, note: 'Tallinn–Keila' })
    // Booking for someone else, or at another price, is not theirs to do.
    await expectRefused(
      w.tech,
      'serviceOrders.addLine',
      { orderId: mine.id, type: 'hour', categoryId: w.labour.id, workerId: w.other.id },
      'FORBIDDEN',
      /for yourself only/
    )
    await expectRefused(
      w.tech,
      'serviceOrders.addLine',
      { orderId: mine.id, type: 'hour', categoryId: w.labour.id, unitPrice: 1 },
      'FORBIDDEN',
      /price-override/
    )
    // Moving their order on is allowed; the office work is not.
    o = await call(w.tech, 'serviceOrders.changeStage', { id: mine.id, version: o.version, toStageId: w.stage('SCHEDULED').id })
    expect(o.history[0]).toMatchObject({ userName: 'jaan', toStage: 'Scheduled' })
    await expectRefused(w.tech, 'serviceOrders.update', { ...headerOf(o), description: 'x' }, 'FORBIDDEN', /orders\.write/)
    await expectRefused(w.tech, 'serviceOrders.cancel', { id: o.id, version: o.version }, 'FORBIDDEN', /orders\.write/)
  })

  it('cannot sign off or post — neither through the API nor by calling the service directly', async () => {
    const w = await technicianWorld()
    let o = await w.walkTo(w.openOrder.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'])
    await expectRefused(w.tech, 'serviceOrders.signOff', { id: o.id, version: o.version }, 'FORBIDDEN', /orders\.signOff/)
    o = await call(w.admin, 'serviceOrders.signOff', { id: o.id, version: o.version })
    await expectRefused(w.tech, 'serviceOrders.post', { id: o.id, version: o.version }, 'FORBIDDEN', /orders\.post/)
    const before = snapshot(w.conn)
    expect(() => orders.signOff(w.tech, { id: o.id, version: o.version, lineIds: [] })).toThrow(AppError)
    expect(() => orders.postOrder(w.tech, { id: o.id, version: o.version, lineIds: [] })).toThrow(/orders\.post/)
    expect(snapshot(w.conn)).toEqual(before)
  })

  it('a technician account without a worker has no orders to register on', async () => {
    const w = await technicianWorld()
    const loose = linkedUser(w.conn, ['technician'], 'loose', null)
    await expectRefused(
      loose,
      'serviceOrders.addLine',
      { orderId: w.openOrder.id, type: 'hour', categoryId: w.labour.id },
      'FORBIDDEN',
      /not assigned to you/
    )
  })
})

describe('office actions check their permission inside the service too', () => {
  it('refuses a technician calling the office services directly, and changes nothing', async () => {
    const w = await world()
    const tech = linkedUser(w.conn, ['technician'], 'jaan', w.worker.id)
    const o: OrderRow = w.openOrder
    const { id: _id, version: _version, ...header } = headerOf(o)
    const before = snapshot(w.conn)
    const attempts: [string, () => unknown][] = [
      ['create', () => orders.createOrder(tech, header)],
      ['update', () => orders.updateOrder(tech, { ...headerOf(o), description: 'x' })],
      ['cancel', () => orders.cancelOrder(tech, { id: o.id, version: o.version })],
      ['cancelLine', () => orders.cancelLine(tech, { id: o.lines[0]!.id, version: o.lines[0]!.version })],
      ['copyLines', () => orders.copyLines(tech, { id: o.id, fromOrderId: o.id })],
      ['delete', () => orders.deleteOrder(tech, { id: o.id, version: o.version })],
      [
        'invoice',
        () =>
          invoices.createInvoice(tech, {
            customerId: o.customerId,
            lineIds: [w.doneOrder.lines[0]!.id],
            manualLines: [],
            invoiceDate: '2026-12-01',
            requestKey: 'direct-call-1'
          })
      ],
      ['credit', () => invoices.creditInvoice(tech, { id: w.invoice.id, invoiceDate: '2026-12-01', note: '', requestKey: 'direct-call-2' })]
    ]
    for (const [name, attempt] of attempts) {
      let error: unknown
      try {
        attempt()
      } catch (e) {
        error = e
      }
      expect(error, name).toBeInstanceOf(AppError)
      expect((error as AppError).code, name).toBe('FORBIDDEN')
    }
    expect(snapshot(w.conn)).toEqual(before)
  })
})

describe('saved views', () => {
  it('belong to their user; the same name replaces the filters', async () => {
    const w = await world()
    const anna = userWith(w.conn, ['dispatcher'], 'anna')
    const peeter = userWith(w.conn, ['dispatcher'], 'peeter')
    const first = await call(anna, 'savedViews.save', { list: 'serviceOrders', name: 'Urgent', filters: { priority: 'high' } })
    await call(anna, 'savedViews.save', { list: 'serviceOrders', name: 'Another', filters: { progress: 'posted' } })
    await call(anna, 'savedViews.save', { list: 'invoices', name: 'Urgent', filters: {} })
    const replaced = await call(anna, 'savedViews.save', {
      list: 'serviceOrders',
      name: 'Urgent',
      filters: { priority: 'high', progress: 'inProcess' }
    })
    expect(replaced.id).toBe(first.id)
    expect(await call(anna, 'savedViews.list', { list: 'serviceOrders' })).toEqual([
      { id: expect.any(Number), list: 'serviceOrders', name: 'Another', filters: { progress: 'posted' } },
      { id: first.id, list: 'serviceOrders', name: 'Urgent', filters: { priority: 'high', progress: 'inProcess' } }
    ])
    expect(await call(peeter, 'savedViews.list', { list: 'serviceOrders' })).toEqual([])
    await expectRefused(peeter, 'savedViews.delete', { id: first.id }, 'NOT_FOUND', /Saved view was not found/)
    await call(anna, 'savedViews.delete', { id: first.id })
    expect((await call(anna, 'savedViews.list', { list: 'serviceOrders' })).map((v) => v.name)).toEqual(['Another'])
  })
})
