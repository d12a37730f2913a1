import { eq } from 'drizzle-orm'
import type { Content } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import type { RepairLineRow } from '@shared/domain/repair'
import { dateOf } from '@shared/time'
import { customers, items, serviceObjects } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import type { PdfDocument, PdfFile } from '../documents/downloads'
import { customerDocumentLanguage, documentLocale } from '../documents/format'
import { blocks, documentFrame, facts, fileSafe, MUTED, NONE, orNone, rowsTable } from '../documents/layout'
import { renderPdf } from '../documents/pdf'
import { loadSettings } from '../settings/settings'
import { iterateRepairLines } from './lines'

/** "Area · code", the condition after it: what the customer reported, in one cell. */
const joined = (...parts: (string | null)[]) => parts.filter((p): p is string => !!p).join(' · ') || NONE

/**
 * An object's repair history for the customer: every repair line, oldest first, with what was reported, found
 * and done, by whom and when it was finished, the repeat failures marked. The same lines as the history list
 * and its CSV (a technician gets their own repairs only), in the object's customer's language.
 */
export async function renderRepairHistoryPdf(ctx: ServiceContext, i: ParsedInput<'repairLines.historyPdf'>): Promise<PdfDocument> {
  requirePermission(ctx, 'orders.read')
  const object = ctx.db
    .select({
      number: serviceObjects.number,
      name: serviceObjects.name,
      serialNumber: serviceObjects.serialNumber,
      installationDate: serviceObjects.installationDate,
      customerName: customers.name,
      language: customers.language,
      itemId: serviceObjects.itemId
    })
    .from(serviceObjects)
    .innerJoin(customers, eq(customers.id, serviceObjects.customerId))
    .where(eq(serviceObjects.id, i.serviceObjectId))
    .get()
  if (!object) throw notFound('serviceObject')
  const item = object.itemId === null ? undefined : ctx.db.select().from(items).where(eq(items.id, object.itemId)).get()
  const rows: RepairLineRow[] = [
    ...iterateRepairLines(ctx, {
      serviceObjectId: i.serviceObjectId,
      workerId: null,
      repeatsOnly: false,
      from: null,
      to: null,
      q: '',
      sort: 'createdAt',
      dir: 'asc',
      page: 1,
      pageSize: 100
    })
  ]
  const settings = loadSettings(ctx.db)
  const locale = documentLocale(customerDocumentLanguage(object.language), settings.timeZone)
  const { t, f } = locale
  const day = (ms: number) => f.date(dateOf(ms, settings.timeZone))
  const repeats = rows.filter((r) => r.repeatOfId !== null).length
  const content: Content[] = [
    facts([
      [t('documents.repairHistory.object'), `${object.number} ${object.name}`],
      [t('documents.repairHistory.model'), item ? `${item.number} ${item.name}` : NONE],
      [t('documents.repairHistory.serial'), orNone(object.serialNumber)],
      [t('documents.repairHistory.installed'), orNone(f.date(object.installationDate))],
      [t('documents.repairHistory.repairs'), String(rows.length)],
      [t('documents.repairHistory.repeats'), String(repeats)]
    ]),
    blocks([{ caption: t('documents.order.customer'), lines: [{ text: object.customerName, bold: true }] }]),
    rows.length === 0
      ? { text: t('documents.repairHistory.none'), color: MUTED, margin: [0, 8, 0, 0] }
      : rowsTable(
          [
            { header: t('documents.repairHistory.date'), width: 50 },
            { header: t('documents.repairHistory.order'), width: 56 },
            { header: t('documents.repairHistory.reported'), width: '*' },
            { header: t('documents.repairHistory.diagnosis'), width: '*' },
            { header: t('documents.repairHistory.resolution'), width: '*' },
            { header: t('documents.repairHistory.technician'), width: 64 },
            { header: t('documents.repairHistory.finished'), width: 50 }
          ],
          rows.map((r) => [
            day(r.createdAt),
            r.orderNumber,
            {
              stack: [
                joined(r.symptomAreaName, r.symptomCodeName, r.conditionName),
                ...(r.repeatOfOrderNumber
                  ? [{ text: t('documents.repairHistory.repeatOf', { order: r.repeatOfOrderNumber }), bold: true, fontSize: 7.5 }]
                  : []),
                ...(r.note ? [{ text: r.note, color: MUTED, fontSize: 7.5 }] : [])
              ]
            },
            joined(r.diagnosisAreaName, r.diagnosisCodeName),
            orNone(r.resolutionName),
            orNone(r.workerName),
            r.finishedAt === null ? NONE : day(r.finishedAt)
          ]),
          t('documents.repairHistory.lines')
        )
  ]
  const doc = documentFrame({ settings, locale, title: t('documents.repairHistory.title'), number: object.number, content })
  return { fileName: `${fileSafe(object.number)}-repairs.pdf`, content: await renderPdf(doc) }
}

export async function repairHistoryPdf(ctx: ServiceContext, i: ParsedInput<'repairLines.historyPdf'>): Promise<PdfFile> {
  const d = await renderRepairHistoryPdf(ctx, i)
  return { fileName: d.fileName, contentBase64: d.content.toString('base64') }
}
