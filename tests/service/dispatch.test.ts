import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract, type Input } from '@shared/api/contract'
import { type DispatchMessage, dispatchText } from '@shared/dispatch/text'
import { formatsFor } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import { dateOf, fromLocalDateTime } from '@shared/time'
import type { Connection } from '../../src/main/db/connection'
import { addDays } from '../../src/main/services/dispatch/board'
import { dispatchExports } from '../../src/main/services/dispatch/handlers'
import type { ServiceContext } from '../../src/main/services/core/context'
import { call, callError, freshDb, userWith } from '../support/db'
import { expectRefused, linkedUser, walk } from '../support/orders'
import { seedMasterData } from '../support/seed'

const TZ = 'Europe/Tallinn'
const HOUR = 3_600_000

/** The Monday at least a week ahead, so that every planned time is well in the future and on a working day. */
function nextMonday(): string {
  let d = dateOf(Date.now() + 7 * 86_400_000, TZ)
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 1) d = dateOf(Date.parse(`${d}T12:00:00Z`) + 86_400_000, TZ)
  return d
}
const at = (date: string, time: string): number => fromLocalDateTime(`${date} ${time}`, TZ)!
/** A conflict's or reason's text as an English screen in the shop's zone shows it. */
const english = (m: DispatchMessage): string => dispatchText(tFor('en'), formatsFor('en', TZ), m)

function assignments(conn: Connection) {
  return conn.sqlite.prepare('select * from order_assignments order by id').all() as {
    id: number
    order_id: number
    worker_id: number
    start: number
    end: number
    status: string
    dispatched_at: number | null
    dispatched_by: number | null
    actual_start: number | null
    actual_end: number | null
  }[]
}

/**
 * The seed (a technician Jaan Tamm with the Electrical skill in team Põhja; an open order he is responsible for
 * with a 1.5 h hour line) plus: a second technician without the skill, a worker who is no technician, an order
 * nobody is named on with a task needing Electrical, and Jaan's own user account.
 */
async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const admin = seed.admin
  const other = await call(admin, 'workers.create', { name: 'Anu Kask', teamId: seed.team.id })
  const manager = await call(admin, 'workers.create', { name: 'Peeter Juht', roles: ['serviceManager'] })
  const contactId = seed.customer.contacts[0]!.id
  const fresh = await call(admin, 'serviceOrders.create', {
    customerId: seed.customer.id,
    siteId: seed.customer.sites[0]!.id,
    contactId,
    description: 'Kontrolli elektrikilpi',
    priority: 'high',
    tasks: [{ id: seed.serviceTask.id }],
    objects: [{ id: seed.serviceObject.id }]
  })
  const planner = userWith(conn, ['dispatcher'], 'planner')
  const tech = linkedUser(conn, ['technician'], 'jaan', seed.worker.id)
  return { conn, seed, admin, planner, tech, other, manager, fresh, monday: nextMonday() }
}
type World = Awaited<ReturnType<typeof world>>

async function orderOf(ctx: ServiceContext, id: number) {
  return call(ctx, 'serviceOrders.get', { id })
}

