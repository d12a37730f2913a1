import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import type {
  InspectionRow,
  ReturnableLine,
  ReturnFigures,
  ReturnEvent,
  ReturnLineRow,
  ReturnListRow,
  ReturnRow,
  StockRow
} from '@shared/domain/returns'
import type { Db } from '../../db/connection'
import {
  customers,
  dispositionCodes,
  invoiceLines,
  invoices,
  items,
  objectSerialHistory,
  returnEvents,
  returnLines,
  returnOrders,
  returnReasons,
  serviceObjects,
  serviceOrders,
  stockMovements,
  users
} from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { AppError, notFound } from '../core/errors'
import { contains, iterateList, type JoinableQuery, listPage, outer, sortEntry, whereAll } from '../core/list'
import { shopToday } from '../invoices/status'
import { customerDocumentLanguage } from '../documents/format'

const lineCount = sql<number>`(select count(*) from ${returnLines} l where l.return_id = ${outer(returnOrders.id)})`
const expectedCount = sql<number>`(select count(*) from ${returnLines} l where l.return_id = ${outer(returnOrders.id)} and l.status = 'expected')`

const listSelection = {
  id: returnOrders.id,
  number: returnOrders.number,
  status: sql<ReturnListRow['status']>`${returnOrders.status}`,
  customerId: returnOrders.customerId,
  customerName: sql<string>`${customers.name}`,
  reasonCode: sql<string>`${returnReasons.code}`,
  reasonName: sql<string>`${returnReasons.name}`,
  createdDate: returnOrders.createdDate,
  deadline: returnOrders.deadline,
  lineCount,
  expectedCount
}

const joins = (q: JoinableQuery) =>
  q.innerJoin(customers, eq(customers.id, returnOrders.customerId)).innerJoin(returnReasons, eq(returnReasons.id, returnOrders.reasonId))

const spec = {
  table: returnOrders,
  idColumn: returnOrders.id,
  selection: listSelection,
  joins,
  // Both joins follow NOT NULL foreign keys: only the search box needs the customer to count.
  countJoins: (q: JoinableQuery, p: { q: string }) => (p.q ? q.innerJoin(customers, eq(customers.id, returnOrders.customerId)) : q),
  sort: {
    // Newest first: the created date, then the number (both fixed width).
    createdDate: sql`${returnOrders.createdDate} || ${returnOrders.number}`,
    number: returnOrders.number,
    deadline: returnOrders.deadline,
    customerName: customers.name,
    status: returnOrders.status
  },
  defaultSort: 'createdDate',
  toRow: (r: ReturnListRow) => r
}

type ListIn = ParsedInput<'returns.list'>
/** Overdue: past its deadline with a line still expected (nothing arrived in time). */
const where = (i: ListIn, today: string) =>
  whereAll([
    i.q ? or(contains(returnOrders.number, i.q), contains(customers.name, i.q)) : undefined,
    i.status === null ? undefined : eq(returnOrders.status, i.status),
    i.customerId === null ? undefined : eq(returnOrders.customerId, i.customerId),
    i.reasonId === null ? undefined : eq(returnOrders.reasonId, i.reasonId),
    i.overdue
      ? and(inArray(returnOrders.status, ['created', 'open']), lt(returnOrders.deadline, today), sql`${expectedCount} > 0`)
      : undefined
  ])

export function listReturns(ctx: ServiceContext, i: ListIn): Page<ReturnListRow> {
  return listPage(ctx.db, spec, i, where(i, shopToday(ctx)))
}

/** One grouped query: open returns per reason, with the overdue ones counted as the list's Overdue filter does. */
export function returnFigures(ctx: ServiceContext): ReturnFigures {
  const today = shopToday(ctx)
  const open = sql<number>`count(*)`
  const byReason = ctx.db
    .select({
      reasonId: returnReasons.id,
      code: returnReasons.code,
      name: returnReasons.name,
      open,
      overdue: sql<number>`coalesce(sum(${returnOrders.deadline} < ${today} and ${expectedCount} > 0), 0)`
    })
    .from(returnOrders)
    .innerJoin(returnReasons, eq(returnReasons.id, returnOrders.reasonId))
    .where(inArray(returnOrders.status, ['created', 'open']))
    .groupBy(returnReasons.id)
    .orderBy(desc(open), asc(returnReasons.code))
    .all()
  return {
    byReason,
    open: byReason.reduce((n, r) => n + r.open, 0),
    overdue: byReason.reduce((n, r) => n + r.overdue, 0)
  }
}

