import { withYearLoaded } from '@shared/domain/planning'
import type { Sqlite } from '../db/connection'
import { publicHolidays } from '../services/calendar/publicHolidays'

/**
 * Estonia's public holidays from the year before the anchor date to the year after, in the company's language:
 * written before agreements and the board are planned, so that neither puts a visit on 25 December. No random
 * numbers are drawn.
 */
export function writeHolidays(s: Sqlite, today: string): number {
  const row = s.prepare('select language, holidays from settings where id = 1').get() as { language: string; holidays: string }
  const language = row.language === 'en' ? 'en' : 'et'
  const year = Number(today.slice(0, 4))
  let list = JSON.parse(row.holidays) as { date: string; name: string }[]
  for (let y = year - 1; y <= year + 1; y++) list = withYearLoaded(list, publicHolidays(y, 'EE', language))
  s.prepare('update settings set holidays = ?, version = version + 1 where id = 1').run(JSON.stringify(list))
  return list.length
}
