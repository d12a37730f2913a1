import { z } from 'zod'
import { crud } from '../crud'
import { idInput, listInput, pageOf } from '../common'
import { id, isoDate, optionalText, version } from '../../domain/primitives'
import { method } from '../define'
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
  stageInput,
  stageRow
} from '../../domain/orders'

const optionalId = id.nullable().default(null)
const versioned = { id, version }
/** Line ids are looked up as SQL parameters, of which SQLite takes at most 32,766. */
const lineIds = z.array(id).max(10_000, 'validation.maxLines')

export const ordersContract = {
  ...crud('serviceStages', { row: stageRow, create: stageInput, filters: {}, read: 'orders.read', write: 'stages.configure' }),
  ...crud('stageReasons', { row: reasonRow, create: reasonInput, filters: {}, read: 'orders.read', write: 'stages.configure' }),

  'serviceOrders.list': method(
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
  'serviceOrders.get': method(idInput, orderRow, 'orders.read'),
  'serviceOrders.create': method(orderHeaderInput, orderRow, 'orders.write'),
  'serviceOrders.update': method(orderHeaderInput.safeExtend(versioned), orderRow, 'orders.write'),
  'serviceOrders.delete': method(z.object(versioned), z.object({ id }), 'orders.write'),
  'serviceOrders.register': method(registerInput, orderRow, 'orders.register'),

  'serviceOrders.addLine': method(lineInput.extend({ orderId: id }), orderRow, 'orders.register'),
  'serviceOrders.updateLine': method(lineInput.extend(versioned), orderRow, 'orders.register'),
  'serviceOrders.deleteLine': method(z.object(versioned), orderRow, 'orders.register'),
  'serviceOrders.copyLines': method(z.object({ id, fromOrderId: id }), orderRow, 'orders.write'),
  'serviceOrders.moveLines': method(
    z.object({ lineIds: lineIds.min(1, 'validation.lineNeeded'), toOrderId: id, deleteEmptyOrder: z.boolean().default(false) }),
    orderRow,
    'orders.write'
  ),

  'serviceOrders.cancel': method(z.object(versioned), orderRow, 'orders.write'),
  'serviceOrders.revokeCancel': method(z.object(versioned), orderRow, 'orders.write'),
  'serviceOrders.cancelLine': method(z.object(versioned), orderRow, 'orders.write'),
  'serviceOrders.revokeCancelLine': method(z.object(versioned), orderRow, 'orders.write'),

  'serviceOrders.changeStage': method(
    z.object({ ...versioned, toStageId: id, reasonId: optionalId, note: optionalText(1000) }),
    orderRow,
    'orders.register'
  ),
  /** Signs off the given created lines (all created lines when none are given), and the order when none is left. */
  'serviceOrders.signOff': method(z.object({ ...versioned, lineIds: lineIds.default([]) }), orderRow, 'orders.signOff'),
  /** Posts the given lines (all signed-off created lines when none are given); each must be signed off. */
  'serviceOrders.post': method(z.object({ ...versioned, lineIds: lineIds.default([]) }), orderRow, 'orders.post'),
  'serviceOrders.pdf': method(z.object({ id, document: z.enum(ORDER_DOCUMENTS) }), pdfFile, 'orders.read'),

  'invoices.list': method(
    listInput({ customerId: optionalId, kind: z.enum(['invoice', 'credit']).nullable().default(null) }),
    pageOf(invoiceListRow),
    'invoices.read'
  ),
  'invoices.get': method(idInput, invoiceRow, 'invoices.read'),
  'invoices.invoiceable': method(z.object({ customerId: id }), z.array(invoiceableLine), 'invoices.create'),
  'invoices.create': method(
    z.object({ customerId: id, lineIds: lineIds.min(1, 'validation.lineNeeded'), invoiceDate: isoDate, requestKey }),
    invoiceRow,
    'invoices.create'
  ),
  'invoices.credit': method(z.object({ id, invoiceDate: isoDate, requestKey }), invoiceRow, 'invoices.create'),
  'invoices.pdf': method(idInput, pdfFile, 'invoices.read'),
  /** The invoice or credit note as an EN 16931 e-invoice: UBL 2.1 XML (Peppol BIS Billing 3.0). */
  'invoices.einvoice': method(idInput, z.object({ fileName: z.string(), xml: z.string() }), 'invoices.read')
}
