import { writeFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openAndMigrate, startUp } from '../src/main/bootstrap'
import { users } from '../src/main/db/schema'
import { contract } from '../src/shared/api/contract'
import { loadSessionUser } from '../src/main/services/auth/sessions'
import { createContext } from '../src/main/services/core/context'
import { customerService } from '../src/main/services/masterdata/customers'
import { defaultMapping, runImport } from '../src/main/services/import/run'
import { defineBenches, type Measurement } from './registry'
import { collectGarbage, round, tempDir } from './support'

/**
 * 50,000 service objects from one CSV file (#20.1: under 10 s, memory bounded because the file is streamed);
 * IMPORT_BENCH_ROWS sets another count.
 */
const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 50_000)

export const benches = defineBenches([
  {
    name: 'importObjects',
    async run(): Promise<Measurement[]> {
      const dir = tempDir()
      const { conn } = await openAndMigrate(join(dir, 'import.db'))
      startUp(conn.db)
      const admin = conn.db
        .insert(users)
        .values({
          username: 'admin',
          displayName: 'Admin',
          language: 'en',
          passwordHash: '00',
          passwordSalt: '00',
          roles: ['administrator'],
          createdAt: 0
        })
        .returning({ id: users.id })
        .get()
      const ctx = createContext(conn, loadSessionUser(conn.db, admin.id))
      const customerInput = contract['customers.create'].input
      for (let c = 1; c <= 100; c++) customerService.create(ctx, customerInput.parse({ number: `K-${c}`, name: `Klient ${c}` }))
      const file = join(dir, 'objects.csv')
      const lines = ['Number;Name;Customer;Serial number;Installation date']
      for (let i = 1; i <= ROWS; i++)
        lines.push(`OBJ-${i};Katel ${i};K-${(i % 100) + 1};SN-${i};${String((i % 28) + 1).padStart(2, '0')}.03.2024`)
      writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`)
      const mapping = defaultMapping('serviceObjects', lines[0]!.split(';'))
      lines.length = 0

      const measure = (commit: boolean) => {
        collectGarbage()
        const before = process.memoryUsage().rss
        let peak = before
        const cpu = process.cpuUsage()
        const started = performance.now()
        const outcome = runImport(ctx, {
          kind: 'serviceObjects',
          bytes: { path: file },
          encoding: null,
          delimiter: null,
          mapping,
          key: null,
          commit,
          onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss))
        })
        const ms = performance.now() - started
        // CPU time as well as the wall clock: on a shared machine the wall clock measures the neighbours too.
        const used = process.cpuUsage(cpu)
        const cpuMs = (used.user + used.system) / 1000
        peak = Math.max(peak, process.memoryUsage().rss)
        if (outcome.problemCount > 0 || outcome.rows !== ROWS)
          throw new Error(`import failed: ${JSON.stringify(outcome.problems.slice(0, 3))}`)
        return { ms, cpuMs, growthMb: (peak - before) / 2 ** 20, peakMb: peak / 2 ** 20, outcome }
      }
      const dry = measure(false)
      const first = measure(true)
      const second = measure(true)
      if (first.outcome.created !== ROWS || second.outcome.updated !== ROWS) throw new Error('created/updated counts are wrong')
      return [
        { name: 'import.serviceObjects.rows', value: ROWS, unit: 'rows' },
        { name: 'import.serviceObjects.file', value: round(statSync(file).size / 2 ** 20), unit: 'MB' },
        { name: 'import.serviceObjects.dryRun', value: round(dry.ms), unit: 'ms' },
        { name: 'import.serviceObjects.create', value: round(first.ms), unit: 'ms' },
        { name: 'import.serviceObjects.update', value: round(second.ms), unit: 'ms' },
        { name: 'import.serviceObjects.dryRunCpu', value: round(dry.cpuMs), unit: 'ms' },
        { name: 'import.serviceObjects.createCpu', value: round(first.cpuMs), unit: 'ms' },
        { name: 'import.serviceObjects.updateCpu', value: round(second.cpuMs), unit: 'ms' },
        { name: 'import.serviceObjects.peakRss', value: round(Math.max(dry.peakMb, first.peakMb, second.peakMb)), unit: 'MB' },
        { name: 'import.serviceObjects.rssGrowth', value: round(Math.max(dry.growthMb, first.growthMb, second.growthMb)), unit: 'MB' }
      ]
    }
  }
])
