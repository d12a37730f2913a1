import loadHighs from 'highs'
import { clockMinutes, dayNumber, type PlannerInstance, toMinutes } from '@shared/planner/instance'
import { PLANNER_WEIGHTS, PRIORITY_WEIGHT } from '@shared/planner/solver'
import { matrixTravel, straightLineTravel } from '@shared/planner/travel'

/**
 * The planner's problem as a mixed-integer program (a vehicle-routing model with time windows), solved to
 * optimality with HiGHS — the yardstick for the heuristic on small instances (ADR 0020). Arc variables
 * x[k,i,j] per technician; start times s[j] with big-M sequencing; the same objective and weights as the
 * solver. It covers one day per technician, no breaks and no locked jobs: what the comparison generates.
 */
export async function exactOptimum(inst: PlannerInstance): Promise<number> {
  const line = straightLineTravel(inst.travel)
  const travel = inst.matrix ? matrixTravel(inst.matrix, line) : line
  if (inst.jobs.some((j) => j.fixed)) throw new Error('the exact model has no locked jobs')
  const techs = inst.technicians.map((t) => {
    if (t.shifts.length !== 1 || t.shifts[0]!.breaks.length || t.holidays.length)
      throw new Error('the exact model takes one shift per technician, without breaks or holidays')
    const s = t.shifts[0]!
    const day = dayNumber(s.date) * 1440
    return { t, day, start: clockMinutes(s.start), end: clockMinutes(s.end), place: { id: t.place ?? `base:${t.id}`, point: t.home } }
  })
  const day0 = techs.length ? techs[0]!.day : 0
  if (techs.some((k) => k.day !== day0)) throw new Error('the exact model plans one day')
  const rel = (dt: string) => toMinutes(dt) - day0
  const jobs = inst.jobs.map((j) => ({
    j,
    place: { id: j.place ?? j.id, point: j.location },
    from: j.window ? rel(j.window.from) : 0,
    to: j.window ? rel(j.window.to) : null,
    deadline: j.deadline ? rel(j.deadline) : null
  }))
  if (jobs.some((x) => x.to !== null && x.to < x.from)) throw new Error('the exact model has no inverted windows')
  const minutes = (a: { id: string; point: { lat: number; lon: number } | null }, b: typeof a) => {
    const leg = travel.leg(a, b)
    if (!leg) throw new Error(`no travel time from ${a.id} to ${b.id}`)
    return leg.minutes
  }

  const W = PLANNER_WEIGHTS
  const obj: string[] = []
  const rows: string[] = []
  const binaries: string[] = []
  const bounds: string[] = []
  const into = new Map<string, string[]>() // job → arcs entering it (all technicians)
  const term = (c: number, v: string) => `+ ${c} ${v}`
  // Tight start-time bounds keep the big-M constants small, which is most of what makes the model fast.
  const earliest = Math.min(...techs.map((k) => k.start))
  const latest = Math.max(...techs.map((k) => k.end + k.t.maxOvertimeMinutes))
  const lb: number[] = []
  const ub: number[] = []

  jobs.forEach((x, j) => {
    lb[j] = Math.max(x.from, earliest)
    ub[j] = latest - x.j.durationMinutes
    // A hard window bounds the start whether or not the job is planned: unplanned, its start is only a number.
    if (x.to !== null && x.j.window!.hard) ub[j] = Math.min(ub[j]!, x.to)
    if (lb[j]! > ub[j]!) {
      ub[j] = lb[j]!
      rows.push(`u${j} = 1`)
    }
    bounds.push(`${lb[j]} <= s${j} <= ${ub[j]}`, `L${j} >= 0`)
    into.set(`${j}`, [])
    binaries.push(`u${j}`, `miss${j}`)
    obj.push(term(W.unplanned, `u${j}`))
    if (x.deadline !== null) {
      obj.push(term(W.missedDeadline * PRIORITY_WEIGHT[x.j.priority], `miss${j}`))
      rows.push(`s${j} - ${Math.max(0, ub[j]! - x.deadline)} miss${j} <= ${x.deadline}`, `miss${j} - u${j} >= 0`)
    }
    if (x.to !== null && !x.j.window!.hard) {
      obj.push(term(W.latenessMinute, `L${j}`))
      rows.push(`L${j} - s${j} >= ${-x.to}`)
    }
  })

  techs.forEach((k, ki) => {
    const limit = k.end + k.t.maxOvertimeMinutes
    const can = jobs.map((x) => x.j.skills.every((s) => k.t.skills.includes(s)))
    const out = new Map<string, string[]>()
    const inK = new Map<string, string[]>()
    const arc = (from: string, to: string, minutes: number) => {
      const v = `x${ki}_${from}_${to}`
      binaries.push(v)
      if (minutes) obj.push(term(W.travelMinute * minutes, v))
      if (!out.has(from)) out.set(from, [])
      if (!inK.has(to)) inK.set(to, [])
      out.get(from)!.push(v)
      inK.get(to)!.push(v)
      if (to !== 'E') into.get(to)!.push(v)
      return v
    }
    jobs.forEach((x, j) => {
      if (!can[j]) return
      const d = x.j.durationMinutes
      const go = minutes(k.place, x.place)
      const v = arc('S', `${j}`, go)
      const mStart = k.start + go - lb[j]!
      if (mStart > 0) rows.push(`s${j} - ${mStart} ${v} >= ${k.start + go - mStart}`)
      const back = minutes(x.place, k.place)
      const w = arc(`${j}`, 'E', back)
      const mEnd = ub[j]! + d + back - k.start
      rows.push(`e${ki} - s${j} - ${mEnd} ${w} >= ${d + back - mEnd}`)
      jobs.forEach((y, i) => {
        if (i === j || !can[i]) return
        const t = minutes(x.place, y.place)
        const a = arc(`${j}`, `${i}`, t)
        const m = ub[j]! + d + t - lb[i]!
        if (m > 0) rows.push(`s${i} - s${j} - ${m} ${a} >= ${d + t - m}`)
      })
    })
    const starts = out.get('S') ?? []
    if (starts.length) rows.push(`${starts.join(' + ')} <= 1`, `${starts.join(' + ')} - ${(inK.get('E') ?? []).join(' - ')} = 0`)
    jobs.forEach((_, j) => {
      if (!can[j]) return
      rows.push(`${inK.get(`${j}`)!.join(' + ')} - ${out.get(`${j}`)!.join(' - ')} = 0`)
    })
    bounds.push(`${k.start} <= e${ki} <= ${limit}`, `O${ki} >= 0`)
    rows.push(`O${ki} - e${ki} >= ${-k.end}`)
    obj.push(term(W.overtimeMinute, `O${ki}`))
  })
  jobs.forEach((_, j) => {
    const arcs = into.get(`${j}`)!
    rows.push(`${[...arcs, `u${j}`].join(' + ')} = 1`)
  })

  const lp = [
    'Minimize',
    ` obj: ${obj.join('\n ')}`,
    'Subject To',
    ...rows.map((r, i) => ` c${i}: ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'Binaries',
    ...binaries.map((b) => ` ${b}`),
    'End'
  ].join('\n')
  const highs = await loadHighs()
  const result = highs.solve(lp, { output_flag: false, mip_rel_gap: 0, time_limit: 120 })
  if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`)
  return Math.round(result.ObjectiveValue)
}
