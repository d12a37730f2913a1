import { expect } from 'vitest'
import type { Input, MethodName } from '@shared/api/contract'
import type { ErrorCode } from '@shared/api/result'
import type { LineRow, OrderRow } from '@shared/domain/orders'
import type { Connection } from '../../src/main/db/connection'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { call, callError, userWith } from './db'

/** Every table an order or invoice action may write; a refused action must leave all of them as they were. */
const TABLES = [
  'service_orders',
  'service_order_lines',
  'stage_history',
  'service_order_objects',
  'service_order_tasks',
  'invoices',
  'invoice_lines',
  'payments',
  'number_sequences',
  'audit_log',
  'saved_views'
]

export function snapshot(conn: Connection): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, conn.sqlite.prepare(`select * from ${t} order by rowid`).all()]))
}

/**
 * Calls a method that must be refused: checks the error code, that the message says why (and, when given,
 * the field it points at) and that not a single row changed anywhere.
 */
export async function expectRefused<M extends MethodName>(
  ctx: ServiceContext,
  method: M,
  input: Input<M>,
  code: ErrorCode,
  message: RegExp,
  path?: (string | number)[]
) {
  const before = snapshot(ctx.conn)
  const error = await callError(ctx, method, input)
  expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.stringMatching(message) })
  if (path) expect(error.issues?.map((i) => i.path)).toContainEqual(path)
  expect(snapshot(ctx.conn)).toEqual(before)
  return error
}

/** The next number a sequence would give. */
export function nextOf(conn: Connection, code: string): number {
  return (conn.sqlite.prepare('select next_number as n from number_sequences where code = ?').get(code) as { n: number }).n
}

/** A signed-in user of the given roles, linked to a worker (as a technician's account is). */
export function linkedUser(
  conn: Connection,
  roles: Parameters<typeof userWith>[1],
  username: string,
  workerId: number | null
): ServiceContext {
  const ctx = userWith(conn, roles, username)
  conn.sqlite.prepare('update users set worker_id = ? where id = ?').run(workerId, ctx.user!.id)
  return createContext(conn, loadSessionUser(conn.db, ctx.user!.id))
}

/** The header input that reproduces an order as it is (for updates that change one field). */
export function headerOf(o: OrderRow) {
  return {
    id: o.id,
    version: o.version,
    customerId: o.customerId,
    siteId: o.siteId,
    oneTimeAddress: o.oneTimeAddress,
    contactId: o.contactId,
    description: o.description,
    priority: o.priority,
    requestedStart: o.requestedStart,
    requestedEnd: o.requestedEnd,
    plannedStart: o.plannedStart,
    plannedEnd: o.plannedEnd,
    actualStart: o.actualStart,
    actualEnd: o.actualEnd,
    preferredWorkerId: o.preferredWorkerId,
    responsibleWorkerId: o.responsibleWorkerId,
    notes: o.notes,
    isTemplate: o.isTemplate,
    slaId: o.slaId,
    agreementId: o.agreementId,
    objects: o.objects.map((r) => ({ id: r.id, note: r.note })),
    tasks: o.tasks.map((r) => ({ id: r.id, note: r.note }))
  }
}

/** The line input that reproduces a line as it is. */
export function lineOf(l: LineRow) {
  return {
    id: l.id,
    version: l.version,
    type: l.type,
    description: l.description,
    workerId: l.workerId,
    serviceObjectId: l.serviceObjectId,
    serviceTaskId: l.serviceTaskId,
    categoryId: l.categoryId,
    itemId: l.itemId,
    quantity: l.quantity,
    unitCost: l.unitCost,
    unitPrice: l.unitPrice,
    scheduledDate: l.scheduledDate,
    actualDate: l.actualDate,
    note: l.note
  }
}

/** Walks an order along the given stage codes (each must be a next or previous stage of the one before). */
export async function walk(
  ctx: ServiceContext,
  orderId: number,
  codes: string[],
  stages: { id: number; code: string }[],
  reasonId: number | null = null
) {
  let order = await call(ctx, 'serviceOrders.get', { id: orderId })
  for (const code of codes) {
    const to = stages.find((s) => s.code === code)!
    order = await call(ctx, 'serviceOrders.changeStage', { id: order.id, version: order.version, toStageId: to.id, reasonId })
  }
  return order
}
