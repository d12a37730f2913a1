/**
 * The one writer of return orders, their lines, events, the stock journal, shipments and the serial history.
 * Every action is one write transaction: a disposition's credit note line (through the billing ledger), its
 * service order (through the orders module), stock movements, shipment, serial change and status all commit
 * together or not at all.
 */
import { and, eq, max, sql } from 'drizzle-orm'
import { contract, type ParsedInput } from '@shared/api/contract'
import { lineAmount } from '@shared/domain/orderRules'
import {
  deriveReturnStatus,
  type DispositionAction,
  dispositionEffects,
  replaces,
  type ReturnEvent,
  type ReturnLineStatus,
  type ReturnRow,
  type ReturnStatus,
  rmaDeadline,
  type StockLocation
} from '@shared/domain/returns'
import {
  categories,
  customerContacts,
  customers,
  customerSites,
  dispositionCodes,
  invoiceLines,
  invoices,
  items,
  objectSerialHistory,
  returnEvents,
  returnLines,
  returnOrders,
  returnReasons,
  returnShipments,
  serviceObjects,
  serviceOrderLines,
  serviceOrders,
  stockMovements
} from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { AppError, conflict, invalid, notFound } from '../core/errors'
import { faultPoint } from '../core/faults'
import { nextNumber } from '../core/sequences'
import { writeTx } from '../core/tx'
import { createInvoice, creditInvoice, loadInvoice } from '../invoices/ledger'
import { loadSettings } from '../settings/settings'
import { requireOrderAccess } from '../orders/access'
import { addLine, insertOrder } from '../orders/edit'
import { addRepairLineInTx } from '../repair/lines'
import { creditedOutsideSql, loadReturn, returnedSql } from './read'

type ReturnRecord = typeof returnOrders.$inferSelect
type LineRecord = typeof returnLines.$inferSelect
type NewReturnLine = Omit<typeof returnLines.$inferInsert, 'returnId' | 'lineNo'>

const refused = (key: ConstructorParameters<typeof AppError>[1], params?: ConstructorParameters<typeof AppError>[2]) =>
  new AppError('VALIDATION', key, params)

function event(ctx: ServiceContext, returnId: number, lineId: number | null, e: ReturnEvent, detail = ''): void {
  ctx.db
    .insert(returnEvents)
    .values({ returnId, lineId, at: ctx.now(), userId: ctx.user?.id ?? null, event: e, detail })
    .run()
}

function returnRecord(ctx: ServiceContext, id: number): ReturnRecord {
  const r = ctx.db.select().from(returnOrders).where(eq(returnOrders.id, id)).get()
  if (!r) throw notFound('returnOrder')
  return r
}

function lineRecord(ctx: ServiceContext, id: number, version: number): { line: LineRecord; ret: ReturnRecord } {
  const line = ctx.db.select().from(returnLines).where(eq(returnLines.id, id)).get()
  if (!line) throw notFound('returnLine')
  if (line.version !== version) throw conflict('returnLine', { lineNo: line.lineNo })
  const ret = returnRecord(ctx, line.returnId)
  if (ret.status === 'cancelled') throw refused('errors.returns.isCancelled', { number: ret.number })
  return { line, ret }
}

/** The header follows its lines (Created → Open → Closed); each change is an event on the timeline. */
function refreshStatus(ctx: ServiceContext, ret: ReturnRecord): void {
  const statuses = ctx.db
    .select({ s: returnLines.status })
    .from(returnLines)
    .where(eq(returnLines.returnId, ret.id))
    .all()
    .map((r) => r.s as ReturnLineStatus)
  const next = deriveReturnStatus(ret.status as ReturnStatus, statuses)
  const current = returnRecord(ctx, ret.id)
  if (next !== current.status) {
    ctx.db
      .update(returnOrders)
      .set({ status: next, version: current.version + 1 })
      .where(eq(returnOrders.id, ret.id))
      .run()
    if (next === 'open' || next === 'closed') event(ctx, ret.id, null, next === 'open' ? 'opened' : 'closed')
  } else {
    ctx.db
      .update(returnOrders)
      .set({ version: current.version + 1 })
      .where(eq(returnOrders.id, ret.id))
      .run()
  }
}

