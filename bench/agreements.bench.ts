import { join } from 'node:path'
import type { Connection } from '../src/main/db/connection'
import { closeDatabase } from '../src/main/db/connection'
import { openAndMigrate } from '../src/main/bootstrap'
import { runGeneration } from '../src/main/services/agreements/generator'
import { createContext } from '../src/main/services/core/context'
import { ensureSettings } from '../src/main/services/settings/settings'
import { defineBenches, type Measurement } from './registry'
import { round, tempDir } from './support'

/**
 * Issue target: generating 12 months of orders for 2,000 agreements × 3 lines (weekly, biweekly, monthly)
 * stays within 3× of the physical limit — the same number of order and line rows inserted with raw
 * prepared statements in one transaction. The limit is measured on the very rows the run made (copied
 * into a second database seeded alike): same values, same index spread. For reference also as many
 * minimal rows with ascending keys, which no real run can match (its dates spread over the year, so its
 * index inserts are random). Wall and CPU times are both reported: on a shared machine CPU is steadier.
 * The generator also writes what the limit does not: stage history, order objects, the ledger.
 */
const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 2000)
const FROM = '2026-01-01'
const TO = '2026-12-31'
const log = (line: string) => process.stderr.write(`${line}\n`)

interface Timing {
  ms: number
  /** Process CPU time (user + system): steadier than wall time on a busy machine. */
  cpuMs: number
}
const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since)
  return (c.user + c.system) / 1000
}

/** A customer, a site and two objects per agreement; each agreement relates both objects and has three lines. */
function seedAgreements(conn: Connection, count: number): void {
  const s = conn.sqlite
  const id = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid)
  const interval = (code: string) => (s.prepare('select id from service_intervals where code = ?').get(code) as { id: number }).id
  const weekly = interval('WEEKLY')
  const biweekly = interval('BIWEEKLY')
  const monthly = interval('MONTHLY')
  s.transaction(() => {
    const group = id(s.prepare("insert into agreement_groups (code, name) values ('GOLD', 'Gold')").run())
    const category = id(
      s
        .prepare(
          "insert into categories (code, name, type, unit, cost_price, sales_price) values ('WORK', 'Work', 'hour', 'h', 3000, 5500)"
        )
        .run()
    )
    const customer = s.prepare(
      "insert into customers (number, name, language, email, phone, vat_number, billing_address, notes, active, created_at, updated_at) values (?, ?, 'et', '', '', '', '', '', 1, 0, 0)"
    )
    const site = s.prepare(
      "insert into customer_sites (customer_id, name, street, city, postal_code, country, access_notes) values (?, 'Kontor', 'Pärnu mnt 1', 'Tallinn', '10111', 'EE', '')"
    )
    const object = s.prepare(
      'insert into service_objects (number, name, customer_id, site_id, serial_number, active) values (?, ?, ?, ?, ?, 1)'
    )
    const agreement = s.prepare(
      "insert into agreements (number, customer_id, description, group_id, start_date, combine_rule, created_at, updated_at) values (?, ?, ?, ?, ?, 'agreement', 0, 0)"
    )
    const relation = s.prepare('insert into agreement_objects (agreement_id, service_object_id) values (?, ?)')
    const line = s.prepare(
      "insert into agreement_lines (agreement_id, line_no, type, description, service_object_id, interval_id, start_date, quantity, category_id) values (?, ?, 'hour', ?, ?, ?, ?, ?, ?)"
    )
    for (let i = 0; i < count; i++) {
      const no = String(i + 1).padStart(5, '0')
      const c = id(customer.run(`C-${no}`, `Customer ${no}`))
      const st = id(site.run(c))
      const o1 = id(object.run(`OBJ-${no}-1`, 'Heat pump', c, st, `SN-${no}-1`))
      const o2 = id(object.run(`OBJ-${no}-2`, 'Ventilation unit', c, st, `SN-${no}-2`))
      // Agreements start on different weekdays; weekly and biweekly lines share a weekday, the monthly one does not.
      const start = `2025-12-${String(1 + (i % 5)).padStart(2, '0')}`
      const a = id(agreement.run(`AGR-${no}`, c, `Maintenance ${no}`, group, start))
      relation.run(a, o1)
      relation.run(a, o2)
      line.run(a, 1, 'Weekly check', o1, weekly, start, 500, category)
      line.run(a, 2, 'Filter change', o2, biweekly, start, 1000, category)
      line.run(a, 3, 'Monthly service', o1, monthly, `2025-12-${String(8 + (i % 20)).padStart(2, '0')}`, 2000, category)
    }
  })()
}

