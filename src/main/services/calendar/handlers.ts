import type { calendarContract } from '@shared/api/domains/calendar'
import type { HandlersOf } from '../core/handlers'
import { getPublicHolidays } from './publicHolidays'

export const calendarHandlers = {
  'calendar.publicHolidays': getPublicHolidays
} satisfies HandlersOf<typeof calendarContract>
