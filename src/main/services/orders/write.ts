/**
 * The one writer of service_orders and service_order_lines. The order screens (edit.ts), the dispatch board,
 * service levels, invoicing, the agreement generator and the demo data all change orders and lines through
 * these functions, so a rule about an order (its version moves on when it changes, a changed line loses its
 * sign-off, every change is audited, the stored totals follow the lines) is written once, here. Callers run
 * them inside their own write transaction (core/tx.ts).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { deriveProgress, lineAmount, lineNeedsVisit } from '@shared/domain/orderRules'
import type { LineStatus, Progress } from '@shared/domain/orders'
import type { Db, Sqlite } from '../../db/connection'
import { serviceOrderLines, serviceOrders, serviceStages } from '../../db/schema'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { invalid, notFound } from '../core/errors'

export type OrderRecord = typeof serviceOrders.$inferSelect
export type LineRecord = typeof serviceOrderLines.$inferSelect

/* ---------------- records and guards ---------------- */

export function orderRecord(db: Db, id: number): OrderRecord {
  const o = db.select().from(serviceOrders).where(eq(serviceOrders.id, id)).get()
  if (!o) throw notFound('serviceOrder')
  return o
}

export function lineRecord(db: Db, id: number): LineRecord {
  const l = db.select().from(serviceOrderLines).where(eq(serviceOrderLines.id, id)).get()
  if (!l) throw notFound('orderLine')
  return l
}

/** Work can be planned on an order that is in process, not a template, and in a stage that allows changes. */
export function requireOpenOrder(db: Db, o: OrderRecord, field: string): void {
  if (o.isTemplate) throw invalid([field], 'errors.orders.isTemplate', { number: o.number })
  if (o.progress === 'posted') throw invalid([field], 'errors.orders.isPosted', { number: o.number })
  if (o.progress === 'cancelled') throw invalid([field], 'errors.orders.isCancelled', { number: o.number })
  const stage = db
    .select({ name: serviceStages.name, canModify: serviceStages.canModify })
    .from(serviceStages)
    .where(eq(serviceStages.id, o.stageId))
    .get()!
  if (!stage.canModify) throw invalid([field], 'errors.orders.stageLocked', { stage: stage.name, number: o.number })
}

/* ---------------- derived values ---------------- */

/**
 * Recomputes the stored progress, line count and totals from the lines. An order counts as signed off only
 * while every open line is: a new, copied, moved-in, revived or re-planned line withdraws the order's sign-off.
 */
export function refreshOrder(db: Db, orderId: number): void {
  const o = orderRecord(db, orderId)
  const lines = db
    .select({
      status: serviceOrderLines.status,
      q: serviceOrderLines.quantity,
      price: serviceOrderLines.unitPrice,
      cost: serviceOrderLines.unitCost,
      signedOffAt: serviceOrderLines.signedOffAt,
      type: serviceOrderLines.type,
      serviceTaskId: serviceOrderLines.serviceTaskId
    })
    .from(serviceOrderLines)
    .where(eq(serviceOrderLines.orderId, orderId))
    .all()
  const live = lines.filter((l) => l.status !== 'cancelled')
  // An invoicing-only order that is given work to do (an hour, a part, a task) becomes one to plan; never back.
  const needsVisit = o.needsVisit || lines.some((l) => l.status === 'created' && lineNeedsVisit(l))
  const unsigned = lines.some((l) => l.status === 'created' && l.signedOffAt === null)
  db.update(serviceOrders)
    .set({
      progress: deriveProgress(
        lines.map((l) => l.status as LineStatus),
        o.progress as Progress
      ),
      lineCount: live.length,
      salesTotal: live.reduce((s, l) => s + lineAmount(l.q, l.price), 0),
      costTotal: live.reduce((s, l) => s + lineAmount(l.q, l.cost), 0),
      needsVisit,
      ...(unsigned ? { signedOffAt: null, signedOffBy: null } : {})
    })
    .where(eq(serviceOrders.id, orderId))
    .run()
}

/** Writes header values and moves the version on: the order changed under anyone who has it open. */
export function bump(db: Db, o: OrderRecord, values: Partial<typeof serviceOrders.$inferInsert> = {}): void {
  db.update(serviceOrders)
    .set({ ...values, version: o.version + 1 })
    .where(eq(serviceOrders.id, o.id))
    .run()
}

/* ---------------- planning (the dispatch board) ---------------- */

/**
 * The order follows its plan: planned start / end span the bookings (null when none is left), and the first
 * technician booked becomes responsible when nobody was. Audited; the version moves on only when something
 * changed.
 */
