import { describe, expect, it } from 'vitest'
import { formatInstant, fromLocalDateTime, toLocalDateTime } from '../../src/shared/time'

const TZ = 'Europe/Tallinn'

describe('wall-clock date and time in the shop time zone', () => {
  it('round-trips a summer and a winter time', () => {
    const summer = fromLocalDateTime('2026-06-15 09:00', TZ)!
    expect(new Date(summer).toISOString()).toBe('2026-06-15T06:00:00.000Z')
    expect(toLocalDateTime(summer, TZ)).toBe('2026-06-15 09:00')
    const winter = fromLocalDateTime('2026-01-15 09:00:00', TZ)!
    expect(new Date(winter).toISOString()).toBe('2026-01-15T07:00:00.000Z')
    expect(toLocalDateTime(winter, TZ)).toBe('2026-01-15 09:00')
  })

  it('moves a time skipped by the spring-forward change forward, reads a repeated autumn time in standard time', () => {
    expect(formatInstant(fromLocalDateTime('2026-03-29 03:30', TZ), TZ)).toBe('29.03.2026 04:30')
    expect(new Date(fromLocalDateTime('2026-10-25 03:30', TZ)!).toISOString()).toBe('2026-10-25T01:30:00.000Z')
  })

  it('refuses what is not a calendar date and time', () => {
    expect(fromLocalDateTime('2026-02-30 10:00', TZ)).toBeNull()
    expect(fromLocalDateTime('2026-06-15', TZ)).toBeNull()
    expect(fromLocalDateTime('', TZ)).toBeNull()
    expect(fromLocalDateTime(null, TZ)).toBeNull()
    expect(toLocalDateTime(null, TZ)).toBeNull()
  })
})
