import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { withYearLoaded } from '@shared/domain/planning'
import type { PlanGhost } from '@shared/domain/planDay'
import { greatCircleKm } from '@shared/planner/travel'
import { runMethod } from '../../src/main/api/pipeline'
import type { Connection } from '../../src/main/db/connection'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { buildPlanInstance } from '../../src/main/services/planner/instance'
import { planFinished } from '../../src/main/services/planner/jobs'
import { planWorkerSpec } from '../../src/main/services/planner/workerPath'
import { freshDb, userWith } from '../support/db'
import { seedMasterData, testClock } from '../support/seed'

/** Tallinn wall time in February 2026 (UTC+2). */
const local = (day: number, h: number, m = 0) => Date.UTC(2026, 1, day, h - 2, m)

/**
 * Monday 23 February 2026, 07:00 in Tallinn; Tuesday the 24th is Independence Day. Team Põhja: Jaan and Mari
 * do electrical work, Anu does not. Jaan has a dispatched visit 10:00–12:00 today, Mari a planned one at
 * 13:00. Four orders wait in the tray: three need an electrician, one anybody.
 */
async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const clock = testClock(local(23, 7))
  const as = (ctx: ServiceContext) => createContext(conn, ctx.user, ctx.session, clock.now)
  const admin = as(seed.admin)
  const planner = as(userWith(conn, ['dispatcher'], 'planner'))
  const host = { conn, checkOutputs: true, now: clock.now }
  const api = async <M extends MethodName>(ctx: ServiceContext, method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await runMethod(host, () => null, ctx.session, method, input)
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { error: r.error })
    return r.data as Output<M>
  }
  const settings = await api(admin, 'settings.get', {})
  await api(admin, 'settings.update', {
    ...settings,
    holidays: withYearLoaded(settings.holidays, await api(admin, 'calendar.publicHolidays', { year: 2026 }))
  })
  const mari = await api(admin, 'workers.create', { name: 'Mari Mets', teamId: seed.team.id, skillIds: [seed.skill.id] })
  const anu = await api(admin, 'workers.create', { name: 'Anu Kask', teamId: seed.team.id })
  const site = seed.customer.sites[0]!
  sql(conn, 'update customer_sites set latitude = 59.43, longitude = 24.75 where id = ?', site.id)
  sql(conn, 'update workers set home_latitude = 59.44, home_longitude = 24.74 where team_id = ?', seed.team.id)
  const order = async (description: string, skilled: boolean) =>
    api(admin, 'serviceOrders.create', {
      customerId: seed.customer.id,
      siteId: site.id,
      description,
      tasks: skilled ? [{ id: seed.serviceTask.id }] : []
    })
  const fixedOrder = await order('Dispatched visit', true)
  const fixed = (
    await api(planner, 'dispatch.assign', {
      orderId: fixedOrder.id,
      orderVersion: fixedOrder.version,
      workerId: seed.worker.id,
      start: local(23, 10),
      end: local(23, 12)
    })
  ).card
  await api(planner, 'dispatch.dispatch', { ids: [fixed.id] })
  const movableOrder = await order('Planned visit', true)
  const movable = (
    await api(planner, 'dispatch.assign', {
      orderId: movableOrder.id,
      orderVersion: movableOrder.version,
      workerId: mari.id,
      start: local(23, 13),
      end: local(23, 14)
    })
  ).card
  const tray = [await order('Tray A', true), await order('Tray B', true), await order('Tray C', true), await order('Tray D', false)]
  return { conn, seed, clock, admin, planner, api, mari, anu, fixed, movable, tray }
}

