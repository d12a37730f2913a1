import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import { lineAmount, vatAmount } from '@shared/domain/orderRules'
import type { InvoiceableLine, InvoiceListRow, InvoiceRow } from '@shared/domain/orders'
import type { Db } from '../../db/connection'
import { customers, customerSites, invoiceLines, invoices, serviceOrderLines, serviceOrders } from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { AppError, invalid, notFound } from '../core/errors'
import { faultPoint } from '../core/faults'
import { contains, iterateList, type JoinableQuery, listPage, whereAll } from '../core/list'
import { nextNumber } from '../core/sequences'
import { writeTx } from '../core/tx'
import { linkLinesToInvoice, unlinkInvoiceLines } from '../orders/write'
import { loadSettings } from '../settings/settings'

const PAYMENT_DAYS = 14
const credit = alias(invoices, 'credit')
const original = alias(invoices, 'original')

const listSelection = {
  id: invoices.id,
  number: invoices.number,
  kind: sql<InvoiceListRow['kind']>`${invoices.kind}`,
  customerId: invoices.customerId,
  customerName: sql<string>`${customers.name}`,
  invoiceDate: invoices.invoiceDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  netTotal: invoices.netTotal,
  vatTotal: invoices.vatTotal,
  grossTotal: invoices.grossTotal,
  creditOfNumber: sql<string | null>`${original.number}`,
  creditedByNumber: sql<string | null>`${credit.number}`
}

const joins = (q: JoinableQuery) =>
  q
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .leftJoin(original, eq(original.id, invoices.creditOfId))
    .leftJoin(credit, eq(credit.creditOfId, invoices.id))

const spec = {
  table: invoices,
  idColumn: invoices.id,
  selection: listSelection,
  joins,
  // The customer is a NOT NULL foreign key, the credit links left joins on unique keys: only the search box
  // needs a join to count.
  countJoins: (q: JoinableQuery, p: { q: string }) => (p.q ? q.innerJoin(customers, eq(customers.id, invoices.customerId)) : q),
  sort: { number: invoices.number, invoiceDate: invoices.invoiceDate, customerName: customers.name, grossTotal: invoices.grossTotal },
  defaultSort: 'number',
  toRow: (r: InvoiceListRow) => r
}

type ListIn = ParsedInput<'invoices.list'>
const where = (i: ListIn) =>
  whereAll([
    i.q ? or(contains(invoices.number, i.q), contains(customers.name, i.q)) : undefined,
    i.customerId === null ? undefined : eq(invoices.customerId, i.customerId),
    i.kind === null ? undefined : eq(invoices.kind, i.kind)
  ])

export function listInvoices(ctx: ServiceContext, i: ListIn): Page<InvoiceListRow> {
  return listPage(ctx.db, spec, i, where(i))
}

export function iterateInvoices(ctx: ServiceContext, i: ListIn): Iterable<InvoiceListRow> {
  return iterateList(ctx.db, spec, i, where(i))
}

export function loadInvoice(db: Db, id: number): InvoiceRow {
  const q = db
    .select({
      ...listSelection,
      creditOfId: invoices.creditOfId,
      creditedById: sql<number | null>`${credit.id}`,
      customerAddress: sql<string>`case when ${customers.billingAddress} <> '' then ${customers.billingAddress} else coalesce((select trim(s.street || ', ' || trim(s.postal_code || ' ' || s.city), ', ') from ${customerSites} s where s.customer_id = ${customers.id} order by s.id limit 1), '') end`,
      customerVatNumber: customers.vatNumber
    })
    .from(invoices)
    .$dynamic()
  const head = (joins(q as unknown as JoinableQuery) as unknown as typeof q).where(eq(invoices.id, id)).get()
  if (!head) throw notFound('invoice')
  const lines = db
    .select({
      id: invoiceLines.id,
      orderLineId: invoiceLines.orderLineId,
      orderNumber: invoiceLines.orderNumber,
      type: sql<InvoiceRow['lines'][number]['type']>`${invoiceLines.type}`,
      description: invoiceLines.description,
      quantity: invoiceLines.quantity,
      unit: invoiceLines.unit,
      unitPrice: invoiceLines.unitPrice,
      netAmount: invoiceLines.netAmount,
      vatCode: invoiceLines.vatCode,
      vatRate: invoiceLines.vatRate,
      vatAmount: invoiceLines.vatAmount
    })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.id))
    .all()
  return { ...head, lines }
}

