import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import { isReverseCharge, REVERSE_CHARGE_VAT_CODE } from '@shared/domain/billing'
import { lineAmount, vatAmount } from '@shared/domain/orderRules'
import type {
  CustomerBalance,
  InvoiceableLine,
  InvoiceLineSource,
  InvoiceListRow,
  InvoiceRow,
  ManualLineInput
} from '@shared/domain/orders'
import { invoiceReferenceNumber } from '@shared/domain/referenceNumber'
import { dateOf } from '@shared/time'
import type { Db } from '../../db/connection'
import {
  customers,
  customerSites,
  invoiceLines,
  invoices,
  serviceOrderLines,
  serviceOrders,
  settings as settingsTable
} from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { AppError, invalid, notFound } from '../core/errors'
import { faultPoint } from '../core/faults'
import { recordFeeCredit } from '../subscriptions/recognition'
import { contains, iterateList, type JoinableQuery, listPage, outer, whereAll } from '../core/list'
import { nextNumber } from '../core/sequences'
import { writeTx } from '../core/tx'
import { linkLinesToInvoice, unlinkOrderLines } from '../orders/write'
import { loadSettings } from '../settings/settings'
import { openAmountSql, shopTimeZone, shopToday, statusSql } from './status'

const original = alias(invoices, 'original')

/** The credit notes of the row's invoice, by number; null when it has none. */
const creditNumbers = sql<
  string | null
>`(select group_concat(c.number, ', ') from (select c.number from ${invoices} c where c.credit_of_id = ${outer(invoices.id)} order by c.id) c)`

const listSelection = (today: string) => ({
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
  paymentStatus: statusSql(today),
  paidTotal: invoices.paidTotal,
  creditedTotal: invoices.creditedTotal,
  openAmount: openAmountSql,
  referenceNumber: invoices.referenceNumber,
  creditOfNumber: sql<string | null>`${original.number}`,
  creditedByNumber: creditNumbers
})

const joins = (q: JoinableQuery) =>
  q.innerJoin(customers, eq(customers.id, invoices.customerId)).leftJoin(original, eq(original.id, invoices.creditOfId))

const specFor = (today: string) => ({
  table: invoices,
  idColumn: invoices.id,
  selection: listSelection(today),
  joins,
  // The customer is a NOT NULL foreign key, the original invoice a left join on its key: only the search box
  // needs a join to count.
  countJoins: (q: JoinableQuery, p: { q: string }) => (p.q ? q.innerJoin(customers, eq(customers.id, invoices.customerId)) : q),
  sort: {
    // The date is fixed-width text, so date and number sort as one: newest first is date, then number, descending.
    invoiceDate: sql`${invoices.invoiceDate} || ${invoices.number}`,
    number: invoices.number,
    dueDate: invoices.dueDate,
    customerName: customers.name,
    grossTotal: invoices.grossTotal,
    openAmount: openAmountSql
  },
  defaultSort: 'invoiceDate',
  toRow: (r: InvoiceListRow) => r
})

type ListIn = ParsedInput<'invoices.list'>
const where = (i: ListIn, today: string) =>
  whereAll([
    i.q ? or(contains(invoices.number, i.q), contains(customers.name, i.q)) : undefined,
    i.customerId === null ? undefined : eq(invoices.customerId, i.customerId),
    i.kind === null ? undefined : eq(invoices.kind, i.kind),
    i.status === null ? undefined : eq(statusSql(today), i.status),
    i.from === null ? undefined : gte(invoices.invoiceDate, i.from),
    i.to === null ? undefined : lte(invoices.invoiceDate, i.to)
  ])

export function listInvoices(ctx: ServiceContext, i: ListIn): Page<InvoiceListRow> {
  const today = shopToday(ctx)
  return listPage(ctx.db, specFor(today), i, where(i, today))
}

export function iterateInvoices(ctx: ServiceContext, i: ListIn): Iterable<InvoiceListRow> {
  const today = shopToday(ctx)
  return iterateList(ctx.db, specFor(today), i, where(i, today))
}

