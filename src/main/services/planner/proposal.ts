/**
 * The solver's answer as the board's proposal: ghost cards (epoch ms, database ids) for the work it planned or
 * moved, the work it left with the reason, totals, and each job's reasons with instants as epoch ms and job
 * ids as order numbers, so that the screen can word them in the reader's language (shared/planner/reasons.ts).
 */
import type { PlanGhost, PlanLeft, PlanProposal, PlanReason } from '@shared/domain/planDay'
import type { Plan, Reason } from '@shared/planner/solver'
import { instantOf, type PlanRefs } from './instance'

const WALL_CLOCK_PARAMS = new Set(['deadline', 'from', 'to', 'start', 'end'])

function reasonOf(r: Reason, refs: PlanRefs, jobKey: string): PlanReason {
  const params: PlanReason['params'] = {}
  for (const [k, v] of Object.entries(r.params)) {
    if (k === 'technicianId' || k === 'date') continue
    if (k === 'from' && r.code === 'FROM_PREVIOUS') params.from = v === null ? null : (refs.jobs.get(String(v))?.orderNumber ?? null)
    else if (k === 'skills' && Array.isArray(v)) params.skills = v.map((s) => refs.skillNames.get(s) ?? s).join(', ')
    else if (WALL_CLOCK_PARAMS.has(k) && typeof v === 'string') params[k] = instantOf(v, refs.timeZone)
    else if (k === 'km' && typeof v === 'number') params.km = Math.round(v * 10) / 10
    else params[k] = Array.isArray(v) ? v.join(', ') : v
  }
  // Which SLA target the deadline is: the sentence names it ("the 12:00 response deadline").
  if (r.code === 'DEADLINE_MET' || r.code === 'DEADLINE_MISSED') params.target = refs.jobs.get(jobKey)?.deadline?.target ?? 'response'
  return { code: r.code, params }
}

export function toProposal(plan: Plan, refs: PlanRefs): PlanProposal {
  const tz = refs.timeZone
  const ghosts: PlanGhost[] = []
  for (const route of plan.routes) {
    const workerId = refs.workers.get(route.technicianId)!
    for (const stop of route.stops) {
      if (stop.locked) continue
      const job = refs.jobs.get(stop.jobId)!
      const start = instantOf(stop.start, tz)
      const end = instantOf(stop.end, tz)
      ghosts.push({
        orderId: job.orderId,
        orderNumber: job.orderNumber,
        orderVersion: job.orderVersion,
        customerName: job.customerName,
        priority: job.priority,
        assignmentId: job.assignmentId,
        assignmentVersion: job.assignmentVersion,
        workerId,
        start,
        end,
        travelMinutes: stop.travelMinutes,
        travelKm: Math.round(stop.travelKm * 10) / 10,
        latitude: stop.point?.lat ?? null,
        longitude: stop.point?.lon ?? null,
        reasons: (plan.reasons[stop.jobId] ?? []).map((r) => reasonOf(r, refs, stop.jobId))
      })
    }
  }
  // Work left unplanned: tray work only — a card the planner could not move stays where it is.
  const left: PlanLeft[] = plan.unplanned
    .filter((u) => refs.jobs.get(u.jobId)!.assignmentId === null)
    .map((u) => {
      const job = refs.jobs.get(u.jobId)!
      return { orderId: job.orderId, orderNumber: job.orderNumber, reason: reasonOf({ code: u.code, params: u.params }, refs, u.jobId) }
    })
  ghosts.sort((a, b) => a.workerId - b.workerId || a.start - b.start)
  const byKey = new Map(ghosts.map((g) => [g.orderId, g]))
  const missed = [...refs.jobs.values()].filter(
    (j) => j.deadline && (j.assignmentId === null ? (byKey.get(j.orderId)?.start ?? Infinity) > j.deadline.at : false)
  ).length
  return {
    ghosts,
    left,
    totals: {
      planned: ghosts.length,
      left: left.length,
      km: plan.objective.travelKm,
      travelMinutes: plan.objective.travelMinutes,
      slaRisks: missed
    }
  }
}
