import { describe, expect, it } from 'vitest'
import { contract, type Input, type MethodName } from '@shared/api/contract'
import { runMethod } from '../../src/main/api/pipeline'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { local, marchWorld } from '../support/marchWorld'
import { headerOf, lineOf, snapshot } from '../support/orders'
import { toCompleted } from '../support/seed'

const GOLD = {
  code: 'GOLD',
  name: 'Gold',
  targets: [
    { priority: 'high' as const, responseMinutes: 30, resolutionMinutes: 240 },
    { priority: 'normal' as const, responseMinutes: 60, resolutionMinutes: 480 }
  ]
}

/**
 * The seeded customer with its agreement (object: the heat pump; a monthly hour line from 5 January) under
 * the Gold SLA, on a clock standing at Monday 2 March 2026, 09:00 in Tallinn.
 */
async function world() {
  const { conn, seed, clock, admin, host, api } = await marchWorld()
  /** Must be refused with the message (naming `path` when given), and change nothing at all. */
  async function refused<M extends MethodName>(method: M, input: Input<M>, message: RegExp, path?: (string | number)[]) {
    const before = snapshot(conn)
    const r = await runMethod(host, () => null, admin.session, method, input)
    if (r.ok) throw new Error(`${method} should have been refused`)
    // A service's refusal says why in its message; input validation in the field's issue.
    expect([r.error.message, ...(r.error.issues ?? []).map((i) => i.message)].some((m) => message.test(m))).toBe(true)
    if (path) expect(r.error.issues?.map((i) => i.path)).toContainEqual(path)
    expect(snapshot(conn)).toEqual(before)
    return r.error
  }
  const gold = await api('slaDefinitions.create', GOLD)
  const agreement = await api('agreements.update', { ...(await api('agreements.get', { id: seed.agreement.id })), slaId: gold.id })
  const siteId = seed.customer.sites[0]!.id
  const breakdown = (extra: Partial<Input<'serviceOrders.create'>> = {}) =>
    api('serviceOrders.create', {
      customerId: seed.customer.id,
      siteId,
      description: 'Heat pump stopped',
      priority: 'high',
      objects: [{ id: seed.serviceObject.id }],
      ...extra
    })
  const generate = (from: string, to: string) =>
    runGeneration(admin, contract['agreements.generate'].input.parse({ from, to, agreementIds: [seed.agreement.id] })).orderIds
  return { conn, seed, clock, admin, api, refused, gold, agreement, siteId, breakdown, generate }
}