export function setPlannedTimes(
  ctx: ServiceContext,
  orderId: number,
  span: { start: number | null; end: number | null },
  workerId: number | null
): void {
  const o = orderRecord(ctx.db, orderId)
  const values = { plannedStart: span.start, plannedEnd: span.end, responsibleWorkerId: o.responsibleWorkerId ?? workerId }
  if (values.plannedStart === o.plannedStart && values.plannedEnd === o.plannedEnd && values.responsibleWorkerId === o.responsibleWorkerId)
    return
  bump(ctx.db, o, values)
  audit(
    ctx,
    'serviceOrder',
    orderId,
    'update',
    { plannedStart: o.plannedStart, plannedEnd: o.plannedEnd, responsibleWorkerId: o.responsibleWorkerId },
    values
  )
}

/**
 * Actual times reported from the visits. The order's own registration (serviceOrders.register) wins where it
 * has one: only empty times are filled.
 */
export function fillActualTimes(ctx: ServiceContext, orderId: number, reported: { start: number | null; end: number | null }): void {
  const o = orderRecord(ctx.db, orderId)
  const actualStart = o.actualStart ?? reported.start
  const actualEnd = o.actualEnd ?? reported.end
  if (actualStart === o.actualStart && actualEnd === o.actualEnd) return
  bump(ctx.db, o, { actualStart, actualEnd })
  audit(ctx, 'serviceOrder', orderId, 'update', { actualStart: o.actualStart, actualEnd: o.actualEnd }, { actualStart, actualEnd })
}

/**
 * Open hour lines nobody was named on go to the technician, scheduled on `date` unless they had a date: the
 * lines are where time is registered and costed, and the technician's order list, work description and receipt
 * find the work through them. Lines already naming someone stay theirs — the office chose that.
 *
 * The same rule as an edit on the order screen (edit.ts updateLine): a line whose worker or date changes
 * after it was signed off loses its sign-off (and so does the order), and every changed line gets an audit row.
 * Answers how many lines were assigned.
 */
export function assignOpenLines(ctx: ServiceContext, orderId: number, workerId: number, date: string): number {
  const open = ctx.db
    .select()
    .from(serviceOrderLines)
    .where(
      and(
        eq(serviceOrderLines.orderId, orderId),
        eq(serviceOrderLines.type, 'hour'),
        eq(serviceOrderLines.status, 'created'),
        isNull(serviceOrderLines.workerId)
      )
    )
    .all()
  let withdrawn = false
  for (const l of open) {
    const values = { workerId, scheduledDate: l.scheduledDate ?? date, signedOffAt: null, signedOffBy: null }
    ctx.db
      .update(serviceOrderLines)
      .set({ ...values, version: l.version + 1 })
      .where(eq(serviceOrderLines.id, l.id))
      .run()
    audit(
      ctx,
      'serviceOrderLine',
      l.id,
      'update',
      { workerId: l.workerId, scheduledDate: l.scheduledDate, signedOffAt: l.signedOffAt, signedOffBy: l.signedOffBy },
      values
    )
    if (l.signedOffAt !== null) withdrawn = true
  }
  if (withdrawn) refreshOrder(ctx.db, orderId)
  return open.length
}

/**
 * Puts an order's header and lines back to rows saved earlier (`select *` rows: the board's exact undo, ADR 0016).
 * The caller has checked that the order has the same lines and that only what the saved change did differs; the
 * version moves on all the same (the rows changed under anyone who has them open) and every row put back is audited.
 */
export function restoreOrderRows(ctx: ServiceContext, order: SavedRow, lines: readonly SavedRow[]): void {
  restoreRow(ctx, 'service_orders', 'serviceOrder', order, true)
  for (const l of lines) restoreRow(ctx, 'service_order_lines', 'serviceOrderLine', l, false)
}

/** A row as `select *` answers it, column names as in the database. */
export type SavedRow = Record<string, unknown>

function restoreRow(ctx: ServiceContext, table: string, entity: string, saved: SavedRow, hasUpdatedAt: boolean): void {
  const sqlite = ctx.conn.sqlite
  const id = saved.id as number
  const current = sqlite.prepare(`select * from ${table} where id = ?`).get(id) as SavedRow | undefined
  if (!current) throw notFound(entity === 'serviceOrder' ? 'serviceOrder' : 'orderLine')
  const columns = Object.keys(saved).filter((c) => c !== 'id' && c !== 'version' && c !== 'updated_at' && current[c] !== saved[c])
  if (columns.length === 0) return
  const stamp = hasUpdatedAt ? ', updated_at = ?' : ''
  sqlite
    .prepare(`update ${table} set ${columns.map((c) => `"${c}" = ?`).join(', ')}, version = version + 1${stamp} where id = ?`)
    .run(...columns.map((c) => saved[c]), ...(hasUpdatedAt ? [ctx.now()] : []), id)
  audit(
    ctx,
    entity,
    id,
    'update',
    Object.fromEntries(columns.map((c) => [c, current[c]])),
    Object.fromEntries(columns.map((c) => [c, saved[c]]))
  )
}

