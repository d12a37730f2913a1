import { describe, expect, it } from 'vitest'
import { dateOf, fromLocalDateTime } from '@shared/time'
import { call, callError, freshDb, userWith } from '../support/db'
import { expectRefused, headerOf, linkedUser } from '../support/orders'
import { seedMasterData } from '../support/seed'

const TZ = 'Europe/Tallinn'
const HOUR = 3_600_000

/** The Monday at least a week ahead: every planned time is in the future and on a working day. */
function nextMonday(): string {
  let d = dateOf(Date.now() + 7 * 86_400_000, TZ)
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = dateOf(Date.parse(`${d}T12:00:00Z`) + 86_400_000, TZ)
  return d
}
const at = (date: string, time: string): number => fromLocalDateTime(`${date} ${time}`, TZ)!

/** The seed plus an order nobody is named on (in the tray), a dispatcher and the seeded technician's account. */
async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const admin = seed.admin
  const order = await call(admin, 'serviceOrders.create', {
    customerId: seed.customer.id,
    siteId: seed.customer.sites[0]!.id,
    description: 'Kontrolli elektrikilpi',
    tasks: [{ id: seed.serviceTask.id }]
  })
  const stages = (await call(admin, 'serviceStages.list', { pageSize: 100 })).rows
  const stage = (code: string) => stages.find((s) => s.code === code)!
  const planner = userWith(conn, ['dispatcher'], 'planner')
  const tech = linkedUser(conn, ['technician'], 'jaan', seed.worker.id)
  return { conn, seed, admin, planner, tech, order, stage, monday: nextMonday() }
}
type World = Awaited<ReturnType<typeof world>>

const get = (w: World, id: number) => call(w.admin, 'serviceOrders.get', { id })
const trayIds = async (w: World) => {
  const ids: number[] = []
  for (const tab of ['unassigned', 'unscheduled', 'dispatched', 'onHold'] as const)
    ids.push(...(await call(w.planner, 'dispatch.tray', { tab })).rows.map((r) => r.orderId))
  return ids
}

describe('lifecycle settings', () => {
  it('start with the default workflow named, refuse an unknown stage and a stale version, and keep a named stage from deletion', async () => {
    const w = await world()
    const s = await call(w.admin, 'lifecycle.get', {})
    expect(s).toEqual({
      plannedStageId: w.stage('SCHEDULED').id,
      dispatchedStageId: null,
      onSiteStageId: w.stage('IN-PROGRESS').id,
      doneStageId: w.stage('COMPLETED').id,
      version: 1
    })
    await expectRefused(w.admin, 'lifecycle.update', { ...s, doneStageId: 9999 }, 'VALIDATION', /Choose a stage|stage/i, ['doneStageId'])
    await expectRefused(w.admin, 'lifecycle.update', { ...s, version: 7 }, 'CONFLICT', /changed by someone else/)
    expect((await callError(w.tech, 'lifecycle.update', s)).code).toBe('FORBIDDEN')
    const after = await call(w.admin, 'lifecycle.update', { ...s, dispatchedStageId: w.stage('SCHEDULED').id })
    expect(after).toMatchObject({ dispatchedStageId: w.stage('SCHEDULED').id, version: 2 })
    const done = w.stage('COMPLETED')
    const del = await callError(w.admin, 'serviceStages.delete', { id: done.id, version: done.version })
    expect(del.message).toMatch(/lifecycle settings/)
  })
})