export function getInvoice(ctx: ServiceContext, i: { id: number }): InvoiceRow {
  return loadInvoice(ctx.db, i.id)
}

/** Posted lines of a customer that no invoice holds yet. */
export function invoiceableLines(ctx: ServiceContext, i: { customerId: number }): InvoiceableLine[] {
  return ctx.db
    .select({
      id: serviceOrderLines.id,
      orderId: serviceOrderLines.orderId,
      orderNumber: serviceOrders.number,
      type: sql<InvoiceableLine['type']>`${serviceOrderLines.type}`,
      description: serviceOrderLines.description,
      quantity: serviceOrderLines.quantity,
      unit: serviceOrderLines.unit,
      unitPrice: serviceOrderLines.unitPrice,
      salesAmount: sql<number>`cast(round(${serviceOrderLines.quantity} * ${serviceOrderLines.unitPrice} / 1000.0) as integer)`,
      actualDate: serviceOrderLines.actualDate,
      postedAt: sql<number>`${serviceOrderLines.postedAt}`
    })
    .from(serviceOrderLines)
    .innerJoin(serviceOrders, eq(serviceOrders.id, serviceOrderLines.orderId))
    .where(and(eq(serviceOrders.customerId, i.customerId), eq(serviceOrderLines.status, 'posted'), isNull(serviceOrderLines.invoiceId)))
    .orderBy(asc(serviceOrders.number), asc(serviceOrderLines.lineNo))
    .all()
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A retry with the same request key answers the invoice the first attempt made, if it made one. */
function earlierAttempt(db: Db, requestKey: string): InvoiceRow | null {
  const found = db.select({ id: invoices.id }).from(invoices).where(eq(invoices.requestKey, requestKey)).get()
  return found ? loadInvoice(db, found.id) : null
}

/**
 * Invoices posted, uninvoiced lines of one customer. The invoice, its lines, the lines' invoice link and
 * the number are one transaction: a crash leaves none of them, and the number goes back to the sequence.
 * A second attempt with the same request key (double click, retry) answers the first invoice.
 */
export function createInvoice(ctx: ServiceContext, i: ParsedInput<'invoices.create'>): InvoiceRow {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'invoices.create')
    const again = earlierAttempt(ctx.db, i.requestKey)
    if (again) {
      const sameLines =
        again.lines
          .map((l) => l.orderLineId)
          .sort()
          .join() === [...i.lineIds].sort().join()
      if (again.customerId !== i.customerId || !sameLines) throw new AppError('CONFLICT', 'errors.invoices.requestUsedInvoice')
      return again
    }
    const rows = ctx.db
      .select({ line: serviceOrderLines, orderNumber: serviceOrders.number, customerId: serviceOrders.customerId })
      .from(serviceOrderLines)
      .innerJoin(serviceOrders, eq(serviceOrders.id, serviceOrderLines.orderId))
      .where(inArray(serviceOrderLines.id, i.lineIds))
      .all()
    if (rows.length !== new Set(i.lineIds).size) throw invalid(['lineIds'], 'errors.invoices.lineMissing')
    for (const r of rows) {
      const line = { number: r.orderNumber, lineNo: r.line.lineNo }
      if (r.customerId !== i.customerId) throw invalid(['lineIds'], 'errors.invoices.otherCustomer', line)
      if (r.line.status !== 'posted') throw invalid(['lineIds'], 'errors.invoices.notPosted', line)
      if (r.line.invoiceId !== null) throw new AppError('CONFLICT', 'errors.invoices.alreadyInvoiced', line)
    }
    const settings = loadSettings(ctx.db)
    const vat = settings.vatRates.find((r) => r.isDefault)!
    const lines = rows
      .sort((a, b) => a.orderNumber.localeCompare(b.orderNumber) || a.line.lineNo - b.line.lineNo)
      .map((r) => {
        const net = lineAmount(r.line.quantity, r.line.unitPrice)
        return {
          orderLineId: r.line.id,
          orderNumber: r.orderNumber,
          type: r.line.type,
          description: r.line.description,
          quantity: r.line.quantity,
          unit: r.line.unit,
          unitPrice: r.line.unitPrice,
          netAmount: net,
          vatCode: vat.code,
          vatRate: vat.rate,
          vatAmount: vatAmount(net, vat.rate)
        }
      })
    const netTotal = lines.reduce((s, l) => s + l.netAmount, 0)
    const vatTotal = lines.reduce((s, l) => s + l.vatAmount, 0)
    const inv = ctx.db
      .insert(invoices)
      .values({
        number: nextNumber(ctx.db, 'invoice'),
        kind: 'invoice',
        customerId: i.customerId,
        invoiceDate: i.invoiceDate,
        dueDate: addDays(i.invoiceDate, PAYMENT_DAYS),
        currency: settings.currency,
        netTotal,
        vatTotal,
        grossTotal: netTotal + vatTotal,
        requestKey: i.requestKey,
        createdAt: ctx.now(),
        createdBy: user.id
      })
      .returning({ id: invoices.id })
      .get()
    for (const l of lines)
      ctx.db
        .insert(invoiceLines)
        .values({ ...l, invoiceId: inv.id })
        .run()
    faultPoint('invoice.beforeLink')
    linkLinesToInvoice(ctx.db, inv.id, i.lineIds)
    const after = loadInvoice(ctx.db, inv.id)
    audit(ctx, 'invoice', inv.id, 'create', null, { number: after.number, lines: lines.length, grossTotal: after.grossTotal })
    return after
  })
}

