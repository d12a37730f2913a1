import { parseInstance, type PlannerInstance } from '@shared/planner/instance'
import { type Plan, solve } from '@shared/planner/solver'
import { exactOptimum } from '../tests/support/plannerExact'
import { randomInstance, type RandomInstanceOptions } from '../tests/support/plannerInstances'
import { defineBenches, type Measurement } from './registry'

/**
 * The planner (#19 item 6, ADR 0020) on generated instances — no database: a team's day (15 technicians,
 * 80 jobs, ≤ 2 s), a company's week (200 technicians, 1,000 jobs, ≤ 30 s), and its objective against the
 * exact optimum (HiGHS) on 20 small instances (3 technicians × 8 jobs), as ratios.
 */
const log = (line: string) => process.stderr.write(`${line}\n`)

function instance(seed: number, o: RandomInstanceOptions): PlannerInstance {
  const r = parseInstance(randomInstance(seed, o))
  if (!r.ok) throw new Error(`${r.path}: ${r.message}`)
  return r.instance
}

function timed(name: string, inst: PlannerInstance, seconds: number, iterations: number): Measurement[] {
  const started = performance.now()
  const plan: Plan = solve(inst, { seed: 1, seconds, iterations })
  const ms = Math.round(performance.now() - started)
  const planned = plan.routes.reduce((n, r) => n + r.stops.filter((s) => !s.locked).length, 0)
  log(`${name}: ${JSON.stringify(plan.objective)} ${JSON.stringify(plan.stats)}`)
  return [
    { name: `${name}.ms`, value: ms, unit: 'ms' },
    { name: `${name}.planned`, value: planned, unit: 'jobs' },
    { name: `${name}.unplanned`, value: plan.objective.unplanned, unit: 'jobs' },
    { name: `${name}.missedDeadlines`, value: plan.objective.missedDeadlines, unit: 'jobs' },
    { name: `${name}.travelHours`, value: Math.round(plan.objective.travelMinutes / 6) / 10, unit: 'h' },
    { name: `${name}.rounds`, value: plan.stats.iterations, unit: 'rounds' }
  ]
}

export const benches = defineBenches([
  {
    name: 'planner.day.15x80',
    run: () => timed('planner.day.15x80', instance(1501, { technicians: 15, jobs: 80, days: 1, breaks: true }), 1.8, 100_000)
  },
  {
    name: 'planner.week.200x1000',
    run: () => timed('planner.week.200x1000', instance(2001, { technicians: 200, jobs: 1000, days: 5, breaks: true }), 25, 100_000)
  },
  {
    name: 'planner.exact.3x8',
    async run() {
      const ratios: number[] = []
      let exactMs = 0
      for (let seed = 1; seed <= 20; seed++) {
        const inst = instance(seed, { technicians: 3, jobs: 8, days: 1 })
        const heuristic = solve(inst, { seed: 1, seconds: 30, iterations: 300 }).objective.total
        const t = performance.now()
        const exact = await exactOptimum(inst)
        exactMs += performance.now() - t
        const ratio = exact === 0 ? (heuristic === 0 ? 1 : Infinity) : heuristic / exact
        log(`planner.exact.3x8 #${seed}: heuristic ${heuristic}, exact ${exact}, ratio ${ratio.toFixed(4)}`)
        ratios.push(ratio)
      }
      const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length
      return [
        { name: 'planner.exact.3x8.meanRatio', value: Math.round(mean * 10000) / 10000, unit: 'ratio' },
        { name: 'planner.exact.3x8.maxRatio', value: Math.round(Math.max(...ratios) * 10000) / 10000, unit: 'ratio' },
        { name: 'planner.exact.3x8.optimal', value: ratios.filter((r) => r <= 1 + 1e-9).length, unit: 'of 20' },
        { name: 'planner.exact.3x8.exactMs', value: Math.round(exactMs), unit: 'ms' }
      ]
    }
  }
])
