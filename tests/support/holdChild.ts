/**
 * Another program writing to the same database file, for the two-process tests: takes the write lock
 * (BEGIN IMMEDIATE), writes a row, prints "locked", holds the lock for <ms> milliseconds, commits and prints
 * "committed". Its commit makes every snapshot read before it stale, as a real writer's would.
 *
 *   node --import tsx tests/support/holdChild.ts <db file> <ms>
 */
import Database from 'better-sqlite3'

const [file, ms] = process.argv.slice(2)
if (!file || !ms) throw new Error('usage: holdChild.ts <db file> <ms>')
const sqlite = new Database(file)
sqlite.pragma('busy_timeout = 5000')
sqlite.exec('begin immediate')
sqlite
  .prepare(
    "insert into audit_log (at, user_id, entity, entity_id, action, before, after) values (?, null, 'test', 0, 'update', null, null)"
  )
  .run(Date.now())
process.stdout.write('locked\n')
// Blocks this process like a long write transaction would (a generation slice, an import).
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms))
sqlite.exec('commit')
process.stdout.write('committed\n')
sqlite.close()
