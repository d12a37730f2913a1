import type { ordersContract } from '@shared/api/domains/orders'
import { crudHandlers, type ExportSourcesOf, type HandlersOf } from '../core/handlers'
import { invoicePdf, orderPdf } from '../documents/downloads'
import { buildEInvoice } from '../einvoice/export'
import * as invoices from '../invoices/ledger'
import * as payments from '../invoices/payments'
import { getOrder, iterateOrders, listOrders } from './read'
import * as orders from './edit'
import { reasonService, stageService } from './stages'

type Slice = typeof ordersContract

/** Service orders with their stages, lines and documents; invoices and credit notes. */
export const ordersHandlers = {
  ...crudHandlers('serviceStages', stageService),
  ...crudHandlers('stageReasons', reasonService),
  'serviceOrders.list': listOrders,
  'serviceOrders.get': getOrder,
  'serviceOrders.create': orders.createOrder,
  'serviceOrders.update': orders.updateOrder,
  'serviceOrders.delete': orders.deleteOrder,
  'serviceOrders.register': orders.registerOnOrder,
  'serviceOrders.addLine': orders.addLine,
  'serviceOrders.updateLine': orders.updateLine,
  'serviceOrders.deleteLine': orders.deleteLine,
  'serviceOrders.copyLines': orders.copyLines,
  'serviceOrders.moveLines': orders.moveLines,
  'serviceOrders.cancel': orders.cancelOrder,
  'serviceOrders.revokeCancel': orders.revokeCancelOrder,
  'serviceOrders.cancelLine': orders.cancelLine,
  'serviceOrders.revokeCancelLine': orders.revokeCancelLine,
  'serviceOrders.changeStage': orders.changeStage,
  'serviceOrders.signOff': orders.signOff,
  'serviceOrders.post': orders.postOrder,
  'serviceOrders.pdf': orderPdf,
  'invoices.list': invoices.listInvoices,
  'invoices.get': invoices.getInvoice,
  'invoices.invoiceable': invoices.invoiceableLines,
  'invoices.create': invoices.createInvoice,
  'invoices.credit': invoices.creditInvoice,
  'invoices.balance': invoices.customerBalance,
  'invoices.pdf': invoicePdf,
  'invoices.einvoice': buildEInvoice,
  'payments.record': payments.recordPayment,
  'payments.forInvoice': payments.paymentsOf,
  'payments.delete': payments.deletePayment
} satisfies HandlersOf<Slice>

export const ordersExports = {
  'serviceStages.list': stageService.iterate,
  'stageReasons.list': reasonService.iterate,
  'serviceOrders.list': iterateOrders,
  'invoices.list': invoices.iterateInvoices
} satisfies ExportSourcesOf<Slice>
