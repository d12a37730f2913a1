import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { runMethod } from '../../src/main/api/pipeline'
import type { Connection } from '../../src/main/db/connection'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { createContext } from '../../src/main/services/core/context'
import { createDemoData, type DemoSummary } from '../../src/main/demo/createDemo'
import { getBoard } from '../../src/main/services/dispatch/board'
import { Calendars, cardWithConflicts } from '../../src/main/services/dispatch/read'
import { planFinished } from '../../src/main/services/planner/jobs'
import { loadSettings } from '../../src/main/services/settings/settings'
import { freshDb } from '../support/db'
import { demoOnce } from '../support/demoOnce'

const quick = () => ({ hash: '00', salt: '00' })
// Wednesday 10:00 in Tallinn: Monday and Tuesday are history, the rest of the week ahead.
const now = Date.UTC(2026, 2, 11, 8)
const build = (conn: Connection): DemoSummary => createDemoData(conn, { today: '2026-03-11', now, hashPassword: quick })

const demoCompany = demoOnce(build)
async function demoWeek() {
  const { conn, summary } = await demoCompany()
  const dispatcher = conn.sqlite.prepare("select id from users where username = 'dispatcher'").get() as { id: number }
  const ctx = createContext(conn, loadSessionUser(conn.db, dispatcher.id), undefined, () => now)
  // Through the pipeline as the hosts call it, with the test's clock.
  const api = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await runMethod({ conn, checkOutputs: true, now: () => now }, () => null, ctx.session, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.data as Output<M>
  }
  return { conn, ctx, api, d: summary.counts.dispatch }
}

describe('demo dispatch board', () => {
  it('plans the anchor week along travel-aware routes, keeps orders in step, fills the tray and leaves three conflicts', async () => {
    const { conn, api, d } = await demoWeek()
    expect(d.cards).toBeGreaterThan(40)
    expect(d.unassigned).toBe(30)
    expect(d.conflicts).toBe(3)
    expect(d.done).toBeGreaterThan(0)
    expect(d.dispatched).toBeGreaterThan(0)
    // Every order on the board spans its cards and is its technician's responsibility.
    const drift = conn.sqlite
      .prepare(
        `select count(*) as n from service_orders o where exists (select 1 from order_assignments a where a.order_id = o.id)
           and (o.planned_start <> (select min(start) from order_assignments a where a.order_id = o.id)
             or o.planned_end <> (select max("end") from order_assignments a where a.order_id = o.id)
             or o.responsible_worker_id not in (select worker_id from order_assignments a where a.order_id = o.id))`
      )
      .get() as { n: number }
    expect(drift.n).toBe(0)
    const future = conn.sqlite
      .prepare("select count(*) as n from order_assignments where status in ('done', 'onSite') and start > ?")
      .get(now) as { n: number }
    expect(future.n).toBe(0)

    const board = await api('dispatch.board', { from: '2026-03-09', days: 5 })
    expect(board.cards).toHaveLength(d.cards)
    // The three planned mistakes and nothing else, as the conflicts panel counts them (an overlap marks both of
    // its cards): the routes leave the drive between visits, as the board's travel model measures it (#19).
    const conflicts = board.cards.flatMap((c) => c.conflicts.map((k) => k.kind))
    expect(conflicts.sort()).toEqual(['missingSkill', 'outsideHours', 'overlap', 'overlap'])
    // Not for want of legs to check: nearly every card has a drive before it.
    const legs = board.cards.filter((c) => c.travel.before?.minutes != null)
    expect(legs.length).toBeGreaterThan(d.cards * 0.9)
    const tray = await api('dispatch.tray', { tab: 'unassigned' })
    expect(tray.counts.unassigned).toBeGreaterThanOrEqual(30)
    expect(tray.rows.filter((r) => r.requestedStart !== null).length).toBeGreaterThanOrEqual(30)
  })

  it('answers each card of the week read as the one-card read a mutation answers', async () => {
    const { conn, ctx, d } = await demoWeek()
    // Both straight on the service with the context's clock (the set-based week read of ADR 0006).
    const calendars = new Calendars(loadSettings(conn.db))
    const week = getBoard(ctx, { from: '2026-03-09', days: 5, teamIds: [], workerId: null })
    expect(week.cards.length).toBe(d.cards)
    // The week of a technician with an overlap (a one-card read costs tens of ms: one technician, not all).
    const busy = week.cards.find((c) => c.conflicts.some((k) => k.kind === 'overlap'))!.workerId
    const sample = week.cards.filter((c) => c.workerId === busy)
    expect(sample.some((c) => c.travel.before?.minutes)).toBe(true)
    for (const card of sample) expect(card).toEqual(cardWithConflicts(ctx, calendars, card.id))
  })

  it('is deterministic: the same seed and date plan the same week', async () => {
    const { conn } = await demoWeek()
    const again = await freshDb()
    build(again.conn)
    const plan = (c: Connection) =>
      c.sqlite.prepare('select order_id, worker_id, start, "end", status from order_assignments order by id').all()
    expect(plan(again.conn)).toEqual(plan(conn))
  })

  it('leaves room on the days ahead: Plan day places tray work on a team-day', async () => {
    const { conn, api } = await demoWeek()
    // Plan day on Friday (planned, not yet told to the technicians), the first team (Tallinn): the demo left those
    // days lighter and their routes near home, so tray work finds room. Measured: 10 of the 39 tray orders in scope;
    // most of the rest need a skill nobody in the team has or lie 100–300 km away (at this scale the tray limits it;
    // the scale-100 team-day of `npm run bench -- planDay` shows the demo's part). The time box is only a safety
    // cap: the rounds decide, so the count does not depend on the machine's speed.
    const team = conn.sqlite.prepare('select id from dispatch_teams order by id limit 1').get() as { id: number }
    const started = await api('dispatch.planStart', { from: '2026-03-13', to: '2026-03-13', teamId: team.id, workerIds: [], seconds: 60 })
    const job = await planFinished(started.id)
    expect(job.status).toBe('done')
    const fromTray = job.proposal!.ghosts.filter((g) => g.assignmentId === null).length
    expect(fromTray).toBeGreaterThanOrEqual(8)
    expect(fromTray + job.proposal!.totals.left).toBeGreaterThanOrEqual(30)
  })
})
