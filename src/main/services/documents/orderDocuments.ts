import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { vatAmount } from '@shared/domain/orderRules'
import type { LineRow, LineType, OrderRow } from '@shared/domain/orders'
import type { Settings } from '@shared/domain/system'
import { type DocumentLocale, formatQuantityUnit, formatWindow } from './format'
import { blocks, boxLayout, documentFrame, facts, label, MUTED, NONE, orNone, rowsTable, section, totals, withNote } from './layout'

/** What a line is about, in one phrase: its own description, else its item, category or task. */
export function lineText(l: LineRow, { t }: DocumentLocale): string {
  return orNone(l.description || l.itemName || l.categoryName || l.serviceTaskName || t(`enums.lineType.${l.type}`))
}

function parties(o: OrderRow, { t }: DocumentLocale): Content {
  const contact = [o.contactName, o.contactPhone].filter((s): s is string => !!s)
  return blocks([
    { caption: t('documents.order.customer'), lines: [{ text: o.customerName, bold: true }] },
    { caption: t('documents.order.serviceAddress'), lines: o.address ? [o.address] : [] },
    { caption: t('documents.order.contact'), lines: contact }
  ])
}

/* ---------- work description: what the technician takes along ---------- */

export function workDescription(o: OrderRow, s: Settings, locale: DocumentLocale): TDocumentDefinitions {
  const { t, f } = locale
  const content: Content[] = [
    facts([
      [t('documents.workDescription.priority'), t(`enums.priority.${o.priority}`)],
      [t('documents.order.stage'), o.stageName],
      [t('documents.workDescription.responsible'), o.responsibleName ?? ''],
      [t('documents.workDescription.planned'), formatWindow(locale, o.plannedStart, o.plannedEnd)],
      [t('documents.workDescription.requested'), formatWindow(locale, o.requestedStart, o.requestedEnd)],
      [t('documents.workDescription.preferredTechnician'), o.preferredWorkerName ?? '']
    ]),
    parties(o, locale),
    section(t('documents.workDescription.workToDo'), { text: o.description })
  ]

  if (o.objects.length) {
    content.push(
      rowsTable(
        [
          { header: t('documents.order.number'), width: 70 },
          { header: t('documents.order.name'), width: '*' },
          { header: t('documents.order.serialNumber'), width: 100 },
          { header: t('documents.order.note'), width: 150 }
        ],
        o.objects.map((x) => [x.number, x.name, orNone(x.serialNumber), x.note]),
        t('documents.workDescription.serviceObjects')
      )
    )
  }
  if (o.tasks.length) {
    content.push(
      rowsTable(
        [
          { header: t('documents.order.code'), width: 70 },
          { header: t('documents.order.task'), width: '*' },
          { header: t('documents.order.note'), width: 150 }
        ],
        o.tasks.map((task) => [task.code, task.name, task.note]),
        t('documents.workDescription.serviceTasks')
      )
    )
  }

  const planned = o.lines.filter((l) => l.status !== 'cancelled')
  content.push(
    planned.length
      ? rowsTable(
          [
            { header: '#', width: 16, align: 'right' },
            { header: t('documents.order.type'), width: 44 },
            { header: t('documents.order.description'), width: '*' },
            { header: t('documents.order.worker'), width: 100 },
            { header: t('documents.order.quantity'), width: 58, align: 'right' },
            { header: t('documents.workDescription.scheduled'), width: 54, align: 'right' }
          ],
          planned.map((l) => [
            { text: String(l.lineNo), color: MUTED },
            t(`enums.lineType.${l.type}`),
            withNote(lineText(l, locale), [l.serviceObjectName, l.note].filter(Boolean).join(' · ')),
            orNone(l.workerName),
            { text: formatQuantityUnit(f, l.quantity, l.unit), noWrap: true },
            f.date(l.scheduledDate) || NONE
          ]),
          t('documents.workDescription.plannedLines')
        )
      : section(t('documents.workDescription.plannedLines'), { text: t('documents.workDescription.noLines'), color: MUTED })
  )
  if (o.notes.trim()) content.push(section(t('documents.workDescription.notes'), { text: o.notes }))

  return documentFrame({
    settings: s,
    locale,
    title: t('documents.workDescription.title'),
    number: o.number,
    subtitle: [o.isTemplate ? t('documents.workDescription.template') : ''].filter(Boolean),
    content
  })
}

