import { z } from 'zod'
import { id, isoDate, listInput, pageOf, version } from '../common'
import { mutation, query } from '../define'
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

export const dispatchContract = {
  'dispatch.board': query(boardInput, board, 'orders.read'),
  'dispatch.tray': query(trayInput, tray, 'dispatch.plan'),
  'dispatch.assign': mutation(assignInput, assignmentResult, 'dispatch.plan'),
  'dispatch.move': mutation(moveInput, assignmentResult, 'dispatch.plan'),
  'dispatch.unassign': mutation(z.object({ id, version }), z.object({ orderId: id }), 'dispatch.plan'),
  'dispatch.dispatch': mutation(dispatchInput, z.object({ dispatched: z.number().int() }), 'dispatch.plan'),
  /** Technicians register their own progress; planners anyone's. */
  'dispatch.setStatus': mutation(statusInput, assignmentResult, 'orders.register'),
  'dispatch.suggest': query(suggestInput, z.array(suggestion), 'dispatch.plan'),
  'dispatch.daySheet': query(daySheetInput, pdfFile, 'orders.read'),
  /** The plan over [from, to] as a list, for the CSV export of a day's plan. */
  'dispatchPlan.list': query(
    listInput({ from: isoDate, to: isoDate, teamId: id.nullable().default(null), workerId: id.nullable().default(null) }),
    pageOf(planRow),
    'orders.read'
  )
}
