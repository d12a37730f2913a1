import { describe, expect, it } from 'vitest'
import { TRAY_TABS } from '@shared/domain/dispatch'
import { withYearLoaded } from '@shared/domain/planning'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { call, callError, freshDb, userWith } from '../support/db'
import type { Connection } from '../../src/main/db/connection'
import { seedMasterData } from '../support/seed'

async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const planner = userWith(conn, ['dispatcher'], 'planner')
  return { conn, ...seed, planner }
}
type World = Awaited<ReturnType<typeof world>>

function generate(w: World, agreementId: number, from: string, to: string) {
  return runGeneration(w.admin, {
    from,
    to,
    agreementIds: [agreementId],
    customerId: null,
    groupId: null,
    types: ['hour', 'expense', 'item', 'fee']
  })
}

/** Every order of every tray tab, and the tabs' counts. */
async function inTray(w: World) {
  const numbers: string[] = []
  let counted = 0
  for (const tab of TRAY_TABS) {
    const t = await call(w.planner, 'dispatch.tray', { tab, limit: 500 })
    numbers.push(...t.rows.map((r) => r.orderNumber))
    if (tab === 'unassigned') counted = Object.values(t.counts).reduce((s, n) => s + n, 0)
  }
  return { numbers, counted }
}

describe('work that needs no visit (issue 14, item 3)', () => {
  it('makes fee-only visits for invoicing, unplanned and off every tray tab; an hour added makes one to plan', async () => {
    const w = await world()
    const fee = await call(w.admin, 'categories.create', { code: 'FEE', name: 'Monthly fee', type: 'fee' })
    const monthly = (await call(w.admin, 'serviceIntervals.list', {})).rows.find((i) => i.code === 'MONTHLY')!
    // Combined by task: the fee (no task) and the inspection (a task) are separate orders on the same days.
    let agreement = await call(w.admin, 'agreements.create', {
      customerId: w.customer.id,
      description: 'Remote monitoring and inspections',
      groupId: w.agreementGroup.id,
      startDate: '2026-06-01',
      combineRule: 'task',
      responsibleWorkerId: w.worker.id
    })
    agreement = await call(w.admin, 'agreements.addLine', {
      agreementId: agreement.id,
      type: 'fee',
      categoryId: fee.id,
      intervalId: monthly.id,
      startDate: '2026-06-01',
      unitPrice: 4900
    })
    agreement = await call(w.admin, 'agreements.addLine', {
      agreementId: agreement.id,
      type: 'hour',
      categoryId: w.category.id,
      serviceTaskId: w.serviceTask.id,
      intervalId: monthly.id,
      startDate: '2026-06-01'
    })
    const before = await inTray(w)
    const made = generate(w, agreement.id, '2026-06-01', '2026-07-31')
    expect(made.summary).toMatchObject({ orders: 4, lines: 4 })
    const orders = await Promise.all(made.orderIds.map((id) => call(w.admin, 'serviceOrders.get', { id })))
    const feeOrders = orders.filter((o) => o.lines[0]!.type === 'fee')
    const visits = orders.filter((o) => o.lines[0]!.type === 'hour')
    expect(feeOrders).toHaveLength(2)
    for (const o of feeOrders) {
      expect(o).toMatchObject({ needsVisit: false, plannedStart: null, plannedEnd: null, sla: null, salesTotal: 4900 })
      expect(o.lines[0]!.scheduledDate).toMatch(/^2026-0[67]-01$/)
    }
    for (const o of visits) expect(o).toMatchObject({ needsVisit: true })
    expect(visits.every((o) => o.plannedStart !== null)).toBe(true)

    const after = await inTray(w)
    expect(after.numbers.filter((n) => !before.numbers.includes(n)).sort()).toEqual(visits.map((o) => o.number).sort())
    expect(after.counted).toBe(before.counted + visits.length)

    // Even on hold it stays out of the tray.
    const onHold = w.stages.find((s) => s.code === 'ON-HOLD')!
    const [first, second] = feeOrders
    let held = await call(w.admin, 'serviceOrders.changeStage', {
      id: first!.id,
      version: first!.version,
      toStageId: w.stages.find((s) => s.code === 'SCHEDULED')!.id
    })
    held = await call(w.admin, 'serviceOrders.changeStage', {
      id: held.id,
      version: held.version,
      toStageId: onHold.id,
      reasonId: w.reason.id
    })
    expect((await inTray(w)).numbers).not.toContain(held.number)

    // The board refuses it, naming the order; nothing is booked.
    const refused = await callError(w.planner, 'dispatch.assign', {
      orderId: second!.id,
      orderVersion: second!.version,
      workerId: w.worker.id,
      start: Date.UTC(2026, 6, 1, 7)
    })
    expect(refused.code).toBe('VALIDATION')
    expect(refused.issues?.[0]).toMatchObject({
      path: ['orderId'],
      message: `Order ${second!.number} needs no visit: it only invoices fees or expenses`
    })
    expect(w.conn.sqlite.prepare('select count(*) as n from order_assignments').get()).toEqual({ n: 0 })

    // Given work to do, it becomes an order to plan.
    const withHours = await call(w.admin, 'serviceOrders.addLine', {
      orderId: second!.id,
      type: 'hour',
      categoryId: w.category.id,
      quantity: 1000
    })
    expect(withHours.needsVisit).toBe(true)
    expect((await inTray(w)).numbers).toContain(second!.number)
  })
})