describe('one rule set: the board, the stages and the technician agree', () => {
  it('booking, arriving and finishing move the stage; the done order leaves the tray and shows done, read-only, outside conflicts', async () => {
    const w = await world()
    expect(await trayIds(w)).toContain(w.order.id)
    const start = at(w.monday, '09:00')
    const { card } = await call(w.planner, 'dispatch.assign', {
      orderId: w.order.id,
      orderVersion: w.order.version,
      workerId: w.seed.worker.id,
      start,
      end: start + 2 * HOUR
    })
    let o = await get(w, w.order.id)
    // One change, one version: the booking and the stage it caused move it once.
    expect(o).toMatchObject({ version: w.order.version + 1, plannedStart: start })
    expect(o.stage.code).toBe('SCHEDULED')
    // Newest first.
    expect(o.history.map((h) => h.toStage)).toEqual(['Scheduled', 'New'])

    // No dispatched stage is set: dispatching leaves the stage as it is.
    await call(w.planner, 'dispatch.dispatch', { ids: [card.id] })
    expect((await get(w, w.order.id)).stage.code).toBe('SCHEDULED')

    // A second card overlapping the first on the same technician: an overlap while both are live work.
    const other = await call(w.admin, 'serviceOrders.create', {
      customerId: w.seed.customer.id,
      siteId: w.seed.customer.sites[0]!.id,
      description: 'Teine töö'
    })
    const second = await call(w.planner, 'dispatch.assign', {
      orderId: other.id,
      orderVersion: other.version,
      workerId: w.seed.worker.id,
      start: start + HOUR,
      end: start + 3 * HOUR
    })
    expect(second.card.conflicts.map((c) => c.kind)).toEqual(['overlap'])

    let board = await call(w.tech, 'dispatch.board', { from: w.monday, days: 1 })
    const mine = board.cards.find((c) => c.orderId === w.order.id)!
    const onSite = await call(w.tech, 'dispatch.setStatus', {
      id: mine.id,
      version: mine.version,
      status: 'onSite',
      at: Date.now() - 60_000
    })
    expect((await get(w, w.order.id)).stage.code).toBe('IN-PROGRESS')
    await call(w.tech, 'dispatch.setStatus', { id: mine.id, version: onSite.card.version, status: 'done' })
    o = await get(w, w.order.id)
    expect(o.stage.code).toBe('COMPLETED')
    expect(o.history.map((h) => h.toStage)).toEqual(['Completed', 'In progress', 'Scheduled', 'New'])

    expect(await trayIds(w)).not.toContain(w.order.id)
    board = await call(w.planner, 'dispatch.board', { from: w.monday, days: 1 })
    const done = board.cards.find((c) => c.orderId === w.order.id)!
    const live = board.cards.find((c) => c.orderId === other.id)!
    expect(done).toMatchObject({ status: 'done', finished: true, orderFinished: true, conflicts: [] })
    // The finished visit no longer takes the technician's time.
    expect(live).toMatchObject({ finished: false, conflicts: [] })

    await expectRefused(
      w.planner,
      'dispatch.move',
      { id: done.id, version: done.version, workerId: w.seed.worker.id, start, end: start + HOUR },
      'VALIDATION',
      /Finished work cannot be moved/,
      ['id']
    )
    await expectRefused(
      w.tech,
      'dispatch.setStatus',
      { id: done.id, version: done.version, status: 'onSite' },
      'VALIDATION',
      /is finished/,
      ['id']
    )
  })

  it('the done stage waits for the last visit of an order with several', async () => {
    const w = await world()
    const a = await call(w.planner, 'dispatch.assign', {
      orderId: w.order.id,
      orderVersion: w.order.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '09:00')
    })
    const o = await get(w, w.order.id)
    const b = await call(w.planner, 'dispatch.assign', {
      orderId: w.order.id,
      orderVersion: o.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '13:00')
    })
    const first = (await call(w.tech, 'dispatch.setStatus', { id: a.card.id, version: a.card.version, status: 'onSite' })).card
    await call(w.tech, 'dispatch.setStatus', { id: first.id, version: first.version, status: 'done' })
    expect((await get(w, w.order.id)).stage.code).toBe('IN-PROGRESS')
    expect(await trayIds(w)).not.toContain(w.order.id)
    const second = (await call(w.tech, 'dispatch.setStatus', { id: b.card.id, version: b.card.version, status: 'onSite' })).card
    await call(w.tech, 'dispatch.setStatus', { id: second.id, version: second.version, status: 'done' })
    expect((await get(w, w.order.id)).stage.code).toBe('COMPLETED')
  })

  it('posted and cancelled orders leave every tray tab', async () => {
    const w = await world()
    // The seeded open order has a responsible technician: it waits on the unscheduled tab.
    expect(await trayIds(w)).toContain(w.seed.openOrder.id)
    expect(await trayIds(w)).toContain(w.order.id)
    await call(w.admin, 'serviceOrders.cancel', { id: w.order.id, version: w.order.version })
    expect(await trayIds(w)).not.toContain(w.order.id)
  })
})

