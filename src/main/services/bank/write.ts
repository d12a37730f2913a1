import { eq, inArray } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { BankImportResult } from '@shared/domain/bank'
import { bankEntries, bankStatements, invoices } from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { AppError, invalid, notFound } from '../core/errors'
import { writeTx } from '../core/tx'
import { addPayment } from '../invoices/payments'
import { parseCamt053 } from './camt053'
import { createMatcher } from './match'
import { openInvoices } from './read'

/** SQLite takes at most 32,766 parameters; entry references are looked up in slices well below that. */
const SLICE = 500

function knownRefs(ctx: ServiceContext, refs: string[]): Set<string> {
  const known = new Set<string>()
  for (let k = 0; k < refs.length; k += SLICE)
    for (const r of ctx.db
      .select({ ref: bankEntries.entryRef })
      .from(bankEntries)
      .where(inArray(bankEntries.entryRef, refs.slice(k, k + SLICE)))
      .all())
      known.add(r.ref)
  return known
}

/**
 * Imports a camt.053 file: each booked incoming credit not imported before becomes an entry with the
 * matcher's proposal, in one transaction — a file refused anywhere imports nothing. An entry whose bank
 * reference is already known is left alone, so importing a statement again adds nothing; a statement of
 * the file with no new entry adds no statement either.
 */
export function importStatement(ctx: ServiceContext, i: ParsedInput<'bankStatements.import'>): BankImportResult {
  const statements = parseCamt053(i.content)
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'invoices.create')
    const known = knownRefs(
      ctx,
      statements.flatMap((s) => s.credits.map((c) => c.entryRef))
    )
    const match = createMatcher(openInvoices(ctx.db))
    const result: BankImportResult = { statementIds: [], newEntries: 0, alreadyImported: 0, notCredits: 0 }
    for (const s of statements) {
      result.notCredits += s.otherEntries
      const fresh = s.credits.filter((c) => !known.has(c.entryRef))
      result.alreadyImported += s.credits.length - fresh.length
      if (fresh.length === 0) continue
      const row = ctx.db
        .insert(bankStatements)
        .values({ statementId: s.statementId, iban: s.iban, fileName: i.fileName, importedAt: ctx.now(), importedBy: user.id })
        .returning({ id: bankStatements.id })
        .get()
      for (const c of fresh) {
        const m = match(c)
        ctx.db
          .insert(bankEntries)
          .values({
            statementId: row.id,
            entryRef: c.entryRef,
            bookingDate: c.bookingDate,
            amount: c.amount,
            currency: c.currency,
            debtorName: c.debtorName,
            referenceNumber: c.referenceNumber,
            remittance: c.remittance,
            status: m.status,
            matchedBy: m.matchedBy,
            invoiceId: m.status === 'matched' ? m.candidates[0]! : null
          })
          .run()
      }
      audit(ctx, 'bankStatement', row.id, 'create', null, {
        statementId: s.statementId,
        iban: s.iban,
        fileName: i.fileName,
        entries: fresh.length
      })
      result.statementIds.push(row.id)
      result.newEntries += fresh.length
    }
    return result
  })
}

function loadEntry(ctx: ServiceContext, id: number) {
  const entry = ctx.db.select().from(bankEntries).where(eq(bankEntries.id, id)).get()
  if (!entry) throw notFound('bankEntry')
  return entry
}

/**
 * Each entry becomes a bank payment of its amount on its booking date to the invoice chosen for it, and the
 * entry is confirmed with that payment — all of them in one transaction, or none when one is refused (an
 * entry confirmed already, an invoice in another currency, a credit note, an invoice credited in full).
 */
export function confirmEntries(ctx: ServiceContext, i: ParsedInput<'bankEntries.confirm'>): { confirmed: number } {
  return writeTx(ctx, () => {
    const user = requirePermission(ctx, 'invoices.create')
    i.entries.forEach((pick, k) => {
      const entry = loadEntry(ctx, pick.id)
      if (entry.status === 'confirmed')
        throw new AppError('CONFLICT', 'errors.bank.alreadyConfirmed', { date: entry.bookingDate, debtor: entry.debtorName })
      const inv = ctx.db
        .select({ number: invoices.number, currency: invoices.currency })
        .from(invoices)
        .where(eq(invoices.id, pick.invoiceId))
        .get()
      if (!inv) throw notFound('invoice')
      if (inv.currency !== entry.currency)
        throw invalid(['entries', k, 'invoiceId'], 'errors.bank.otherCurrency', {
          number: inv.number,
          invoiceCurrency: inv.currency,
          currency: entry.currency
        })
      const paymentId = addPayment(ctx, user.id, {
        invoiceId: pick.invoiceId,
        date: entry.bookingDate,
        amount: entry.amount,
        method: 'bank',
        note: [entry.debtorName, entry.referenceNumber, entry.remittance].filter((s) => s !== '').join(' · '),
        bankEntryId: entry.id
      })
      ctx.db
        .update(bankEntries)
        .set({ status: 'confirmed', invoiceId: pick.invoiceId, paymentId })
        .where(eq(bankEntries.id, entry.id))
        .run()
      audit(
        ctx,
        'bankEntry',
        entry.id,
        'update',
        { status: entry.status, invoiceId: entry.invoiceId },
        { status: 'confirmed', invoiceId: pick.invoiceId, paymentId }
      )
    })
    return { confirmed: i.entries.length }
  })
}

/** Entries that are no payment of an invoice (a refund, a loan, a transfer between own accounts) are set aside. */
export function ignoreEntries(ctx: ServiceContext, i: ParsedInput<'bankEntries.ignore'>): { ignored: number } {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'invoices.create')
    let ignored = 0
    for (const id of new Set(i.ids)) {
      const entry = loadEntry(ctx, id)
      if (entry.status === 'confirmed')
        throw new AppError('CONFLICT', 'errors.bank.alreadyConfirmed', { date: entry.bookingDate, debtor: entry.debtorName })
      if (entry.status === 'ignored') continue
      ctx.db.update(bankEntries).set({ status: 'ignored' }).where(eq(bankEntries.id, id)).run()
      audit(ctx, 'bankEntry', id, 'update', { status: entry.status }, { status: 'ignored' })
      ignored++
    }
    return { ignored }
  })
}
