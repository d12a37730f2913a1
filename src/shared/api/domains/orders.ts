import { z } from 'zod'
import { crud } from '../crud'
import { idInput, listInput, pageOf, sortDir } from '../common'
import { id, isoDate, optionalText, version } from '../../domain/primitives'
import { INVOICE_STATUSES } from '../../domain/billing'
import { method } from '../define'
import {
  creditLineInput,
  customerBalance,
  invoiceableLine,
  invoiceListRow,
  invoiceRow,
  lineInput,
  manualLineInput,
  ORDER_DOCUMENTS,
  orderHeaderInput,
  orderListRow,
  orderRow,
  ORDER_VIEWS,
  PAYMENT_METHODS,
  paymentRow,
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
      templates: z.boolean().default(false),
      /** Orders on this service object: named in the header or on a line (an object's service history). */
      serviceObjectId: optionalId,
      /** A built-in view (ADR 0021), on top of the other filters. */ view: z.enum(ORDER_VIEWS).nullable().default(null)
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

  /** Newest first unless told otherwise: invoice date, then number, descending. */
  'invoices.list': method(
    listInput({
      customerId: optionalId,
      kind: z.enum(['invoice', 'credit']).nullable().default(null),
      dir: sortDir.default('desc'),
      /** Computed status (shared/domain/billing.ts); a status filter leaves out credit notes. */
      status: z.enum(INVOICE_STATUSES).nullable().default(null),
      /** Invoice date within [from, to]. */
      from: isoDate.nullable().default(null),
      to: isoDate.nullable().default(null)
    }),
    pageOf(invoiceListRow),
    'invoices.read'
  ),
  'invoices.get': method(idInput, invoiceRow, 'invoices.read'),
  'invoices.invoiceable': method(z.object({ customerId: id }), z.array(invoiceableLine), 'invoices.create'),
  /** Posted order lines of the customer and/or manual charges (these need invoices.manualCharge). */
  'invoices.create': method(
    z
      .object({
        customerId: id,
        lineIds: lineIds.default([]),
        manualLines: z.array(manualLineInput).max(200, 'validation.tooManyItems').default([]),
        invoiceDate: isoDate,
        requestKey
      })
      .refine((i) => i.lineIds.length + i.manualLines.length > 0, { message: 'validation.lineNeeded', path: ['lineIds'] }),
    invoiceRow,
    'invoices.create'
  ),
  /**
   * A credit note of the given lines of an invoice, each with the quantity and net amount credited; without
   * `lines`, of everything not credited yet.
   */
  'invoices.credit': method(
    z.object({
      id,
      invoiceDate: isoDate,
      note: optionalText(1000),
      requestKey,
      lines: z.array(creditLineInput).min(1, 'validation.lineNeeded').max(10_000, 'validation.maxLines').optional()
    }),
    invoiceRow,
    'invoices.create'
  ),
  /** Open and overdue totals of a customer's invoices. */
  'invoices.balance': method(z.object({ customerId: id }), customerBalance, 'invoices.read'),
  'invoices.pdf': method(idInput, pdfFile, 'invoices.read'),
  /** The invoice or credit note as an EN 16931 e-invoice: UBL 2.1 XML (Peppol BIS Billing 3.0). */
  'invoices.einvoice': method(idInput, z.object({ fileName: z.string(), xml: z.string() }), 'invoices.read'),

  /** Money received against an invoice; a negative amount is a refund. */
  'payments.record': method(
    z.object({
      invoiceId: id,
      date: isoDate,
      amount: z
        .number()
        .int('validation.wholeCents')
        .min(-1_000_000_000_00, 'validation.tooLarge')
        .max(1_000_000_000_00, 'validation.tooLarge'),
      method: z.enum(PAYMENT_METHODS).default('bank'),
      note: optionalText(500)
    }),
    paymentRow,
    'payments.write'
  ),
  'payments.forInvoice': method(z.object({ invoiceId: id }), z.array(paymentRow), 'invoices.read'),
  /** Removes a mistaken entry (not one that came from a bank statement). */
  'payments.delete': method(idInput, z.object({ id }), 'payments.write')
}
