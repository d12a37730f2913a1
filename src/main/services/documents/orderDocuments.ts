import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { vatAmount } from '@shared/domain/orderRules'
import { LINE_TYPE_LABELS, type LineRow, type LineType, type OrderRow, PRIORITY_LABELS } from '@shared/domain/orders'
import type { Settings } from '@shared/domain/system'
import { formatDate, formatMoney, formatQuantityUnit, formatRate, formatTime, formatWindow } from './format'
import { blocks, boxLayout, documentFrame, facts, label, MUTED, NONE, orNone, rowsTable, section, totals, withNote } from './layout'

/** What a line is about, in one phrase: its own description, else its item, category or task. */
export function lineText(l: LineRow): string {
  return orNone(l.description || l.itemName || l.categoryName || l.serviceTaskName || LINE_TYPE_LABELS[l.type])
}

function parties(o: OrderRow): Content {
  const contact = [o.contactName, o.contactPhone].filter((s): s is string => !!s)
  return blocks([
    { caption: 'Customer', lines: [{ text: o.customerName, bold: true }] },
    { caption: 'Service address', lines: o.address ? [o.address] : [] },
    { caption: 'Contact', lines: contact }
  ])
}

/* ---------- work description: what the technician takes along ---------- */

export function workDescription(o: OrderRow, s: Settings): TDocumentDefinitions {
  const tz = s.timeZone
  const content: Content[] = [
    facts([
      ['Priority', PRIORITY_LABELS[o.priority]],
      ['Stage', o.stageName],
      ['Responsible', o.responsibleName ?? ''],
      ['Planned', formatWindow(o.plannedStart, o.plannedEnd, tz)],
      ['Requested', formatWindow(o.requestedStart, o.requestedEnd, tz)],
      ['Preferred technician', o.preferredWorkerName ?? '']
    ]),
    parties(o),
    section('Work to do', { text: o.description })
  ]

  if (o.objects.length) {
    content.push(
      rowsTable(
        [
          { header: 'Number', width: 70 },
          { header: 'Name', width: '*' },
          { header: 'Serial no.', width: 100 },
          { header: 'Note', width: 150 }
        ],
        o.objects.map((x) => [x.number, x.name, orNone(x.serialNumber), x.note]),
        'Service objects'
      )
    )
  }
  if (o.tasks.length) {
    content.push(
      rowsTable(
        [
          { header: 'Code', width: 70 },
          { header: 'Task', width: '*' },
          { header: 'Note', width: 150 }
        ],
        o.tasks.map((t) => [t.code, t.name, t.note]),
        'Service tasks'
      )
    )
  }

  const planned = o.lines.filter((l) => l.status !== 'cancelled')
  content.push(
    planned.length
      ? rowsTable(
          [
            { header: '#', width: 16, align: 'right' },
            { header: 'Type', width: 44 },
            { header: 'Description', width: '*' },
            { header: 'Worker', width: 100 },
            { header: 'Quantity', width: 58, align: 'right' },
            { header: 'Scheduled', width: 54, align: 'right' }
          ],
          planned.map((l) => [
            { text: String(l.lineNo), color: MUTED },
            LINE_TYPE_LABELS[l.type],
            withNote(lineText(l), [l.serviceObjectName, l.note].filter(Boolean).join(' · ')),
            orNone(l.workerName),
            { text: formatQuantityUnit(l.quantity, l.unit), noWrap: true },
            formatDate(l.scheduledDate) || NONE
          ]),
          'Planned lines'
        )
      : section('Planned lines', { text: 'No lines planned yet.', color: MUTED })
  )
  if (o.notes.trim()) content.push(section('Notes', { text: o.notes }))

  return documentFrame({
    settings: s,
    title: 'Work description',
    number: o.number,
    subtitle: [o.isTemplate ? 'Template' : ''].filter(Boolean),
    content
  })
}

/* ---------- work receipt: what the customer signs ---------- */

