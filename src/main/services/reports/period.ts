import type { Page } from '@shared/api/common'
import { daysBetween } from '@shared/recurrence'
import { byName, MAX_REPORT_DAYS } from '@shared/domain/reports'
import { dayEnd, dayStart } from '@shared/time'
import { invalid } from '../core/errors'
import { sortEntry } from '../core/list'

/** The report's period checked (end not before start, at most MAX_REPORT_DAYS), as instants [start, end) in the shop's zone. */
export function periodOf(i: { from: string; to: string }, timeZone: string): { start: number; end: number } {
  if (i.to < i.from) throw invalid(['to'], 'validation.endBeforeStart')
  if (daysBetween(i.from, i.to) + 1 > MAX_REPORT_DAYS) throw invalid(['to'], 'errors.reports.periodTooLong', { maximum: MAX_REPORT_DAYS })
  return { start: dayStart(i.from, timeZone), end: dayEnd(i.to, timeZone) }
}

interface ListParams {
  q: string
  sort: string
  dir: 'asc' | 'desc'
  page: number
  pageSize: number
}

/**
 * A report's rows as a list (search, sort, page), so that it exports to CSV like every list. Without a sort the
 * report's own order is kept; `text` is what the search box looks in.
 */
export function sortedRows<R>(
  rows: R[],
  i: ListParams,
  sorts: Record<string, (r: R) => number | string | null>,
  text: (r: R) => string
): R[] {
  const q = i.q.toLowerCase()
  const found = q ? rows.filter((r) => text(r).toLowerCase().includes(q)) : rows
  if (!i.sort) return i.dir === 'desc' ? found.reverse() : found
  const by = sortEntry(sorts, i.sort, '')
  const sign = i.dir === 'desc' ? -1 : 1
  return found.sort((a, b) => {
    const x = by(a) ?? -Infinity
    const y = by(b) ?? -Infinity
    return sign * (typeof x === 'string' ? byName(x, String(y)) : x - (y as number))
  })
}

export function pageFrom<R>(rows: R[], i: ListParams): Page<R> {
  return { rows: rows.slice((i.page - 1) * i.pageSize, i.page * i.pageSize), total: rows.length, page: i.page, pageSize: i.pageSize }
}
