import { LINE_TYPES, type LineStatus, type LineType, type Progress } from './orders'
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

/** What a post looks at in a line; the order page's lines and the service's records both give it. */
export interface PostingLine {
  id: number
  type: LineType
  status: LineStatus
  signedOff: boolean
  salesAmount: number
}

/**
 * The lines a post takes: the chosen ones, or with none chosen every open, signed-off line. The service posts
 * exactly these (after refusing chosen lines that are not open or not signed off), and the confirmation shows them.
 */
export function linesToPost<L extends { id: number; status: string; signedOff: boolean }>(
  lines: readonly L[],
  lineIds: readonly number[]
): L[] {
  if (lineIds.length > 0) return lines.filter((l) => lineIds.includes(l.id))
  return lines.filter((l) => l.status === 'created' && l.signedOff)
}

export interface PostingPreview {
  count: number
  salesAmount: number
  /** Per line type, in the order of LINE_TYPES; types without lines are left out. */
  byType: { type: LineType; count: number; salesAmount: number }[]
}

/** What a post will take, counted and summed (net sales amount, cents) before the user confirms it. */
export function postingPreview(lines: readonly PostingLine[], lineIds: readonly number[]): PostingPreview {
  const posted = linesToPost(lines, lineIds)
  const byType = LINE_TYPES.map((type) => {
    const ofType = posted.filter((l) => l.type === type)
    return { type, count: ofType.length, salesAmount: ofType.reduce((sum, l) => sum + l.salesAmount, 0) }
  }).filter((g) => g.count > 0)
  return { count: posted.length, salesAmount: posted.reduce((sum, l) => sum + l.salesAmount, 0), byType }
}
