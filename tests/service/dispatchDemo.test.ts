import { describe, expect, it } from 'vitest'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { createContext } from '../../src/main/services/core/context'
import { createDemoData } from '../../src/main/demo/createDemo'
import { getBoard } from '../../src/main/services/dispatch/board'
import { Calendars, cardWithConflicts } from '../../src/main/services/dispatch/read'
import { loadSettings } from '../../src/main/services/settings/settings'
import { call, freshDb } from '../support/db'

const quick = () => ({ hash: '00', salt: '00' })

describe('demo dispatch board', () => {
  it('plans the anchor week, keeps orders in step, fills the tray and leaves a few conflicts', async () => {
    const { conn } = await freshDb()
    // Wednesday 10:00 in Tallinn: Monday and Tuesday are history, the rest of the week ahead.
    const now = Date.UTC(2026, 2, 11, 8)
    const summary = createDemoData(conn, { today: '2026-03-11', now, hashPassword: quick })
    const d = summary.counts.dispatch
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

    const dispatcher = conn.sqlite.prepare("select id from users where username = 'dispatcher'").get() as { id: number }
    const ctx = createContext(conn, loadSessionUser(conn.db, dispatcher.id), undefined, () => now)
    const board = await call(ctx, 'dispatch.board', { from: '2026-03-09', days: 5 })
    expect(board.cards).toHaveLength(d.cards)
    const kinds = new Set(board.cards.flatMap((c) => c.conflicts.map((k) => k.kind)))
    expect([...kinds]).toEqual(expect.arrayContaining(['overlap', 'missingSkill', 'outsideHours']))
    // The week read (set-based, ADR 0006) answers each card as the one-card read a mutation answers does.
    // Both straight on the service with the context's clock (`call` runs on the wall clock: SLA minutes differ).
    const calendars = new Calendars(loadSettings(conn.db))
    const week = getBoard(ctx, { from: '2026-03-09', days: 5, teamIds: [], workerId: null })
    expect(week.cards.length).toBe(d.cards)
    // The week of a technician with an overlap (a one-card read costs tens of ms: one technician, not all).
    const busy = week.cards.find((c) => c.conflicts.some((k) => k.kind === 'overlap'))!.workerId
    const sample = week.cards.filter((c) => c.workerId === busy)
    expect(sample.some((c) => c.travel.before?.minutes)).toBe(true)
    for (const card of sample) expect(card).toEqual(cardWithConflicts(ctx, calendars, card.id))
    const tray = await call(ctx, 'dispatch.tray', { tab: 'unassigned' })
    expect(tray.counts.unassigned).toBeGreaterThanOrEqual(30)
    expect(tray.rows.filter((r) => r.requestedStart !== null).length).toBeGreaterThanOrEqual(30)

    // Deterministic: the same seed and date plan the same week.
    const again = await freshDb()
    createDemoData(again.conn, { today: '2026-03-11', now, hashPassword: quick })
    const plan = (c: typeof conn) =>
      c.sqlite.prepare('select order_id, worker_id, start, "end", status from order_assignments order by id').all()
    expect(plan(again.conn)).toEqual(plan(conn))
  })
})
