import { eq } from 'drizzle-orm'
import type { Content } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import type { en } from '@shared/i18n/catalogue/en'
import { subscriptionGroups } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import type { PdfFile } from '../documents/downloads'
import { documentLocale } from '../documents/format'
import { documentFrame, facts, MUTED, rowsTable } from '../documents/layout'
import { renderPdf } from '../documents/pdf'
import { loadSettings } from '../settings/settings'
import { revenueReport } from './revenue'

type FigureKey = `subscriptions.revenue.${keyof typeof en.subscriptions.revenue}`

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
  /** A table of months, one amount column per figure, headed by its catalogue key. */
  const byMonth = <R extends { month: string }>(rows: R[], figures: [FigureKey, (r: R) => number][], title: string) =>
    rowsTable(
      [
        { header: t('subscriptions.revenue.month'), width: 70 },
        ...figures.map(([key]) => ({ header: t(key), width: '*' as const, align: 'right' as const, wrapHeader: true }))
      ],
      rows.map((r) => [f.month(r.month), ...figures.map(([, value]) => money(value(r)))]),
      title
    )
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
    byMonth(
      report.months,
      [
        ['subscriptions.revenue.invoiced', (m) => m.invoiced],
        ['subscriptions.revenue.credited', (m) => m.credited],
        ['subscriptions.revenue.recognised', (m) => m.recognised],
        ['subscriptions.revenue.deferred', (m) => m.deferred],
        ['subscriptions.revenue.mrr', (m) => m.mrr],
        ['subscriptions.revenue.serviceOrders', (m) => m.serviceOrders]
      ],
      t('documents.revenue.byMonth')
    ),
    byMonth(
      report.months,
      [
        ['subscriptions.revenue.newMrr', (m) => m.newMrr],
        ['subscriptions.revenue.expansionMrr', (m) => m.expansionMrr],
        ['subscriptions.revenue.contractionMrr', (m) => m.contractionMrr],
        ['subscriptions.revenue.churnedMrr', (m) => m.churnedMrr],
        ['subscriptions.revenue.contractedMrr', (m) => m.contractedMrr]
      ],
      t('subscriptions.revenue.movements')
    ),
    byMonth(
      report.forecast,
      [
        ['subscriptions.revenue.forecastRevenue', (m) => m.revenue],
        ['subscriptions.revenue.contractedMrr', (m) => m.contractedMrr],
        ['subscriptions.revenue.agreementOrders', (m) => m.agreementOrders],
        ['subscriptions.revenue.otherOrders', (m) => m.otherOrders]
      ],
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
