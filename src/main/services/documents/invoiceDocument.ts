import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { InvoiceRow } from '@shared/domain/orders'
import type { Settings } from '@shared/domain/system'
import type { DocumentLocale } from './format'
import { documentFrame, MUTED, orNone, plainLayout, rowsTable, totals } from './layout'

export interface VatGroup {
  rate: number
  net: number
  vat: number
}

/** Net and VAT per rate, highest rate first: the VAT summary an Estonian invoice must show. */
export function vatSummary(inv: InvoiceRow): VatGroup[] {
  const byRate = new Map<number, VatGroup>()
  for (const l of inv.lines) {
    const g = byRate.get(l.vatRate) ?? { rate: l.vatRate, net: 0, vat: 0 }
    g.net += l.netAmount
    g.vat += l.vatAmount
    byRate.set(l.vatRate, g)
  }
  return [...byRate.values()].sort((a, b) => b.rate - a.rate)
}

/**
 * An invoice or a credit note: the same layout, the title differs, and a credit note names the invoice it
 * reverses (`original`: that invoice's date, when it is still there to be read).
 */
export function invoiceDocument(
  inv: InvoiceRow,
  s: Settings,
  locale: DocumentLocale,
  original: { number: string; invoiceDate: string } | null = null
): TDocumentDefinitions {
  const { t, f } = locale
  const isCredit = inv.kind === 'credit'
  const money = (c: number) => f.money(c, inv.currency)
  const reversed = inv.creditOfNumber ?? original?.number ?? null

  const meta: [string, string][] = [
    [isCredit ? t('documents.invoice.creditNoteDate') : t('documents.invoice.invoiceDate'), f.date(inv.invoiceDate)],
    [t('documents.invoice.dueDate'), f.date(inv.dueDate)],
    [t('documents.invoice.currency'), inv.currency]
  ]
  if (isCredit && reversed) meta.push([t('documents.invoice.creditsInvoice'), reversed])

  const buyer: Content[] = [{ text: inv.customerName, bold: true }]
  if (inv.customerAddress) buyer.push(inv.customerAddress)
  if (inv.customerVatNumber) buyer.push({ text: t('documents.frame.vatNo', { value: inv.customerVatNumber }), color: MUTED })

  const lines = rowsTable(
    [
      { header: t('documents.invoice.order'), width: 62 },
      { header: t('documents.order.description'), width: '*' },
      { header: t('documents.order.quantity'), width: 46, align: 'right' },
      { header: t('documents.invoice.unit'), width: 28 },
      { header: t('documents.order.unitPrice'), width: 62, align: 'right' },
      { header: t('documents.invoice.net'), width: 68, align: 'right' },
      { header: t('documents.invoice.vat'), width: 32, align: 'right' }
    ],
    inv.lines.map((l) => [
      { text: l.orderNumber, noWrap: true },
      orNone(l.description),
      { text: f.quantity(l.quantity), noWrap: true },
      l.unit,
      { text: money(l.unitPrice), noWrap: true },
      { text: money(l.netAmount), noWrap: true },
      { text: f.rate(l.vatRate), noWrap: true }
    ]),
    isCredit ? t('documents.invoice.creditedLines') : t('documents.invoice.lines')
  )

  const groups = vatSummary(inv)
  const summaryRows: TableCell[][] = groups.map((g) => [
    f.rate(g.rate),
    { text: money(g.net), noWrap: true },
    { text: money(g.vat), noWrap: true }
  ])
  const summary = rowsTable(
    [
      { header: t('documents.invoice.vatRate'), width: 50 },
      { header: t('documents.invoice.net'), width: '*', align: 'right' },
      { header: t('documents.invoice.vat'), width: '*', align: 'right' }
    ],
    summaryRows
  )

  const closing: Content[] = []
  if (isCredit && reversed) {
    const text = original
      ? t('documents.invoice.reversesOf', { number: reversed, date: f.date(original.invoiceDate) })
      : t('documents.invoice.reverses', { number: reversed })
    closing.push({ text, margin: [0, 14, 0, 0] })
  } else if (!isCredit) {
    closing.push({ text: t('documents.invoice.payBy', { date: f.date(inv.dueDate), number: inv.number }), margin: [0, 14, 0, 0] })
  }

  const content: Content[] = [
    {
      columns: [
        {
          width: '*',
          stack: [
            {
              text: isCredit ? t('documents.invoice.creditTo') : t('documents.invoice.billTo'),
              color: MUTED,
              fontSize: 7.5,
              margin: [0, 0, 0, 1]
            },
            ...buyer
          ]
        },
        {
          width: 210,
          table: {
            widths: ['*', 'auto'],
            body: meta.map(([l, v]) => [
              { text: l, color: MUTED },
              { text: v, bold: true, alignment: 'right' }
            ])
          },
          layout: { ...plainLayout, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 2 }
        }
      ],
      columnGap: 16,
      margin: [0, 0, 0, 4]
    },
    lines,
    {
      columns: [
        {
          width: '*',
          stack: [{ text: t('documents.invoice.vatSummary'), bold: true, fontSize: 8.5, color: MUTED, margin: [0, 8, 0, 2] }, summary]
        },
        {
          width: 210,
          stack: [
            totals(
              [
                [t('documents.invoice.netTotal'), money(inv.netTotal)],
                [t('documents.invoice.vatTotal'), money(inv.vatTotal)],
                [isCredit ? t('documents.invoice.totalCredited') : t('documents.invoice.totalToPay'), money(inv.grossTotal)]
              ],
              210
            )
          ]
        }
      ],
      columnGap: 24,
      unbreakable: true,
      margin: [0, 4, 0, 0]
    },
    ...closing
  ]

  const subtitle = isCredit && reversed ? [t('documents.invoice.creditsInvoiceNumber', { number: reversed })] : []
  return documentFrame({
    settings: s,
    locale,
    seller: true,
    title: isCredit ? t('documents.invoice.creditNote') : t('documents.invoice.invoice'),
    number: inv.number,
    subtitle,
    content
  })
}
