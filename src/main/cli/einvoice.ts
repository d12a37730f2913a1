import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Output } from '@shared/api/contract'
import { type ApiHost, runMethod } from '../api/pipeline'
import type { Command, CommandInput } from './commands'
import { actingUser, CliError, cliCaller, cliLanguage, cliText, describeApiError, helpLines, openDb, usageError } from './session'

const str = (v: CommandInput['values'][string]) => (typeof v === 'string' ? v : undefined)

/** `einvoice <number>`: an invoice or credit note as an EN 16931 e-invoice, the same XML the app downloads. */
export const einvoice: Command = {
  name: 'einvoice',
  usage: 'einvoice <number> [--out <file.xml>] [--user name]',
  summary: () => cliText('cli.einvoice.summary'),
  details: () => helpLines(cliText('cli.einvoice.details')),
  options: ['out', 'user'],
  async run({ args, values, dbFile, out, err }) {
    const [number, ...extra] = args
    if (!number) throw usageError(cliText('cli.einvoice.needsNumber'))
    if (extra.length) throw usageError(cliText('cli.einvoice.oneNumber', { args: args.join(' ') }))
    const db = await openDb(dbFile, { create: false, log: err })
    try {
      // First: its language is the one of every message after it.
      const session = actingUser(db.conn, str(values.user))
      const inv = db.conn.sqlite.prepare('select id from invoices where number = ?').get(number.trim()) as { id: number } | undefined
      if (!inv) throw new CliError(cliText('cli.einvoice.noInvoice', { number }))
      if (session.userId === null) throw new CliError(cliText('cli.noAdministrator'))
      const host: ApiHost = { conn: db.conn, log: (m, e) => err(`${m}: ${String(e)}`) }
      const result = await runMethod(host, cliCaller, session, 'invoices.einvoice', { id: inv.id }, { language: cliLanguage() })
      if (!result.ok) throw new CliError(describeApiError(result.error))
      const file = result.data as Output<'invoices.einvoice'>
      const dest = resolve(str(values.out) ?? file.fileName)
      // Written beside the target and renamed at the end, so a failure leaves no half file.
      const partial = `${dest}.partial`
      try {
        writeFileSync(partial, file.xml, 'utf8')
        renameSync(partial, dest)
      } catch (e) {
        rmSync(partial, { force: true })
        throw e
      }
      out(cliText('cli.einvoice.done', { number, file: dest, user: session.username ?? '' }))
    } finally {
      db.close()
    }
  }
}
