import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { LineType } from '@shared/domain/orders'
import { formatsFor } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import type { Db } from '../../db/connection'
import { customers, customerSites, invoiceLines, invoices, payments, settings } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { customerDocumentLanguage } from '../documents/format'
import { fileSafe } from '../documents/layout'
import { EE_REGISTRY_SCHEME, partyEndpoint, splitAddress, unitCode, vatCategory } from './codes'
import { type UblDocument, type UblLine, ublXml } from './ubl'

export interface EInvoiceFile {
  fileName: string
  xml: string
}

interface BankAccount {
  iban: string
  bankName: string
  bic?: string
}

const compactId = (s: string) => s.replace(/\s+/g, '').toUpperCase()

function loadSeller(db: Db) {
  const s = db
    .select({
      name: settings.companyName,
      legalName: settings.companyLegalName,
      street: settings.companyAddress,
      postalCode: settings.companyPostalCode,
      city: settings.companyCity,
      country: settings.companyCountry,
      registryCode: settings.companyRegNo,
      vatNumber: settings.companyVatNumber,
      phone: settings.companyPhone,
      email: settings.companyEmail,
      bankAccounts: settings.bankAccounts,
      timeZone: settings.timeZone
    })
    .from(settings)
    .where(eq(settings.id, 1))
    .get()
  if (!s) throw notFound('settings')
  return s
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/**
 * An invoice or credit note as an EN 16931 e-invoice (UBL 2.1, Peppol BIS Billing 3.0): the same amounts,
 * parties and VAT as its PDF, its texts in the customer's document language. Refuses, naming what to fill
 * in, when the company or the customer lacks what the standard requires of an e-invoice.
 */
export function buildEInvoice(ctx: ServiceContext, i: ParsedInput<'invoices.einvoice'>): EInvoiceFile {
  requirePermission(ctx, 'invoices.read')
  const db = ctx.db
  const inv = db.select().from(invoices).where(eq(invoices.id, i.id)).get()
  if (!inv) throw notFound('invoice')
  const customer = db.select().from(customers).where(eq(customers.id, inv.customerId)).get()!
  const seller = loadSeller(db)
  const language = customerDocumentLanguage(customer.language)
  const t = tFor(language)
  const f = formatsFor(language, seller.timeZone)
  const credit = inv.kind === 'credit'
  // Hooldus keeps a credit note's amounts negative; UBL states what a credit note credits as positive.
  const direction = credit ? -1 : 1

  const sellerVat = compactId(seller.vatNumber)
  if (!sellerVat) throw new AppError('VALIDATION', 'errors.einvoice.sellerVat')
  const sellerRegistry = compactId(seller.registryCode)
  const sellerEndpoint = partyEndpoint({ einvoiceAddress: '', country: seller.country, registryCode: sellerRegistry, vatNumber: sellerVat })
  if (!sellerEndpoint) throw new AppError('VALIDATION', 'errors.einvoice.sellerEndpoint')

  const buyerVat = compactId(customer.vatNumber)
  const buyerRegistry = compactId(customer.registryCode)
  const buyerEndpoint = partyEndpoint({
    einvoiceAddress: customer.einvoiceAddress,
    country: customer.country,
    registryCode: buyerRegistry,
    vatNumber: buyerVat
  })
  if (!buyerEndpoint) throw new AppError('VALIDATION', 'errors.einvoice.buyerEndpoint', { customer: customer.name })

  const rows = db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, inv.id)).orderBy(asc(invoiceLines.id)).all()
  const lines: UblLine[] = rows.map((l) => ({
    note: l.orderNumber ? t('einvoice.lineOrder', { number: l.orderNumber }) : '',
    name: l.description || t(`enums.lineType.${l.type as LineType}`),
    quantity: direction * l.quantity,
    unitCode: unitCode(l.unit),
    unitPrice: l.unitPrice,
    net: direction * l.netAmount,
    vat: direction * l.vatAmount,
    category: vatCategory(l.vatCode, l.vatRate, inv.reverseCharge),
    rate: l.vatRate
  }))
  if (!buyerVat && lines.some((l) => l.category === 'AE'))
    throw new AppError('VALIDATION', 'errors.einvoice.buyerVat', { customer: customer.name })

  const account = (seller.bankAccounts as BankAccount[])[0]
  if (!credit && !account) throw new AppError('VALIDATION', 'errors.einvoice.bankAccount')

  const original =
    inv.creditOfId === null
      ? undefined
      : db.select({ number: invoices.number, issueDate: invoices.invoiceDate }).from(invoices).where(eq(invoices.id, inv.creditOfId)).get()
  const orders = [...new Set(rows.map((l) => l.orderNumber).filter(Boolean))]

  const sellerAddress =
    seller.postalCode || seller.city
      ? { street: seller.street, postalCode: seller.postalCode, city: seller.city }
      : splitAddress(seller.street)
  const site = customer.billingAddress
    ? undefined
    : db.select().from(customerSites).where(eq(customerSites.customerId, customer.id)).orderBy(asc(customerSites.id)).limit(1).get()
  const buyerAddress = site ? { street: site.street, postalCode: site.postalCode, city: site.city } : splitAddress(customer.billingAddress)

  const doc: UblDocument = {
    kind: credit ? 'credit' : 'invoice',
    number: inv.number,
    issueDate: inv.invoiceDate,
    dueDate: inv.dueDate,
    currency: inv.currency,
    note: inv.note,
    buyerReference: customer.number,
    salesOrder: orders.length === 1 ? orders[0]! : '',
    credits: original ?? null,
    seller: {
      endpoint: sellerEndpoint,
      name: seller.name,
      legalName: seller.legalName || seller.name,
      address: { ...sellerAddress, country: seller.country },
      vatNumber: sellerVat,
      registryCode: sellerRegistry,
      registryScheme: seller.country === 'EE' && sellerRegistry ? EE_REGISTRY_SCHEME : null,
      phone: seller.phone,
      email: seller.email
    },
    buyer: {
      endpoint: buyerEndpoint,
      name: customer.name,
      legalName: customer.name,
      address: { ...buyerAddress, country: customer.country },
      vatNumber: buyerVat,
      registryCode: buyerRegistry,
      registryScheme: customer.country === 'EE' && buyerRegistry ? EE_REGISTRY_SCHEME : null,
      phone: customer.phone,
      email: customer.invoiceEmail || customer.email
    },
    payment:
      credit || !account
        ? null
        : {
            code: inv.currency === 'EUR' ? '58' : '30',
            paymentId: inv.referenceNumber,
            iban: compactId(account.iban),
            accountName: seller.legalName || seller.name,
            bic: compactId(account.bic ?? '')
          },
    paymentTerms: credit
      ? original
        ? t('einvoice.creditTerms', { number: original.number, date: f.date(original.issueDate) })
        : ''
      : t('einvoice.paymentTerms', { days: daysBetween(inv.invoiceDate, inv.dueDate), date: f.date(inv.dueDate) }),
    prepaid: credit ? 0 : paidInAdvance(db, inv.id, inv.invoiceDate),
    exemptionReasons: { AE: t('einvoice.reverseCharge'), E: t('einvoice.exempt') },
    lines
  }
  return { fileName: `${fileSafe(inv.number)}.xml`, xml: ublXml(doc) }
}

/**
 * BT-113: payments dated on or before the invoice date, i.e. made before it was issued. Later payments are
 * not part of the invoice, so the document says the same whenever it is downloaded.
 */
function paidInAdvance(db: Db, invoiceId: number, invoiceDate: string): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${payments.amount}), 0)` })
    .from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), lte(payments.date, invoiceDate)))
    .get()
  return row?.total ?? 0
}
