import type { lifecycleContract } from '@shared/api/domains/lifecycle'
import type { HandlersOf } from '../core/handlers'
import { getPublicHolidays } from './publicHolidays'

export const lifecycleHandlers = {
  'calendar.publicHolidays': getPublicHolidays
} satisfies HandlersOf<typeof lifecycleContract>