function updateLine(ctx: ServiceContext, line: LineRecord, values: Partial<typeof returnLines.$inferInsert>): void {
  ctx.db
    .update(returnLines)
    .set({ ...values, version: line.version + 1 })
    .where(eq(returnLines.id, line.id))
    .run()
  audit(ctx, 'returnLine', line.id, 'update', { status: line.status }, values)
}

function move(ctx: ServiceContext, line: LineRecord, location: StockLocation, quantity: number): void {
  if (line.itemId === null) return
  ctx.db.insert(stockMovements).values({ itemId: line.itemId, location, quantity, returnLineId: line.id, at: ctx.now() }).run()
}

/* ---------------- creating ---------------- */

type Header = ParsedInput<'returns.createManual'>

function checkHeader(ctx: ServiceContext, h: Omit<Header, 'lines'>): void {
  if (!ctx.db.select({ id: customers.id }).from(customers).where(eq(customers.id, h.customerId)).get())
    throw invalid(['customerId'], 'errors.choose.customer')
  if (!ctx.db.select({ id: returnReasons.id }).from(returnReasons).where(eq(returnReasons.id, h.reasonId)).get())
    throw invalid(['reasonId'], 'errors.returns.chooseReason')
  if (h.siteId !== null) {
    const site = ctx.db.select({ c: customerSites.customerId }).from(customerSites).where(eq(customerSites.id, h.siteId)).get()
    if (!site || site.c !== h.customerId) throw invalid(['siteId'], 'errors.orders.siteOfCustomer')
  }
  if (h.contactId !== null) {
    const c = ctx.db.select({ c: customerContacts.customerId }).from(customerContacts).where(eq(customerContacts.id, h.contactId)).get()
    if (!c || c.c !== h.customerId) throw invalid(['contactId'], 'errors.orders.contactOfCustomer')
  }
}

function checkDisposition(ctx: ServiceContext, dispositionId: number | null | undefined, path: (string | number)[]): void {
  if (
    dispositionId != null &&
    !ctx.db.select({ id: dispositionCodes.id }).from(dispositionCodes).where(eq(dispositionCodes.id, dispositionId)).get()
  )
    throw invalid(path, 'errors.returns.chooseDisposition')
}

function checkObject(ctx: ServiceContext, customerId: number, objectId: number | null, path: (string | number)[]): void {
  if (objectId === null) return
  const o = ctx.db.select({ c: serviceObjects.customerId }).from(serviceObjects).where(eq(serviceObjects.id, objectId)).get()
  if (!o || o.c !== customerId) throw invalid(path, 'errors.orders.objectOfCustomer')
}

function itemOf(ctx: ServiceContext, itemId: number | null, path: (string | number)[]) {
  if (itemId === null) return null
  const item = ctx.db.select({ name: items.name, unit: items.unit }).from(items).where(eq(items.id, itemId)).get()
  if (!item) throw invalid(path, 'errors.choose.item')
  return item
}

function insertReturn(
  ctx: ServiceContext,
  h: Omit<Header, 'lines'>,
  lines: NewReturnLine[],
  sourceOrderId: number | null = null
): ReturnRow {
  const validity = loadSettings(ctx.db).rmaValidityDays
  const row = ctx.db
    .insert(returnOrders)
    .values({
      number: nextNumber(ctx.db, 'returnOrder'),
      customerId: h.customerId,
      contactId: h.contactId,
      siteId: h.siteId,
      reasonId: h.reasonId,
      createdDate: h.createdDate,
      deadline: rmaDeadline(h.createdDate, validity),
      sourceOrderId,
      note: h.note,
      createdAt: ctx.now(),
      createdBy: ctx.user?.id ?? null
    })
    .returning({ id: returnOrders.id })
    .get()
  lines.forEach((l, n) => {
    ctx.db
      .insert(returnLines)
      .values({ ...l, returnId: row.id, lineNo: n + 1 })
      .run()
  })
  event(ctx, row.id, null, 'created')
  const after = loadReturn(ctx.db, row.id)
  audit(ctx, 'returnOrder', row.id, 'create', null, { number: after.number, lines: lines.length })
  return after
}

