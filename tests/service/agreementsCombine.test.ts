import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { type Interval, occurrences } from '../../src/shared/recurrence'
import { call, freshDb } from '../support/db'
import { seedMasterData } from '../support/seed'

const ALL_TYPES = ['hour', 'expense', 'item', 'fee'] as const

async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const a = seed.admin
  const intervals = (await call(a, 'serviceIntervals.list', {})).rows
  const windows = (await call(a, 'timeWindows.list', {})).rows
  const pm2 = await call(a, 'timeWindows.create', { code: 'PM2', name: '± 2 days', kind: 'manual', daysBefore: 2, daysAfter: 2 })
  const worker2 = await call(a, 'workers.create', { name: 'Mari Kask' })
  const task2 = await call(a, 'serviceTasks.create', { code: 'CLEAN', name: 'Puhastus' })
  const object2 = await call(a, 'serviceObjects.create', {
    name: 'Boiler',
    customerId: seed.customer.id,
    siteId: seed.customer.sites[0]!.id
  })
  return { conn, ...seed, intervals, windows: [...windows, pm2], worker2, task2, object2 }
}
type World = Awaited<ReturnType<typeof world>>

function generate(w: World, agreementId: number, from: string, to: string) {
  return runGeneration(w.admin, { from, to, agreementIds: [agreementId], customerId: null, groupId: null, types: [...ALL_TYPES] })
}

/** The generated order lines of an agreement with what decides their order's combine key. */
function madeLines(w: World, agreementId: number) {
  return w.conn.sqlite
    .prepare(
      `select o.id as orderId, l.scheduled_date as date, l.agreement_line_id as lineId, l.occurrence_date as occurrence,
              al.service_task_id as taskId, al.worker_id as workerId, al.service_object_id as objectId
       from service_orders o join service_order_lines l on l.order_id = o.id join agreement_lines al on al.id = l.agreement_line_id
       where o.agreement_id = ? order by o.id, l.line_no`
    )
    .all(agreementId) as {
    orderId: number
    date: string
    lineId: number
    occurrence: string
    taskId: number | null
    workerId: number | null
    objectId: number | null
  }[]
}

describe('combining agreement visits (issue 14, item 5)', () => {
  it('joins a one-off visit to the weekly occurrence nearest it and makes one order per date', async () => {
    const w = await world()
    const byCode = (code: string) => w.windows.find((x) => x.code === code)!.id
    let agreement = await call(w.admin, 'agreements.create', {
      customerId: w.customer.id,
      description: 'Weekly checks and a summer service',
      groupId: w.agreementGroup.id,
      startDate: '2026-06-01'
    })
    agreement = await call(w.admin, 'agreements.addLine', {
      agreementId: agreement.id,
      type: 'hour',
      categoryId: w.category.id,
      intervalId: w.intervals.find((i) => i.code === 'WEEKLY')!.id,
      timeWindowId: byCode('MONTH'),
      startDate: '2026-06-01'
    })
    agreement = await call(w.admin, 'agreements.addLine', {
      agreementId: agreement.id,
      type: 'hour',
      categoryId: w.category.id,
      timeWindowId: byCode('PM2'),
      startDate: '2026-06-24'
    })
    const [weekly, once] = agreement.lines
    generate(w, agreement.id, '2026-06-01', '2026-06-30')
    const byOrder = new Map<number, string[]>()
    for (const l of madeLines(w, agreement.id))
      byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), `${l.date} ${l.lineId} ${l.occurrence}`])
    expect([...byOrder.values()]).toEqual([
      [`2026-06-01 ${weekly!.id} 2026-06-01`],
      [`2026-06-08 ${weekly!.id} 2026-06-08`],
      [`2026-06-15 ${weekly!.id} 2026-06-15`],
      // The one-off line starts on 24 June, so its visit cannot move earlier: the weekly visit nearest it joins it.
      [`2026-06-24 ${weekly!.id} 2026-06-22`, `2026-06-24 ${once!.id} 2026-06-24`],
      [`2026-06-29 ${weekly!.id} 2026-06-29`]
    ])
  })

  it('never makes two orders of one agreement and combine key on a date, and makes every occurrence once (property)', async () => {
    const w = await world()
    const intervalChoices = [null, ...w.intervals.filter((i) => ['WEEKLY', 'BIWEEKLY', 'MONTHLY'].includes(i.code))]
    const windowChoices = [null, ...w.windows]
    const line = fc.record({
      // Few start days, a week apart or nearly: lines whose visits meet are what combining is about.
      start: fc.constantFrom(0, 2, 7, 14, 19, 21, 28),
      interval: fc.integer({ min: 0, max: intervalChoices.length - 1 }),
      window: fc.integer({ min: 0, max: windowChoices.length - 1 }),
      task: fc.constantFrom(null, w.serviceTask.id, w.task2.id),
      worker: fc.constantFrom(null, w.worker.id, w.worker2.id),
      object: fc.constantFrom(null, w.serviceObject.id, w.object2.id)
    })
    const spec = fc.record({
      combineRule: fc.constantFrom('agreement', 'task', 'worker', 'object'),
      lines: fc.array(line, { minLength: 1, maxLength: 5 }),
      // Two overlapping runs: the second must leave alone what the first made.
      split: fc.integer({ min: 0, max: 60 })
    })
    const base = '2026-06-01'
    const end = '2026-07-31'
    const day = (n: number) => new Date(Date.UTC(2026, 5, 1 + n)).toISOString().slice(0, 10)
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        let agreement = await call(w.admin, 'agreements.create', {
          customerId: w.customer.id,
          description: 'Property',
          groupId: w.agreementGroup.id,
          startDate: base,
          combineRule: s.combineRule,
          objects: [{ id: w.serviceObject.id }, { id: w.object2.id }]
        })
        const expected: string[] = []
        for (const l of s.lines) {
          const interval = intervalChoices[l.interval]
          agreement = await call(w.admin, 'agreements.addLine', {
            agreementId: agreement.id,
            type: 'hour',
            categoryId: w.category.id,
            intervalId: interval?.id ?? null,
            timeWindowId: windowChoices[l.window]?.id ?? null,
            serviceTaskId: l.task,
            workerId: l.worker,
            serviceObjectId: l.object,
            startDate: day(l.start)
          })
          const lineId = agreement.lines.at(-1)!.id
          const iv: Interval | null = interval ? { unit: interval.unit, every: interval.every } : null
          for (const d of occurrences(day(l.start), null, iv, base, end)) expected.push(`${lineId} ${d}`)
        }
        generate(w, agreement.id, day(s.split), end)
        generate(w, agreement.id, base, end)
        const made = madeLines(w, agreement.id)
        expect(made.map((m) => `${m.lineId} ${m.occurrence}`).sort()).toEqual(expected.sort())
        const keyOf = (m: (typeof made)[number]) =>
          s.combineRule === 'task' ? m.taskId : s.combineRule === 'worker' ? m.workerId : s.combineRule === 'object' ? m.objectId : 0
        const orders = new Map<number, Set<string>>()
        for (const m of made) orders.set(m.orderId, (orders.get(m.orderId) ?? new Set()).add(`${keyOf(m)} ${m.date}`))
        // One combine key and date per order, and no two orders with the same.
        for (const keys of orders.values()) expect(keys.size).toBe(1)
        const keys = [...orders.values()].map((k) => [...k][0]!)
        expect(new Set(keys).size).toBe(keys.length)
      }),
      { numRuns: 50 }
    )
  })
})