describe('assign, move, resize, unassign', () => {
  it('books the technician, keeps the order in step and hands the open hour lines to the technician', async () => {
    const w = await world()
    const start = at(w.monday, '09:00')
    // An hour line nobody is named on: its 2 h are the estimate (before the task's default 60 min).
    const withLine = await call(w.admin, 'serviceOrders.addLine', {
      orderId: w.fresh.id,
      type: 'hour',
      categoryId: w.seed.category.id,
      quantity: 2000
    })
    expect(withLine.lines[0]!.workerId).toBeNull()
    const { card } = await call(w.planner, 'dispatch.assign', {
      orderId: w.fresh.id,
      orderVersion: withLine.version,
      workerId: w.seed.worker.id,
      start
    })
    expect(card).toMatchObject({
      orderId: w.fresh.id,
      workerId: w.seed.worker.id,
      start,
      end: start + 2 * HOUR,
      status: 'planned',
      orderNumber: w.fresh.number,
      taskNames: 'Hooldus'
    })
    expect(card.requiredSkillIds).toEqual([w.seed.skill.id])
    expect(card.conflicts).toEqual([])
    let order = await orderOf(w.admin, w.fresh.id)
    expect(order).toMatchObject({
      plannedStart: start,
      plannedEnd: start + 2 * HOUR,
      responsibleWorkerId: w.seed.worker.id,
      version: withLine.version + 1
    })
    expect(order.lines[0]).toMatchObject({ workerId: w.seed.worker.id, scheduledDate: w.monday })

    // The seeded order's 1.5 h line already names Jaan, who is also responsible: booking Anu changes neither.
    const open = w.seed.openOrder
    const second = await call(w.planner, 'dispatch.assign', {
      orderId: open.id,
      orderVersion: open.version,
      workerId: w.other.id,
      start: at(w.monday, '13:00')
    })
    expect(second.card.end - second.card.start).toBe(1.5 * HOUR)
    const after = await orderOf(w.admin, open.id)
    expect(after.lines[0]).toMatchObject({ workerId: w.seed.worker.id, scheduledDate: null })
    expect(after.responsibleWorkerId).toBe(w.seed.worker.id)

    // Move to Tuesday on another technician, then resize: the order follows every time.
    const tuesday = dateOf(start + 26 * HOUR, TZ)
    const moved = await call(w.planner, 'dispatch.move', {
      id: card.id,
      version: card.version,
      workerId: w.other.id,
      start: at(tuesday, '10:00'),
      end: at(tuesday, '11:00')
    })
    expect(moved.card).toMatchObject({ workerId: w.other.id, start: at(tuesday, '10:00'), version: card.version + 1 })
    expect(moved.card.conflicts.map((c) => c.kind)).toEqual(['missingSkill'])
    const resized = await call(w.planner, 'dispatch.move', {
      id: card.id,
      version: moved.card.version,
      workerId: w.other.id,
      start: at(tuesday, '10:00'),
      end: at(tuesday, '12:30')
    })
    expect(resized.card.end).toBe(at(tuesday, '12:30'))
    order = await orderOf(w.admin, w.fresh.id)
    expect(order).toMatchObject({ plannedStart: at(tuesday, '10:00'), plannedEnd: at(tuesday, '12:30') })
    expect(assignments(w.conn).find((a) => a.id === card.id)).toMatchObject({
      worker_id: w.other.id,
      start: at(tuesday, '10:00'),
      end: at(tuesday, '12:30')
    })

    const gone = await call(w.planner, 'dispatch.unassign', { id: card.id, version: resized.card.version })
    expect(gone).toEqual({ orderId: w.fresh.id, changeId: expect.any(Number) })
    expect(assignments(w.conn).map((a) => a.id)).not.toContain(card.id)
    order = await orderOf(w.admin, w.fresh.id)
    expect(order).toMatchObject({ plannedStart: null, plannedEnd: null })

    const audit = w.conn.sqlite
      .prepare("select action from audit_log where entity = 'orderAssignment' and entity_id = ? order by id")
      .all(card.id)
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }, { action: 'update' }, { action: 'delete' }])
  })

  it('a signed-off line handed to the technician loses its sign-off, as an edit on the order would, and each handed-over line is audited', async () => {
    const w = await world()
    const unnamed = await call(w.admin, 'serviceOrders.addLine', {
      orderId: w.fresh.id,
      type: 'hour',
      categoryId: w.seed.category.id,
      quantity: 2000
    })
    const withBoth = await call(w.admin, 'serviceOrders.addLine', {
      orderId: w.fresh.id,
      type: 'hour',
      categoryId: w.seed.category.id,
      quantity: 1000,
      workerId: w.other.id
    })
    const signed = await call(w.admin, 'serviceOrders.signOff', { id: w.fresh.id, version: withBoth.version, lineIds: [] })
    expect(signed.signedOffAt).not.toBeNull()
    expect(signed.lines.every((l) => l.signedOff)).toBe(true)
    const [handed, kept] = signed.lines
    expect(handed!.id).toBe(unnamed.lines[0]!.id)

    await call(w.planner, 'dispatch.assign', {
      orderId: w.fresh.id,
      orderVersion: signed.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '09:00')
    })
    const after = await orderOf(w.admin, w.fresh.id)
    // The line nobody was named on now names the technician and a date: it has to be signed off again, and so does the order.
    expect(after.lines[0]).toMatchObject({
      id: handed!.id,
      workerId: w.seed.worker.id,
      scheduledDate: w.monday,
      signedOff: false,
      version: handed!.version + 1
    })
    expect(after.signedOffAt).toBeNull()
    // The line the office named someone on is not handed over and keeps its sign-off.
    expect(after.lines[1]).toMatchObject({ id: kept!.id, workerId: w.other.id, signedOff: true, version: kept!.version })

    const log = w.conn.sqlite
      .prepare(
        "select entity_id as id, user_id as userId, before, after from audit_log where entity = 'serviceOrderLine' and action = 'update' order by id"
      )
      .all() as { id: number; userId: number; before: string; after: string }[]
    expect(log).toHaveLength(1)
    expect(log[0]!.id).toBe(handed!.id)
    expect(log[0]!.userId).toBe(w.planner.user!.id)
    expect(JSON.parse(log[0]!.before)).toMatchObject({ workerId: null, signedOffAt: signed.signedOffAt })
    expect(JSON.parse(log[0]!.after)).toMatchObject({ workerId: w.seed.worker.id, scheduledDate: w.monday, signedOffAt: null })
  })

  it('refuses a worker without the technician role, a start beyond the past limit, stale versions and moving finished work — changing nothing', async () => {
    const w = await world()
    const start = at(w.monday, '09:00')
    const base = { orderId: w.fresh.id, orderVersion: w.fresh.version, start }
    const rows = assignments(w.conn)
    await expectRefused(
      w.planner,
      'dispatch.assign',
      { ...base, workerId: w.manager.id },
      'VALIDATION',
      /Peeter Juht is not a technician/,
      ['workerId']
    )
    await expectRefused(
      w.planner,
      'dispatch.assign',
      { ...base, workerId: w.seed.worker.id, start: Date.now() - 25 * HOUR },
      'VALIDATION',
      /more than 24 hours in the past/,
      ['start']
    )
    await expectRefused(
      w.planner,
      'dispatch.assign',
      { ...base, workerId: w.seed.worker.id, orderVersion: w.fresh.version + 5 },
      'CONFLICT',
      /was changed by/
    )
    await expectRefused(
      w.planner,
      'dispatch.assign',
      { ...base, workerId: w.seed.worker.id, end: start },
      'VALIDATION',
      /End must be after start/,
      ['end']
    )
    expect(assignments(w.conn)).toEqual(rows)

    // Within the limit is fine: an hour ago (a visit that is being registered late).
    await call(w.planner, 'dispatch.assign', { ...base, workerId: w.seed.worker.id, start: Date.now() - HOUR })
    const [card] = assignments(w.conn)
    await expectRefused(
      w.planner,
      'dispatch.move',
      { id: card!.id, version: 99, workerId: w.seed.worker.id, start, end: start + HOUR },
      'CONFLICT',
      /Assignment was changed/
    )
    await expectRefused(
      w.planner,
      'dispatch.move',
      { id: card!.id, version: 1, workerId: w.manager.id, start, end: start + HOUR },
      'VALIDATION',
      /not a technician/,
      ['workerId']
    )

    await call(w.tech, 'dispatch.setStatus', { id: card!.id, version: 1, status: 'done' })
    await expectRefused(
      w.planner,
      'dispatch.move',
      { id: card!.id, version: 2, workerId: w.seed.worker.id, start, end: start + HOUR },
      'VALIDATION',
      /Finished work cannot be moved/,
      ['id']
    )
    await expectRefused(w.planner, 'dispatch.unassign', { id: card!.id, version: 2 }, 'VALIDATION', /Finished work stays/, ['id'])
    expect(assignments(w.conn)).toHaveLength(1)
  })

  it('refuses a posted or cancelled order', async () => {
    const w = await world()
    const done = w.seed.doneOrder
    await expectRefused(
      w.planner,
      'dispatch.assign',
      { orderId: done.id, orderVersion: done.version, workerId: w.seed.worker.id, start: at(w.monday, '09:00') },
      'VALIDATION',
      /is posted/,
      ['orderId']
    )
  })
})

