import type { PlanGhost } from '@shared/domain/planDay'

/** The key of a proposed visit: an order is proposed once, a moved card by its assignment. */
export const ghostKey = (g: PlanGhost): string => (g.assignmentId === null ? `o${g.orderId}` : `a${g.assignmentId}`)
