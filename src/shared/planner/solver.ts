import type { Priority } from '../domain/orders'
import { type PlannerInstance, fromMinutes, toMinutes, dayNumber, clockMinutes } from './instance'
import { type GeoPoint, type Leg, type Place, type TravelModel, matrixTravel, straightLineTravel } from './travel'

/**
 * The planner's solver (ADR 0020): regret-2 insertion, then local search (relocate, swap, 2-opt) and seeded
 * ruin-and-recreate, minimising one weighted sum whose weights make it lexicographic in practice: missed SLA
 * deadlines (by priority), jobs left unplanned, lateness against requested windows, travel, overtime.
 * Deterministic for a seed as long as the iteration budget, not the time box, ends the search.
 */

export const PLANNER_WEIGHTS = {
  /** Per missed SLA deadline, times the priority weight. */
  missedDeadline: 10_000_000,
  /** Per job left unplanned. */
  unplanned: 1_000_000,
  /** Per minute started after the requested window's end. */
  latenessMinute: 10,
  /** Per minute of driving. */
  travelMinute: 2,
  /** Per minute worked past the shift's end. */
  overtimeMinute: 1
} as const

/**
 * Lateness counts up to 30 days per job (432,000 at 10 a minute), below the unplanned weight: overdue work whose
 * window closed long ago is still better planned than left out, and among such jobs travel decides.
 */
export const LATENESS_CAP_MINUTES = 30 * 1440

const latenessCost = (minutes: number): number => PLANNER_WEIGHTS.latenessMinute * Math.min(minutes, LATENESS_CAP_MINUTES)

export const PRIORITY_WEIGHT: Record<Priority, number> = { high: 3, normal: 2, low: 1 }

/** Why a job was left unplanned, in the order the planner checks them. */
export const UNPLANNED_CODES = [
  'NO_TECHNICIANS',
  'WINDOW_INVERTED',
  'NO_LOCATION',
  'NO_QUALIFIED_TECHNICIAN',
  'NO_SHIFT',
  'NO_ROOM'
] as const
export type UnplannedCode = (typeof UNPLANNED_CODES)[number]

export type ReasonCode =
  | 'LOCKED'
  | 'ASSIGNED'
  | 'QUALIFIED_TECHNICIANS'
  | 'CLOSEST_QUALIFIED'
  | 'FROM_PREVIOUS'
  | 'DEADLINE_MET'
  | 'DEADLINE_MISSED'
  | 'WINDOW_KEPT'
  | 'WINDOW_LATE'
  | 'WAITS_FOR_WINDOW'
  | UnplannedCode

export interface Reason {
  code: ReasonCode
  params: Record<string, string | number | null | string[]>
}

export interface PlanStop {
  jobId: string
  locked: boolean
  /** Where the job is, for the map; null when only the matrix knows the place. */
  point: GeoPoint | null
  /** Leaves the previous place (home base or job) at `depart`, arrives at `arrival`, may wait until `start`. */
  depart: string
  arrival: string
  start: string
  end: string
  travelMinutes: number
  travelKm: number
}

export interface PlanRoute {
  technicianId: string
  date: string
  shift: { start: string; end: string }
  home: GeoPoint | null
  leave: string
  back: string
  stops: PlanStop[]
  returnTravel: Leg
  travelMinutes: number
  travelKm: number
  overtimeMinutes: number
}

export interface ObjectiveParts {
  total: number
  missedDeadlines: number
  missedDeadlineWeight: number
  unplanned: number
  latenessMinutes: number
  travelMinutes: number
  travelKm: number
  overtimeMinutes: number
}

export interface Plan {
  seed: number
  routes: PlanRoute[]
  unplanned: { jobId: string; code: UnplannedCode; params: Reason['params'] }[]
  objective: ObjectiveParts
  weights: typeof PLANNER_WEIGHTS
  /** Every job's reasons, planned or not. */
  reasons: Record<string, Reason[]>
  /** Existing appointments the planner could not place in a route (no shift that day, or they overlap). */
  warnings: { code: 'FIXED_OUTSIDE_SHIFT' | 'FIXED_CONFLICT'; jobId: string }[]
  stats: { iterations: number; stoppedBy: 'iterations' | 'time' | 'nothing-to-do'; durationMs: number }
}

export interface SolveOptions {
  seed?: number
  /** Safety cap on the search; when it ends the search, the result depends on the machine's speed. */
  seconds?: number
  /** Ruin-and-recreate rounds after the first local optimum: the deterministic stop rule. */
  iterations?: number
  /** Clock for the time box (tests pass a fake). */
  now?: () => number
  /** Called after every ruin-and-recreate round with the rounds done and planned (the app's progress bar). */
  onProgress?: (done: number, total: number) => void
}

/* ---------- the model the search works on ---------- */

interface Job {
  id: string
  dur: number
  place: number
  from: number // -Infinity when no window
  to: number // +Infinity when no window
  hard: boolean
  deadline: number // +Infinity when none
  weight: number
  fixedStart: number // NaN unless locked
  fixedRank: number // a locked job's place among all locked jobs in the board's order (start, then end); NaN unless locked
  excluded: UnplannedCode | null
  cands: number[] // route indexes
}