describe('dispatch and the technician', () => {
  it('dispatch marks planned work as told; moving it in time makes it planned again', async () => {
    const w = await world()
    const { card } = await call(w.planner, 'dispatch.assign', {
      orderId: w.fresh.id,
      orderVersion: w.fresh.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '09:00')
    })
    const before = Date.now()
    expect(await call(w.planner, 'dispatch.dispatch', { ids: [card.id, card.id] })).toEqual({ dispatched: 1, changeId: expect.any(Number) })
    const row = assignments(w.conn)[0]!
    expect(row.status).toBe('dispatched')
    expect(row.dispatched_at).toBeGreaterThanOrEqual(before)
    expect(row.dispatched_by).toBe(w.planner.user!.id)
    // Already dispatched: nothing more to do.
    expect(await call(w.planner, 'dispatch.dispatch', { ids: [card.id] })).toEqual({ dispatched: 0, changeId: null })

    const moved = await call(w.planner, 'dispatch.move', {
      id: card.id,
      version: 2,
      workerId: w.seed.worker.id,
      start: at(w.monday, '10:00'),
      end: at(w.monday, '11:00')
    })
    expect(moved.card).toMatchObject({ status: 'planned', dispatchedAt: null })
  })

  it('a technician sees only their own board, cannot plan, and registers progress on their own work only', async () => {
    const w = await world()
    const mine = (
      await call(w.planner, 'dispatch.assign', {
        orderId: w.fresh.id,
        orderVersion: w.fresh.version,
        workerId: w.seed.worker.id,
        start: at(w.monday, '09:00')
      })
    ).card
    const open = w.seed.openOrder
    const theirs = (
      await call(w.planner, 'dispatch.assign', {
        orderId: open.id,
        orderVersion: open.version,
        workerId: w.other.id,
        start: at(w.monday, '09:00')
      })
    ).card

    const all = await call(w.planner, 'dispatch.board', { from: w.monday, days: 5 })
    expect(all.cards.map((c) => c.id).sort()).toEqual([mine.id, theirs.id].sort())
    // Asking for the other technician's row changes nothing: "My work" is always the technician's own.
    const own = await call(w.tech, 'dispatch.board', { from: w.monday, days: 5, workerId: w.other.id })
    expect(own.technicians.map((t) => t.id)).toEqual([w.seed.worker.id])
    expect(own.cards.map((c) => c.id)).toEqual([mine.id])

    expect(
      (
        await callError(w.tech, 'dispatch.move', {
          id: mine.id,
          version: mine.version,
          workerId: w.seed.worker.id,
          start: mine.start,
          end: mine.end + HOUR
        })
      ).code
    ).toBe('FORBIDDEN')
    expect((await callError(w.tech, 'dispatch.setStatus', { id: theirs.id, version: theirs.version, status: 'onSite' })).message).toMatch(
      /not assigned to you/
    )

    const arrived = Date.now() - 60_000
    const onSite = await call(w.tech, 'dispatch.setStatus', {
      id: mine.id,
      version: mine.version,
      status: 'onSite',
      at: arrived,
      note: 'Värav lukus, helistasin'
    })
    expect(onSite.card).toMatchObject({ status: 'onSite', actualStart: arrived, actualEnd: null, note: 'Värav lukus, helistasin' })
    await expectRefused(
      w.tech,
      'dispatch.setStatus',
      { id: mine.id, version: onSite.card.version, status: 'done', at: Date.now() + HOUR },
      'VALIDATION',
      /cannot be in the future/,
      ['at']
    )
    const finished = await call(w.tech, 'dispatch.setStatus', { id: mine.id, version: onSite.card.version, status: 'done' })
    expect(finished.card.status).toBe('done')
    expect(finished.card.actualEnd).toBeGreaterThanOrEqual(arrived)
    // The order takes the visit's times: its only visit is done.
    const order = await orderOf(w.admin, w.fresh.id)
    expect(order).toMatchObject({ actualStart: arrived, actualEnd: finished.card.actualEnd })
    expect((await callError(w.tech, 'dispatch.daySheet', { workerId: w.other.id, date: w.monday })).message).toMatch(
      /only your own day sheet/
    )
  })
})

