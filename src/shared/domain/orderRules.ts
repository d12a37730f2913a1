import type { LineStatus, Progress } from './orders'
import type { MessageRef } from '../api/result'

/**
 * The order's progress from its lines' statuses, as in the reference: any created line → in process;
 * all cancelled → cancelled; otherwise (posted, or posted and cancelled) → posted. An order without
 * lines keeps the progress it has (cancelling an empty order is an explicit act).
 */
export function deriveProgress(statuses: readonly LineStatus[], current: Progress): Progress {
  if (statuses.length === 0) return current
  if (statuses.includes('created')) return 'inProcess'
  if (statuses.every((s) => s === 'cancelled')) return 'cancelled'
  return 'posted'
}

/** Half away from zero, and never -0 (a small negative amount rounded to nothing would print as "-0,00"). */
function roundHalfAway(exact: number): number {
  return Math.sign(exact) * Math.round(Math.abs(exact)) + 0
}

/** Line amount in cents from a quantity in thousandths and a unit price in cents, rounded half away from zero. */
export function lineAmount(quantity: number, unitPrice: number): number {
  return roundHalfAway((quantity * unitPrice) / 1000)
}

/** VAT in cents for a net amount and a rate in basis points (2400 = 24 %). */
export function vatAmount(net: number, rateBasisPoints: number): number {
  return roundHalfAway((net * rateBasisPoints) / 10000)
}

export interface StageNode {
  id: number
  parentId: number | null
}

/** Allowed moves in the stage tree: to any child (next) or to the parent (previous). */
export function isAllowedStageMove(stages: readonly StageNode[], fromId: number, toId: number): 'next' | 'previous' | null {
  const from = stages.find((s) => s.id === fromId)
  const to = stages.find((s) => s.id === toId)
  if (!from || !to) return null
  if (to.parentId === from.id) return 'next'
  if (from.parentId === to.id) return 'previous'
  return null
}

/** Checks a stage tree: exactly one initial stage, every parent exists, no cycles. Answers the problem (a message) or null. */
export function stageTreeProblem(stages: readonly StageNode[]): MessageRef | null {
  const roots = stages.filter((s) => s.parentId === null)
  if (stages.length > 0 && roots.length !== 1) return { key: 'errors.orders.oneInitialStage', params: { count: roots.length } }
  const byId = new Map(stages.map((s) => [s.id, s]))
  for (const s of stages) {
    if (s.parentId !== null && !byId.has(s.parentId)) return { key: 'errors.orders.missingParent' }
    const seen = new Set<number>()
    for (let cur: StageNode | undefined = s; cur && cur.parentId !== null; cur = byId.get(cur.parentId)) {
      if (seen.has(cur.id)) return { key: 'errors.orders.stageLoop' }
      seen.add(cur.id)
    }
  }
  return null
}

/**
 * Whether a line is work someone goes to do (ADR 0016): hours and parts are, and so is anything naming a
 * service task; a fee or an expense without a task is only invoiced. An agreement's visit whose lines all
 * need no visit becomes an order made for invoicing, kept off the board and the tray.
 */
export function lineNeedsVisit(line: { type: string; serviceTaskId: number | null }): boolean {
  return line.serviceTaskId !== null || (line.type !== 'fee' && line.type !== 'expense')
}
