/**
 * Pure billing rules shared by the services and the screens: reverse charge and an invoice's payment status.
 * The list filters and sorts by status in SQL (services/invoices/status.ts); a service test checks that the
 * SQL expression and `invoiceStatus` agree.
 */

import { isEuCountry } from './identifiers'

const country = (code: string) => {
  const c = code.trim().toUpperCase()
  return c === 'EL' ? 'GR' : c
}

/** An EU member state, by its ISO code (Greece also by EL, the prefix of its VAT numbers). */
export function isEuMemberState(code: string): boolean {
  return isEuCountry(country(code))
}

/** The VAT category code (UNCL5305) of a reverse-charge line: 0 %, the buyer accounts for the VAT. */
export const REVERSE_CHARGE_VAT_CODE = 'AE'

/**
 * Reverse charge (pöördmaksustamine): a business customer in another EU member state, identified by its
 * VAT number, is invoiced without VAT. A customer in the seller's own country, outside the EU or without a
 * VAT number (a consumer) pays VAT as usual.
 */
export function isReverseCharge(p: { customerCountry: string; customerVatNumber: string; companyCountry: string }): boolean {
  const buyer = country(p.customerCountry)
  return isEuMemberState(buyer) && buyer !== country(p.companyCountry) && p.customerVatNumber.trim() !== ''
}

export const INVOICE_STATUSES = ['open', 'partlyPaid', 'overdue', 'paid', 'credited'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

export interface StatusFacts {
  kind: 'invoice' | 'credit'
  /** Cents, as on the invoice (positive); paid and credited are the invoice's running totals. */
  grossTotal: number
  paidTotal: number
  creditedTotal: number
  dueDate: string
}

/**
 * An invoice's status, never stored: credited (credit notes took all of it), paid (payments and credit
 * notes cover it), overdue (something is open and the due date is before today in the shop's time zone),
 * partly paid (something was paid or credited), else open. A credit note has none.
 */
export function invoiceStatus(i: StatusFacts, today: string): InvoiceStatus | null {
  if (i.kind !== 'invoice') return null
  if (i.creditedTotal > 0 && i.creditedTotal >= i.grossTotal) return 'credited'
  if (i.paidTotal + i.creditedTotal >= i.grossTotal) return 'paid'
  if (i.dueDate < today) return 'overdue'
  if (i.paidTotal > 0 || i.creditedTotal > 0) return 'partlyPaid'
  return 'open'
}

/** What is left to pay on an invoice (negative when over-paid); nothing on a credit note. */
export function openAmount(i: Pick<StatusFacts, 'kind' | 'grossTotal' | 'paidTotal' | 'creditedTotal'>): number {
  return i.kind === 'invoice' ? i.grossTotal - i.paidTotal - i.creditedTotal : 0
}
