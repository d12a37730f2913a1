import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { openAndMigrate } from '../db/open'
import { DatabaseTooNewError } from '../db/migrate'
import { resolveDbFile } from '../paths'
import { startWebHost } from './server'

/** Browser mode: `npm run web -- [--db <file>] [--port <n>]`. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, 'renderer-dir': { type: 'string' } },
    allowPositionals: false
  })
  const file = resolveDbFile(values.db)
  mkdirSync(dirname(file), { recursive: true })
  const port = values.port ? Number(values.port) : 5178
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`)
  const { conn, migration } = await openAndMigrate(file)
  if (migration.backup) console.log(`Backed up the database to ${migration.backup} before migrating.`)
  const host = await startWebHost({
    conn,
    port,
    rendererDir: values['renderer-dir'] ?? join(__dirname, '../renderer'),
    ...(process.env.HOOLDUS_WEB_TOKEN ? { token: process.env.HOOLDUS_WEB_TOKEN } : {}),
    log: (m, e) => console.error(m, e)
  })
  console.log(`Hooldus (browser mode) — database ${file}`)
  console.log(`Open ${host.url}`)
  const stop = () => void host.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e instanceof DatabaseTooNewError ? e.message : e)
  process.exit(1)
})
