import type { DispositionAction, ReturnStatus, StockLocation } from '@shared/domain/returns'
import type { RepairCodeKind } from '@shared/domain/repair'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { TFunction } from 'i18next'
import type { Role } from '@shared/auth/roles'
import type { CombineRule } from '@shared/domain/agreements'
import type { InvoiceStatus } from '@shared/domain/billing'
import type { AssignmentStatus } from '@shared/domain/dispatch'
import type { LANGUAGES as CUSTOMER_LANGUAGES, WORKER_ROLES } from '@shared/domain/masterdata'
import type { LineType, Origin, Priority, Progress } from '@shared/domain/orders'
import { formatsFor, type Formats } from '@shared/i18n/format'
import { tFor } from '@shared/i18n/i18n'
import type { CsvDialect, Language } from '@shared/i18n/languages'
import type { IntervalUnit, WindowKind } from '@shared/recurrence'
import type { PeriodCode, REVENUE_PERIODS } from '@shared/domain/subscriptions'
import type { CsvColumn, CsvKind } from './csvColumns'

/** Whom a file is written for: the words in their language, numbers in their dialect, times in the shop's zone. */
export interface CsvOptions {
  language: Language
  dialect: CsvDialect
  timeZone: string
}

/**
 * A text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * apostrophe (OWASP's rule for CSV injection). Only text: numbers are the app's own values, so a
 * negative quantity or amount stays a number.
 */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/**
 * Numbers as a spreadsheet reads them: no thousands separator (a grouped number would be text), decimal
 * comma in the spreadsheet dialect, decimal point in the standard one.
 */
function plainNumber(n: number, maxDecimals: number, minDecimals: number, dialect: CsvDialect): string {
  const factor = 10 ** maxDecimals
  let s = (Math.round(n * factor) / factor).toFixed(maxDecimals)
  if (maxDecimals > minDecimals) s = s.replace(new RegExp(`0{1,${maxDecimals - minDecimals}}$`), '').replace(/\.$/, '')
  return dialect === 'spreadsheet' ? s.replace('.', ',') : s
}

/** The header of a column, in the reader's language. */
export const csvHeader = (t: TFunction, c: CsvColumn): string => t(`csv.columns.${c.field}`)

/** The label of an enum value of the given kind; null when the kind is not an enum. */
function enumLabel(t: TFunction, kind: CsvKind, v: string): string | null {
  switch (kind) {
    case 'role':
      return t(`enums.role.${v as Role}`)
    case 'workerRole':
      return t(`enums.workerRole.${v as (typeof WORKER_ROLES)[number]}`)
    case 'appLanguage':
      return t(`format.languages.${v as Language}`)
    case 'csvDialect':
      return t(`format.csvDialects.${v as CsvDialect}`)
    case 'customerLanguage':
      return t(`enums.customerLanguage.${v as (typeof CUSTOMER_LANGUAGES)[number]}`)
    case 'lineType':
      return t(`enums.lineType.${v as LineType}`)
    case 'priority':
      return t(`enums.priority.${v as Priority}`)
    case 'progress':
      return t(`enums.progress.${v as Progress}`)
    case 'origin':
      return t(`csv.origin.${v as Origin}`)
    case 'invoiceKind':
      return t(`csv.invoiceKind.${v as 'invoice' | 'credit'}`)
    case 'paymentStatus':
      return t(`invoices.status.${v as InvoiceStatus}`)
    case 'intervalUnit':
      return t(`csv.intervalUnit.${v as IntervalUnit}`)
    case 'windowKind':
      return t(`agreements.timeWindows.kinds.${v as WindowKind}`)
    case 'combineRule':
      return t(`enums.combineRule.${v as CombineRule}`)
    case 'assignmentStatus':
      return t(`enums.assignmentStatus.${v as AssignmentStatus}`)
    case 'returnStatus':
      return t(`enums.returnStatus.${v as ReturnStatus}`)
    case 'dispositionAction':
      return t(`enums.dispositionAction.${v as DispositionAction}`)
    case 'stockLocation':
      return t(`enums.stockLocation.${v as StockLocation}`)
    case 'periodCode':
      return t(`enums.periodCode.${v as PeriodCode}`)
    case 'repairCodeKind':
      return t(`repair.kinds.${v as RepairCodeKind}`)
    case 'revenuePeriod':
      return t(`csv.revenuePeriod.${v as (typeof REVENUE_PERIODS)[number]}`)
    default:
      return null
  }
}

/** One cell, as the reader of the file should see it. */
export function cellOf(c: CsvColumn, value: unknown, t: TFunction, f: Formats, dialect: CsvDialect): string {
  if (value === null || value === undefined) return ''
  switch (c.kind) {
    // An index is kept in hundredths of a point, as money in cents.
    case 'money':
    case 'index':
      return typeof value === 'number' ? plainNumber(value / 100, 2, 2, dialect) : ''
    case 'number':
      return typeof value === 'number' ? plainNumber(value, 3, 0, dialect) : ''
    // Five decimals of a degree are about a metre: what a map pin or a GPS reading gives.
    case 'degrees':
      return typeof value === 'number' ? plainNumber(value, 6, 0, dialect) : ''
    case 'thousandths':
      return typeof value === 'number' ? plainNumber(value / 1000, 3, 0, dialect) : ''
    case 'share':
      return typeof value === 'number' ? plainNumber(value * 100, 1, 0, dialect) : ''
    case 'date':
      return typeof value === 'string' ? f.date(value) : ''
    case 'instant':
      return typeof value === 'number' ? f.dateTime(value) : ''
    case 'slaDeadline': {
      const deadline = (value as { deadline?: number | null }).deadline
      return typeof deadline === 'number' ? f.dateTime(deadline) : ''
    }
    case 'bool':
      return value ? t('common.yes') : t('common.no')
    default:
      break
  }
  if (Array.isArray(value)) return inert(value.map((v) => enumLabel(t, c.kind, String(v)) ?? String(v)).join('; '))
  if (typeof value === 'string') return inert(enumLabel(t, c.kind, value) ?? value)
  if (typeof value === 'number') return plainNumber(value, 3, 0, dialect)
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  return inert(JSON.stringify(value))
}

/**
 * Streams rows to `out` as CSV, waiting for the stream to drain so that memory stays flat for any number
 * of rows. Spreadsheet dialect: semicolons, decimal comma and a byte-order mark, so that Excel with
 * Estonian settings opens it with a double click (õ, ä, ö, ü read right); standard: RFC 4180 (commas,
 * decimal point, CRLF). Answers the row count.
 */
export async function writeCsv(columns: readonly CsvColumn[], rows: Iterable<unknown>, out: Writable, o: CsvOptions): Promise<number> {
  const t = tFor(o.language)
  const f = formatsFor(o.language, o.timeZone)
  const spreadsheet = o.dialect === 'spreadsheet'
  const csv = stringify({ bom: spreadsheet, delimiter: spreadsheet ? ';' : ',', record_delimiter: 'windows' })
  csv.pipe(out)
  csv.write(columns.map((c) => csvHeader(t, c)))
  let n = 0
  for (const raw of rows) {
    const row = raw as Record<string, unknown>
    if (!csv.write(columns.map((c) => cellOf(c, row[c.field], t, f, o.dialect)))) await once(csv, 'drain')
    n++
  }
  csv.end()
  await once(out, 'finish').catch(() => undefined)
  return n
}