/** An invoice or credit note with its lines; `today` (the shop's) decides whether it is overdue. */
export function loadInvoice(db: Db, id: number, today: string = dateOf(Date.now(), shopTimeZone(db))): InvoiceRow {
  const q = db
    .select({
      ...listSelection(today),
      creditOfId: invoices.creditOfId,
      reverseCharge: invoices.reverseCharge,
      note: invoices.note,
      customerAddress: sql<string>`case when ${customers.billingAddress} <> '' then ${customers.billingAddress} else coalesce((select trim(s.street || ', ' || trim(s.postal_code || ' ' || s.city), ', ') from ${customerSites} s where s.customer_id = ${customers.id} order by s.id limit 1), '') end`,
      customerVatNumber: customers.vatNumber
    })
    .from(invoices)
    .$dynamic()
  const head = (joins(q as unknown as JoinableQuery) as unknown as typeof q).where(eq(invoices.id, id)).get()
  if (!head) throw notFound('invoice')
  const taken = (column: 'quantity' | 'net_amount') =>
    sql<number>`coalesce((select -sum(c.${sql.raw(column)}) from ${invoiceLines} c where c.credited_line_id = ${outer(invoiceLines.id)}), 0)`
  const lines = db
    .select({
      id: invoiceLines.id,
      source: sql<InvoiceLineSource>`${invoiceLines.source}`,
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
      vatAmount: invoiceLines.vatAmount,
      creditedLineId: invoiceLines.creditedLineId,
      creditedQuantity: taken('quantity'),
      creditedAmount: taken('net_amount')
    })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.id))
    .all()
  const creditNotes = db
    .select({ id: invoices.id, number: invoices.number, invoiceDate: invoices.invoiceDate, grossTotal: invoices.grossTotal })
    .from(invoices)
    .where(eq(invoices.creditOfId, id))
    .orderBy(asc(invoices.id))
    .all()
  return { ...head, creditNotes, lines }
}

export function getInvoice(ctx: ServiceContext, i: { id: number }): InvoiceRow {
  return loadInvoice(ctx.db, i.id, shopToday(ctx))
}

