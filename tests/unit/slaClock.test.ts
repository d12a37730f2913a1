import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from '../../src/shared/calendar'
import type { DayHours, WeekHours } from '../../src/shared/domain/masterdata'
import {
  badgeOf,
  type ClockInput,
  computeClock,
  formatMinutes,
  headlineTarget,
  SLA_TARGETS,
  type TargetClock
} from '../../src/shared/sla/clock'
import { fromLocalDateTime } from '../../src/shared/time'

const TLN = 'Europe/Tallinn'
const at = (text: string): number => fromLocalDateTime(text, TLN)!
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 16))

const closed: DayHours = { open: false, start: '08:00', end: '17:00' }
const open: DayHours = { open: true, start: '08:00', end: '17:00' }
const week: WeekHours = [open, open, open, open, open, closed, closed]
const calendar: BusinessCalendar = { timeZone: TLN, week, holidays: new Set(['2026-06-23', '2026-06-24']) }

// Monday 18 May 2026, 09:00 EEST. Response 1 h → 10:00, arrival 4 h → 13:00, resolution 16 h → Tuesday 16:00.
const START = at('2026-05-18 09:00')
const TARGETS = { response: 60, arrival: 240, resolution: 960 }

const clock = (over: Partial<ClockInput> = {}): ClockInput => ({
  calendar,
  startedAt: START,
  targets: TARGETS,
  pauses: [],
  metAt: {},
  cancelledAt: null,
  now: at('2026-05-18 09:30'),
  ...over
})
const byTarget = (clocks: TargetClock[]): Record<string, TargetClock> => Object.fromEntries(clocks.map((c) => [c.target, c]))

describe('running clocks', () => {
  it('computes deadlines in business time and consumption to now', () => {
    const c = byTarget(computeClock(clock()))
    expect(c.response).toEqual({
      target: 'response',
      minutes: 60,
      consumed: 30,
      remaining: 30,
      deadline: at('2026-05-18 10:00'),
      breachedAt: null,
      metAt: null,
      state: 'running'
    })
    expect(iso(c.arrival!.deadline)).toBe('2026-05-18T10:00')
    expect(c.arrival!.deadline).toBe(at('2026-05-18 13:00'))
    expect(c.resolution!.deadline).toBe(at('2026-05-19 16:00'))
  })

  it('lists measured targets only, in response, arrival, resolution order', () => {
    expect(computeClock(clock({ targets: { resolution: 960, response: 60 } })).map((c) => c.target)).toEqual(['response', 'resolution'])
    expect(computeClock(clock({ targets: {} }))).toEqual([])
  })

  it('breaches once the deadline has passed: breachedAt is the deadline, remaining goes negative', () => {
    const c = byTarget(computeClock(clock({ now: at('2026-05-18 11:00') })))
    expect(c.response).toMatchObject({ consumed: 120, remaining: -60, breachedAt: at('2026-05-18 10:00'), state: 'breached' })
    expect(c.arrival).toMatchObject({ consumed: 120, remaining: 120, breachedAt: null, state: 'running' })
  })

  it('is breached over nights and weekends although no business minute passes after Friday 17:00', () => {
    const friday = at('2026-05-22 16:00')
    const c = computeClock(clock({ startedAt: friday, targets: { response: 60 }, now: at('2026-05-23 10:00') }))[0]!
    expect(c).toMatchObject({
      consumed: 60,
      remaining: 0,
      deadline: at('2026-05-22 17:00'),
      breachedAt: at('2026-05-22 17:00'),
      state: 'breached'
    })
    const justDue = computeClock(clock({ startedAt: friday, targets: { response: 60 }, now: at('2026-05-22 17:00') }))[0]!
    expect(justDue).toMatchObject({ remaining: 0, state: 'running', breachedAt: null })
  })

  it('start outside working time: Friday 16:00 + 120 min is due Monday 09:00, a Saturday start counts from Monday 08:00', () => {
    expect(
      computeClock(clock({ startedAt: at('2026-05-22 16:00'), targets: { response: 120 }, now: at('2026-05-22 16:30') }))[0]!.deadline
    ).toBe(at('2026-05-25 09:00'))
    const saturday = computeClock(clock({ startedAt: at('2026-05-23 10:00'), targets: { response: 60 }, now: at('2026-05-25 08:15') }))[0]!
    expect(saturday).toMatchObject({ deadline: at('2026-05-25 09:00'), consumed: 15, state: 'running' })
  })

  it('skips holidays (23–24 June) in deadlines', () => {
    const c = computeClock(clock({ startedAt: at('2026-06-22 16:00'), targets: { resolution: 120 }, now: at('2026-06-22 16:00') }))[0]!
    expect(c.deadline).toBe(at('2026-06-25 09:00'))
  })

  it('counts a clock started in the future as nothing consumed yet', () => {
    const c = computeClock(clock({ now: at('2026-05-18 08:00') }))[0]!
    expect(c).toMatchObject({ consumed: 0, remaining: 60, state: 'running', deadline: at('2026-05-18 10:00') })
  })
})

