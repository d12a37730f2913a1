import { z } from 'zod'
import { id } from './primitives'
import { holiday } from './system'

/* ---------- exact undo of board changes (ADR 0016) ---------- */

export const CHANGE_KINDS = ['assign', 'move', 'unassign', 'dispatch', 'plan'] as const
export type ChangeKind = (typeof CHANGE_KINDS)[number]

/** Added to every board change's answer: what `dispatch.undo` takes; null when the change changed nothing. */
export const changeRef = z.object({ changeId: id.nullable() })
export const changeStepInput = z.object({ changeId: id })
export const changeStepResult = z.object({ changeId: id, orderIds: z.array(id) })

/* ---------- public holidays (ADR 0016) ---------- */

export type Holiday = z.infer<typeof holiday>

/** Countries whose public holidays can be loaded; Estonia's is the shop's. */
export const HOLIDAY_COUNTRIES = ['EE'] as const
export const publicHolidaysInput = z.object({
  year: z.number().int().min(1990, 'validation.yearRange').max(2100, 'validation.yearRange'),
  country: z.enum(HOLIDAY_COUNTRIES).default('EE'),
  /** The names' language: the screen's. */
  language: z.enum(['et', 'en']).default('et')
})
export const publicHolidaysResult = z.array(holiday)

/**
 * A year loaded into a list of days off: the year's public holidays (again, where some were removed) and every
 * other day the list had — other years, the company's own days off — as it was.
 */
export function withYearLoaded(list: readonly Holiday[], loaded: readonly Holiday[]): Holiday[] {
  const dates = new Set(loaded.map((h) => h.date))
  return [...list.filter((h) => !dates.has(h.date)), ...loaded].sort((a, b) => a.date.localeCompare(b.date))
}