/** Open and overdue totals of a customer's invoices (an over-payment lowers what is open). */
export function customerBalance(ctx: ServiceContext, i: ParsedInput<'invoices.balance'>): CustomerBalance {
  const today = shopToday(ctx)
  const status = statusSql(today)
  const row = ctx.db
    .select({
      openTotal: sql<number>`coalesce(sum(${openAmountSql}), 0)`,
      openCount: sql<number>`count(*) filter (where ${status} in ('open', 'partlyPaid', 'overdue'))`,
      overdueTotal: sql<number>`coalesce(sum(${openAmountSql}) filter (where ${status} = 'overdue'), 0)`,
      overdueCount: sql<number>`count(*) filter (where ${status} = 'overdue')`
    })
    .from(invoices)
    .where(and(eq(invoices.customerId, i.customerId), eq(invoices.kind, 'invoice')))
    .get()!
  return { currency: loadSettings(ctx.db).currency, ...row }
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
function earlierAttempt(db: Db, requestKey: string, today: string): InvoiceRow | null {
  const found = db.select({ id: invoices.id }).from(invoices).where(eq(invoices.requestKey, requestKey)).get()
  return found ? loadInvoice(db, found.id, today) : null
}

/** What makes two invoice requests the same request: the order lines (in any order) and the manual lines. */
function requestShape(orderLineIds: (number | null)[], manual: Pick<ManualLineInput, 'description' | 'quantity' | 'unit' | 'unitPrice'>[]) {
  return JSON.stringify([
    orderLineIds.filter((x) => x !== null).sort((a, b) => a - b),
    manual.map((m) => [m.description, m.quantity, m.unit, m.unitPrice])
  ])
}

type NewLine = Omit<typeof invoiceLines.$inferInsert, 'invoiceId'>

/** A subscription fee to invoice (services/subscriptions/billing.ts): net cents, one unit, the default VAT rate. */
export interface FeeCharge {
  feeId: number
  description: string
  amount: number
}

/**
 * Invoices posted, uninvoiced lines of one customer, and manual charges. The invoice, its lines, the lines'
 * invoice link and the number are one transaction: a crash leaves none of them, and the number goes back to
 * the sequence. A second attempt with the same request key (double click, retry) answers the first invoice.
 * The due date follows the customer's payment terms, else the company's; a business customer in another EU
 * member state with a VAT number is invoiced under reverse charge (0 %, category AE).
 * `fees` (subscription fees, checked by their service inside the same transaction) become lines of their own.
 */
export function createInvoice(ctx: ServiceContext, i: ParsedInput<'invoices.create'>, fees: FeeCharge[] = []): InvoiceRow {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'invoices.create')
    if (i.manualLines.length > 0) requirePermission(ctx, 'invoices.manualCharge')
    const today = shopToday(ctx)
    const again = earlierAttempt(ctx.db, i.requestKey, today)
    if (again) {
      const same =
        again.kind === 'invoice' &&
        again.customerId === i.customerId &&
        requestShape(
          again.lines.map((l) => l.orderLineId),
          again.lines.filter((l) => l.source === 'manual')
        ) === requestShape(i.lineIds, i.manualLines)
      if (!same) throw new AppError('CONFLICT', 'errors.invoices.requestUsedInvoice')
      return again
    }
    const customer = ctx.db
      .select({ country: customers.country, vatNumber: customers.vatNumber, paymentTermsDays: customers.paymentTermsDays })
      .from(customers)
      .where(eq(customers.id, i.customerId))
      .get()
    if (!customer) throw invalid(['customerId'], 'errors.invoices.noCustomer')
    const rows =
      i.lineIds.length === 0
        ? []
        : ctx.db
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
    const terms = ctx.db
      .select({ companyCountry: settingsTable.companyCountry, paymentTermsDays: settingsTable.paymentTermsDays })
      .from(settingsTable)
      .get()!
    const reverseCharge = isReverseCharge({
      customerCountry: customer.country,
      customerVatNumber: customer.vatNumber,
      companyCountry: terms.companyCountry
    })
    const vatOf = (code: string | null, path: (string | number)[]) => {
      const rate = code === null ? settings.vatRates.find((r) => r.isDefault)! : settings.vatRates.find((r) => r.code === code)
      if (!rate) throw invalid(path, 'errors.invoices.unknownVatCode', { code: code ?? '' })
      return reverseCharge ? { code: REVERSE_CHARGE_VAT_CODE, rate: 0 } : rate
    }
    const withVat = (l: Omit<NewLine, 'netAmount' | 'vatCode' | 'vatRate' | 'vatAmount'>, vat: { code: string; rate: number }): NewLine => {
      const net = lineAmount(l.quantity, l.unitPrice)
      return { ...l, netAmount: net, vatCode: vat.code, vatRate: vat.rate, vatAmount: vatAmount(net, vat.rate) }
    }
    const orderVat = vatOf(null, ['lineIds'])
    const lines: NewLine[] = [
      ...rows
        .sort((a, b) => a.orderNumber.localeCompare(b.orderNumber) || a.line.lineNo - b.line.lineNo)
        .map((r) =>
          withVat(
            {
              source: 'orderLine',
              orderLineId: r.line.id,
              orderNumber: r.orderNumber,
              type: r.line.type,
              description: r.line.description,
              quantity: r.line.quantity,
              unit: r.line.unit,
              unitPrice: r.line.unitPrice
            },
            orderVat
          )
        ),
      ...i.manualLines.map((m, n) =>
        withVat(
          { source: 'manual', type: 'fee', description: m.description, quantity: m.quantity, unit: m.unit, unitPrice: m.unitPrice },
          vatOf(m.vatCode, ['manualLines', n, 'vatCode'])
        )
      ),
      ...fees.map((f) =>
        withVat(
          {
            source: 'subscriptionFee',
            subscriptionFeeId: f.feeId,
            type: 'fee',
            description: f.description,
            quantity: 1000,
            unit: '',
            unitPrice: f.amount
          },
          orderVat
        )
      )
    ]
    const netTotal = lines.reduce((s, l) => s + l.netAmount, 0)
    const vatTotal = lines.reduce((s, l) => s + l.vatAmount, 0)
    const number = nextNumber(ctx.db, 'invoice')
    const inv = ctx.db
      .insert(invoices)
      .values({
        number,
        kind: 'invoice',
        customerId: i.customerId,
        invoiceDate: i.invoiceDate,
        dueDate: addDays(i.invoiceDate, customer.paymentTermsDays ?? terms.paymentTermsDays),
        currency: settings.currency,
        netTotal,
        vatTotal,
        grossTotal: netTotal + vatTotal,
        reverseCharge,
        requestKey: i.requestKey,
        createdAt: ctx.now(),
        createdBy: user.id
      })
      .returning({ id: invoices.id })
      .get()
    ctx.db
      .update(invoices)
      .set({ referenceNumber: invoiceReferenceNumber(number, inv.id) })
      .where(eq(invoices.id, inv.id))
      .run()
    for (const l of lines)
      ctx.db
        .insert(invoiceLines)
        .values({ ...l, invoiceId: inv.id })
        .run()
    faultPoint('invoice.beforeLink')
    if (i.lineIds.length > 0) linkLinesToInvoice(ctx.db, inv.id, i.lineIds)
    const after = loadInvoice(ctx.db, inv.id, today)
    audit(ctx, 'invoice', inv.id, 'create', null, { number: after.number, lines: lines.length, grossTotal: after.grossTotal })
    return after
  })
}

