import { parseArgs } from 'node:util'
import { DatabaseTooNewError } from '../db/migrate'
import { resolveDbFile } from '../paths'
import { tFor } from '@shared/i18n/i18n'
import { isLanguage, type Language } from '@shared/i18n/languages'
import { toApiError } from '../api/pipeline'
import { AppError } from '../services/core/errors'
import { type Command, COMMANDS } from './commands'
import { chooseLanguage, CliError, cliLanguage, cliText, describeApiError, usageError } from './session'

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  env: NodeJS.ProcessEnv
}

/** Every option of every command; each command says which of them it takes. */
const OPTIONS = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  company: { type: 'string' },
  force: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  q: { type: 'string' },
  sort: { type: 'string' },
  dir: { type: 'string' },
  filter: { type: 'string', multiple: true },
  user: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string', multiple: true },
  password: { type: 'string' },
  worker: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  agreement: { type: 'string', multiple: true },
  group: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  seconds: { type: 'string' },
  iterations: { type: 'string' },
  'csv-dialect': { type: 'string' },
  'dry-run': { type: 'boolean' },
  mapping: { type: 'string' },
  key: { type: 'string' }
} as const

const GLOBAL = new Set(['db', 'help', 'lang'])

/**
 * The help speaks `--lang`, else English: it is printed before any database is opened, so neither the
 * user's nor the company's language is known yet.
 */
export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    cliText('cli.help.intro'),
    '',
    cliText('cli.help.usage'),
    '',
    cliText('cli.help.commands'),
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary()}`),
    `  ${'help'.padEnd(width)}  ${cliText('cli.help.helpCommand')}`,
    '',
    cliText('cli.help.everyCommand'),
    cliText('cli.help.db'),
    cliText('cli.help.help'),
    cliText('cli.langHelp'),
    '',
    cliText('cli.help.examples'),
    '  npm run demo -- --db demo.db --scale 10',
    '  npm run cli -- export serviceObjects --out objects.csv --db demo.db',
    '  npm run cli -- pdf invoice INV-000003 --out INV-000003.pdf --db demo.db',
    '  npm run cli -- einvoice INV-000003 --out INV-000003.xml --db demo.db',
    '  npm run cli -- agreements generate --from 2026-01-01 --to 2026-03-31 --db demo.db --json',
    '  npm run cli -- plan solve instance.json --seconds 5 --json',
    '  HOOLDUS_PASSWORD=… npm run cli -- users add mari --name "Mari Maasikas" --role dispatcher --db demo.db'
  ].join('\n')
}

export function commandHelp(c: Command): string {
  const details = c.details()
  return [
    cliText('cli.help.commandUsage', { usage: c.usage }),
    '',
    c.summary() + '.',
    ...(details.length ? ['', ...details.map((d) => `  ${d}`)] : [])
  ].join('\n')
}

function findCommand(positionals: string[]): { command: Command; args: string[] } | null {
  const [first, second, ...rest] = positionals
  // Command groups: "users add", "agreements generate".
  const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name)
  if (group.length > 0) {
    if (second === undefined) throw usageError(cliText('cli.needsSubCommand', { group: first!, commands: group.join(', ') }))
    const command = COMMANDS.find((c) => c.name === `${first} ${second}`)
    if (!command) throw usageError(cliText('cli.unknownSubCommand', { command: `${first} ${second}`, commands: group.join('" | "') }))
    return { command, args: rest }
  }
  const command = COMMANDS.find((c) => c.name === first)
  if (!command) return null
  return { command, args: positionals.slice(1) }
}

/** Runs one command line; answers the exit code. Errors are one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // A run starts in English until --lang or the database says otherwise, whatever a run before it chose.
  chooseLanguage(undefined)
  try {
    let parsed
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
    } catch (e) {
      // Node's messages go on about '--' for positional arguments; the first sentence is the useful part.
      throw usageError((e as Error).message.split('. ')[0]!.replace(/\.$/, ''))
    }
    const { values, positionals } = parsed
    if (values.lang !== undefined && !isLanguage(values.lang)) throw usageError(cliText('cli.langOption', { value: values.lang }))
    chooseLanguage(values.lang as Language | undefined)
    if (positionals.length === 0 || positionals[0] === 'help') {
      const topic = positionals[0] === 'help' ? positionals.slice(1) : []
      const found = topic.length ? findCommand(topic) : null
      if (topic.length && !found) throw usageError(cliText('cli.unknownCommand', { command: topic.join(' ') }))
      if (!found && positionals.length === 0 && !values.help) {
        io.err(generalHelp())
        return 2
      }
      io.out(found ? commandHelp(found.command) : generalHelp())
      return 0
    }
    const found = findCommand(positionals)
    if (!found) throw usageError(cliText('cli.unknownCommand', { command: positionals[0]! }))
    const { command, args } = found
    if (values.help) {
      io.out(commandHelp(command))
      return 0
    }
    const given = Object.keys(values).filter((k) => values[k as keyof typeof values] !== undefined)
    const foreign = given.filter((k) => !GLOBAL.has(k) && !command.options.includes(k))
    if (foreign.length) throw usageError(cliText('cli.foreignOptions', { command: command.name, options: foreign.join(', --') }))
    await command.run({ args, values, dbFile: resolveDbFile(values.db, io.env), env: io.env, out: io.out, err: io.err })
    return 0
  } catch (e) {
    if (io.env.HOOLDUS_DEBUG && e instanceof Error) io.err(e.stack ?? e.message)
    io.err(`hooldus: ${messageOf(e, cliLanguage())}`)
    return e instanceof CliError ? e.exitCode : 1
  }
}

function messageOf(e: unknown, language: Language): string {
  if (e instanceof CliError || e instanceof DatabaseTooNewError) return e.message
  if (e instanceof AppError) return describeApiError(toApiError(e, tFor(language), undefined, ''))
  if (e instanceof Error) return cliText('cli.debugHint', { message: e.message })
  return String(e)
}
