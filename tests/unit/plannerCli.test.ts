import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/cli'
import type { Plan } from '@shared/planner/solver'
import { randomInstance } from '../support/plannerInstances'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hooldus-plan-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

const file = (name: string, content: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

describe('plan solve', () => {
  it('solves an instance file without a database and prints the plan as JSON, the same for a seed', async () => {
    const path = file('week.json', randomInstance(5, { technicians: 3, jobs: 12, days: 2, awkward: true }))
    const a = await run(['plan', 'solve', path, '--seed', '4', '--iterations', '20', '--seconds', '30', '--json'])
    expect(a.err).toBe('')
    expect(a.code).toBe(0)
    const plan = JSON.parse(a.out) as Plan
    expect(plan.seed).toBe(4)
    expect(plan.routes.length).toBeGreaterThan(0)
    expect(Object.keys(plan.reasons)).toHaveLength(12)
    expect(plan.objective.total).toBeGreaterThan(0)
    const b = JSON.parse((await run(['plan', 'solve', path, '--seed', '4', '--iterations', '20', '--seconds', '30', '--json'])).out) as Plan
    expect({ ...b, stats: { ...b.stats, durationMs: 0 } }).toEqual({ ...plan, stats: { ...plan.stats, durationMs: 0 } })

    const text = await run(['plan', 'solve', path, '--iterations', '5', '--lang', 'et'])
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/^Planeeritud \d+ tööd \d+ tehniku tööpäevale/)
  })

  it('refuses a malformed file with the JSON path of the first error and exit code 2', async () => {
    const bad = file('bad.json', {
      version: 1,
      technicians: [{ id: 'T1', shifts: [{ date: '2026-12-07', start: '8:00', end: '16:00' }] }],
      jobs: []
    })
    const r = await run(['plan', 'solve', bad, '--json'])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toContain('$.technicians[0].shifts[0].start')
    const broken = await run(['plan', 'solve', file('broken.json', '{"version": 1,')])
    expect(broken.code).toBe(2)
    expect(broken.err).toContain('is not a valid instance: $:')
    expect((await run(['plan', 'solve', join(dir, 'missing.json')])).code).toBe(1)
    expect((await run(['plan', 'solve'])).code).toBe(2)
    expect((await run(['plan', 'solve', bad, '--seed', 'x'])).code).toBe(2)
  })
})