/**
 * "Find invoice": lines of the customer's invoices, each capped at invoiced − already on a return − already
 * credited, read inside the transaction so that two returns at once cannot both take the same units. Price
 * and VAT come from the invoice line.
 */
export function createFromInvoices(ctx: ServiceContext, i: ParsedInput<'returns.createFromInvoices'>): ReturnRow {
  return writeTx(ctx, () => {
    checkHeader(ctx, i)
    const asked = new Map<number, number>()
    const lines = i.lines.map((l, n): NewReturnLine => {
      const path = ['lines', n, 'invoiceLineId']
      const row = ctx.db
        .select({
          line: invoiceLines,
          customerId: invoices.customerId,
          kind: invoices.kind,
          number: invoices.number,
          itemId: serviceOrderLines.itemId,
          serviceObjectId: serviceOrderLines.serviceObjectId,
          returnable: sql<number>`${invoiceLines.quantity} - ${returnedSql} - ${creditedOutsideSql}`
        })
        .from(invoiceLines)
        .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .leftJoin(serviceOrderLines, eq(serviceOrderLines.id, invoiceLines.orderLineId))
        .where(eq(invoiceLines.id, l.invoiceLineId))
        .get()
      if (!row || row.kind !== 'invoice') throw invalid(path, 'errors.returns.invoiceLineMissing')
      if (row.customerId !== i.customerId) throw invalid(path, 'errors.returns.otherCustomer', { number: row.number })
      checkDisposition(ctx, l.dispositionId, ['lines', n, 'dispositionId'])
      const taken = (asked.get(l.invoiceLineId) ?? 0) + l.quantity
      asked.set(l.invoiceLineId, taken)
      if (taken > row.returnable)
        throw invalid(['lines', n, 'quantity'], 'errors.returns.moreThanInvoiced', {
          number: row.number,
          description: row.line.description,
          left: Math.max(row.returnable - (taken - l.quantity), 0) / 1000,
          unit: row.line.unit
        })
      return {
        itemId: row.itemId,
        serviceObjectId: row.serviceObjectId,
        description: row.line.description,
        quantity: l.quantity,
        unit: row.line.unit,
        returnPrice: row.line.unitPrice,
        vatCode: row.line.vatCode,
        vatRate: row.line.vatRate,
        invoiceLineId: row.line.id,
        dispositionId: l.dispositionId
      }
    })
    return insertReturn(ctx, i, lines)
  })
}

/** A technician (on their own order) or the office brings back a faulty part or unit from a service order. */
export function createFromOrder(ctx: ServiceContext, i: ParsedInput<'returns.createFromOrder'>): ReturnRow {
  return writeTx(ctx, () => {
    requireOrderAccess(ctx, i.orderId)
    const order = ctx.db
      .select({ customerId: serviceOrders.customerId, siteId: serviceOrders.siteId })
      .from(serviceOrders)
      .where(eq(serviceOrders.id, i.orderId))
      .get()
    if (!order) throw notFound('serviceOrder')
    const header = { ...i, customerId: order.customerId, siteId: i.siteId ?? order.siteId }
    checkHeader(ctx, header)
    const lines = i.lines.map((l, n): NewReturnLine => {
      const item = itemOf(ctx, l.itemId, ['lines', n, 'itemId'])
      checkObject(ctx, order.customerId, l.serviceObjectId, ['lines', n, 'serviceObjectId'])
      if (l.itemId === null && l.serviceObjectId === null) throw invalid(['lines', n, 'itemId'], 'errors.returns.itemOrObject')
      return {
        itemId: l.itemId,
        serviceObjectId: l.serviceObjectId,
        description: l.description || item?.name || '',
        quantity: l.quantity,
        unit: item?.unit ?? ''
      }
    })
    return insertReturn(ctx, header, lines, i.orderId)
  })
}