describe('board', () => {
  it('answers technicians grouped by team with their calendars, and flags overlaps, missing skills and time outside working hours', async () => {
    const w = await world()
    const open = w.seed.openOrder
    const a = (
      await call(w.planner, 'dispatch.assign', {
        orderId: w.fresh.id,
        orderVersion: w.fresh.version,
        workerId: w.other.id,
        start: at(w.monday, '09:00'),
        end: at(w.monday, '11:00')
      })
    ).card
    const b = (
      await call(w.planner, 'dispatch.assign', {
        orderId: open.id,
        orderVersion: open.version,
        workerId: w.other.id,
        start: at(w.monday, '10:00'),
        end: at(w.monday, '12:00')
      })
    ).card
    // The second card's answer already knows of the overlap.
    expect(b.conflicts).toContainEqual(expect.objectContaining({ kind: 'overlap', otherAssignmentId: a.id }))
    const late = (
      await call(w.planner, 'dispatch.assign', {
        orderId: open.id,
        orderVersion: open.version + 1,
        workerId: w.seed.worker.id,
        start: at(w.monday, '18:00'),
        end: at(w.monday, '19:00')
      })
    ).card

    const board = await call(w.planner, 'dispatch.board', { from: w.monday, days: 7 })
    expect(board.timeZone).toBe(TZ)
    expect(board.from).toBe(at(w.monday, '00:00'))
    expect(board.to - board.from).toBeGreaterThanOrEqual(7 * 24 * HOUR - HOUR)
    // Both technicians of Põhja by name; the service manager is not a technician and has no cards: not a row.
    expect(board.technicians.map((t) => t.name)).toEqual(['Anu Kask', 'Jaan Tamm'])
    expect(board.technicians[1]).toMatchObject({ teamId: w.seed.team.id, skillIds: [w.seed.skill.id], active: true })
    expect(board.technicians[1]!.workingHours[0]).toEqual({ open: true, start: '08:00', end: '17:00' })
    expect(board.teams).toEqual([{ id: w.seed.team.id, name: 'Põhja' }])
    const byId = new Map(board.cards.map((c) => [c.id, c]))
    expect(byId.get(a.id)!.conflicts.map((c) => c.kind)).toEqual(['overlap', 'missingSkill'])
    expect(english(byId.get(a.id)!.conflicts[1]!)).toBe('Missing skill: Electrical')
    expect(byId.get(b.id)!.conflicts.map((c) => c.kind)).toEqual(['overlap'])
    expect(byId.get(late.id)!.conflicts.map((c) => c.kind)).toEqual(['outsideHours'])
    expect(byId.get(a.id)).toMatchObject({
      customerName: 'Õunapuu OÜ',
      address: 'Pärnu mnt 10, Tallinn',
      priority: 'high',
      // Booked, the order entered the stage the lifecycle settings name for planned work (ADR 0017).
      stageName: 'Scheduled',
      sla: null
    })

    // A team filter that matches nobody leaves an empty board.
    const team = await call(w.admin, 'dispatchTeams.create', { code: 'SOUTH', name: 'Lõuna' })
    const empty = await call(w.planner, 'dispatch.board', { from: w.monday, days: 7, teamIds: [team.id] })
    expect(empty).toMatchObject({ technicians: [], cards: [] })
  })

  it('answers each technician’s days off — their own closed weekdays and the company’s holidays — as whole-day intervals, where a drop is a conflict', async () => {
    const w = await world()
    const open = { open: true, start: '08:00', end: '17:00' }
    const closed = { open: false, start: '08:00', end: '17:00' }
    // Anu works Monday to Wednesday; Jaan the company's week (Monday to Friday). Tuesday is a holiday for both.
    await call(w.admin, 'workers.update', { ...w.other, workingHours: [open, open, open, closed, closed, closed, closed] })
    const tuesday = addDays(w.monday, 1)
    const settings = await call(w.admin, 'settings.get', {})
    await call(w.admin, 'settings.update', { ...settings, holidays: [...settings.holidays, { date: tuesday, name: 'Test Day' }] })

    const board = await call(w.planner, 'dispatch.board', { from: w.monday, days: 7 })
    const of = (name: string) => board.technicians.find((t) => t.name === name)!.unavailable
    const holiday = { start: at(tuesday, '00:00'), end: at(addDays(w.monday, 2), '00:00'), reason: 'holiday', name: 'Test Day' }
    // Thursday to Sunday is one block for Anu; Jaan's is the weekend.
    expect(of('Anu Kask')).toEqual([
      holiday,
      { start: at(addDays(w.monday, 3), '00:00'), end: at(addDays(w.monday, 7), '00:00'), reason: 'dayOff', name: null }
    ])
    expect(of('Jaan Tamm')).toEqual([
      holiday,
      { start: at(addDays(w.monday, 5), '00:00'), end: at(addDays(w.monday, 7), '00:00'), reason: 'dayOff', name: null }
    ])
    // A one-day board shows only that day's.
    const thursday = await call(w.planner, 'dispatch.board', { from: addDays(w.monday, 3), days: 1 })
    expect(thursday.technicians.map((t) => [t.name, t.unavailable.map((u) => u.reason)])).toEqual([
      ['Anu Kask', ['dayOff']],
      ['Jaan Tamm', []]
    ])

    // The dispatcher may still book Anu on her Thursday: the card says it is her day off.
    const card = (
      await call(w.planner, 'dispatch.assign', {
        orderId: w.fresh.id,
        orderVersion: w.fresh.version,
        workerId: w.other.id,
        start: at(addDays(w.monday, 3), '09:00'),
        end: at(addDays(w.monday, 3), '10:00')
      })
    ).card
    expect(card.conflicts.map((c) => c.code)).toContain('dispatch.conflicts.closedDay')
  })
})

