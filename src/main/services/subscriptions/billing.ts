import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { InvoiceRow } from '@shared/domain/orders'
import { daysBetween } from '@shared/recurrence'
import { type FeeRow, type PeriodCode, percentOf, prorate, recognitionShares, type ScheduleRow } from '@shared/domain/subscriptions'
import type { Db } from '../../db/connection'
import {
  customers,
  invoiceLines,
  invoices,
  subscriptionFees,
  subscriptionGroups,
  subscriptionPendingReversals,
  subscriptionRecognition,
  subscriptions
} from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { AppError, invalid, notFound } from '../core/errors'
import { writeTx } from '../core/tx'
import { customerDocumentLanguage, documentLocale } from '../documents/format'
import { createInvoice, creditInvoice, type FeeCharge, invoiceableLines, loadInvoice } from '../invoices/ledger'
import { shopTimeZone, shopToday } from '../invoices/status'
import { loadFee, scheduleWhere } from './records'
import { reverse } from './recognition'
import { loadParameters } from './setup'

const CHARGED = ['regular', 'nonRegular'] as const

function feeRecord(db: Db, id: number) {
  const fee = db.select().from(subscriptionFees).where(eq(subscriptionFees.id, id)).get()
  if (!fee) throw notFound('subscriptionFee')
  return fee
}

/** What is left of a fee after its reductions, cents. */
function feeLeft(db: Db, fee: { id: number; amount: number }): number {
  const r = db
    .select({ sum: sql<number>`coalesce(sum(${subscriptionFees.amount}), 0)` })
    .from(subscriptionFees)
    .where(eq(subscriptionFees.reductionOfId, fee.id))
    .get()!
  return fee.amount + r.sum
}

/**
 * Removes days from a subscription: a negative fee transaction for the days, prorated by day over the fee
 * whose period holds them. The days must lie inside one fee and not overlap days removed before.
 */
export function reduceDays(ctx: ServiceContext, i: ParsedInput<'subscriptions.reduceDays'>): FeeRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'subscriptions.write')
    if (i.to < i.from) throw invalid(['to'], 'validation.endBeforeStart')
    const fee = ctx.db
      .select()
      .from(subscriptionFees)
      .where(
        and(
          eq(subscriptionFees.subscriptionId, i.subscriptionId),
          inArray(subscriptionFees.kind, [...CHARGED]),
          sql`${subscriptionFees.fromDate} <= ${i.from} and ${subscriptionFees.toDate} >= ${i.to}`
        )
      )
      .get()
    if (!fee) throw invalid(['from'], 'errors.subscriptions.reductionOutside', { from: i.from, to: i.to })
    const overlap = ctx.db
      .select({ id: subscriptionFees.id })
      .from(subscriptionFees)
      .where(
        and(
          eq(subscriptionFees.reductionOfId, fee.id),
          eq(subscriptionFees.kind, 'reductionDays'),
          sql`${subscriptionFees.fromDate} <= ${i.to} and ${subscriptionFees.toDate} >= ${i.from}`
        )
      )
      .get()
    if (overlap) throw invalid(['from'], 'errors.subscriptions.reductionOverlap')
    const amount = -prorate(fee.amount, daysBetween(i.from, i.to) + 1, daysBetween(fee.fromDate, fee.toDate) + 1)
    if (feeLeft(ctx.db, fee) + amount < 0) throw invalid(['to'], 'errors.subscriptions.reductionTooLarge')
    const row = ctx.db
      .insert(subscriptionFees)
      .values({
        subscriptionId: fee.subscriptionId,
        kind: 'reductionDays',
        periodStart: fee.periodStart,
        fromDate: i.from,
        toDate: i.to,
        amount,
        reductionOfId: fee.id,
        createdAt: ctx.now()
      })
      .returning({ id: subscriptionFees.id })
      .get()
    audit(ctx, 'subscriptionFee', row.id, 'create', null, { kind: 'reductionDays', from: i.from, to: i.to, amount })
    return loadFee(ctx.db, row.id)
  })
}

/** A price reduction of a fee: a percentage of it or an amount, never more than is left of it. */
export function reducePrice(ctx: ServiceContext, i: ParsedInput<'subscriptions.reducePrice'>): FeeRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'subscriptions.write')
    const fee = feeRecord(ctx.db, i.feeId)
    if (!(CHARGED as readonly string[]).includes(fee.kind)) throw invalid(['feeId'], 'errors.subscriptions.reduceReduction')
    const amount = i.percent !== null ? percentOf(fee.amount, i.percent) : i.amount!
    if (amount > feeLeft(ctx.db, fee)) throw invalid([i.percent !== null ? 'percent' : 'amount'], 'errors.subscriptions.reductionTooLarge')
    const row = ctx.db
      .insert(subscriptionFees)
      .values({
        subscriptionId: fee.subscriptionId,
        kind: 'priceReduction',
        periodStart: fee.periodStart,
        fromDate: fee.fromDate,
        toDate: fee.toDate,
        amount: -amount,
        reductionOfId: fee.id,
        createdAt: ctx.now()
      })
      .returning({ id: subscriptionFees.id })
      .get()
    audit(ctx, 'subscriptionFee', row.id, 'create', null, { kind: 'priceReduction', reductionOf: fee.id, amount: -amount })
    return loadFee(ctx.db, row.id)
  })
}

