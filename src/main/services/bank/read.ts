import { and, asc, eq, gt, inArray, or, type SQL, sql } from 'drizzle-orm'
import type { Page } from '@shared/api/common'
import type { ParsedInput } from '@shared/api/contract'
import type { BankEntryRow, BankStatementListRow, BankStatementRow, OpenInvoiceRow } from '@shared/domain/bank'
import type { Db } from '../../db/connection'
import { bankEntries, bankStatements, customers, invoices, users } from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import { contains, iterateList, type JoinableQuery, listPage, outer, whereAll } from '../core/list'
import { createMatcher } from './match'

const openAmount = sql<number>`${invoices.grossTotal} - ${invoices.creditedTotal} - ${invoices.paidTotal}`

const invoiceSelection = {
  id: invoices.id,
  number: invoices.number,
  customerId: invoices.customerId,
  customerName: customers.name,
  invoiceDate: invoices.invoiceDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  referenceNumber: invoices.referenceNumber,
  grossTotal: invoices.grossTotal,
  openAmount
}

function invoiceRows(db: Db, where: SQL | undefined, limit?: number): OpenInvoiceRow[] {
  const q = db
    .select(invoiceSelection)
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(where)
    .orderBy(asc(invoices.invoiceDate), asc(invoices.number))
  return limit === undefined ? q.all() : q.limit(limit).all()
}

const isOpen = and(eq(invoices.kind, 'invoice'), gt(openAmount, 0))

/** Every invoice with something left to pay, for the matcher. */
export function openInvoices(db: Db): OpenInvoiceRow[] {
  return invoiceRows(db, isOpen)
}

/** A few open invoices by number, customer or reference number, for choosing one by hand. */
export function searchOpenInvoices(ctx: ServiceContext, i: ParsedInput<'bankEntries.openInvoices'>): OpenInvoiceRow[] {
  return invoiceRows(
    ctx.db,
    whereAll([
      isOpen,
      i.currency ? eq(invoices.currency, i.currency) : undefined,
      i.q ? or(contains(invoices.number, i.q), contains(customers.name, i.q), contains(invoices.referenceNumber, i.q)) : undefined
    ]),
    30
  )
}

/** How many entries of the statement (of the given statuses) there are. */
function entryCount(statuses?: readonly string[]) {
  const only = statuses
    ? sql` and e.status in (${sql.join(
        statuses.map((s) => sql`${s}`),
        sql`, `
      )})`
    : sql``
  return sql<number>`(select count(*) from bank_entries e where e.statement_id = ${outer(bankStatements.id)}${only})`
}

const listSelection = {
  id: bankStatements.id,
  statementId: bankStatements.statementId,
  iban: bankStatements.iban,
  fileName: bankStatements.fileName,
  importedAt: bankStatements.importedAt,
  importedByName: sql<string>`coalesce(${users.displayName}, '')`,
  entryCount: entryCount(),
  toReview: entryCount(['matched', 'ambiguous', 'unmatched']),
  confirmed: entryCount(['confirmed']),
  creditTotal: sql<number>`(select coalesce(sum(e.amount), 0) from bank_entries e where e.statement_id = ${outer(bankStatements.id)})`,
  currency: sql<string>`coalesce((select e.currency from bank_entries e where e.statement_id = ${outer(bankStatements.id)} limit 1), '')`
}

const spec = {
  table: bankStatements,
  idColumn: bankStatements.id,
  selection: listSelection,
  joins: (q: JoinableQuery) => q.leftJoin(users, eq(users.id, bankStatements.importedBy)),
  countJoins: (q: JoinableQuery) => q,
  sort: {
    // Newest first, as a statement list is read: the screen opens on this sort.
    recent: sql`-${bankStatements.id}`,
    importedAt: bankStatements.importedAt,
    statementId: bankStatements.statementId,
    fileName: bankStatements.fileName
  },
  defaultSort: 'recent',
  toRow: (r: BankStatementListRow) => r
}

type ListIn = ParsedInput<'bankStatements.list'>
const where = (i: ListIn) =>
  i.q
    ? or(contains(bankStatements.statementId, i.q), contains(bankStatements.iban, i.q), contains(bankStatements.fileName, i.q))
    : undefined

export function listStatements(ctx: ServiceContext, i: ListIn): Page<BankStatementListRow> {
  return listPage(ctx.db, spec, i, where(i))
}

export function iterateStatements(ctx: ServiceContext, i: ListIn): Iterable<BankStatementListRow> {
  return iterateList(ctx.db, spec, i, where(i))
}

/**
 * A statement with its entries, each with the invoice proposed or paid and, while ambiguous, the invoices
 * the matcher finds for it now (an invoice paid in the meantime is no longer one of them).
 */
export function getStatement(ctx: ServiceContext, i: { id: number }): BankStatementRow {
  const head = ctx.db
    .select(listSelection)
    .from(bankStatements)
    .leftJoin(users, eq(users.id, bankStatements.importedBy))
    .where(eq(bankStatements.id, i.id))
    .get()
  if (!head) throw notFound('bankStatement')
  const rows = ctx.db
    .select()
    .from(bankEntries)
    .where(eq(bankEntries.statementId, i.id))
    .orderBy(asc(bankEntries.bookingDate), asc(bankEntries.id))
    .all()
  const ambiguous = rows.filter((r) => r.status === 'ambiguous')
  const match = ambiguous.length > 0 ? createMatcher(openInvoices(ctx.db)) : null
  const candidates = new Map(ambiguous.map((r) => [r.id, match!(r).candidates]))
  const wanted = [...new Set([...rows.flatMap((r) => (r.invoiceId === null ? [] : [r.invoiceId])), ...[...candidates.values()].flat()])]
  const byId = new Map<number, OpenInvoiceRow>()
  for (let k = 0; k < wanted.length; k += 500)
    for (const inv of invoiceRows(ctx.db, inArray(invoices.id, wanted.slice(k, k + 500)))) byId.set(inv.id, inv)
  const entryRows: BankEntryRow[] = rows.map((r) => ({
    id: r.id,
    entryRef: r.entryRef,
    bookingDate: r.bookingDate,
    amount: r.amount,
    currency: r.currency,
    debtorName: r.debtorName,
    referenceNumber: r.referenceNumber,
    remittance: r.remittance,
    status: r.status as BankEntryRow['status'],
    matchedBy: r.matchedBy as BankEntryRow['matchedBy'],
    invoice: r.invoiceId === null ? null : (byId.get(r.invoiceId) ?? null),
    candidates: (candidates.get(r.id) ?? []).map((c) => byId.get(c)!),
    paymentId: r.paymentId
  }))
  return { ...head, entries: entryRows }
}