/** The order, its lines and its assignments as stored, without what moves on with every write. */
function rowsOf(conn: Connection, orderId: number) {
  const strip = (rows: unknown[]) =>
    (rows as Record<string, unknown>[]).map(({ version: _v, updated_at: _u, updated_by: _b, ...rest }) => rest)
  const s = conn.sqlite
  return {
    order: strip([s.prepare('select * from service_orders where id = ?').get(orderId)]),
    lines: strip(s.prepare('select * from service_order_lines where order_id = ? order by id').all(orderId)),
    assignments: strip(s.prepare('select * from order_assignments where order_id = ? order by id').all(orderId))
  }
}

describe('exact undo of board changes (issue 14, item 2)', () => {
  const at = (day: number, hour: number) => Date.UTC(2030, 2, day, hour - 2)

  it('puts the order, its lines and its assignments back exactly, after do + undo and after redo + undo', async () => {
    const w = await world()
    const other = await call(w.admin, 'workers.create', { name: 'Anu Kask', teamId: w.team.id })
    // Nobody responsible and an hour line nobody is named on: a tray drop names the technician on both.
    let order = await call(w.admin, 'serviceOrders.create', {
      customerId: w.customer.id,
      siteId: w.customer.sites[0]!.id,
      description: 'Kontrolli soojuspumpa'
    })
    order = await call(w.admin, 'serviceOrders.addLine', { orderId: order.id, type: 'hour', categoryId: w.category.id, quantity: 2000 })
    const rows = () => rowsOf(w.conn, order.id)
    const card = () =>
      w.conn.sqlite.prepare('select id, version from order_assignments where order_id = ?').get(order.id) as { id: number; version: number }
    const undo = (changeId: number) => call(w.planner, 'dispatch.undo', { changeId })
    const redo = (changeId: number) => call(w.planner, 'dispatch.redo', { changeId })

    const exact = async (
      what: string,
      change: () => Promise<{ changeId: number | null }>,
      check: (after: ReturnType<typeof rows>) => void
    ) => {
      const before = rows()
      const { changeId } = await change()
      const after = rows()
      expect(changeId, what).not.toBeNull()
      check(after)
      await undo(changeId!)
      expect(rows(), `${what}: do + undo`).toEqual(before)
      await redo(changeId!)
      expect(rows(), `${what}: redo`).toEqual(after)
      await undo(changeId!)
      expect(rows(), `${what}: redo + undo`).toEqual(before)
      await redo(changeId!)
    }

    await exact(
      'assign from the tray',
      async () => {
        const version = (await call(w.admin, 'serviceOrders.get', { id: order.id })).version
        return call(w.planner, 'dispatch.assign', {
          orderId: order.id,
          orderVersion: version,
          workerId: w.worker.id,
          start: at(4, 9),
          end: at(4, 11)
        })
      },
      (after) => {
        expect(after.order[0]).toMatchObject({ responsible_worker_id: w.worker.id, planned_start: at(4, 9), planned_end: at(4, 11) })
        expect(after.lines[0]).toMatchObject({ worker_id: w.worker.id, scheduled_date: '2030-03-04' })
      }
    )
    const assigned = rows()
    expect(assigned.assignments).toHaveLength(1)
    await exact(
      'move to another technician and day',
      async () => call(w.planner, 'dispatch.move', { ...card(), workerId: other.id, start: at(5, 13), end: at(5, 15) }),
      (after) => expect(after.assignments[0]).toMatchObject({ worker_id: other.id, start: at(5, 13) })
    )
    await exact(
      'resize',
      async () => call(w.planner, 'dispatch.move', { ...card(), workerId: other.id, start: at(5, 13), end: at(5, 16) }),
      (after) => expect(after.order[0]).toMatchObject({ planned_end: at(5, 16) })
    )
    await exact(
      'dispatch',
      async () => call(w.planner, 'dispatch.dispatch', { ids: [card().id] }),
      (after) => expect(after.assignments[0]).toMatchObject({ status: 'dispatched' })
    )
    await exact(
      'unassign',
      async () => call(w.planner, 'dispatch.unassign', card()),
      (after) => expect(after.assignments).toEqual([])
    )
    // The responsible technician the drop named stays until the drop itself is undone.
    expect(rows().order[0]).toMatchObject({ responsible_worker_id: w.worker.id, planned_start: null })
  })

  it("refuses an undo once the work changed since, and another planner's undo; nothing changes", async () => {
    const w = await world()
    const order = w.openOrder
    const { changeId } = await call(w.planner, 'dispatch.assign', {
      orderId: order.id,
      orderVersion: (await call(w.admin, 'serviceOrders.get', { id: order.id })).version,
      workerId: w.worker.id,
      start: at(4, 9),
      end: at(4, 11)
    })
    const other = userWith(w.conn, ['dispatcher'], 'planner2')
    expect((await callError(other, 'dispatch.undo', { changeId: changeId! })).code).toBe('FORBIDDEN')
    const now = await call(w.admin, 'serviceOrders.get', { id: order.id })
    await call(w.admin, 'serviceOrders.update', { ...now, description: 'Changed by the office' } as never)
    const before = rowsOf(w.conn, order.id)
    const refused = await callError(w.planner, 'dispatch.undo', { changeId: changeId! })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toMatch(/changed since/)
    expect(rowsOf(w.conn, order.id)).toEqual(before)
  })
})

