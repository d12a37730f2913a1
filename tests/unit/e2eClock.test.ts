import { describe, expect, it } from 'vitest'
import { workingDayTime } from '../../e2e/support/clock'

const tallinn = (iso: string) => Date.parse(iso)

describe("the e2e specs' working-day clock", () => {
  it('is 10:00 in Tallinn on the same weekday once that has passed', () => {
    // Wednesday 2026-12-02 14:30 in Tallinn (UTC+2).
    expect(workingDayTime(tallinn('2026-12-02T14:30:00+02:00'))).toBe(tallinn('2026-12-02T10:00:00+02:00'))
    expect(workingDayTime(tallinn('2026-12-02T10:00:00+02:00'))).toBe(tallinn('2026-12-02T10:00:00+02:00'))
  })

  it('at night and before 10:00 is the previous working day, never ahead of the wall clock', () => {
    expect(workingDayTime(tallinn('2026-12-03T03:00:00+02:00'))).toBe(tallinn('2026-12-02T10:00:00+02:00'))
    // Monday 00:30 in Tallinn is still Sunday in UTC: the shop's calendar counts, so Friday.
    expect(workingDayTime(tallinn('2026-12-07T00:30:00+02:00'))).toBe(tallinn('2026-12-04T10:00:00+02:00'))
  })

  it('on a weekend is the Friday before', () => {
    expect(workingDayTime(tallinn('2026-12-05T13:00:00+02:00'))).toBe(tallinn('2026-12-04T10:00:00+02:00'))
    expect(workingDayTime(tallinn('2026-12-06T23:59:00+02:00'))).toBe(tallinn('2026-12-04T10:00:00+02:00'))
  })

  it('keeps 10:00 local across a daylight-saving change (summer time: UTC+3)', () => {
    // Monday 2026-03-30, the day after the spring change.
    expect(workingDayTime(tallinn('2026-03-30T12:00:00+03:00'))).toBe(tallinn('2026-03-30T10:00:00+03:00'))
    expect(workingDayTime(tallinn('2026-03-30T08:00:00+03:00'))).toBe(tallinn('2026-03-27T10:00:00+02:00'))
  })
})
