import { eq } from 'drizzle-orm'
import type { Content } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import type { RepairLineRow } from '@shared/domain/repair'
import { dateOf } from '@shared/time'
import { customers, items, serviceObjects, workers } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { forbidden, invalid, notFound } from '../core/errors'
import type { PdfDocument, PdfFile } from '../documents/downloads'
import { customerDocumentLanguage, type DocumentLocale, documentLocale } from '../documents/format'
import { blocks, documentFrame, facts, fileSafe, MUTED, NONE, orNone, rowsTable } from '../documents/layout'
import { renderPdf } from '../documents/pdf'
import { loadSettings } from '../settings/settings'
import { isOfficeUser } from '../orders/access'
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
      : linesTable(locale, settings.timeZone, rows, false)
  ]
  const doc = documentFrame({ settings, locale, title: t('documents.repairHistory.title'), number: object.number, content })
  return { fileName: `${fileSafe(object.number)}-repairs.pdf`, content: await renderPdf(doc) }
}

export async function repairHistoryPdf(ctx: ServiceContext, i: ParsedInput<'repairLines.historyPdf'>): Promise<PdfFile> {
  const d = await renderRepairHistoryPdf(ctx, i)
  return { fileName: d.fileName, contentBase64: d.content.toString('base64') }
}

/**
 * The repair lines as a table, oldest first: what was reported (a repeat marked with the earlier order, the
 * note under it), found and done, and when it was finished. The object's history names the technician; the
 * technician's names the object.
 */
function linesTable(locale: DocumentLocale, timeZone: string, rows: RepairLineRow[], perTechnician: boolean): Content {
  const { t, f } = locale
  const day = (ms: number) => f.date(dateOf(ms, timeZone))
  return rowsTable(
    [
      { header: t('documents.repairHistory.date'), width: 50 },
      { header: t('documents.repairHistory.order'), width: 56 },
      perTechnician
        ? { header: t('documents.repairHistory.object'), width: 80 }
        : { header: t('documents.repairHistory.reported'), width: '*' },
      ...(perTechnician ? [{ header: t('documents.repairHistory.reported'), width: '*' as const }] : []),
      { header: t('documents.repairHistory.diagnosis'), width: '*' },
      { header: t('documents.repairHistory.resolution'), width: '*' },
      ...(perTechnician ? [] : [{ header: t('documents.repairHistory.technician'), width: 64 }]),
      { header: t('documents.repairHistory.finished'), width: 50 }
    ],
    rows.map((r) => [
      day(r.createdAt),
      r.orderNumber,
      ...(perTechnician ? [`${r.objectNumber} ${r.objectName}`] : []),
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
      ...(perTechnician ? [] : [orNone(r.workerName)]),
      r.finishedAt === null ? NONE : day(r.finishedAt)
    ]),
    t('documents.repairHistory.lines')
  )
}

/**
 * A technician's repairs over a period (entered from `from` to `to`, shop days), oldest first, for the office's
 * review of their work: an internal document in the reader's language. A technician may print only their own.
 */
export async function renderTechnicianRepairPdf(ctx: ServiceContext, i: ParsedInput<'repairLines.technicianPdf'>): Promise<PdfDocument> {
  const user = requirePermission(ctx, 'orders.read')
  if (i.to < i.from) throw invalid(['to'], 'validation.endBeforeStart')
  if (!isOfficeUser(user) && user.workerId !== i.workerId) throw forbidden('errors.repair.ownHistoryOnly')
  const worker = ctx.db.select({ number: workers.number, name: workers.name }).from(workers).where(eq(workers.id, i.workerId)).get()
  if (!worker) throw notFound('worker')
  const rows: RepairLineRow[] = [
    ...iterateRepairLines(ctx, {
      serviceObjectId: null,
      workerId: i.workerId,
      repeatsOnly: false,
      from: i.from,
      to: i.to,
      q: '',
      sort: 'createdAt',
      dir: 'asc',
      page: 1,
      pageSize: 100
    })
  ]
  const settings = loadSettings(ctx.db)
  const locale = documentLocale(user.language, settings.timeZone)
  const { t, f } = locale
  const content: Content[] = [
    facts([
      [t('documents.repairHistory.technician'), `${worker.number} ${worker.name}`],
      [t('documents.repairHistory.period'), `${f.date(i.from)} – ${f.date(i.to)}`],
      [t('documents.repairHistory.objects'), String(new Set(rows.map((r) => r.serviceObjectId)).size)],
      [t('documents.repairHistory.repairs'), String(rows.length)],
      [t('documents.repairHistory.finishedCount'), String(rows.filter((r) => r.finishedAt !== null).length)],
      [t('documents.repairHistory.repeats'), String(rows.filter((r) => r.repeatOfId !== null).length)]
    ]),
    rows.length === 0
      ? { text: t('documents.repairHistory.noneInPeriod'), color: MUTED, margin: [0, 8, 0, 0] }
      : linesTable(locale, settings.timeZone, rows, true)
  ]
  const doc = documentFrame({ settings, locale, title: t('documents.repairHistory.title'), number: worker.number, content })
  return { fileName: `${fileSafe(worker.number)}-repairs-${i.from}-${i.to}.pdf`, content: await renderPdf(doc) }
}

export async function technicianRepairPdf(ctx: ServiceContext, i: ParsedInput<'repairLines.technicianPdf'>): Promise<PdfFile> {
  const d = await renderTechnicianRepairPdf(ctx, i)
  return { fileName: d.fileName, contentBase64: d.content.toString('base64') }
}