describe('a hand-made order under an agreement', () => {
  it('gets the agreement’s SLA through the usual precedence, from when the call came in', async () => {
    const w = await world()
    const o = await w.breakdown({ agreementId: w.agreement.id })
    expect(o).toMatchObject({ agreementId: w.agreement.id, origin: 'manual', slaId: null })
    const clock = (await w.api('sla.forOrder', { orderId: o.id }))!
    expect(clock).toMatchObject({ slaName: 'Gold', source: 'agreement', startedAt: local(2, 9) })
    expect(clock.targets.map((t) => [t.target, t.deadline])).toEqual([
      ['response', local(2, 9, 30)],
      ['resolution', local(2, 13)]
    ])
    // The order's own SLA still wins over the agreement's.
    const silver = await w.api('slaDefinitions.create', { ...GOLD, code: 'SILVER', name: 'Silver' })
    const own = await w.breakdown({ agreementId: w.agreement.id, slaId: silver.id })
    expect(await w.api('sla.forOrder', { orderId: own.id })).toMatchObject({ slaName: 'Silver', source: 'order' })
  })

  it('links an order made without one later: the clock takes the agreement’s targets from the same start; an update leaving it out keeps it', async () => {
    const w = await world()
    const o = await w.breakdown()
    expect(await w.api('sla.forOrder', { orderId: o.id })).toBeNull()
    w.clock.set(local(2, 9, 10))
    const linked = await w.api('serviceOrders.update', { ...headerOf(o), agreementId: w.agreement.id })
    expect(linked.agreementId).toBe(w.agreement.id)
    const clock = (await w.api('sla.forOrder', { orderId: o.id }))!
    expect(clock).toMatchObject({ slaName: 'Gold', source: 'agreement' })
    // From when the order came in (its creation, stamped by the database), never from the link.
    expect(clock.startedAt).toBeLessThanOrEqual(local(2, 9, 10))
    // Callers that do not know the field (older screens, other modules) leave the link as it is.
    const { agreementId: _omitted, ...rest } = { ...headerOf(linked), description: 'Heat pump stopped again' }
    const kept = await w.api('serviceOrders.update', rest)
    expect(kept).toMatchObject({ agreementId: w.agreement.id, description: 'Heat pump stopped again' })
    const unlinked = await w.api('serviceOrders.update', { ...headerOf(kept), agreementId: null })
    expect(unlinked.agreementId).toBeNull()
    expect(await w.api('sla.forOrder', { orderId: o.id })).toBeNull()
  })

  it('refuses another customer’s, a suspended, a template and an ended agreement, naming the field and saving nothing', async () => {
    const w = await world()
    const other = await w.api('customers.create', { name: 'Teine OÜ', sites: [{ name: 'Ladu', street: 'Tee 1', city: 'Tartu' }] })
    const foreign = await w.api('agreements.create', {
      customerId: other.id,
      description: 'Other contract',
      groupId: w.seed.agreementGroup.id,
      startDate: '2026-01-01'
    })
    const input = { customerId: w.seed.customer.id, siteId: w.siteId, description: 'Breakdown' }
    await w.refused(
      'serviceOrders.create',
      { ...input, agreementId: foreign.id },
      new RegExp(`Agreement ${foreign.number} belongs to another customer`),
      ['agreementId']
    )
    await w.refused('serviceOrders.create', { ...input, agreementId: 999_999 }, /Choose an existing agreement/, ['agreementId'])

    const base = { customerId: w.seed.customer.id, groupId: w.seed.agreementGroup.id, startDate: '2026-01-01' }
    const suspended = await w.api('agreements.create', { ...base, description: 'Suspended', suspended: true })
    await w.refused('serviceOrders.create', { ...input, agreementId: suspended.id }, /is suspended/, ['agreementId'])
    const templateGroup = await w.api('templateGroups.create', { code: 'TPL', name: 'Templates' })
    const template = await w.api('agreements.create', { ...base, description: 'Pattern', templateGroupId: templateGroup.id })
    await w.refused('serviceOrders.create', { ...input, agreementId: template.id }, /is a template/, ['agreementId'])
    const ended = await w.api('agreements.create', { ...base, description: 'Last year', startDate: '2025-01-01', endDate: '2025-12-31' })
    await w.refused(
      'serviceOrders.create',
      { ...input, agreementId: ended.id },
      /is not in force on 2026-03-02 \(it runs 2025-01-01 – 2025-12-31\)/,
      ['agreementId']
    )
    // Judged on the order's planned date, not only today.
    const planned = await w.api('serviceOrders.create', { ...input, agreementId: ended.id, plannedStart: Date.UTC(2025, 5, 2, 7) })
    expect(planned.agreementId).toBe(ended.id)

    // Once linked, the agreement ending or being suspended does not lock the order's other fields.
    const o = await w.breakdown({ agreementId: w.agreement.id })
    await w.api('agreements.update', { ...(await w.api('agreements.get', { id: w.agreement.id })), suspended: true })
    const edited = await w.api('serviceOrders.update', { ...headerOf(o), description: 'Still under contract' })
    expect(edited.agreementId).toBe(w.agreement.id)
  })

  it('keeps a generated order under its agreement', async () => {
    const w = await world()
    const [generated] = w.generate('2026-03-01', '2026-03-31')
    const g = await w.api('serviceOrders.get', { id: generated! })
    await w.refused('serviceOrders.update', { ...headerOf(g), agreementId: null }, /was generated from its agreement/, ['agreementId'])
    const other = await w.api('agreements.create', {
      customerId: w.seed.customer.id,
      groupId: w.seed.agreementGroup.id,
      startDate: '2026-01-01',
      description: 'Second'
    })
    await w.refused('serviceOrders.update', { ...headerOf(g), agreementId: other.id }, /was generated from its agreement/, ['agreementId'])
  })
})

