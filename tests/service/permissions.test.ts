import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type MethodName } from '@shared/api/contract'
import { ROLE_PERMISSIONS, ROLES, type Role } from '@shared/auth/roles'
import { runMethod } from '../../src/main/api/pipeline'
import { closeDatabase, type Connection } from '../../src/main/db/connection'
import { openAndMigrate } from '../../src/main/bootstrap'
import { ensureSettings } from '../../src/main/services/settings/settings'
import { userWith } from '../support/db'
import { seedMasterData } from '../support/seed'

/**
 * The role → permission matrix, checked through the real pipeline for every contract method and every
 * role (plus signed out). The pipeline decides access on the method and the user alone, before it looks
 * at the input, so every method is called with the same empty input: a role without the permission gets
 * FORBIDDEN from the permission check, a role with it never does (its call may then fail validation or a
 * business rule — those are tested with their services). A new method needs nothing here.
 * Every call runs inside a transaction that is rolled back, so none can disturb the next.
 */

type Column = Role | 'signedOut'
const COLUMNS: Column[] = [...ROLES, 'signedOut']
const METHODS = Object.keys(contract) as MethodName[]

function expectedCell(method: MethodName, column: Column): 'allowed' | 'FORBIDDEN' {
  const access = contract[method].access
  if (access === 'public') return 'allowed'
  if (column === 'signedOut') return 'FORBIDDEN'
  if (access === 'authenticated') return 'allowed'
  return ROLE_PERMISSIONS[column].includes(access) ? 'allowed' : 'FORBIDDEN'
}

let conn: Connection
let dir: string
const userIds = new Map<Role, number>()
/** method → column → the code actually answered ('ok' or an error code), for the printed matrix. */
const observed = new Map<string, Record<string, string>>()

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hooldus-perm-'))
  conn = (await openAndMigrate(join(dir, 'perm.db'))).conn
  ensureSettings(conn.db, 'Test Service OÜ')
  // Some data, so that the calls an empty input lets through (lists, board, tray …) have rows to read.
  await seedMasterData(conn)
  for (const role of ROLES) userIds.set(role, userWith(conn, [role], role).user!.id)
})

afterAll(() => {
  if (process.env.HOOLDUS_PRINT_MATRIX) {
    const width = Math.max(...METHODS.map((m) => m.length))
    const lines = [
      `${'method'.padEnd(width)}  ${COLUMNS.map((c) => c.slice(0, 10).padEnd(10)).join(' ')}`,
      ...[...observed].map(([m, row]) => `${m.padEnd(width)}  ${COLUMNS.map((c) => (row[c] ?? '').padEnd(10)).join(' ')}`)
    ]
    console.log(lines.join('\n'))
  }
  closeDatabase(conn)
  rmSync(dir, { recursive: true, force: true })
})

/** The permission check's own refusals; a service refusing for another reason says something else. */
/** The pipeline's permission refusals, known by their message keys (the company's language is Estonian here). */
const BY_PERMISSION = { signedOut: 'errors.signInFirst', signedIn: 'errors.roleNotAllowed' }

async function outcome(method: MethodName, column: Column): Promise<{ cell: string; code: string }> {
  conn.sqlite.exec('begin')
  try {
    const session = { userId: column === 'signedOut' ? null : userIds.get(column)! }
    const result = await runMethod({ conn, checkOutputs: true }, () => null, session, method, {})
    if (result.ok) return { cell: 'allowed', code: 'ok' }
    const { code, key, message } = result.error
    if (code === 'FORBIDDEN') {
      const byPermission = BY_PERMISSION[column === 'signedOut' ? 'signedOut' : 'signedIn'] === key
      return { cell: byPermission ? 'FORBIDDEN' : `FORBIDDEN by a rule: ${message}`, code }
    }
    // A permitted call may fail validation or be refused by the service (NOT_FOUND, CONFLICT); it must not crash.
    return { cell: code === 'INTERNAL' ? `INTERNAL: ${message}` : 'allowed', code }
  } finally {
    conn.sqlite.exec('rollback')
  }
}

describe('permission matrix', () => {
  it.each(METHODS.map((m) => [m, contract[m].access] as const))('%s (%s)', async (method, _access) => {
    const expected: Record<string, string> = {}
    const actual: Record<string, string> = {}
    const codes: Record<string, string> = {}
    for (const column of COLUMNS) {
      expected[column] = expectedCell(method, column)
      const o = await outcome(method, column)
      actual[column] = o.cell
      codes[column] = o.code
    }
    observed.set(method, codes)
    expect(actual).toEqual(expected)
  })

  it('lets only the administrator manage users and number sequences', () => {
    // A readable spot check of the matrix itself, so a change to roles.ts shows up here too.
    const holders = (p: Parameters<(typeof ROLE_PERMISSIONS)['administrator']['includes']>[0]) =>
      ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p))
    expect(holders('users.manage')).toEqual(['administrator'])
    expect(holders('numberSequences.write')).toEqual(['administrator'])
    expect(holders('masterdata.read')).toEqual([...ROLES])
  })
})
