import { createWriteStream, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { z } from 'zod'
import { contract, isMethodName, type MethodName } from '@shared/api/contract'
import { ROLE_LABELS, ROLES, type Role } from '@shared/auth/roles'
import type { UserRow } from '@shared/domain/system'
import { APP_LANGUAGES, CSV_DIALECTS, type CsvDialect, isLanguage } from '@shared/i18n/languages'
import { writeCsv } from '../api/csv'
import { exportSources } from '../api/handlers'
import { type ApiHost, runMethod, startExport } from '../api/pipeline'
import { closeDatabase, openDatabase } from '../db/connection'
import { backupDatabase } from '../db/migrate'
import { ensureDefaultSequences } from '../services/core/sequences'
import { createDemoData, type DemoStage } from '../demo/createDemo'
import { ensureSettings } from '../services/settings/settings'
import { agreementsGenerate } from './agreements'
import {
  actingUser,
  CliError,
  cliCaller,
  cliLanguage,
  cliText,
  describeApiError,
  type FieldNames,
  type OpenedDb,
  openDb,
  usageError
} from './session'

export interface CommandInput {
  /** Positional arguments after the command name (and the sub-command, for `users add`). */
  args: string[]
  values: Record<string, string | boolean | string[] | undefined>
  dbFile: string
  env: NodeJS.ProcessEnv
  out: (line: string) => void
  err: (line: string) => void
}

export interface Command {
  name: string
  usage: string
  summary: string
  /** Extra lines for `<command> --help`. */
  details: string[]
  /** Options this command accepts besides --db and --help. */
  options: string[]
  run: (input: CommandInput) => Promise<void>
}

const str = (v: CommandInput['values'][string]) => (typeof v === 'string' ? v : undefined)
const isCsvDialect = (v: string): v is CsvDialect => (CSV_DIALECTS as readonly string[]).includes(v)
const list = (v: CommandInput['values'][string]) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])

function positiveNumber(raw: string | undefined, option: string, fallback: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw usageError(`${option} must be a positive number, not "${raw}"`)
  return n
}

/* ---------- lists that can be exported ---------- */

/** `customers`, `serviceObjects`, `service-objects` or `serviceObjects.list` → 'serviceObjects.list'. */
export function exportableLists(): string[] {
  return Object.keys(exportSources).map((m) => m.replace(/\.list$/, ''))
}

function listMethod(name: string): MethodName {
  const norm = (s: string) =>
    s
      .replace(/\.list$/, '')
      .replace(/[-_]/g, '')
      .toLowerCase()
  const found = Object.keys(exportSources).find((m) => norm(m) === norm(name))
  if (!found || !isMethodName(found)) throw usageError(`Unknown list "${name}"; lists: ${exportableLists().join(', ')}`)
  return found
}

const LIST_FIELDS = new Set(['q', 'page', 'pageSize', 'sort', 'dir'])

function filterValue(raw: string): unknown {
  if (/^-?\d+$/.test(raw)) return Number(raw)
  if (raw === 'true' || raw === 'false') return raw === 'true'
  if (raw === 'null') return null
  return raw
}

function exportInput(method: MethodName, values: CommandInput['values']): Record<string, unknown> {
  const shape = (contract[method].input as unknown as z.ZodObject).shape
  const filters = Object.keys(shape).filter((k) => !LIST_FIELDS.has(k))
  const input: Record<string, unknown> = {}
  for (const key of ['q', 'sort', 'dir'] as const) if (str(values[key]) !== undefined) input[key] = str(values[key])
  for (const f of list(values.filter)) {
    const eq = f.indexOf('=')
    const key = eq > 0 ? f.slice(0, eq) : ''
    if (!key) throw usageError(`--filter takes key=value, not "${f}"`)
    if (!filters.includes(key)) {
      const listName = method.replace(/\.list$/, '')
      throw usageError(
        `Unknown filter "${key}" for ${listName}; ${filters.length ? `filters: ${filters.join(', ')}` : 'it has no filters'}`
      )
    }
    input[key] = filterValue(f.slice(eq + 1))
  }
  return input
}

/* ---------- commands ---------- */

const migrate: Command = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'Create the database, or bring it to this version of Hooldus (backs it up first)',
  details: ['A database written by a newer Hooldus is refused and left unchanged.'],
  options: [],
  async run({ dbFile, out, err }) {
    const existed = existsSync(dbFile)
    const db = await openDb(dbFile, { create: true, log: err })
    try {
      const version = db.conn.sqlite.pragma('user_version', { simple: true }) as number
      out(`${existed ? 'Database' : 'New database'} ${dbFile} is at schema version ${version}.`)
    } finally {
      db.close()
    }
  }
}

