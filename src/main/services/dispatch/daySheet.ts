/**
 * A technician's day sheet: the day's visits in time order with everything needed on the road (address,
 * whom to call, what to do, on which equipment), to print or send the evening before.
 */
import type { Content } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import { dayStart } from '@shared/time'
import { requirePermission, type ServiceContext } from '../core/context'
import { forbidden, notFound } from '../core/errors'
import { fileSafe, documentFrame, facts, label, MUTED, orNone, rowsTable, totals, withNote } from '../documents/layout'
import { type DocumentLocale, documentLocale } from '../documents/format'
import { renderPdf } from '../documents/pdf'
import type { PdfFile } from '../documents/downloads'
import { loadSettings } from '../settings/settings'
import { addDays, ownWorkerOnly } from './board'
import type { CardTravel, TravelLeg } from '@shared/dispatch/travel'
import { type Card, Calendars, cardsTravel, loadCards, loadWorkers, skillNameMap } from './read'

interface VisitExtras {
  contact: string
  objects: string
  notes: string
}

/** Whom to call (the order's contact, else the customer's phone), the equipment and the notes of each order. */
function loadExtras(ctx: ServiceContext, orderIds: number[], { t }: DocumentLocale): Map<number, VisitExtras> {
  const rows = ctx.conn.sqlite
    .prepare(
      `select o.id, o.notes, coalesce(cs.access_notes, '') as access,
         trim(coalesce(cc.name, '') || ' ' || coalesce(nullif(cc.phone, ''), c.phone)) as contact,
         coalesce((select group_concat(x, '; ') from (select so.number || ' ' || so.name || case when so.serial_number <> '' then ', ' || so.serial_number else '' end as x
           from service_order_objects oo join service_objects so on so.id = oo.service_object_id where oo.order_id = o.id order by so.number)), '') as objects
       from service_orders o join customers c on c.id = o.customer_id
       left join customer_contacts cc on cc.id = o.contact_id left join customer_sites cs on cs.id = o.site_id
       where o.id in (select value from json_each(?))`
    )
    .all(JSON.stringify(orderIds)) as { id: number; notes: string; access: string; contact: string; objects: string }[]
  return new Map(
    rows.map((r) => [
      r.id,
      {
        contact: r.contact,
        objects: r.objects,
        notes: [r.access && t('documents.daySheet.access', { notes: r.access }), r.notes].filter(Boolean).join('\n')
      }
    ])
  )
}

/** "Drive 18 min · 14.2 km from Kase 4, Tartu", or that the drive is unknown for want of coordinates. */
function legText({ t, f }: DocumentLocale, leg: TravelLeg): string {
  const place = leg.toHome ? leg.to : leg.from
  const where = (
    leg.toHome
      ? t('documents.daySheet.toHome', { place })
      : leg.fromHome
        ? t('documents.daySheet.fromHome', { place })
        : t('documents.daySheet.fromJob', { order: leg.fromOrder ?? '', place })
  ).trim()
  if (leg.minutes === null) return t('documents.daySheet.driveUnknown', { where })
  return t('documents.daySheet.drive', { minutes: leg.minutes, km: f.number(leg.km ?? 0, 1), where })
}

function visitsTable(
  cards: Card[],
  legs: Map<number, CardTravel>,
  extras: Map<number, VisitExtras>,
  skillNames: Map<number, string>,
  locale: DocumentLocale
): Content {
  const { t, f } = locale
  return rowsTable(
    [
      { header: t('documents.daySheet.time'), width: 70 },
      { header: t('documents.daySheet.order'), width: 70 },
      { header: t('documents.daySheet.customerAndAddress'), width: 130 },
      { header: t('documents.daySheet.work'), width: '*' }
    ],
    cards.map((c) => {
      const x = extras.get(c.orderId)!
      const skills = c.requiredSkillIds.map((id) => skillNames.get(id) ?? `#${id}`).join(', ')
      const work: Content[] = [
        { text: c.description },
        ...(c.taskNames ? [{ text: t('documents.daySheet.tasks', { tasks: c.taskNames }) }] : []),
        ...(x.objects ? [{ text: t('documents.daySheet.objects', { objects: x.objects }) }] : []),
        ...(skills ? [{ text: t('documents.daySheet.skills', { skills }), color: MUTED }] : []),
        ...(x.notes ? [{ text: x.notes, color: MUTED, fontSize: 8 }] : []),
        ...(c.note ? [{ text: c.note, color: MUTED, fontSize: 8 }] : [])
      ]
      const before = legs.get(c.id)?.before
      return [
        {
          stack: [
            { text: `${f.time(c.start)}–${f.time(c.end)}`, noWrap: true },
            ...(before && before.minutes !== 0 ? [{ text: legText(locale, before), color: MUTED, fontSize: 7 }] : [])
          ]
        },
        withNote(c.orderNumber, `${t(`enums.priority.${c.priority}`)} · ${t(`enums.assignmentStatus.${c.status}`)}`),
        {
          stack: [
            { text: c.customerName, bold: true },
            orNone(c.address),
            ...(x.contact ? [{ text: t('documents.daySheet.call', { contact: x.contact }), color: MUTED }] : [])
          ]
        },
        { stack: work }
      ]
    }),
    t('documents.daySheet.visits')
  )
}

