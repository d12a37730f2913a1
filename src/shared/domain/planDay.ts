import { z } from 'zod'
import { id, isoDate, searchText, version } from './primitives'
import { PRIORITIES } from './orders'
import { JOB_STATUSES } from './agreements'

/**
 * Plan day (issue 19, ADR 0020): the solver plans a team's (or some technicians') days from the database in a
 * worker thread; the board shows the proposal as ghost cards and applies what the dispatcher ticks in one step.
 */

/** The tray's filters, which decide which unplanned work is in scope (the tab is always "waiting to be planned"). */
export const planScope = z.object({
  priority: z.enum(PRIORITIES).nullable().default(null),
  skillId: id.nullable().default(null),
  /** Requested (or planned) within [from, to], like the tray's date filter. */
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  q: searchText().default('')
})

export const MAX_PLAN_DAYS = 7

export const planDayInput = z
  .object({
    from: isoDate,
    to: isoDate,
    /** A team, or chosen technicians (at least one of the two). */
    teamId: id.nullable().default(null),
    workerIds: z.array(id).max(200).default([]),
    seconds: z.number().int().min(1).max(60).default(5),
    scope: planScope.default({ priority: null, skillId: null, from: null, to: null, q: '' })
  })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endBeforeStart' })
    else if (Date.parse(`${v.to}T00:00:00Z`) - Date.parse(`${v.from}T00:00:00Z`) >= MAX_PLAN_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.planDays' })
    if (v.teamId === null && v.workerIds.length === 0) ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'validation.planWho' })
  })

/** A reason's parameters: instants as epoch ms, order numbers and names as strings; worded where shown. */
export const planParams = z.record(z.string(), z.union([z.string(), z.number(), z.null()]))
export const planReason = z.object({ code: z.string(), params: planParams })
export type PlanReason = z.infer<typeof planReason>

/** One proposed visit: new work from the tray (no assignment yet) or a planned, not dispatched, card moved. */
export const planGhost = z.object({
  orderId: id,
  orderNumber: z.string(),
  orderVersion: version,
  customerName: z.string(),
  priority: z.enum(PRIORITIES),
  assignmentId: id.nullable(),
  assignmentVersion: version.nullable(),
  workerId: id,
  start: z.number().int(),
  end: z.number().int(),
  travelMinutes: z.number().int(),
  travelKm: z.number(),
  /** The site's point, for the proposal's routes on the map; null when the site has none. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  reasons: z.array(planReason)
})
export type PlanGhost = z.infer<typeof planGhost>

export const planLeft = z.object({ orderId: id, orderNumber: z.string(), reason: planReason })
export type PlanLeft = z.infer<typeof planLeft>

export const planProposal = z.object({
  ghosts: z.array(planGhost),
  left: z.array(planLeft),
  totals: z.object({
    planned: z.number().int(),
    left: z.number().int(),
    km: z.number(),
    travelMinutes: z.number().int(),
    /** Deadlines the plan misses (a job planned late or left unplanned). */
    slaRisks: z.number().int()
  })
})
export type PlanProposal = z.infer<typeof planProposal>

export const planJob = z.object({
  id,
  status: z.enum(JOB_STATUSES),
  /** 0 … 1 */
  progress: z.number().min(0).max(1),
  proposal: planProposal.nullable(),
  error: z.string().nullable()
})
export type PlanJob = z.infer<typeof planJob>

export const planApplyItem = z.object({
  orderId: id,
  orderVersion: version,
  assignmentId: id.nullable(),
  assignmentVersion: version.nullable(),
  workerId: id,
  start: z.number().int(),
  end: z.number().int()
})
export const planApplyInput = z.object({ items: z.array(planApplyItem).min(1, 'validation.planNothing').max(2000) })
export const planApplyResult = z.object({ applied: z.number().int(), changeId: id.nullable() })