/** One line of a credit note as asked: the invoice line, and the quantity and net amount it credits. */
interface CreditAsk {
  line: InvoiceRow['lines'][number]
  quantity: number
  netAmount: number
  path: (string | number)[]
}

/**
 * A credit note of some or all of an invoice's lines, each never beyond what was invoiced less what earlier
 * credit notes took — read and checked inside the write transaction, so two credits at once (two windows,
 * two processes) cannot both take the same rest. VAT is the original line's rate; the credit that takes the
 * rest of a line takes the rest of its VAT too, so the line's VAT adds up to the cent. A service order line
 * credited in full becomes invoiceable again (to be corrected and invoiced anew); a partial credit leaves it
 * invoiced. Without `lines`, everything not credited yet is credited.
 *
 * `returnLines` (invoice line id → return line id) comes from a return's disposition: those credit lines carry
 * source 'returnLine' and the return line, so what a return credited is found by its line, not guessed.
 */
export function creditInvoice(
  ctx: ServiceContext,
  i: ParsedInput<'invoices.credit'>,
  returnLines: ReadonlyMap<number, number> = new Map()
): InvoiceRow {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'invoices.create')
    const today = shopToday(ctx)
    const again = earlierAttempt(ctx.db, i.requestKey, today)
    if (again) {
      if (again.creditOfId !== i.id) throw new AppError('CONFLICT', 'errors.invoices.requestUsedCredit')
      return again
    }
    const inv = loadInvoice(ctx.db, i.id, today)
    if (inv.kind !== 'invoice') throw invalid(['id'], 'errors.invoices.creditOfCredit', { number: inv.number })
    if (i.invoiceDate < inv.invoiceDate) throw invalid(['invoiceDate'], 'errors.invoices.creditBeforeInvoice')
    const creditedVat = new Map(
      ctx.db
        .select({ lineId: invoiceLines.creditedLineId, vat: sql<number>`-sum(${invoiceLines.vatAmount})` })
        .from(invoiceLines)
        .where(
          inArray(
            invoiceLines.creditedLineId,
            inv.lines.map((l) => l.id)
          )
        )
        .groupBy(invoiceLines.creditedLineId)
        .all()
        .map((r) => [r.lineId!, r.vat])
    )
    const left = (l: InvoiceRow['lines'][number]) => ({
      quantity: l.quantity - l.creditedQuantity,
      netAmount: l.netAmount - l.creditedAmount,
      vatAmount: l.vatAmount - (creditedVat.get(l.id) ?? 0)
    })
    const asks: CreditAsk[] = i.lines
      ? i.lines.map((r, n) => {
          const line = inv.lines.find((l) => l.id === r.lineId)
          if (!line) throw invalid(['lines', n, 'lineId'], 'errors.invoices.notLineOfInvoice', { number: inv.number })
          return { line, quantity: r.quantity, netAmount: r.netAmount, path: ['lines', n] }
        })
      : inv.lines.map((line, n) => ({ line, ...left(line), path: ['lines', n] })).filter((a) => a.quantity > 0 || a.netAmount > 0)
    if (asks.length === 0)
      throw new AppError('CONFLICT', 'errors.invoices.alreadyCredited', {
        number: inv.number,
        credit: inv.creditNotes.map((c) => c.number).join(', ')
      })
    const seen = new Set<number>()
    for (const a of asks) {
      const name = { lineNo: inv.lines.indexOf(a.line) + 1, description: a.line.description }
      if (seen.has(a.line.id)) throw invalid([...a.path, 'lineId'], 'errors.invoices.lineTwice', name)
      seen.add(a.line.id)
      const rest = left(a.line)
      if (a.quantity === 0 && a.netAmount === 0) throw invalid([...a.path, 'quantity'], 'errors.invoices.creditNothing', name)
      if (a.quantity > rest.quantity)
        throw invalid([...a.path, 'quantity'], 'errors.invoices.quantityLeft', { ...name, left: rest.quantity / 1000, unit: a.line.unit })
      if (a.netAmount > rest.netAmount)
        throw invalid([...a.path, 'netAmount'], 'errors.invoices.amountLeft', {
          ...name,
          left: rest.netAmount / 100,
          currency: inv.currency
        })
    }
    const lines = asks.map((a) => {
      const rest = left(a.line)
      const vat = a.netAmount === rest.netAmount ? rest.vatAmount : vatAmount(a.netAmount, a.line.vatRate)
      const whole = a.quantity === rest.quantity && a.netAmount === rest.netAmount
      return { ask: a, vat, whole }
    })
    const netTotal = -lines.reduce((s, l) => s + l.ask.netAmount, 0)
    const vatTotal = -lines.reduce((s, l) => s + l.vat, 0)
    const row = ctx.db
      .insert(invoices)
      .values({
        number: nextNumber(ctx.db, 'creditNote'),
        kind: 'credit',
        customerId: inv.customerId,
        invoiceDate: i.invoiceDate,
        dueDate: i.invoiceDate,
        currency: inv.currency,
        netTotal,
        vatTotal,
        grossTotal: netTotal + vatTotal,
        creditOfId: inv.id,
        reverseCharge: inv.reverseCharge,
        note: i.note,
        requestKey: i.requestKey,
        createdAt: ctx.now(),
        createdBy: user.id
      })
      .returning({ id: invoices.id })
      .get()
    for (const { ask, vat } of lines) {
      const l = ask.line
      ctx.db
        .insert(invoiceLines)
        .values({
          invoiceId: row.id,
          source: returnLines.has(l.id) ? 'returnLine' : l.source,
          returnLineId: returnLines.get(l.id) ?? null,
          orderLineId: l.orderLineId,
          // A credited subscription fee stays traceable from the credit note's line too.
          subscriptionFeeId: sql<number | null>`(select o.subscription_fee_id from ${invoiceLines} o where o.id = ${l.id})`,
          creditedLineId: l.id,
          orderNumber: l.orderNumber,
          type: l.type,
          description: l.description,
          quantity: -ask.quantity,
          unit: l.unit,
          unitPrice: l.unitPrice,
          netAmount: -ask.netAmount,
          vatCode: l.vatCode,
          vatRate: l.vatRate,
          vatAmount: -vat
        })
        .run()
    }
    // A credited subscription fee line keeps its fee's credited amount and recognition in step, from any screen.
    for (const { ask } of lines)
      if (ask.line.source === 'subscriptionFee') recordFeeCredit(ctx.db, ask.line.id, ask.netAmount, i.invoiceDate)
    ctx.db
      .update(invoices)
      .set({ creditedTotal: sql`${invoices.creditedTotal} + ${-(netTotal + vatTotal)}` })
      .where(eq(invoices.id, inv.id))
      .run()
    // A return's credit is for goods that came back, not a correction: its order line stays invoiced.
    const freed = lines
      .filter((l) => l.whole && l.ask.line.orderLineId !== null && !returnLines.has(l.ask.line.id))
      .map((l) => l.ask.line.orderLineId!)
    if (freed.length > 0) unlinkOrderLines(ctx.db, inv.id, freed)
    const after = loadInvoice(ctx.db, row.id, today)
    audit(ctx, 'invoice', row.id, 'create', null, { number: after.number, creditOf: inv.number, grossTotal: after.grossTotal })
    return after
  })
}
