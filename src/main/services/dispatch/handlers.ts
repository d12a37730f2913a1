import type { dispatchContract } from '@shared/api/domains/dispatch'
import type { ExportSourcesOf, HandlersOf } from '../core/handlers'
import { getBoard } from './board'
import { daySheet } from './daySheet'
import { assign, dispatchWork, move, setStatus, unassign } from './mutations'
import { iteratePlan, listPlan } from './plan'
import { suggest } from './suggest'
import { getTray } from './tray'

type Slice = typeof dispatchContract

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
} satisfies HandlersOf<Slice>

export const dispatchExports = {
  'dispatchPlan.list': iteratePlan
} satisfies ExportSourcesOf<Slice>