const backup: Command = {
  name: 'backup',
  usage: 'backup <file> [--force]',
  summary: 'Copy the database to <file>; safe while the app is running',
  details: ['--force   overwrite <file> when it exists'],
  options: ['force'],
  async run({ args, values, dbFile, out }) {
    const [target, ...extra] = args
    if (!target) throw usageError('backup needs the file to write, e.g. backup hooldus-2025-06-01.db')
    if (extra.length) throw usageError(`backup takes one file, not "${args.join(' ')}"`)
    const dest = resolve(target)
    if (dest === resolve(dbFile)) throw new CliError('The backup file cannot be the database itself.')
    if (existsSync(dest) && values.force !== true) throw new CliError(`${dest} already exists; pass --force to overwrite it.`)
    if (!existsSync(dbFile)) throw new CliError(`There is no database at ${dbFile}; pass --db <file>.`)
    const conn = openDatabase(dbFile)
    try {
      if (existsSync(dest)) rmSync(dest)
      await backupDatabase(conn.sqlite, dest)
    } finally {
      closeDatabase(conn)
    }
    out(`Backed up ${dbFile} to ${dest}.`)
  }
}

const DEMO_COMPANY = 'Soojus & Külm Hooldus OÜ'

const demo: Command = {
  name: 'demo',
  usage: 'demo [--scale n] [--seed n] [--company name]',
  summary: 'Fill an empty database with a demo service company (scale 1 = 80 customers, 400 objects)',
  details: [
    '--scale n       multiplies customers, sites and service objects (100 = 8,000 customers, about 200,000 service orders)',
    '--seed n        another seed gives another (but again repeatable) company',
    `--company name  company name in the settings of a new database (default "${DEMO_COMPANY}")`,
    'Refuses a database that already has customers or other master data.'
  ],
  options: ['scale', 'seed', 'company'],
  async run({ args, values, dbFile, out, err }) {
    if (args.length) throw usageError(`demo takes no arguments, not "${args.join(' ')}"`)
    const scale = positiveNumber(str(values.scale), '--scale', 1)
    const seedRaw = str(values.seed)
    const seed = seedRaw === undefined ? undefined : Number(seedRaw)
    if (seed !== undefined && !Number.isInteger(seed)) throw usageError(`--seed must be a whole number, not "${seedRaw}"`)
    const db = await openDb(dbFile, { create: true, log: err })
    try {
      ensureSettings(db.conn.db, str(values.company) ?? DEMO_COMPANY)
      ensureDefaultSequences(db.conn.db)
      const started = performance.now()
      const stages: DemoStage[] = []
      const summary = createDemoData(db.conn, { scale, ...(seed === undefined ? {} : { seed }), onProgress: (s) => stages.push(s) })
      const c = summary.counts
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      out(`Demo data in ${dbFile} (scale ${scale}, ${seconds} s):`)
      out(
        `  ${c.customers} customers, ${c.sites} sites, ${c.contacts} contacts, ${c.serviceObjects} service objects (${c.components} components),`
      )
      out(
        `  ${c.workers} workers (${c.technicians} technicians in ${c.teams} dispatch teams), ${c.items} items, ${c.serviceTasks} service tasks,`
      )
      out(
        `  ${c.serviceOrders} service orders over ${c.orderHistoryWeeks} weeks back and 4 ahead (${c.orderLines} lines, ${c.templateOrders} templates), ${c.invoices} invoices`
      )
      out(
        `  ${c.agreements.agreements} service agreements (${Object.entries(c.agreements.byGroup)
          .map(([g, n]) => `${n} ${g.toLowerCase()}`)
          .join(', ')}; ${c.agreements.agreementLines} lines) — create their orders with "agreements generate"`
      )
      out('Sign in with:')
      for (const u of summary.users) {
        const who = u.roles.map((r) => ROLE_LABELS[r as Role] ?? r).join(', ') + (u.workerName ? ` — ${u.workerName}` : '')
        out(`  ${u.username.padEnd(11)} ${u.created ? u.password.padEnd(16) : '(name was taken; not created)'.padEnd(16)} ${who}`)
      }
    } finally {
      db.close()
    }
  }
}