/** By hand: a price to credit needs the right to set prices (a manager's). */
export function createManual(ctx: ServiceContext, i: ParsedInput<'returns.createManual'>): ReturnRow {
  return writeTx(ctx, () => {
    checkHeader(ctx, i)
    const lines = i.lines.map((l, n): NewReturnLine => {
      const item = itemOf(ctx, l.itemId, ['lines', n, 'itemId'])
      checkObject(ctx, i.customerId, l.serviceObjectId, ['lines', n, 'serviceObjectId'])
      checkDisposition(ctx, l.dispositionId, ['lines', n, 'dispositionId'])
      if (l.itemId === null && l.serviceObjectId === null) throw invalid(['lines', n, 'itemId'], 'errors.returns.itemOrObject')
      if (l.returnPrice > 0) requirePermission(ctx, 'prices.override')
      return {
        itemId: l.itemId,
        serviceObjectId: l.serviceObjectId,
        description: l.description || item?.name || '',
        quantity: l.quantity,
        unit: item?.unit ?? '',
        returnPrice: l.returnPrice,
        dispositionId: l.dispositionId
      }
    })
    return insertReturn(ctx, i, lines)
  })
}

/* ---------------- arrival ---------------- */

/**
 * Registers what arrived of an expected line. Less than the line: the line splits, the rest stays expected on a
 * new line. Quarantine puts the units in the quarantine location and the line in the inspection queue.
 */
export function registerArrival(ctx: ServiceContext, i: ParsedInput<'returns.register'>): ReturnRow {
  return writeTx(ctx, () => {
    const { line, ret } = lineRecord(ctx, i.lineId, i.version)
    if (line.status !== 'expected') throw refused('errors.returns.notExpected', { lineNo: line.lineNo })
    if (i.quantity > line.quantity)
      throw invalid(['quantity'], 'errors.returns.moreThanExpected', { lineNo: line.lineNo, left: line.quantity / 1000, unit: line.unit })
    checkDisposition(ctx, i.dispositionId, ['dispositionId'])
    if (i.quantity < line.quantity) {
      const last =
        ctx.db
          .select({ n: max(returnLines.lineNo) })
          .from(returnLines)
          .where(eq(returnLines.returnId, ret.id))
          .get()?.n ?? 0
      const { id: _id, version: _v, lineNo: _n, ...rest } = line
      const split = ctx.db
        .insert(returnLines)
        .values({ ...rest, lineNo: last + 1, quantity: line.quantity - i.quantity, splitFromId: line.id })
        .returning({ id: returnLines.id })
        .get()
      event(ctx, ret.id, split.id, 'lineSplit', String(line.lineNo))
    }
    const values = {
      quantity: i.quantity,
      status: 'registered' as const,
      quarantine: i.quarantine,
      registeredAt: ctx.now(),
      dispositionId: i.quarantine ? null : (i.dispositionId ?? line.dispositionId)
    }
    updateLine(ctx, line, values)
    if (i.quarantine) move(ctx, line, 'quarantine', i.quantity)
    event(ctx, ret.id, line.id, i.quarantine ? 'quarantined' : 'lineRegistered')
    refreshStatus(ctx, ret)
    return loadReturn(ctx.db, ret.id)
  })
}

/* ---------------- disposition ---------------- */

function orderSite(ctx: ServiceContext, ret: ReturnRecord) {
  if (ret.siteId !== null) return { siteId: ret.siteId, oneTimeAddress: '' }
  const site = ctx.db
    .select({ id: customerSites.id })
    .from(customerSites)
    .where(eq(customerSites.customerId, ret.customerId))
    .orderBy(customerSites.id)
    .get()
  if (site) return { siteId: site.id, oneTimeAddress: '' }
  const c = ctx.db
    .select({ name: customers.name, address: customers.billingAddress })
    .from(customers)
    .where(eq(customers.id, ret.customerId))
    .get()!
  return { siteId: null, oneTimeAddress: c.address || c.name }
}

