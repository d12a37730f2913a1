import { z } from 'zod'
import { id, searchText } from '../domain/primitives'

export const idInput = z.object({ id })

export const sortDir = z.enum(['asc', 'desc'])

/** Paged, sorted, filtered list query shared by every list; `filters` adds the list's own filters. */
export function listInput<F extends z.ZodRawShape>(filters: F) {
  return z.object({
    q: searchText().default(''),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
    sort: z.string().max(50).default(''),
    dir: sortDir.default('asc'),
    ...filters
  })
}

export function pageOf<R extends z.ZodType>(row: R) {
  return z.object({
    rows: z.array(row),
    total: z.number().int(),
    /** The total is a floor: more rows match than were counted (a common search word; see list.ts `cappedTotal`). */
    capped: z.boolean().optional(),
    page: z.number().int(),
    pageSize: z.number().int()
  })
}

export const deleted = z.object({ id })

export interface Page<R> {
  rows: R[]
  total: number
  capped?: boolean
  page: number
  pageSize: number
}