export function iterateReturns(ctx: ServiceContext, i: ListIn): Iterable<ReturnListRow> {
  return iterateList(ctx.db, spec, i, where(i, shopToday(ctx)))
}

const sourceOrder = aliasedTable(serviceOrders, 'source_order')
const replacementOrder = aliasedTable(serviceOrders, 'replacement_order')
const resultOrder = aliasedTable(serviceOrders, 'result_order')
const creditLine = aliasedTable(invoiceLines, 'credit_line')
const creditNote = aliasedTable(invoices, 'credit_note')

export function loadReturn(db: Db, id: number): ReturnRow {
  const head = db
    .select({
      ...listSelection,
      version: returnOrders.version,
      contactId: returnOrders.contactId,
      siteId: returnOrders.siteId,
      reasonId: returnOrders.reasonId,
      sourceOrderId: returnOrders.sourceOrderId,
      sourceOrderNumber: sql<string | null>`${sourceOrder.number}`,
      replacementOrderId: returnOrders.replacementOrderId,
      replacementOrderNumber: sql<string | null>`${replacementOrder.number}`,
      note: returnOrders.note,
      language: customers.language
    })
    .from(returnOrders)
    .innerJoin(customers, eq(customers.id, returnOrders.customerId))
    .innerJoin(returnReasons, eq(returnReasons.id, returnOrders.reasonId))
    .leftJoin(sourceOrder, eq(sourceOrder.id, returnOrders.sourceOrderId))
    .leftJoin(replacementOrder, eq(replacementOrder.id, returnOrders.replacementOrderId))
    .where(eq(returnOrders.id, id))
    .get()
  if (!head) throw notFound('returnOrder')
  const lines: ReturnLineRow[] = db
    .select({
      id: returnLines.id,
      version: returnLines.version,
      lineNo: returnLines.lineNo,
      itemId: returnLines.itemId,
      itemNumber: sql<string | null>`${items.number}`,
      serviceObjectId: returnLines.serviceObjectId,
      serialNumber: sql<string | null>`${serviceObjects.serialNumber}`,
      description: returnLines.description,
      quantity: returnLines.quantity,
      unit: returnLines.unit,
      returnPrice: returnLines.returnPrice,
      vatRate: returnLines.vatRate,
      invoiceLineId: returnLines.invoiceLineId,
      invoiceNumber: sql<
        string | null
      >`(select i.number from ${invoices} i join ${invoiceLines} il on il.invoice_id = i.id where il.id = ${returnLines.invoiceLineId})`,
      dispositionId: returnLines.dispositionId,
      dispositionCode: sql<string | null>`${dispositionCodes.code}`,
      dispositionAction: sql<ReturnLineRow['dispositionAction']>`${dispositionCodes.action}`,
      replacementItemId: returnLines.replacementItemId,
      upFrontOrderId: returnLines.upFrontOrderId,
      status: sql<ReturnLineRow['status']>`${returnLines.status}`,
      quarantine: returnLines.quarantine,
      inspectionNote: returnLines.inspectionNote,
      splitFromId: returnLines.splitFromId,
      creditLineId: returnLines.creditLineId,
      creditNoteId: sql<number | null>`${creditNote.id}`,
      creditNoteNumber: sql<string | null>`${creditNote.number}`,
      resultOrderId: returnLines.resultOrderId,
      resultOrderNumber: sql<string | null>`${resultOrder.number}`
    })
    .from(returnLines)
    .leftJoin(items, eq(items.id, returnLines.itemId))
    .leftJoin(serviceObjects, eq(serviceObjects.id, returnLines.serviceObjectId))
    .leftJoin(dispositionCodes, eq(dispositionCodes.id, returnLines.dispositionId))
    .leftJoin(creditLine, eq(creditLine.id, returnLines.creditLineId))
    .leftJoin(creditNote, eq(creditNote.id, creditLine.invoiceId))
    .leftJoin(resultOrder, eq(resultOrder.id, returnLines.resultOrderId))
    .where(eq(returnLines.returnId, id))
    .orderBy(asc(returnLines.lineNo))
    .all()
  const events = db
    .select({
      at: returnEvents.at,
      event: sql<ReturnEvent>`${returnEvents.event}`,
      lineNo: sql<number | null>`(select l.line_no from ${returnLines} l where l.id = ${returnEvents.lineId})`,
      userName: sql<string | null>`${users.displayName}`,
      detail: returnEvents.detail
    })
    .from(returnEvents)
    .leftJoin(users, eq(users.id, returnEvents.userId))
    .where(eq(returnEvents.returnId, id))
    .orderBy(asc(returnEvents.id))
    .all()
  return { ...head, language: customerDocumentLanguage(head.language), lines, events }
}