/**
 * A service order with origin 'return' through the orders module: a replacement installs the replacement item
 * at the customer; a repair works on the returned unit, which gets the order's first repair line.
 */
function returnOrder(
  ctx: ServiceContext,
  ret: ReturnRecord,
  line: LineRecord,
  kind: 'replacement' | 'repair',
  itemId: number | null
): number {
  const description = kind === 'replacement' ? `${ret.number}: replacement` : `${ret.number}: repair and return`
  const header = contract['serviceOrders.create'].input.parse({
    customerId: ret.customerId,
    contactId: ret.contactId,
    ...orderSite(ctx, ret),
    description,
    objects: line.serviceObjectId === null ? [] : [{ id: line.serviceObjectId }]
  })
  // Stamped with the context's clock (the demo's or a test's), like the return itself.
  const orderId = insertOrder(ctx, header, 'return', { createdAt: ctx.now(), updatedAt: ctx.now() })
  if (kind === 'replacement' && itemId !== null)
    addLine(ctx, contract['serviceOrders.addLine'].input.parse({ orderId, type: 'item', itemId, quantity: line.quantity }))
  // The technician's repair starts on the returned unit, with what the return and its inspection said about it.
  if (kind === 'repair' && line.serviceObjectId !== null)
    addRepairLineInTx(
      ctx,
      orderId,
      contract['repairLines.add'].input.parse({
        orderId,
        serviceObjectId: line.serviceObjectId,
        note: [ret.number, line.inspectionNote].filter((s) => s !== '').join(': ')
      })
    )
  audit(ctx, 'serviceOrder', orderId, 'create', null, { origin: 'return', returnNumber: ret.number })
  return orderId
}

/** The credit note line for the line's quantity, through the billing ledger (never beyond what is left). */
function credit(ctx: ServiceContext, ret: ReturnRecord, line: LineRecord, date: string): number {
  if (line.invoiceLineId === null) throw refused('errors.returns.nothingToCredit', { lineNo: line.lineNo })
  const invoiceId = ctx.db
    .select({ id: invoiceLines.invoiceId })
    .from(invoiceLines)
    .where(eq(invoiceLines.id, line.invoiceLineId))
    .get()!.id
  const inv = loadInvoice(ctx.db, invoiceId)
  const l = inv.lines.find((x) => x.id === line.invoiceLineId)!
  const rest = l.quantity - l.creditedQuantity
  const netAmount = line.quantity === rest ? l.netAmount - l.creditedAmount : lineAmount(line.quantity, l.unitPrice)
  const note = ret.number
  const creditNote = creditInvoice(
    ctx,
    {
      id: invoiceId,
      invoiceDate: date,
      note,
      requestKey: `return-line-${line.id}`,
      lines: [{ lineId: l.id, quantity: line.quantity, netAmount }]
    },
    new Map([[l.id, line.id]])
  )
  return creditNote.lines.find((x) => x.creditedLineId === l.id)!.id
}

/**
 * The reason's handling charge, invoiced through the ledger with the return's first credit: once per return
 * (the request key is the return's, so a second credit finds the invoice already made).
 */
