import type { Content } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import type { ReturnRow } from '@shared/domain/returns'
import type { Settings } from '@shared/domain/system'
import { requirePermission, type ServiceContext } from '../core/context'
import type { PdfDocument, PdfFile } from '../documents/downloads'
import { type DocumentLocale, documentLocale, formatQuantityUnit } from '../documents/format'
import { blocks, documentFrame, facts, fileSafe, NONE, rowsTable, section } from '../documents/layout'
import { renderPdf } from '../documents/pdf'
import { loadSettings } from '../settings/settings'
import { loadReturn } from './read'

/** Code 128 of the RMA number as a PNG data URL, large enough for a hand scanner on a parcel label. */
async function barcode(text: string): Promise<string> {
  // Loaded on the first RMA document: bwip-js is 2 MB of code every start of the app and the CLI compiled for nothing.
  const { default: bwipjs } = await import('bwip-js/node')
  const png = await bwipjs.toBuffer({ bcid: 'code128', text, scale: 3, height: 14, includetext: true, textxalign: 'center' })
  return `data:image/png;base64,${png.toString('base64')}`
}

function linesTable(r: ReturnRow, locale: DocumentLocale, s: Settings, withDisposition: boolean): Content {
  const { t, f } = locale
  return rowsTable(
    [
      { header: '#', width: 16 },
      { header: t('returns.document.item'), width: '*' },
      { header: t('returns.document.serial'), width: 80 },
      { header: t('returns.document.quantity'), width: 60, align: 'right' },
      { header: t('returns.document.price'), width: 60, align: 'right' },
      { header: withDisposition ? t('returns.document.outcome') : t('returns.document.invoice'), width: 90 }
    ],
    r.lines.map((l) => [
      String(l.lineNo),
      [l.itemNumber, l.description].filter(Boolean).join(' · ') || NONE,
      l.serialNumber || NONE,
      { text: formatQuantityUnit(f, l.quantity, l.unit), noWrap: true },
      { text: f.money(l.returnPrice, s.currency), noWrap: true },
      withDisposition
        ? `${t(`enums.returnLineStatus.${l.status}`)}${l.dispositionAction ? ` · ${t(`enums.dispositionAction.${l.dispositionAction}`)}` : ''}`
        : (l.invoiceNumber ?? NONE)
    ])
  )
}

/** The RMA document the customer puts in the parcel: what to send, by when, and the number as a barcode. */
async function rmaDocument(r: ReturnRow, s: Settings, locale: DocumentLocale) {
  const { t, f } = locale
  const content: Content[] = [
    { image: await barcode(r.number), width: 220, alignment: 'left', margin: [0, 0, 0, 8] },
    facts([
      [t('returns.document.created'), f.date(r.createdDate)],
      [t('returns.document.deadline'), f.date(r.deadline)],
      [t('returns.document.reason'), r.reasonName]
    ]),
    blocks([{ caption: t('returns.document.customer'), lines: [{ text: r.customerName, bold: true }] }]),
    linesTable(r, locale, s, false),
    section(t('returns.document.instructionsTitle'), {
      text: t('returns.document.instructions', { number: r.number, deadline: f.date(r.deadline) })
    })
  ]
  return documentFrame({ settings: s, locale, title: t('returns.document.rmaTitle'), number: r.number, content })
}

/** The return acknowledgement: what arrived and what is done with it. */
function acknowledgement(r: ReturnRow, s: Settings, locale: DocumentLocale) {
  const { t, f } = locale
  const content: Content[] = [
    facts([
      [t('returns.document.created'), f.date(r.createdDate)],
      [t('returns.document.status'), t(`enums.returnStatus.${r.status}`)],
      [t('returns.document.reason'), r.reasonName]
    ]),
    blocks([{ caption: t('returns.document.customer'), lines: [{ text: r.customerName, bold: true }] }]),
    linesTable(r, locale, s, true)
  ]
  return documentFrame({ settings: s, locale, title: t('returns.document.ackTitle'), number: r.number, content })
}

export async function renderReturnPdf(ctx: ServiceContext, i: ParsedInput<'returns.pdf'>): Promise<PdfDocument> {
  requirePermission(ctx, 'returns.read')
  const r = loadReturn(ctx.db, i.id)
  const settings = loadSettings(ctx.db)
  const locale = documentLocale(r.language === 'et' ? 'et' : 'en', settings.timeZone)
  const doc = i.document === 'rma' ? await rmaDocument(r, settings, locale) : acknowledgement(r, settings, locale)
  const suffix = i.document === 'rma' ? '' : '-acknowledgement'
  return { fileName: `${fileSafe(r.number)}${suffix}.pdf`, content: await renderPdf(doc) }
}

export async function returnPdf(ctx: ServiceContext, i: ParsedInput<'returns.pdf'>): Promise<PdfFile> {
  const d = await renderReturnPdf(ctx, i)
  return { fileName: d.fileName, contentBase64: d.content.toString('base64') }
}
