import { describe, expect, it } from 'vitest'
import type { Connection } from '../../src/main/db/connection'
import { createContext } from '../../src/main/services/core/context'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { dispatcherHome } from '../../src/main/services/home/dispatcher'
import { managerHome } from '../../src/main/services/home/manager'
import { call, callError, freshDb, userWith } from './../support/db'
import { seedMasterData } from '../support/seed'

/** Monday 15 June 2026, 12:00 in Tallinn (UTC+3 in summer). */
const NOW = Date.UTC(2026, 5, 15, 9, 0)
const HOUR = 3_600_000
/** An instant given as Tallinn summer time (UTC+3). */
const tln = (date: string, time = '12:00') => Date.parse(`${date}T${time}:00+03:00`)

async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const manager = userWith(conn, ['serviceManager'], 'manager')
  const ctx = createContext(conn, loadSessionUser(conn.db, manager.user!.id), manager.session, () => NOW)
  const stage = (code: string) => seed.stages.find((s) => s.code === code)!.id
  let n = 0
  /** An order written straight into the table: the home page only reads, so the figures see exactly these rows. */
  const order = (o: {
    progress?: 'inProcess' | 'posted' | 'cancelled'
    stage?: string
    origin?: 'manual' | 'agreement'
    priority?: 'high' | 'normal' | 'low'
    objects?: number[]
    actualStart?: number
    actualEnd?: number
    plannedStart?: number
    responsible?: number
  }): number => {
    const id = Number(
      conn.sqlite
        .prepare(
          `insert into service_orders (number, customer_id, description, priority, stage_id, progress, origin, actual_start, actual_end,
             planned_start, responsible_worker_id, created_at, updated_at)
           values (?, ?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(
          `T-${++n}`,
          seed.customer.id,
          o.priority ?? 'normal',
          stage(o.stage ?? (o.progress === 'posted' ? 'CLOSED' : 'NEW')),
          o.progress ?? 'inProcess',
          o.origin ?? 'manual',
          o.actualStart ?? null,
          o.actualEnd ?? null,
          o.plannedStart ?? null,
          o.responsible ?? null,
          NOW,
          NOW
        ).lastInsertRowid
    )
    for (const objectId of o.objects ?? []) {
      conn.sqlite.prepare('insert into service_order_objects (order_id, service_object_id) values (?, ?)').run(id, objectId)
    }
    return id
  }
  const assign = (orderId: number, workerId: number, start: number, end: number, status = 'planned') =>
    conn.sqlite
      .prepare(
        'insert into order_assignments (order_id, worker_id, start, "end", status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)'
      )
      .run(orderId, workerId, start, end, status, NOW, NOW)
  return { conn, seed, ctx, manager, order, assign, stage }
}

function setHolidays(conn: Connection, dates: string[]) {
  conn.sqlite.prepare('update settings set holidays = ?').run(JSON.stringify(dates.map((date) => ({ date, name: 'Holiday' }))))
}

describe('the service manager’s home', () => {
  it('rates first-time fixes over the 90 days that ended N days ago, a return visit being a non-agreement order on the same object', async () => {
    const { seed, ctx, order } = await world()
    const a = seed.serviceObject.id
    const b = (await call(seed.admin, 'serviceObjects.create', { name: 'Second pump', customerId: seed.customer.id })).id
    // N = 30 (the default): closes from 15 Feb to 15 May 2026 count.
    order({ progress: 'posted', objects: [a], actualEnd: tln('2026-03-01') }) // back on 20 March: not fixed
    order({ progress: 'inProcess', objects: [a], plannedStart: tln('2026-03-20') })
    order({ progress: 'posted', objects: [b], actualEnd: tln('2026-04-01') }) // fixed: only maintenance and a cancelled order follow
    order({ progress: 'inProcess', origin: 'agreement', objects: [b], plannedStart: tln('2026-04-10') })
    order({ progress: 'cancelled', objects: [b], plannedStart: tln('2026-04-05') })
    order({ progress: 'posted', objects: [a], actualStart: tln('2026-04-20', '09:00'), actualEnd: tln('2026-04-20') }) // next visit after 35 days: fixed
    order({ progress: 'inProcess', objects: [a], plannedStart: tln('2026-05-25') })
    order({ progress: 'posted', objects: [b], actualEnd: tln('2026-05-20') }) // its 30 days are not over yet
    order({ progress: 'posted', actualEnd: tln('2026-03-10') }) // no object: not measured
    order({ progress: 'posted', objects: [a], actualEnd: tln('2026-02-10') }) // before the period (back on 20 March)

    const home = managerHome(ctx)
    expect(home.firstTimeFix).toEqual({ days: 30, from: '2026-02-15', to: '2026-05-15', closed: 3, fixed: 2, share: 2 / 3 })

    // A window of 40 days makes the visit 35 days after the April close a return visit; the period moves back 10 days
    // and takes in the close of 10 February, whose object was back on 20 March.
    ctx.conn.sqlite.prepare('update settings set first_time_fix_days = 40').run()
    expect(managerHome(ctx).firstTimeFix).toEqual({ days: 40, from: '2026-02-05', to: '2026-05-05', closed: 4, fixed: 1, share: 1 / 4 })
  })

  it('compares SLA compliance this month with last, by the month the clock started in the shop’s time zone', async () => {
    const { conn, seed, ctx, order } = await world()
    const sla = await call(seed.admin, 'slaDefinitions.create', {
      code: 'GOLD',
      name: 'Gold',
      targets: [{ priority: 'normal', responseMinutes: 60, arrivalMinutes: 240, resolutionMinutes: 480 }]
    })
    type Target = { target: 'response' | 'resolution'; met?: boolean; breached?: boolean }
    const clock = (startedAt: number, targets: Target[], cancelled = false) => {
      const id = order({ progress: 'inProcess' })
      conn.sqlite
        .prepare(`insert into order_slas (order_id, sla_id, source, started_at, state, cancelled_at) values (?, ?, 'order', ?, ?, ?)`)
        .run(id, sla.id, startedAt, cancelled ? 'cancelled' : 'met', cancelled ? startedAt + HOUR : null)
      for (const t of targets) {
        conn.sqlite
          .prepare('insert into order_sla_targets (order_id, target, minutes, deadline, met_at, breached_at) values (?, ?, 60, ?, ?, ?)')
          .run(id, t.target, startedAt + HOUR, t.met ? startedAt + 2 * HOUR : null, t.breached ? startedAt + HOUR : null)
      }
    }
    clock(tln('2026-06-02'), [
      { target: 'response', met: true },
      { target: 'resolution', breached: true }
    ])
    clock(tln('2026-06-10'), [{ target: 'response', met: true }, { target: 'resolution' }]) // still running: not decided
    clock(tln('2026-05-20'), [
      { target: 'response', met: true, breached: true },
      { target: 'resolution', met: true }
    ]) // met late = missed
    clock(tln('2026-05-25'), [{ target: 'response', met: true }], true) // cancelled: not measured
    clock(tln('2026-05-01', '02:00'), [{ target: 'response', met: true }]) // 30 April 23:00 UTC, 1 May in Tallinn
    clock(tln('2026-04-30'), [{ target: 'response', breached: true }]) // April: neither month

    expect(managerHome(ctx).compliance).toEqual([
      { month: '2026-05', met: 2, breached: 1, share: 2 / 3 },
      { month: '2026-06', met: 2, breached: 1, share: 2 / 3 }
    ])
  })

  it('sets hours booked on the board against the technicians’ working hours without holidays, split at the month’s edge', async () => {
    const { conn, seed, ctx, order, assign } = await world()
    // The seeded technician works the company's week (Mon–Fri 08–17); the second one mornings only.
    const morning = { open: true, start: '08:00', end: '12:00' }
    const closed = { open: false, start: '08:00', end: '12:00' }
    const second = await call(seed.admin, 'workers.create', {
      name: 'Mari Mets',
      workingHours: [morning, morning, morning, morning, morning, closed, closed]
    })
    setHolidays(conn, ['2026-05-01', '2026-06-24'])
    const o = order({})
    assign(o, seed.worker.id, tln('2026-06-03', '09:00'), tln('2026-06-03', '12:00'), 'done')
    assign(o, second.id, tln('2026-05-31', '22:00'), tln('2026-06-01', '02:00'))
    assign(o, second.id, tln('2026-04-20', '09:00'), tln('2026-04-20', '11:00'))

    // May 2026: 21 weekdays less 1 May = 20 days × (9 h + 4 h) = 260 h; June: 22 weekdays less Midsummer = 21 × 13 = 273 h.
    expect(managerHome(ctx).utilisation).toEqual([
      { month: '2026-05', bookedHours: 2, availableHours: 260, share: 2 / 260 },
      { month: '2026-06', bookedHours: 5, availableHours: 273, share: 5 / 273 }
    ])
  })

  it('adds up the net invoiced per month and source for 12 months, credit notes subtracted', async () => {
    const { conn, seed, ctx } = await world()
    let n = 0
    const invoice = (date: string, kind: 'invoice' | 'credit', lines: [source: string, net: number][]) => {
      const net = lines.reduce((s, [, v]) => s + v, 0)
      const id = Number(
        conn.sqlite
          .prepare(
            `insert into invoices (number, kind, customer_id, invoice_date, due_date, currency, net_total, vat_total, gross_total, request_key, created_at)
             values (?, ?, ?, ?, ?, 'EUR', ?, 0, ?, ?, ?)`
          )
          .run(`TI-${++n}`, kind, seed.customer.id, date, date, net, net, `home-${n}`, NOW).lastInsertRowid
      )
      for (const [source, amount] of lines) {
        conn.sqlite
          .prepare(
            `insert into invoice_lines (invoice_id, source, type, description, quantity, unit, unit_price, net_amount, vat_code, vat_rate, vat_amount)
             values (?, ?, 'fee', 'x', 1000, 'pcs', ?, ?, 'Z', 0, 0)`
          )
          .run(id, source, amount, amount)
      }
    }
    invoice('2026-06-05', 'invoice', [
      ['orderLine', 10000],
      ['subscriptionFee', 5000],
      ['manual', 700]
    ])
    invoice('2026-06-20', 'credit', [['orderLine', -2500]])
    invoice('2025-07-01', 'invoice', [['orderLine', 3000]])
    invoice('2025-06-30', 'invoice', [['orderLine', 99999]]) // 13 months back

    const revenue = managerHome(ctx).revenue
    expect(revenue.map((r) => r.month)).toEqual([
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06'
    ])
    expect(revenue[0]).toEqual({ month: '2025-07', serviceOrders: 3000, subscriptions: 0, other: 0 })
    expect(revenue[11]).toEqual({ month: '2026-06', serviceOrders: 7500, subscriptions: 5000, other: 700 })
    // The seeded invoice of November 2026 is in the future of this clock.
    expect(revenue.slice(1, 11).every((r) => r.serviceOrders === 0 && r.subscriptions === 0 && r.other === 0)).toBe(true)
  })

  it('counts open orders by stage in the stages’ order and the returns not closed', async () => {
    const { conn, seed, ctx, order } = await world()
    order({ stage: 'WAIT-PARTS' })
    order({ stage: 'WAIT-PARTS' })
    order({ stage: 'SCHEDULED' })
    order({ progress: 'cancelled', stage: 'SCHEDULED' })
    const reason = await call(seed.admin, 'returnReasons.create', { code: 'HOME-TEST', name: 'Home page test' })
    for (const status of ['created', 'open', 'open', 'closed', 'cancelled']) {
      conn.sqlite
        .prepare(
          `insert into return_orders (number, status, customer_id, reason_id, created_date, deadline, created_at) values (?, ?, ?, ?, '2026-06-01', '2026-07-01', ?)`
        )
        .run(`RMA-${status}-${Math.random()}`, status, seed.customer.id, reason.id, NOW)
    }
    const home = managerHome(ctx)
    // The seed's open order waits in NEW.
    expect(home.openByStage.map((s) => [s.code, s.count])).toEqual([
      ['NEW', 1],
      ['SCHEDULED', 1],
      ['WAIT-PARTS', 2]
    ])
    expect(home.returnsOpen).toBe(3)
  })

  it('is refused to a dispatcher and a technician; the dispatcher’s home is refused to a technician', async () => {
    const { conn } = await world()
    const dispatcher = userWith(conn, ['dispatcher'], 'd')
    const technician = userWith(conn, ['technician'], 't')
    expect((await callError(dispatcher, 'home.manager', {})).code).toBe('FORBIDDEN')
    expect((await callError(technician, 'home.manager', {})).code).toBe('FORBIDDEN')
    expect((await callError(technician, 'home.dispatcher', {})).code).toBe('FORBIDDEN')
    await expect(call(dispatcher, 'home.dispatcher', {})).resolves.toMatchObject({ board: { planned: 0 } })
  })
})

describe('the dispatcher’s home', () => {
  it('counts today’s board by status and its conflicts, the unassigned tray, SLAs at risk and unplanned work by priority', async () => {
    const { conn, seed, ctx, order, assign } = await world()
    const w = seed.worker.id
    const today = order({ stage: 'SCHEDULED', plannedStart: tln('2026-06-15', '09:00'), responsible: w })
    // Two cards of one technician overlapping: both in conflict.
    assign(today, w, tln('2026-06-15', '09:00'), tln('2026-06-15', '11:00'), 'planned')
    assign(today, w, tln('2026-06-15', '10:00'), tln('2026-06-15', '12:00'), 'dispatched')
    assign(today, w, tln('2026-06-15', '13:00'), tln('2026-06-15', '14:00'), 'onSite')
    assign(today, w, tln('2026-06-15', '08:00'), tln('2026-06-15', '08:30'), 'done')
    assign(today, w, tln('2026-06-16', '09:00'), tln('2026-06-16', '10:00'), 'planned') // tomorrow
    order({ priority: 'high' }) // nobody named, nothing planned: unassigned and unplanned
    order({ priority: 'low' })
    order({ priority: 'high', responsible: w }) // named: unplanned, but not on the unassigned tab
    order({ priority: 'high', progress: 'posted' })
    const sla = await call(seed.admin, 'slaDefinitions.create', {
      code: 'GOLD',
      name: 'Gold',
      targets: [{ priority: 'normal', responseMinutes: 60, arrivalMinutes: 240, resolutionMinutes: 480 }]
    })
    const late = order({ stage: 'SCHEDULED', plannedStart: tln('2026-06-20'), responsible: w })
    conn.sqlite
      .prepare(
        `insert into order_slas (order_id, sla_id, source, started_at, state, next_deadline, next_target) values (?, ?, 'order', ?, 'running', ?, 'resolution')`
      )
      .run(late, sla.id, NOW - HOUR, tln('2026-06-15', '16:00'))

    const home = dispatcherHome(ctx)
    expect(home).toEqual({
      date: '2026-06-15',
      board: { planned: 1, dispatched: 2, done: 1 },
      unassigned: 2,
      slaAtRisk: 1,
      conflicts: 2,
      // The seed's open order (normal, a technician named) is unplanned too.
      unplannedByPriority: [
        { priority: 'high', count: 2 },
        { priority: 'normal', count: 1 },
        { priority: 'low', count: 1 }
      ]
    })
  })
})
