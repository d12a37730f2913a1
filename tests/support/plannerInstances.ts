import type { PlannerInstanceInput } from '@shared/planner/instance'

/** A small seeded generator (tests and benches must not depend on Math.random). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface RandomInstanceOptions {
  technicians: number
  jobs: number
  /** Consecutive working days from 2026-12-07 (a Monday). */
  days: number
  /** Also make the awkward cases: missing coordinates, inverted windows, unknown skills, locked jobs, breaks, holidays. */
  awkward?: boolean
  /** Lunch breaks in the shifts. */
  breaks?: boolean
}

const SKILLS = ['hvac', 'electric', 'gas']
const pad = (n: number) => String(n).padStart(2, '0')
const clock = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`
const dateOf = (d: number) => `2026-12-${pad(7 + d)}`

/** Jobs and technicians around Harju county (about 60 × 40 km), as a shop in Tallinn would have. */
export function randomInstance(seed: number, o: RandomInstanceOptions): PlannerInstanceInput {
  const r = rng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1))
  const where = () => ({ lat: 59.2 + r() * 0.4, lon: 24.4 + r() * 1.0 })
  const technicians = Array.from({ length: o.technicians }, (_, t) => ({
    id: `T${t + 1}`,
    skills: SKILLS.filter(() => r() < 0.6),
    home: where(),
    shifts: Array.from({ length: o.days }, (_, d) => ({
      date: dateOf(d),
      start: '08:00',
      end: '16:30',
      breaks: o.breaks ? [{ start: '12:00', end: '12:30' }] : []
    })),
    holidays: o.awkward && r() < 0.2 ? [dateOf(int(0, o.days - 1))] : [],
    maxOvertimeMinutes: r() < 0.5 ? 60 : 0
  }))
  const jobs = Array.from({ length: o.jobs }, (_, j) => {
    const day = int(0, o.days - 1)
    const from = int(8 * 60, 14 * 60)
    const windowed = r() < 0.4
    const inverted = o.awkward && r() < 0.05
    const job: PlannerInstanceInput['jobs'][number] = {
      id: `J${j + 1}`,
      durationMinutes: 15 * int(2, 8),
      skills: r() < 0.5 ? [SKILLS[int(0, 2)]!] : [],
      location: o.awkward && r() < 0.05 ? null : where(),
      priority: (['high', 'normal', 'low'] as const)[int(0, 2)]!,
      window:
        windowed || inverted
          ? {
              from: `${dateOf(day)}T${clock(from)}`,
              to: `${dateOf(day)}T${clock(inverted ? from - 60 : from + int(60, 180))}`,
              hard: r() < 0.3
            }
          : null,
      deadline: r() < 0.3 ? `${dateOf(day)}T${clock(int(10 * 60, 16 * 60))}` : null
    }
    if (o.awkward && r() < 0.05) job.skills = ['crane']
    if (o.awkward && technicians.length && r() < 0.1) {
      job.fixed = { technicianId: technicians[int(0, technicians.length - 1)]!.id, start: `${dateOf(day)}T${clock(int(8 * 60, 15 * 60))}` }
    }
    return job
  })
  return { version: 1, technicians, jobs }
}