export function getReturn(ctx: ServiceContext, i: { id: number }): ReturnRow {
  return loadReturn(ctx.db, i.id)
}

/** How much of each invoice line is already on a return (cancelled returns do not count). */
export const returnedSql = sql<number>`coalesce((select sum(rl.quantity) from ${returnLines} rl join ${returnOrders} ro on ro.id = rl.return_id
  where rl.invoice_line_id = ${outer(invoiceLines.id)} and ro.status <> 'cancelled'), 0)`
/** How much of each invoice line credit notes took without a return. */
export const creditedOutsideSql = sql<number>`coalesce((select -sum(c.quantity) from ${invoiceLines} c
  where c.credited_line_id = ${outer(invoiceLines.id)} and c.return_line_id is null), 0)`

export function returnableLines(ctx: ServiceContext, i: { customerId: number }): ReturnableLine[] {
  const rows = ctx.db
    .select({
      invoiceLineId: invoiceLines.id,
      invoiceId: invoices.id,
      invoiceNumber: invoices.number,
      invoiceDate: invoices.invoiceDate,
      description: invoiceLines.description,
      unit: invoiceLines.unit,
      unitPrice: invoiceLines.unitPrice,
      vatRate: invoiceLines.vatRate,
      invoiced: invoiceLines.quantity,
      returnable: sql<number>`${invoiceLines.quantity} - ${returnedSql} - ${creditedOutsideSql}`
    })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoices.customerId, i.customerId), eq(invoices.kind, 'invoice'), ne(invoiceLines.type, 'hour')))
    .orderBy(asc(invoices.invoiceDate), asc(invoices.number), asc(invoiceLines.id))
    .all()
  return rows.filter((r) => r.returnable > 0)
}

const queueSpec = {
  table: returnLines,
  idColumn: returnLines.id,
  selection: {
    lineId: returnLines.id,
    version: returnLines.version,
    returnId: returnLines.returnId,
    number: sql<string>`${returnOrders.number}`,
    customerName: sql<string>`${customers.name}`,
    lineNo: returnLines.lineNo,
    description: returnLines.description,
    quantity: returnLines.quantity,
    serialNumber: sql<string | null>`(select o.serial_number from ${serviceObjects} o where o.id = ${returnLines.serviceObjectId})`,
    registeredAt: returnLines.registeredAt
  },
  joins: (q: JoinableQuery) =>
    q.innerJoin(returnOrders, eq(returnOrders.id, returnLines.returnId)).innerJoin(customers, eq(customers.id, returnOrders.customerId)),
  sort: { registeredAt: returnLines.registeredAt, number: returnOrders.number },
  defaultSort: 'registeredAt',
  toRow: (r: InspectionRow) => r
}
/** Lines in quarantine waiting for the inspector's disposition, oldest arrival first. */
const queueWhere = (i: ParsedInput<'returnInspection.list'>) =>
  whereAll([
    eq(returnLines.quarantine, true),
    eq(returnLines.status, 'registered'),
    i.q ? or(contains(returnOrders.number, i.q), contains(customers.name, i.q)) : undefined
  ])

