import { createWriteStream, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { z } from 'zod'
import { contract, isMethodName, type MethodName } from '@shared/api/contract'
import { ROLES, type Role } from '@shared/auth/roles'
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
import { subscriptionsGenerate } from './subscriptions'
import { einvoice } from './einvoice'
import { planSolve } from './plan'
import {
  actingUser,
  CliError,
  cliCaller,
  cliCount,
  cliLanguage,
  cliNumber,
  cliSeconds,
  cliText,
  describeApiError,
  type FieldNames,
  helpLines,
  type OpenedDb,
  openDb,
  usageError
} from './session'
import { importFile } from './import'

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
  /** One line for the general help, in the command line's language. */
  summary: () => string
  /** Extra lines for `<command> --help`. */
  details: () => string[]
  /** Options this command accepts besides --db and --help. */
  options: string[]
  run: (input: CommandInput) => Promise<void>
}

const str = (v: CommandInput['values'][string]) => (typeof v === 'string' ? v : undefined)
const isCsvDialect = (v: string): v is CsvDialect => (CSV_DIALECTS as readonly string[]).includes(v)
const list = (v: CommandInput['values'][string]) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])
/** A role by its label in the command line's language. */
const roleLabel = (r: string) => cliText(`enums.role.${r as Role}`)

function positiveNumber(raw: string | undefined, option: string, fallback: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw usageError(cliText('cli.positiveNumber', { option, value: raw }))
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
  if (!found || !isMethodName(found)) throw usageError(cliText('cli.export.unknownList', { name, lists: exportableLists().join(', ') }))
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
    if (!key) throw usageError(cliText('cli.export.filterSyntax', { value: f }))
    if (!filters.includes(key)) {
      const listName = method.replace(/\.list$/, '')
      throw usageError(
        filters.length
          ? cliText('cli.export.unknownFilter', { key, list: listName, filters: filters.join(', ') })
          : cliText('cli.export.noFilters', { key, list: listName })
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
  summary: () => cliText('cli.migrate.summary'),
  details: () => helpLines(cliText('cli.migrate.details')),
  options: [],
  async run({ dbFile, out, err }) {
    const existed = existsSync(dbFile)
    const db = await openDb(dbFile, { create: true, log: err })
    try {
      const version = db.conn.sqlite.pragma('user_version', { simple: true }) as number
      out(cliText(existed ? 'cli.migrate.existing' : 'cli.migrate.created', { file: dbFile, version }))
    } finally {
      db.close()
    }
  }
}

const backup: Command = {
  name: 'backup',
  usage: 'backup <file> [--force]',
  summary: () => cliText('cli.backup.summary'),
  details: () => helpLines(cliText('cli.backup.details')),
  options: ['force'],
  async run({ args, values, dbFile, out }) {
    const [target, ...extra] = args
    if (!target) throw usageError(cliText('cli.backup.needsFile'))
    if (extra.length) throw usageError(cliText('cli.backup.oneFile', { args: args.join(' ') }))
    const dest = resolve(target)
    if (dest === resolve(dbFile)) throw new CliError(cliText('cli.backup.sameFile'))
    if (existsSync(dest) && values.force !== true) throw new CliError(cliText('cli.backup.exists', { file: dest }))
    if (!existsSync(dbFile)) throw new CliError(cliText('cli.backup.noDatabase', { file: dbFile }))
    const conn = openDatabase(dbFile)
    try {
      if (existsSync(dest)) rmSync(dest)
      await backupDatabase(conn.sqlite, dest)
    } finally {
      closeDatabase(conn)
    }
    out(cliText('cli.backup.done', { file: dbFile, target: dest }))
  }
}

const DEMO_COMPANY = 'Soojus & Külm Hooldus OÜ'

/** "5 gold" / "kuld 5": the demo's agreement groups by their codes. */
function demoGroup(code: string, n: number): string {
  const key = { GOLD: 'cli.demo.gold', SILVER: 'cli.demo.silver', BRONZE: 'cli.demo.bronze' }[code]
  return key ? cliText(key, { n: cliNumber(n) }) : `${cliNumber(n)} ${code.toLowerCase()}`
}

const demo: Command = {
  name: 'demo',
  usage: 'demo [--scale n] [--seed n] [--company name]',
  summary: () => cliText('cli.demo.summary'),
  details: () => helpLines(cliText('cli.demo.details', { company: DEMO_COMPANY })),
  options: ['scale', 'seed', 'company'],
  async run({ args, values, dbFile, out, err }) {
    if (args.length) throw usageError(cliText('cli.demo.noArguments', { args: args.join(' ') }))
    const scale = positiveNumber(str(values.scale), '--scale', 1)
    const seedRaw = str(values.seed)
    const seed = seedRaw === undefined ? undefined : Number(seedRaw)
    if (seed !== undefined && !Number.isInteger(seed)) throw usageError(cliText('cli.demo.seed', { value: seedRaw! }))
    const db = await openDb(dbFile, { create: true, log: err })
    try {
      ensureSettings(db.conn.db, str(values.company) ?? DEMO_COMPANY)
      ensureDefaultSequences(db.conn.db)
      const started = performance.now()
      const stages: DemoStage[] = []
      const summary = createDemoData(db.conn, { scale, ...(seed === undefined ? {} : { seed }), onProgress: (s) => stages.push(s) })
      const c = summary.counts
      const seconds = cliSeconds(performance.now() - started)
      out(cliText('cli.demo.heading', { file: dbFile, scale: cliNumber(scale), seconds }))
      out(
        cliText('cli.demo.masterData', {
          customers: cliCount('cli.demo.customers', c.customers),
          sites: cliCount('cli.demo.sites', c.sites),
          contacts: cliCount('cli.demo.contacts', c.contacts),
          serviceObjects: cliCount('cli.demo.serviceObjects', c.serviceObjects),
          components: cliCount('cli.demo.components', c.components)
        })
      )
      out(
        cliText('cli.demo.workers', {
          workers: cliCount('cli.demo.workers', c.workers),
          technicians: cliCount('cli.demo.technicians', c.technicians),
          teams: cliCount('cli.demo.teams', c.teams),
          items: cliCount('cli.demo.items', c.items),
          serviceTasks: cliCount('cli.demo.serviceTasks', c.serviceTasks)
        })
      )
      out(
        cliText('cli.demo.orders', {
          serviceOrders: cliCount('cli.demo.serviceOrders', c.serviceOrders),
          weeks: cliCount('cli.demo.weeks', c.orderHistoryWeeks),
          lines: cliCount('cli.demo.lines', c.orderLines),
          templates: cliCount('cli.demo.templates', c.templateOrders),
          invoices: cliCount('cli.demo.invoices', c.invoices)
        })
      )
      out(
        cliText('cli.demo.agreements', {
          agreements: cliCount('cli.demo.agreements', c.agreements.agreements),
          groups: Object.entries(c.agreements.byGroup)
            .map(([g, n]) => demoGroup(g, n))
            .join(', '),
          lines: cliCount('cli.demo.lines', c.agreements.agreementLines)
        })
      )
      out(cliText('cli.demo.signIn'))
      for (const u of summary.users) {
        const who = u.roles.map(roleLabel).join(', ') + (u.workerName ? ` — ${u.workerName}` : '')
        out(`  ${u.username.padEnd(11)} ${u.created ? u.password.padEnd(16) : cliText('cli.demo.nameTaken').padEnd(16)} ${who}`)
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
  summary: () => cliText('cli.export.summary'),
  details: () => helpLines(cliText('cli.export.details', { lists: exportableLists().join(', ') })),
  options: ['out', 'q', 'sort', 'dir', 'filter', 'user', 'lang', 'csv-dialect'],
  async run({ args, values, dbFile, out, err }) {
    const [name, ...extra] = args
    if (!name) throw usageError(cliText('cli.export.needsList', { lists: exportableLists().join(', ') }))
    if (extra.length) throw usageError(cliText('cli.export.oneList', { args: args.join(' ') }))
    const method = listMethod(name)
    const target = str(values.out)
    if (!target) throw usageError(cliText('cli.export.needsOut'))
    const input = exportInput(method, values)
    const lang = str(values.lang)
    if (lang !== undefined && !isLanguage(lang)) throw usageError(cliText('cli.export.lang', { languages: APP_LANGUAGES.join(', ') }))
    const dialect = str(values['csv-dialect'])
    if (dialect !== undefined && !isCsvDialect(dialect))
      throw usageError(cliText('cli.export.dialect', { dialects: CSV_DIALECTS.join(', ') }))
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
      out(
        cliText('cli.export.done', {
          rows: cliCount('cli.export.rows', rows),
          list: method.replace(/\.list$/, ''),
          file: dest,
          user: session.username ?? ''
        })
      )
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
  summary: () => cliText('cli.usersAdd.summary'),
  details: () => helpLines(cliText('cli.usersAdd.details', { roles: ROLES.join(', ') })),
  options: ['name', 'role', 'password', 'worker', 'user'],
  async run({ args, values, dbFile, env, out, err }) {
    const [username, ...extra] = args
    if (!username) throw usageError(cliText('cli.usersAdd.needsName'))
    if (extra.length) throw usageError(cliText('cli.usersAdd.oneName', { args: args.join(' ') }))
    const password = str(values.password) ?? env.HOOLDUS_PASSWORD
    if (password === undefined || password === '') throw usageError(cliText('cli.usersAdd.needsPassword'))
    const db = await openDb(dbFile, { create: false, log: err })
    try {
      // First: its language is the one of every message after it.
      const session = actingUser(db.conn, str(values.user))
      let workerId: number | null = null
      const workerNo = str(values.worker)
      if (workerNo !== undefined) {
        const w = db.conn.sqlite.prepare('select id from workers where number = ?').get(workerNo) as { id: number } | undefined
        if (!w) throw new CliError(cliText('cli.usersAdd.noWorker', { worker: workerNo }))
        workerId = w.id
      }
      const input = { username, displayName: str(values.name) ?? '', roles: list(values.role), password, workerId }
      // No administrator to act as (a new or locked-out database): whoever holds the file may add one.
      if (session.userId === null && !input.roles.includes('administrator')) {
        throw new CliError(cliText('cli.usersAdd.firstAdministrator'))
      }
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const result = await runMethod(host, cliCaller, session, 'users.create', input, {
        fileOwner: session.userId === null,
        language: cliLanguage()
      })
      if (!result.ok) throw new CliError(describeApiError(result.error, USER_FIELDS))
      const user = result.data as UserRow
      const params = { user: user.username, name: user.displayName, roles: user.roles.map(roleLabel).join(', ') }
      out(
        user.workerName
          ? cliText('cli.usersAdd.doneWithWorker', { ...params, worker: user.workerName })
          : cliText('cli.usersAdd.done', params)
      )
    } finally {
      db.close()
    }
  }
}

/* ---------- pdf ---------- */

/** The documents `pdf` prints, as written on the command line. */
const PDF_DOCUMENTS = {
  'work-description': {
    label: 'cli.pdf.workDescription',
    needsNumber: 'cli.pdf.needsOrderNumber',
    method: 'serviceOrders.pdf',
    document: 'workDescription'
  },
  'work-receipt': {
    label: 'cli.pdf.workReceipt',
    needsNumber: 'cli.pdf.needsOrderNumber',
    method: 'serviceOrders.pdf',
    document: 'workReceipt'
  },
  invoice: { label: 'cli.pdf.invoice', needsNumber: 'cli.pdf.needsInvoiceNumber', method: 'invoices.pdf', kind: 'invoice' },
  'credit-note': { label: 'cli.pdf.creditNote', needsNumber: 'cli.pdf.needsCreditNoteNumber', method: 'invoices.pdf', kind: 'credit' },
  return: { label: 'cli.pdf.returnOrder', needsNumber: 'cli.pdf.needsReturnNumber', method: 'returns.pdf', document: 'rma' },
  'return-acknowledgement': {
    label: 'cli.pdf.returnAcknowledgement',
    needsNumber: 'cli.pdf.needsReturnNumber',
    method: 'returns.pdf',
    document: 'acknowledgement'
  }
} as const
type PdfDocumentName = keyof typeof PDF_DOCUMENTS
const isPdfDocument = (s: string): s is PdfDocumentName => Object.hasOwn(PDF_DOCUMENTS, s)

/** The record's id by its number; a clear refusal for an unknown number or one of the other kind. */
function pdfSubject(conn: OpenedDb['conn'], name: PdfDocumentName, number: string): { method: MethodName; input: Record<string, unknown> } {
  const doc = PDF_DOCUMENTS[name]
  if (doc.method === 'serviceOrders.pdf') {
    const o = conn.sqlite.prepare('select id from service_orders where number = ?').get(number) as { id: number } | undefined
    if (!o) throw new CliError(cliText('cli.pdf.noOrder', { number }))
    return { method: doc.method, input: { id: o.id, document: doc.document } }
  }
  if (doc.method === 'returns.pdf') {
    const r = conn.sqlite.prepare('select id from return_orders where number = ?').get(number) as { id: number } | undefined
    if (!r) throw new CliError(cliText('cli.pdf.noReturn', { number }))
    return { method: doc.method, input: { id: r.id, document: doc.document } }
  }
  const inv = conn.sqlite.prepare('select id, kind from invoices where number = ?').get(number) as { id: number; kind: string } | undefined
  if (!inv) throw new CliError(cliText(doc.kind === 'credit' ? 'cli.pdf.noCreditNote' : 'cli.pdf.noInvoice', { number }))
  if (inv.kind !== doc.kind) {
    throw new CliError(cliText(inv.kind === 'credit' ? 'cli.pdf.creditNoteNotInvoice' : 'cli.pdf.invoiceNotCreditNote', { number }))
  }
  return { method: doc.method, input: { id: inv.id } }
}

const pdf: Command = {
  name: 'pdf',
  usage: 'pdf <document> <number> [--out <file.pdf>] [--user name]',
  summary: () => cliText('cli.pdf.summary'),
  details: () => helpLines(cliText('cli.pdf.details', { documents: Object.keys(PDF_DOCUMENTS).join(', ') })),
  options: ['out', 'user'],
  async run({ args, values, dbFile, out, err }) {
    const [name, number, ...extra] = args
    const documents = Object.keys(PDF_DOCUMENTS).join(', ')
    if (!name) throw usageError(cliText('cli.pdf.needsDocument', { documents }))
    if (!isPdfDocument(name)) throw usageError(cliText('cli.pdf.unknownDocument', { name, documents }))
    if (!number) throw usageError(cliText(PDF_DOCUMENTS[name].needsNumber, { document: name }))
    if (extra.length) throw usageError(cliText('cli.pdf.oneNumber', { args: args.join(' ') }))
    const db = await openDb(dbFile, { create: false, log: err })
    try {
      // First: its language is the one of every message after it.
      const session = actingUser(db.conn, str(values.user))
      const { method, input } = pdfSubject(db.conn, name, number.trim())
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
      out(cliText('cli.pdf.done', { document: cliText(PDF_DOCUMENTS[name].label), number, file: dest, user: session.username ?? '' }))
    } finally {
      db.close()
    }
  }
}

export const COMMANDS: readonly Command[] = [
  migrate,
  backup,
  demo,
  exportList,
  usersAdd,
  pdf,
  einvoice,
  agreementsGenerate,
  subscriptionsGenerate,
  planSolve,
  importFile
]
