import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ApiError } from '@shared/api/result'
import type { CallerCheck } from '../api/pipeline'
import { closeDatabase, type Connection } from '../db/connection'
import { openAndMigrate } from '../bootstrap'
import type { SessionSlot } from '../services/core/context'

/** An error the command line reports as one line and a non-zero exit code (2 = wrong usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1
  ) {
    super(message)
    this.name = 'CliError'
  }
}

export const usageError = (message: string) => new CliError(`${message} (see --help)`, 2)

/** The command line runs as whoever may open the database file: there is no caller to refuse. */
export const cliCaller: CallerCheck = () => null

/** Field names of an API call → how the user wrote them on the command line. */
export type FieldNames = Record<string, string>

/**
 * One line for an API error, with the fields named as on the command line:
 * "Some fields need attention: --name: Required; --role #2: Invalid option …"
 */
export function describeApiError(error: ApiError, fields: FieldNames = {}): string {
  if (!error.issues?.length) return error.message
  const label = (path: (string | number)[]) => {
    const key = path.map(String).join('.')
    const [top, ...rest] = path
    const name = fields[key] ?? fields[String(top)]
    if (!name) return key
    return name + rest.map((p) => (typeof p === 'number' ? ` #${p + 1}` : `.${p}`)).join('')
  }
  if (error.code === 'VALIDATION' && error.message.startsWith('Some ')) {
    const issues = error.issues.map((i) => (i.path.length ? `${label(i.path)}: ${i.message}` : i.message))
    return `${error.message.replace(/\.$/, '')}: ${issues.join('; ')}`
  }
  const labels = [...new Set(error.issues.filter((i) => i.path.length).map((i) => label(i.path)))]
  return labels.length ? `${labels.join(', ')}: ${error.message}` : error.message
}

export interface OpenedDb {
  conn: Connection
  file: string
  close: () => void
}

/**
 * Opens and migrates the database like the app does at start-up. `create: false` refuses a missing
 * file instead of making an empty database there by accident.
 */
export async function openDb(file: string, options: { create: boolean; log: (line: string) => void }): Promise<OpenedDb> {
  if (!options.create && !existsSync(file)) {
    throw new CliError(`There is no database at ${file}. Create one with "migrate" or "demo", or pass --db <file>.`)
  }
  mkdirSync(dirname(file), { recursive: true })
  const { conn, migration } = await openAndMigrate(file)
  if (migration.backup) options.log(`Backed up the database to ${migration.backup} before migrating it.`)
  return { conn, file, close: () => closeDatabase(conn) }
}

/**
 * Who the command line acts as: `--user <name>`, or else the first active administrator. Calls then
 * go through the same permission check as in the app. Answers null when there is no such user.
 */
export function actingUser(conn: Connection, username: string | undefined): SessionSlot & { username: string | null } {
  if (username !== undefined) {
    const u = conn.sqlite.prepare('select id, active from users where username = ?').get(username.trim().toLowerCase()) as
      { id: number; active: number } | undefined
    if (!u) throw new CliError(`There is no user "${username}" in this database.`)
    if (!u.active) throw new CliError(`The user "${username}" is disabled.`)
    return { userId: u.id, username }
  }
  const admin = conn.sqlite
    .prepare(
      `select id, username from users u where u.active = 1
       and exists (select 1 from json_each(u.roles) r where r.value = 'administrator') order by id limit 1`
    )
    .get() as { id: number; username: string } | undefined
  return { userId: admin?.id ?? null, username: admin?.username ?? null }
}
