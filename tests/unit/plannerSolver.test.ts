import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type PlannerInstance, parseInstance, parseInstanceText, toMinutes } from '@shared/planner/instance'
import { PLANNER_WEIGHTS, type Plan, solve } from '@shared/planner/solver'
import { type Place, straightLineTravel } from '@shared/planner/travel'
import { randomInstance } from '../support/plannerInstances'

const parse = (input: unknown): PlannerInstance => {
  const r = parseInstance(input)
  if (!r.ok) throw new Error(`${r.path}: ${r.message}`)
  return r.instance
}

/** Checks a plan against its instance without the solver's code: every rule the issue lists. */
function assertFeasible(inst: PlannerInstance, plan: Plan): void {
  const line = straightLineTravel(inst.travel)
  const lockedPlaces = new Set(inst.jobs.filter((j) => j.fixed).map((j) => j.place ?? j.id))
  // The way to or from an existing appointment whose place is unknown counts as none.
  const travel = {
    leg: (a: Place, b: Place) => line.leg(a, b) ?? (lockedPlaces.has(a.id) || lockedPlaces.has(b.id) ? { minutes: 0, km: 0 } : null)
  }
  const jobs = new Map(inst.jobs.map((j) => [j.id, j]))
  const techs = new Map(inst.technicians.map((t) => [t.id, t]))
  const seen = new Map<string, number>()
  const count = (id: string) => seen.set(id, (seen.get(id) ?? 0) + 1)
  for (const route of plan.routes) {
    const tech = techs.get(route.technicianId)!
    const shift = tech.shifts.find((s) => s.date === route.date)!
    expect(shift, `${tech.id} works on ${route.date}`).toBeDefined()
    expect(tech.holidays).not.toContain(route.date)
    expect(inst.holidays).not.toContain(route.date)
    const shiftStart = toMinutes(`${route.date}T${shift.start}`)
    const limit = toMinutes(`${route.date}T${shift.end}`) + tech.maxOvertimeMinutes
    const breaks = shift.breaks.map((b) => [toMinutes(`${route.date}T${b.start}`), toMinutes(`${route.date}T${b.end}`)] as const)
    const home = { id: tech.place ?? `base:${tech.id}`, point: tech.home }
    let prev = home
    let free = shiftStart
    let movableSinceLocked = false
    for (const stop of route.stops) {
      count(stop.jobId)
      const job = jobs.get(stop.jobId)!
      const here = { id: job.place ?? job.id, point: job.location }
      const leg = travel.leg(prev, here)!
      expect(leg, `a known way to ${job.id}`).not.toBeNull()
      expect(stop.travelMinutes).toBe(leg.minutes)
      const [depart, arrival, start, end] = [stop.depart, stop.arrival, stop.start, stop.end].map(toMinutes) as [
        number,
        number,
        number,
        number
      ]
      expect(end - start).toBe(job.durationMinutes)
      if (job.fixed) {
        // Locked: untouched, on its own technician.
        expect(route.technicianId).toBe(job.fixed.technicianId)
        expect(stop.start).toBe(job.fixed.start)
        if (movableSinceLocked) expect(free + leg.minutes).toBeLessThanOrEqual(start)
        movableSinceLocked = false
        free = Math.max(free, end)
      } else {
        for (const s of job.skills) expect(tech.skills).toContain(s)
        // No overlaps, travel included: leaves after the previous job, drives, then works.
        expect(depart).toBeGreaterThanOrEqual(free)
        expect(arrival - depart).toBe(leg.minutes)
        expect(start).toBeGreaterThanOrEqual(arrival)
        expect(end).toBeLessThanOrEqual(limit)
        for (const [b0, b1] of breaks) expect(depart >= b1 || end <= b0, `${job.id} keeps the break`).toBe(true)
        if (job.window) {
          expect(start).toBeGreaterThanOrEqual(toMinutes(job.window.from))
          if (job.window.hard) expect(start).toBeLessThanOrEqual(toMinutes(job.window.to))
        }
        movableSinceLocked = true
        free = end
      }
      prev = here
    }
    // Nothing planned over booked work, wherever the booked work sits in the route (its drive there included).
    for (const stop of route.stops.filter((x) => !jobs.get(x.jobId)!.fixed))
      for (const booked of route.stops.filter((x) => jobs.get(x.jobId)!.fixed))
        expect(
          toMinutes(stop.end) <= toMinutes(booked.start) || toMinutes(stop.depart) >= toMinutes(booked.end),
          `${stop.jobId} ${stop.depart}–${stop.end} clear of ${booked.jobId} ${booked.start}–${booked.end}`
        ).toBe(true)
    const back = travel.leg(prev, home)!
    expect(route.returnTravel.minutes).toBe(back.minutes)
    if (movableSinceLocked) expect(free + back.minutes).toBeLessThanOrEqual(limit)
  }
  for (const u of plan.unplanned) count(u.jobId)
  for (const w of plan.warnings) if (w.code === 'FIXED_OUTSIDE_SHIFT') count(w.jobId)
  for (const j of inst.jobs) {
    expect(seen.get(j.id), `${j.id} is planned, locked or unplanned exactly once`).toBe(1)
    expect(plan.reasons[j.id]?.length, `${j.id} has reasons`).toBeGreaterThan(0)
  }
}

