import { eq } from 'drizzle-orm'
import type { Content } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import { subscriptionGroups } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import type { PdfFile } from '../documents/downloads'
import { documentLocale } from '../documents/format'
import { documentFrame, facts, MUTED, rowsTable } from '../documents/layout'
import { renderPdf } from '../documents/pdf'
import { loadSettings } from '../settings/settings'
import { revenueReport } from './revenue'

/**
 * The revenue report on paper, in the company's language (a report of the company's own books, read by its
 * management and accountant): revenue by month (service-order revenue beside it), the MRR movements, and the
 * twelve-month forecast of both — the same
 * figures as the screen, from the same service.
 */
export async function revenuePdf(ctx: ServiceContext, i: ParsedInput<'subscriptions.revenuePdf'>): Promise<PdfFile> {
  requirePermission(ctx, 'invoices.read')
  const group =
    i.groupId === null
      ? null
      : ctx.db
          .select({ code: subscriptionGroups.code, name: subscriptionGroups.name })
          .from(subscriptionGroups)
          .where(eq(subscriptionGroups.id, i.groupId))
          .get()
  if (i.groupId !== null && !group) throw notFound('subscriptionGroup')
  const report = revenueReport(ctx, i)
  const settings = loadSettings(ctx.db)
  const locale = documentLocale(settings.language, settings.timeZone)
  const { t, f } = locale
  const money = (cents: number) => f.money(cents)
  const num = (header: string, width: number | '*' = '*') => ({ header, width, align: 'right' as const, wrapHeader: true })
  const last = report.months.at(-1)!
  const content: Content[] = [
    facts([
      [t('documents.revenue.period'), `${f.date(i.from)} – ${f.date(i.to)}`],
      [t('documents.revenue.group'), group ? `${group.code} ${group.name}` : t('documents.revenue.allGroups')],
      [t('subscriptions.revenue.contractedMrr'), money(last.contractedMrr)],
      [t('subscriptions.revenue.mrr'), money(last.mrr)],
      [t('subscriptions.revenue.arr'), money(last.mrr * 12)],
      [t('subscriptions.revenue.deferredNow'), money(last.deferred)]
    ]),
    rowsTable(
      [
        { header: t('subscriptions.revenue.month'), width: 70 },
        num(t('subscriptions.revenue.invoiced')),
        num(t('subscriptions.revenue.credited')),
        num(t('subscriptions.revenue.recognised')),
        num(t('subscriptions.revenue.deferred')),
        num(t('subscriptions.revenue.mrr')),
        num(t('subscriptions.revenue.serviceOrders'))
      ],
      report.months.map((m) => [
        f.month(m.month),
        money(m.invoiced),
        money(m.credited),
        money(m.recognised),
        money(m.deferred),
        money(m.mrr),
        money(m.serviceOrders)
      ]),
      t('documents.revenue.byMonth')
    ),
    rowsTable(
      [
        { header: t('subscriptions.revenue.month'), width: 70 },
        num(t('subscriptions.revenue.newMrr')),
        num(t('subscriptions.revenue.expansionMrr')),
        num(t('subscriptions.revenue.contractionMrr')),
        num(t('subscriptions.revenue.churnedMrr')),
        num(t('subscriptions.revenue.contractedMrr'))
      ],
      report.months.map((m) => [
        f.month(m.month),
        money(m.newMrr),
        money(m.expansionMrr),
        money(m.contractionMrr),
        money(m.churnedMrr),
        money(m.contractedMrr)
      ]),
      t('subscriptions.revenue.movements')
    ),
    rowsTable(
      [
        { header: t('subscriptions.revenue.month'), width: 70 },
        num(t('subscriptions.revenue.forecastRevenue')),
        num(t('subscriptions.revenue.contractedMrr')),
        num(t('subscriptions.revenue.agreementOrders')),
        num(t('subscriptions.revenue.otherOrders'))
      ],
      report.forecast.map((m) => [
        f.month(m.month),
        money(m.revenue),
        money(m.contractedMrr),
        money(m.agreementOrders),
        money(m.otherOrders)
      ]),
      t('subscriptions.revenue.forecast')
    ),
    { text: t('subscriptions.revenue.definitions'), color: MUTED, fontSize: 7.5, margin: [0, 10, 0, 0] }
  ]
  const doc = documentFrame({
    settings,
    locale,
    title: t('documents.revenue.title'),
    number: `${f.date(i.from)} – ${f.date(i.to)}`,
    content
  })
  return { fileName: `subscription-revenue-${i.from}-${i.to}.pdf`, contentBase64: (await renderPdf(doc)).toString('base64') }
}