describe('public holidays (issue 14, item 4)', () => {
  async function withHolidays(w: World, years: number[]) {
    const settings = await call(w.admin, 'settings.get', {})
    let holidays = settings.holidays
    for (const year of years) holidays = withYearLoaded(holidays, await call(w.admin, 'calendar.publicHolidays', { year }))
    return call(w.admin, 'settings.update', { ...settings, holidays })
  }

  it("loads Estonia's public holidays of a year, in Estonian or English; a reload brings back removed days and keeps own ones", async () => {
    const w = await world()
    const et = await call(w.planner, 'calendar.publicHolidays', { year: 2026 })
    expect(et.map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-02-24',
      '2026-04-03',
      '2026-04-05',
      '2026-05-01',
      '2026-05-24',
      '2026-06-23',
      '2026-06-24',
      '2026-08-20',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26'
    ])
    expect(et.find((h) => h.date === '2026-12-24')!.name).toBe('Jõululaupäev')
    const en = await call(w.planner, 'calendar.publicHolidays', { year: 2026, language: 'en' })
    expect(en.find((h) => h.date === '2026-06-23')!.name).toBe('Victory Day')
    expect((await callError(w.planner, 'calendar.publicHolidays', { year: 1200 })).issues?.[0]?.path).toEqual(['year'])

    const own = { date: '2026-12-31', name: 'Company day off' }
    const edited = [own, ...et.filter((h) => h.date !== '2026-12-24'), { date: '2027-01-01', name: 'Uusaasta' }]
    expect(withYearLoaded(edited, et)).toEqual([...et, own, { date: '2027-01-01', name: 'Uusaasta' }])
  })

  it('keeps agreement visits, suggestions and the board off the loaded holidays', async () => {
    const w = await world()
    const saved = await withHolidays(w, [2030, 2031])
    expect(saved.holidays.filter((h) => h.date.startsWith('2030-12'))).toHaveLength(3)

    const windows = (await call(w.admin, 'timeWindows.list', {})).rows
    let agreement = await call(w.admin, 'agreements.create', {
      customerId: w.customer.id,
      description: 'Christmas checks',
      groupId: w.agreementGroup.id,
      startDate: '2029-12-01',
      combineRule: 'task'
    })
    // Due on Christmas Day inside a week window: moved to the nearest open day of that week (Monday 23rd;
    // 24–26 are holidays, then the weekend). Due on New Year's Day with no window: made, and flagged.
    agreement = await call(w.admin, 'agreements.addLine', {
      agreementId: agreement.id,
      type: 'hour',
      categoryId: w.category.id,
      timeWindowId: windows.find((x) => x.code === 'WEEK')!.id,
      intervalId: (await call(w.admin, 'serviceIntervals.list', {})).rows.find((i) => i.code === 'YEARLY')!.id,
      startDate: '2029-12-25'
    })
    agreement = await call(w.admin, 'agreements.addLine', {
      agreementId: agreement.id,
      type: 'hour',
      categoryId: w.category.id,
      serviceTaskId: w.serviceTask.id,
      startDate: '2031-01-01'
    })
    const made = generate(w, agreement.id, '2030-12-01', '2031-01-31')
    const orders = await Promise.all(made.orderIds.map((id) => call(w.admin, 'serviceOrders.get', { id })))
    expect(orders.map((o) => o.lines[0]!.scheduledDate)).toEqual(['2030-12-23', '2031-01-01'])
    expect(
      w.conn.sqlite.prepare('select calendar_conflict as c from service_orders where agreement_id = ? order by id').all(agreement.id)
    ).toEqual([{ c: 0 }, { c: 1 }])

    const board = await call(w.planner, 'dispatch.board', { from: '2030-12-23', days: 7 })
    // The board shades what the company calendar holds.
    expect(board.holidays.map((h) => h.date).filter((d) => d >= '2030-12-23' && d <= '2030-12-29')).toEqual([
      '2030-12-24',
      '2030-12-25',
      '2030-12-26'
    ])
    const tz = (await call(w.admin, 'settings.get', {})).timeZone
    const dayOf = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(ms)
    const offered = await call(w.planner, 'dispatch.suggest', { orderId: w.openOrder.id, from: '2030-12-24', days: 4 })
    const slots = offered.filter((s) => s.slot).map((s) => dayOf(s.slot!.start))
    expect(slots.length).toBeGreaterThan(0)
    expect(slots.every((d) => d === '2030-12-27')).toBe(true)
  })
})
