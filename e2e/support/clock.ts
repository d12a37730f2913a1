import { DateTime } from 'luxon'

export const SHOP_ZONE = 'Europe/Tallinn'

/**
 * The working-day clock's start: the latest weekday 10:00 in the shop's zone at or before the wall clock —
 * inside the board's shown hours whatever the hour or the day the suite runs. Never ahead of the wall
 * clock, because rows stamped by the database's own default (created_at) keep the wall clock's time.
 */
export function workingDayTime(wall = Date.now()): number {
  let t = DateTime.fromMillis(wall, { zone: SHOP_ZONE }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 })
  while (t.toMillis() > wall || t.weekday > 5) t = t.minus({ days: 1 })
  return t.toMillis()
}