interface Route {
  tech: number
  date: string
  start: number
  end: number
  limit: number // end + max overtime
  breaks: [number, number][]
  base: number
  seq: number[]
  cost: number
}

/** One stop of an evaluated route; j = -1 is the way home. */
interface Timed {
  j: number
  /** When the technician could have arrived, had they left as soon as they were free. */
  ready: number
  depart: number
  arrival: number
  start: number
  end: number
  leg: number
}

interface Tech {
  id: string
  skills: Set<string>
  place: number
  home: GeoPoint | null
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const UNKNOWN = -1

class Model {
  readonly jobs: Job[] = []
  readonly techs: Tech[] = []
  readonly routes: Route[] = []
  readonly places: Place[] = []
  readonly warnings: Plan['warnings'] = []
  private readonly placeIndex = new Map<string, number>()
  private readonly travel: TravelModel
  private readonly dense: Int32Array | null
  private readonly denseKm: Float32Array | null
  private readonly sparse = new Map<number, number>()
  private readonly kmCache = new Map<number, number>()
  private readonly lockedPlaces = new Set<number>()
  private readonly P: number
  /** Where each job is: route index, or -1. */
  readonly routeOf: Int32Array

  constructor(readonly inst: PlannerInstance) {
    const line = straightLineTravel(inst.travel)
    this.travel = inst.matrix ? matrixTravel(inst.matrix, line) : line
    const publicHolidays = new Set(inst.holidays)
    inst.technicians.forEach((t) => {
      this.techs.push({ id: t.id, skills: new Set(t.skills), place: this.placeOf(t.place ?? `base:${t.id}`, t.home), home: t.home })
    })
    inst.jobs.forEach((j) => {
      const win = j.window
      this.jobs.push({
        id: j.id,
        dur: j.durationMinutes,
        place: this.placeOf(j.place ?? j.id, j.location),
        from: win ? toMinutes(win.from) : -Infinity,
        to: win ? toMinutes(win.to) : Infinity,
        hard: win?.hard ?? false,
        deadline: j.deadline ? toMinutes(j.deadline) : Infinity,
        weight: PRIORITY_WEIGHT[j.priority],
        fixedStart: j.fixed ? toMinutes(j.fixed.start) : NaN,
        fixedRank: NaN,
        excluded: null,
        cands: []
      })
    })
    this.jobs.forEach((job) => {
      if (!Number.isNaN(job.fixedStart)) this.lockedPlaces.add(job.place)
    })
    const P = (this.P = this.places.length)
    this.dense = P <= 2500 ? new Int32Array(P * P).fill(-2) : null
    this.denseKm = this.dense ? new Float32Array(P * P) : null
    this.routeOf = new Int32Array(this.jobs.length).fill(-1)

    inst.technicians.forEach((t, ti) => {
      const off = new Set(t.holidays)
      const shifts = t.shifts.filter((s) => !off.has(s.date) && !publicHolidays.has(s.date) && clockMinutes(s.end) > clockMinutes(s.start))
      // A technician's day is one route, home to home: two shifts on one date are one route with the time between
      // them as a break, so that booked work reaching from one into the other blocks both.
      const byDate = new Map<string, Route>()
      for (const s of [...shifts].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))) {
        const day = dayNumber(s.date) * 1440
        const start = day + clockMinutes(s.start)
        const end = day + clockMinutes(s.end)
        const breaks = s.breaks
          .map((b): [number, number] => [day + clockMinutes(b.start), day + clockMinutes(b.end)])
          .filter(([a, b]) => b > a)
        const same = byDate.get(s.date)
        if (same) {
          if (start > same.end) same.breaks.push([same.end, start])
          same.breaks.push(...breaks)
          same.breaks.sort((a, b) => a[0] - b[0])
          same.end = Math.max(same.end, end)
          same.limit = same.end + t.maxOvertimeMinutes
          continue
        }
        const route: Route = {
          tech: ti,
          date: s.date,
          start,
          end,
          limit: end + t.maxOvertimeMinutes,
          breaks: breaks.sort((a, b) => a[0] - b[0]),
          base: this.techs[ti]!.place,
          seq: [],
          cost: 0
        }
        byDate.set(s.date, route)
        this.routes.push(route)
      }
    })

    // Booked appointments are blocked time in their technician's route of that date, wherever they lie against the
    // shift (begun before it, running past it): the route drives to and from them like any stop, so nothing
    // planned overlaps them or leaves too little time to get there or away. Only a day without a route has none.
    inst.jobs.forEach((j, ji) => {
      if (!j.fixed) return
      const ti = inst.technicians.findIndex((t) => t.id === j.fixed!.technicianId)
      const date = j.fixed.start.slice(0, 10)
      const ri = this.routes.findIndex((r) => r.tech === ti && r.date === date)
      if (ri < 0) {
        this.warnings.push({ code: 'FIXED_OUTSIDE_SHIFT', jobId: j.id })
        return
      }
      this.routes[ri]!.seq.push(ji)
      this.routeOf[ji] = ri
    })
    // The board's order of booked work (start, then end): its travel conflicts measure each drive from the previous
    // card, and a route keeps its locked stops in this order whatever a move (a 2-opt reversal) does to the rest.
    const locked = this.jobs.map((_, ji) => ji).filter((ji) => !Number.isNaN(this.jobs[ji]!.fixedStart))
    locked.sort((a, b) => {
      const x = this.jobs[a]!
      const y = this.jobs[b]!
      return x.fixedStart - y.fixedStart || x.dur - y.dur || a - b
    })
    locked.forEach((ji, rank) => (this.jobs[ji]!.fixedRank = rank))
    for (const r of this.routes) {
      r.seq.sort((a, b) => this.jobs[a]!.fixedRank - this.jobs[b]!.fixedRank)
      r.cost = this.evaluate(r, r.seq)
    }

