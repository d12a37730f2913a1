import { z } from 'zod'
import { crud } from '../crud'
import { id, idInput, isoDate, listInput, optionalText, pageOf, requiredText, text, version } from '../common'
import { mutation, query } from '../define'
import {

  invoiceableLine,
  invoiceListRow,
  invoiceRow,
  lineInput,

  ORDER_DOCUMENTS,
  orderHeaderInput,
  orderListRow,
  orderRow,
  pdfFile,
  PRIORITIES,
  PROGRESS,
  reasonInput,
  reasonRow,
  registerInput,
  requestKey,
  savedView,
  viewFilters,
  stageInput,
  stageRow
} from '../../domain/orders'

const optionalId = id.nullable().default(null)
const versioned = { id, version }
/** Line ids are looked up as SQL parameters, of which SQLite takes at most 32,766. */
const lineIds = z.array(id).max(10_000, 'At most 10,000 lines')

export const ordersContract = {
  ...crud('serviceStages', { row: stageRow, create: stageInput, filters: {}, read: 'orders.read', write: 'stages.configure' }),
  ...crud('stageReasons', { row: reasonRow, create: reasonInput, filters: {}, read: 'orders.read', write: 'stages.configure' }),

  'serviceOrders.list': query(
    listInput({
      stageId: optionalId,
      progress: z.enum(PROGRESS).nullable().default(null),
      customerId: optionalId,
      /** Orders where this worker is responsible, preferred, or on a line. */
      workerId: optionalId,
      priority: z.enum(PRIORITIES).nullable().default(null),
      /** Planned start (or, unplanned, the earliest scheduled line) within [from, to]. */
      from: isoDate.nullable().default(null),
      to: isoDate.nullable().default(null),
      templates: z.boolean().default(false)
    }),
    pageOf(orderListRow),
    'orders.read'
  ),
  'serviceOrders.get': query(idInput, orderRow, 'orders.read'),
  'serviceOrders.create': mutation(orderHeaderInput, orderRow, 'orders.write'),
  'serviceOrders.update': mutation(orderHeaderInput.safeExtend(versioned), orderRow, 'orders.write'),
  'serviceOrders.delete': mutation(z.object(versioned), z.object({ id }), 'orders.write'),
  'serviceOrders.register': mutation(registerInput, orderRow, 'orders.register'),

  'serviceOrders.addLine': mutation(lineInput.extend({ orderId: id }), orderRow, 'orders.register'),
  'serviceOrders.updateLine': mutation(lineInput.extend(versioned), orderRow, 'orders.register'),
  'serviceOrders.deleteLine': mutation(z.object(versioned), orderRow, 'orders.register'),
  'serviceOrders.copyLines': mutation(z.object({ id, fromOrderId: id }), orderRow, 'orders.write'),
  'serviceOrders.moveLines': mutation(
    z.object({ lineIds: lineIds.min(1, 'Choose at least one line'), toOrderId: id, deleteEmptyOrder: z.boolean().default(false) }),
    orderRow,
    'orders.write'
  ),

  'serviceOrders.cancel': mutation(z.object(versioned), orderRow, 'orders.write'),
  'serviceOrders.revokeCancel': mutation(z.object(versioned), orderRow, 'orders.write'),
  'serviceOrders.cancelLine': mutation(z.object(versioned), orderRow, 'orders.write'),
  'serviceOrders.revokeCancelLine': mutation(z.object(versioned), orderRow, 'orders.write'),

  'serviceOrders.changeStage': mutation(
    z.object({ ...versioned, toStageId: id, reasonId: optionalId, note: optionalText(1000) }),
    orderRow,
    'orders.register'
  ),
  /** Signs off the given created lines (all created lines when none are given), and the order when none is left. */
  'serviceOrders.signOff': mutation(z.object({ ...versioned, lineIds: lineIds.default([]) }), orderRow, 'orders.signOff'),
  /** Posts the given lines (all signed-off created lines when none are given); each must be signed off. */
  'serviceOrders.post': mutation(z.object({ ...versioned, lineIds: lineIds.default([]) }), orderRow, 'orders.post'),
  'serviceOrders.pdf': query(z.object({ id, document: z.enum(ORDER_DOCUMENTS) }), pdfFile, 'orders.read'),

  'invoices.list': query(
    listInput({ customerId: optionalId, kind: z.enum(['invoice', 'credit']).nullable().default(null) }),
    pageOf(invoiceListRow),
    'invoices.read'
  ),
  'invoices.get': query(idInput, invoiceRow, 'invoices.read'),
  'invoices.invoiceable': query(z.object({ customerId: id }), z.array(invoiceableLine), 'invoices.create'),
  'invoices.create': mutation(
    z.object({ customerId: id, lineIds: lineIds.min(1, 'Choose at least one line'), invoiceDate: isoDate, requestKey }),
    invoiceRow,
    'invoices.create'
  ),
  'invoices.credit': mutation(z.object({ id, invoiceDate: isoDate, requestKey }), invoiceRow, 'invoices.create'),
  'invoices.pdf': query(idInput, pdfFile, 'invoices.read'),

  'savedViews.list': query(z.object({ list: text().min(1).max(60) }), z.array(savedView), 'authenticated'),
  'savedViews.save': mutation(
    z.object({ list: text().min(1).max(60), name: requiredText(60), filters: viewFilters }),
    savedView,
    'authenticated'
  ),
  'savedViews.delete': mutation(idInput, z.object({ id }), 'authenticated')
}

