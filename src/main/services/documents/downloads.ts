import { eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { ORDER_DOCUMENTS } from '@shared/domain/orders'
import type { Language } from '@shared/i18n/languages'
import { customers, invoices } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { loadInvoice } from '../invoices/ledger'
import { getOrder } from '../orders/read'
import { loadSettings } from '../settings/settings'
import { customerDocumentLanguage, documentLocale } from './format'
import { type InvoiceLegal, invoiceDocument } from './invoiceDocument'
import { fileSafe } from './layout'
import { workDescription, workReceipt } from './orderDocuments'
import { renderPdf } from './pdf'

export type OrderDocument = (typeof ORDER_DOCUMENTS)[number]

/** A rendered document: what the CLI writes to a file and the API answers as base64. */
export interface PdfDocument {
  fileName: string
  content: Buffer
}

export interface PdfFile {
  fileName: string
  contentBase64: string
}

/** Customer documents speak the customer's language: Estonian to an Estonian customer, English to every other. */
function customerLanguage(ctx: ServiceContext, customerId: number): Language {
  const row = ctx.db.select({ language: customers.language }).from(customers).where(eq(customers.id, customerId)).get()
  return customerDocumentLanguage(row?.language)
}

const ORDER_FILE_SUFFIX: Record<OrderDocument, string> = { workDescription: 'work-description', workReceipt: 'work-receipt' }

/**
 * A service order's work description or work receipt (for the CLI or a job: the bytes). Checks the permission
 * itself, and getOrder applies a technician's access rules (their own orders only).
 */
export async function renderOrderPdf(ctx: ServiceContext, i: { id: number; document: OrderDocument }): Promise<PdfDocument> {
  requirePermission(ctx, 'orders.read')
  const order = getOrder(ctx, { id: i.id })
  const settings = loadSettings(ctx.db)
  const locale = documentLocale(customerLanguage(ctx, order.customerId), settings.timeZone)
  const doc = i.document === 'workDescription' ? workDescription(order, settings, locale) : workReceipt(order, settings, locale)
  return { fileName: `${fileSafe(order.number)}-${ORDER_FILE_SUFFIX[i.document]}.pdf`, content: await renderPdf(doc) }
}

/** The invoice's reference number, reverse charge and reason, and the buyer's registry code and country. */
function invoiceLegal(ctx: ServiceContext, invoiceId: number): InvoiceLegal {
  return ctx.db
    .select({
      referenceNumber: invoices.referenceNumber,
      reverseCharge: invoices.reverseCharge,
      note: invoices.note,
      buyerRegistryCode: customers.registryCode,
      buyerCountry: customers.country
    })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(eq(invoices.id, invoiceId))
    .get()!
}

/** An invoice or a credit note (which names the invoice it credits and why). */
export async function renderInvoicePdf(ctx: ServiceContext, i: { id: number }): Promise<PdfDocument> {
  requirePermission(ctx, 'invoices.read')
  const invoice = loadInvoice(ctx.db, i.id)
  const original = invoice.creditOfId === null ? null : loadInvoice(ctx.db, invoice.creditOfId)
  const settings = loadSettings(ctx.db)
  const locale = documentLocale(customerLanguage(ctx, invoice.customerId), settings.timeZone)
  const doc = invoiceDocument(invoice, settings, locale, original, invoiceLegal(ctx, invoice.id))
  return { fileName: `${fileSafe(invoice.number)}.pdf`, content: await renderPdf(doc) }
}

const asFile = (d: PdfDocument): PdfFile => ({ fileName: d.fileName, contentBase64: d.content.toString('base64') })

export async function orderPdf(ctx: ServiceContext, i: ParsedInput<'serviceOrders.pdf'>): Promise<PdfFile> {
  return asFile(await renderOrderPdf(ctx, i))
}

export async function invoicePdf(ctx: ServiceContext, i: ParsedInput<'invoices.pdf'>): Promise<PdfFile> {
  return asFile(await renderInvoicePdf(ctx, i))
}
