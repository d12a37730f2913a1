import { sql, type SQL } from 'drizzle-orm'
import type { InvoiceStatus } from '@shared/domain/billing'
import { dateOf } from '@shared/time'
import type { Db } from '../../db/connection'
import { invoices, settings } from '../../db/schema'
import type { ServiceContext } from '../core/context'

/**
 * `invoiceStatus` of shared/domain/billing.ts as an SQL expression over the invoice's columns, for the list's
 * filter and rows; tests/service/invoiceStatus.test.ts checks the two agree. Keep them in step.
 */
export function statusSql(today: string): SQL<InvoiceStatus | null> {
  const i = invoices
  return sql<InvoiceStatus | null>`case
    when ${i.kind} <> 'invoice' then null
    when ${i.creditedTotal} > 0 and ${i.creditedTotal} >= ${i.grossTotal} then 'credited'
    when ${i.paidTotal} + ${i.creditedTotal} >= ${i.grossTotal} then 'paid'
    when ${i.dueDate} < ${today} then 'overdue'
    when ${i.paidTotal} > 0 or ${i.creditedTotal} > 0 then 'partlyPaid'
    else 'open' end`
}

/** `openAmount` of shared/domain/billing.ts in SQL. */
export const openAmountSql = sql<number>`case when ${invoices.kind} = 'invoice' then ${invoices.grossTotal} - ${invoices.paidTotal} - ${invoices.creditedTotal} else 0 end`

/** Today's date in the shop's time zone, by the context's clock: what "overdue" is measured against. */
export function shopToday(ctx: ServiceContext): string {
  return dateOf(ctx.now(), shopTimeZone(ctx.db))
}

export function shopTimeZone(db: Db): string {
  return db.select({ timeZone: settings.timeZone }).from(settings).get()?.timeZone ?? 'Europe/Tallinn'
}
