import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DatabaseTooNewError } from '../db/migrate'
import { resolveDbFile } from '../paths'
import { parseListen, serveDatabase } from './start'

/**
 * The shop server, headless: `npm run serve -- --db <file> --listen 0.0.0.0:5179 [--name <lan host name>]`.
 * HTTPS with the certificate kept next to the database; workstations and phones pair with the code it prints
 * (docs/shop-server.md).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      listen: { type: 'string', default: '0.0.0.0:5179' },
      name: { type: 'string', multiple: true },
      'renderer-dir': { type: 'string' }
    },
    allowPositionals: false
  })
  const { address, port } = parseListen(values.listen)
  await serveDatabase({
    file: resolveDbFile(values.db),
    port,
    rendererDir: values['renderer-dir'] ?? join(__dirname, '../renderer'),
    lan: { listen: address, names: values.name ?? [] }
  })
}

main().catch((e: unknown) => {
  console.error(e instanceof DatabaseTooNewError ? e.message : e)
  process.exit(1)
})
