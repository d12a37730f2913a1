import { z } from 'zod'
import { crud } from '../crud'
import { idInput, pageOf } from '../common'
import { id, isoDate } from '../../domain/primitives'
import { method } from '../define'
import { invoiceRow, pdfFile } from '../../domain/orders'
import {
  creditFeeInput,
  feePreview,
  feeRow,
  feeRun,
  generationScope,
  groupUpdateInput,
  groupUpdateResult,
  invoiceFeesInput,
  PERIOD_CODES,
  reduceDaysInput,
  reducePriceInput,
  revenueInput,
  revenueReport,
  revenueRow,
  scheduleRow,
  subscriptionGroupInput,
  subscriptionGroupRow,
  subscriptionInput,
  subscriptionListRow,
  subscriptionParameters,
  subscriptionPriceInput,
  subscriptionPriceRow,
  subscriptionRow
} from '../../domain/subscriptions'

const optionalId = id.nullable().default(null)

export const subscriptionsContract = {
  ...crud('subscriptionGroups', {
    row: subscriptionGroupRow,
    create: subscriptionGroupInput,
    filters: {},
    read: 'masterdata.read',
    write: 'subscriptions.configure'
  }),
  ...crud('subscriptionPrices', {
    row: subscriptionPriceRow,
    create: subscriptionPriceInput,
    filters: { subscriptionId: optionalId, periodCode: z.enum(PERIOD_CODES).nullable().default(null) },
    read: 'invoices.read',
    write: 'subscriptions.configure'
  }),
  ...crud('subscriptions', {
    row: subscriptionRow,
    listRow: subscriptionListRow,
    create: subscriptionInput,
    filters: {
      customerId: optionalId,
      groupId: optionalId,
      active: z.boolean().nullable().default(null),
      /** Subscriptions in force on this date (start ≤ date ≤ end). */
      activeOn: isoDate.nullable().default(null)
    },
    read: 'invoices.read',
    write: 'subscriptions.write'
  }),
  'subscriptions.fees': method(z.object({ subscriptionId: id }), z.array(feeRow), 'invoices.read'),
  'subscriptions.schedule': method(z.object({ subscriptionId: id }), z.array(scheduleRow), 'invoices.read'),
  /** What generating up to the date would create, without creating anything. */
  'subscriptions.preview': method(
    generationScope.safeExtend({ maxRows: z.number().int().min(0).max(5000).default(500) }),
    feePreview,
    'invoices.read'
  ),
  /** Starts fee generation as a background job; poll subscriptions.run for progress. */
  'subscriptions.generate': method(generationScope, feeRun, 'subscriptions.write'),
  'subscriptions.run': method(idInput, feeRun, 'subscriptions.write'),
  'subscriptions.cancelRun': method(idInput, feeRun, 'subscriptions.write'),
  'subscriptions.reduceDays': method(reduceDaysInput, feeRow, 'subscriptions.write'),
  'subscriptions.reducePrice': method(reducePriceInput, feeRow, 'subscriptions.write'),
  /** Index or base price of a group's subscriptions by % or to a value; `apply: false` only previews. */
  'subscriptions.groupUpdate': method(groupUpdateInput, groupUpdateResult, 'subscriptions.configure'),
  'subscriptions.invoice': method(invoiceFeesInput, invoiceRow, 'invoices.create'),
  'subscriptions.credit': method(creditFeeInput, invoiceRow, 'invoices.create'),
  /** Reverses the recognition a credit left waiting (reverseOnCredit = 'manual'), at the credit's date. */
  'subscriptions.reverseRecognition': method(z.object({ feeId: id }), z.array(scheduleRow), 'subscriptions.write'),
  'subscriptions.revenue': method(revenueInput, revenueReport, 'invoices.read'),
  /** The revenue report as a PDF in the company's language. */
  'subscriptions.revenuePdf': method(revenueInput, pdfFile, 'invoices.read'),
  /** The revenue report as rows, for its CSV export (months, then the forecast months). */
  'subscriptionRevenue.list': method(revenueInput, pageOf(revenueRow), 'invoices.read'),
  'subscriptions.parameters': method(z.object({}), subscriptionParameters, 'invoices.read'),
  'subscriptions.setParameters': method(subscriptionParameters, subscriptionParameters, 'subscriptions.configure')
}
