import { describe, expect, it } from 'vitest'
import { LINE_TYPES } from '@shared/domain/orders'
import type { Connection } from '../../src/main/db/connection'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { AGREEMENTS_PER_SCALE } from '../../src/main/demo/agreements'
import { createDemoData, type DemoOptions } from '../../src/main/demo/createDemo'
import { agreementState } from '../support/agreements'
import { call, freshDb, userWith } from '../support/db'
import { demoOnce } from '../support/demoOnce'

const TODAY = '2026-11-27'
const quickHash = () => ({ hash: '00', salt: '00' })
const demo = (conn: Connection, options: DemoOptions = {}) =>
  createDemoData(conn, { today: TODAY, now: Date.UTC(2026, 10, 27), hashPassword: quickHash, ...options })
const all = <T>(conn: Connection, sql: string, ...params: unknown[]) => conn.sqlite.prepare(sql).all(...params) as T[]
const one = <T>(conn: Connection, sql: string, ...params: unknown[]) => conn.sqlite.prepare(sql).get(...params) as T
const demoCompany = demoOnce((conn) => demo(conn))

describe('demo agreements', () => {
  it("about 120 agreements in Gold / Silver / Bronze over the customers' objects, one suspended, one template", async () => {
    const { conn, summary } = await demoCompany()
    const c = summary.counts.agreements
    expect(c.agreements).toBe(AGREEMENTS_PER_SCALE + 1)
    expect(c.suspended).toBe(1)
    expect(c.templates).toBe(1)
    expect(Object.keys(c.byGroup)).toEqual(['GOLD', 'SILVER', 'BRONZE'])
    for (const n of Object.values(c.byGroup)) expect(n).toBeGreaterThan(15)

    const admin = userWith(conn, ['administrator'], 'root')
    const groups = await call(admin, 'agreementGroups.list', {})
    expect(groups.rows.map((g) => g.name)).toEqual(['Pronks', 'Kuld', 'Hõbe'])
    const list = await call(admin, 'agreements.list', { pageSize: 500 })
    expect(list.total).toBe(121)
    // Numbers from the sequence, which continues after them.
    expect(list.rows.map((a) => a.number).sort()).toEqual(Array.from({ length: 121 }, (_, i) => `AGR-${String(i + 1).padStart(5, '0')}`))
    expect((await call(admin, 'numberSequences.list', {})).rows.find((s) => s.code === 'agreement')!.preview).toBe('AGR-00122')
    expect((await call(admin, 'agreements.list', { status: 'suspended' })).total).toBe(1)
    const templates = await call(admin, 'agreements.list', { status: 'template' })
    expect(templates.total).toBe(1)
    const template = await call(admin, 'agreements.get', { id: templates.rows[0]!.id })
    expect(template.templateGroupName).toBe('Küte')
    expect(template.lines.length).toBeGreaterThan(0)
    expect((await call(admin, 'templateGroups.list', {})).rows.map((g) => [g.code, g.parentName])).toEqual([
      ['STD', null],
      ['STD-HEAT', 'Standardpaketid']
    ])

    // Every agreement reads back through the API with output checking on; its lines' objects are related to it and are the customer's.
    for (const row of list.rows) {
      const a = await call(admin, 'agreements.get', { id: row.id })
      const related = new Set(a.objects.map((o) => o.id))
      for (const l of a.lines) if (l.serviceObjectId !== null) expect(related.has(l.serviceObjectId)).toBe(true)
      expect(a.endDate === null || a.endDate >= a.startDate).toBe(true)
      expect(a.lines.every((l) => l.startDate >= a.startDate)).toBe(true)
    }
    const foreign = one<{ n: number }>(
      conn,
      'select count(*) as n from agreement_objects r join agreements a on a.id = r.agreement_id join service_objects o on o.id = r.service_object_id where o.customer_id <> a.customer_id'
    )
    expect(foreign.n).toBe(0)

    // Weekly to yearly lines, some with a time window and some with a time of day.
    const intervals = all<{ code: string }>(
      conn,
      'select distinct i.code from agreement_lines l join service_intervals i on i.id = l.interval_id order by 1'
    ).map((r) => r.code)
    expect(intervals).toEqual(['BIWEEKLY', 'HALFYEAR', 'MONTHLY', 'QUARTERLY', 'WEEKLY', 'YEARLY'])
    const windows = all<{ code: string | null }>(
      conn,
      'select distinct w.code from agreement_lines l left join time_windows w on w.id = l.time_window_id order by 1'
    ).map((r) => r.code)
    expect(windows).toEqual([null, 'MONTH', 'PM3', 'WEEK'])
    expect(
      one<{ n: number }>(conn, 'select count(*) as n from agreement_lines where start_after is not null and end_before > start_after').n
    ).toBeGreaterThan(10)
    expect(one<{ n: number }>(conn, 'select count(*) as n from agreement_lines where stopped = 1').n).toBeGreaterThan(0)
    expect(all<{ type: string }>(conn, 'select distinct type from agreement_lines order by 1').map((r) => r.type)).toEqual(['fee', 'hour'])
    expect(new Set(all<{ r: string }>(conn, 'select combine_rule as r from agreements').map((r) => r.r))).toEqual(
      new Set(['agreement', 'object', 'task'])
    )
    // Nothing generated yet.
    expect(one<{ n: number }>(conn, "select count(*) as n from service_orders where origin = 'agreement'").n).toBe(0)
  })

  it('generating the coming three months on a fresh demo creates their orders, whole per agreement, and a re-run nothing', async () => {
    const { conn } = await demoCompany()
    const admin = userWith(conn, ['administrator'], 'root')
    const input = { from: TODAY, to: '2027-02-26', agreementIds: [], customerId: null, groupId: null, types: [...LINE_TYPES] }
    const preview = await call(admin, 'agreements.preview', { from: input.from, to: input.to })
    const run = runGeneration(admin, input)
    expect(run.summary.orders).toBeGreaterThan(200)
    expect(run.summary).toEqual({
      orders: preview.orders,
      lines: preview.lines,
      skipped: 0,
      conflicts: preview.conflicts,
      agreements: preview.agreements
    })
    // The suspended agreement, the template and the ended ones made nothing; the others made whole plans.
    const state = agreementState(conn)
    for (const a of state) {
      expect(a.lines, a.number).toBe(a.ledger)
      expect(a.emptyOrders, a.number).toBe(0)
    }
    const idle = all<{ id: number }>(
      conn,
      `select id from agreements where suspended = 1 or template_group_id is not null or end_date < '${TODAY}'`
    ).map((r) => r.id)
    expect(idle.length).toBeGreaterThanOrEqual(2)
    for (const id of idle) expect(state.find((a) => a.id === id)!.ledger).toBe(0)
    // Every order is in the range and reads back through the API.
    const orders = all<{ id: number; date: string }>(
      conn,
      "select o.id, min(l.scheduled_date) as date from service_orders o join service_order_lines l on l.order_id = o.id where o.origin = 'agreement' group by o.id"
    )
    expect(orders).toHaveLength(run.summary.orders)
    expect(orders.every((o) => o.date >= input.from && o.date <= input.to)).toBe(true)
    for (const o of orders.slice(0, 50)) await call(admin, 'serviceOrders.get', { id: o.id })

    expect(runGeneration(admin, input).summary).toMatchObject({ orders: 0, skipped: run.summary.lines })
  })

  it('is deterministic, and scales', async () => {
    const snapshot = (conn: Connection) => ({
      agreements: all(
        conn,
        'select number, customer_id, description, group_id, start_date, end_date, suspended, combine_rule from agreements order by id'
      ),
      lines: all(
        conn,
        'select agreement_id, line_no, type, service_object_id, interval_id, time_window_id, start_date, start_after, end_before, quantity, stopped from agreement_lines order by id'
      )
    })
    const a = (await demoCompany()).conn
    const b = (await freshDb()).conn
    demo(b)
    expect(snapshot(b)).toEqual(snapshot(a))
    // Half the company, half the agreements (and the template).
    const c = (await freshDb()).conn
    expect(demo(c, { scale: 0.5 }).counts.agreements.agreements).toBe(Math.round(AGREEMENTS_PER_SCALE * 0.5) + 1)
  })
})
