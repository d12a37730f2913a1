/**
 * Public holidays from `date-holidays` (a maintained rule set, ADR 0016), for the company calendar: the settings
 * screen loads a year into its list and the user keeps, removes or adds days before saving; the demo loads them.
 */
import type HolidaysClass from 'date-holidays'
import type { ParsedInput } from '@shared/api/contract'
import type { Holiday } from '@shared/domain/planning'
import type { ServiceContext } from '../core/context'

/** The country's public holidays (days off by law) of a year, named in the language asked for, by date. */
export function publicHolidays(year: number, country: string, language: string): Holiday[] {
  // Required on first use, not at start: date-holidays brings 2.3 MB of rules and calendars (moment-timezone,
  // astronomia) that every start of the app, the host and the CLI compiled before, for a list loaded now and then.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Holidays = require('date-holidays') as typeof HolidaysClass
  const rules = new Holidays(country)
  return rules
    .getHolidays(year, language)
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name.charAt(0).toLocaleUpperCase(language) + h.name.slice(1) }))
    .sort((a, b) => a.date.localeCompare(b.date))
}

export const getPublicHolidays = (_ctx: ServiceContext, i: ParsedInput<'calendar.publicHolidays'>): Holiday[] =>
  publicHolidays(i.year, i.country, i.language)