describe('a stage that needs a plan', () => {
  async function planning() {
    const w = await world()
    const s = w.stage('SCHEDULED')
    await call(w.admin, 'serviceStages.update', { ...s, requiresPlan: true })
    return w
  }

  it('is refused with nothing planned, naming the field; planned times on the order are a plan', async () => {
    const w = await planning()
    await expectRefused(
      w.admin,
      'serviceOrders.changeStage',
      { id: w.order.id, version: w.order.version, toStageId: w.stage('SCHEDULED').id },
      'VALIDATION',
      /"Scheduled" needs a plan/,
      ['toStageId']
    )
    const start = at(w.monday, '10:00')
    const planned = await call(w.admin, 'serviceOrders.update', { ...headerOf(w.order), plannedStart: start, plannedEnd: start + HOUR })
    // Planned on the order: the planned event's stage, in the same version.
    expect(planned).toMatchObject({ version: w.order.version + 1, plannedStart: start })
    expect(planned.stage.code).toBe('SCHEDULED')
    await expectRefused(
      w.admin,
      'serviceOrders.update',
      { ...headerOf(planned), plannedStart: null, plannedEnd: null },
      'VALIDATION',
      /"Scheduled" needs a plan/,
      ['plannedStart']
    )
  })

  it('removing the last visit from the board steps the order back to the stage before', async () => {
    const w = await planning()
    const { card } = await call(w.planner, 'dispatch.assign', {
      orderId: w.order.id,
      orderVersion: w.order.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '09:00')
    })
    expect((await get(w, w.order.id)).stage.code).toBe('SCHEDULED')
    await call(w.planner, 'dispatch.unassign', { id: card.id, version: card.version })
    const o = await get(w, w.order.id)
    expect(o).toMatchObject({ plannedStart: null, version: w.order.version + 2 })
    expect(o.stage.code).toBe('NEW')
    expect(await trayIds(w)).toContain(w.order.id)
  })
})

describe('one plan: planned times on the order and the card on the board', () => {
  it('editing the planned times on the order moves its visit; a dispatched visit goes back to planned', async () => {
    const w = await world()
    const start = at(w.monday, '09:00')
    const { card } = await call(w.planner, 'dispatch.assign', {
      orderId: w.order.id,
      orderVersion: w.order.version,
      workerId: w.seed.worker.id,
      start,
      end: start + HOUR
    })
    await call(w.planner, 'dispatch.dispatch', { ids: [card.id] })
    const o = await get(w, w.order.id)
    const later = at(w.monday, '14:00')
    const moved = await call(w.admin, 'serviceOrders.update', { ...headerOf(o), plannedStart: later, plannedEnd: later + 2 * HOUR })
    expect(moved).toMatchObject({ plannedStart: later, plannedEnd: later + 2 * HOUR })
    const board = await call(w.planner, 'dispatch.board', { from: w.monday, days: 1 })
    expect(board.cards.find((c) => c.id === card.id)).toMatchObject({ start: later, end: later + 2 * HOUR, status: 'planned' })

    // Only the start given: the visit keeps its length.
    const again = await call(w.admin, 'serviceOrders.update', { ...headerOf(moved), plannedStart: start, plannedEnd: null })
    expect(again).toMatchObject({ plannedStart: start, plannedEnd: start + 2 * HOUR })

    // And the reverse: the board moves the order's planned times.
    const c = (await call(w.planner, 'dispatch.board', { from: w.monday, days: 1 })).cards.find((x) => x.id === card.id)!
    await call(w.planner, 'dispatch.move', { id: c.id, version: c.version, workerId: c.workerId, start: later, end: later + HOUR })
    expect(await get(w, w.order.id)).toMatchObject({ plannedStart: later, plannedEnd: later + HOUR })
  })

  it('refuses a change the board must make: clearing a booked plan, moving one of several visits', async () => {
    const w = await world()
    await call(w.planner, 'dispatch.assign', {
      orderId: w.order.id,
      orderVersion: w.order.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '09:00')
    })
    let o = await get(w, w.order.id)
    await expectRefused(
      w.admin,
      'serviceOrders.update',
      { ...headerOf(o), plannedStart: null, plannedEnd: null },
      'VALIDATION',
      /remove it there/,
      ['plannedStart']
    )
    await call(w.planner, 'dispatch.assign', {
      orderId: o.id,
      orderVersion: o.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '13:00')
    })
    o = await get(w, w.order.id)
    await expectRefused(
      w.admin,
      'serviceOrders.update',
      { ...headerOf(o), plannedStart: at(w.monday, '08:00') },
      'VALIDATION',
      /has 2 visits on the board/,
      ['plannedStart']
    )
  })
})
