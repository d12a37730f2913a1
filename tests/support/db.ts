import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { MethodName, Input, Output } from '@shared/api/contract'
import type { Role } from '@shared/auth/roles'
import { type ApiHost, runMethod } from '../../src/main/api/pipeline'
import { closeDatabase, type Connection, openDatabase } from '../../src/main/db/connection'
import { openAndMigrate } from '../../src/main/bootstrap'
import { hashPassword } from '../../src/main/services/auth/passwords'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { ensureSettings } from '../../src/main/services/settings/settings'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { settings, users } from '../../src/main/db/schema'

const opened: { conn: Connection; dir: string }[] = []

afterEach(() => {
  for (const o of opened.splice(0)) {
    closeDatabase(o.conn)
    rmSync(o.dir, { recursive: true, force: true })
  }
})

/**
 * A database file as the app leaves it after first start — migrated, start-up data, English — built once per
 * worker. Migrating and seeding a new file took 0.3–0.6 s of CPU, and most tests start from one; a copy of the
 * closed file (its WAL checkpointed into it) is the same database for a millisecond.
 */
let template: Promise<string> | undefined
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hooldus-template-'))
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'template.db')
    const { conn } = await openAndMigrate(file)
    ensureSettings(conn.db, 'Test Service OÜ')
    // The test world speaks English (the services' tests assert English messages); Estonian is tested on purpose.
    conn.db.update(settings).set({ language: 'en' }).run()
    closeDatabase(conn)
    return file
  })()
  return template
}

/** A fresh, migrated database file in a temp folder; closed and removed after the test. */
export async function freshDb(): Promise<{ conn: Connection; file: string; dir: string }> {
  return copyDb(await migratedTemplate())
}

/** An open copy of a closed database file in a temp folder; closed and removed after the test, like freshDb's. */
export function copyDb(source: string): { conn: Connection; file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hooldus-test-'))
  const file = join(dir, 'test.db')
  copyFileSync(source, file)
  const conn = openDatabase(file)
  opened.push({ conn, dir })
  return { conn, file, dir }
}

// A cheap hash keeps tests fast; real hashing is tested on its own.
const testHash = hashPassword('password123', 'test-salt')

/** Adds a user with the given roles and answers a service context signed in as that user. */
export function userWith(conn: Connection, roles: Role[], username = roles.join('-').toLowerCase() || 'nobody'): ServiceContext {
  const row = conn.db
    .insert(users)
    .values({
      username,
      displayName: username,
      language: 'en',
      csvDialect: 'standard',
      passwordHash: testHash.hash,
      passwordSalt: testHash.salt,
      roles,
      createdAt: Date.now()
    })
    .returning({ id: users.id })
    .get()
  return createContext(conn, loadSessionUser(conn.db, row.id))
}

/** Calls a method through the real pipeline (validation, permission, handler) as the context's user. */
export async function call<M extends MethodName>(ctx: ServiceContext, method: M, input: Input<M>): Promise<Output<M>> {
  const host: ApiHost = { conn: ctx.conn, checkOutputs: true, log: (m, e) => console.error(m, e) }
  const result = await runMethod(host, () => null, ctx.session, method, input)
  if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { error: result.error })
  return result.data as Output<M>
}

/** Like `call`, but answers the error envelope (and fails the test if the call succeeded). */
export async function callError<M extends MethodName>(ctx: ServiceContext, method: M, input: Input<M>) {
  const host: ApiHost = { conn: ctx.conn, checkOutputs: true }
  const result = await runMethod(host, () => null, ctx.session, method, input)
  if (result.ok) throw new Error(`${method} was expected to fail but succeeded`)
  return result.error
}
