import { describe, expect, it } from 'vitest'
import { contract, type Input, type MethodName } from '@shared/api/contract'
import { runMethod, startExport } from '../../src/main/api/pipeline'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { slaArrived, slaDispatched } from '../../src/main/services/sla/hooks'
import { local, marchWorld } from '../support/marchWorld'
import { headerOf } from '../support/orders'

const GOLD = {
  code: 'GOLD',
  name: 'Gold',
  targets: [
    { priority: 'high' as const, responseMinutes: 30, arrivalMinutes: 120, resolutionMinutes: 240 },
    { priority: 'normal' as const, responseMinutes: 60, arrivalMinutes: 240, resolutionMinutes: 480 }
  ]
}

/** A seeded database, a clock the test moves (Monday 2 March 2026, 09:00 in Tallinn) and the Gold SLA. */
async function world() {
  const { conn, seed, clock, admin, host, api } = await marchWorld()
  async function fails<M extends MethodName>(method: M, input: Input<M>) {
    const r = await runMethod(host, () => null, admin.session, method, input)
    if (r.ok) throw new Error(`${method} should have failed`)
    return r.error
  }
  const gold = await api('slaDefinitions.create', GOLD)
  const siteId = seed.customer.sites[0]!.id
  const order = (extra: Partial<Input<'serviceOrders.create'>> = {}) =>
    api('serviceOrders.create', { customerId: seed.customer.id, siteId, description: 'Boiler does not start', slaId: gold.id, ...extra })
  const clockOf = async (orderId: number) => (await api('sla.forOrder', { orderId }))!
  const target = async (orderId: number, t: string) => (await clockOf(orderId)).targets.find((x) => x.target === t)!
  const stageId = (code: string) => seed.stages.find((s) => s.code === code)!.id
  async function move(orderId: number, ...codes: string[]) {
    let o = await api('serviceOrders.get', { id: orderId })
    for (const code of codes)
      o = await api('serviceOrders.changeStage', { id: orderId, version: o.version, toStageId: stageId(code), reasonId: seed.reason.id })
    return o
  }
  const count = (table: string) => (conn.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  const inTx = (fn: () => void) => admin.db.transaction(fn)
  return { conn, seed, clock, admin, host, api, fails, gold, order, clockOf, target, move, count, inTx }
}

describe('SLA definitions', () => {
  it('refuses a zero target, a calendar without working hours, holidays closing every working day and unknown stages, saving nothing', async () => {
    const w = await world()
    const before = { defs: w.count('sla_definitions'), targets: w.count('sla_targets'), audit: w.count('audit_log') }
    const zero = await w.fails('slaDefinitions.create', {
      ...GOLD,
      code: 'Z',
      targets: [{ priority: 'normal', responseMinutes: 0, resolutionMinutes: 60 }]
    })
    expect(zero.code).toBe('VALIDATION')
    expect(zero.issues).toContainEqual(
      expect.objectContaining({ path: ['targets', 0, 'responseMinutes'], message: 'Response target must be more than zero' })
    )
    const negative = await w.fails('slaDefinitions.create', {
      ...GOLD,
      code: 'N',
      targets: [{ priority: 'normal', responseMinutes: 30, resolutionMinutes: -5 }]
    })
    expect(negative.issues?.map((i) => i.path)).toContainEqual(['targets', 0, 'resolutionMinutes'])

    const closedDay = { open: false, start: '08:00', end: '17:00' }
    const noHours = await w.fails('slaDefinitions.create', { ...GOLD, code: 'C', workingHours: Array(7).fill(closedDay), holidays: [] })
    expect(noHours).toMatchObject({
      code: 'VALIDATION',
      message: 'The calendar has no working hours',
      issues: [{ path: ['workingHours'] }]
    })

    // Only Mondays are working days, and every Monday for more than three years is a holiday.
    const mondaysOnly = [{ open: true, start: '08:00', end: '17:00' }, ...Array(6).fill(closedDay)]
    const mondays = Array.from({ length: 170 }, (_, n) => ({
      date: new Date(Date.UTC(2026, 0, 5 + 7 * n)).toISOString().slice(0, 10),
      name: 'Closed'
    }))
    const allHolidays = await w.fails('slaDefinitions.create', { ...GOLD, code: 'H', workingHours: mondaysOnly, holidays: mondays })
    expect(allHolidays).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^The holidays close every working day/),
      issues: [{ path: ['holidays'] }]
    })

    const badStage = await w.fails('slaDefinitions.create', { ...GOLD, code: 'S', pauseStageIds: [99999] })
    expect(badStage).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['pauseStageIds', 0], message: 'Choose an existing stage' }] })

    expect({ defs: w.count('sla_definitions'), targets: w.count('sla_targets'), audit: w.count('audit_log') }).toEqual(before)
  })

  it('saves its own calendar and stage roles, and refuses deleting an SLA still in use', async () => {
    const w = await world()
    const week = [
      ...Array(5).fill({ open: true, start: '07:00', end: '19:00' }),
      ...Array(2).fill({ open: false, start: '08:00', end: '17:00' })
    ]
    const sla = await w.api('slaDefinitions.create', {
      ...GOLD,
      code: 'OWN',
      workingHours: week,
      holidays: [{ date: '2026-06-24', name: 'Jaanipäev' }],
      respondStageIds: [w.seed.stages.find((s) => s.code === 'SCHEDULED')!.id]
    })
    expect(sla).toMatchObject({ workingHours: week, holidays: [{ date: '2026-06-24', name: 'Jaanipäev' }], inUse: 0 })
    expect(sla.respondStageIds).toHaveLength(1)
    expect(sla.targets.map((t) => t.priority)).toEqual(['high', 'normal'])

    await w.api('customerGroups.update', { ...w.seed.customerGroup, slaId: sla.id })
    const refused = await w.fails('slaDefinitions.delete', { id: sla.id, version: sla.version })
    expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('1 customer groups') })
    expect(w.count('sla_definitions')).toBe(2)
  })
})

