import { z } from 'zod'
import { idInput, listInput, pageOf } from '../common'
import { bankImportResult, bankStatementListRow, bankStatementRow, openInvoiceRow } from '../../domain/bank'
import { id, searchText, text } from '../../domain/primitives'
import { method } from '../define'

/** A month's statement is a few hundred kilobytes; browser mode takes request bodies of up to 5 MB. */
const MAX_STATEMENT_CHARS = 5_000_000

/** Bank statement import (ISO 20022 camt.053) and matching incoming credits to open invoices: billing, a service manager's work. */
export const bankContract = {
  'bankStatements.import': method(
    z.object({
      fileName: text().trim().max(255).default(''),
      content: text().min(1).max(MAX_STATEMENT_CHARS)
    }),
    bankImportResult,
    'invoices.create'
  ),
  'bankStatements.list': method(listInput({}), pageOf(bankStatementListRow), 'invoices.create'),
  'bankStatements.get': method(idInput, bankStatementRow, 'invoices.create'),
  /** Open invoices to pay an entry with, by number, customer or reference number (a few at a time). */
  'bankEntries.openInvoices': method(
    z.object({ q: searchText().default(''), currency: z.union([z.literal(''), z.string().regex(/^[A-Z]{3}$/)]).default('') }),
    z.array(openInvoiceRow),
    'invoices.create'
  ),
  'bankEntries.confirm': method(
    z.object({
      entries: z
        .array(z.object({ id, invoiceId: id }))
        .min(1)
        .max(1000)
    }),
    z.object({ confirmed: z.number().int() }),
    'invoices.create'
  ),
  'bankEntries.ignore': method(z.object({ ids: z.array(id).min(1).max(1000) }), z.object({ ignored: z.number().int() }), 'invoices.create')
}