/* ---------------- service levels and billing ---------------- */

/** The order's own SLA (overriding its agreement's or customer's); audited, the version moves on. */
export function setOrderSlaId(ctx: ServiceContext, o: OrderRecord, slaId: number | null): void {
  bump(ctx.db, o, { slaId })
  audit(ctx, 'serviceOrder', o.id, 'update', { slaId: o.slaId }, { slaId })
}

/** Marks posted lines as billed on an invoice (inside the invoice's transaction). */
export function linkLinesToInvoice(db: Db, invoiceId: number, lineIds: number[]): void {
  db.update(serviceOrderLines).set({ invoiceId }).where(inArray(serviceOrderLines.id, lineIds)).run()
}

/** A credit note that takes the whole of some lines frees them to be corrected and invoiced again. */
export function unlinkOrderLines(db: Db, invoiceId: number, lineIds: number[]): void {
  db.update(serviceOrderLines)
    .set({ invoiceId: null })
    .where(and(eq(serviceOrderLines.invoiceId, invoiceId), inArray(serviceOrderLines.id, lineIds)))
    .run()
}

/* ---------------- bulk inserts (agreement generator, demo data) ---------------- */

/** A whole order row as the bulk writer inserts it; the caller has computed the stored totals. */
export interface NewOrder {
  number: string
  customerId: number
  siteId: number | null
  oneTimeAddress: string
  contactId: number | null
  description: string
  priority: 'high' | 'normal' | 'low'
  requestedStart: number | null
  requestedEnd: number | null
  plannedStart: number | null
  plannedEnd: number | null
  actualStart: number | null
  actualEnd: number | null
  preferredWorkerId: number | null
  responsibleWorkerId: number | null
  agreementId: number | null
  origin: 'manual' | 'agreement' | 'return' | 'copy'
  stageId: number
  progress: Progress
  lineCount: number
  salesTotal: number
  costTotal: number
  isTemplate: boolean
  calendarConflict: boolean
  needsVisit: boolean
  notes: string
  signedOffAt: number | null
  signedOffBy: number | null
  createdAt: number
  updatedAt: number
}

export interface NewLine {
  orderId: number
  lineNo: number
  type: string
  description: string
  workerId: number | null
  serviceObjectId: number | null
  serviceTaskId: number | null
  categoryId: number | null
  itemId: number | null
  quantity: number
  unit: string
  unitCost: number
  unitPrice: number
  scheduledDate: string | null
  actualDate: string | null
  note: string
  status: LineStatus
  signedOffAt: number | null
  signedOffBy: number | null
  postedAt: number | null
  postedBy: number | null
  agreementLineId: number | null
  occurrenceDate: string | null
}

export interface NewStageChange {
  orderId: number
  at: number
  userId: number | null
  fromStageId: number | null
  toStageId: number
  reasonId: number | null
  note: string
}

/**
 * Prepared inserts for writing many orders in one transaction (thousands per second): the query builder
 * per row would dominate a generation run or the demo data. The caller writes whole orders — header, stage
 * history, objects, tasks, lines — with totals it computed from those lines, and audits the batch itself.
 * One row per statement: a multi-row insert makes SQLite keep a statement journal (to undo its earlier rows if
 * a later one fails), which spills to a temp file and cost more than it saved.
 */
