import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { runMethod, startExport } from '../../src/main/api/pipeline'
import { writeCsv } from '../../src/main/api/csv'
import { createContext } from '../../src/main/services/core/context'
import { freshDb, userWith } from '../support/db'
import { seedMasterData, testClock } from '../support/seed'

/** Tallinn wall time in March 2025 (UTC+2 until the 30th). */
const local = (day: number, h: number, m = 0) => Date.UTC(2025, 2, day, h - 2, m)
const H = 3_600_000

const dir = mkdtempSync(join(tmpdir(), 'hooldus-reports-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The seeded company (whose own orders were made on today's date, outside March 2025) and a clock in March 2025. */
async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const clock = testClock(local(3, 9))
  const admin = createContext(conn, seed.admin.user, seed.admin.session, clock.now)
  const host = { conn, checkOutputs: true, now: clock.now }
  async function api<M extends MethodName>(method: M, input: Input<M>, session = admin.session): Promise<Output<M>> {
    const r = await runMethod(host, () => null, session, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
    return r.data as Output<M>
  }
  async function fails<M extends MethodName>(method: M, input: Input<M>, session = admin.session) {
    const r = await runMethod(host, () => null, session, method, input)
    if (r.ok) throw new Error(`${method} should have failed`)
    return r.error
  }
  const siteId = seed.customer.sites[0]!.id
  const order = (extra: Partial<Input<'serviceOrders.create'>> = {}) =>
    api('serviceOrders.create', { customerId: seed.customer.id, siteId, description: 'Service', ...extra })
  async function csv(list: MethodName, input: object): Promise<string[][]> {
    const started = startExport(host, () => null, admin.session, list, input)
    if (!started.ok) throw new Error(started.error.message)
    const chunks: Buffer[] = []
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk)
        done()
      }
    })
    await writeCsv(started.columns, started.rows, out, { ...started.csv, dialect: 'standard' })
    return Buffer.concat(chunks)
      .toString('utf8')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','))
  }
  function pdfText(name: string, file: { contentBase64: string }): string {
    const path = join(dir, name)
    writeFileSync(path, Buffer.from(file.contentBase64, 'base64'))
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ')
  }
  return { conn, seed, clock, admin, api, fails, order, csv, pdfText }
}

type World = Awaited<ReturnType<typeof world>>

/**
 * Two orders in March 2025 and two that do not count (April; cancelled). Hand-computed:
 * A (Õunapuu OÜ): 2 h of SERVICE at 60.00 / cost 25.00 on task Hooldus = 120.00 / 50.00; 3 filters at 20.00 / cost
 *   8.00 = 60.00 / 24.00; 1 travel at 15.00 with no cost price anywhere = 15.00 / 0 (flagged) → 195.00 / 74.00 / 121.00.
 * B (=SUM(A1) AS): 1 h of SERVICE at 50.00 with its own cost 40.00 = 50.00 / 40.00; 1 call-out at 30.00 saved without a
 *   cost price, whose category costs 7.00 today = 30.00 / 7.00; a cancelled line of 10 filters → 80.00 / 47.00 / 33.00.
 */