/** Index or base price of every subscription of a group, by a percentage or to a value; a preview unless `apply`. */
export function groupUpdate(ctx: ServiceContext, i: ParsedInput<'subscriptions.groupUpdate'>) {
  const compute = () => {
    const subs = ctx.db
      .select({
        id: subscriptions.id,
        version: subscriptions.version,
        number: subscriptions.number,
        name: subscriptions.name,
        basePrice: subscriptions.basePrice,
        priceIndex: subscriptions.priceIndex
      })
      .from(subscriptions)
      .where(eq(subscriptions.groupId, i.groupId))
      .orderBy(asc(subscriptions.number))
      .all()
    const min = i.field === 'priceIndex' ? 1 : 0
    if (i.mode === 'value' && i.value < min) throw invalid(['value'], 'validation.tooSmall', { minimum: min })
    return subs.map((s) => {
      const before = s[i.field]
      const after = i.mode === 'value' ? i.value : Math.max(min, before + percentOf(before, i.value))
      return { ...s, before, after }
    })
  }
  if (!i.apply)
    return { rows: compute().map(({ id, number, name, before, after }) => ({ id, number, name, before, after })), applied: false }
  return writeTx(ctx, () => {
    requirePermission(ctx, 'subscriptions.configure')
    const rows = compute()
    for (const r of rows) {
      if (r.before === r.after) continue
      ctx.db
        .update(subscriptions)
        .set({ [i.field]: r.after, version: r.version + 1 })
        .where(eq(subscriptions.id, r.id))
        .run()
      audit(ctx, 'subscription', r.id, 'update', { [i.field]: r.before }, { [i.field]: r.after })
    }
    return { rows: rows.map(({ id, number, name, before, after }) => ({ id, number, name, before, after })), applied: true }
  })
}

/** The invoice a request key already made, if any: a retry answers it instead of refusing the invoiced fees. */
function earlier(db: Db, requestKey: string, today: string): InvoiceRow | null {
  const found = db.select({ id: invoices.id }).from(invoices).where(eq(invoices.requestKey, requestKey)).get()
  return found ? loadInvoice(db, found.id, today) : null
}

/**
 * Writes the recognition schedule of an invoiced fee: by the group's accrual period when it accrues
 * (never before the invoice date: revenue follows the invoice), else all of it on the invoice date.
 */
function recognise(
  db: Db,
  fee: { id: number; fromDate: string; toDate: string; amount: number },
  accrual: PeriodCode | null,
  invoiceDate: string
): void {
  const shares =
    accrual === null
      ? [{ start: fee.fromDate, end: fee.toDate, amount: fee.amount }]
      : recognitionShares(accrual, fee.fromDate, fee.toDate, fee.amount)
  for (const s of shares)
    db.insert(subscriptionRecognition)
      .values({
        feeId: fee.id,
        fromDate: s.start,
        toDate: s.end,
        recognizeOn: accrual === null || s.end < invoiceDate ? invoiceDate : s.end,
        amount: s.amount
      })
      .run()
}

/**
 * Invoices fees of one customer through the billing ledger — alone, or with the customer's posted order
 * lines not invoiced yet (parameter invoiceWithOrderLines) — and writes their recognition schedules, all in
 * one transaction.
 */