describe('which SLA an order gets', () => {
  it('takes the order’s own, else the agreement’s, else the agreement group’s, else the customer group’s, skipping suspended ones', async () => {
    const w = await world()
    const silver = await w.api('slaDefinitions.create', { ...GOLD, code: 'SILVER', name: 'Silver' })
    const bronze = await w.api('slaDefinitions.create', { ...GOLD, code: 'BRONZE', name: 'Bronze' })
    await w.api('customerGroups.update', { ...w.seed.customerGroup, slaId: bronze.id })

    const plain = await w.order({ slaId: null })
    expect(await w.clockOf(plain.id)).toMatchObject({ slaName: 'Bronze', source: 'customerGroup', startedAt: local(2, 9) })
    expect(plain.slaId).toBeNull()
    const own = await w.order()
    expect(await w.clockOf(own.id)).toMatchObject({ slaName: 'Gold', source: 'order' })

    // Generated orders: the agreement group's SLA, then the agreement's own; the clock starts at the planned visit.
    await w.api('agreementGroups.update', { ...w.seed.agreementGroup, slaId: silver.id })
    const generate = (from: string, to: string) =>
      runGeneration(w.admin, contract['agreements.generate'].input.parse({ from, to, agreementIds: [w.seed.agreement.id] })).orderIds
    const [march] = generate('2026-03-01', '2026-03-31')
    const marchOrder = await w.api('serviceOrders.get', { id: march! })
    expect(await w.clockOf(march!)).toMatchObject({
      slaName: 'Silver',
      source: 'agreementGroup',
      startedAt: Math.max(local(2, 9), marchOrder.plannedStart!)
    })

    const agreement = await w.api('agreements.get', { id: w.seed.agreement.id })
    await w.api('agreements.update', { ...agreement, slaId: w.gold.id })
    const [april] = generate('2026-04-01', '2026-04-30')
    const aprilOrder = await w.api('serviceOrders.get', { id: april! })
    expect(await w.clockOf(april!)).toMatchObject({ slaName: 'Gold', source: 'agreement', startedAt: aprilOrder.plannedStart })
    // The April visit falls on Sunday the 5th: the hour of response runs on Monday, 08:00–09:00 (UTC+3).
    expect(aprilOrder.plannedStart).toBe(Date.UTC(2026, 3, 5, 5))
    expect((await w.target(april!, 'response')).deadline).toBe(Date.UTC(2026, 3, 6, 6))

    const gold = await w.api('slaDefinitions.get', { id: w.gold.id })
    await w.api('slaDefinitions.update', { ...gold, suspended: true })
    const [may] = generate('2026-05-01', '2026-05-31')
    expect(await w.clockOf(may!)).toMatchObject({ slaName: 'Silver', source: 'agreementGroup' })
    expect(await w.clockOf((await w.order()).id)).toMatchObject({ slaName: 'Bronze', source: 'customerGroup' })
  })

  it('gives no clock to a priority the SLA sets no targets for, and recomputes when the priority changes', async () => {
    const w = await world()
    const low = await w.order({ priority: 'low' })
    expect(await w.api('sla.forOrder', { orderId: low.id })).toBeNull()
    expect(low.sla).toBeNull()

    const o = await w.order()
    expect((await w.target(o.id, 'response')).deadline).toBe(local(2, 10))
    w.clock.set(local(2, 9, 10))
    await w.api('serviceOrders.update', { ...headerOf(o), priority: 'high' })
    const high = await w.api('serviceOrders.get', { id: o.id })
    const c = await w.clockOf(o.id)
    // The start stays when the order came in; only the targets change.
    expect(c.targets.map((t) => [t.target, t.minutes, t.deadline])).toEqual([
      ['response', 30, local(2, 9, 30)],
      ['arrival', 120, local(2, 11)],
      ['resolution', 240, local(2, 13)]
    ])
    expect(c.events.map((e) => e.kind)).toEqual(['start', 'priority'])
    expect(high.sla).toMatchObject({ level: 'atRisk', target: 'response', remainingMinutes: 20 })

    await w.api('serviceOrders.update', { ...headerOf(high), priority: 'low' })
    expect(await w.api('sla.forOrder', { orderId: o.id })).toBeNull()
  })
})