describe('tray', () => {
  it('sorts open orders onto the tabs by assignment, named technician, dispatch and on-hold stage, with counts under the filters', async () => {
    const w = await world()
    const tray = (i: Input<'dispatch.tray'>) => call(w.planner, 'dispatch.tray', i)
    let t = await tray({ tab: 'unassigned' })
    expect(t.rows.map((r) => r.orderNumber)).toEqual([w.fresh.number])
    expect(t.rows[0]).toMatchObject({
      durationMinutes: 60,
      requiredSkillIds: [w.seed.skill.id],
      priority: 'high',
      responsibleWorkerId: null
    })
    expect(t.counts).toEqual({ unassigned: 1, unscheduled: 1, dispatched: 0, onHold: 0 })
    t = await tray({ tab: 'unscheduled' })
    expect(t.rows[0]).toMatchObject({ orderId: w.seed.openOrder.id, durationMinutes: 90, responsibleWorkerName: 'Jaan Tamm' })

    expect((await tray({ tab: 'unassigned', skillId: w.seed.skill.id })).total).toBe(1)
    expect((await tray({ tab: 'unassigned', priority: 'low' })).total).toBe(0)
    expect((await tray({ tab: 'unassigned', q: 'elektrikilp' })).total).toBe(1)
    expect((await tray({ tab: 'unassigned', q: 'nothing like it' })).counts).toEqual({
      unassigned: 0,
      unscheduled: 0,
      dispatched: 0,
      onHold: 0
    })

    const { card } = await call(w.planner, 'dispatch.assign', {
      orderId: w.fresh.id,
      orderVersion: w.fresh.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '09:00')
    })
    await call(w.planner, 'dispatch.dispatch', { ids: [card.id] })
    t = await tray({ tab: 'dispatched' })
    expect(t.rows.map((r) => r.orderId)).toEqual([w.fresh.id])
    expect(t.rows[0]!.plannedStart).toBe(card.start)
    expect(t.counts).toMatchObject({ unassigned: 0, unscheduled: 1, dispatched: 1 })

    await walk(w.admin, w.seed.openOrder.id, ['SCHEDULED', 'ON-HOLD'], w.seed.stages, w.seed.reason.id)
    t = await tray({ tab: 'onHold' })
    expect(t.rows.map((r) => r.orderId)).toEqual([w.seed.openOrder.id])
    expect(t.counts).toEqual({ unassigned: 0, unscheduled: 0, dispatched: 1, onHold: 1 })
  })
})

