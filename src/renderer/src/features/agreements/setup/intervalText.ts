import type { T } from '@shared/i18n/i18n'
import type { IntervalUnit } from '@shared/recurrence'

/** "every week", "every 2 weeks" / "iga nädal", "iga 2 nädala järel". */
export function intervalText(t: T, i: { unit: IntervalUnit; every: number }): string {
  const count = i.every
  switch (i.unit) {
    case 'day':
      return t('agreements.intervals.everyDay', { count })
    case 'week':
      return t('agreements.intervals.everyWeek', { count })
    case 'month':
      return t('agreements.intervals.everyMonth', { count })
    case 'year':
      return t('agreements.intervals.everyYear', { count })
  }
}
