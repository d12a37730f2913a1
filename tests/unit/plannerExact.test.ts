import { describe, expect, it } from 'vitest'
import { parseInstance } from '@shared/planner/instance'
import { solve } from '@shared/planner/solver'
import { exactOptimum } from '../support/plannerExact'
import { randomInstance } from '../support/plannerInstances'

describe('planner against the exact optimum (HiGHS)', () => {
  // Two of the bench's small instances that HiGHS proves in about a second: one with SLA deadlines missed
  // whatever one does, one where only travel and overtime are left to weigh.
  it.each([2, 5])(
    'instance %i: the MIP never beats a feasible plan, and the planner is within 5 % of it',
    async (seed) => {
      const r = parseInstance(randomInstance(seed, { technicians: 3, jobs: 8, days: 1 }))
      if (!r.ok) throw new Error(r.message)
      const plan = solve(r.instance, { seed: 1, iterations: 300, seconds: 60 })
      const exact = await exactOptimum(r.instance)
      expect(exact).toBeGreaterThan(0)
      expect(exact).toBeLessThanOrEqual(plan.objective.total)
      expect(plan.objective.total / exact).toBeLessThanOrEqual(1.05)
    },
    60_000
  )
})