function handlingCharge(ctx: ServiceContext, ret: ReturnRecord, date: string): void {
  if (ret.chargeInvoiceId !== null) return
  const reason = ctx.db
    .select({
      name: returnReasons.name,
      amount: returnReasons.chargeAmount,
      item: sql<string | null>`(select i.name from ${items} i where i.id = ${returnReasons.chargeItemId})`,
      category: sql<string | null>`(select c.name from ${categories} c where c.id = ${returnReasons.chargeCategoryId})`
    })
    .from(returnReasons)
    .where(eq(returnReasons.id, ret.reasonId))
    .get()!
  if (reason.amount === 0) return
  const vat = loadSettings(ctx.db).vatRates.find((r) => r.isDefault)!
  const invoice = createInvoice(ctx, {
    customerId: ret.customerId,
    lineIds: [],
    manualLines: [
      {
        description: `${reason.item ?? reason.category ?? reason.name}: ${ret.number}`,
        quantity: 1000,
        unit: '',
        unitPrice: reason.amount,
        vatCode: vat.code
      }
    ],
    invoiceDate: date,
    requestKey: `return-charge-${ret.id}`
  })
  ctx.db.update(returnOrders).set({ chargeInvoiceId: invoice.id }).where(eq(returnOrders.id, ret.id)).run()
}

function replaceSerial(ctx: ServiceContext, line: LineRecord, newSerial: string, date: string): void {
  if (line.serviceObjectId === null || newSerial === '') return
  const o = ctx.db.select().from(serviceObjects).where(eq(serviceObjects.id, line.serviceObjectId)).get()!
  if (o.serialNumber === newSerial) return
  ctx.db
    .update(serviceObjects)
    .set({ serialNumber: newSerial, version: o.version + 1 })
    .where(eq(serviceObjects.id, o.id))
    .run()
  ctx.db
    .insert(objectSerialHistory)
    .values({ serviceObjectId: o.id, oldSerial: o.serialNumber, newSerial, date, returnLineId: line.id })
    .run()
  audit(ctx, 'serviceObject', o.id, 'update', { serialNumber: o.serialNumber }, { serialNumber: newSerial })
}

/**
 * Sets the disposition (with the inspector's note) and carries it out in one transaction: credit note line,
 * replacement or repair order (linked both ways: the line names the order, the order is found by its line),
 * stock movements, shipment, serial change, statuses. A disposition that credits money needs returns.credit.
 */
export function dispose(ctx: ServiceContext, i: ParsedInput<'returns.dispose'>): ReturnRow {
  return writeTx(ctx, () => {
    const { line, ret } = lineRecord(ctx, i.lineId, i.version)
    const code = ctx.db.select().from(dispositionCodes).where(eq(dispositionCodes.id, i.dispositionId)).get()
    if (!code) throw invalid(['dispositionId'], 'errors.returns.chooseDisposition')
    const action = code.action as DispositionAction
    const effects = dispositionEffects(action)
    if (effects.credits) requirePermission(ctx, 'returns.credit')
    const fits = effects.needsArrival ? line.status === 'registered' : line.status === 'expected'
    if (!fits)
      throw invalid(['dispositionId'], 'errors.returns.dispositionNotFit', {
        code: code.code,
        lineNo: line.lineNo,
        status: { key: `enums.returnLineStatus.${line.status as ReturnLineStatus}` }
      })
    if (replaces(action) && line.upFrontOrderId !== null)
      throw invalid(['dispositionId'], 'errors.returns.alreadyReplaced', { lineNo: line.lineNo })
    const creditLineId = effects.credits ? credit(ctx, ret, line, i.date) : null
    if (effects.credits) handlingCharge(ctx, ret, i.date)
    let resultOrderId: number | null = null
    if (effects.order) {
      const itemId = i.replacementItemId ?? line.replacementItemId ?? line.itemId
      if (i.replacementItemId !== null) itemOf(ctx, i.replacementItemId, ['replacementItemId'])
      resultOrderId = returnOrder(ctx, ret, line, effects.order, itemId)
      if (effects.order === 'replacement')
        ctx.db.update(returnOrders).set({ replacementOrderId: resultOrderId }).where(eq(returnOrders.id, ret.id)).run()
      if (effects.order === 'replacement') replaceSerial(ctx, line, i.newSerial, i.date)
    }
    if (line.quarantine) move(ctx, line, 'quarantine', -line.quantity)
    if (effects.stockTo) move(ctx, line, effects.stockTo, line.quantity)
    if (effects.ships)
      ctx.db.insert(returnShipments).values({ returnLineId: line.id, date: i.date, quantity: line.quantity, note: i.note }).run()
    faultPoint('return.beforeStatus')
    updateLine(ctx, line, {
      dispositionId: code.id,
      inspectionNote: i.note || line.inspectionNote,
      replacementItemId: i.replacementItemId ?? line.replacementItemId,
      quarantine: false,
      status: effects.status,
      creditLineId,
      resultOrderId
    })
    event(ctx, ret.id, line.id, line.quarantine ? 'inspected' : 'executed', code.code)
    refreshStatus(ctx, ret)
    return loadReturn(ctx.db, ret.id)
  })
}