    // Which routes each movable job could go to at all.
    inst.jobs.forEach((j, ji) => {
      const job = this.jobs[ji]!
      if (j.fixed) return
      if (job.to < job.from) {
        job.excluded = 'WINDOW_INVERTED'
        return
      }
      if (!this.techs.length) {
        job.excluded = 'NO_TECHNICIANS'
        return
      }
      const reachable = this.techs.some((t) => this.minutes(t.place, job.place) !== UNKNOWN)
      if (!reachable) {
        job.excluded = 'NO_LOCATION'
        return
      }
      const qualified = this.techs.map((t) => j.skills.every((s) => t.skills.has(s)))
      if (!qualified.some(Boolean)) {
        job.excluded = 'NO_QUALIFIED_TECHNICIAN'
        return
      }
      this.routes.forEach((r, ri) => {
        if (!qualified[r.tech]) return
        if (this.minutes(r.base, job.place) === UNKNOWN || this.minutes(job.place, r.base) === UNKNOWN) return
        if (r.limit - r.start < job.dur) return
        if (job.hard && (job.to < r.start || job.from > r.limit - job.dur)) return
        job.cands.push(ri)
      })
      if (!job.cands.length) job.excluded = 'NO_SHIFT'
    })
  }

  private placeOf(key: string, point: GeoPoint | null): number {
    const known = this.placeIndex.get(key)
    if (known !== undefined) {
      // A place named twice: the first coordinates win, unless only a later one has them.
      if (!this.places[known]!.point && point) this.places[known] = { id: key, point }
      return known
    }
    this.places.push({ id: key, point })
    this.placeIndex.set(key, this.places.length - 1)
    return this.places.length - 1
  }

  /** Travel minutes between two places (UNKNOWN when not known); the hot path of the whole search. */
  minutes(a: number, b: number): number {
    const d = this.dense
    if (d !== null) {
      const v = d[a * this.P + b]!
      if (v !== -2) return v
    }
    return this.leg(a, b)
  }

  private leg(a: number, b: number): number {
    const k = a * this.P + b
    if (!this.dense) {
      const v = this.sparse.get(k)
      if (v !== undefined) return v
    }
    const leg = this.travel.leg(this.places[a]!, this.places[b]!)
    // An existing appointment stays whether or not its place is known: the unknown way there counts as none.
    const m = leg ? leg.minutes : this.lockedPlaces.has(a) || this.lockedPlaces.has(b) ? 0 : UNKNOWN
    if (this.dense) {
      this.dense[k] = m
      if (leg) this.denseKm![k] = leg.km
    } else {
      this.sparse.set(k, m)
      if (leg) this.kmCache.set(k, leg.km)
    }
    return m
  }

  km(a: number, b: number): number {
    if (this.minutes(a, b) === UNKNOWN) return 0
    const k = a * this.P + b
    return this.denseKm ? this.denseKm[k]! : (this.kmCache.get(k) ?? 0)
  }

  /** A movable job's start no earlier than `t`: waits for its window and keeps the drive and the job out of breaks. */
  private startAfter(r: Route, job: Job, t: number, leg: number): number {
    let s = Math.max(t + leg, job.from)
    for (const [b0, b1] of r.breaks) if (s - leg < b1 && s + job.dur > b0) s = Math.max(s, b1 + leg)
    return s
  }

  /**
   * The route's cost for a sequence (with `skip` left out and `ins` put in at `pos`), or Infinity when it
   * does not fit. Locked stops keep their time; a conflict among them alone is tolerated (it is the
   * board's to show), but a planned job may never cause one.
   */
  evaluate(r: Route, seq: readonly number[], skip = -1, ins = -1, pos = -1, out?: Timed[]): number {
    const W = PLANNER_WEIGHTS
    let t = r.start
    let prev = r.base
    let cost = 0
    let movable = false
    let lastRank = -1
    let stops = 0
    const n = seq.length
    for (let k = 0, si = 0; ; k++) {
      let j: number
      if (ins >= 0 && k === pos) j = ins
      else {
        if (si >= n) break
        j = seq[si++]!
        if (j === skip) {
          k--
          continue
        }
      }
      stops++
      const job = this.jobs[j]!
      const leg = this.minutes(prev, job.place)
      if (leg === UNKNOWN) return Infinity
      cost += W.travelMinute * leg
      if (!Number.isNaN(job.fixedStart)) {
        // Out of order, a planned job between them could overlap the earlier one unchecked.
        if (job.fixedRank < lastRank) return Infinity
        lastRank = job.fixedRank
        if (t + leg > job.fixedStart && movable) return Infinity
        out?.push({ j, ready: t + leg, depart: t, arrival: t + leg, start: job.fixedStart, end: job.fixedStart + job.dur, leg })
        t = Math.max(t, job.fixedStart + job.dur)
        movable = false
      } else {
        const s = this.startAfter(r, job, t, leg)
        const end = s + job.dur
        if (end > r.limit) return Infinity
        if (s > job.to) {
          if (job.hard) return Infinity
          cost += latenessCost(s - job.to)
        }
        if (s > job.deadline) cost += W.missedDeadline * job.weight
        out?.push({ j, ready: t + leg, depart: s - leg, arrival: s, start: s, end, leg })
        t = end
        movable = true
      }
      prev = job.place
    }
    if (stops === 0) return 0 // nothing to do: the technician stays home
    const back = this.minutes(prev, r.base)
    if (back === UNKNOWN) return Infinity
    const home = t + back
    if (home > r.limit && movable) return Infinity
    out?.push({ j: -1, ready: home, depart: t, arrival: home, start: home, end: home, leg: back })
    return cost + W.travelMinute * back + W.overtimeMinute * Math.max(0, home - r.end)
  }

  /** What a job costs when left unplanned. */
  unplannedCost(j: number): number {
    const job = this.jobs[j]!
    return PLANNER_WEIGHTS.unplanned + (job.deadline < Infinity ? PLANNER_WEIGHTS.missedDeadline * job.weight : 0)
  }
}