/** The receipt's groups, in this order. */
const GROUPS: { type: LineType; title: string }[] = [
  { type: 'hour', title: 'Hours' },
  { type: 'item', title: 'Parts' },
  { type: 'expense', title: 'Expenses' },
  { type: 'fee', title: 'Fees' }
]

export interface ReceiptTotals {
  net: number
  vat: number
  gross: number
  rate: number
}

/** Net of the lines that are not cancelled; VAT per line at the default rate (as an invoice would). */
export function receiptTotals(lines: readonly LineRow[], rate: number): ReceiptTotals {
  const done = lines.filter((l) => l.status !== 'cancelled')
  const net = done.reduce((sum, l) => sum + l.salesAmount, 0)
  const vat = done.reduce((sum, l) => sum + vatAmount(l.salesAmount, rate), 0)
  return { net, vat, gross: net + vat, rate }
}

function signatureBox(): Content {
  const field = (caption: string): TableCell => ({ stack: [label(caption), { text: ' ', margin: [0, 0, 0, 26] }] })
  return {
    stack: [
      { text: 'Work accepted by the customer', bold: true, fontSize: 10, color: '#202124', margin: [0, 0, 0, 2] },
      { text: 'By signing, the customer confirms that the work above was done.', color: MUTED, fontSize: 8, margin: [0, 0, 0, 5] },
      {
        table: { widths: ['*', '*', 90], body: [[field('Customer name'), field('Signature'), field('Date')]] },
        layout: boxLayout
      }
    ],
    unbreakable: true,
    margin: [0, 18, 0, 0]
  }
}

export function workReceipt(o: OrderRow, s: Settings): TDocumentDefinitions {
  const tz = s.timeZone
  const money = (c: number) => formatMoney(c, s.currency)
  const rate = s.vatRates.find((r) => r.isDefault)?.rate ?? 0
  const done = o.lines.filter((l) => l.status !== 'cancelled')
  const sum = receiptTotals(o.lines, rate)

  const columns = [
    { header: 'Description', width: '*' as const },
    { header: 'Date', width: 54, align: 'right' as const },
    { header: 'Quantity', width: 62, align: 'right' as const },
    { header: 'Unit price', width: 70, align: 'right' as const },
    { header: 'Amount', width: 74, align: 'right' as const }
  ]
  const body: TableCell[][] = []
  for (const g of GROUPS) {
    const lines = done.filter((l) => l.type === g.type)
    if (!lines.length) continue
    body.push([{ text: g.title, bold: true, colSpan: 5, margin: [0, body.length ? 4 : 0, 0, 0] }, {}, {}, {}, {}])
    for (const l of lines) {
      body.push([
        withNote(lineText(l), g.type === 'hour' ? l.workerName : l.note),
        formatDate(l.actualDate ?? l.scheduledDate) || NONE,
        { text: formatQuantityUnit(l.quantity, l.unit), noWrap: true },
        { text: money(l.unitPrice), noWrap: true },
        { text: money(l.salesAmount), noWrap: true }
      ])
    }
    const subtotal = lines.reduce((t, l) => t + l.salesAmount, 0)
    body.push([
      { text: `${g.title} total`, colSpan: 4, alignment: 'right', color: MUTED },
      {},
      {},
      {},
      { text: money(subtotal), bold: true, noWrap: true }
    ])
  }

  const content: Content[] = [
    facts([
      ['Actual start', formatTime(o.actualStart, tz)],
      ['Actual end', formatTime(o.actualEnd, tz)],
      ['Stage', o.stageName]
    ]),
    parties(o),
    section('Work', { text: o.description }),
    done.length
      ? rowsTable(columns, body, 'Work done')
      : section('Work done', { text: 'No work has been registered on this order.', color: MUTED }),
    totals([
      ['Net total', money(sum.net)],
      [`VAT ${formatRate(rate)}`, money(sum.vat)],
      ['Total', money(sum.gross)]
    ]),
    signatureBox()
  ]
  return documentFrame({ settings: s, title: 'Work receipt', number: o.number, content })
}
