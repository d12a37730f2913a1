import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { runMethod } from '../../src/main/api/pipeline'
import { users } from '../../src/main/db/schema'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { createContext } from '../../src/main/services/core/context'
import { freshDb, userWith } from '../support/db'
import { testClock } from '../support/seed'

/** Tallinn wall time in March 2026 (UTC+2). */
const local = (day: number, h: number, m = 0) => Date.UTC(2026, 2, day, h - 2, m)

/**
 * A database on Monday 2 March 2026, 09:00 in Tallinn, a customer (the list calls filter by it) and a dispatcher
 * who is a technician too.
 */
async function world() {
  const { conn } = await freshDb()
  const clock = testClock(local(2, 9))
  const host = { conn, checkOutputs: true, now: clock.now }
  const admin = userWith(conn, ['administrator'], 'admin')
  async function api<M extends MethodName>(method: M, input: Input<M>, session = admin.session): Promise<Output<M>> {
    const r = await runMethod(host, () => null, session, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.data as Output<M>
  }
  const worker = await api('workers.create', { name: 'Jaan Tamm' })
  const dispatcher = userWith(conn, ['dispatcher'], 'jaan')
  conn.db.update(users).set({ workerId: worker.id }).where(eq(users.id, dispatcher.user!.id)).run()
  const jaan = createContext(conn, loadSessionUser(conn.db, dispatcher.user!.id), undefined, clock.now)
  const stages = (await api('serviceStages.list', { pageSize: 100 })).rows
  const reason = (await api('stageReasons.list', {})).rows[0]!
  const seed = { worker, stages, reason }
  const customer = await api('customers.create', { name: 'Kask AS', sites: [{ name: 'Ladu', street: 'Tööstuse 5', city: 'Tartu' }] })
  const order = (description: string, extra: Partial<Input<'serviceOrders.create'>> = {}) =>
    api('serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description, ...extra })
  const stage = (code: string) => seed.stages.find((s) => s.code === code)!
  async function move(orderId: number, ...codes: string[]) {
    let o = await api('serviceOrders.get', { id: orderId })
    for (const code of codes)
      o = await api('serviceOrders.changeStage', { id: orderId, version: o.version, toStageId: stage(code).id, reasonId: seed.reason.id })
    return o
  }
  const ids = async (input: Partial<Input<'serviceOrders.list'>>, session = admin.session) =>
    (await api('serviceOrders.list', { customerId: customer.id, pageSize: 100, ...input }, session)).rows.map((r) => r.id)
  return { conn, seed, clock, api, order, stage, move, ids, jaan, customer }
}

describe('built-in views of the order list', () => {
  it('open, today, unplanned, mine and waiting for parts each hold the open orders that fit', async () => {
    const w = await world()
    const today = await w.order('Planned this afternoon', { plannedStart: local(2, 13), plannedEnd: local(2, 14) })
    const tomorrow = await w.order('Planned tomorrow', { plannedStart: local(3, 10), plannedEnd: local(3, 11) })
    const loose = await w.order('Nobody planned this')
    const onBoard = await w.order('On the board today')
    const card = await w.api('dispatch.assign', {
      orderId: onBoard.id,
      orderVersion: onBoard.version,
      workerId: w.seed.worker.id,
      start: local(2, 15)
    })
    expect(card.card.orderId).toBe(onBoard.id)
    const mine = await w.order('Jaan is responsible', { responsibleWorkerId: w.seed.worker.id })
    const parts = await w.order('Waits for a valve')
    await w.move(parts.id, 'SCHEDULED', 'IN-PROGRESS', 'WAIT-PARTS')
    const held = await w.order('On hold')
    await w.move(held.id, 'SCHEDULED', 'ON-HOLD')
    const gone = await w.order('Cancelled')
    await w.api('serviceOrders.cancel', { id: gone.id, version: gone.version })
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b)

    const all = [today.id, tomorrow.id, loose.id, onBoard.id, mine.id, parts.id, held.id]
    expect(sorted(await w.ids({ view: 'open' }))).toEqual(sorted(all))
    expect(await w.ids({})).toContain(gone.id)
    expect(sorted(await w.ids({ view: 'today' }))).toEqual(sorted([today.id, onBoard.id]))
    expect(sorted(await w.ids({ view: 'unplanned' }))).toEqual(sorted([loose.id, mine.id, parts.id, held.id]))
    // Mine: where the signed-in user's worker is responsible, preferred or on a line (the board's card made a line).
    expect(sorted(await w.ids({ view: 'mine' }, w.jaan.session))).toEqual(sorted([onBoard.id, mine.id]))
    expect(await w.ids({ view: 'waitingForParts' })).toEqual([parts.id])

    // Any stage can be flagged so; the seeded "Waiting for parts" stage is.
    expect(w.stage('WAIT-PARTS').waitsForParts).toBe(true)
    const onHold = w.stage('ON-HOLD')
    const { id, version, parentName: _p, orderCount: _c, ...rest } = onHold
    await w.api('serviceStages.update', { ...rest, id, version, waitsForParts: true })
    expect(sorted(await w.ids({ view: 'waitingForParts' }))).toEqual(sorted([parts.id, held.id]))
    // A view narrows the other filters, it does not replace them.
    expect(await w.ids({ view: 'waitingForParts', stageId: onHold.id })).toEqual([held.id])
  })

  it('"Breached or at risk" lists what the SLA at-risk list lists, both by the deadline shown: breached first', async () => {
    const w = await world()
    const missFast = await w.api('slaDefinitions.create', {
      code: 'MISSFAST',
      name: 'Quick answer, slow fix',
      targets: [{ priority: 'normal', responseMinutes: 30, resolutionMinutes: 4800 }]
    })
    const gold = await w.api('slaDefinitions.create', {
      code: 'GOLD',
      name: 'Gold',
      targets: [{ priority: 'normal', responseMinutes: 60, resolutionMinutes: 480 }]
    })
    // Missed its response at 09:30; its next deadline (the resolution) is days away.
    const breached = await w.order('Missed the answer', { slaId: missFast.id })
    w.clock.set(local(2, 12))
    const soon = await w.order('Answer by 13:00', { slaId: gold.id })
    w.clock.set(local(2, 12, 20))
    const later = await w.order('Answer by 13:20', { slaId: gold.id })
    w.clock.set(local(2, 12, 30))
    await w.order('Not urgent yet')

    const risk = await w.api('slaAtRisk.list', {})
    expect(risk.rows.map((r) => [r.id, r.sla?.level])).toEqual([
      [breached.id, 'breached'],
      [soon.id, 'atRisk'],
      [later.id, 'atRisk']
    ])
    // Sorted by what the badge shows: the missed response, not the resolution days away.
    expect(risk.rows[0]!.sla?.deadline).toBe(local(2, 9, 30))
    expect(await w.ids({ view: 'atRisk', sort: 'slaDue' })).toEqual([breached.id, soon.id, later.id])
    expect(await w.ids({ view: 'atRisk', sort: 'slaDue', dir: 'desc' })).toEqual([later.id, soon.id, breached.id])
  })

  it('counts a search for a common word only up to 1,000 ("over 1,000"), exactly behind a narrow filter or for a rarer word', async () => {
    const w = await world()
    const boiler = await w.order('Katla hooldus')
    await w.order('Pumba vahetus')
    // 1,100 copies of the boiler order, written straight into the table (the search triggers index them as any writer's).
    const columns = (w.conn.sqlite.prepare('pragma table_info(service_orders)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id' && c !== 'number')
    const list = columns.map((c) => `"${c}"`).join(', ')
    w.conn.sqlite
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < 1100)
         insert into service_orders (number, ${list}) select 'COPY-' || i, ${list} from service_orders, n where id = ?`
      )
      .run(boiler.id)

    const common = await w.api('serviceOrders.list', { q: 'katla', pageSize: 50 })
    expect(common).toMatchObject({ total: 1000, capped: true })
    expect(common.rows).toHaveLength(50)
    expect((await w.api('serviceOrders.list', { q: 'katla', view: 'open', pageSize: 50 })).total).toBe(1000)
    // A narrow filter counts exactly (the walk would read every match to find few).
    const mine = await w.api('serviceOrders.list', { q: 'katla', customerId: w.customer.id, pageSize: 50 })
    expect(mine.total).toBe(1101)
    expect(mine.capped).toBeUndefined()
    // A word with few matches is counted exactly, as before.
    const rare = await w.api('serviceOrders.list', { q: 'pumba', pageSize: 50 })
    expect(rare.total).toBe(1)
    expect(rare.capped).toBeUndefined()
  })
})
