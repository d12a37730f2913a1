import type { ParsedInput } from '@shared/api/contract'
import type { FieldIssue } from '@shared/api/result'
import { type ApiHost, runMethod } from '../api/pipeline'
import { type GenerationProgress, runGeneration } from '../services/agreements/generator'
import type { ServiceContext } from '../services/core/context'
import type { Command, CommandInput } from './commands'
import { actingUser, CliError, cliCaller, cliLanguage, cliText, describeApiError, type FieldNames, openDb, usageError } from './session'

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

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/**
 * `agreements generate`: the batch "Create service orders" for scheduled runs (cron, Task Scheduler). The
 * same generator as the app's background run; progress on stderr, the summary on stdout (or one JSON object).
 */
export const agreementsGenerate: Command = {
  name: 'agreements generate',
  usage: 'agreements generate --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--agreement AGR-00001]… [--json] [--user name]',
  summary: 'Create the service orders agreements call for in a date range (for scheduled runs)',
  details: [
    '--from, --to    the range, both days included, at most ten years',
    '--agreement no  only this agreement (repeat for several); default: every agreement in force',
    '--json          print one JSON object: orders, lines, skipped, conflicts, agreements, orderNumbers …',
    '--user name     act as this user (default: the first active administrator); needs the right to generate',
    'Running it again over the same dates creates nothing twice: occurrences made before are skipped, also',
    'when their order lines were cancelled, moved or deleted since. Each agreement is written whole, so an',
    'interrupted run keeps whole agreements only; run it again to complete it.'
  ],
  options: ['from', 'to', 'agreement', 'json', 'user'],
  async run({ args, values, dbFile, out, err }) {
    if (args.length) throw usageError(`agreements generate takes no arguments, not "${args.join(' ')}"`)
    const from = str(values.from)
    const to = str(values.to)
    if (from === undefined || to === undefined)
      throw usageError('agreements generate needs --from and --to, e.g. --from 2026-01-01 --to 2026-03-31')
    const json = values.json === true

    const db = await openDb(dbFile, { create: false, log: err })
    try {
      const numbers = list(values.agreement).map((n) => n.trim())
      const find = db.conn.sqlite.prepare('select id from agreements where number = ?')
      const agreementIds = numbers.map((n) => {
        const a = find.get(n) as { id: number } | undefined
        if (!a) throw new CliError(`There is no agreement ${n}.`)
        return a.id
      })
      const session = actingUser(db.conn, str(values.user))
      if (session.userId === null) throw new CliError(cliText('cli.noAdministrator'))
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const started = performance.now()
      // The app's handler starts a background run; a scheduled run wants it done, with progress, before exiting.
      const generate = (ctx: ServiceContext, input: ParsedInput<'agreements.generate'>) => {
        if (!json)
          err(`Generating service orders for ${from} … ${to}${numbers.length ? ` (${numbers.join(', ')})` : ''} as ${session.username} …`)
        return runGeneration(
          ctx,
          input,
          json ? undefined : (p) => err(`  ${p.done}/${p.total} agreements, ${plural(p.summary.orders, 'order')}`)
        )
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
      const seconds = (ms / 1000).toFixed(1)
      if (summary.orders === 0) {
        out(
          `Nothing to create for ${from} … ${to}: ${plural(result.total, 'agreement')} in force, ${plural(summary.skipped, 'occurrence')} made before (${seconds} s).`
        )
        return
      }
      out(
        `Created ${plural(summary.orders, 'service order')} (${orderNumbers!.first} … ${orderNumbers!.last}) with ${plural(summary.lines, 'line')} from ${plural(summary.agreements, 'agreement')} for ${from} … ${to} (${seconds} s).`
      )
      out(
        `  ${plural(summary.skipped, 'occurrence')} skipped (made before); ${plural(summary.conflicts, 'order')} on a closed day (flagged as calendar conflict); ${plural(result.total, 'agreement')} in force.`
      )
    } finally {
      db.close()
    }
  }
}
