import { z } from 'zod'
import { id } from './primitives'

/* ---------- exact undo of board changes (ADR 0016) ---------- */

export const CHANGE_KINDS = ['assign', 'move', 'unassign', 'dispatch'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

/** Added to every board change's answer: what `dispatch.undo` takes; null when the change changed nothing. */
export const changeRef = z.object({ changeId: id.nullable() })
export const changeStepInput = z.object({ changeId: id })
export const changeStepResult = z.object({ changeId: id, orderIds: z.array(id) })