export function orderInserts(sqlite: Sqlite) {
  const order = sqlite.prepare(
    `insert into service_orders (number, customer_id, site_id, one_time_address, contact_id, description, priority, requested_start, requested_end,
       planned_start, planned_end, actual_start, actual_end, preferred_worker_id, responsible_worker_id, agreement_id, origin, stage_id, progress,
       line_count, sales_total, cost_total, is_template, calendar_conflict, needs_visit, notes, signed_off_at, signed_off_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const line = sqlite.prepare(
    `insert into service_order_lines (order_id, line_no, type, description, worker_id, service_object_id, service_task_id, category_id, item_id,
       quantity, unit, unit_cost, unit_price, scheduled_date, actual_date, note, status, signed_off_at, signed_off_by, posted_at, posted_by,
       agreement_line_id, occurrence_date)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const history = sqlite.prepare(
    'insert into stage_history (order_id, at, user_id, from_stage_id, to_stage_id, reason_id, note) values (?, ?, ?, ?, ?, ?, ?)'
  )
  const object = sqlite.prepare('insert into service_order_objects (order_id, service_object_id, note) values (?, ?, ?)')
  const task = sqlite.prepare('insert into service_order_tasks (order_id, service_task_id, note) values (?, ?, ?)')
  return {
    /** Inserts the order row; answers its id. */
    order(o: NewOrder): number {
      return Number(
        order.run(
          o.number,
          o.customerId,
          o.siteId,
          o.oneTimeAddress,
          o.contactId,
          o.description,
          o.priority,
          o.requestedStart,
          o.requestedEnd,
          o.plannedStart,
          o.plannedEnd,
          o.actualStart,
          o.actualEnd,
          o.preferredWorkerId,
          o.responsibleWorkerId,
          o.agreementId,
          o.origin,
          o.stageId,
          o.progress,
          o.lineCount,
          o.salesTotal,
          o.costTotal,
          o.isTemplate ? 1 : 0,
          o.calendarConflict ? 1 : 0,
          o.needsVisit ? 1 : 0,
          o.notes,
          o.signedOffAt,
          o.signedOffBy,
          o.createdAt,
          o.updatedAt
        ).lastInsertRowid
      )
    },
    /** Inserts one line; answers its id. */
    line(l: NewLine): number {
      return Number(
        line.run(
          l.orderId,
          l.lineNo,
          l.type,
          l.description,
          l.workerId,
          l.serviceObjectId,
          l.serviceTaskId,
          l.categoryId,
          l.itemId,
          l.quantity,
          l.unit,
          l.unitCost,
          l.unitPrice,
          l.scheduledDate,
          l.actualDate,
          l.note,
          l.status,
          l.signedOffAt,
          l.signedOffBy,
          l.postedAt,
          l.postedBy,
          l.agreementLineId,
          l.occurrenceDate
        ).lastInsertRowid
      )
    },
    history(h: NewStageChange): void {
      history.run(h.orderId, h.at, h.userId, h.fromStageId, h.toStageId, h.reasonId, h.note)
    },
    object(orderId: number, serviceObjectId: number, note: string): void {
      object.run(orderId, serviceObjectId, note)
    },
    task(orderId: number, serviceTaskId: number, note: string): void {
      task.run(orderId, serviceTaskId, note)
    }
  }
}

export type OrderInserts = ReturnType<typeof orderInserts>

/**
 * Prepared updates for seeding a fresh database with a history (the demo data): plain row changes in bulk,
 * without version moves or audit rows, because nobody has these orders open and no user made the change.
 * Never for changes a user makes — those go through the functions above.
 */
export function orderSeedUpdates(sqlite: Sqlite) {
  const toTray = sqlite.prepare(
    `update service_orders set responsible_worker_id = null, preferred_worker_id = null, planned_start = null, planned_end = null,
       requested_start = ?, requested_end = ?, priority = ? where id = ?`
  )
  const unplanLines = sqlite.prepare(
    "update service_order_lines set worker_id = null, scheduled_date = null where order_id = ? and status = 'created'"
  )
  const followAssignments = sqlite.prepare(
    `update service_orders set planned_start = (select min(a.start) from order_assignments a where a.order_id = service_orders.id),
       planned_end = (select max(a."end") from order_assignments a where a.order_id = service_orders.id), responsible_worker_id = ? where id = ?`
  )
  const dropRequestedOutside = sqlite.prepare(
    'update service_orders set requested_start = null, requested_end = null where id = ? and (requested_start > ? or requested_end < ?)'
  )
  const assignHourLines = sqlite.prepare(
    "update service_order_lines set worker_id = ?, scheduled_date = ? where order_id = ? and status = 'created' and type = 'hour'"
  )
  const stage = sqlite.prepare('update service_orders set stage_id = ? where id = ?')
  const invoicePosted = sqlite.prepare("update service_order_lines set invoice_id = ? where order_id = ? and status = 'posted'")
  return {
    /** Back to the tray: no technician, no plan, a requested window and a priority to plan by. */
    toTray(orderId: number, requestedStart: number, requestedEnd: number, priority: 'high' | 'normal' | 'low'): void {
      toTray.run(requestedStart, requestedEnd, priority, orderId)
      unplanLines.run(orderId)
    },
    /** Planned times span the order's assignments; the technician becomes responsible. */
    followAssignments(orderId: number, responsibleWorkerId: number): void {
      followAssignments.run(responsibleWorkerId, orderId)
    },
    /** A visit agreed outside the requested window: the window goes. */
    dropRequestedOutside(orderId: number, start: number, end: number): void {
      dropRequestedOutside.run(orderId, start, end)
    },
    /** The open hour lines go to the technician on the visit's date. */
    assignHourLines(orderId: number, workerId: number, date: string): void {
      assignHourLines.run(workerId, date, orderId)
    },
    /** The stage only; the caller writes the stage_history row. */
    setStage(orderId: number, stageId: number): void {
      stage.run(stageId, orderId)
    },
    /** Every posted line of the order is billed on the invoice. */
    invoicePostedLines(orderId: number, invoiceId: number): void {
      invoicePosted.run(invoiceId, orderId)
    }
  }
}
