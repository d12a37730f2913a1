import { publicHolidaysInput, publicHolidaysResult } from '../../domain/planning'
import { method } from '../define'

export const calendarContract = {
  /** A country's public holidays of a year, to load into the company's or an SLA's calendar (ADR 0016). */
  'calendar.publicHolidays': method(publicHolidaysInput, publicHolidaysResult, 'authenticated')
}
