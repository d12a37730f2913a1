/**
 * One rule set for an order's life across the board, the stages and the technician's day (ADR 0017): which stage
 * an order enters when it is planned, dispatched, started on site and done; which orders count as finished (off
 * the tray, muted on the board); which steps a technician may register. Pure: the services and the screens share it.
 */
import { z } from 'zod'
import { id, version } from './primitives'
import type { AssignmentStatus } from './dispatch'
import type { Progress } from './orders'

export const LIFECYCLE_EVENTS = ['planned', 'dispatched', 'onSite', 'done'] as const
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number]

/** The stage each event moves an order to; null = the event leaves the stage alone. */
export const lifecycleInput = z.object({
  plannedStageId: id.nullable().default(null),
  dispatchedStageId: id.nullable().default(null),
  onSiteStageId: id.nullable().default(null),
  doneStageId: id.nullable().default(null)
})
export const lifecycleRow = lifecycleInput.extend({ version })
export type LifecycleSettings = z.infer<typeof lifecycleRow>

export const EVENT_FIELD = {
  planned: 'plannedStageId',
  dispatched: 'dispatchedStageId',
  onSite: 'onSiteStageId',
  done: 'doneStageId'
} as const satisfies Record<LifecycleEvent, keyof z.infer<typeof lifecycleInput>>

/** What the rules need of a stage. */
export interface LifecycleStage {
  id: number
  parentId: number | null
  reasonRequired: boolean
  requiresPlan: boolean
}

/** The stages from `fromId` (exclusive) down to `toId` (inclusive), or null when `toId` is not below `fromId`. */
export function pathDown(stages: readonly LifecycleStage[], fromId: number, toId: number): LifecycleStage[] | null {
  const byId = new Map(stages.map((s) => [s.id, s]))
  const path: LifecycleStage[] = []
  const seen = new Set<number>()
  for (let cur = byId.get(toId); cur; cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) {
    if (cur.id === fromId) return path.reverse()
    if (seen.has(cur.id)) return null
    seen.add(cur.id)
    path.push(cur)
  }
  return null
}

/**
 * Where an event takes an order in `currentId`: the configured stage when it lies further down the tree from the
 * current one, and no stage on the way asks for a reason (nobody is there to give one). Never back and never
 * sideways: an order that went on hold, or is already past the target, stays where the office put it. Null = stay.
 */
export function stageForEvent(stages: readonly LifecycleStage[], currentId: number, targetId: number | null): number | null {
  if (targetId === null || targetId === currentId) return null
  const path = pathDown(stages, currentId, targetId)
  if (!path || path.some((s) => s.reasonRequired)) return null
  return targetId
}

/**
 * Where an order goes when its last planned visit is removed while its stage needs a plan: the nearest stage
 * above it that does not. Null when the current stage needs no plan (nothing to do) or no such stage exists.
 */
export function stageWithoutPlan(stages: readonly LifecycleStage[], currentId: number): number | null {
  const byId = new Map(stages.map((s) => [s.id, s]))
  const current = byId.get(currentId)
  if (!current?.requiresPlan) return null
  const seen = new Set<number>([currentId])
  for (let p = current.parentId; p !== null;) {
    const s = byId.get(p)
    if (!s || seen.has(s.id)) return null
    if (!s.requiresPlan) return s.id
    seen.add(s.id)
    p = s.parentId
  }
  return null
}

/** The done stage and every stage below it: an order there is finished work. Empty without a done stage. */
export function finishedStageIds(stages: readonly LifecycleStage[], doneStageId: number | null): Set<number> {
  const out = new Set<number>()
  if (doneStageId === null) return out
  for (const s of stages) if (s.id === doneStageId || pathDown(stages, doneStageId, s.id)) out.add(s.id)
  return out
}

/** Finished, posted or cancelled: off the tray, muted and read-only on the board, outside capacity and conflicts. */
export function isFinishedOrder(o: { progress: Progress; stageId: number }, finishedStages: ReadonlySet<number>): boolean {
  return o.progress !== 'inProcess' || finishedStages.has(o.stageId)
}

/** The progress a technician registers on a visit, in order; each is offered only after the ones listed. */
export const TECHNICIAN_STEPS: readonly { status: AssignmentStatus; after: readonly AssignmentStatus[] }[] = [
  { status: 'travelling', after: ['planned', 'dispatched'] },
  { status: 'onSite', after: ['planned', 'dispatched', 'travelling'] },
  { status: 'done', after: ['onSite'] }
]

/** The steps *My work* offers on a visit: none once the visit is done or its order is finished or locked. */
export function technicianActions(status: AssignmentStatus, orderOpen: boolean): AssignmentStatus[] {
  if (!orderOpen) return []
  return TECHNICIAN_STEPS.filter((s) => s.after.includes(status)).map((s) => s.status)
}
