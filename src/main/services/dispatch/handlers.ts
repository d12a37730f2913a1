import type { dispatchContract } from '@shared/api/domains/dispatch'
import type { ExportSourcesOf, HandlersOf } from '../core/handlers'
import { getBoard } from './board'
import { daySheet } from './daySheet'
import { recordChange, ordersOfAssignments, redoChange, undoChange } from './changes'
import { assign, dispatchWork, move, setStatus, unassign } from './mutations'
import { iteratePlan, listPlan } from './plan'
import { suggest } from './suggest'
import { getTray } from './tray'
import { applyPlan } from '../planner/apply'
import { cancelPlan, getPlan, startPlan } from '../planner/jobs'

type Slice = typeof dispatchContract

export const dispatchHandlers = {
  'dispatch.board': getBoard,
  'dispatch.tray': getTray,
  'dispatch.assign': (ctx, i) =>
    recordChange(
      ctx,
      'assign',
      () => [i.orderId],
      () => assign(ctx, i)
    ),
  'dispatch.move': (ctx, i) =>
    recordChange(
      ctx,
      'move',
      () => ordersOfAssignments(ctx, [i.id]),
      () => move(ctx, i)
    ),
  'dispatch.unassign': (ctx, i) =>
    recordChange(
      ctx,
      'unassign',
      () => ordersOfAssignments(ctx, [i.id]),
      () => unassign(ctx, i)
    ),
  'dispatch.dispatch': (ctx, i) =>
    recordChange(
      ctx,
      'dispatch',
      () => ordersOfAssignments(ctx, i.ids),
      () => dispatchWork(ctx, i)
    ),
  'dispatch.undo': undoChange,
  'dispatch.redo': redoChange,
  'dispatch.setStatus': setStatus,
  'dispatch.suggest': suggest,
  'dispatch.daySheet': daySheet,
  'dispatch.planStart': startPlan,
  'dispatch.planJob': getPlan,
  'dispatch.planCancel': cancelPlan,
  'dispatch.planApply': applyPlan,
  'dispatchPlan.list': listPlan
} satisfies HandlersOf<Slice>

export const dispatchExports = {
  'dispatchPlan.list': iteratePlan
} satisfies ExportSourcesOf<Slice>
