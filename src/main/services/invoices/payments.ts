import { eq, sql } from 'drizzle-orm'
import { invoices, payments } from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { invalid, notFound } from '../core/errors'

export type PaymentMethod = 'bank' | 'cash' | 'card' | 'other'

export interface NewPayment {
  invoiceId: number
  date: string
  /** Cents; negative for a refund. */
  amount: number
  method: PaymentMethod
  note: string
  bankEntryId?: number | null
}

/**
 * Records one payment and keeps the invoice's paid total in step. The caller holds the write transaction
 * (writeTx), so the check and the two writes are one step for every other writer. Partial and over-payments
 * are accepted; a credit note, or an invoice credited in full, takes none.
 */
export function addPayment(ctx: ServiceContext, userId: number | null, p: NewPayment): number {
  const inv = ctx.db
    .select({ number: invoices.number, kind: invoices.kind, grossTotal: invoices.grossTotal, creditedTotal: invoices.creditedTotal })
    .from(invoices)
    .where(eq(invoices.id, p.invoiceId))
    .get()
  if (!inv) throw notFound('invoice')
  if (inv.kind !== 'invoice') throw invalid(['invoiceId'], 'errors.payments.onCreditNote', { number: inv.number })
  if (inv.creditedTotal >= inv.grossTotal) throw invalid(['invoiceId'], 'errors.payments.onCredited', { number: inv.number })
  if (p.amount === 0) throw invalid(['amount'], 'errors.payments.zero')
  const row = ctx.db
    .insert(payments)
    .values({
      invoiceId: p.invoiceId,
      date: p.date,
      amount: p.amount,
      method: p.method,
      note: p.note,
      bankEntryId: p.bankEntryId ?? null,
      createdAt: ctx.now(),
      createdBy: userId
    })
    .returning({ id: payments.id })
    .get()
  ctx.db
    .update(invoices)
    .set({ paidTotal: sql`${invoices.paidTotal} + ${p.amount}` })
    .where(eq(invoices.id, p.invoiceId))
    .run()
  return row.id
}
