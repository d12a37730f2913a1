import { readFileSync } from 'node:fs'
import { parseInstanceText } from '@shared/planner/instance'
import { solve } from '@shared/planner/solver'
import type { Command, CommandInput } from './commands'
import { CliError, cliNumber, cliSeconds, cliText, helpLines, usageError } from './session'

const str = (v: CommandInput['values'][string]) => (typeof v === 'string' ? v : undefined)

function whole(raw: string | undefined, option: string, min: number, fallback: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw usageError(cliText('cli.plan.wholeNumber', { option, min, value: raw }))
  return n
}

/**
 * `plan solve <instance.json>`: the planner on an instance file, without a database (ADR 0020). A file that
 * is not a valid instance is refused naming the JSON path of its first error (exit code 2).
 */
export const planSolve: Command = {
  name: 'plan solve',
  usage: 'plan solve <instance.json> [--seconds N] [--seed N] [--iterations N] [--json]',
  summary: () => cliText('cli.plan.summary'),
  details: () => helpLines(cliText('cli.plan.details')),
  options: ['seconds', 'seed', 'iterations', 'json'],
  async run({ args, values, out }) {
    if (args.length !== 1) throw usageError(cliText('cli.plan.needsFile'))
    const file = args[0]!
    const seconds = Number(str(values.seconds) ?? '10')
    if (!Number.isFinite(seconds) || seconds <= 0)
      throw usageError(cliText('cli.positiveNumber', { option: '--seconds', value: str(values.seconds) ?? '' }))
    const seed = whole(str(values.seed), '--seed', 0, 1)
    const iterations = whole(str(values.iterations), '--iterations', 0, 500)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      throw new CliError(cliText('cli.plan.unreadable', { file, message: (e as Error).message }))
    }
    const parsed = parseInstanceText(text)
    if (!parsed.ok) throw new CliError(cliText('cli.plan.malformed', { file, path: parsed.path, message: parsed.message }), 2)
    const plan = solve(parsed.instance, { seed, seconds, iterations })
    if (values.json === true) {
      out(JSON.stringify(plan))
      return
    }
    const o = plan.objective
    const planned = plan.routes.reduce((n, r) => n + r.stops.filter((s) => !s.locked).length, 0)
    out(
      cliText('cli.plan.done', {
        planned: cliNumber(planned),
        days: cliNumber(plan.routes.length),
        unplanned: cliNumber(o.unplanned),
        missed: cliNumber(o.missedDeadlines),
        hours: cliNumber(Math.round(o.travelMinutes / 6) / 10),
        km: cliNumber(Math.round(o.travelKm)),
        late: cliNumber(o.latenessMinutes),
        overtime: cliNumber(o.overtimeMinutes),
        seconds: cliSeconds(plan.stats.durationMs)
      })
    )
    for (const r of plan.routes) {
      const stops = r.stops.map((s) => `${s.start.slice(11)} ${s.jobId}${s.locked ? '*' : ''}`).join(', ')
      out(`  ${r.technicianId} ${r.date}: ${stops}`)
    }
    for (const u of plan.unplanned) out(`  ${u.jobId}: ${cliText(`cli.plan.unplanned.${u.code}`)}`)
  }
}
