/**
 * One of two programs writing the same records at once, for the two-process tests. Opens the database file,
 * prints "ready", waits for a line on stdin (so that both processes start together), then calls the method
 * through the real pipeline for each input in turn and prints the tally of answers as one JSON line:
 * { tried, ok, codes: { CONFLICT: n, … }, messages: [what the pipeline logged for INTERNAL answers] }.
 *
 *   node saveChild.cjs <db file> <user id> <method> '<JSON array of inputs>'
 */
import type { MethodName } from '../../src/shared/api/contract'
import { runMethod } from '../../src/main/api/pipeline'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'

async function main(): Promise<void> {
  const [file, userId, method, inputs] = process.argv.slice(2)
  if (!file || !userId || !method || !inputs) throw new Error('usage: saveChild.ts <db file> <user id> <method> <inputs json>')
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
        method as MethodName,
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