const withoutTiming = (p: Plan) => ({ ...p, stats: { ...p.stats, durationMs: 0 } })

describe('planner solver', () => {
  it('plans every random instance feasibly, awkward input included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 1, max: 2 }),
        (seed, technicians, jobs, days) => {
          const inst = parse(randomInstance(seed, { technicians, jobs, days, awkward: true, breaks: seed % 2 === 0 }))
          assertFeasible(inst, solve(inst, { seed, iterations: 20, seconds: 60 }))
        }
      ),
      { numRuns: 40, seed: 19 }
    )
  })

  it('gives the same plan for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const inst = parse(randomInstance(seed, { technicians: 3, jobs: 12, days: 1, awkward: true, breaks: true }))
        expect(withoutTiming(solve(inst, { seed, iterations: 40, seconds: 60 }))).toEqual(
          withoutTiming(solve(inst, { seed, iterations: 40, seconds: 60 }))
        )
      }),
      { numRuns: 10, seed: 7 }
    )
  })

  it('answers bad input with reasons instead of throwing', () => {
    const day = '2026-12-07'
    const inst = parse({
      version: 1,
      technicians: [
        { id: 'mari', skills: ['hvac'], home: { lat: 59.437, lon: 24.7536 }, shifts: [{ date: day, start: '08:00', end: '16:00' }] }
      ],
      jobs: [
        { id: 'crane', durationMinutes: 60, skills: ['crane'], location: { lat: 59.43, lon: 24.8 } },
        { id: 'inverted', durationMinutes: 30, location: { lat: 59.43, lon: 24.8 }, window: { from: `${day}T12:00`, to: `${day}T10:00` } },
        { id: 'nowhere', durationMinutes: 30, location: null },
        {
          id: 'weekend',
          durationMinutes: 30,
          location: { lat: 59.43, lon: 24.8 },
          window: { from: '2026-12-12T09:00', to: '2026-12-12T12:00', hard: true }
        },
        { id: 'ok', durationMinutes: 30, location: { lat: 59.43, lon: 24.8 }, deadline: `${day}T09:00`, priority: 'high' }
      ]
    })
    const plan = solve(inst, { iterations: 10 })
    expect(Object.fromEntries(plan.unplanned.map((u) => [u.jobId, u.code]))).toEqual({
      crane: 'NO_QUALIFIED_TECHNICIAN',
      inverted: 'WINDOW_INVERTED',
      nowhere: 'NO_LOCATION',
      weekend: 'NO_SHIFT'
    })
    expect(plan.objective.unplanned).toBe(4)
    const ok = plan.reasons.ok!
    expect(ok.map((r) => r.code)).toEqual(['ASSIGNED', 'QUALIFIED_TECHNICIANS', 'CLOSEST_QUALIFIED', 'FROM_PREVIOUS', 'DEADLINE_MET'])
    expect(ok[3]!.params).toMatchObject({ from: null, minutes: plan.routes[0]!.stops[0]!.travelMinutes })

    const empty = solve(parse({ version: 1, technicians: [], jobs: [{ id: 'x', durationMinutes: 10, location: { lat: 59, lon: 24 } }] }))
    expect(empty.unplanned).toEqual([{ jobId: 'x', code: 'NO_TECHNICIANS', params: {} }])
    expect(empty.stats.stoppedBy).toBe('nothing-to-do')
  })

  it('plans the urgent job first when there is room for one, and leaves the other with NO_ROOM', () => {
    const day = '2026-12-07'
    const at = { lat: 59.43, lon: 24.8 }
    const plan = solve(
      parse({
        version: 1,
        technicians: [{ id: 'mari', home: at, shifts: [{ date: day, start: '08:00', end: '10:00' }] }],
        jobs: [
          { id: 'low', durationMinutes: 90, location: at, deadline: `${day}T10:00`, priority: 'low' },
          { id: 'high', durationMinutes: 90, location: at, deadline: `${day}T10:00`, priority: 'high' }
        ]
      }),
      { iterations: 10 }
    )
    expect(plan.routes[0]!.stops.map((s) => s.jobId)).toEqual(['high'])
    expect(plan.unplanned).toEqual([{ jobId: 'low', code: 'NO_ROOM', params: { technicianDays: 1 } }])
    expect(plan.objective).toMatchObject({ missedDeadlines: 1, missedDeadlineWeight: 1, unplanned: 1, travelMinutes: 0 })
  })

  it('says when a technician waits for the requested window and when a deadline is missed', () => {
    const day = '2026-12-07'
    const at = { lat: 59.43, lon: 24.8 }
    const plan = solve(
      parse({
        version: 1,
        technicians: [{ id: 'mari', home: at, shifts: [{ date: day, start: '08:00', end: '16:00' }] }],
        jobs: [
          { id: 'later', durationMinutes: 60, location: at, window: { from: `${day}T10:00`, to: `${day}T11:00` } },
          {
            id: 'urgent',
            durationMinutes: 30,
            location: at,
            window: { from: `${day}T09:00`, to: `${day}T09:30`, hard: true },
            deadline: `${day}T08:30`
          }
        ]
      }),
      { iterations: 10 }
    )
    expect(plan.reasons.urgent).toContainEqual({ code: 'DEADLINE_MISSED', params: { deadline: `${day}T08:30`, lateMinutes: 30 } })
    expect(plan.reasons.later).toContainEqual({ code: 'WAITS_FOR_WINDOW', params: { from: `${day}T10:00`, minutes: 30 } })
    expect(plan.reasons.later).toContainEqual({ code: 'FROM_PREVIOUS', params: { from: 'urgent', minutes: 0, km: 0 } })
  })

  it('keeps locked jobs where they are and plans around them, breaks included', () => {
    const day = '2026-12-07'
    const at = { lat: 59.43, lon: 24.8 }
    const plan = solve(
      parse({
        version: 1,
        technicians: [
          { id: 'mari', home: at, shifts: [{ date: day, start: '08:00', end: '13:00', breaks: [{ start: '10:00', end: '10:30' }] }] }
        ],
        jobs: [
          { id: 'locked', durationMinutes: 60, location: at, fixed: { technicianId: 'mari', start: `${day}T08:30` } },
          { id: 'a', durationMinutes: 60, location: at },
          { id: 'b', durationMinutes: 60, location: at }
        ]
      }),
      { iterations: 20 }
    )
    const stops = plan.routes[0]!.stops.map((s) => [s.jobId, s.start.slice(11)])
    expect(stops).toContainEqual(['locked', '08:30'])
    expect(stops.filter(([id]) => id !== 'locked').map(([, t]) => t)).toEqual(['10:30', '11:30'])
  })

  it('plans overdue work however long ago its window closed: lateness never costs more than leaving it out', () => {
    // The scale-100 demo's tray (#19): windows that closed a year ago; 10 per late minute made planning dearer than
    // the unplanned weight after 69 days, so the whole tray was left "no room" beside idle technicians.
    const tallinn = { lat: 59.437, lon: 24.7536 }
    const inst = parse({
      version: 1,
      technicians: [{ id: 'mari', home: tallinn, shifts: [{ date: '2026-12-07', start: '08:00', end: '17:00' }] }],
      jobs: [
        { id: 'year', durationMinutes: 60, location: tallinn, window: { from: '2025-11-01T08:00', to: '2025-11-05T17:00' } },
        { id: 'week', durationMinutes: 60, location: tallinn, window: { from: '2026-11-25T08:00', to: '2026-11-30T17:00' } }
      ]
    })
    const plan = solve(inst, { seed: 1, iterations: 20 })
    assertFeasible(inst, plan)
    expect(plan.unplanned).toEqual([])
    expect(plan.reasons['year']!.map((r) => r.code)).toContain('WINDOW_LATE')
    expect(plan.objective.total).toBeLessThan(PLANNER_WEIGHTS.unplanned)
  })

  describe('booked work is blocked time, the drives to and from it included', () => {
    const day = '2026-12-07'
    const line = straightLineTravel({ roadFactor: 1.3, speedKmh: 60, overheadMinutes: 5 })
    const tallinn = { lat: 59.437, lon: 24.7536 }
    const keila = { lat: 59.3036, lon: 24.4131 }
    const drive = (a: typeof tallinn, b: typeof tallinn) => line.leg({ id: 'a', point: a }, { id: 'b', point: b })!.minutes
    const at = (wall: string) => toMinutes(wall)
    /** Mari lives in Tallinn; six hour-long jobs wait there; one booked visit is in Keila (about 30 minutes away). */
    const solveAround = (shift: { start: string; end: string }, booked: { start: string; minutes: number }) => {
      const inst = parse({
        version: 1,
        technicians: [{ id: 'mari', home: tallinn, shifts: [{ date: day, ...shift }] }],
        jobs: [
          {
            id: 'booked',
            durationMinutes: booked.minutes,
            location: keila,
            fixed: { technicianId: 'mari', start: `${day}T${booked.start}` }
          },
          ...Array.from({ length: 6 }, (_, n) => ({ id: `j${n}`, durationMinutes: 60, location: tallinn }))
        ]
      })
      const plan = solve(inst, { iterations: 30 })
      assertFeasible(inst, plan)
      expect(plan.warnings).toEqual([])
      const stops = plan.routes[0]!.stops
      const b = stops.find((x) => x.jobId === 'booked')!
      const [bStart, bEnd] = [at(b.start), at(b.end)]
      const planned = stops.filter((x) => !x.locked)
      for (const x of planned) {
        const [start, end] = [at(x.start), at(x.end)]
        // Done and driven to Keila before the booked visit, or started after it and the drive back.
        expect(end + drive(tallinn, keila) <= bStart || start >= bEnd + drive(keila, tallinn), `${x.jobId} ${x.start}–${x.end}`).toBe(true)
      }
      return { planned, bStart, bEnd }
    }

    it('a demo team-day with its colliding cards pinned: nothing planned over any of them', () => {
      // One team's Tuesday of the scale-100 demo (its plan made without travel, so its cards collide), with the
      // cards the first round could not place pinned where they are: the instance the worker's second round solves.
      const inst = parse(JSON.parse(readFileSync(new URL('../fixtures/planner/demo-team-day-pinned.json', import.meta.url), 'utf8')))
      expect(inst.jobs.filter((j) => j.fixed).length).toBeGreaterThan(5)
      assertFeasible(inst, solve(inst, { seed: 1, iterations: 100 }))
    })

    it('a teammate held by a far-away booked visit leaves the work to the free technician, and takes some after driving back', () => {
      // The demo's pattern (#19): a Tallinn technician booked in Tartu at 09:00 (out of reach, the board's conflict),
      // another free all day. Ten hour-long jobs wait in Tallinn and none is left over:
      // the booked one takes at most what fits once back from Tartu (13:10–17:00), nothing before the visit.
      const tartu = { lat: 58.378, lon: 26.729 }
      const inst = parse({
        version: 1,
        technicians: [
          { id: 'far', home: tallinn, shifts: [{ date: day, start: '08:00', end: '17:00' }] },
          { id: 'free', home: tallinn, shifts: [{ date: day, start: '08:00', end: '17:00' }] }
        ],
        jobs: [
          { id: 'booked', durationMinutes: 60, location: tartu, fixed: { technicianId: 'far', start: `${day}T09:00` } },
          ...Array.from({ length: 10 }, (_, n) => ({ id: `j${n}`, durationMinutes: 60, location: tallinn }))
        ]
      })
      const plan = solve(inst, { seed: 1, iterations: 50 })
      assertFeasible(inst, plan)
      expect(plan.unplanned).toEqual([])
      const route = (id: string) => plan.routes.find((r) => r.technicianId === id)
      const after = route('far')!.stops.filter((x) => !x.locked)
      expect(route('free')!.stops.length + after.length).toBe(10)
      expect(after.length).toBeLessThanOrEqual(3)
      for (const x of after) expect(at(x.start)).toBeGreaterThanOrEqual(at(`${day}T10:00`) + drive(tartu, tallinn))
    })

    it('in the middle of the day', () => {
      const { planned, bStart, bEnd } = solveAround({ start: '08:00', end: '17:00' }, { start: '12:00', minutes: 60 })
      expect(planned.some((x) => at(x.end) <= bStart)).toBe(true)
      expect(planned.some((x) => at(x.start) >= bEnd)).toBe(true)
      const after = planned.find((x) => at(x.start) >= bEnd)!
      expect(after.travelMinutes).toBe(drive(keila, tallinn))
    })

    it('begun before the shift (a day planned from now on) and running into it', () => {
      const { planned, bEnd } = solveAround({ start: '10:00', end: '17:00' }, { start: '09:00', minutes: 120 })
      expect(planned.length).toBeGreaterThan(0)
      expect(Math.min(...planned.map((x) => at(x.start)))).toBe(bEnd + drive(keila, tallinn))
    })

    it('booked after the shift: the day ends early enough to get there', () => {
      const { planned, bStart } = solveAround({ start: '08:00', end: '12:00' }, { start: '12:30', minutes: 60 })
      expect(planned.length).toBeGreaterThan(0)
      expect(Math.max(...planned.map((x) => at(x.end)))).toBeLessThanOrEqual(bStart - drive(tallinn, keila))
    })
  })

  it('refuses a malformed instance with the JSON path of the first error', () => {
    expect(parseInstanceText('{"version":1,')).toMatchObject({ ok: false, path: '$' })
    const bad = parseInstance({
      version: 1,
      technicians: [],
      jobs: [
        { id: 'a', durationMinutes: 30 },
        { id: 'b', durationMinutes: 30, window: { from: '2026-12-07 09:00', to: '2026-12-07T10:00' } }
      ]
    })
    expect(bad).toMatchObject({ ok: false, path: '$.jobs[1].window.from' })
    expect(
      parseInstance({
        version: 1,
        technicians: [],
        jobs: [
          { id: 'a', durationMinutes: 30 },
          { id: 'a', durationMinutes: 30 }
        ]
      })
    ).toMatchObject({
      ok: false,
      path: '$.jobs[1].id'
    })
  })
})
