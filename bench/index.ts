import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Bench, Measurement } from './registry'

/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or only the benches whose name or file
 * matches an argument). Prints one JSON line per measurement on stdout, then a table.
 * The scale-100 database is cached in .tmp/; BENCH_REBUILD=1 builds it again.
 */
async function main(): Promise<void> {
  const filters = process.argv.slice(2)
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
  const results: Measurement[] = []
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { benches?: Bench[] }
    for (const bench of mod.benches ?? []) {
      const area = file.replace(/\.bench\.ts$/, '')
      if (filters.length && !filters.some((f) => bench.name.includes(f) || area.includes(f))) continue
      for (const m of await bench.run()) {
        results.push(m)
        process.stdout.write(`${JSON.stringify(m)}\n`)
      }
    }
  }
  const width = Math.max(4, ...results.map((r) => r.name.length))
  const lines = [`${'name'.padEnd(width)}  ${'value'.padStart(10)}  unit`, `${'-'.repeat(width)}  ${'-'.repeat(10)}  ----`]
  for (const r of results) lines.push(`${r.name.padEnd(width)}  ${String(r.value).padStart(10)}  ${r.unit}`)
  process.stdout.write(`\n${lines.join('\n')}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 1
})