/* ---------- the search ---------- */

const EPS = 1e-6
const NEIGHBOURS = 12
/** How much worse a ruin-and-recreate round may be and still be kept at first: ten minutes of driving. */
const ALLOWANCE = 10 * PLANNER_WEIGHTS.travelMinute

class Search {
  private neighbours: number[][] | null = null
  iterations = 0
  timedOut = false

  constructor(
    private readonly m: Model,
    private readonly rng: () => number,
    private readonly timeUp: () => boolean,
    private readonly onProgress: (done: number, total: number) => void = () => {}
  ) {}

  total(): number {
    let t = 0
    for (const r of this.m.routes) t += r.cost
    this.m.jobs.forEach((job, j) => {
      if (Number.isNaN(job.fixedStart) && this.m.routeOf[j]! < 0) t += this.m.unplannedCost(j)
    })
    return t
  }

  private place(j: number, ri: number, pos: number, cost: number): void {
    const r = this.m.routes[ri]!
    r.seq.splice(pos, 0, j)
    r.cost = cost
    this.m.routeOf[j] = ri
  }

  private remove(j: number): void {
    const ri = this.m.routeOf[j]!
    const r = this.m.routes[ri]!
    r.cost = this.m.evaluate(r, r.seq, j)
    r.seq.splice(r.seq.indexOf(j), 1)
    this.m.routeOf[j] = -1
  }

  /** Cheapest place for job j in route ri: [cost of the route with it, position]. */
  private cheapest(j: number, ri: number): [number, number] {
    const r = this.m.routes[ri]!
    let best = Infinity
    let at = -1
    for (let pos = 0; pos <= r.seq.length; pos++) {
      const c = this.m.evaluate(r, r.seq, -1, j, pos)
      if (c < best - EPS) {
        best = c
        at = pos
      }
    }
    return [best, at]
  }