describe('the clock through the workflow', () => {
  it('pauses in a stage that stops the clock and moves every deadline by the paused business time', async () => {
    const w = await world()
    const o = await w.order()
    expect((await w.clockOf(o.id)).targets.map((t) => t.deadline)).toEqual([local(2, 10), local(2, 13), local(2, 17)])

    w.clock.set(local(2, 9, 30))
    await w.move(o.id, 'SCHEDULED', 'ON-HOLD')
    const paused = await w.clockOf(o.id)
    expect(paused.state).toBe('paused')
    expect(paused.badge).toMatchObject({ level: 'paused', remainingMinutes: null })
    expect(paused.targets.map((t) => t.deadline)).toEqual([null, null, null])

    // Four working hours on hold: nothing counts, the countdown stands still.
    w.clock.set(local(2, 13, 30))
    expect((await w.target(o.id, 'response')).consumed).toBe(30)
    await w.move(o.id, 'SCHEDULED')
    const resumed = await w.clockOf(o.id)
    expect(resumed.state).toBe('running')
    // Resolution: 17:00 + 4 h runs past closing into Tuesday 08:00–12:00.
    expect(resumed.targets.map((t) => t.deadline)).toEqual([local(2, 14), local(2, 17), local(3, 12)])
    expect(resumed.events.map((e) => e.kind)).toEqual(['start', 'pause', 'resume'])
    expect(resumed.badge).toMatchObject({ level: 'atRisk', target: 'response', remainingMinutes: 30 })
  })

  it('meets the response when the work is dispatched and the on-site target on arrival; resolving meets the rest', async () => {
    const w = await world()
    const o = await w.order()
    w.clock.set(local(2, 9, 20))
    w.inTx(() => slaDispatched(w.admin, o.id, local(2, 9, 20)))
    let c = await w.clockOf(o.id)
    expect(c.targets[0]).toMatchObject({ target: 'response', metAt: local(2, 9, 20), state: 'met', consumed: 20 })
    expect(c.badge).toMatchObject({ level: 'ok', target: 'arrival' })
    w.clock.set(local(2, 11))
    w.inTx(() => slaArrived(w.admin, o.id, local(2, 11)))
    await w.move(o.id, 'SCHEDULED', 'IN-PROGRESS')
    w.clock.set(local(2, 15))
    await w.move(o.id, 'COMPLETED')
    c = await w.clockOf(o.id)
    expect(c.state).toBe('met')
    expect(c.targets.map((t) => [t.target, t.metAt, t.state])).toEqual([
      ['response', local(2, 9, 20), 'met'],
      ['arrival', local(2, 11), 'met'],
      ['resolution', local(2, 15), 'met']
    ])
    expect(c.badge).toMatchObject({ state: 'met', level: 'met' })
    expect(c.events.filter((e) => e.kind === 'met').map((e) => e.target)).toEqual(['response', 'arrival', 'resolution'])
  })

  it('records a passed deadline once, at the deadline, when anything reads the clocks; lists show it breached', async () => {
    const w = await world()
    const o = await w.order()
    w.clock.set(local(2, 10, 30))
    const risk = await w.api('slaAtRisk.list', {})
    expect(risk.rows.map((r) => r.id)).toEqual([o.id])
    expect(risk.rows[0]!.sla).toMatchObject({
      state: 'breached',
      level: 'breached',
      target: 'response',
      deadline: local(2, 10),
      remainingMinutes: -30
    })
    await w.api('slaAtRisk.list', {})
    const c = await w.clockOf(o.id)
    expect(c.targets[0]).toMatchObject({ breachedAt: local(2, 10), metAt: null, state: 'breached' })
    expect(c.events.filter((e) => e.kind === 'breached')).toEqual([
      expect.objectContaining({ at: local(2, 10), target: 'response', userName: null })
    ])
    expect(c.reasonsMissing).toEqual(['response'])
    const list = await w.api('serviceOrders.list', { q: o.number })
    expect(list.rows[0]!.sla).toMatchObject({ level: 'breached', target: 'response' })
  })

  it('computes deadlines on the shop calendar across the spring daylight-saving change', async () => {
    const w = await world()
    w.clock.set(local(27, 16))
    const o = await w.order()
    // Friday 16:00 (UTC+2): one hour on Friday, then Monday 30 March from 08:00 (UTC+3).
    expect((await w.clockOf(o.id)).targets.map((t) => t.deadline)).toEqual([local(27, 17), local(30, 11), local(30, 15)])
    expect(local(30, 15)).toBe(Date.UTC(2026, 2, 30, 12))
  })
})

