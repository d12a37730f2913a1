/**
 * Plan day as a background job (ADR 0020): the instance is read from the database on the calling thread (one
 * consistent read), the search runs in a worker thread, so the host keeps answering while it works. The shape
 * is the agreement generator's — start → id, poll for progress, cancel — but the job lives in memory only: a
 * proposal changes nothing until it is applied, and one that outlives the process is stale anyway.
 */
import type { Worker } from 'node:worker_threads'
import type { PlanJob } from '@shared/domain/planDay'
import { requirePermission, type ServiceContext } from '../core/context'
import { forbidden, notFound } from '../core/errors'
import { buildPlanInstance, type PlanDayInput } from './instance'
import { toProposal } from './proposal'
import type { SolveMessage, SolveRequest } from './solveWorker'
import { startPlanWorker } from './workerPath'

interface Running {
  job: PlanJob
  userId: number
  worker: Worker | null
  done: Promise<PlanJob>
}

const jobs = new Map<number, Running>()
let nextId = 1
/** Finished jobs kept for their owner to read; older ones are forgotten. */
const KEPT = 20

function forget(): void {
  const finished = [...jobs.values()].filter((r) => r.job.status !== 'running')
  for (const r of finished.slice(0, Math.max(0, finished.length - KEPT))) jobs.delete(r.job.id)
}

export function startPlan(ctx: ServiceContext, i: PlanDayInput): PlanJob {
  const user = requirePermission(ctx, 'dispatch.plan')
  const { instance, refs } = buildPlanInstance(ctx, i)
  const job: PlanJob = { id: nextId++, status: 'running', progress: 0, proposal: null, error: null }
  const request: SolveRequest = { instance, seconds: i.seconds, seed: 1, pins: refs.pins }
  const worker = startPlanWorker(request)
  const entry: Running = { job, userId: user.id, worker, done: Promise.resolve(job) }
  entry.done = new Promise<PlanJob>((resolve) => {
    let settled = false
    // A job cancelled meanwhile stays cancelled; it settles when its worker exits.
    const finish = (patch: Partial<PlanJob>) => {
      if (settled) return
      settled = true
      if (entry.job.status === 'running') entry.job = { ...entry.job, ...patch }
      entry.worker = null
      resolve(entry.job)
    }
    worker.on('message', (m: SolveMessage) => {
      if (m.type === 'progress') entry.job = { ...entry.job, progress: m.progress }
      else {
        try {
          finish({ status: 'done', progress: 1, proposal: toProposal(m.plan, refs) })
        } catch (e) {
          finish({ status: 'failed', error: e instanceof Error ? e.message : String(e) })
        }
        void worker.terminate()
      }
    })
    worker.on('error', (e) => finish({ status: 'failed', error: e.message }))
    worker.on('exit', () => finish({ status: 'failed', error: 'The planner stopped without an answer.' }))
  })
  jobs.set(job.id, entry)
  forget()
  return job
}

function owned(ctx: ServiceContext, id: number): Running {
  const user = requirePermission(ctx, 'dispatch.plan')
  const r = jobs.get(id)
  if (!r) throw notFound('planJob')
  if (r.userId !== user.id) throw forbidden('errors.planning.notYourPlan')
  return r
}

export function getPlan(ctx: ServiceContext, i: { id: number }): PlanJob {
  return owned(ctx, i.id).job
}

/** Stops the search at once (the worker is terminated); a finished job is answered as it is. */
export function cancelPlan(ctx: ServiceContext, i: { id: number }): PlanJob {
  const r = owned(ctx, i.id)
  if (r.job.status === 'running') {
    r.job = { ...r.job, status: 'cancelled' }
    void r.worker?.terminate()
  }
  return r.job
}

/** The job once it has finished (tests, the bench). */
export function planFinished(id: number): Promise<PlanJob> {
  const r = jobs.get(id)
  if (!r) return Promise.reject(new Error(`no plan job ${id}`))
  return r.done
}
