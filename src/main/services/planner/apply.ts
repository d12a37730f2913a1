/**
 * Applying a proposal (or the ticked part of it): one transaction, one board change (kind "plan"), so one undo
 * step puts every order back exactly as it was (ADR 0016). Each visit goes through the board's own assign and
 * move, with their version checks: anything changed since the proposal was made answers CONFLICT and nothing
 * of the proposal is saved.
 */
import type { ParsedInput } from '@shared/api/contract'
import type { ServiceContext } from '../core/context'
import { invalid } from '../core/errors'
import { recordChange } from '../dispatch/changes'
import { assign, move } from '../dispatch/mutations'

export function applyPlan(ctx: ServiceContext, i: ParsedInput<'dispatch.planApply'>): { applied: number; changeId: number | null } {
  const orders = new Set<number>()
  i.items.forEach((item, n) => {
    // Two proposals for one order's work cannot both come from one plan.
    if (item.assignmentId === null && orders.has(item.orderId)) throw invalid(['items', n, 'orderId'], 'errors.planning.twice')
    orders.add(item.orderId)
  })
  return recordChange(
    ctx,
    'plan',
    () => [...orders],
    () => {
      for (const item of i.items) {
        if (item.assignmentId !== null && item.assignmentVersion !== null)
          move(ctx, { id: item.assignmentId, version: item.assignmentVersion, workerId: item.workerId, start: item.start, end: item.end })
        else
          assign(ctx, { orderId: item.orderId, orderVersion: item.orderVersion, workerId: item.workerId, start: item.start, end: item.end })
      }
      return { applied: i.items.length }
    }
  )
}