describe('copying the agreement’s lines', () => {
  it('copies lines with the agreement line’s object, quantity and price, naming the line but no occurrence', async () => {
    const w = await world()
    const line = w.agreement.lines[0]!
    const withPrice = await w.api('agreements.addLine', {
      agreementId: w.agreement.id,
      type: 'item',
      itemId: w.seed.item.id,
      serviceObjectId: w.seed.serviceObject.id,
      startDate: '2026-01-01',
      endDate: '2026-06-30',
      quantity: 1000,
      unitPrice: 99_900
    })
    const part = withPrice.lines.find((l) => l.type === 'item')!
    const o = await w.breakdown({ agreementId: w.agreement.id, responsibleWorkerId: w.seed.worker.id })
    const copied = await w.api('serviceOrders.copyAgreementLines', {
      id: o.id,
      version: o.version,
      agreementLineIds: [part.id, line.id],
      scheduledDate: '2026-03-03'
    })
    expect(
      copied.lines.map((l) => [l.lineNo, l.type, l.quantity, l.unitPrice, l.agreementLineId, l.occurrenceDate, l.scheduledDate])
    ).toEqual([
      [1, 'hour', 2000, 0, line.id, null, '2026-03-03'],
      [2, 'item', 1000, 99_900, part.id, null, '2026-03-03']
    ])
    expect(copied.lines[0]).toMatchObject({
      workerId: w.seed.worker.id,
      serviceObjectId: w.seed.serviceObject.id,
      categoryName: 'Töötunnid'
    })
    expect(copied.salesTotal).toBe(99_900)

    // The copy is the office's own: it may be deleted (a generated occurrence may not).
    const afterDelete = await w.api('serviceOrders.deleteLine', { id: copied.lines[1]!.id, version: copied.lines[1]!.version })
    expect(afterDelete.lines).toHaveLength(1)
    // With a copied line on it, the order cannot leave its agreement.
    await w.refused('serviceOrders.update', { ...headerOf(afterDelete), agreementId: null }, /1 lines copied from its agreement/, [
      'agreementId'
    ])
  })

  it('keeps copied lines within the agreement line’s dates, and refuses stopped lines, other agreements’ lines and orders without one', async () => {
    const w = await world()
    const limited = await w.api('agreements.addLine', {
      agreementId: w.agreement.id,
      type: 'hour',
      categoryId: w.seed.category.id,
      startDate: '2026-03-01',
      endDate: '2026-03-31',
      quantity: 1000
    })
    const short = limited.lines.find((l) => l.endDate === '2026-03-31')!
    const o = await w.breakdown({ agreementId: w.agreement.id })
    await w.refused(
      'serviceOrders.copyAgreementLines',
      { id: o.id, version: o.version, agreementLineIds: [short.id], scheduledDate: '2026-04-01' },
      new RegExp(`Line ${short.lineNo} of the agreement runs 2026-03-01 – 2026-03-31`),
      ['scheduledDate']
    )
    const copied = await w.api('serviceOrders.copyAgreementLines', {
      id: o.id,
      version: o.version,
      agreementLineIds: [short.id],
      scheduledDate: '2026-03-20'
    })
    // Re-planning the copy outside the agreement line's dates is refused too.
    await w.refused(
      'serviceOrders.updateLine',
      { ...lineOf(copied.lines[0]!), scheduledDate: '2026-04-02' },
      /runs 2026-03-01 – 2026-03-31/,
      ['scheduledDate']
    )

    const stopped = await w.api('agreements.updateLine', { ...limited.lines.find((l) => l.id === short.id)!, stopped: true })
    await w.refused('serviceOrders.copyAgreementLines', { id: o.id, version: copied.version, agreementLineIds: [short.id] }, /is stopped/, [
      'agreementLineIds',
      0
    ])
    expect(stopped.id).toBe(w.agreement.id)

    const other = await w.api('agreements.create', {
      customerId: w.seed.customer.id,
      groupId: w.seed.agreementGroup.id,
      startDate: '2026-01-01',
      description: 'Second'
    })
    const otherWithLine = await w.api('agreements.addLine', {
      agreementId: other.id,
      type: 'hour',
      categoryId: w.seed.category.id,
      startDate: '2026-01-01'
    })
    await w.refused(
      'serviceOrders.copyAgreementLines',
      { id: o.id, version: copied.version, agreementLineIds: [w.agreement.lines[0]!.id, otherWithLine.lines[0]!.id] },
      /Choose a line of the order’s agreement/,
      ['agreementLineIds', 1]
    )
    const plain = await w.breakdown()
    await w.refused(
      'serviceOrders.copyAgreementLines',
      { id: plain.id, version: plain.version, agreementLineIds: [w.agreement.lines[0]!.id] },
      /is not under an agreement/,
      ['agreementLineIds']
    )
  })
})

