import type { Content, TableCell } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import type { PdfFile } from '../documents/downloads'
import { customerDocumentLanguage, documentLocale, type DocumentLocale } from '../documents/format'
import { type Column, documentFrame, facts, MUTED, rowsTable } from '../documents/layout'
import { renderPdf } from '../documents/pdf'
import type { Language } from '@shared/i18n/languages'
import { requirePermission, type ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import { customers } from '../../db/schema'
import { eq } from 'drizzle-orm'
import { loadSettings } from '../settings/settings'
import { marginReport } from './margin'
import { progressReport } from './progress'
import { scheduleReport } from './schedule'
import { utilisationReport } from './utilisation'

/**
 * The reports on paper: internal reports, so in the language of whoever prints them, on the company's
 * letterhead like every document, with the same rows as the screen from the same service.
 */
async function reportPdf(
  ctx: ServiceContext,
  /** The reader's language unless the document goes to a customer. */
  language: Language | null,
  make: (l: DocumentLocale) => {
    title: string
    subtitle: string
    summary: [string, string][]
    columns: Column[]
    body: TableCell[][]
    note: string
  },
  period: { from: string; to: string },
  fileName: string
): Promise<PdfFile> {
  const settings = loadSettings(ctx.db)
  const locale = documentLocale(language ?? ctx.user?.language ?? settings.language, settings.timeZone)
  const { t, f } = locale
  const r = make(locale)
  const content: Content[] = [
    facts(r.summary, 4),
    rowsTable(
      r.columns,
      r.body.length > 0
        ? r.body
        : [[{ text: t('reports.empty'), colSpan: r.columns.length, color: MUTED }, ...r.columns.slice(1).map(() => '')]]
    ),
    { text: r.note, color: MUTED, fontSize: 7.5, margin: [0, 8, 0, 0] }
  ]
  const doc = documentFrame({
    settings,
    locale,
    title: r.title,
    number: `${f.date(period.from)} – ${f.date(period.to)}`,
    subtitle: [r.subtitle],
    content
  })
  return { fileName, contentBase64: (await renderPdf(doc)).toString('base64') }
}

const right = (header: string): Column => ({ header, width: 'auto', align: 'right' })
const sum = <R>(rows: R[], by: (r: R) => number) => rows.reduce((s, r) => s + by(r), 0)

export function marginPdf(ctx: ServiceContext, i: ParsedInput<'reports.marginPdf'>): Promise<PdfFile> {
  const rows = marginReport(ctx, i)
  return reportPdf(
    ctx,
    null,
    ({ t, f }) => {
      const revenue = sum(rows, (r) => r.revenue)
      const cost = sum(rows, (r) => r.cost)
      const share = (s: number | null) => (s === null ? '—' : f.rate(Math.round(s * 10000)))
      return {
        title: t('reports.margin.title'),
        subtitle: t(`reports.margin.by.${i.groupBy}`),
        summary: [
          [t('reports.margin.revenue'), f.money(revenue)],
          [t('reports.margin.cost'), f.money(cost)],
          [t('reports.margin.margin'), f.money(revenue - cost)],
          [t('reports.margin.marginShare'), share(revenue === 0 ? null : (revenue - cost) / revenue)]
        ],
        columns: [
          { header: t(`reports.margin.group.${i.groupBy}`), width: '*' },
          ...(i.groupBy === 'order' ? [{ header: t('reports.customer'), width: '*' as const }] : []),
          right(t('reports.margin.orders')),
          right(t('reports.margin.revenue')),
          right(t('reports.margin.cost')),
          right(t('reports.margin.margin')),
          right(t('reports.margin.marginShare'))
        ],
        body: rows.map((r) => [
          r.label,
          ...(i.groupBy === 'order' ? [r.customerName] : []),
          String(r.orders),
          f.money(r.revenue),
          f.money(r.cost),
          f.money(r.margin),
          share(r.marginShare)
        ]),
        note: t('reports.margin.explain')
      }
    },
    i,
    `margin-${i.from}-${i.to}-${i.groupBy}.pdf`
  )
}

export function progressPdf(ctx: ServiceContext, i: ParsedInput<'reports.progressPdf'>): Promise<PdfFile> {
  const rows = progressReport(ctx, i)
  return reportPdf(
    ctx,
    null,
    ({ t, f }) => ({
      title: t('reports.progress.title'),
      subtitle: t(`reports.progress.by.${i.groupBy}`),
      summary: [
        [t('reports.progress.orders'), String(new Set(rows.map((r) => r.orderNumber)).size)],
        [t('reports.progress.stays'), String(sum(rows, (r) => r.stays))]
      ],
      columns: [
        ...(i.groupBy === 'order'
          ? [
              { header: t('reports.progress.order'), width: 'auto' as const },
              { header: t('reports.customer'), width: '*' as const }
            ]
          : []),
        { header: t('reports.progress.stage'), width: '*' },
        right(t('reports.progress.stays')),
        right(t('reports.progress.total')),
        right(t('reports.progress.average')),
        { header: t('reports.progress.reasons'), width: '*' }
      ],
      body: rows.map((r) => [
        ...(i.groupBy === 'order' ? [r.orderNumber, r.customerName] : []),
        r.stageName,
        String(r.stays),
        f.duration(r.totalMinutes),
        f.duration(r.averageMinutes),
        r.reasons
      ]),
      note: t('reports.progress.explain')
    }),
    i,
    `progress-${i.from}-${i.to}-${i.groupBy}.pdf`
  )
}

export function utilisationPdf(ctx: ServiceContext, i: ParsedInput<'reports.utilisationPdf'>): Promise<PdfFile> {
  const rows = utilisationReport(ctx, i)
  return reportPdf(
    ctx,
    null,
    ({ t, f }) => {
      const hours = (m: number) => f.number(m / 60, 1)
      const share = (s: number | null) => (s === null ? '—' : f.rate(Math.round(s * 10000)))
      const available = sum(rows, (r) => r.availableMinutes)
      const booked = sum(rows, (r) => r.bookedMinutes)
      return {
        title: t('reports.utilisation.title'),
        subtitle: t('reports.utilisation.perWeek'),
        summary: [
          [t('reports.utilisation.available'), hours(available)],
          [t('reports.utilisation.booked'), hours(booked)],
          [t('reports.utilisation.share'), share(available === 0 ? null : booked / available)]
        ],
        columns: [
          { header: t('reports.utilisation.technician'), width: '*' },
          { header: t('reports.utilisation.week'), width: 'auto' },
          { header: t('reports.utilisation.weekStart'), width: 'auto' },
          right(t('reports.utilisation.available')),
          right(t('reports.utilisation.booked')),
          right(t('reports.utilisation.share'))
        ],
        body: rows.map((r) => [
          r.workerName,
          r.week,
          f.date(r.weekStart),
          hours(r.availableMinutes),
          hours(r.bookedMinutes),
          share(r.utilisation)
        ]),
        note: t('reports.utilisation.explain')
      }
    },
    i,
    `utilisation-${i.from}-${i.to}.pdf`
  )
}

/**
 * The schedule to send to a customer: in their language (Estonian or English, as their other documents), their
 * name under the title; without a customer, every customer's visits in the reader's language.
 */
export function schedulePdf(ctx: ServiceContext, i: ParsedInput<'reports.schedulePdf'>): Promise<PdfFile> {
  requirePermission(ctx, 'reports.read')
  const customer =
    i.customerId === null
      ? null
      : ctx.db.select({ name: customers.name, language: customers.language }).from(customers).where(eq(customers.id, i.customerId)).get()
  if (i.customerId !== null && !customer) throw notFound('customer')
  const rows = scheduleReport(ctx, i)
  return reportPdf(
    ctx,
    customer ? customerDocumentLanguage(customer.language) : null,
    (l) => {
      const { t, f } = l
      return {
        title: t('reports.schedule.title'),
        subtitle: customer?.name ?? t('reports.anyCustomer'),
        summary: [[t('reports.schedule.visits'), String(rows.length)]],
        columns: [
          { header: t('reports.schedule.date'), width: 'auto' },
          { header: t('reports.schedule.time'), width: 'auto' },
          ...(customer ? [] : [{ header: t('reports.customer'), width: '*' as const }]),
          { header: t('reports.schedule.what'), width: '*' },
          { header: t('reports.schedule.where'), width: '*' },
          { header: t('reports.schedule.reference'), width: 'auto' }
        ],
        body: rows.map((r) => [
          f.date(r.date),
          r.start === null ? t('reports.schedule.dayToBeAgreed') : r.end === null ? f.time(r.start) : `${f.time(r.start)}–${f.time(r.end)}`,
          ...(customer ? [] : [r.customerName]),
          r.description,
          r.address,
          r.reference
        ]),
        note: t('reports.schedule.explain')
      }
    },
    i,
    `schedule-${i.from}-${i.to}.pdf`
  )
}
