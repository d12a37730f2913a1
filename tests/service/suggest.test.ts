import { describe, expect, it } from 'vitest'
import { type DispatchMessage, dispatchText } from '@shared/dispatch/text'
import { formatsFor } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import { local, marchWorld } from '../support/marchWorld'

const TZ = 'Europe/Tallinn'
const english = (m: DispatchMessage): string => dispatchText(tFor('en'), formatsFor('en', TZ), m)

/**
 * Monday 2 March 2026, 09:00 in Tallinn. Jaan (Electrical) is booked 09:00–11:00 today, Mari (Electrical) all day
 * today, Anu has no Electrical. A new order needing Electrical comes in under an SLA whose response is due at
 * 12:00 today; the dispatcher is looking at tomorrow.
 */
async function world() {
  const { seed, api } = await marchWorld()
  const fast = await api('slaDefinitions.create', {
    code: 'FAST',
    name: 'Fast',
    targets: [{ priority: 'normal', responseMinutes: 180, resolutionMinutes: 480 }]
  })
  const mari = await api('workers.create', { name: 'Mari Mets', teamId: seed.team.id, skillIds: [seed.skill.id] })
  const anu = await api('workers.create', { name: 'Anu Kask', teamId: seed.team.id })
  const open = seed.openOrder
  await api('dispatch.assign', {
    orderId: open.id,
    orderVersion: open.version,
    workerId: seed.worker.id,
    start: local(2, 9),
    end: local(2, 11)
  })
  const busy = await api('serviceOrders.create', {
    customerId: seed.customer.id,
    siteId: seed.customer.sites[0]!.id,
    description: 'All day'
  })
  await api('dispatch.assign', { orderId: busy.id, orderVersion: busy.version, workerId: mari.id, start: local(2, 8), end: local(2, 17) })
  const newOrder = (slaId: number | null) =>
    api('serviceOrders.create', {
      customerId: seed.customer.id,
      siteId: seed.customer.sites[0]!.id,
      description: 'No power in the boiler room',
      priority: 'normal',
      tasks: [{ id: seed.serviceTask.id }],
      slaId
    })
  return { seed, api, fast, mari, anu, newOrder }
}

describe('suggestions under an SLA deadline', () => {
  it('offers today before the 12:00 response deadline although tomorrow is viewed, and ranks a later slot after it', async () => {
    const w = await world()
    const order = await w.newOrder(w.fast.id)
    const s = await w.api('dispatch.suggest', { orderId: order.id, from: '2026-03-03', days: 1, teamId: null })

    expect(s.map((x) => [x.rank, x.name, x.fit])).toEqual([
      [1, 'Jaan Tamm', 'meets'],
      [2, 'Mari Mets', 'misses'],
      [3, 'Anu Kask', 'meets']
    ])
    expect(s[0]!.slot).toEqual({ start: local(2, 11), end: local(2, 12) })
    expect(s[0]!.reasons.map(english)).toEqual([
      'Has the required skill',
      'Free 02.03 11:00–12:00, before the 02.03 12:00 response deadline',
      '2 h booked on 02.03'
    ])
    // Mari's first hour is tomorrow, and her load is counted there, not on her full Monday.
    expect(s[1]!.slot).toEqual({ start: local(3, 8), end: local(3, 9) })
    expect(s[1]!.reasons.map(english)).toEqual([
      'Has the required skill',
      'Free 08:00–09:00 — misses the 02.03 12:00 response deadline',
      'Nothing booked on 03.03'
    ])
    expect(s[2]!.reasons.map(english)).toContain('Missing skill: Electrical')

    // Applying rank 1 plans the order there, with no SLA conflict.
    const { card } = await w.api('dispatch.assign', {
      orderId: order.id,
      orderVersion: order.version,
      workerId: s[0]!.workerId,
      start: s[0]!.slot!.start,
      end: s[0]!.slot!.end
    })
    expect(card).toMatchObject({ workerId: w.seed.worker.id, start: local(2, 11), end: local(2, 12), conflicts: [] })
  })

  it('keeps to the viewed day when the order has no SLA, and to the requested window when it has one', async () => {
    const w = await world()
    const plain = await w.newOrder(null)
    const s = await w.api('dispatch.suggest', { orderId: plain.id, from: '2026-03-03', days: 1, teamId: null })
    expect(s[0]).toMatchObject({ rank: 1, name: 'Jaan Tamm', fit: 'meets', slot: { start: local(3, 8), end: local(3, 9) } })
    expect(s[0]!.reasons.map(english)).toContain('Free 08:00–09:00')

    // The customer asked for Wednesday: that stands, and the miss is said.
    const asked = await w.newOrder(w.fast.id)
    const withWindow = await w.api('serviceOrders.update', {
      ...(await w.api('serviceOrders.get', { id: asked.id })),
      requestedStart: local(4, 8),
      requestedEnd: local(4, 17)
    } as never)
    const r = await w.api('dispatch.suggest', { orderId: withWindow.id, from: '2026-03-02', days: 1, teamId: null })
    expect(r[0]).toMatchObject({ name: 'Jaan Tamm', fit: 'misses', slot: { start: local(4, 8), end: local(4, 9) } })
    expect(r[0]!.reasons.map(english)[1]).toBe('Free 04.03 08:00–09:00 — misses the 12:00 response deadline')
  })
})