const exportList: Command = {
  name: 'export',
  usage:
    'export <list> --out <file.csv> [--q text] [--sort field] [--dir asc|desc] [--filter key=value]… [--user name] [--lang et|en] [--csv-dialect spreadsheet|standard]',
  summary: 'Write a list as CSV (UTF-8), the same columns as "Export" in the app',
  details: [
    `<list>            one of: ${exportableLists().join(', ')}`,
    "--q text          search text, as in the list's search box",
    '--filter k=v      a list filter, e.g. --filter active=true --filter groupId=2',
    '--user name       act as this user (default: the first active administrator)',
    "--lang et|en      language of the headers and labels (default: the user's)",
    '--csv-dialect d   spreadsheet (semicolons, decimal comma, BOM: Excel in Estonia) or standard (RFC 4180);',
    "                  default: the user's"
  ],
  options: ['out', 'q', 'sort', 'dir', 'filter', 'user', 'lang', 'csv-dialect'],
  async run({ args, values, dbFile, out, err }) {
    const [name, ...extra] = args
    if (!name) throw usageError(`export needs a list: ${exportableLists().join(', ')}`)
    if (extra.length) throw usageError(`export takes one list, not "${args.join(' ')}"`)
    const method = listMethod(name)
    const target = str(values.out)
    if (!target) throw usageError('export needs --out <file.csv>')
    const input = exportInput(method, values)
    const lang = str(values.lang)
    if (lang !== undefined && !isLanguage(lang)) throw usageError(`--lang is one of: ${APP_LANGUAGES.join(', ')}`)
    const dialect = str(values['csv-dialect'])
    if (dialect !== undefined && !isCsvDialect(dialect)) throw usageError(`--csv-dialect is one of: ${CSV_DIALECTS.join(', ')}`)
    const db = await openDb(dbFile, { create: false, log: err })
    try {
      const session = actingUser(db.conn, str(values.user))
      if (session.userId === null) throw new CliError(cliText('cli.noAdministrator'))
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const started = startExport(host, cliCaller, session, method, input, cliLanguage())
      if (!started.ok) throw new CliError(describeApiError(started.error, { q: '--q', sort: '--sort', dir: '--dir' }))
      // Written beside the target and renamed at the end, so a failed export leaves no half file.
      const dest = resolve(target)
      const partial = `${dest}.partial`
      let rows: number
      try {
        const csv = { ...started.csv, ...(lang ? { language: lang } : {}), ...(dialect ? { dialect } : {}) }
        rows = await writeCsv(started.columns, started.rows, createWriteStream(partial), csv)
        renameSync(partial, dest)
      } catch (e) {
        rmSync(partial, { force: true })
        throw e
      }
      out(`Exported ${rows} ${rows === 1 ? 'row' : 'rows'} of ${method.replace(/\.list$/, '')} to ${dest} (as ${session.username}).`)
    } finally {
      db.close()
    }
  }
}

const USER_FIELDS: FieldNames = {
  username: '<username>',
  displayName: '--name',
  roles: '--role',
  password: '--password',
  workerId: '--worker'
}

const usersAdd: Command = {
  name: 'users add',
  usage: 'users add <username> --name <display name> --role <role> [--role …] [--password pw] [--worker W-0001] [--user name]',
  summary: 'Add a user who can sign in to the app',
  details: [
    `--role          ${ROLES.join(', ')}; repeat for several`,
    '--password pw   at least 8 characters; better: leave it out and set HOOLDUS_PASSWORD',
    '--worker no     link the user to a worker (technicians see their own work)',
    '--user name     act as this user (default: the first active administrator).',
    'When the database has no active administrator yet, the new user must get --role administrator.'
  ],
  options: ['name', 'role', 'password', 'worker', 'user'],
  async run({ args, values, dbFile, env, out, err }) {
    const [username, ...extra] = args
    if (!username) throw usageError('users add needs a user name, e.g. users add mari --name "Mari Maasikas" --role dispatcher')
    if (extra.length) throw usageError(`users add takes one user name, not "${args.join(' ')}"`)
    const password = str(values.password) ?? env.HOOLDUS_PASSWORD
    if (password === undefined || password === '') throw usageError('Give the password with --password or in HOOLDUS_PASSWORD')
    const db = await openDb(dbFile, { create: false, log: err })
    try {
      let workerId: number | null = null
      const workerNo = str(values.worker)
      if (workerNo !== undefined) {
        const w = db.conn.sqlite.prepare('select id from workers where number = ?').get(workerNo) as { id: number } | undefined
        if (!w) throw new CliError(`There is no worker ${workerNo}.`)
        workerId = w.id
      }
      const input = { username, displayName: str(values.name) ?? '', roles: list(values.role), password, workerId }
      const session = actingUser(db.conn, str(values.user))
      // No administrator to act as (a new or locked-out database): whoever holds the file may add one.
      if (session.userId === null && !input.roles.includes('administrator')) {
        throw new CliError('This database has no active administrator; the first user must get --role administrator.')
      }
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const result = await runMethod(host, cliCaller, session, 'users.create', input, {
        fileOwner: session.userId === null,
        language: cliLanguage()
      })
      if (!result.ok) throw new CliError(describeApiError(result.error, USER_FIELDS))
      const user = result.data as UserRow
      const roles = user.roles.map((r) => ROLE_LABELS[r]).join(', ')
      out(`Added user "${user.username}" (${user.displayName}; ${roles})${user.workerName ? ` linked to ${user.workerName}` : ''}.`)
    } finally {
      db.close()
    }
  }
}

