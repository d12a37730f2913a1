/**
 * A generation run in a child process, for crash tests: `node --import tsx generateChild.ts <db> <from> <to> [run|background]`.
 * `run` generates synchronously, one agreement per transaction (slice 0), so that a crash after some
 * agreements leaves those committed; `background` starts the app's background run. Set HOOLDUS_FAULT (and
 * HOOLDUS_FAULT_AFTER) to kill the process inside the run. Prints the summary as JSON when it survives.
 */
import { closeDatabase, openDatabase } from '../../src/main/db/connection'
import { runGeneration, startGeneration } from '../../src/main/services/agreements/generator'
import { createContext } from '../../src/main/services/core/context'

const [file, from, to, mode = 'run'] = process.argv.slice(2)
if (!file || !from || !to) throw new Error('usage: generateChild.ts <db> <from> <to> [run|background]')
const conn = openDatabase(file)
const ctx = createContext(conn, null)
const input = {
  from,
  to,
  agreementIds: [],
  customerId: null,
  groupId: null,
  types: ['hour', 'expense', 'item', 'fee'] as ('hour' | 'expense' | 'item' | 'fee')[]
}
if (mode === 'background') {
  const run = startGeneration(ctx, input)
  const poll = setInterval(() => {
    const row = conn.sqlite.prepare('select status, orders_created as orders from generation_runs where id = ?').get(run.id) as {
      status: string
      orders: number
    }
    if (row.status === 'running') return
    clearInterval(poll)
    process.stdout.write(`${JSON.stringify(row)}\n`)
    closeDatabase(conn)
  }, 5)
} else {
  const result = runGeneration(ctx, input, undefined, 0)
  process.stdout.write(`${JSON.stringify(result.summary)}\n`)
  closeDatabase(conn)
}
