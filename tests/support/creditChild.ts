/**
 * One of two programs crediting the same invoice line at once, for the concurrency test. Opens the database
 * file, prints "ready", waits for a line on stdin (so that both processes start together), then calls
 * invoices.credit through the real pipeline for each input in turn and prints the tally of answers as one
 * JSON line: { tried, ok, codes: { VALIDATION: n, … }, messages: [what the pipeline logged for INTERNAL answers] }.
 *
 *   node tests/support/creditChild.ts <db file> <user id> '<JSON array of invoices.credit inputs>'
 */
import { runMethod } from '../../src/main/api/pipeline'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'

async function main(): Promise<void> {
  const [file, userId, inputs] = process.argv.slice(2)
  if (!file || !userId || !inputs) throw new Error('usage: creditChild.ts <db file> <user id> <inputs json>')
  const conn = openDatabase(file)
  const tally = { tried: 0, ok: 0, codes: {} as Record<string, number>, messages: [] as string[] }
  try {
    process.stdout.write('ready\n')
    await new Promise((go) => process.stdin.once('data', go))
    for (const input of JSON.parse(inputs) as object[]) {
      tally.tried++
      const r = await runMethod(
        { conn, checkOutputs: true, log: (_m, e) => tally.messages.push(e instanceof Error ? e.message : String(e)) },
        () => null,
        { userId: Number(userId) },
        'invoices.credit',
        input
      )
      if (r.ok) tally.ok++
      else tally.codes[r.error.code] = (tally.codes[r.error.code] ?? 0) + 1
    }
    process.stdout.write(`${JSON.stringify(tally)}\n`)
  } finally {
    closeDatabase(conn)
    process.stdin.destroy()
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 1
})
