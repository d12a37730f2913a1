import { z } from 'zod'
import { id, isoDate } from './primitives'

/** matched / ambiguous / unmatched as the matcher proposed; confirmed once a payment; ignored by the user. */
export const BANK_ENTRY_STATUSES = ['matched', 'ambiguous', 'unmatched', 'confirmed', 'ignored'] as const
export type BankEntryStatus = (typeof BANK_ENTRY_STATUSES)[number]
/** Which rule found the proposal (services/bank/match.ts). */
export const MATCH_RULES = ['reference', 'invoiceNumber', 'amountAndName'] as const

/** An invoice as the statement screen offers it: who, how much is still open. */
export const openInvoiceRow = z.object({
  id,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  invoiceDate: isoDate,
  dueDate: isoDate,
  currency: z.string(),
  referenceNumber: z.string(),
  grossTotal: z.number().int(),
  /** Gross − credited − paid, in cents; 0 or less once paid. */
  openAmount: z.number().int()
})
export type OpenInvoiceRow = z.infer<typeof openInvoiceRow>

export const bankEntryRow = z.object({
  id,
  entryRef: z.string(),
  bookingDate: isoDate,
  amount: z.number().int(),
  currency: z.string(),
  debtorName: z.string(),
  referenceNumber: z.string(),
  remittance: z.string(),
  status: z.enum(BANK_ENTRY_STATUSES),
  matchedBy: z.enum(MATCH_RULES).nullable(),
  /** The proposed invoice (matched) or the one it was paid to (confirmed). */
  invoice: openInvoiceRow.nullable(),
  /** For an ambiguous entry: the invoices the rule found, as they stand now. */
  candidates: z.array(openInvoiceRow),
  paymentId: id.nullable()
})
export type BankEntryRow = z.infer<typeof bankEntryRow>

export const bankStatementListRow = z.object({
  id,
  statementId: z.string(),
  iban: z.string(),
  fileName: z.string(),
  importedAt: z.number(),
  importedByName: z.string(),
  entryCount: z.number().int(),
  /** Entries still to confirm or ignore (matched, ambiguous, unmatched). */
  toReview: z.number().int(),
  confirmed: z.number().int(),
  /** Sum of the entries' amounts, cents, in the statement's currency. */
  creditTotal: z.number().int(),
  currency: z.string()
})
export type BankStatementListRow = z.infer<typeof bankStatementListRow>

export const bankStatementRow = bankStatementListRow.extend({ entries: z.array(bankEntryRow) })
export type BankStatementRow = z.infer<typeof bankStatementRow>

export const bankImportResult = z.object({
  /** The statements the import created (one per statement of the file with any new entry). */
  statementIds: z.array(id),
  newEntries: z.number().int(),
  /** Entries imported before (their bank reference is known): left as they were. */
  alreadyImported: z.number().int(),
  /** Debits and entries not booked yet: no candidate payments. */
  notCredits: z.number().int()
})
export type BankImportResult = z.infer<typeof bankImportResult>
