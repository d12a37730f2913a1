/**
 * Records with their context (docs/adr/0024-records-with-context.md): a service object's history and visits,
 * and the SLA a customer's orders get by default. The customer's orders, agreements, invoices and compliance
 * come from the main lists with a customer filter; these are the shapes no main list has.
 */
import { z } from 'zod'
import { id } from './primitives'
import { LINE_TYPES, PROGRESS } from './orders'

/** One line of an order on the object, or the order alone when it has no line for the object (yet). */
export const objectHistoryRow = z.object({
  orderId: id,
  orderNumber: z.string(),
  /** When the order is (or was) planned; unplanned: when it came in. The history's time axis. */
  orderAt: z.number(),
  description: z.string(),
  stageName: z.string(),
  progress: z.enum(PROGRESS),
  lineId: id.nullable(),
  lineNo: z.number().int().nullable(),
  type: z.enum(LINE_TYPES).nullable(),
  lineDescription: z.string().nullable(),
  /** Thousandths. */
  quantity: z.number().int().nullable(),
  unit: z.string().nullable(),
  workerName: z.string().nullable(),
  /** The line's day: done on, else scheduled for. */
  date: z.string().nullable()
})
export type ObjectHistoryRow = z.infer<typeof objectHistoryRow>

const visit = z.object({ orderId: id, number: z.string(), at: z.number(), stageName: z.string() })

export const objectVisits = z.object({
  /** The latest planned start already passed, of an order not cancelled. */
  lastVisit: visit.nullable(),
  /** The earliest planned start still ahead, of an open order. */
  nextVisit: visit.nullable(),
  openOrders: z.number().int(),
  orders: z.number().int()
})
export type ObjectVisits = z.infer<typeof objectVisits>

/** The SLA a customer's orders get when neither the order nor an agreement names one: the customer group's. */
export const customerSla = z.object({
  groupName: z.string().nullable(),
  sla: z.object({ id, code: z.string(), name: z.string() }).nullable()
})
export type CustomerSla = z.infer<typeof customerSla>
