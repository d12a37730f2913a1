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
}
export type SolveMessage = { type: 'progress'; progress: number } | { type: 'done'; plan: ReturnType<typeof solve> }

const { instance, seconds, seed } = workerData as SolveRequest
const started = performance.now()
let last = 0
const post = (m: SolveMessage) => parentPort!.postMessage(m)
const plan = solve(instance, {
  seconds,
  seed,
  onProgress: (done, total) => {
    const t = performance.now()
    if (t - last < 100) return
    last = t
    // The iteration budget or the time box, whichever is nearer its end.
    post({ type: 'progress', progress: Math.min(0.99, Math.max(done / total, (t - started) / (seconds * 1000))) })
  }
})
post({ type: 'done', plan })