describe('reasons, cancel and reset', () => {
  it('asks for a reason for a missed target at sign-off, and takes one', async () => {
    const w = await world()
    const o = await w.order()
    await w.api('serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: w.seed.category.id, quantity: 1000 })
    w.clock.set(local(2, 12))
    const done = await w.move(o.id, 'SCHEDULED', 'IN-PROGRESS', 'COMPLETED')
    const refused = await w.fails('serviceOrders.signOff', { id: o.id, version: done.version })
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Give a reason for the missed response target'),
      issues: [{ path: ['sla', 'response'] }]
    })
    expect((await w.api('serviceOrders.get', { id: o.id })).signedOff).toBe(false)

    const reasons = await w.api('slaReasons.list', {})
    expect(reasons.rows.map((r) => r.code)).toContain('CUST-UNAVAIL')
    const reason = reasons.rows.find((r) => r.code === 'CUST-UNAVAIL')!
    const notMissed = await w.fails('sla.giveReason', {
      orderId: o.id,
      version: (await w.clockOf(o.id)).version,
      target: 'resolution',
      reasonId: reason.id
    })
    expect(notMissed).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['target'] }] })
    const given = await w.api('sla.giveReason', {
      orderId: o.id,
      version: (await w.clockOf(o.id)).version,
      target: 'response',
      reasonId: reason.id,
      note: 'Gate locked'
    })
    expect(given.targets[0]).toMatchObject({
      reasonName: 'Customer not available',
      reasonNote: 'Gate locked',
      state: 'breached',
      metAt: local(2, 12)
    })
    expect(given.reasonsMissing).toEqual([])
    const signed = await w.api('serviceOrders.signOff', { id: o.id, version: done.version })
    expect(signed.signedOff).toBe(true)
  })

  it('cancels and resets a clock only with a reason (by the setting), and cancelling the order stops it', async () => {
    const w = await world()
    const o = await w.order()
    const c0 = await w.clockOf(o.id)
    const noReason = await w.fails('sla.cancel', { orderId: o.id, version: c0.version })
    expect(noReason).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['reasonId'], message: 'Give a reason' }] })
    expect(await w.clockOf(o.id)).toEqual(c0)

    const reason = (await w.api('slaReasons.list', {})).rows[0]!
    w.clock.set(local(2, 9, 45))
    const cancelled = await w.api('sla.cancel', { orderId: o.id, version: c0.version, reasonId: reason.id, note: 'Warranty work' })
    expect(cancelled).toMatchObject({ state: 'cancelled', badge: { level: 'cancelled' } })
    expect(cancelled.events.at(-1)).toMatchObject({ kind: 'cancel', reasonName: reason.name, note: 'Warranty work' })
    // Cancelled clocks never breach.
    w.clock.set(local(2, 16))
    expect((await w.clockOf(o.id)).targets.every((t) => t.breachedAt === null)).toBe(true)

    const stale = await w.fails('sla.reset', { orderId: o.id, version: c0.version, reasonId: reason.id })
    expect(stale.code).toBe('CONFLICT')
    const reset = await w.api('sla.reset', { orderId: o.id, version: cancelled.version, reasonId: reason.id })
    expect(reset).toMatchObject({ state: 'running', startedAt: local(2, 16) })
    expect(reset.targets.map((t) => t.deadline)).toEqual([local(2, 17), local(3, 11), local(3, 15)])
    expect(reset.events.map((e) => e.kind)).toEqual(['start', 'cancel', 'reset'])

    const current = await w.api('serviceOrders.get', { id: o.id })
    await w.api('serviceOrders.cancel', { id: o.id, version: current.version })
    expect(await w.clockOf(o.id)).toMatchObject({ state: 'cancelled' })
  })
})