/* ---------- pdf ---------- */

/** The documents `pdf` prints, as written on the command line. */
const PDF_DOCUMENTS = {
  'work-description': { record: 'service order', method: 'serviceOrders.pdf', document: 'workDescription' },
  'work-receipt': { record: 'service order', method: 'serviceOrders.pdf', document: 'workReceipt' },
  invoice: { record: 'invoice', method: 'invoices.pdf', kind: 'invoice' },
  'credit-note': { record: 'credit note', method: 'invoices.pdf', kind: 'credit' }
} as const
type PdfDocumentName = keyof typeof PDF_DOCUMENTS
const isPdfDocument = (s: string): s is PdfDocumentName => Object.hasOwn(PDF_DOCUMENTS, s)

/** The record's id by its number; a clear refusal for an unknown number or one of the other kind. */
function pdfSubject(conn: OpenedDb['conn'], name: PdfDocumentName, number: string): { method: MethodName; input: Record<string, unknown> } {
  const doc = PDF_DOCUMENTS[name]
  if (doc.method === 'serviceOrders.pdf') {
    const o = conn.sqlite.prepare('select id from service_orders where number = ?').get(number) as { id: number } | undefined
    if (!o) throw new CliError(`There is no service order ${number}.`)
    return { method: doc.method, input: { id: o.id, document: doc.document } }
  }
  const inv = conn.sqlite.prepare('select id, kind from invoices where number = ?').get(number) as { id: number; kind: string } | undefined
  if (!inv) throw new CliError(`There is no ${doc.record} ${number}.`)
  if (inv.kind !== doc.kind) {
    const actual = inv.kind === 'credit' ? 'credit-note' : 'invoice'
    throw new CliError(
      `${number} is ${inv.kind === 'credit' ? 'a credit note' : 'an invoice'}, not ${doc.kind === 'credit' ? 'a credit note' : 'an invoice'}; use "pdf ${actual} ${number}".`
    )
  }
  return { method: doc.method, input: { id: inv.id } }
}

const pdf: Command = {
  name: 'pdf',
  usage: 'pdf <document> <number> [--out <file.pdf>] [--user name]',
  summary: 'Write a work description, work receipt, invoice or credit note as PDF, the same as in the app',
  details: [
    `<document>      ${Object.keys(PDF_DOCUMENTS).join(', ')}`,
    '<number>        the service order (SO-…) or invoice / credit note number (INV-…, CRN-…)',
    '--out file      where to write (default: the file name the app offers, in the current folder)',
    '--user name     act as this user (default: the first active administrator); a technician gets only their own orders'
  ],
  options: ['out', 'user'],
  async run({ args, values, dbFile, out, err }) {
    const [name, number, ...extra] = args
    const documents = Object.keys(PDF_DOCUMENTS).join(', ')
    if (!name) throw usageError(`pdf needs a document (${documents}) and a number, e.g. pdf invoice INV-000012`)
    if (!isPdfDocument(name)) throw usageError(`Unknown document "${name}"; documents: ${documents}`)
    if (!number) throw usageError(`pdf ${name} needs the number of the ${PDF_DOCUMENTS[name].record}`)
    if (extra.length) throw usageError(`pdf takes a document and one number, not "${args.join(' ')}"`)
    const db = await openDb(dbFile, { create: false, log: err })
    try {
      const { method, input } = pdfSubject(db.conn, name, number.trim())
      const session = actingUser(db.conn, str(values.user))
      if (session.userId === null) throw new CliError(cliText('cli.noAdministrator'))
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const result = await runMethod(host, cliCaller, session, method, input, { language: cliLanguage() })
      if (!result.ok) throw new CliError(describeApiError(result.error))
      const file = result.data as { fileName: string; contentBase64: string }
      const dest = resolve(str(values.out) ?? file.fileName)
      // Written beside the target and renamed at the end, so a failure leaves no half file.
      const partial = `${dest}.partial`
      try {
        writeFileSync(partial, Buffer.from(file.contentBase64, 'base64'))
        renameSync(partial, dest)
      } catch (e) {
        rmSync(partial, { force: true })
        throw e
      }
      out(`Wrote ${name.replace('-', ' ')} ${number} to ${dest} (as ${session.username}).`)
    } finally {
      db.close()
    }
  }
}

export const COMMANDS: readonly Command[] = [migrate, backup, demo, exportList, usersAdd, pdf, agreementsGenerate]
