import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * Where the planner's worker is. Built, it is `planWorker.js` beside the main bundle (electron.vite.config.ts
 * builds it as its own entry; a shared chunk sits one folder deeper). From sources (vitest, tsx: the CLI and
 * the bench) it is the TypeScript file, which only runs through tsx's require hook.
 */
export function planWorkerSpec(dir: string = __dirname): { file: string; built: boolean } {
  for (const candidate of [join(dir, 'planWorker.js'), join(dir, '..', 'planWorker.js')])
    if (existsSync(candidate)) return { file: candidate, built: true }
  return { file: join(dir, 'solveWorker.ts'), built: false }
}

/**
 * Starts the worker. Node 20 loads a worker's entry before `--import` hooks apply, so a TypeScript entry is
 * required from a small script that registers tsx first.
 */
export function startPlanWorker(workerData: unknown, dir?: string): Worker {
  const spec = planWorkerSpec(dir)
  if (spec.built) return new Worker(spec.file, { workerData })
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(spec.file)})`, { eval: true, workerData })
}