  /**
   * Regret-2 insertion: the job that would lose most by not getting its best place goes first. The best
   * place per job and route is cached; after an insertion only the changed route's entries are redone.
   */
  insertRegret(set: readonly number[], beforeChange?: (ri: number) => void, shuffled = false, banned = -1): void {
    const m = this.m
    const jobs = set.filter((j) => m.jobs[j]!.cands.length > 0 && m.routeOf[j]! < 0)
    const delta = jobs.map((j) => new Float64Array(m.jobs[j]!.cands.length))
    const posOf = jobs.map((j) => new Int32Array(m.jobs[j]!.cands.length))
    const byRoute = new Map<number, [number, number][]>()
    const best1 = new Float64Array(jobs.length)
    const best2 = new Float64Array(jobs.length)
    const bestK = new Int32Array(jobs.length)
    const rescan = (x: number) => {
      let b1 = Infinity
      let b2 = Infinity
      let k1 = -1
      const d = delta[x]!
      for (let k = 0; k < d.length; k++) {
        const v = d[k]!
        if (v < b1 - EPS) {
          b2 = b1
          b1 = v
          k1 = k
        } else if (v < b2) b2 = v
      }
      best1[x] = b1
      // Leaving the job out is always an option: its second-best choice is never dearer than that.
      best2[x] = Math.min(b2, m.unplannedCost(jobs[x]!))
      bestK[x] = k1
    }
    const entry = (x: number, k: number) => {
      const j = jobs[x]!
      const ri = m.jobs[j]!.cands[k]!
      const [c, pos] = ri === banned ? [Infinity, -1] : this.cheapest(j, ri)
      const d = c - m.routes[ri]!.cost
      // Planning it must beat leaving it out (a day's lateness can cost more than an unplanned job).
      delta[x]![k] = d < m.unplannedCost(j) ? d : Infinity
      posOf[x]![k] = pos
    }
    jobs.forEach((j, x) => {
      m.jobs[j]!.cands.forEach((ri, k) => {
        entry(x, k)
        let list = byRoute.get(ri)
        if (!list) byRoute.set(ri, (list = []))
        list.push([x, k])
      })
      rescan(x)
    })
    const open = new Uint8Array(jobs.length).fill(1)
    let left = jobs.length
    while (left > 0) {
      let pick = -1
      let pickRegret = -Infinity
      for (let x = 0; x < jobs.length; x++) {
        if (!open[x]) continue
        if (best1[x] === Infinity) {
          open[x] = 0
          left--
          continue
        }
        // Shuffled: a random job goes first, each to its cheapest place (diversity for ruin and recreate).
        const regret = shuffled ? this.rng() : best2[x]! - best1[x]!
        if (regret > pickRegret + EPS) {
          pickRegret = regret
          pick = x
        }
      }
      if (pick < 0) break
      const j = jobs[pick]!
      const k = bestK[pick]!
      const ri = m.jobs[j]!.cands[k]!
      beforeChange?.(ri)
      this.place(j, ri, posOf[pick]![k]!, m.routes[ri]!.cost + delta[pick]![k]!)
      open[pick] = 0
      left--
      for (const [x, kk] of byRoute.get(ri) ?? []) {
        if (!open[x]) continue
        const was = delta[x]![kk]!
        entry(x, kk)
        const now = delta[x]![kk]!
        if (kk === bestK[x] || now < best2[x]! || was <= best2[x]!) rescan(x)
      }
    }
  }

  private movable(j: number): boolean {
    const job = this.m.jobs[j]!
    return Number.isNaN(job.fixedStart) && job.cands.length > 0
  }

  /** Moves one job to its best place anywhere (planning it, if it was left out). */
  private relocatePass(): boolean {
    const m = this.m
    let improved = false
    for (let j = 0; j < m.jobs.length; j++) {
      if (!this.movable(j)) continue
      if (this.timeUp()) return improved
      const a = m.routeOf[j]!
      const ra = a >= 0 ? m.routes[a]! : null
      const gain = ra ? ra.cost - m.evaluate(ra, ra.seq, j) : m.unplannedCost(j)
      let best = -EPS
      let bestR = -1
      let bestPos = -1
      let bestCost = 0
      for (const ri of m.jobs[j]!.cands) {
        const r = m.routes[ri]!
        if (ri === a) {
          for (let pos = 0; pos < r.seq.length; pos++) {
            const c = m.evaluate(r, r.seq, j, j, pos)
            if (c - r.cost < best) {
              best = c - r.cost
              bestR = ri
              bestPos = pos
              bestCost = c
            }
          }
        } else {
          for (let pos = 0; pos <= r.seq.length; pos++) {
            const c = m.evaluate(r, r.seq, -1, j, pos)
            if (c - r.cost - gain < best) {
              best = c - r.cost - gain
              bestR = ri
              bestPos = pos
              bestCost = c
            }
          }
        }
      }
      if (bestR < 0) continue
      if (bestR === a) {
        const r = m.routes[a]!
        r.seq.splice(r.seq.indexOf(j), 1)
        r.seq.splice(bestPos, 0, j)
        r.cost = bestCost
      } else {
        if (ra) this.remove(j)
        this.place(j, bestR, bestPos, bestCost)
      }
      improved = true
    }
    return improved
  }

  private neighboursOf(j: number): number[] {
    if (!this.neighbours) {
      const m = this.m
      this.neighbours = m.jobs.map((job, a) => {
        if (!this.movable(a)) return []
        const near: [number, number][] = []
        m.jobs.forEach((other, b) => {
          if (b === a || !this.movable(b)) return
          const t = m.minutes(job.place, other.place)
          if (t !== UNKNOWN) near.push([t, b])
        })
        near.sort((x, y) => x[0] - y[0] || x[1] - y[1])
        return near.slice(0, NEIGHBOURS).map(([, b]) => b)
      })
    }
    return this.neighbours[j]!
  }

  /** Exchanges two nearby jobs of different routes, each taking the other's place. */
  private swapPass(): boolean {
    const m = this.m
    let improved = false
    for (let j = 0; j < m.jobs.length; j++) {
      if (!this.movable(j) || m.routeOf[j]! < 0) continue
      if (this.timeUp()) return improved
      for (const k of this.neighboursOf(j)) {
        const a = m.routeOf[j]!
        const b = m.routeOf[k]!
        if (b < 0 || a === b) continue
        if (!m.jobs[j]!.cands.includes(b) || !m.jobs[k]!.cands.includes(a)) continue
        const ra = m.routes[a]!
        const rb = m.routes[b]!
        const ca = m.evaluate(ra, ra.seq, j, k, ra.seq.indexOf(j))
        if (ca === Infinity) continue
        const cb = m.evaluate(rb, rb.seq, k, j, rb.seq.indexOf(k))
        if (ca + cb < ra.cost + rb.cost - EPS) {
          ra.seq[ra.seq.indexOf(j)] = k
          rb.seq[rb.seq.indexOf(k)] = j
          ra.cost = ca
          rb.cost = cb
          m.routeOf[j] = b
          m.routeOf[k] = a
          improved = true
        }
      }
    }
    return improved
  }