export async function daySheet(ctx: ServiceContext, i: ParsedInput<'dispatch.daySheet'>): Promise<PdfFile> {
  const user = requirePermission(ctx, 'orders.read')
  const own = ownWorkerOnly(user)
  if (own !== null && own !== i.workerId) {
    throw forbidden(user.workerId === null ? 'errors.notLinkedToWorker' : 'errors.dispatch.ownDaySheet')
  }
  const settings = loadSettings(ctx.db)
  const tz = settings.timeZone
  // An internal document: in the language of whoever prints it.
  const locale = documentLocale(ctx.user?.language ?? settings.language, tz)
  const { t, f } = locale
  const hours = (ms: number): string => t('documents.daySheet.hours', { hours: f.number(Math.round(ms / 360_000) / 10, 1) })
  const worker = loadWorkers(ctx, new Calendars(settings), [i.workerId])[0]
  if (!worker) throw notFound('worker')
  const from = dayStart(i.date, tz)
  const cards = loadCards(ctx, from, dayStart(addDays(i.date, 1), tz), ctx.now(), i.workerId).sort(
    (a, b) => a.start - b.start || a.id - b.id
  )
  const extras = loadExtras(ctx, [...new Set(cards.map((c) => c.orderId))], locale)
  // Driving: the legs of the day (from home, between the visits, home); a leg without coordinates is named, not guessed.
  const legs = cardsTravel(cards, [worker], settings).legs
  const drives = cards.flatMap((c) => [legs.get(c.id)?.before, legs.get(c.id)?.after]).filter((l): l is TravelLeg => !!l)
  const driveMinutes = drives.reduce((sum, l) => sum + (l.minutes ?? 0), 0)
  const km = drives.reduce((sum, l) => sum + (l.km ?? 0), 0)
  const unknown = drives.filter((l) => l.minutes === null).length
  const home = cards.length ? legs.get(cards[cards.length - 1]!.id)?.after : undefined
  const booked = cards.reduce((sum, c) => sum + (c.end - c.start), 0)
  const first = cards[0]
  const last = cards.reduce((m, c) => Math.max(m, c.end), 0)

  const content: Content[] = [
    facts([
      [t('documents.daySheet.technician'), `${worker.name} (${worker.number})`],
      [t('documents.order.date'), f.date(i.date)],
      [t('documents.daySheet.phone'), worker.phone]
    ]),
    cards.length
      ? visitsTable(cards, legs, extras, skillNameMap(ctx), locale)
      : { stack: [label(t('documents.daySheet.visits')), { text: t('documents.daySheet.nothingPlanned'), color: MUTED }] },
    ...(home ? [{ text: legText(locale, home), color: MUTED, fontSize: 8, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
    totals([
      [t('documents.daySheet.visits'), String(cards.length)],
      [t('documents.daySheet.day'), first ? `${f.time(first.start)}–${f.time(last)}` : '—'],
      [t('documents.daySheet.driving'), hours(driveMinutes * 60_000)],
      [t('documents.daySheet.kilometres'), t('documents.daySheet.km', { km: f.number(Math.round(km * 10) / 10, 1) })],
      ...(unknown > 0 ? [[t('documents.daySheet.legsUnknown'), String(unknown)] as [string, string]] : []),
      [t('documents.daySheet.booked'), hours(booked)]
    ])
  ]
  const doc = documentFrame({
    settings,
    locale,
    title: t('documents.daySheet.title'),
    number: f.date(i.date),
    subtitle: [worker.name],
    content
  })
  const bytes = await renderPdf(doc)
  return { fileName: `day-sheet-${fileSafe(worker.number)}-${i.date}.pdf`, contentBase64: bytes.toString('base64') }
}
