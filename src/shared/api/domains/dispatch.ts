import { z } from 'zod'
import { listInput, pageOf } from '../common'
import { id, isoDate, version } from '../../domain/primitives'
import { method } from '../define'
import {
  assignInput,
  assignmentResult,
  board,
  boardInput,
  daySheetInput,
  dispatchInput,
  moveInput,
  planRow,
  statusInput,
  suggestInput,
  suggestion,
  tray,
  trayInput
} from '../../domain/dispatch'
import { pdfFile } from '../../domain/orders'
import { changeRef, changeStepInput, changeStepResult } from '../../domain/planning'
import { planApplyInput, planApplyResult, planDayInput, planJob } from '../../domain/planDay'

export const dispatchContract = {
  'dispatch.board': method(boardInput, board, 'orders.read'),
  'dispatch.tray': method(trayInput, tray, 'dispatch.plan'),
  'dispatch.assign': method(assignInput, assignmentResult.extend(changeRef.shape), 'dispatch.plan'),
  'dispatch.move': method(moveInput, assignmentResult.extend(changeRef.shape), 'dispatch.plan'),
  'dispatch.unassign': method(z.object({ id, version }), z.object({ orderId: id }).extend(changeRef.shape), 'dispatch.plan'),
  'dispatch.dispatch': method(dispatchInput, z.object({ dispatched: z.number().int() }).extend(changeRef.shape), 'dispatch.plan'),
  /** Exact undo / redo of the caller's own board change (ADR 0016). */
  'dispatch.undo': method(changeStepInput, changeStepResult, 'dispatch.plan'),
  'dispatch.redo': method(changeStepInput, changeStepResult, 'dispatch.plan'),
  /** Technicians register their own progress; planners anyone's. */
  'dispatch.setStatus': method(statusInput, assignmentResult, 'orders.register'),
  'dispatch.suggest': method(suggestInput, z.array(suggestion), 'dispatch.plan'),
  'dispatch.daySheet': method(daySheetInput, pdfFile, 'orders.read'),
  /** Plan day (ADR 0020): starts the planner in a worker thread; poll planJob, cancel with planCancel. */
  'dispatch.planStart': method(planDayInput, planJob, 'dispatch.plan'),
  'dispatch.planJob': method(z.object({ id }), planJob, 'dispatch.plan'),
  'dispatch.planCancel': method(z.object({ id }), planJob, 'dispatch.plan'),
  /** Applies the ticked proposals in one transaction, as one undoable board change. */
  'dispatch.planApply': method(planApplyInput, planApplyResult, 'dispatch.plan'),
  /** The plan over [from, to] as a list, for the CSV export of a day's plan. */
  'dispatchPlan.list': method(
    listInput({ from: isoDate, to: isoDate, teamId: id.nullable().default(null), workerId: id.nullable().default(null) }),
    pageOf(planRow),
    'orders.read'
  )
}
