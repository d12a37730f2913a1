import { describe, expect, it } from 'vitest'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { call, callError, freshDb, userWith } from '../support/db'
import { seedMasterData } from '../support/seed'

async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  return { conn, ...seed }
}

describe('generating service orders from agreements', () => {
  it('takes more agreement ids than SQLite takes parameters, and still generates only for those that exist', async () => {
    const w = await world()
    const input = { from: '2026-12-01', to: '2027-02-28' }
    const ids = [w.agreement.id, ...Array.from({ length: 39_999 }, (_, i) => 100_000 + i)]
    const many = await call(w.admin, 'agreements.preview', { ...input, agreementIds: ids })
    const one = await call(w.admin, 'agreements.preview', { ...input, agreementIds: [w.agreement.id] })
    expect(many).toEqual(one)
    expect(many.orders).toBe(3)
    expect((await call(w.admin, 'agreements.preview', { ...input, agreementIds: ids.slice(1) })).orders).toBe(0)
  })

  it('creates one order per occurrence, linked back to the agreement line, and never twice', async () => {
    const w = await world()
    const preview = await call(w.admin, 'agreements.preview', { from: '2026-12-01', to: '2027-02-28', agreementIds: [w.agreement.id] })
    // Monthly from 5 January; without a time window each visit keeps its date, and 5 December 2026 (a
    // Saturday) is created anyway, flagged as a calendar conflict.
    expect(preview).toMatchObject({ orders: 3, lines: 3, conflicts: 1 })
    expect(preview.visits.map((v) => [v.date, v.calendarConflict])).toEqual([
      ['2026-12-05', true],
      ['2027-01-05', false],
      ['2027-02-05', false]
    ])

    const first = runGeneration(w.admin, {
      from: '2026-12-01',
      to: '2027-02-28',
      agreementIds: [w.agreement.id],
      customerId: null,
      groupId: null,
      types: ['hour', 'expense', 'item', 'fee']
    })
    expect(first.summary).toMatchObject({ orders: 3, lines: 3, skipped: 0 })
    const order = await call(w.admin, 'serviceOrders.get', { id: first.orderIds[0]! })
    expect(order.origin).toBe('agreement')
    expect(order.agreementId).toBe(w.agreement.id)
    expect(order.lines[0]).toMatchObject({ agreementLineId: w.agreement.lines[0]!.id, occurrenceDate: '2026-12-05', quantity: 2000 })
    expect(order.objects.map((o) => o.id)).toEqual([w.serviceObject.id])

    // An overlapping second run skips what exists, even after a line was cancelled.
    await call(w.admin, 'serviceOrders.cancelLine', { id: order.lines[0]!.id, version: order.lines[0]!.version })
    const second = runGeneration(w.admin, {
      from: '2026-11-01',
      to: '2027-03-31',
      agreementIds: [],
      customerId: null,
      groupId: null,
      types: ['hour']
    })
    expect(second.summary).toMatchObject({ orders: 2, skipped: 3 })
  })

  it('background run reports progress and completes', async () => {
    const w = await world()
    const run = await call(w.admin, 'agreements.generate', { from: '2026-12-01', to: '2027-01-31' })
    expect(run.status).toBe('running')
    let now = run
    for (let i = 0; i < 100 && now.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10))
      now = await call(w.admin, 'agreements.run', { id: run.id })
    }
    expect(now).toMatchObject({ status: 'done', ordersCreated: 2, agreementsDone: 1 })
  })

  it('refuses a range over ten years and a line on an object not related to the agreement', async () => {
    const w = await world()
    const err = await callError(w.admin, 'agreements.preview', { from: '2020-01-01', to: '2031-01-02' })
    expect(err.issues?.[0]?.path).toEqual(['to'])
    const other = await call(userWith(w.conn, ['dispatcher'], 'disp'), 'serviceObjects.create', {
      name: 'Other boiler',
      customerId: w.customer.id
    })
    const bad = await callError(w.admin, 'agreements.addLine', {
      agreementId: w.agreement.id,
      type: 'hour',
      categoryId: w.category.id,
      serviceObjectId: other.id,
      startDate: '2026-01-01'
    })
    expect(bad.issues?.[0]?.path).toEqual(['serviceObjectId'])
  })
})