/** A credit note reverses a whole invoice; its lines become invoiceable again (to be corrected and re-invoiced). */
export function creditInvoice(ctx: ServiceContext, i: ParsedInput<'invoices.credit'>): InvoiceRow {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'invoices.create')
    const again = earlierAttempt(ctx.db, i.requestKey)
    if (again) {
      if (again.creditOfId !== i.id) throw new AppError('CONFLICT', 'errors.invoices.requestUsedCredit')
      return again
    }
    const inv = loadInvoice(ctx.db, i.id)
    if (inv.kind !== 'invoice') throw invalid(['id'], 'errors.invoices.creditOfCredit', { number: inv.number })
    if (inv.creditedById !== null)
      throw new AppError('CONFLICT', 'errors.invoices.alreadyCredited', {
        number: inv.number,
        credit: inv.creditedByNumber ?? ''
      })
    if (i.invoiceDate < inv.invoiceDate) throw invalid(['invoiceDate'], 'errors.invoices.creditBeforeInvoice')
    const row = ctx.db
      .insert(invoices)
      .values({
        number: nextNumber(ctx.db, 'creditNote'),
        kind: 'credit',
        customerId: inv.customerId,
        invoiceDate: i.invoiceDate,
        dueDate: i.invoiceDate,
        currency: inv.currency,
        netTotal: -inv.netTotal,
        vatTotal: -inv.vatTotal,
        grossTotal: -inv.grossTotal,
        creditOfId: inv.id,
        requestKey: i.requestKey,
        createdAt: ctx.now(),
        createdBy: user.id
      })
      .returning({ id: invoices.id })
      .get()
    for (const { id: _id, ...l } of inv.lines) {
      ctx.db
        .insert(invoiceLines)
        .values({ ...l, invoiceId: row.id, quantity: -l.quantity, netAmount: -l.netAmount, vatAmount: -l.vatAmount })
        .run()
    }
    unlinkInvoiceLines(ctx.db, inv.id)
    const after = loadInvoice(ctx.db, row.id)
    audit(ctx, 'invoice', row.id, 'create', null, { number: after.number, creditOf: inv.number })
    return after
  })
}
