import { join } from 'node:path'
import type { Connection } from '../src/main/db/connection'
import { closeDatabase } from '../src/main/db/connection'
import { openAndMigrate } from '../src/main/bootstrap'
import { createContext } from '../src/main/services/core/context'
import { runFeeGeneration } from '../src/main/services/subscriptions/generate'
import { ensureSettings } from '../src/main/services/settings/settings'
import { defineBenches, type Measurement } from './registry'
import { round, tempDir } from './support'

/**
 * Issue target: generating 12 months of fees for 20,000 monthly subscriptions stays within 2× of inserting
 * the very same fee rows raw (prepared statement, one transaction) into a second database seeded alike —
 * same values, same unique key; and a rerun that creates nothing takes under a second. Every tenth
 * subscription starts mid-month, so the first fee is prorated. Wall and CPU times are both reported.
 */
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 20000)
const TO = '2026-12-31'
const log = (line: string) => process.stderr.write(`${line}\n`)
const cpuMs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since)
  return (c.user + c.system) / 1000
}

async function freshConn(file: string): Promise<Connection> {
  const { conn } = await openAndMigrate(file)
  ensureSettings(conn.db, 'Bench Hooldus OÜ')
  return conn
}

/** One group, a customer per ten subscriptions. */
function seed(conn: Connection, count: number): void {
  const s = conn.sqlite
  s.transaction(() => {
    s.prepare("insert into subscription_groups (code, name, invoicing_period) values ('MON', 'Monitoring', 'month')").run()
    const customer = s.prepare(
      "insert into customers (number, name, language, email, phone, vat_number, billing_address, notes, active, created_at, updated_at) values (?, ?, 'et', '', '', '', '', '', 1, 0, 0)"
    )
    const sub = s.prepare(
      "insert into subscriptions (number, name, customer_id, group_id, currency, base_price, start_date, created_at) values (?, 'Monitoring', ?, 1, 'EUR', ?, ?, 0)"
    )
    let c = 0
    for (let i = 0; i < count; i++) {
      const no = String(i + 1).padStart(6, '0')
      if (i % 10 === 0) c = Number(customer.run(`C-${no}`, `Customer ${no}`).lastInsertRowid)
      sub.run(`SUB-${no}`, c, 2000 + (i % 50) * 100, i % 10 === 9 ? '2026-01-16' : '2026-01-01')
    }
  })()
}

/** The fee rows the run made, inserted raw into `to` in one transaction. */
function rawCopy(from: Connection, to: Connection): { ms: number; cpuMs: number } {
  const rows = from.sqlite
    .prepare('select subscription_id, kind, period_start, from_date, to_date, amount, created_at from subscription_fees order by id')
    .raw()
    .all() as unknown[][]
  const insert = to.sqlite.prepare(
    'insert into subscription_fees (subscription_id, kind, period_start, from_date, to_date, amount, created_at) values (?, ?, ?, ?, ?, ?, ?)'
  )
  const cpu = process.cpuUsage()
  const t = performance.now()
  to.sqlite.transaction(() => {
    for (const r of rows) insert.run(...r)
  })()
  return { ms: performance.now() - t, cpuMs: cpuMs(cpu) }
}

export const benches = defineBenches([
  {
    name: 'subscriptions.generate',
    async run(): Promise<Measurement[]> {
      const dir = tempDir()
      const conn = await freshConn(join(dir, 'subscriptions.db'))
      seed(conn, SUBSCRIPTIONS)
      const ctx = createContext(conn, null)
      const input = { to: TO, groupId: null, subscriptionId: null }
      log(`Generating fees up to ${TO} for ${SUBSCRIPTIONS} monthly subscriptions …`)
      const cpu = process.cpuUsage()
      let t = performance.now()
      const made = runFeeGeneration(ctx, input)
      const generateMs = performance.now() - t
      const generateCpu = cpuMs(cpu)
      log(`… ${made.created} fees in ${Math.round(generateMs)} ms (${Math.round(generateCpu)} ms CPU).`)
      t = performance.now()
      const again = runFeeGeneration(ctx, input)
      const rerunMs = performance.now() - t
      if (again.created !== 0 || again.skipped !== made.created)
        throw new Error(`re-run created ${again.created}, skipped ${again.skipped}`)
      log(`… rerun: nothing created, ${again.skipped} skipped in ${Math.round(rerunMs)} ms.`)
      const copy = await freshConn(join(dir, 'raw-same-rows.db'))
      seed(copy, SUBSCRIPTIONS)
      const raw = rawCopy(conn, copy)
      closeDatabase(copy)
      closeDatabase(conn)
      const ratio = generateMs / raw.ms
      log(
        `… the same rows raw in one transaction: ${Math.round(raw.ms)} ms (${Math.round(raw.cpuMs)} ms CPU); ratio ${round(ratio)}× (CPU ${round(generateCpu / raw.cpuMs)}×).`
      )
      return [
        { name: 'subscriptions.generate.12months', value: round(generateMs), unit: 'ms' },
        { name: 'subscriptions.generate.12months.cpu', value: round(generateCpu), unit: 'ms' },
        { name: 'subscriptions.generate.fees', value: made.created, unit: 'rows' },
        { name: 'subscriptions.generate.rawSameRows', value: round(raw.ms), unit: 'ms' },
        { name: 'subscriptions.generate.rawSameRows.cpu', value: round(raw.cpuMs), unit: 'ms' },
        { name: 'subscriptions.generate.ratio', value: round(ratio), unit: '×' },
        { name: 'subscriptions.generate.ratio.cpu', value: round(generateCpu / raw.cpuMs), unit: '×' },
        { name: 'subscriptions.generate.rerunSkipAll', value: round(rerunMs), unit: 'ms' }
      ]
    }
  }
])
