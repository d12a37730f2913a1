import type { ParsedInput } from '@shared/api/contract'
import type { FieldIssue } from '@shared/api/result'
import { type ApiHost, runMethod } from '../api/pipeline'
import { type GenerationProgress, runGeneration } from '../services/agreements/generator'
import type { ServiceContext } from '../services/core/context'
import type { Command, CommandInput } from './commands'
import {
  actingUser,
  CliError,
  cliCaller,
  cliCount,
  cliLanguage,
  cliSeconds,
  cliText,
  describeApiError,
  type FieldNames,
  helpLines,
  openDb,
  usageError
} from './session'

const str = (v: CommandInput['values'][string]) => (typeof v === 'string' ? v : undefined)
const list = (v: CommandInput['values'][string]) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])

const FIELDS: FieldNames = { from: '--from', to: '--to', agreementIds: '--agreement', types: '--type' }

function validationError(issues: FieldIssue[]): CliError {
  return new CliError(
    cliText('cli.seeHelp', {
      message: describeApiError({ code: 'VALIDATION', key: 'cli.someOptions', message: cliText('cli.someOptions'), issues }, FIELDS)
    }),
    2
  )
}

/**
 * `agreements generate`: the batch "Create service orders" for scheduled runs (cron, Task Scheduler). The
 * same generator as the app's background run; progress on stderr, the summary on stdout (or one JSON object).
 */
export const agreementsGenerate: Command = {
  name: 'agreements generate',
  usage: 'agreements generate --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--agreement AGR-00001]… [--json] [--user name]',
  summary: () => cliText('cli.generate.summary'),
  details: () => helpLines(cliText('cli.generate.details')),
  options: ['from', 'to', 'agreement', 'json', 'user'],
  async run({ args, values, dbFile, out, err }) {
    if (args.length) throw usageError(cliText('cli.generate.noArguments', { args: args.join(' ') }))
    const from = str(values.from)
    const to = str(values.to)
    if (from === undefined || to === undefined) throw usageError(cliText('cli.generate.needsRange'))
    const json = values.json === true

    const db = await openDb(dbFile, { create: false, log: err })
    try {
      // First: its language is the one of every message after it.
      const session = actingUser(db.conn, str(values.user))
      const numbers = list(values.agreement).map((n) => n.trim())
      const find = db.conn.sqlite.prepare('select id from agreements where number = ?')
      const agreementIds = numbers.map((n) => {
        const a = find.get(n) as { id: number } | undefined
        if (!a) throw new CliError(cliText('cli.generate.noAgreement', { number: n }))
        return a.id
      })
      if (session.userId === null) throw new CliError(cliText('cli.noAdministrator'))
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const started = performance.now()
      // The app's handler starts a background run; a scheduled run wants it done, with progress, before exiting.
      const generate = (ctx: ServiceContext, input: ParsedInput<'agreements.generate'>) => {
        const user = session.username ?? ''
        if (!json)
          err(
            numbers.length
              ? cliText('cli.generate.startingSome', { from, to, agreements: numbers.join(', '), user })
              : cliText('cli.generate.starting', { from, to, user })
          )
        const progress = (p: GenerationProgress) =>
          err(cliText('cli.generate.progress', { done: p.done, total: p.total, orders: cliCount('cli.generate.orders', p.summary.orders) }))
        return runGeneration(ctx, input, json ? undefined : progress)
      }
      const outcome = await runMethod(
        host,
        cliCaller,
        session,
        'agreements.generate',
        { from, to, agreementIds },
        { handler: generate, language: cliLanguage() }
      )
      if (!outcome.ok) {
        const e = outcome.error
        if (e.code === 'VALIDATION' && e.issues?.some((i) => i.path[0] === 'from' || i.path[0] === 'to')) throw validationError(e.issues)
        throw new CliError(describeApiError(e, FIELDS))
      }
      const result = outcome.data as GenerationProgress
      const ms = Math.round(performance.now() - started)
      const { summary, orderIds } = result
      const numberOf = db.conn.sqlite.prepare('select number from service_orders where id = ?')
      const orderNumber = (id: number) => (numberOf.get(id) as { number: string }).number
      const orderNumbers = orderIds.length ? { first: orderNumber(Math.min(...orderIds)), last: orderNumber(Math.max(...orderIds)) } : null
      if (json) {
        out(JSON.stringify({ from, to, ...summary, agreementsInScope: result.total, orderNumbers, user: session.username, durationMs: ms }))
        return
      }
      const seconds = cliSeconds(ms)
      const inForce = cliCount('cli.generate.agreements', result.total)
      const skipped = cliCount('cli.generate.occurrences', summary.skipped)
      if (summary.orders === 0) {
        out(cliText('cli.generate.nothing', { from, to, inForce, skipped, seconds }))
        return
      }
      out(
        cliText('cli.generate.created', {
          orders: cliCount('cli.generate.serviceOrders', summary.orders),
          first: orderNumbers!.first,
          last: orderNumbers!.last,
          lines: cliCount('cli.generate.lines', summary.lines),
          agreements: cliCount('cli.generate.fromAgreements', summary.agreements),
          from,
          to,
          seconds
        })
      )
      out(cliText('cli.generate.outcome', { skipped, conflicts: cliCount('cli.generate.orders', summary.conflicts), inForce }))
    } finally {
      db.close()
    }
  }
}