  /**
   * 2-opt*: two routes of the same day exchange their tails, cut after a job and before one of its
   * neighbours — the move that hands a whole stretch of work to the technician next door.
   */
  private tailExchangePass(): boolean {
    const m = this.m
    let improved = false
    const fits = (jobs: readonly number[], ri: number) => jobs.every((j) => !this.movable(j) || m.jobs[j]!.cands.includes(ri))
    for (let j = 0; j < m.jobs.length; j++) {
      if (!this.movable(j) || m.routeOf[j]! < 0) continue
      if (this.timeUp()) return improved
      for (const k of this.neighboursOf(j)) {
        const a = m.routeOf[j]!
        const b = m.routeOf[k]!
        if (b < 0 || a === b) continue
        const ra = m.routes[a]!
        const rb = m.routes[b]!
        if (ra.date !== rb.date) continue
        const i = ra.seq.indexOf(j)
        const p = rb.seq.indexOf(k)
        const tailA = ra.seq.slice(i + 1)
        const tailB = rb.seq.slice(p)
        if (tailA.some((x) => !this.movable(x)) || tailB.some((x) => !this.movable(x))) continue
        if (!fits(tailB, a) || !fits(tailA, b)) continue
        const nextA = [...ra.seq.slice(0, i + 1), ...tailB]
        const nextB = [...rb.seq.slice(0, p), ...tailA]
        const ca = m.evaluate(ra, nextA)
        if (ca === Infinity) continue
        const cb = m.evaluate(rb, nextB)
        if (ca + cb < ra.cost + rb.cost - EPS) {
          ra.seq = nextA
          rb.seq = nextB
          ra.cost = ca
          rb.cost = cb
          for (const x of tailB) m.routeOf[x] = a
          for (const x of tailA) m.routeOf[x] = b
          improved = true
        }
      }
    }
    return improved
  }

  /** Reverses a stretch of one route (2-opt inside the route). */
  private twoOptPass(): boolean {
    let improved = false
    for (const r of this.m.routes) {
      if (r.seq.length < 2) continue
      if (this.timeUp()) return improved
      for (let i = 0; i < r.seq.length - 1; i++) {
        for (let k = i + 1; k < r.seq.length; k++) {
          const next = [...r.seq.slice(0, i), ...r.seq.slice(i, k + 1).reverse(), ...r.seq.slice(k + 1)]
          const c = this.m.evaluate(r, next)
          if (c < r.cost - EPS) {
            r.seq = next
            r.cost = c
            improved = true
          }
        }
      }
    }
    return improved
  }

  localSearch(): void {
    for (;;) {
      const a = this.relocatePass()
      const b = this.swapPass()
      const c = this.twoOptPass()
      const d = this.tailExchangePass()
      if (this.timeUp()) {
        this.timedOut = true
        return
      }
      if (!a && !b && !c && !d) return
    }
  }

  private snapshot(): { seqs: number[][]; costs: number[]; routeOf: Int32Array } {
    return { seqs: this.m.routes.map((r) => [...r.seq]), costs: this.m.routes.map((r) => r.cost), routeOf: this.m.routeOf.slice() }
  }

  private restore(s: ReturnType<Search['snapshot']>): void {
    this.m.routes.forEach((r, i) => {
      r.seq = s.seqs[i]!
      r.cost = s.costs[i]!
    })
    this.m.routeOf.set(s.routeOf)
  }

  /**
   * Ruin and recreate: take out a few jobs near a random one (or one or two routes' jobs), put them and the
   * unplanned ones back by regret insertion or, every other round, in random order at their cheapest places. A slightly worse result is kept too (record-to-record travel, the
   * allowance shrinking to nothing by the last round) so the search can leave a local optimum; the best
   * plan seen is the answer.
   */
  ruinAndRecreate(rounds: number): void {
    let current = this.total()
    let best = current
    let bestPlan = this.snapshot()
    try {
      this.rounds(
        rounds,
        () => current,
        (v) => {
          current = v
          if (v < best - EPS) {
            best = v
            bestPlan = this.snapshot()
          }
        }
      )
    } finally {
      if (current > best + EPS) this.restore(bestPlan)
    }
  }