function sql(conn: Connection, text: string, ...args: unknown[]): void {
  conn.sqlite.prepare(text).run(...args)
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end

const input = (teamId: number) => ({ from: '2026-02-23', to: '2026-02-24', teamId, workerIds: [], seconds: 5 })

describe('Plan day (issue 19, item 4)', () => {
  it('builds the instance from the database: skills, holidays, home bases, fixed dispatched work, movable planned work', async () => {
    const w = await world()
    const { instance, refs } = buildPlanInstance(w.planner, {
      ...input(w.seed.team.id),
      scope: { priority: null, skillId: null, from: null, to: null, q: '' }
    })
    const byId = new Map(instance.technicians.map((t) => [t.id, t]))
    expect([...byId.keys()].sort()).toEqual([`w${w.seed.worker.id}`, `w${w.mari.id}`, `w${w.anu.id}`].sort())
    expect(byId.get(`w${w.seed.worker.id}`)!.skills).toEqual([`s${w.seed.skill.id}`])
    expect(byId.get(`w${w.anu.id}`)!.skills).toEqual([])
    expect(byId.get(`w${w.anu.id}`)!.home).toEqual({ lat: 59.44, lon: 24.74 })
    for (const t of instance.technicians) {
      // Independence Day has no shift; today's starts no earlier than now (07:00) and the company's hours.
      expect(t.shifts.map((s) => s.date)).toEqual(['2026-02-23'])
      expect(t.shifts[0]!.start >= '07:00').toBe(true)
    }
    expect(instance.holidays).toContain('2026-02-24')
    const job = (key: string) => instance.jobs.find((j) => j.id === key)!
    expect(job(`a${w.fixed.id}`).fixed).toEqual({ technicianId: `w${w.seed.worker.id}`, start: '2026-02-23T10:00' })
    expect(job(`a${w.movable.id}`).fixed).toBeNull()
    expect(job(`o${w.tray[0]!.id}`)).toMatchObject({
      skills: [`s${w.seed.skill.id}`],
      location: { lat: 59.43, lon: 24.75 },
      place: `site${w.seed.customer.sites[0]!.id}`
    })
    expect(job(`o${w.tray[3]!.id}`).skills).toEqual([])
    expect(refs.jobs.get(`o${w.tray[0]!.id}`)!.orderNumber).toBe(w.tray[0]!.number)
    // The tray's filters decide the scope: a search for one order leaves the others out.
    const narrow = buildPlanInstance(w.planner, {
      ...input(w.seed.team.id),
      scope: { priority: null, skillId: null, from: null, to: null, q: w.tray[1]!.number }
    }).instance
    expect(narrow.jobs.filter((j) => j.id.startsWith('o')).map((j) => j.id)).toEqual([`o${w.tray[1]!.id}`])
  })

  it('plans in a worker thread around dispatched work, applies in one transaction and undoes in one step', async () => {
    const w = await world()
    const started = await w.api(w.planner, 'dispatch.planStart', input(w.seed.team.id))
    expect(started.status).toBe('running')
    const job = await planFinished(started.id)
    expect(job.status).toBe('done')
    expect(await w.api(w.planner, 'dispatch.planJob', { id: started.id })).toEqual(job)
    const proposal = job.proposal!
    const trayIds = new Set(w.tray.map((o) => o.id))
    const ghosts = proposal.ghosts
    expect(
      ghosts
        .filter((g) => trayIds.has(g.orderId))
        .map((g) => g.orderId)
        .sort()
    ).toEqual([...trayIds].sort())
    for (const g of ghosts) {
      // Never on the holiday, never on the electrical work of someone without the skill, never over dispatched work.
      expect(g.start).toBeGreaterThanOrEqual(local(23, 7))
      expect(g.end).toBeLessThanOrEqual(local(24, 0))
      if (g.orderId !== w.tray[3]!.id) expect(g.workerId).not.toBe(w.anu.id)
      if (g.workerId === w.seed.worker.id) expect(overlaps(g, w.fixed)).toBe(false)
      expect(g.reasons.map((r) => r.code)).toContain('FROM_PREVIOUS')
    }
    for (const a of ghosts) for (const b of ghosts) if (a !== b && a.workerId === b.workerId) expect(overlaps(a, b)).toBe(false)
    expect(proposal.totals).toMatchObject({ planned: ghosts.length, left: 0 })
    expect(ghosts.find((g) => g.assignmentId === w.movable.id)).toBeDefined()

    const trayBefore = await w.api(w.planner, 'dispatch.tray', { tab: 'unassigned' })
    const items = ghosts.map((g: PlanGhost) => ({
      orderId: g.orderId,
      orderVersion: g.orderVersion,
      assignmentId: g.assignmentId,
      assignmentVersion: g.assignmentVersion,
      workerId: g.workerId,
      start: g.start,
      end: g.end
    }))
    const applied = await w.api(w.planner, 'dispatch.planApply', { items })
    expect(applied.applied).toBe(items.length)
    const board = await w.api(w.planner, 'dispatch.board', { from: '2026-02-23', days: 1, teamIds: [w.seed.team.id] })
    expect(board.cards.filter((c) => trayIds.has(c.orderId))).toHaveLength(4)
    expect(board.cards.flatMap((c) => c.conflicts).filter((c) => c.kind === 'overlap')).toEqual([])
    const trayAfter = await w.api(w.planner, 'dispatch.tray', { tab: 'unassigned' })
    expect(trayAfter.total).toBe(trayBefore.total - 4)

    // One undo step: every proposed visit gone, the moved card back at 13:00, the tray as it was.
    await w.api(w.planner, 'dispatch.undo', { changeId: applied.changeId! })
    const undone = await w.api(w.planner, 'dispatch.board', { from: '2026-02-23', days: 1, teamIds: [w.seed.team.id] })
    expect(undone.cards.filter((c) => trayIds.has(c.orderId))).toEqual([])
    expect(undone.cards.find((c) => c.id === w.movable.id)).toMatchObject({ workerId: w.mari.id, start: local(23, 13) })
    expect((await w.api(w.planner, 'dispatch.tray', { tab: 'unassigned' })).total).toBe(trayBefore.total)
  })

  it("drives as the travel settings say: a slower road and a longer way make the plan's minutes and kilometres grow", async () => {
    const w = await world()
    const scope = { priority: null, skillId: null, from: null, to: null, q: '' }
    const plan = async () => (await planFinished((await w.api(w.planner, 'dispatch.planStart', input(w.seed.team.id))).id)).proposal!
    // Every site is the same one and every home base the same point: a day's first visit drives this far.
    const crow = greatCircleKm({ lat: 59.44, lon: 24.74 }, { lat: 59.43, lon: 24.75 })
    const fromHome = (p: Awaited<ReturnType<typeof plan>>) =>
      p.ghosts.filter((g) => g.travelKm > 0).map((g) => [g.travelKm, g.travelMinutes])
    const before = await plan()
    expect(fromHome(before).length).toBeGreaterThan(0)
    for (const leg of fromHome(before)) expect(leg).toEqual([Math.round(crow * 1.3 * 10) / 10, Math.ceil(((crow * 1.3) / 60) * 60 + 5)])

    const { version, ...rest } = await w.api(w.admin, 'settings.get', {})
    await w.api(w.admin, 'settings.update', { ...rest, version, travelRoadFactor: 2, travelSpeedKmh: 20, travelOverheadMinutes: 10 })
    expect(buildPlanInstance(w.planner, { ...input(w.seed.team.id), scope }).instance.travel).toEqual({
      roadFactor: 2,
      speedKmh: 20,
      overheadMinutes: 10
    })
    const after = await plan()
    for (const leg of fromHome(after)) expect(leg).toEqual([Math.round(crow * 2 * 10) / 10, Math.ceil(((crow * 2) / 20) * 60 + 10)])
    expect(after.totals.km).toBeGreaterThan(before.totals.km)
    expect(after.totals.travelMinutes).toBeGreaterThan(before.totals.travelMinutes)
  })

  it('applies all or nothing: a stale version answers CONFLICT and saves none of the proposal', async () => {
    const w = await world()
    const job = await planFinished((await w.api(w.planner, 'dispatch.planStart', input(w.seed.team.id))).id)
    const ghosts = job.proposal!.ghosts.filter((g) => g.assignmentId === null)
    // Another dispatcher plans the last proposed order meanwhile (on the 25th, clear of the proposal).
    const last = ghosts[ghosts.length - 1]!
    await w.api(w.admin, 'dispatch.assign', {
      orderId: last.orderId,
      orderVersion: last.orderVersion,
      workerId: w.mari.id,
      start: local(25, 9),
      end: local(25, 10)
    })
    const items = ghosts.map((g) => ({ ...g, assignmentId: null, assignmentVersion: null }))
    const r = await runMethod({ conn: w.conn, checkOutputs: true, now: w.clock.now }, () => null, w.planner.session, 'dispatch.planApply', {
      items: items.map(({ orderId, orderVersion, assignmentId, assignmentVersion, workerId, start, end }) => ({
        orderId,
        orderVersion,
        assignmentId,
        assignmentVersion,
        workerId,
        start,
        end
      }))
    })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('CONFLICT')
    const count = w.conn.sqlite.prepare('select count(*) as n from order_assignments').get() as { n: number }
    expect(count.n).toBe(3)
  })

  it('cancels a running plan; only planners may plan', async () => {
    const w = await world()
    const started = await w.api(w.planner, 'dispatch.planStart', { ...input(w.seed.team.id), seconds: 60 })
    const cancelled = await w.api(w.planner, 'dispatch.planCancel', { id: started.id })
    expect(cancelled.status).toBe('cancelled')
    expect((await planFinished(started.id)).status).toBe('cancelled')
    const tech = createContext(w.conn, userWith(w.conn, ['technician'], 'tech').user, undefined, w.clock.now)
    const r = await runMethod({ conn: w.conn, checkOutputs: true }, () => null, tech.session, 'dispatch.planStart', input(w.seed.team.id))
    expect(!r.ok && r.error.code).toBe('FORBIDDEN')
    const noOne = await runMethod({ conn: w.conn, checkOutputs: true }, () => null, w.planner.session, 'dispatch.planStart', {
      ...input(w.seed.team.id),
      teamId: null
    })
    expect(!noOne.ok && noOne.error.issues?.[0]?.path).toEqual(['teamId'])
  })

  it('finds the worker: the TypeScript source under tsx from sources, the built file beside a bundle', () => {
    expect(planWorkerSpec()).toMatchObject({ built: false })
    expect(planWorkerSpec().file).toMatch(/solveWorker\.ts$/)
    const out = mkdtempSync(join(tmpdir(), 'hooldus-out-'))
    mkdirSync(join(out, 'chunks'))
    writeFileSync(join(out, 'planWorker.js'), '')
    expect(planWorkerSpec(out)).toEqual({ file: join(out, 'planWorker.js'), built: true })
    expect(planWorkerSpec(join(out, 'chunks'))).toEqual({ file: join(out, 'planWorker.js'), built: true })
  })
})
