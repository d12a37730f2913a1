import type { WindowKind } from '@shared/recurrence'

export const WINDOW_KIND_LABELS: Record<WindowKind, string> = {
  week: 'Within the week',
  month: 'Within the month',
  manual: 'Days before / after'
}

/** What a window lets a visit do, in words. */
export function windowText(w: { kind: WindowKind; daysBefore: number; daysAfter: number }): string {
  if (w.kind === 'week') return 'to any open day of its week'
  if (w.kind === 'month') return 'to any open day of its month'
  return `up to ${w.daysBefore} day${w.daysBefore === 1 ? '' : 's'} earlier, ${w.daysAfter} day${w.daysAfter === 1 ? '' : 's'} later`
}
