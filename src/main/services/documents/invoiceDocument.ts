import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { formatIban } from '@shared/domain/identifiers'
import type { InvoiceRow } from '@shared/domain/orders'
import type { Settings } from '@shared/domain/system'
import type { DocumentLocale } from './format'
import { ACCENT, documentFrame, label, MUTED, orNone, plainLayout, rowsTable, totals } from './layout'

/**
 * What an invoice prints beyond its lines and totals, read from the invoice and customer rows: the reference
 * number ('' prints none), reverse charge, a credit note's reason, and the buyer's registry code and country.
 */
export interface InvoiceLegal {
  referenceNumber: string
  reverseCharge: boolean
  note: string
  buyerRegistryCode: string
  buyerCountry: string
}

export const NO_LEGAL: InvoiceLegal = { referenceNumber: '', reverseCharge: false, note: '', buyerRegistryCode: '', buyerCountry: 'EE' }

/** A country's name in the document's language. */
const countryName = (code: string, language: string) => new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code

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
  original: { number: string; invoiceDate: string; grossTotal?: number } | null = null,
  legal: InvoiceLegal = NO_LEGAL
): TDocumentDefinitions {
  const { t, f } = locale
  const isCredit = inv.kind === 'credit'
  const money = (c: number) => f.money(c, inv.currency)
  const reversed = inv.creditOfNumber ?? original?.number ?? null
  const reference = isCredit ? '' : legal.referenceNumber
  // A buyer abroad reads both countries written out; at home neither is.
  const abroad = legal.buyerCountry !== s.companyCountry

  const meta: [string, string][] = [
    [isCredit ? t('documents.invoice.creditNoteDate') : t('documents.invoice.invoiceDate'), f.date(inv.invoiceDate)],
    [t('documents.invoice.dueDate'), f.date(inv.dueDate)]
  ]
  if (reference) meta.push([t('documents.invoice.referenceNumber'), reference])
  meta.push([t('documents.invoice.currency'), inv.currency])
  if (isCredit && reversed) meta.push([t('documents.invoice.creditsInvoice'), reversed])

  const buyer: Content[] = [{ text: inv.customerName, bold: true }]
  if (inv.customerAddress) buyer.push(inv.customerAddress)
  if (abroad) buyer.push(countryName(legal.buyerCountry, locale.language))
  const buyerIds = [
    legal.buyerRegistryCode ? t('documents.invoice.buyerRegNo', { value: legal.buyerRegistryCode }) : '',
    inv.customerVatNumber ? t('documents.frame.vatNo', { value: inv.customerVatNumber }) : ''
  ].filter(Boolean)
  if (buyerIds.length) buyer.push({ text: buyerIds.join('   ·   '), color: MUTED })

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
  if (legal.reverseCharge) {
    closing.push({ text: t('documents.invoice.reverseCharge'), bold: true, color: ACCENT, margin: [0, 10, 0, 0] })
  }
  if (isCredit && reversed) {
    // Since credit notes may credit lines in part, "in full" is said only when the amounts match.
    const partly = original?.grossTotal !== undefined && inv.grossTotal !== -original.grossTotal
    const text = !original
      ? t('documents.invoice.reverses', { number: reversed })
      : partly
        ? t('documents.invoice.creditsPartOf', { number: reversed, date: f.date(original.invoiceDate) })
        : t('documents.invoice.reversesOf', { number: reversed, date: f.date(original.invoiceDate) })
    closing.push({ text, margin: [0, 14, 0, 0] })
  }
  if (isCredit && legal.note) closing.push({ text: t('documents.invoice.reason', { note: legal.note }), margin: [0, 4, 0, 0] })
  if (!isCredit) {
    closing.push({
      text: reference
        ? t('documents.invoice.payByReference', { date: f.date(inv.dueDate), reference })
        : t('documents.invoice.payBy', { date: f.date(inv.dueDate), number: inv.number }),
      margin: [0, 14, 0, 0]
    })
    const payment = paymentDetails(s, locale)
    if (payment) closing.push(payment)
  }
  if (s.invoiceFooter) closing.push({ text: s.invoiceFooter, color: MUTED, fontSize: 8, margin: [0, 16, 0, 0] })

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
    ...(abroad ? { sellerCountry: countryName(s.companyCountry, locale.language) } : {}),
    title: isCredit ? t('documents.invoice.creditNote') : t('documents.invoice.invoice'),
    number: inv.number,
    subtitle,
    content
  })
}

/** The accounts to pay into (IBAN in groups of four, bank, BIC); null without accounts. */
function paymentDetails(s: Settings, { t }: DocumentLocale): Content | null {
  if (s.bankAccounts.length === 0) return null
  const rows: TableCell[][] = s.bankAccounts.map((a) => [
    { text: formatIban(a.iban), bold: true, noWrap: true },
    orNone(a.bankName),
    { text: a.bic || '', noWrap: true }
  ])
  return {
    stack: [
      label(t('documents.invoice.paymentDetails')),
      rowsTable(
        [
          { header: t('documents.invoice.bankAccount'), width: 150 },
          { header: t('documents.invoice.bank'), width: '*' },
          { header: t('documents.invoice.bic'), width: 80 }
        ],
        rows
      )
    ],
    unbreakable: true,
    margin: [0, 8, 0, 0]
  } as Content
}