/* ---------- work receipt: what the customer signs ---------- */

/** The receipt's groups, in this order. */
const GROUPS: { type: LineType; title: (t: DocumentLocale['t']) => string }[] = [
  { type: 'hour', title: (t) => t('documents.workReceipt.hours') },
  { type: 'item', title: (t) => t('documents.workReceipt.parts') },
  { type: 'expense', title: (t) => t('documents.workReceipt.expenses') },
  { type: 'fee', title: (t) => t('documents.workReceipt.fees') }
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

function signatureBox({ t }: DocumentLocale): Content {
  const field = (caption: string): TableCell => ({ stack: [label(caption), { text: ' ', margin: [0, 0, 0, 26] }] })
  return {
    stack: [
      { text: t('documents.workReceipt.accepted'), bold: true, fontSize: 10, color: '#202124', margin: [0, 0, 0, 2] },
      { text: t('documents.workReceipt.confirms'), color: MUTED, fontSize: 8, margin: [0, 0, 0, 5] },
      {
        table: {
          widths: ['*', '*', 90],
          body: [
            [field(t('documents.workReceipt.customerName')), field(t('documents.workReceipt.signature')), field(t('documents.order.date'))]
          ]
        },
        layout: boxLayout
      }
    ],
    unbreakable: true,
    margin: [0, 18, 0, 0]
  }
}

export function workReceipt(o: OrderRow, s: Settings, locale: DocumentLocale): TDocumentDefinitions {
  const { t, f } = locale
  const money = (c: number) => f.money(c, s.currency)
  const rate = s.vatRates.find((r) => r.isDefault)?.rate ?? 0
  const done = o.lines.filter((l) => l.status !== 'cancelled')
  const sum = receiptTotals(o.lines, rate)

  const columns = [
    { header: t('documents.order.description'), width: '*' as const },
    { header: t('documents.order.date'), width: 54, align: 'right' as const },
    { header: t('documents.order.quantity'), width: 62, align: 'right' as const },
    { header: t('documents.order.unitPrice'), width: 70, align: 'right' as const },
    { header: t('documents.order.amount'), width: 74, align: 'right' as const }
  ]
  const body: TableCell[][] = []
  for (const g of GROUPS) {
    const lines = done.filter((l) => l.type === g.type)
    if (!lines.length) continue
    const title = g.title(t)
    body.push([{ text: title, bold: true, colSpan: 5, margin: [0, body.length ? 4 : 0, 0, 0] }, {}, {}, {}, {}])
    for (const l of lines) {
      body.push([
        withNote(lineText(l, locale), g.type === 'hour' ? l.workerName : l.note),
        f.date(l.actualDate ?? l.scheduledDate) || NONE,
        { text: formatQuantityUnit(f, l.quantity, l.unit), noWrap: true },
        { text: money(l.unitPrice), noWrap: true },
        { text: money(l.salesAmount), noWrap: true }
      ])
    }
    const subtotal = lines.reduce((t, l) => t + l.salesAmount, 0)
    body.push([
      { text: t('documents.workReceipt.groupTotal', { group: title }), colSpan: 4, alignment: 'right', color: MUTED },
      {},
      {},
      {},
      { text: money(subtotal), bold: true, noWrap: true }
    ])
  }

  const content: Content[] = [
    facts([
      [t('documents.workReceipt.actualStart'), f.dateTime(o.actualStart)],
      [t('documents.workReceipt.actualEnd'), f.dateTime(o.actualEnd)],
      [t('documents.order.stage'), o.stageName]
    ]),
    parties(o, locale),
    section(t('documents.workReceipt.work'), { text: o.description }),
    done.length
      ? rowsTable(columns, body, t('documents.workReceipt.workDone'))
      : section(t('documents.workReceipt.workDone'), { text: t('documents.workReceipt.noWork'), color: MUTED }),
    totals([
      [t('documents.workReceipt.netTotal'), money(sum.net)],
      [t('documents.workReceipt.vat', { rate: f.rate(rate) }), money(sum.vat)],
      [t('documents.workReceipt.total'), money(sum.gross)]
    ]),
    signatureBox(locale)
  ]
  return documentFrame({ settings: s, locale, title: t('documents.workReceipt.title'), number: o.number, content })
}