describe('moving lines between the agreement’s orders', () => {
  it('moves a line from a hand-made order to a generated open order of the same agreement and back; refuses posted lines and posted orders', async () => {
    const w = await world()
    const [generatedId] = w.generate('2026-03-01', '2026-03-31')
    const generated = await w.api('serviceOrders.get', { id: generatedId! })
    const generatedLine = generated.lines[0]!
    expect(generatedLine.occurrenceDate).not.toBeNull()
    let o = await w.breakdown({ agreementId: w.agreement.id })
    o = await w.api('serviceOrders.copyAgreementLines', { id: o.id, version: o.version, agreementLineIds: [w.agreement.lines[0]!.id] })
    const copy = o.lines[0]!

    const there = await w.api('serviceOrders.moveLines', { lineIds: [copy.id], toOrderId: generated.id })
    expect(there.lines.map((l) => l.id)).toEqual([generatedLine.id, copy.id])
    expect((await w.api('serviceOrders.get', { id: o.id })).lines).toHaveLength(0)
    // The generated visit's own line comes to the hand-made order too, keeping its occurrence.
    const back = await w.api('serviceOrders.moveLines', { lineIds: [copy.id, generatedLine.id], toOrderId: o.id })
    expect(back.lines.map((l) => [l.id, l.occurrenceDate]).sort()).toEqual(
      [
        [copy.id, null],
        [generatedLine.id, generatedLine.occurrenceDate]
      ].sort()
    )
    // Both orders keep their clocks: moving lines is not a new call.
    expect(await w.api('sla.forOrder', { orderId: o.id })).toMatchObject({ source: 'agreement', startedAt: local(2, 9) })
    expect(await w.api('sla.forOrder', { orderId: generated.id })).toMatchObject({ source: 'agreement' })

    await w.api('serviceOrders.moveLines', { lineIds: [generatedLine.id], toOrderId: generated.id })

    // Posted (and so invoiced) lines stay where they were billed.
    const added = await w.api('serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: w.seed.category.id })
    const extra = added.lines.find((l) => l.id !== copy.id)!
    let posted = await toCompleted(w.admin, o.id)
    posted = await w.api('serviceOrders.signOff', { id: o.id, version: posted.version })
    posted = await w.api('serviceOrders.post', { id: o.id, version: posted.version })
    expect(posted.progress).toBe('posted')
    await w.refused(
      'serviceOrders.moveLines',
      { lineIds: [extra.id], toOrderId: generated.id },
      new RegExp(`Line ${extra.lineNo} is posted`)
    )
    // Nor does anything move onto an order whose work is posted.
    await w.refused(
      'serviceOrders.moveLines',
      { lineIds: [generatedLine.id], toOrderId: posted.id },
      new RegExp(`${posted.number} is posted`),
      ['toOrderId']
    )
  })
})

describe('the setting: SLA clocks on generated orders', () => {
  it('measures generated orders by default and not when turned off; hand-made orders under the agreement are measured either way', async () => {
    const w = await world()
    const [march] = w.generate('2026-03-01', '2026-03-31')
    expect(await w.api('sla.forOrder', { orderId: march! })).toMatchObject({ slaName: 'Gold', source: 'agreement' })

    const s = await w.api('settings.get', {})
    const { version, ...rest } = s
    expect(rest.slaOnGeneratedOrders).toBe(true)
    await w.api('settings.update', { ...rest, version, slaOnGeneratedOrders: false })
    const [april] = w.generate('2026-04-01', '2026-04-30')
    expect(await w.api('sla.forOrder', { orderId: april! })).toBeNull()
    // A later priority change does not start a clock on it either.
    const a = await w.api('serviceOrders.get', { id: april! })
    await w.api('serviceOrders.update', { ...headerOf(a), priority: 'high' })
    expect(await w.api('sla.forOrder', { orderId: april! })).toBeNull()
    // The clock started before the setting changed stays.
    expect(await w.api('sla.forOrder', { orderId: march! })).toMatchObject({ slaName: 'Gold' })

    const byHand = await w.breakdown({ agreementId: w.agreement.id })
    expect(await w.api('sla.forOrder', { orderId: byHand.id })).toMatchObject({ slaName: 'Gold', source: 'agreement' })
  })
})

describe('entitlement at intake', () => {
  it('answers the agreements covering the object with their SLA, its warranty, open orders on it and the subscriptions covering it or the customer', async () => {
    const w = await world()
    const { seed } = w
    const object = await w.api('serviceObjects.update', {
      ...(await w.api('serviceObjects.get', { id: seed.serviceObject.id })),
      installationDate: '2025-01-10',
      warrantyStart: '2025-02-01',
      warrantyEnd: '2027-01-31'
    })
    const other = await w.api('serviceObjects.create', {
      name: 'Ventilation unit',
      customerId: seed.customer.id,
      warrantyEnd: '2025-12-31'
    })
    const base = { customerId: seed.customer.id, groupId: seed.agreementGroup.id, startDate: '2026-01-01' }
    // Covers the other object only: not listed for the heat pump.
    await w.api('agreements.create', { ...base, description: 'Ventilation', objects: [{ id: other.id }] })
    // Names no object: covers everything the customer has; SLA from its group.
    const silver = await w.api('slaDefinitions.create', { ...GOLD, code: 'SILVER', name: 'Silver' })
    const group = await w.api('agreementGroups.create', { code: 'SILV', name: 'Silver group', slaId: silver.id })
    const whole = await w.api('agreements.create', { ...base, groupId: group.id, description: 'Whole site' })
    await w.api('agreements.create', { ...base, description: 'Suspended', suspended: true })
    await w.api('agreements.create', { ...base, description: 'Ended', startDate: '2025-01-01', endDate: '2025-12-31' })

    const monthly = await w.api('subscriptionGroups.create', { code: 'MON', name: 'Remote monitoring', invoicingPeriod: 'month' })
    const sub = (name: string, extra: Partial<Input<'subscriptions.create'>> = {}) =>
      w.api('subscriptions.create', {
        name,
        customerId: seed.customer.id,
        groupId: monthly.id,
        basePrice: 3100,
        startDate: '2026-01-01',
        ...extra
      })
    const customerWide = await sub('Monitoring')
    const onPump = await sub('Pump telemetry', { serviceObjectIds: [object.id] })
    await sub('Ventilation telemetry', { serviceObjectIds: [other.id] })
    await sub('Inactive', { active: false })
    await sub('Starts later', { startDate: '2026-06-01' })

    const e = await w.api('serviceOrders.entitlement', { customerId: seed.customer.id, serviceObjectIds: [object.id] })
    expect(e.date).toBe('2026-03-02')
    expect(e.agreements.map((a) => [a.number, a.sla?.name ?? null, a.sla?.source ?? null, a.objectIds, a.coversAll])).toEqual([
      [w.agreement.number, 'Gold', 'agreement', [object.id], false],
      [whole.number, 'Silver', 'agreementGroup', [], true]
    ])
    expect(e.warranty).toEqual([
      {
        objectId: object.id,
        number: object.number,
        name: object.name,
        warrantyStart: '2025-02-01',
        warrantyEnd: '2027-01-31',
        status: 'active'
      }
    ])
    expect(e.openOrders.map((o) => o.number)).toEqual([seed.openOrder.number])
    expect(e.moreOpenOrders).toBe(0)
    expect(e.subscriptions.map((s) => [s.number, s.objectIds, s.coversCustomer])).toEqual([
      [customerWide.number, [], true],
      [onPump.number, [object.id], false]
    ])

    // The order being edited is not "another open order"; an order with a line on the object is.
    const withLine = await w.breakdown({ objects: [] })
    await w.api('serviceOrders.addLine', { orderId: withLine.id, type: 'hour', categoryId: seed.category.id, serviceObjectId: object.id })
    const editing = await w.api('serviceOrders.entitlement', {
      customerId: seed.customer.id,
      serviceObjectIds: [object.id],
      orderId: seed.openOrder.id
    })
    expect(editing.openOrders.map((o) => o.id)).toEqual([withLine.id])

    // The other object: out of warranty, its own agreement and subscription.
    const ventilation = await w.api('serviceOrders.entitlement', {
      customerId: seed.customer.id,
      serviceObjectIds: [other.id],
      date: '2026-03-02'
    })
    expect(ventilation.warranty[0]!.status).toBe('expired')
    expect(ventilation.agreements.map((a) => a.description)).toEqual(['Ventilation', 'Whole site'])
    expect(ventilation.subscriptions.map((s) => s.name)).toEqual(['Monitoring', 'Ventilation telemetry'])

    // Nothing picked: everything in force for the customer.
    const all = await w.api('serviceOrders.entitlement', { customerId: seed.customer.id })
    expect(all.agreements).toHaveLength(3)
    expect(all.subscriptions).toHaveLength(3)
    expect(all.warranty).toEqual([])

    // Another customer's object is refused, naming it.
    const stranger = await w.api('customers.create', { name: 'Võõras AS' })
    const theirs = await w.api('serviceObjects.create', { name: 'Boiler', customerId: stranger.id })
    const r = await runMethod(
      { conn: w.conn, checkOutputs: true, now: w.clock.now },
      () => null,
      w.admin.session,
      'serviceOrders.entitlement',
      {
        customerId: seed.customer.id,
        serviceObjectIds: [object.id, theirs.id]
      }
    )
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.issues?.map((i) => i.path)).toEqual([['serviceObjectIds', 1]])
  })

  it('keeps the warranty start on the service object and refuses an end before it', async () => {
    const w = await world()
    const o = await w.api('serviceObjects.get', { id: w.seed.serviceObject.id })
    await w.refused(
      'serviceObjects.update',
      { ...o, warrantyStart: '2026-05-01', warrantyEnd: '2026-04-30' },
      /Warranty cannot end before it starts/,
      ['warrantyEnd']
    )
    const saved = await w.api('serviceObjects.update', { ...o, warrantyStart: '2026-05-01', warrantyEnd: '2028-04-30' })
    expect(saved).toMatchObject({ warrantyStart: '2026-05-01', warrantyEnd: '2028-04-30' })
    const notYet = await w.api('serviceOrders.entitlement', { customerId: w.seed.customer.id, serviceObjectIds: [o.id] })
    expect(notYet.warranty[0]!.status).toBe('notStarted')
  })
})