describe('met targets', () => {
  it('met before the deadline is met, consumption frozen at metAt', () => {
    const c = byTarget(computeClock(clock({ metAt: { response: at('2026-05-18 09:45') }, now: at('2026-05-19 12:00') })))
    expect(c.response).toEqual({
      target: 'response',
      minutes: 60,
      consumed: 45,
      remaining: 15,
      deadline: at('2026-05-18 10:00'),
      breachedAt: null,
      metAt: at('2026-05-18 09:45'),
      state: 'met'
    })
  })

  it('met exactly at the deadline is on time', () => {
    expect(computeClock(clock({ metAt: { response: at('2026-05-18 10:00') }, now: at('2026-05-18 12:00') }))[0]!.state).toBe('met')
  })

  it('met after the deadline is state breached, with both metAt and breachedAt', () => {
    const c = computeClock(clock({ metAt: { response: at('2026-05-18 10:30') }, now: at('2026-05-18 12:00') }))[0]!
    expect(c).toMatchObject({
      state: 'breached',
      metAt: at('2026-05-18 10:30'),
      breachedAt: at('2026-05-18 10:00'),
      consumed: 90,
      remaining: -30
    })
  })

  it('ignores a metAt after now (reading the clock as of an earlier moment)', () => {
    const c = computeClock(clock({ metAt: { response: at('2026-05-18 09:45') }, now: at('2026-05-18 09:40') }))[0]!
    expect(c).toMatchObject({ state: 'running', metAt: null, consumed: 40 })
  })
})

describe('pauses', () => {
  it('a pause spanning a night moves the deadline by the business time it covers', () => {
    // Monday 16:00 → Tuesday 10:00 covers 1 h on Monday and 2 h on Tuesday.
    const pauses = [{ from: at('2026-05-18 16:00'), to: at('2026-05-19 10:00') }]
    const c = byTarget(computeClock(clock({ pauses, now: at('2026-05-20 09:00') })))
    expect(c.resolution).toMatchObject({ deadline: at('2026-05-20 10:00'), consumed: 900, remaining: 60, state: 'running' })
    expect(iso(c.resolution!.deadline)).toBe('2026-05-20T07:00')
  })

  it('open pause → deadline null and remaining frozen while paused; a breach before the pause stays', () => {
    const pauses = [{ from: at('2026-05-18 12:00'), to: null }]
    const tuesday = byTarget(computeClock(clock({ pauses, now: at('2026-05-19 12:00') })))
    const wednesday = byTarget(computeClock(clock({ pauses, now: at('2026-05-20 15:00') })))
    expect(tuesday.resolution).toMatchObject({ state: 'paused', deadline: null, consumed: 180, remaining: 780, breachedAt: null })
    expect(wednesday.resolution).toMatchObject({ state: 'paused', deadline: null, consumed: 180, remaining: 780 })
    expect(tuesday.arrival).toMatchObject({ state: 'paused', deadline: null, remaining: 60 })
    expect(tuesday.response).toMatchObject({ state: 'breached', deadline: at('2026-05-18 10:00'), breachedAt: at('2026-05-18 10:00') })
  })

  it('a pause whose end is still in the future counts as paused now', () => {
    const pauses = [{ from: at('2026-05-18 12:00'), to: at('2026-05-25 08:00') }]
    const c = byTarget(computeClock(clock({ pauses, now: at('2026-05-19 12:00') })))
    expect(c.resolution).toMatchObject({ state: 'paused', deadline: null, consumed: 180 })
  })

  it('resuming restarts the clock with the paused time added to the deadline', () => {
    const pauses = [{ from: at('2026-05-18 12:00'), to: at('2026-05-19 12:00') }]
    const c = byTarget(computeClock(clock({ pauses, now: at('2026-05-19 13:00') })))
    expect(c.arrival).toMatchObject({ state: 'running', deadline: at('2026-05-19 13:00'), consumed: 240, remaining: 0 })
    expect(c.resolution).toMatchObject({ state: 'running', deadline: at('2026-05-20 16:00'), consumed: 240 })
  })

  it('a pause that starts before startedAt is clipped; one entirely before it has no effect', () => {
    const clipped = computeClock(
      clock({ pauses: [{ from: at('2026-05-18 07:00'), to: at('2026-05-18 09:30') }], now: at('2026-05-18 10:00') })
    )[0]!
    expect(clipped).toMatchObject({ deadline: at('2026-05-18 10:30'), consumed: 30, state: 'running' })
    const before = computeClock(
      clock({ pauses: [{ from: at('2026-05-15 09:00'), to: at('2026-05-15 12:00') }], now: at('2026-05-18 10:00') })
    )[0]!
    expect(before).toMatchObject({ deadline: at('2026-05-18 10:00'), consumed: 60, state: 'running' })
  })

  it('ignores a pause that starts after now', () => {
    const c = computeClock(clock({ pauses: [{ from: at('2026-05-18 09:40'), to: null }], now: at('2026-05-18 09:30') }))[0]!
    expect(c).toMatchObject({ state: 'running', deadline: at('2026-05-18 10:00'), consumed: 30 })
  })

  it('met while paused: the deadline is where it stood, as if the clock had resumed at metAt', () => {
    const pauses = [{ from: at('2026-05-18 09:30'), to: null }]
    const c = computeClock(clock({ pauses, metAt: { response: at('2026-05-19 11:00') }, now: at('2026-05-19 12:00') }))[0]!
    expect(c).toMatchObject({ state: 'met', consumed: 30, remaining: 30, deadline: at('2026-05-19 11:30'), breachedAt: null })
  })

  it('pauses after a target was met do not move its deadline', () => {
    const pauses = [{ from: at('2026-05-18 09:50'), to: null }]
    const c = computeClock(clock({ pauses, metAt: { response: at('2026-05-18 09:45') }, now: at('2026-05-18 12:00') }))[0]!
    expect(c).toMatchObject({ state: 'met', deadline: at('2026-05-18 10:00') })
  })
})

