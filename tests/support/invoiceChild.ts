/**
 * A separate process for crash tests: opens an existing database file and calls invoices.create through
 * the real pipeline as the given user. With HOOLDUS_FAULT=invoice.beforeLink it dies by SIGKILL inside the
 * invoice transaction, as a power cut would; otherwise it prints the result envelope as one JSON line.
 *
 *   node --import tsx tests/support/invoiceChild.ts <db file> <user id> '<invoices.create input as JSON>'
 */
import { runMethod } from '../../src/main/api/pipeline'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'

async function main(): Promise<void> {
  const [file, userId, input] = process.argv.slice(2)
  if (!file || !userId || !input) throw new Error('usage: invoiceChild.ts <db file> <user id> <input json>')
  const conn = openDatabase(file)
  try {
    const result = await runMethod(
      { conn, checkOutputs: true },
      () => null,
      { userId: Number(userId) },
      'invoices.create',
      JSON.parse(input)
    )
    process.stdout.write(`${JSON.stringify(result)}\n`)
  } finally {
    closeDatabase(conn)
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 1
})
