import type { Input } from '@shared/api/contract'
import { LINE_TYPES } from '@shared/domain/orders'
import type { Connection } from '../../src/main/db/connection'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { call, freshDb } from './db'
import { seedMasterData } from './seed'

/**
 * The seeded master data plus what agreement tests need beside it: a second object at the customer's
 * site, a second task and worker, and the default intervals and time windows by code.
 */
export async function agreementWorld() {
  const { conn, file, dir } = await freshDb()
  const seed = await seedMasterData(conn)
  const admin = seed.admin
  const intervals = Object.fromEntries((await call(admin, 'serviceIntervals.list', {})).rows.map((r) => [r.code, r.id])) as Record<
    string,
    number
  >
  const windows = Object.fromEntries((await call(admin, 'timeWindows.list', {})).rows.map((r) => [r.code, r.id])) as Record<string, number>
  const object2 = await call(admin, 'serviceObjects.create', {
    name: 'Ventilatsiooniseade',
    customerId: seed.customer.id,
    siteId: seed.customer.sites[0]!.id
  })
  const task2 = await call(admin, 'serviceTasks.create', { code: 'FILTER', name: 'Filtrivahetus' })
  const worker2 = await call(admin, 'workers.create', { name: 'Mari Kask' })
  return { ...seed, conn, file, dir, intervals, windows, object2, task2, worker2 }
}
export type AgreementWorld = Awaited<ReturnType<typeof agreementWorld>>

type HeaderIn = Input<'agreements.create'>
type LineIn = Omit<Input<'agreements.addLine'>, 'agreementId' | 'type' | 'startDate'> &
  Partial<Pick<Input<'agreements.addLine'>, 'type' | 'startDate'>>

/** An agreement of the seeded customer relating both objects, with the given lines (hour lines on the seeded category by default). */
export async function makeAgreement(w: AgreementWorld, header: Partial<HeaderIn>, lines: LineIn[]) {
  let a = await call(w.admin, 'agreements.create', {
    customerId: w.customer.id,
    description: 'Hoolduslepingu test',
    groupId: w.agreementGroup.id,
    startDate: '2026-01-01',
    objects: [{ id: w.serviceObject.id }, { id: w.object2.id }],
    ...header
  })
  for (const l of lines) {
    a = await call(w.admin, 'agreements.addLine', {
      type: 'hour',
      categoryId: l.type === 'item' ? null : w.category.id,
      startDate: a.startDate,
      ...l,
      agreementId: a.id
    })
  }
  return a
}

/** A synchronous run as the world's administrator, by default over only the given agreements. */
export function generate(
  w: AgreementWorld,
  from: string,
  to: string,
  agreementIds: number[],
  extra: Partial<Parameters<typeof runGeneration>[1]> = {},
  sliceMs?: number
) {
  return runGeneration(
    w.admin,
    { from, to, agreementIds, customerId: null, groupId: null, types: [...LINE_TYPES], ...extra },
    undefined,
    sliceMs
  )
}

const rows = <T>(conn: Connection, sql: string, ...params: unknown[]) => conn.sqlite.prepare(sql).all(...params) as T[]

/** The ledger of an agreement: one row per occurrence ever made, with the order line it became (null once deleted). */
export function ledgerOf(conn: Connection, agreementId: number) {
  return rows<{ lineId: number; date: string; orderLineId: number | null }>(
    conn,
    `select o.agreement_line_id as lineId, o.occurrence_date as date, o.order_line_id as orderLineId from agreement_occurrences o
     join agreement_lines l on l.id = o.agreement_line_id where l.agreement_id = ? order by o.occurrence_date, l.line_no`,
    agreementId
  )
}

/** The orders made from an agreement, in date order: date (Tallinn), lines as [line no of the agreement line, occurrence date]. */
export function ordersOf(conn: Connection, agreementId: number) {
  const orders = rows<{ id: number; number: string; plannedStart: number; plannedEnd: number; conflict: number; scheduled: string | null }>(
    conn,
    `select o.id, o.number, o.planned_start as plannedStart, o.planned_end as plannedEnd, o.calendar_conflict as conflict,
       (select min(scheduled_date) from service_order_lines l where l.order_id = o.id) as scheduled
     from service_orders o where o.agreement_id = ? order by o.planned_start, o.id`,
    agreementId
  )
  return orders.map((o) => ({
    ...o,
    conflict: o.conflict === 1,
    lines: rows<{ lineNo: number; occurrenceDate: string; status: string }>(
      conn,
      `select al.line_no as lineNo, l.occurrence_date as occurrenceDate, l.status from service_order_lines l
       join agreement_lines al on al.id = l.agreement_line_id where l.order_id = ? order by l.line_no`,
      o.id
    ).map((l) => [l.lineNo, l.occurrenceDate] as const)
  }))
}

/**
 * Per agreement: its order lines, ledger rows, orders and orders without lines. A whole agreement has as many
 * order lines as ledger rows and no empty order; an untouched one has none of either.
 */
export function agreementState(conn: Connection) {
  return rows<{ id: number; number: string; ledger: number; lines: number; orders: number; emptyOrders: number }>(
    conn,
    `select a.id, a.number,
       (select count(*) from agreement_occurrences o join agreement_lines l on l.id = o.agreement_line_id where l.agreement_id = a.id) as ledger,
       (select count(*) from service_order_lines ol join service_orders so on so.id = ol.order_id where so.agreement_id = a.id) as lines,
       (select count(*) from service_orders so where so.agreement_id = a.id) as orders,
       (select count(*) from service_orders so where so.agreement_id = a.id and not exists (select 1 from service_order_lines ol where ol.order_id = so.id)) as emptyOrders
     from agreements a order by a.id`
  )
}

/**
 * `count` agreements of one customer, each relating one object and with one weekly hour line starting on
 * `start`, inserted directly (fast): for runs over many agreements.
 */
export function insertWeeklyAgreements(conn: Connection, w: AgreementWorld, count: number, start = '2026-01-05'): number[] {
  const s = conn.sqlite
  const ids: number[] = []
  s.transaction(() => {
    const agreement = s.prepare(
      "insert into agreements (number, customer_id, description, group_id, start_date, combine_rule, created_at, updated_at) values (?, ?, ?, ?, ?, 'agreement', 0, 0)"
    )
    const relation = s.prepare('insert into agreement_objects (agreement_id, service_object_id) values (?, ?)')
    const line = s.prepare(
      "insert into agreement_lines (agreement_id, line_no, type, description, service_object_id, interval_id, start_date, quantity, category_id) values (?, 1, 'hour', 'Weekly check', ?, ?, ?, 1000, ?)"
    )
    for (let i = 0; i < count; i++) {
      const id = Number(
        agreement.run(`AGR-T${String(i + 1).padStart(5, '0')}`, w.customer.id, `Weekly ${i + 1}`, w.agreementGroup.id, start)
          .lastInsertRowid
      )
      relation.run(id, w.serviceObject.id)
      line.run(id, w.serviceObject.id, w.intervals.WEEKLY!, start, w.category.id)
      ids.push(id)
    }
  })()
  return ids
}