  private rounds(rounds: number, current: () => number, accept: (v: number) => void): void {
    const m = this.m
    for (let it = 0; it < rounds; it++) {
      if (this.timeUp()) {
        this.timedOut = true
        return
      }
      const planned: number[] = []
      for (let j = 0; j < m.jobs.length; j++) if (this.movable(j) && m.routeOf[j]! >= 0) planned.push(j)
      if (!planned.length) return
      this.iterations++
      this.onProgress(it, rounds)
      const ruin = new Set<number>()
      const first = planned[Math.floor(this.rng() * planned.length)]!
      const kind = this.rng()
      let banned = -1
      if (kind < 0.1) {
        // Route elimination: one technician-day's work goes to the others (with a neighbour's route reshuffled
        // too), the plan a bulk move finds and single moves never do.
        banned = m.routeOf[first]!
        const ra = m.routes[banned]!
        const other = this.neighboursOf(first)
          .map((k) => m.routeOf[k]!)
          .find((ri) => ri >= 0 && ri !== banned)
        for (const r of other !== undefined ? [ra, m.routes[other]!] : [ra]) for (const j of r.seq) if (this.movable(j)) ruin.add(j)
      } else if (kind < 0.3) {
        // One route, and with it the route of a neighbour that day: their work is redistributed.
        const ra = m.routes[m.routeOf[first]!]!
        const other = this.neighboursOf(first)
          .map((k) => m.routeOf[k]!)
          .find((ri) => ri >= 0 && m.routes[ri]!.date === ra.date && m.routes[ri] !== ra)
        for (const r of other !== undefined && kind < 0.15 ? [ra, m.routes[other]!] : [ra])
          for (const j of r.seq) if (this.movable(j)) ruin.add(j)
      } else {
        const size = 2 + Math.floor(this.rng() * Math.min(12, Math.max(1, planned.length / 3)))
        ruin.add(first)
        for (const k of this.neighboursOf(first)) {
          if (ruin.size >= size) break
          if (m.routeOf[k]! >= 0 && this.rng() < 0.8) ruin.add(k)
        }
      }
      const unplanned: number[] = []
      for (let j = 0; j < m.jobs.length; j++) if (this.movable(j) && m.routeOf[j]! < 0) unplanned.push(j)
      const saved = new Map<number, { seq: number[]; cost: number }>()
      const keep = (ri: number) => {
        if (!saved.has(ri)) saved.set(ri, { seq: [...m.routes[ri]!.seq], cost: m.routes[ri]!.cost })
      }
      const where = new Map<number, number>()
      for (const j of [...ruin, ...unplanned]) where.set(j, m.routeOf[j]!)
      for (const j of ruin) {
        keep(m.routeOf[j]!)
        this.remove(j)
      }
      this.insertRegret([...where.keys()], keep, this.rng() < 0.5, banned)
      const next = this.total()
      if (next <= current() + ALLOWANCE * (1 - it / rounds) + EPS) {
        accept(next)
        continue
      }
      for (const [ri, s] of saved) {
        m.routes[ri]!.seq = s.seq
        m.routes[ri]!.cost = s.cost
      }
      for (const [j, ri] of where) m.routeOf[j] = ri
    }
  }
}

/* ---------- the answer ---------- */

