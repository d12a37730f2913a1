import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DatabaseTooNewError } from '../db/migrate'
import { resolveDbFile } from '../paths'
import { serveDatabase } from './start'

/** Browser mode: `npm run web -- [--db <file>] [--port <n>]`, on loopback http only. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string' }, 'renderer-dir': { type: 'string' } },
    allowPositionals: false
  })
  const port = values.port ? Number(values.port) : 5178
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`)
  await serveDatabase({ file: resolveDbFile(values.db), port, rendererDir: values['renderer-dir'] ?? join(__dirname, '../renderer') })
}

main().catch((e: unknown) => {
  console.error(e instanceof DatabaseTooNewError ? e.message : e)
  process.exit(1)
})
