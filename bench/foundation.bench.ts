import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import type { MethodName } from '@shared/api/contract'
import { writeCsv } from '../src/main/api/csv'
import { type ApiHost, runMethod, startExport } from '../src/main/api/pipeline'
import { closeDatabase } from '../src/main/db/connection'
import { openAndMigrate } from '../src/main/bootstrap'
import type { SessionSlot } from '../src/main/services/core/context'
import { createDemoData } from '../src/main/demo/createDemo'
import { ensureSettings } from '../src/main/services/settings/settings'
import { defineBenches, type Measurement } from './registry'
import { collectGarbage, demoDatabase, medianMs, noHash, round, tempDir } from './support'

const SCALE = 100
const log = (line: string) => process.stderr.write(`${line}\n`)

/** The scale-100 database and a session of its administrator, shared by the list and export benches. */
let shared: Promise<{ host: ApiHost; session: SessionSlot }> | null = null
function scale100() {
  shared ??= demoDatabase(SCALE, log).then(({ conn }) => {
    const admin = conn.sqlite.prepare("select id from users where username = 'admin'").get() as { id: number }
    return { host: { conn }, session: { userId: admin.id } }
  })
  return shared
}

async function listPage(method: MethodName, input: object): Promise<number> {
  const { host, session } = await scale100()
  return medianMs(async () => {
    const r = await runMethod(host, () => null, session, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  })
}

export const benches = defineBenches([
  {
    name: 'migrate',
    async run(): Promise<Measurement[]> {
      const dir = tempDir()
      let n = 0
      const ms = await medianMs(
        async () => {
          const { conn } = await openAndMigrate(join(dir, `empty-${n++}.db`))
          closeDatabase(conn)
        },
        5,
        1
      )
      return [{ name: 'migrate.empty', value: round(ms), unit: 'ms' }]
    }
  },
  {
    name: 'demo',
    async run(): Promise<Measurement[]> {
      const { conn } = await openAndMigrate(join(tempDir(), 'demo10.db'))
      // The demo writes into a set-up company, as at first start (its company details update the settings row).
      ensureSettings(conn.db, 'Bench Hooldus OÜ')
      const t = performance.now()
      createDemoData(conn, { scale: 10, today: '2025-06-01', hashPassword: noHash })
      const ms = performance.now() - t
      closeDatabase(conn)
      return [{ name: 'demo.generate.scale10', value: round(ms), unit: 'ms' }]
    }
  },
  {
    name: 'lists',
    async run(): Promise<Measurement[]> {
      await scale100()
      return [
        { name: 'customers.list.page1', value: round(await listPage('customers.list', { pageSize: 50 })), unit: 'ms' },
        { name: 'customers.list.search', value: round(await listPage('customers.list', { pageSize: 50, q: 'tamm' })), unit: 'ms' },
        { name: 'serviceObjects.list.page1', value: round(await listPage('serviceObjects.list', { pageSize: 50 })), unit: 'ms' },
        { name: 'serviceObjects.list.search', value: round(await listPage('serviceObjects.list', { pageSize: 50, q: 'tamm' })), unit: 'ms' }
      ]
    }
  },
  {
    name: 'export',
    async run(): Promise<Measurement[]> {
      const { host, session } = await scale100()
      collectGarbage()
      const base = process.memoryUsage()
      let peakRss = base.rss
      let peakHeap = base.heapUsed
      const sample = () => {
        const m = process.memoryUsage()
        peakRss = Math.max(peakRss, m.rss)
        peakHeap = Math.max(peakHeap, m.heapUsed)
      }
      const timer = setInterval(sample, 5)
      const t = performance.now()
      const started = startExport(host, () => null, session, 'serviceObjects.list', {})
      if (!started.ok) throw new Error(started.error.message)
      // Sampling inside the row stream too: the export is mostly synchronous between drains.
      const rows = (function* () {
        let n = 0
        for (const row of started.rows) {
          if (++n % 1000 === 0) sample()
          yield row
        }
      })()
      const count = await writeCsv(started.columns, rows, createWriteStream(join(tempDir(), 'objects.csv')), started.csv)
      const ms = performance.now() - t
      clearInterval(timer)
      sample()
      const mb = (bytes: number) => round(bytes / 1024 / 1024, 1)
      return [
        { name: 'export.serviceObjects.csv', value: round(ms), unit: 'ms' },
        { name: 'export.serviceObjects.rows', value: count, unit: 'rows' },
        { name: 'export.serviceObjects.rssGrowth', value: mb(peakRss - base.rss), unit: 'MB' },
        { name: 'export.serviceObjects.heapGrowth', value: mb(peakHeap - base.heapUsed), unit: 'MB' }
      ]
    }
  }
])