function describe(m: Model, seed: number, search: Search | null, started: number, now: () => number): Plan {
  const inst = m.inst
  const W = PLANNER_WEIGHTS
  const reasons: Record<string, Reason[]> = {}
  const warnings = [...m.warnings]
  let latenessTotal = 0
  const parts: ObjectiveParts = {
    total: 0,
    missedDeadlines: 0,
    missedDeadlineWeight: 0,
    unplanned: 0,
    latenessMinutes: 0,
    travelMinutes: 0,
    travelKm: 0,
    overtimeMinutes: 0
  }
  const routes: PlanRoute[] = []
  for (const r of m.routes) {
    if (!r.seq.length) continue
    const timed: Timed[] = []
    m.evaluate(r, r.seq, -1, -1, -1, timed)
    const tech = m.techs[r.tech]!
    const stops: PlanStop[] = []
    let prev = r.base
    let prevId: string | null = null
    let km = 0
    let minutes = 0
    let lastEnd = -Infinity
    for (const s of timed) {
      const place = s.j >= 0 ? m.jobs[s.j]!.place : r.base
      const legKm = m.km(prev, place)
      km += legKm
      minutes += s.leg
      if (s.j < 0) break
      const job = m.jobs[s.j]!
      const locked = !Number.isNaN(job.fixedStart)
      if (locked && s.arrival > s.start && lastEnd > -Infinity) warnings.push({ code: 'FIXED_CONFLICT', jobId: job.id })
      stops.push({
        jobId: job.id,
        locked,
        point: m.places[job.place]!.point,
        depart: fromMinutes(s.depart),
        arrival: fromMinutes(s.arrival),
        start: fromMinutes(s.start),
        end: fromMinutes(s.end),
        travelMinutes: s.leg,
        travelKm: legKm
      })
      const why: Reason[] = []
      if (locked) why.push({ code: 'LOCKED', params: { technicianId: tech.id, start: fromMinutes(s.start) } })
      else {
        why.push({
          code: 'ASSIGNED',
          params: { technicianId: tech.id, date: r.date, start: fromMinutes(s.start), end: fromMinutes(s.end) }
        })
        // Qualified technicians working that day, and whether this one lives closest to the job.
        const sameDay = job.cands.map((ri) => m.routes[ri]!).filter((o) => o.date === r.date)
        const techsThatDay = [...new Set(sameDay.map((o) => o.tech))]
        why.push({ code: 'QUALIFIED_TECHNICIANS', params: { count: techsThatDay.length } })
        const mine = m.minutes(r.base, job.place)
        if (techsThatDay.every((t) => m.minutes(m.techs[t]!.place, job.place) >= mine))
          why.push({ code: 'CLOSEST_QUALIFIED', params: { minutesFromHome: mine } })
        why.push({ code: 'FROM_PREVIOUS', params: { from: prevId, minutes: s.leg, km: legKm } })
        if (s.start > job.to) {
          why.push({ code: 'WINDOW_LATE', params: { to: fromMinutes(job.to), lateMinutes: s.start - job.to } })
          parts.latenessMinutes += s.start - job.to
          latenessTotal += latenessCost(s.start - job.to)
        } else if (job.to < Infinity) why.push({ code: 'WINDOW_KEPT', params: { from: fromMinutes(job.from), to: fromMinutes(job.to) } })
        if (s.start === job.from && s.start > s.ready)
          why.push({ code: 'WAITS_FOR_WINDOW', params: { from: fromMinutes(job.from), minutes: s.start - s.ready } })
        if (job.deadline < Infinity) {
          if (s.start > job.deadline) {
            why.push({ code: 'DEADLINE_MISSED', params: { deadline: fromMinutes(job.deadline), lateMinutes: s.start - job.deadline } })
            parts.missedDeadlines++
            parts.missedDeadlineWeight += job.weight
          } else why.push({ code: 'DEADLINE_MET', params: { deadline: fromMinutes(job.deadline), slackMinutes: job.deadline - s.start } })
        }
      }
      reasons[job.id] = why
      prev = job.place
      prevId = job.id
      lastEnd = s.end
    }
    const back = timed[timed.length - 1]!
    const overtime = Math.max(0, back.arrival - r.end)
    parts.travelMinutes += minutes
    parts.travelKm += km
    parts.overtimeMinutes += overtime
    routes.push({
      technicianId: tech.id,
      date: r.date,
      shift: { start: fromMinutes(r.start), end: fromMinutes(r.end) },
      home: tech.home,
      leave: fromMinutes(timed[0]!.depart),
      back: fromMinutes(back.arrival),
      stops,
      returnTravel: { minutes: back.leg, km: m.km(prev, r.base) },
      travelMinutes: minutes,
      travelKm: Math.round(km * 10) / 10,
      overtimeMinutes: overtime
    })
  }
  const unplanned: Plan['unplanned'] = []
  inst.jobs.forEach((j, ji) => {
    const job = m.jobs[ji]!
    if (!Number.isNaN(job.fixedStart)) {
      reasons[j.id] ??= [{ code: 'LOCKED', params: { technicianId: j.fixed!.technicianId, start: j.fixed!.start } }]
      return
    }
    if (m.routeOf[ji]! >= 0) return
    const code: UnplannedCode = job.excluded ?? 'NO_ROOM'
    const params: Reason['params'] =
      code === 'WINDOW_INVERTED'
        ? { from: j.window!.from, to: j.window!.to }
        : code === 'NO_QUALIFIED_TECHNICIAN'
          ? { skills: j.skills }
          : code === 'NO_ROOM'
            ? { technicianDays: job.cands.length }
            : {}
    unplanned.push({ jobId: j.id, code, params })
    reasons[j.id] = [{ code, params }]
    parts.unplanned++
    if (job.deadline < Infinity) {
      parts.missedDeadlines++
      parts.missedDeadlineWeight += job.weight
    }
  })
  parts.travelKm = Math.round(parts.travelKm * 10) / 10
  parts.total =
    W.missedDeadline * parts.missedDeadlineWeight +
    W.unplanned * parts.unplanned +
    latenessTotal +
    W.travelMinute * parts.travelMinutes +
    W.overtimeMinute * parts.overtimeMinutes
  return {
    seed,
    routes,
    unplanned,
    objective: parts,
    weights: PLANNER_WEIGHTS,
    reasons,
    warnings,
    stats: {
      iterations: search?.iterations ?? 0,
      stoppedBy: !search ? 'nothing-to-do' : search.timedOut ? 'time' : 'iterations',
      durationMs: Math.round(now() - started)
    }
  }
}

/**
 * Plans an instance (validated by parseInstance). Never throws on what the instance says: jobs nobody can
 * do, an empty team, inverted windows and missing coordinates come back unplanned with their reason.
 */
export function solve(inst: PlannerInstance, options: SolveOptions = {}): Plan {
  const now = options.now ?? (() => globalThis.performance.now())
  const started = now()
  const seed = options.seed ?? 1
  const limit = started + (options.seconds ?? 10) * 1000
  const m = new Model(inst)
  const todo = m.jobs.some((j) => Number.isNaN(j.fixedStart) && j.cands.length > 0)
  if (!todo) return describe(m, seed, null, started, now)
  const search = new Search(m, mulberry32(seed), () => now() > limit, options.onProgress)
  search.insertRegret(m.jobs.map((_, j) => j))
  search.localSearch()
  search.ruinAndRecreate(options.iterations ?? 500)
  search.localSearch()
  return describe(m, seed, search, started, now)
}
