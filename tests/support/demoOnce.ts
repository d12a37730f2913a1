import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { closeDatabase, type Connection } from '../../src/main/db/connection'
import { copyDb, freshDb } from './db'

/**
 * A demo company built once for a test file (on its first use) and handed to each test as its own copy of the
 * closed file. A build costs seconds of CPU, and the unit tests share the machine with the end-to-end lane:
 * tests that each built their own company timed out there. Call at the top level of a test file.
 */
export function demoOnce<S>(build: (conn: Connection) => S): () => Promise<{ conn: Connection; summary: S }> {
  const kept = mkdtempSync(join(tmpdir(), 'hooldus-demo-'))
  afterAll(() => rmSync(kept, { recursive: true, force: true }))
  let built: Promise<{ file: string; summary: S }> | undefined
  return async () => {
    built ??= (async () => {
      const { conn, file } = await freshDb()
      const summary = build(conn)
      closeDatabase(conn)
      copyFileSync(file, join(kept, 'demo.db'))
      return { file: join(kept, 'demo.db'), summary }
    })()
    const { file, summary } = await built
    return { conn: copyDb(file).conn, summary }
  }
}
