import type { bankContract } from '@shared/api/domains/bank'
import type { ExportSourcesOf, HandlersOf } from '../core/handlers'
import { getStatement, iterateStatements, listStatements, searchOpenInvoices } from './read'
import { confirmEntries, ignoreEntries, importStatement } from './write'

type Slice = typeof bankContract

/** Bank statements (camt.053), their entries matched to open invoices, and the payments confirmed from them. */
export const bankHandlers = {
  'bankStatements.import': importStatement,
  'bankStatements.list': listStatements,
  'bankStatements.get': getStatement,
  'bankEntries.openInvoices': searchOpenInvoices,
  'bankEntries.confirm': confirmEntries,
  'bankEntries.ignore': ignoreEntries
} satisfies HandlersOf<Slice>

export const bankExports = {
  'bankStatements.list': iterateStatements
} satisfies ExportSourcesOf<Slice>