describe('at risk and compliance', () => {
  it('keeps an order with a missed response on the list while its resolution is still days away', async () => {
    const w = await world()
    const slow = await w.api('slaDefinitions.create', {
      code: 'SLOWFIX',
      name: 'Slow fix',
      targets: [{ priority: 'normal', responseMinutes: 30, resolutionMinutes: 4800 }]
    })
    const o = await w.order({ slaId: slow.id })
    w.clock.set(local(2, 12))
    const page = await w.api('slaAtRisk.list', {})
    expect(page.rows.map((r) => r.id)).toEqual([o.id])
    expect(page.rows[0]!.sla).toMatchObject({ level: 'breached', target: 'response' })
  })

  it('lists open orders due today or within the threshold, soonest first, and leaves out paused and later ones', async () => {
    const w = await world()
    const slow = await w.api('slaDefinitions.create', {
      code: 'SLOW',
      name: 'Slow',
      targets: [{ priority: 'normal', responseMinutes: 2400, resolutionMinutes: 4800 }]
    })
    const first = await w.order()
    const later = await w.order({ slaId: slow.id })
    const high = await w.order({ priority: 'high' })
    const paused = await w.order()
    await w.move(paused.id, 'SCHEDULED', 'ON-HOLD')
    const page = await w.api('slaAtRisk.list', {})
    expect(page.rows.map((r) => r.id)).toEqual([high.id, first.id])
    expect(page.total).toBe(2)
    expect(page.rows[1]!.sla).toMatchObject({ level: 'atRisk', target: 'response', remainingMinutes: 60 })
    expect(page.rows.map((r) => r.id)).not.toContain(later.id)

    const csv = startExport(w.host, () => null, w.admin.session, 'slaAtRisk.list', {})
    if (!csv.ok) throw new Error(csv.error.message)
    expect([...csv.rows].map((r) => (r as { number: string }).number)).toEqual([high.number, first.number])
  })

  it('reports met, missed, share met and medians per priority, as a list, CSV and PDF', async () => {
    const w = await world()
    const a = await w.order()
    const b = await w.order()
    const c = await w.order({ priority: 'high' })
    // A: answered after 30 min, done at 11:00. B: answered late, done at 12:00. C (high): nothing yet at 12:00.
    w.clock.set(local(2, 9, 30))
    w.inTx(() => slaDispatched(w.admin, a.id, local(2, 9, 30)))
    w.clock.set(local(2, 11))
    await w.move(a.id, 'SCHEDULED', 'IN-PROGRESS', 'COMPLETED')
    w.clock.set(local(2, 12))
    await w.move(b.id, 'SCHEDULED', 'IN-PROGRESS', 'COMPLETED')

    const input = { from: '2026-03-01', to: '2026-03-31', groupBy: 'priority' as const }
    // Group labels are in the reader's language.
    await w.api('auth.setPreferences', { language: 'et', csvDialect: 'spreadsheet' })
    const page = await w.api('slaCompliance.list', input)
    expect(page.rows).toEqual([
      {
        key: '0',
        label: 'Kõrge',
        orders: 1,
        targets: 3,
        met: 0,
        breached: 2,
        share: 0,
        medianResponseMinutes: null,
        medianResolutionMinutes: null
      },
      {
        key: '1',
        label: 'Tavaline',
        orders: 2,
        targets: 6,
        met: 5,
        breached: 1,
        share: 5 / 6,
        medianResponseMinutes: 105,
        medianResolutionMinutes: 150
      }
    ])
    expect((await w.api('slaCompliance.list', { ...input, from: '2026-04-01', to: '2026-04-30' })).rows).toEqual([])
    const byMonth = await w.api('slaCompliance.list', { ...input, groupBy: 'month' })
    expect(byMonth.rows).toMatchObject([{ key: '2026-03', orders: 3, targets: 9, met: 5, breached: 3 }])
    expect((await w.api('serviceOrders.get', { id: c.id })).sla).toMatchObject({ level: 'breached', target: 'response' })

    const csv = startExport(w.host, () => null, w.admin.session, 'slaCompliance.list', input)
    if (!csv.ok) throw new Error(csv.error.message)
    expect(csv.columns.map((c) => c.field)).toEqual([
      'label',
      'orders',
      'targets',
      'met',
      'breached',
      'share',
      'medianResponseMinutes',
      'medianResolutionMinutes'
    ])
    expect(csv.csv).toEqual({ language: 'et', dialect: 'spreadsheet', timeZone: 'Europe/Tallinn' })
    expect([...csv.rows]).toEqual(page.rows)

    const pdf = await w.api('sla.compliancePdf', input)
    expect(pdf.fileName).toBe('sla-compliance-2026-03-01-2026-03-31-priority.pdf')
    const bytes = Buffer.from(pdf.contentBase64, 'base64')
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.length).toBeGreaterThan(5000)

    const backwards = await w.fails('slaCompliance.list', { ...input, from: '2026-04-01' })
    expect(backwards).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['to'] }] })
  })
})
