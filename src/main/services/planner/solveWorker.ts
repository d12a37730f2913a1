/**
 * The planner's worker thread: solves one instance and posts progress (throttled) and the plan. Relative
 * imports only, so that the TypeScript source runs under tsx in tests and the CLI as well as bundled.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { PlannerInstance } from '../../../shared/planner/instance'
import { solve } from '../../../shared/planner/solver'

export interface SolveRequest {
  instance: PlannerInstance
  seconds: number
  seed: number
  /** Where the movable (planned, not dispatched) cards are now: one the plan cannot place stays there. */
  pins: Record<string, { technicianId: string; start: string }>
}
export type SolveMessage = { type: 'progress'; progress: number } | { type: 'done'; plan: ReturnType<typeof solve> }

const { instance, seconds, seed, pins } = workerData as SolveRequest
const started = performance.now()
let last = 0
const post = (m: SolveMessage) => parentPort!.postMessage(m)
const run = (inst: PlannerInstance, budget: number) =>
  solve(inst, {
    seconds: budget,
    seed,
    onProgress: (done, total) => {
      const t = performance.now()
      if (t - last < 100) return
      last = t
      // The iteration budget or the time box, whichever is nearer its end.
      post({ type: 'progress', progress: Math.min(0.99, Math.max(done / total, (t - started) / (seconds * 1000))) })
    }
  })
let plan = run(instance, seconds)
// A card the plan could not place stays where it is, under the proposal's new work: plan again with it pinned
// there, until every movable card is placed or pinned (each round pins at least one more, so this ends).
let current = instance
for (;;) {
  const stuck = new Set(plan.unplanned.map((u) => u.jobId).filter((id) => id in pins))
  if (stuck.size === 0) break
  current = { ...current, jobs: current.jobs.map((j) => (stuck.has(j.id) ? { ...j, fixed: pins[j.id]! } : j)) }
  plan = run(current, Math.max(1, seconds - (performance.now() - started) / 1000))
}
post({ type: 'done', plan })
