import type { ParsedInput } from '@shared/api/contract'
import { type ApiHost, runMethod } from '../api/pipeline'
import type { ServiceContext } from '../services/core/context'
import { type FeeProgress, runFeeGeneration } from '../services/subscriptions/generate'
import type { Command, CommandInput } from './commands'
import {
  actingUser,
  CliError,
  cliCaller,
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

const FIELDS: FieldNames = { to: '--to', groupId: '--group' }

/**
 * `subscriptions generate`: fee transactions of every active subscription up to a date, for scheduled runs.
 * The same generator as the app's background run; idempotent per subscription and period.
 */
export const subscriptionsGenerate: Command = {
  name: 'subscriptions generate',
  usage: 'subscriptions generate --to <YYYY-MM-DD> [--group CODE] [--json] [--user name]',
  summary: () => cliText('cli.subscriptions.summary'),
  details: () => helpLines(cliText('cli.subscriptions.details')),
  options: ['to', 'group', 'json', 'user'],
  async run({ args, values, dbFile, out, err }) {
    if (args.length) throw usageError(cliText('cli.subscriptions.noArguments', { args: args.join(' ') }))
    const to = str(values.to)
    if (to === undefined) throw usageError(cliText('cli.subscriptions.needsTo'))
    const json = values.json === true
    const db = await openDb(dbFile, { create: false, log: err })
    try {
      const session = actingUser(db.conn, str(values.user))
      const code = str(values.group)?.trim()
      let groupId: number | null = null
      if (code !== undefined) {
        const g = db.conn.sqlite.prepare('select id from subscription_groups where code = ?').get(code) as { id: number } | undefined
        if (!g) throw new CliError(cliText('cli.subscriptions.noGroup', { code }))
        groupId = g.id
      }
      if (session.userId === null) throw new CliError(cliText('cli.noAdministrator'))
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const started = performance.now()
      // The app's handler starts a background run; a scheduled run wants it done before exiting.
      const generate = (ctx: ServiceContext, input: ParsedInput<'subscriptions.generate'>) => {
        const progress = (p: FeeProgress) =>
          err(cliText('cli.subscriptions.progress', { done: p.done, total: p.total, created: p.created }))
        return runFeeGeneration(ctx, input, json ? undefined : progress)
      }
      const outcome = await runMethod(
        host,
        cliCaller,
        session,
        'subscriptions.generate',
        { to, groupId, subscriptionId: null },
        { handler: generate, language: cliLanguage() }
      )
      if (!outcome.ok) throw new CliError(describeApiError(outcome.error, FIELDS), outcome.error.code === 'VALIDATION' ? 2 : 1)
      const p = outcome.data as FeeProgress
      const ms = Math.round(performance.now() - started)
      if (json) {
        out(
          JSON.stringify({
            created: p.created,
            skipped: p.skipped,
            subscriptions: p.total,
            to,
            group: code ?? null,
            user: session.username,
            durationMs: ms
          })
        )
        return
      }
      out(
        cliText('cli.subscriptions.done', { created: p.created, skipped: p.skipped, subscriptions: p.total, to, seconds: cliSeconds(ms) })
      )
    } finally {
      db.close()
    }
  }
}