export function invoiceFees(ctx: ServiceContext, i: ParsedInput<'subscriptions.invoice'>): InvoiceRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'invoices.create')
    const today = shopToday(ctx)
    const again = earlier(ctx.db, i.requestKey, today)
    if (again) return again
    const ids = [...new Set(i.feeIds)]
    const fees = ctx.db
      .select({
        fee: subscriptionFees,
        number: subscriptions.number,
        name: subscriptions.name,
        customerId: subscriptions.customerId,
        accrue: subscriptionGroups.accrue,
        accrualPeriod: subscriptionGroups.accrualPeriod
      })
      .from(subscriptionFees)
      .innerJoin(subscriptions, eq(subscriptions.id, subscriptionFees.subscriptionId))
      .innerJoin(subscriptionGroups, eq(subscriptionGroups.id, subscriptions.groupId))
      .where(inArray(subscriptionFees.id, ids))
      .orderBy(asc(subscriptions.number), asc(subscriptionFees.periodStart), asc(subscriptionFees.id))
      .all()
    if (fees.length !== ids.length) throw invalid(['feeIds'], 'errors.subscriptions.feeMissing')
    for (const f of fees) {
      if (f.customerId !== i.customerId) throw invalid(['feeIds'], 'errors.subscriptions.otherCustomer', { number: f.number })
      if (f.fee.invoiceLineId !== null)
        throw new AppError('CONFLICT', 'errors.subscriptions.alreadyInvoiced', { number: f.number, from: f.fee.fromDate })
    }
    const customer = ctx.db.select({ language: customers.language }).from(customers).where(eq(customers.id, i.customerId)).get()
    if (!customer) throw invalid(['customerId'], 'errors.invoices.noCustomer')
    const { t, f: fmt } = documentLocale(customerDocumentLanguage(customer.language), shopTimeZone(ctx.db))
    const charges: FeeCharge[] = fees.map((f) => ({
      feeId: f.fee.id,
      amount: f.fee.amount,
      description: t(`subscriptions.invoiceLine.${f.fee.kind as 'regular'}`, {
        number: f.number,
        name: f.name,
        from: fmt.date(f.fee.fromDate),
        to: fmt.date(f.fee.toDate)
      })
    }))
    const lineIds = loadParameters(ctx.db).invoiceWithOrderLines ? invoiceableLines(ctx, { customerId: i.customerId }).map((l) => l.id) : []
    const inv = createInvoice(
      ctx,
      { customerId: i.customerId, lineIds, manualLines: [], invoiceDate: i.invoiceDate, requestKey: i.requestKey },
      charges
    )
    const made = ctx.db
      .select({ id: invoiceLines.id, feeId: invoiceLines.subscriptionFeeId })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.invoiceId, inv.id), isNotNull(invoiceLines.subscriptionFeeId)))
      .all()
    const lineOf = new Map(made.map((m) => [m.feeId!, m.id]))
    for (const f of fees) {
      ctx.db
        .update(subscriptionFees)
        .set({ invoiceLineId: lineOf.get(f.fee.id)! })
        .where(eq(subscriptionFees.id, f.fee.id))
        .run()
      recognise(ctx.db, f.fee, f.accrue ? (f.accrualPeriod as PeriodCode) : null, i.invoiceDate)
    }
    return inv
  })
}

/**
 * Credits a fee, whole or partly, with a credit note through the ledger, never more than is left of it;
 * the ledger's credit keeps the fee's books (`recordFeeCredit`): its recognition is reversed at the credit
 * note's date, or left for a manual reversal (a parameter).
 */
export function creditFee(ctx: ServiceContext, i: ParsedInput<'subscriptions.credit'>): InvoiceRow {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'invoices.create')
    const today = shopToday(ctx)
    const again = earlier(ctx.db, i.requestKey, today)
    if (again) return again
    const fee = feeRecord(ctx.db, i.feeId)
    if (fee.invoiceLineId === null) throw invalid(['feeId'], 'errors.subscriptions.notInvoiced')
    if (fee.amount <= 0) throw invalid(['feeId'], 'errors.subscriptions.creditReduction')
    const lineRow = ctx.db
      .select({ invoiceId: invoiceLines.invoiceId })
      .from(invoiceLines)
      .where(eq(invoiceLines.id, fee.invoiceLineId))
      .get()!
    const line = loadInvoice(ctx.db, lineRow.invoiceId, today).lines.find((l) => l.id === fee.invoiceLineId)!
    const left = line.netAmount - line.creditedAmount
    const amount = i.amount ?? left
    if (amount === 0) throw invalid(['amount'], 'errors.subscriptions.creditNothing')
    if (amount > left) throw invalid(['amount'], 'errors.subscriptions.creditTooMuch', { left: left / 100 })
    // The ledger records the fee's credited amount and reverses its recognition (recognition.ts).
    return credit(ctx, i, lineRow.invoiceId, line, amount === left, amount)
  })
}

function credit(
  ctx: ServiceContext,
  i: ParsedInput<'subscriptions.credit'>,
  invoiceId: number,
  line: InvoiceRow['lines'][number],
  whole: boolean,
  amount: number
): InvoiceRow {
  // A part is credited as an amount only; the last credit takes the line's quantity with the rest.
  const quantity = whole ? line.quantity - line.creditedQuantity : 0
  return creditInvoice(ctx, {
    id: invoiceId,
    invoiceDate: i.invoiceDate,
    note: i.note,
    requestKey: i.requestKey,
    lines: [{ lineId: line.id, quantity, netAmount: amount }]
  })
}

/** Reverses the recognition credits of a fee left waiting (reverseOnCredit = 'manual'), each at its credit's date. */
export function reverseRecognition(ctx: ServiceContext, i: { feeId: number }): ScheduleRow[] {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'subscriptions.write')
    feeRecord(ctx.db, i.feeId)
    const pending = ctx.db.select().from(subscriptionPendingReversals).where(eq(subscriptionPendingReversals.feeId, i.feeId)).all()
    if (pending.length === 0) throw invalid(['feeId'], 'errors.subscriptions.nothingToReverse')
    for (const p of pending) reverse(ctx.db, p.feeId, p.amount, p.creditDate)
    ctx.db.delete(subscriptionPendingReversals).where(eq(subscriptionPendingReversals.feeId, i.feeId)).run()
    audit(ctx, 'subscriptionFee', i.feeId, 'update', null, { reversed: pending.map((p) => p.amount) })
    return scheduleWhere(ctx.db, eq(subscriptionRecognition.feeId, i.feeId))
  })
}