export function inspectionQueue(ctx: ServiceContext, i: ParsedInput<'returnInspection.list'>): Page<InspectionRow> {
  return listPage(ctx.db, queueSpec, i, queueWhere(i))
}
export function iterateInspectionQueue(ctx: ServiceContext, i: ParsedInput<'returnInspection.list'>): Iterable<InspectionRow> {
  return iterateList(ctx.db, queueSpec, i, queueWhere(i))
}

const onHand = sql<number>`sum(${stockMovements.quantity})`
/** On hand per item and location: the sum of the journal's movements. */
function stockRows(ctx: ServiceContext, i: ParsedInput<'returnStock.list'>): StockRow[] {
  const column = sortEntry({ itemNumber: items.number, location: stockMovements.location, onHand }, i.sort, 'itemNumber')
  return ctx.db
    .select({
      itemId: stockMovements.itemId,
      itemNumber: items.number,
      itemName: items.name,
      location: sql<StockRow['location']>`${stockMovements.location}`,
      onHand
    })
    .from(stockMovements)
    .innerJoin(items, eq(items.id, stockMovements.itemId))
    .where(
      whereAll([
        i.location === null ? undefined : eq(stockMovements.location, i.location),
        i.q ? or(contains(items.number, i.q), contains(items.name, i.q)) : undefined
      ])
    )
    .groupBy(stockMovements.itemId, stockMovements.location)
    .having(sql`${onHand} <> 0`)
    .orderBy(i.dir === 'desc' ? desc(column) : asc(column), asc(items.number), asc(stockMovements.location))
    .all()
}

export function stockList(ctx: ServiceContext, i: ParsedInput<'returnStock.list'>): Page<StockRow> {
  const all = stockRows(ctx, i)
  return { rows: all.slice((i.page - 1) * i.pageSize, i.page * i.pageSize), total: all.length, page: i.page, pageSize: i.pageSize }
}
export function iterateStock(ctx: ServiceContext, i: ParsedInput<'returnStock.list'>): Iterable<StockRow> {
  return stockRows(ctx, i)
}

/** The scanner's code: an RMA number opens its return; a serial finds the expected line of that object. */
export function scan(ctx: ServiceContext, i: { code: string }) {
  const byNumber = ctx.db
    .select({ id: returnOrders.id, number: returnOrders.number })
    .from(returnOrders)
    .where(eq(returnOrders.number, i.code.toUpperCase()))
    .get()
  if (byNumber) return { returnId: byNumber.id, number: byNumber.number, lineId: null }
  const line = ctx.db
    .select({ returnId: returnOrders.id, number: returnOrders.number, lineId: returnLines.id })
    .from(returnLines)
    .innerJoin(returnOrders, eq(returnOrders.id, returnLines.returnId))
    .innerJoin(serviceObjects, eq(serviceObjects.id, returnLines.serviceObjectId))
    .where(and(eq(serviceObjects.serialNumber, i.code), eq(returnLines.status, 'expected'), isNotNull(returnLines.serviceObjectId)))
    .orderBy(asc(returnLines.id))
    .get()
  if (line) return line
  throw new AppError('NOT_FOUND', 'errors.returns.scanUnknown', { code: i.code })
}

export function serialHistory(ctx: ServiceContext, i: { serviceObjectId: number }) {
  return ctx.db
    .select({
      oldSerial: objectSerialHistory.oldSerial,
      newSerial: objectSerialHistory.newSerial,
      date: objectSerialHistory.date,
      returnNumber: sql<
        string | null
      >`(select r.number from ${returnLines} l join ${returnOrders} r on r.id = l.return_id where l.id = ${objectSerialHistory.returnLineId})`
    })
    .from(objectSerialHistory)
    .where(eq(objectSerialHistory.serviceObjectId, i.serviceObjectId))
    .orderBy(asc(objectSerialHistory.id))
    .all()
}
