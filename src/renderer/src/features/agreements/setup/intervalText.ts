import type { IntervalUnit } from '@shared/recurrence'

const UNIT_WORDS: Record<IntervalUnit, [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years']
}

/** "every week", "every 2 weeks". */
export function intervalText(i: { unit: IntervalUnit; every: number }): string {
  const [one, many] = UNIT_WORDS[i.unit]
  return i.every === 1 ? `every ${one}` : `every ${i.every} ${many}`
}
