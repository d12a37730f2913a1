import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { InvoiceRow } from '@shared/domain/orders'
import type { Settings } from '@shared/domain/system'
import { formatDate, formatMoney, formatQuantity, formatRate } from './format'
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
  original: { number: string; invoiceDate: string } | null = null
): TDocumentDefinitions {
  const isCredit = inv.kind === 'credit'
  const money = (c: number) => formatMoney(c, inv.currency)
  const reversed = inv.creditOfNumber ?? original?.number ?? null

  const meta: [string, string][] = [
    [isCredit ? 'Credit note date' : 'Invoice date', formatDate(inv.invoiceDate)],
    ['Due date', formatDate(inv.dueDate)],
    ['Currency', inv.currency]
  ]
  if (isCredit && reversed) meta.push(['Credits invoice', reversed])

  const buyer: Content[] = [{ text: inv.customerName, bold: true }]
  if (inv.customerAddress) buyer.push(inv.customerAddress)
  if (inv.customerVatNumber) buyer.push({ text: `VAT no ${inv.customerVatNumber}`, color: MUTED })

  const lines = rowsTable(
    [
      { header: 'Order', width: 62 },
      { header: 'Description', width: '*' },
      { header: 'Quantity', width: 46, align: 'right' },
      { header: 'Unit', width: 28 },
      { header: 'Unit price', width: 62, align: 'right' },
      { header: 'Net', width: 68, align: 'right' },
      { header: 'VAT', width: 32, align: 'right' }
    ],
    inv.lines.map((l) => [
      { text: l.orderNumber, noWrap: true },
      orNone(l.description),
      { text: formatQuantity(l.quantity), noWrap: true },
      l.unit,
      { text: money(l.unitPrice), noWrap: true },
      { text: money(l.netAmount), noWrap: true },
      { text: formatRate(l.vatRate), noWrap: true }
    ]),
    isCredit ? 'Credited lines' : 'Lines'
  )

  const groups = vatSummary(inv)
  const summaryRows: TableCell[][] = groups.map((g) => [
    formatRate(g.rate),
    { text: money(g.net), noWrap: true },
    { text: money(g.vat), noWrap: true }
  ])
  const summary = rowsTable(
    [
      { header: 'VAT rate', width: 50 },
      { header: 'Net', width: '*', align: 'right' },
      { header: 'VAT', width: '*', align: 'right' }
    ],
    summaryRows
  )

  const closing: Content[] = []
  if (isCredit && reversed) {
    const of = original ? ` of ${formatDate(original.invoiceDate)}` : ''
    closing.push({ text: `This credit note reverses invoice ${reversed}${of} in full.`, margin: [0, 14, 0, 0] })
  } else if (!isCredit) {
    closing.push({ text: `Please pay by ${formatDate(inv.dueDate)} and quote the invoice number ${inv.number}.`, margin: [0, 14, 0, 0] })
  }

  const content: Content[] = [
    {
      columns: [
        { width: '*', stack: [{ text: isCredit ? 'Credit to' : 'Bill to', color: MUTED, fontSize: 7.5, margin: [0, 0, 0, 1] }, ...buyer] },
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
        { width: '*', stack: [{ text: 'VAT summary', bold: true, fontSize: 8.5, color: MUTED, margin: [0, 8, 0, 2] }, summary] },
        {
          width: 210,
          stack: [
            totals(
              [
                ['Net total', money(inv.netTotal)],
                ['VAT total', money(inv.vatTotal)],
                [isCredit ? 'Total credited' : 'Total to pay', money(inv.grossTotal)]
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

  const subtitle = isCredit && reversed ? [`Credits invoice ${reversed}`] : []
  return documentFrame({ settings: s, title: isCredit ? 'Credit note' : 'Invoice', number: inv.number, subtitle, content })
}