/** A repaired unit goes back: a shipment, out of stock to the customer, the line closed. */
export function shipBack(ctx: ServiceContext, i: ParsedInput<'returns.shipBack'>): ReturnRow {
  return writeTx(ctx, () => {
    const { line, ret } = lineRecord(ctx, i.lineId, i.version)
    if (line.status !== 'received') throw refused('errors.returns.notInRepair', { lineNo: line.lineNo })
    ctx.db.insert(returnShipments).values({ returnLineId: line.id, date: i.date, quantity: line.quantity, note: i.note }).run()
    move(ctx, line, 'stock', -line.quantity)
    move(ctx, line, 'atCustomer', line.quantity)
    updateLine(ctx, line, { status: 'closed' })
    event(ctx, ret.id, line.id, 'closed')
    refreshStatus(ctx, ret)
    return loadReturn(ctx.db, ret.id)
  })
}

/** Ship the replacement before the item arrives: only while the line is still expected. */
export function upFrontReplacement(ctx: ServiceContext, i: ParsedInput<'returns.upFrontReplacement'>): ReturnRow {
  return writeTx(ctx, () => {
    const { line, ret } = lineRecord(ctx, i.lineId, i.version)
    if (line.status !== 'expected') throw refused('errors.returns.upFrontAfterRegistration', { lineNo: line.lineNo })
    if (line.upFrontOrderId !== null) throw refused('errors.returns.alreadyReplaced', { lineNo: line.lineNo })
    itemOf(ctx, i.replacementItemId, ['replacementItemId'])
    const orderId = returnOrder(ctx, ret, line, 'replacement', i.replacementItemId)
    ctx.db.update(returnOrders).set({ replacementOrderId: orderId }).where(eq(returnOrders.id, ret.id)).run()
    updateLine(ctx, line, { upFrontOrderId: orderId, replacementItemId: i.replacementItemId })
    event(ctx, ret.id, line.id, 'upFrontReplacement')
    refreshStatus(ctx, ret)
    return loadReturn(ctx.db, ret.id)
  })
}

/** Only a return nothing has happened to yet (Created) may be cancelled. */
export function cancelReturn(ctx: ServiceContext, i: ParsedInput<'returns.cancel'>): ReturnRow {
  return writeTx(ctx, () => {
    const ret = returnRecord(ctx, i.id)
    if (ret.version !== i.version) throw conflict('returnOrder')
    if (ret.status !== 'created')
      throw refused('errors.returns.cancelOnlyCreated', {
        number: ret.number,
        status: { key: `enums.returnStatus.${ret.status as ReturnStatus}` }
      })
    const upFront = ctx.db
      .select({ id: returnLines.id })
      .from(returnLines)
      .where(and(eq(returnLines.returnId, ret.id), sql`${returnLines.upFrontOrderId} is not null`))
      .get()
    if (upFront) throw refused('errors.returns.cancelReplaced', { number: ret.number })
    ctx.db
      .update(returnOrders)
      .set({ status: 'cancelled', version: ret.version + 1 })
      .where(eq(returnOrders.id, ret.id))
      .run()
    event(ctx, ret.id, null, 'cancelled')
    audit(ctx, 'returnOrder', ret.id, 'update', { status: ret.status }, { status: 'cancelled' })
    return loadReturn(ctx.db, ret.id)
  })
}