describe('cancelled', () => {
  it('cancelled stops every unmet clock; a breach before it stays recorded, a met target stays met', () => {
    const c = byTarget(
      computeClock(clock({ metAt: { arrival: at('2026-05-18 11:00') }, cancelledAt: at('2026-05-18 12:00'), now: at('2026-05-20 12:00') }))
    )
    expect(c.response).toMatchObject({ state: 'cancelled', consumed: 180, breachedAt: at('2026-05-18 10:00') })
    expect(c.arrival).toMatchObject({ state: 'met', consumed: 120 })
    expect(c.resolution).toMatchObject({
      state: 'cancelled',
      consumed: 180,
      remaining: 780,
      breachedAt: null,
      deadline: at('2026-05-19 16:00')
    })
  })

  it('cancelled while paused keeps a deadline', () => {
    const pauses = [{ from: at('2026-05-18 10:00'), to: null }]
    const c = byTarget(computeClock(clock({ pauses, cancelledAt: at('2026-05-19 10:00'), now: at('2026-05-20 12:00') })))
    expect(c.resolution).toMatchObject({ state: 'cancelled', consumed: 60, deadline: at('2026-05-20 16:00') })
  })

  it('a cancel after now is not known yet', () => {
    expect(computeClock(clock({ cancelledAt: at('2026-05-18 12:00') }))[0]!.state).toBe('running')
  })
})

describe('priority change', () => {
  it('priority change recomputation: the same history with new targets gives new deadlines and states', () => {
    const history = clock({ pauses: [{ from: at('2026-05-18 09:30'), to: at('2026-05-18 09:45') }], now: at('2026-05-18 11:00') })
    const urgent = byTarget(computeClock(history))
    expect(urgent.response).toMatchObject({ state: 'breached', deadline: at('2026-05-18 10:15') })
    const relaxed = byTarget(computeClock({ ...history, targets: { response: 240, resolution: 1920 } }))
    expect(relaxed.response).toMatchObject({
      state: 'running',
      deadline: at('2026-05-18 13:15'),
      consumed: 105,
      remaining: 135,
      breachedAt: null
    })
    // 32 h + the 15 min pause: Monday 7 h 45 min, Tuesday 9 h, Wednesday 9 h, Thursday 08:00 + 6 h 15 min.
    expect(relaxed.resolution!.deadline).toBe(at('2026-05-21 14:15'))
    expect(relaxed.arrival).toBeUndefined()
  })
})