describe('suggest', () => {
  it('ranks the skilled, preferred technician first and says why', async () => {
    const w = await world()
    const s = await call(w.planner, 'dispatch.suggest', { orderId: w.fresh.id, from: w.monday, days: 1, teamId: w.seed.team.id })
    expect(s.map((x) => x.name)).toEqual(['Jaan Tamm', 'Anu Kask'])
    expect(s[0]!.reasons.map(english)).toEqual([
      'Has the required skill',
      'Free 08:00–09:00',
      'In team Põhja',
      `Nothing booked on ${w.monday.slice(8, 10)}.${w.monday.slice(5, 7)}`
    ])
    expect(s[0]!.slot).toEqual({ start: at(w.monday, '08:00'), end: at(w.monday, '09:00') })
    expect(s[1]!.reasons.map(english)).toContain('Missing skill: Electrical')

    // With Jaan booked 08:00–12:00 his first free hour moves to noon.
    await call(w.planner, 'dispatch.assign', {
      orderId: w.seed.openOrder.id,
      orderVersion: w.seed.openOrder.version,
      workerId: w.seed.worker.id,
      start: at(w.monday, '08:00'),
      end: at(w.monday, '12:00')
    })
    const again = await call(w.planner, 'dispatch.suggest', { orderId: w.fresh.id, from: w.monday, days: 1, teamId: null })
    expect(again[0]!.slot).toEqual({ start: at(w.monday, '12:00'), end: at(w.monday, '13:00') })
    expect(again[0]!.reasons.map(english)).toContain('4 h booked on ' + `${w.monday.slice(8, 10)}.${w.monday.slice(5, 7)}`)
  })
})