async function marginWorld(w: World) {
  const service = await w.api('categories.create', {
    code: 'SERVICE',
    name: 'Service hours',
    type: 'hour',
    costPrice: 2500,
    salesPrice: 6000
  })
  const travel = await w.api('categories.create', { code: 'TRAVEL', name: 'Travel', type: 'expense', salesPrice: 1500 })
  const callOut = await w.api('categories.create', { code: 'CALL', name: 'Call-out', type: 'hour', salesPrice: 3000 })
  const filter = await w.api('items.create', { number: 'FILTER', name: 'Filter', costPrice: 800, salesPrice: 2000 })
  const other = await w.api('customers.create', { name: '=SUM(A1) AS', sites: [{ name: 'Ladu', street: 'Tartu mnt 1', city: 'Tallinn' }] })
  const march = { plannedStart: local(10, 10), plannedEnd: local(10, 12) }

  const a = await w.order({ ...march, description: 'A' })
  await w.api('serviceOrders.addLine', {
    orderId: a.id,
    type: 'hour',
    categoryId: service.id,
    quantity: 2000,
    serviceTaskId: w.seed.serviceTask.id
  })
  await w.api('serviceOrders.addLine', { orderId: a.id, type: 'item', itemId: filter.id, quantity: 3000 })
  await w.api('serviceOrders.addLine', { orderId: a.id, type: 'expense', categoryId: travel.id, quantity: 1000 })

  const b = await w.order({
    customerId: other.id,
    siteId: other.sites[0]!.id,
    plannedStart: local(20, 8),
    plannedEnd: local(20, 9),
    description: 'B'
  })
  await w.api('serviceOrders.addLine', {
    orderId: b.id,
    type: 'hour',
    categoryId: service.id,
    quantity: 1000,
    unitCost: 4000,
    unitPrice: 5000
  })
  await w.api('serviceOrders.addLine', { orderId: b.id, type: 'hour', categoryId: callOut.id, quantity: 1000 })
  const withFilters = await w.api('serviceOrders.addLine', { orderId: b.id, type: 'item', itemId: filter.id, quantity: 10000 })
  const filters = withFilters.lines.at(-1)!
  await w.api('serviceOrders.cancelLine', { id: filters.id, version: filters.version })
  await w.api('categories.update', { ...callOut, costPrice: 700 })

  const april = await w.order({ plannedStart: local(31, 10) + 2 * 24 * H, plannedEnd: local(31, 12) + 2 * 24 * H, description: 'April' })
  await w.api('serviceOrders.addLine', { orderId: april.id, type: 'item', itemId: filter.id, quantity: 1000 })
  let cancelled = await w.order({ ...march, description: 'Cancelled' })
  cancelled = await w.api('serviceOrders.addLine', { orderId: cancelled.id, type: 'item', itemId: filter.id, quantity: 1000 })
  await w.api('serviceOrders.cancel', { id: cancelled.id, version: cancelled.version })
  return { a, b, other }
}

const MARCH = { from: '2025-03-01', to: '2025-03-31' }

