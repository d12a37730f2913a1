import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { ApiError, MessageParams } from '@shared/api/result'
import { formatsFor } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import { translate } from '@shared/i18n/issues'
import { isLanguage, type Language } from '@shared/i18n/languages'
import type { CallerCheck } from '../api/pipeline'
import { closeDatabase, type Connection } from '../db/connection'
import { openAndMigrate } from '../bootstrap'
import type { SessionSlot } from '../services/core/context'
import { companyLanguage } from '../services/settings/settings'

/**
 * The language of the command line's messages: `--lang`, else the acting user's (`--user`, or the first
 * administrator), else the company's. Until a database is open only `--lang` is known; English then.
 */
let explicitLanguage: Language | undefined
let language: Language = 'en'

export function chooseLanguage(lang: Language | undefined): void {
  explicitLanguage = lang
  language = lang ?? 'en'
}

export const cliLanguage = (): Language => language

/** A message of the command line in its language. */
export const cliText = (key: string, params?: MessageParams): string => translate(tFor(language), key, params)

/** A number in the command line's language: "1,234" / "1 234". */
export const cliNumber = (n: number): string => formatsFor(language, 'Europe/Tallinn').number(n)

/**
 * A counted noun of the catalogue, an i18next plural with the formatted number as {{n}}:
 * cliCount('cli.export.rows', 5) → "5 rows" / "5 rida".
 */
export const cliCount = (key: string, count: number): string => cliText(key, { count, n: cliNumber(count) })

/** A catalogue text of several lines, as the lines of a command's help. */
export const helpLines = (text: string): string[] => text.split('\n')

/** Milliseconds as seconds with one decimal: "1.2" / "1,2". */
export const cliSeconds = (ms: number): string => {
  const s = (ms / 1000).toFixed(1)
  return language === 'et' ? s.replace('.', ',') : s
}

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

export const usageError = (message: string) => new CliError(cliText('cli.seeHelp', { message }), 2)

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
  if (
    error.code === 'VALIDATION' &&
    (error.key === 'validation.summary' || error.key === 'validation.filters' || error.key === 'cli.someOptions')
  ) {
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
    throw new CliError(cliText('cli.noDatabase', { file }))
  }
  mkdirSync(dirname(file), { recursive: true })
  const { conn, migration } = await openAndMigrate(file)
  if (migration.backup) options.log(cliText('cli.backedUp', { file: migration.backup }))
  return { conn, file, close: () => closeDatabase(conn) }
}

/**
 * Who the command line acts as: `--user <name>`, or else the first active administrator. Calls then
 * go through the same permission check as in the app. Answers null when there is no such user.
 */
export function actingUser(conn: Connection, username: string | undefined): SessionSlot & { username: string | null } {
  if (username !== undefined) {
    const u = conn.sqlite.prepare('select id, active from users where username = ?').get(username.trim().toLowerCase()) as
      | { id: number; active: number }
      | undefined
    if (!u) throw new CliError(cliText('cli.noUser', { user: username }))
    if (!u.active) throw new CliError(cliText('cli.userDisabled', { user: username }))
    speakAs(conn, u.id)
    return { userId: u.id, username }
  }
  const admin = conn.sqlite
    .prepare(
      `select id, username from users u where u.active = 1
       and exists (select 1 from json_each(u.roles) r where r.value = 'administrator') order by id limit 1`
    )
    .get() as { id: number; username: string } | undefined
  speakAs(conn, admin?.id ?? null)
  return { userId: admin?.id ?? null, username: admin?.username ?? null }
}

/** Speaks the acting user's language (or the company's) unless `--lang` chose one. */
function speakAs(conn: Connection, userId: number | null): void {
  if (explicitLanguage) return
  const row =
    userId === null
      ? undefined
      : (conn.sqlite.prepare('select language from users where id = ?').get(userId) as { language: string } | undefined)
  language = isLanguage(row?.language) ? row.language : companyLanguage(conn.db)
}
