import type { T } from '@shared/i18n/i18n'
import type { WindowKind } from '@shared/recurrence'

/** What a window lets a visit do, in words. */
export function windowText(t: T, w: { kind: WindowKind; daysBefore: number; daysAfter: number }): string {
  if (w.kind === 'week') return t('agreements.timeWindows.anyDayOfWeek')
  if (w.kind === 'month') return t('agreements.timeWindows.anyDayOfMonth')
  return t('agreements.timeWindows.upTo', {
    before: t('agreements.timeWindows.earlier', { count: w.daysBefore }),
    after: t('agreements.timeWindows.later', { count: w.daysAfter })
  })
}