async function freshConn(file: string): Promise<Connection> {
  const { conn } = await openAndMigrate(file)
  ensureSettings(conn.db, 'Bench Hooldus OÜ')
  return conn
}

/** `orders` minimal order rows and `lines` line rows with ascending keys, raw prepared statements, one transaction. */
function rawInsert(conn: Connection, orders: number, lines: number): Timing {
  const s = conn.sqlite
  const customerId = Number(
    s
      .prepare(
        "insert into customers (number, name, language, email, phone, vat_number, billing_address, notes, active, created_at, updated_at) values ('C-1', 'Raw', 'et', '', '', '', '', '', 1, 0, 0)"
      )
      .run().lastInsertRowid
  )
  const stageId = (s.prepare('select id from service_stages where parent_id is null order by id limit 1').get() as { id: number }).id
  const order = s.prepare(
    `insert into service_orders (number, customer_id, site_id, one_time_address, contact_id, description, priority, requested_start, requested_end,
       planned_start, planned_end, preferred_worker_id, responsible_worker_id, agreement_id, origin, stage_id, progress, line_count, sales_total, cost_total,
       calendar_conflict, created_at, updated_at)
     values (?, ?, null, '', null, 'Raw order', 'normal', ?, ?, ?, ?, null, null, null, 'agreement', ?, 'inProcess', ?, 0, 0, 0, 0, 0)`
  )
  const line = s.prepare(
    `insert into service_order_lines (order_id, line_no, type, description, worker_id, service_object_id, service_task_id, category_id, item_id,
       quantity, unit, unit_cost, unit_price, scheduled_date, note, agreement_line_id, occurrence_date)
     values (?, ?, 'hour', 'Raw line', null, null, null, null, null, 1000, 'h', 3000, 5500, '2026-01-05', '', null, '2026-01-05')`
  )
  const cpu = process.cpuUsage()
  const t = performance.now()
  s.transaction(() => {
    const perOrder = lines / orders
    let made = 0
    for (let o = 0; o < orders; o++) {
      const start = Date.UTC(2026, 0, 5, 6) + o * 60_000
      const orderId = Number(
        order.run(`SO-${String(o + 1).padStart(7, '0')}`, customerId, start, start + 3_600_000, start, start + 3_600_000, stageId, 1)
          .lastInsertRowid
      )
      const upTo = o === orders - 1 ? lines : Math.round((o + 1) * perOrder)
      for (let n = 1; made < upTo; n++, made++) line.run(orderId, n)
    }
  })()
  return { ms: performance.now() - t, cpuMs: cpuMs(cpu) }
}

const ORDER_COLUMNS = `number, customer_id, site_id, one_time_address, contact_id, description, priority, requested_start, requested_end,
  planned_start, planned_end, preferred_worker_id, responsible_worker_id, agreement_id, origin, stage_id, progress, line_count, sales_total, cost_total,
  calendar_conflict, created_at, updated_at`
const LINE_COLUMNS = `order_id, line_no, type, description, worker_id, service_object_id, service_task_id, category_id, item_id,
  quantity, unit, unit_cost, unit_price, scheduled_date, note, agreement_line_id, occurrence_date`

/**
 * The physical limit on the same data: the very order and line rows the generator made, read from its
 * database and inserted into `to` (seeded alike) with raw prepared statements in one transaction.
 */
function rawCopy(from: Connection, to: Connection): Timing {
  const orders = from.sqlite
    .prepare(`select id, ${ORDER_COLUMNS} from service_orders where origin = 'agreement' order by id`)
    .raw()
    .all() as unknown[][]
  const lines = from.sqlite
    .prepare(`select ${LINE_COLUMNS} from service_order_lines where agreement_line_id is not null order by id`)
    .raw()
    .all() as unknown[][]
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')
  const order = to.sqlite.prepare(`insert into service_orders (${ORDER_COLUMNS}) values (${marks(23)})`)
  const line = to.sqlite.prepare(`insert into service_order_lines (${LINE_COLUMNS}) values (${marks(17)})`)
  const cpu = process.cpuUsage()
  const t = performance.now()
  to.sqlite.transaction(() => {
    const ids = new Map<unknown, number>()
    for (const o of orders) ids.set(o[0], Number(order.run(...o.slice(1)).lastInsertRowid))
    for (const l of lines) {
      l[0] = ids.get(l[0])
      line.run(...l)
    }
  })()
  return { ms: performance.now() - t, cpuMs: cpuMs(cpu) }
}