describe('service order margin', () => {
  it('per order, customer and task, with hand-computed figures; cancelled orders and lines and other months left out', async () => {
    const w = await world()
    const { a, b } = await marginWorld(w)
    const pick = (r: Output<'marginReport.list'>['rows'][number]) => [r.label, r.orders, r.revenue, r.cost, r.margin, r.costMissing]

    const byOrder = await w.api('marginReport.list', { ...MARCH, groupBy: 'order' })
    expect(byOrder.rows.map(pick)).toEqual([
      [a.number, 1, 19500, 7400, 12100, 1],
      [b.number, 1, 8000, 4700, 3300, 0]
    ])
    expect(byOrder.rows.map((r) => r.customerName)).toEqual(['Õunapuu OÜ', '=SUM(A1) AS'])
    expect(byOrder.rows[0]!.marginShare).toBeCloseTo(12100 / 19500)

    const byCustomer = await w.api('marginReport.list', { ...MARCH, groupBy: 'customer' })
    expect(byCustomer.rows.map(pick)).toEqual([
      ['Õunapuu OÜ', 1, 19500, 7400, 12100, 1],
      ['=SUM(A1) AS', 1, 8000, 4700, 3300, 0]
    ])
    const byTask = await w.api('marginReport.list', { ...MARCH, groupBy: 'task' })
    expect(byTask.rows.map(pick)).toEqual([
      ['No task', 2, 15500, 7100, 8400, 1],
      ['Hooldus', 1, 12000, 5000, 7000, 0]
    ])
    // One customer's orders only.
    const one = await w.api('marginReport.list', { ...MARCH, customerId: b.customerId })
    expect(one.rows.map(pick)).toEqual([[b.number, 1, 8000, 4700, 3300, 0]])
  })

  it('rounds each line to the cent, half up, and counts no cost missing on a fee', async () => {
    const w = await world()
    const hours = await w.api('categories.create', { code: 'H', name: 'Hours', type: 'hour' })
    const fee = await w.api('categories.create', { code: 'FEE', name: 'Fee', type: 'fee', salesPrice: 2500 })
    const o = await w.order({ plannedStart: local(10, 10), plannedEnd: local(10, 12), description: 'Rounding' })
    // 0.333 h at 1.00 costs 0.333 → 0.33; 1.5 h at 3.33 earns 4.995 → 5.00, twice (each line rounded on its own).
    for (let n = 0; n < 2; n++)
      await w.api('serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: hours.id, quantity: 1500, unitPrice: 333 })
    await w.api('serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: hours.id, quantity: 333, unitPrice: 0, unitCost: 100 })
    await w.api('serviceOrders.addLine', { orderId: o.id, type: 'fee', categoryId: fee.id, quantity: 1000 })
    const [row] = (await w.api('marginReport.list', { ...MARCH, groupBy: 'order' })).rows
    // The two 1.5 h lines have no cost price anywhere: flagged; the fee is not.
    expect([row!.revenue, row!.cost, row!.costMissing]).toEqual([500 + 500 + 2500, 33, 2])
  })

  it('exports the rows to CSV with formulas made inert, and prints them on the letterhead with the totals', async () => {
    const w = await world()
    const { a, b } = await marginWorld(w)
    const rows = await w.csv('marginReport.list', { ...MARCH, groupBy: 'order' })
    expect(rows[0]).toEqual(['Group', 'Customer', 'Orders', 'Revenue', 'Cost', 'Margin', 'Margin %', 'Lines without cost price'])
    expect(rows.slice(1)).toEqual([
      [a.number, 'Õunapuu OÜ', '1', '195.00', '74.00', '121.00', '62.1', '1'],
      [b.number, "'=SUM(A1) AS", '1', '80.00', '47.00', '33.00', '41.3', '0']
    ])
    const text = w.pdfText('margin.pdf', await w.api('reports.marginPdf', { ...MARCH, groupBy: 'order' }))
    expect(text).toContain('Service order margin')
    expect(text).toContain('Test Service OÜ')
    expect(text).toMatch(/Revenue\s+Cost\s+Margin\s+Margin %/)
    expect(text).toMatch(/€275\.00\s+€121\.00\s+€154\.00\s+56%/)
    expect(text).toMatch(new RegExp(`${a.number}\\s+Õunapuu OÜ\\s+1\\s+€195\\.00\\s+€74\\.00\\s+€121\\.00\\s+62\\.05%`))
  })

  it('refuses a period ending before it starts or longer than 400 days, naming the field, and a user without reports.read', async () => {
    const w = await world()
    const backwards = await w.fails('marginReport.list', { from: '2025-03-31', to: '2025-03-01' })
    expect(backwards.code).toBe('VALIDATION')
    expect(backwards.issues?.[0]?.path).toEqual(['to'])
    const long = await w.fails('reports.marginPdf', { from: '2024-01-01', to: '2025-03-01' })
    expect(long.issues?.[0]?.path).toEqual(['to'])
    expect(long.message + long.issues?.[0]?.message).toContain('400')
    const dispatcher = userWith(w.conn, ['dispatcher'], 'disp')
    expect((await w.fails('marginReport.list', MARCH, dispatcher.session)).code).toBe('FORBIDDEN')
    const manager = userWith(w.conn, ['serviceManager'], 'manager')
    expect((await w.api('marginReport.list', MARCH, manager.session)).rows).toEqual([])
  })
})

describe('service order progress', () => {
  it('time in each stage per order and averaged per stage, with the reason codes, the open stage until now', async () => {
    const w = await world()
    const stage = (code: string) => w.seed.stages.find((s) => s.code === code)!
    const reason = w.seed.reason
    async function move(id: number, code: string, withReason = false) {
      const o = await w.api('serviceOrders.get', { id })
      return w.api('serviceOrders.changeStage', {
        id,
        version: o.version,
        toStageId: stage(code).id,
        reasonId: withReason ? reason.id : null
      })
    }
    // A: made 09:00, scheduled 11:00 (with a reason), in progress 14:00, completed 15:00; the report at 19:00.
    const a = await w.order({ description: 'A' })
    w.clock.advance(H)
    // B: made 10:00, scheduled 11:00, still there at 19:00.
    const b = await w.order({ description: 'B' })
    w.clock.advance(H)
    await move(a.id, 'SCHEDULED', true)
    await move(b.id, 'SCHEDULED')
    w.clock.advance(3 * H)
    await move(a.id, 'IN-PROGRESS')
    w.clock.advance(H)
    await move(a.id, 'COMPLETED')
    w.clock.advance(4 * H)

    const first = stage(w.seed.stages.find((s) => s.parentId === null)!.code).name
    const byStage = await w.api('progressReport.list', { ...MARCH, groupBy: 'stage' })
    expect(byStage.rows.map((r) => [r.stageName, r.stays, r.totalMinutes, r.averageMinutes, r.reasons])).toEqual([
      [first, 2, 180, 90, ''],
      [stage('SCHEDULED').name, 2, 180 + 480, 330, reason.code],
      [stage('IN-PROGRESS').name, 1, 60, 60, ''],
      [stage('COMPLETED').name, 1, 240, 240, '']
    ])
    const byOrder = await w.api('progressReport.list', { ...MARCH, groupBy: 'order' })
    expect(byOrder.rows.map((r) => [r.orderNumber, r.stageName, r.totalMinutes])).toEqual([
      [a.number, first, 120],
      [a.number, stage('SCHEDULED').name, 180],
      [a.number, stage('IN-PROGRESS').name, 60],
      [a.number, stage('COMPLETED').name, 240],
      [b.number, first, 60],
      [b.number, stage('SCHEDULED').name, 480]
    ])
    const rows = await w.csv('progressReport.list', { ...MARCH, groupBy: 'stage' })
    expect(rows[0]).toEqual([
      'Service order',
      'Customer',
      'Stage',
      'Times entered',
      'Total time (min)',
      'Average time (min)',
      'Reason codes'
    ])
    expect(rows[2]).toEqual(['', '', stage('SCHEDULED').name, '2', '660', '330', reason.code])
    const text = w.pdfText('progress.pdf', await w.api('reports.progressPdf', { ...MARCH, groupBy: 'stage' }))
    expect(text).toContain('Service order progress')
    expect(text).toMatch(new RegExp(`${stage('SCHEDULED').name}\\s+2\\s+11 h\\s+5 h 30 min\\s+${reason.code}`))
    // Orders made in another month are not in March's report.
    expect((await w.api('progressReport.list', { from: '2025-04-01', to: '2025-04-30' })).rows).toEqual([])
  })
})

describe('technician utilisation', () => {
  it('booked vs available hours per ISO week, public holidays off the available hours', async () => {
    const w = await world()
    const s = await w.api('settings.get', {})
    await w.api('settings.update', { ...s, holidays: [{ date: '2025-03-05', name: 'Test holiday' }] })
    const o = await w.order({ description: 'Visit' })
    let order = await w.api('serviceOrders.get', { id: o.id })
    const book = async (start: number, end: number) => {
      await w.api('dispatch.assign', { orderId: o.id, orderVersion: order.version, workerId: w.seed.worker.id, start, end })
      order = await w.api('serviceOrders.get', { id: o.id })
    }
    await book(local(4, 10), local(4, 13))
    await book(local(10, 8), local(10, 10))
    // Outside the period: not counted.
    await book(local(14, 8), local(14, 12))

    const report = await w.api('utilisationReport.list', { from: '2025-03-03', to: '2025-03-12' })
    const jaan = report.rows.filter((r) => r.workerName === 'Jaan Tamm')
    // Monday–Friday 08:00–17:00: week 10 has four working days after the holiday (36 h), the period's part of week 11 three (27 h).
    expect(jaan.map((r) => [r.week, r.weekStart, r.availableMinutes, r.bookedMinutes])).toEqual([
      ['2025-W10', '2025-03-03', 36 * 60, 180],
      ['2025-W11', '2025-03-10', 27 * 60, 120]
    ])
    expect(jaan[0]!.utilisation).toBeCloseTo(180 / 2160)
    const team = await w.api('utilisationReport.list', { from: '2025-03-03', to: '2025-03-12', teamId: w.seed.team.id })
    expect(new Set(team.rows.map((r) => r.workerName))).toEqual(new Set(['Jaan Tamm']))

    const rows = await w.csv('utilisationReport.list', { from: '2025-03-03', to: '2025-03-12', teamId: w.seed.team.id })
    expect(rows[0]).toEqual(['Worker', 'Week', 'Week from', 'Available (min)', 'Booked (min)', 'Utilisation %'])
    expect(rows[1]).toEqual(['Jaan Tamm', '2025-W10', '03.03.2025', '2160', '180', '8.3'])
    const text = w.pdfText(
      'utilisation.pdf',
      await w.api('reports.utilisationPdf', { from: '2025-03-03', to: '2025-03-12', teamId: w.seed.team.id })
    )
    expect(text).toContain('Technician utilisation')
    expect(text).toMatch(/Jaan Tamm\s+2025-W10\s+\S+\s+36(\.0)?\s+3(\.0)?\s+8\.3/)
  })
})

describe('customer schedule', () => {
  it('planned orders and the agreements’ coming visits of one customer, by date; the PDF in the customer’s language', async () => {
    const w = await world()
    const march26 = (day: number, h: number) => Date.UTC(2026, 2, day, h - 2)
    const siteId = w.seed.customer.sites[0]!.id
    const planned = await w.order({ siteId, description: 'Boiler check', plannedStart: march26(10, 9), plannedEnd: march26(10, 11) })
    const cancelled = await w.order({ description: 'Cancelled visit', plannedStart: march26(12, 9), plannedEnd: march26(12, 10) })
    await w.api('serviceOrders.cancel', { id: cancelled.id, version: cancelled.version })
    const other = await w.api('customers.create', { name: 'Aasa AS', sites: [{ name: 'Ladu', street: 'Tartu mnt 1', city: 'Tartu' }] })
    const elsewhere = await w.order({
      customerId: other.id,
      siteId: other.sites[0]!.id,
      description: 'Other customer',
      plannedStart: march26(11, 13),
      plannedEnd: march26(11, 14)
    })

    const input = { from: '2026-03-01', to: '2026-03-31', customerId: w.seed.customer.id }
    const mine = await w.api('scheduleReport.list', input)
    // The seeded agreement's monthly line from Monday 5 January 2026: its March visit on Thursday 5 March, a day without a time.
    expect(mine.rows.map((r) => [r.date, r.start, r.reference, r.description, r.address])).toEqual([
      [
        '2026-03-05',
        null,
        w.seed.agreement.number,
        w.seed.agreement.lines[0]!.description || w.seed.agreement.description,
        'Pärnu mnt 10, Tallinn'
      ],
      ['2026-03-10', march26(10, 9), planned.number, 'Boiler check', 'Pärnu mnt 10, Tallinn']
    ])
    const all = await w.api('scheduleReport.list', { ...input, customerId: null })
    expect(all.rows.map((r) => r.reference)).toEqual([w.seed.agreement.number, planned.number, elsewhere.number])

    const rows = await w.csv('scheduleReport.list', input)
    expect(rows[0]).toEqual(['Date', 'Start', 'End', 'Customer', 'Description', 'Address', 'Order or agreement'])
    expect(rows[2]!.slice(3)).toEqual(['Õunapuu OÜ', 'Boiler check', '"Pärnu mnt 10', ' Tallinn"', planned.number])
    // The customer speaks Estonian: so does their schedule.
    const text = w.pdfText('schedule.pdf', await w.api('reports.schedulePdf', input))
    expect(text).toContain('Hooldusgraafik')
    expect(text).toContain('Õunapuu OÜ')
    expect(text).toMatch(new RegExp(`05\\.03\\.2026\\s+aeg lepitakse kokku.*${w.seed.agreement.number}`))
    expect(text).toMatch(new RegExp(`10\\.03\\.2026\\s+09:00–11:00\\s+Boiler check\\s+Pärnu mnt 10, Tallinn\\s+${planned.number}`))
    expect(text).not.toContain('Other customer')
  })
})