describe('plan list, CSV and day sheet', () => {
  async function planned(w: World) {
    const first = (
      await call(w.planner, 'dispatch.assign', {
        orderId: w.fresh.id,
        orderVersion: w.fresh.version,
        workerId: w.seed.worker.id,
        start: at(w.monday, '13:00')
      })
    ).card
    const open = w.seed.openOrder
    const second = (
      await call(w.planner, 'dispatch.assign', {
        orderId: open.id,
        orderVersion: open.version,
        workerId: w.seed.worker.id,
        start: at(w.monday, '08:30')
      })
    ).card
    return { first, second }
  }

  it('lists the plan over the days, sorted by start or worker, and exports the same rows', async () => {
    const w = await world()
    const { first, second } = await planned(w)
    const page = await call(w.planner, 'dispatchPlan.list', { from: w.monday, to: w.monday })
    expect(page.total).toBe(2)
    expect(page.rows.map((r) => r.id)).toEqual([second.id, first.id])
    expect(page.rows[1]).toMatchObject({
      date: w.monday,
      workerName: 'Jaan Tamm',
      teamName: 'Põhja',
      orderNumber: w.fresh.number,
      taskNames: 'Hooldus',
      address: 'Pärnu mnt 10, Tallinn',
      status: 'planned'
    })
    const desc = await call(w.planner, 'dispatchPlan.list', { from: w.monday, to: w.monday, sort: 'worker', dir: 'desc' })
    expect(desc.rows.map((r) => r.id)).toEqual([first.id, second.id])
    expect((await call(w.planner, 'dispatchPlan.list', { from: w.monday, to: w.monday, workerId: w.other.id })).total).toBe(0)
    const nextDay = dateOf(at(w.monday, '12:00') + 24 * HOUR, TZ)
    expect((await call(w.planner, 'dispatchPlan.list', { from: nextDay, to: nextDay })).total).toBe(0)

    const input = contract['dispatchPlan.list'].input.parse({ from: w.monday, to: w.monday })
    const rows = [...dispatchExports['dispatchPlan.list']!(w.planner, input as never)]
    expect(rows).toEqual(page.rows)
  })

  it('prints a technician’s day sheet with each visit in time order, in the language of whoever prints it', async () => {
    const w = await world()
    const { first, second } = await planned(w)
    const print = async (name: string) => {
      const pdf = await call(w.tech, 'dispatch.daySheet', { workerId: w.seed.worker.id, date: w.monday })
      expect(pdf.fileName).toBe(`day-sheet-${w.seed.worker.number}-${w.monday}.pdf`)
      const file = join(w.conn.file, '..', name)
      writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'))
      return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    }
    await call(w.tech, 'auth.setPreferences', { language: 'et', csvDialect: 'spreadsheet' })
    const et = await print('day-et.pdf')
    expect(et).toContain('Päevaplaan')
    expect(et).toContain('Helista: Mari Maasikas +372')
    expect(et).toContain('Hooldustööd: Hooldus')
    expect(et).toContain('Oskused: Electrical')
    expect(et).toMatch(/Planeeritud\s+2,5 h/)
    expect(et).not.toContain('Day sheet')

    await call(w.tech, 'auth.setPreferences', { language: 'en', csvDialect: 'standard' })
    const text = await print('day.pdf')
    expect(text).toContain('Day sheet')
    expect(text).toContain('Jaan Tamm')
    expect(text).toContain('Õunapuu OÜ')
    expect(text).toContain('Pärnu mnt 10, Tallinn')
    expect(text).toContain('Call: Mari Maasikas +372')
    expect(text).toContain('Tasks: Hooldus')
    expect(text).toContain('SN-778899')
    expect(text).toContain('Skills: Electrical')
    expect(text).toContain('08:30–10:00')
    expect(text).toContain('13:00–14:00')
    expect(text.indexOf(w.seed.openOrder.number)).toBeLessThan(text.indexOf(w.fresh.number))
    expect(text).toMatch(/Booked\s+2.5 h/)
    expect(second.start).toBeLessThan(first.start)
  })
})