describe('badges and headline', () => {
  const base: TargetClock = {
    target: 'response',
    minutes: 60,
    consumed: 0,
    remaining: 60,
    deadline: 0,
    breachedAt: null,
    metAt: null,
    state: 'running'
  }

  it('badgeOf: atRisk when running within the margin, otherwise the state', () => {
    expect(badgeOf({ ...base, remaining: 30 }, 30)).toBe('atRisk')
    expect(badgeOf({ ...base, remaining: 31 }, 30)).toBe('ok')
    expect(badgeOf({ ...base, remaining: 0 }, 0)).toBe('atRisk')
    expect(badgeOf({ ...base, remaining: 10, state: 'paused' }, 30)).toBe('paused')
    expect(badgeOf({ ...base, state: 'met' }, 30)).toBe('met')
    expect(badgeOf({ ...base, state: 'breached' }, 30)).toBe('breached')
    expect(badgeOf({ ...base, state: 'cancelled' }, 30)).toBe('cancelled')
  })

  it('headlineTarget: the first target not met, met late counts as done, else resolution', () => {
    const clocks = computeClock(clock({ now: at('2026-05-18 12:00') }))
    expect(headlineTarget(clocks)!.target).toBe('response')
    const responded = computeClock(clock({ metAt: { response: at('2026-05-18 10:30') }, now: at('2026-05-18 12:00') }))
    expect(headlineTarget(responded)!.target).toBe('arrival')
    const allMet = computeClock(clock({ metAt: { response: START, arrival: START, resolution: START }, now: at('2026-05-18 12:00') }))
    expect(headlineTarget([...allMet].reverse())!.target).toBe('resolution')
    expect(headlineTarget(allMet.slice(0, 2))!.target).toBe('arrival')
    expect(headlineTarget([...clocks].reverse())!.target).toBe('response')
    expect(headlineTarget([])).toBeNull()
  })
})

describe('formatMinutes', () => {
  it('formats minutes, hours and days, negative with a minus', () => {
    expect(formatMinutes(0)).toBe('0 min')
    expect(formatMinutes(45)).toBe('45 min')
    expect(formatMinutes(60)).toBe('1 h')
    expect(formatMinutes(135)).toBe('2 h 15 min')
    expect(formatMinutes(1440)).toBe('1 d')
    expect(formatMinutes(3 * 1440 + 4 * 60 + 59)).toBe('3 d 4 h')
    expect(formatMinutes(-65)).toBe('-1 h 5 min')
    expect(formatMinutes(-3 * 1440)).toBe('-3 d')
  })

  it('rounds to whole minutes without a negative zero', () => {
    expect(formatMinutes(59.6)).toBe('1 h')
    expect(formatMinutes(-0.2)).toBe('0 min')
    expect(formatMinutes(0.5)).toBe('1 min')
  })

  it('counts business days when given the length of one', () => {
    expect(formatMinutes(1080, 540)).toBe('2 d')
    expect(formatMinutes(600, 540)).toBe('1 d 1 h')
  })
})

describe('a zero-minute target', () => {
  it('has no deadline while a pause that began at its start runs (found by the property below)', () => {
    const c = byTarget(computeClock(clock({ targets: { response: 0 }, pauses: [{ from: START, to: START + 3_600_000 }], now: START })))
    expect(c.response).toMatchObject({ state: 'paused', deadline: null, breachedAt: null, remaining: 0 })
  })
})

describe('properties (fast-check)', () => {
  const hour = 3_600_000
  const pauseArb = fc.tuple(fc.integer({ min: -48, max: 400 }), fc.integer({ min: 1, max: 100 }), fc.boolean())

  it('consumed + remaining = minutes, breached exactly when the deadline passed, deadline consistent with consumption', () => {
    fc.assert(
      fc.property(
        fc.record({ response: fc.integer({ min: 0, max: 600 }), resolution: fc.integer({ min: 0, max: 6000 }) }),
        fc.array(pauseArb, { maxLength: 3 }),
        fc.integer({ min: 0, max: 500 }),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        (targets, rawPauses, nowH, metH) => {
          const pauses = rawPauses.map(([f, len, open]) => ({ from: START + f * hour, to: open ? null : START + (f + len) * hour }))
          const input = clock({
            targets,
            pauses,
            now: START + nowH * hour,
            metAt: metH === undefined ? {} : { resolution: START + metH * hour }
          })
          for (const c of computeClock(input)) {
            expect(c.consumed + c.remaining).toBe(c.minutes)
            expect(c.consumed).toBeGreaterThanOrEqual(0)
            if (c.breachedAt !== null) expect(c.breachedAt).toBe(c.deadline)
            if (c.state === 'breached') expect(c.breachedAt).not.toBeNull()
            if (c.state === 'met') expect(c.remaining).toBeGreaterThanOrEqual(0)
            if (c.deadline !== null && c.breachedAt === null) expect(c.remaining).toBeGreaterThanOrEqual(0)
            if (c.state === 'paused') expect(c.deadline).toBeNull()
            if (c.state === 'running' && c.deadline !== null) {
              // Running: what is left is exactly the business time from now to the deadline.
              const ex = pauses.filter((p) => p.from <= input.now).map((p) => [Math.max(p.from, START), p.to ?? Infinity] as const)
              expect(businessMinutesBetween(calendar, input.now, c.deadline, ex)).toBeCloseTo(c.remaining, 9)
              expect(addBusinessMinutes(calendar, START, c.minutes, ex)).toBe(c.deadline)
            }
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('SLA_TARGETS order is response, arrival, resolution', () => {
    expect(SLA_TARGETS).toEqual(['response', 'arrival', 'resolution'])
  })
})