export const benches = defineBenches([
  {
    name: 'agreements.generate',
    async run(): Promise<Measurement[]> {
      const dir = tempDir()
      const conn = await freshConn(join(dir, 'agreements.db'))
      seedAgreements(conn, AGREEMENTS)
      const ctx = createContext(conn, null)
      const input = {
        from: FROM,
        to: TO,
        agreementIds: [],
        customerId: null,
        groupId: null,
        types: ['hour', 'expense', 'item', 'fee'] as ('hour' | 'expense' | 'item' | 'fee')[]
      }
      log(`Generating ${FROM} … ${TO} for ${AGREEMENTS} agreements × 3 lines …`)
      const cpu = process.cpuUsage()
      let t = performance.now()
      const result = runGeneration(ctx, input)
      const generateMs = performance.now() - t
      const generateCpu = cpuMs(cpu)
      const { orders, lines } = result.summary
      log(`… ${orders} orders, ${lines} lines in ${Math.round(generateMs)} ms (${Math.round(generateCpu)} ms CPU).`)
      // A second run over the same range: everything is skipped, nothing is created.
      t = performance.now()
      const again = runGeneration(ctx, input)
      const rerunMs = performance.now() - t
      if (again.summary.orders !== 0 || again.summary.skipped !== lines)
        throw new Error(`re-run created ${again.summary.orders} orders, skipped ${again.summary.skipped}`)

      // The limit: the same order and line rows, raw, one transaction, into a second database seeded alike.
      const copy = await freshConn(join(dir, 'raw-same-rows.db'))
      seedAgreements(copy, AGREEMENTS)
      const raw = rawCopy(conn, copy)
      closeDatabase(copy)
      closeDatabase(conn)
      // For reference: as many minimal rows with ascending keys (no spread of dates, one customer) — a
      // floor no real run meets, since its index inserts land all over the year.
      const minimal = await freshConn(join(dir, 'raw-minimal.db'))
      const floor = rawInsert(minimal, orders, lines)
      closeDatabase(minimal)
      const ratio = generateMs / raw.ms
      log(
        `… the same rows raw in one transaction: ${Math.round(raw.ms)} ms (${Math.round(raw.cpuMs)} ms CPU); ratio ${round(ratio)}× (CPU ${round(generateCpu / raw.cpuMs)}×).`
      )
      log(
        `… minimal rows with ascending keys: ${Math.round(floor.ms)} ms (${Math.round(floor.cpuMs)} ms CPU); ratio ${round(generateMs / floor.ms)}× (CPU ${round(generateCpu / floor.cpuMs)}×).`
      )
      return [
        { name: 'agreements.generate.12months', value: round(generateMs), unit: 'ms' },
        { name: 'agreements.generate.12months.cpu', value: round(generateCpu), unit: 'ms' },
        { name: 'agreements.generate.orders', value: orders, unit: 'rows' },
        { name: 'agreements.generate.lines', value: lines, unit: 'rows' },
        { name: 'agreements.generate.rawSameRows', value: round(raw.ms), unit: 'ms' },
        { name: 'agreements.generate.rawSameRows.cpu', value: round(raw.cpuMs), unit: 'ms' },
        { name: 'agreements.generate.ratio', value: round(ratio), unit: '×' },
        { name: 'agreements.generate.ratio.cpu', value: round(generateCpu / raw.cpuMs), unit: '×' },
        { name: 'agreements.generate.rawMinimalRows', value: round(floor.ms), unit: 'ms' },
        { name: 'agreements.generate.ratioMinimal', value: round(generateMs / floor.ms), unit: '×' },
        { name: 'agreements.generate.ratioMinimal.cpu', value: round(generateCpu / floor.cpuMs), unit: '×' },
        { name: 'agreements.generate.rerunSkipAll', value: round(rerunMs), unit: 'ms' }
      ]
    }
  }
])
