import type { MethodName } from '@shared/api/contract'
import type { ServiceContext } from '../services/core/context'
import { getBoard } from '../services/dispatch/board'
import { daySheet } from '../services/dispatch/daySheet'
import { assign, dispatchWork, move, setStatus, unassign } from '../services/dispatch/mutations'
import { iteratePlan, listPlan } from '../services/dispatch/plan'
import { suggest } from '../services/dispatch/suggest'
import { getTray } from '../services/dispatch/tray'
import type { Handlers } from './handlers'

type DispatchMethod = Extract<MethodName, `dispatch.${string}` | `dispatchPlan.${string}`>

/** The dispatch board's methods (spread into `handlers`). */
export const dispatchHandlers = {
  'dispatch.board': getBoard,
  'dispatch.tray': getTray,
  'dispatch.assign': assign,
  'dispatch.move': move,
  'dispatch.unassign': unassign,
  'dispatch.dispatch': dispatchWork,
  'dispatch.setStatus': setStatus,
  'dispatch.suggest': suggest,
  'dispatch.daySheet': daySheet,
  'dispatchPlan.list': listPlan
} satisfies Pick<Handlers, DispatchMethod>

export const dispatchExports: Record<string, (ctx: ServiceContext, input: never) => Iterable<unknown>> = {
  'dispatchPlan.list': iteratePlan
}
