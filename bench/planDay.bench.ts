import { runMethod } from '../src/main/api/pipeline'
import { buildPlanInstance } from '../src/main/services/planner/instance'
import { planFinished } from '../src/main/services/planner/jobs'
import { createContext } from '../src/main/services/core/context'
import { loadSessionUser } from '../src/main/services/auth/sessions'
import { defineBenches, type Measurement } from './registry'
import { demoDatabase, round } from './support'

/**
 * Plan day (#19 item 4) on the scale-100 demo (200 technicians; the demo plans the week after 2025-06-02): one
 * team's Tuesday — the instance read from the database, then the search in its worker thread, as the dispatcher's
 * click runs it (planStart → the job's end). The clock stands on the Monday morning before.
 */
const SCALE = 100
const DAY = '2025-06-03'
const NOW = Date.UTC(2025, 5, 2, 5, 0)
const RUNS = 5
const log = (line: string) => process.stderr.write(`${line}\n`)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export const benches = defineBenches([
  {
    name: 'planDay',
    async run(): Promise<Measurement[]> {
      const { conn } = await demoDatabase(SCALE, log)
      const dispatcher = conn.sqlite.prepare("select id from users where username = 'dispatcher'").get() as { id: number }
      const team = conn.sqlite.prepare('select id from dispatch_teams order by id limit 1').get() as { id: number }
      const ctx = createContext(conn, loadSessionUser(conn.db, dispatcher.id), undefined, () => NOW)
      const input = { from: DAY, to: DAY, teamId: team.id, workerIds: [], seconds: 5 }
      const scope = { priority: null, skillId: null, from: null, to: null, q: '' }
      const builds: number[] = []
      const totals: number[] = []
      let last: { planned: number; left: number; fromTray: number; jobs: number; technicians: number } | null = null
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now()
        const { instance } = buildPlanInstance(ctx, { ...input, scope })
        builds.push(performance.now() - t)
        t = performance.now()
        const started = await runMethod({ conn, now: () => NOW }, () => null, ctx.session, 'dispatch.planStart', input)
        if (!started.ok) throw new Error(started.error.message)
        const job = await planFinished((started.data as { id: number }).id)
        totals.push(performance.now() - t)
        if (job.status !== 'done') throw new Error(`plan ${job.status}: ${job.error}`)
        last = {
          planned: job.proposal!.totals.planned,
          left: job.proposal!.totals.left,
          // Tray work placed (the rest of `planned` are the day's cards moved); in scope = this + `left`.
          fromTray: job.proposal!.ghosts.filter((g) => g.assignmentId === null).length,
          jobs: instance.jobs.length,
          technicians: instance.technicians.length
        }
      }
      log(`planDay: ${JSON.stringify(last)} build ${builds.map(round).join(', ')} ms; start→done ${totals.map(round).join(', ')} ms`)
      return [
        { name: 'planDay.team.instance.median', value: round(median(builds)), unit: 'ms' },
        { name: 'planDay.team.startToDone.median', value: round(median(totals)), unit: 'ms' },
        { name: 'planDay.team.technicians', value: last!.technicians, unit: 'rows' },
        { name: 'planDay.team.jobs', value: last!.jobs, unit: 'rows' },
        { name: 'planDay.team.planned', value: last!.planned, unit: 'jobs' },
        { name: 'planDay.team.trayPlanned', value: last!.fromTray, unit: 'jobs' },
        { name: 'planDay.team.trayInScope', value: last!.fromTray + last!.left, unit: 'jobs' }
      ]
    }
  }
])
