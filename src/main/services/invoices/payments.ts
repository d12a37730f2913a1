import { asc, eq, type SQL, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { PaymentMethod, PaymentRow } from '@shared/domain/orders'
import type { Db } from '../../db/connection'
import { bankEntries, invoices, payments, users } from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { invalid, notFound } from '../core/errors'
import { writeTx } from '../core/tx'

export type { PaymentMethod }

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

/** Records a payment typed by a user (the bank import records its own through addPayment). */
export function recordPayment(ctx: ServiceContext, i: ParsedInput<'payments.record'>): PaymentRow {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'payments.write')
    const id = addPayment(ctx, user.id, { ...i, bankEntryId: null })
    const row = loadPayments(ctx.db, eq(payments.id, id))[0]!
    audit(ctx, 'payment', id, 'create', null, row)
    return row
  })
}

export function paymentsOf(ctx: ServiceContext, i: ParsedInput<'payments.forInvoice'>): PaymentRow[] {
  return loadPayments(ctx.db, eq(payments.invoiceId, i.invoiceId))
}

/**
 * Removes a payment entered by mistake and takes it off the invoice's paid total, in one transaction. A
 * payment that came from a bank statement stays: its entry would point at nothing, and a second import of
 * the statement would not bring it back.
 */
export function deletePayment(ctx: ServiceContext, i: ParsedInput<'payments.delete'>): { id: number } {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'payments.write')
    const row = loadPayments(ctx.db, eq(payments.id, i.id))[0]
    if (!row) throw notFound('payment')
    const fromBank = ctx.db.select({ id: bankEntries.id }).from(bankEntries).where(eq(bankEntries.paymentId, i.id)).get()
    if (row.bankEntryId !== null || fromBank) throw invalid(['id'], 'errors.payments.fromBank')
    ctx.db.delete(payments).where(eq(payments.id, i.id)).run()
    ctx.db
      .update(invoices)
      .set({ paidTotal: sql`${invoices.paidTotal} - ${row.amount}` })
      .where(eq(invoices.id, row.invoiceId))
      .run()
    audit(ctx, 'payment', i.id, 'delete', row, null)
    return { id: i.id }
  })
}

function loadPayments(db: Db, where: SQL): PaymentRow[] {
  return db
    .select({
      id: payments.id,
      invoiceId: payments.invoiceId,
      date: payments.date,
      amount: payments.amount,
      method: sql<PaymentMethod>`${payments.method}`,
      note: payments.note,
      bankEntryId: payments.bankEntryId,
      createdAt: payments.createdAt,
      createdByName: users.displayName
    })
    .from(payments)
    .leftJoin(users, eq(users.id, payments.createdBy))
    .where(where)
    .orderBy(asc(payments.date), asc(payments.id))
    .all()
}
