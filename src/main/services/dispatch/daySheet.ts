/**
 * A technician's day sheet: the day's visits in time order with everything needed on the road (address,
 * whom to call, what to do, on which equipment), to print or send the evening before.
 */
import type { Content } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import { ASSIGNMENT_STATUS_LABELS } from '@shared/domain/dispatch'
import { PRIORITY_LABELS } from '@shared/domain/orders'
import type { Settings } from '@shared/domain/system'
import { dayStart, formatInstant } from '@shared/time'
import { requirePermission, type ServiceContext } from '../core/context'
import { forbidden, notFound } from '../core/errors'
import { fileSafe, documentFrame, facts, label, MUTED, orNone, rowsTable, totals, withNote } from '../documents/layout'
import { formatDate } from '../documents/format'
import { renderPdf } from '../documents/pdf'
import type { PdfFile } from '../documents/downloads'
import { loadSettings } from '../settings/settings'
import { addDays, ownWorkerOnly } from './board'
import { type Card, Calendars, loadCards, loadWorkers, skillNameMap } from './read'

interface VisitExtras {
  contact: string
  objects: string
  notes: string
}

/** Whom to call (the order's contact, else the customer's phone), the equipment and the notes of each order. */
function loadExtras(ctx: ServiceContext, orderIds: number[]): Map<number, VisitExtras> {
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
      { contact: r.contact, objects: r.objects, notes: [r.access && `Access: ${r.access}`, r.notes].filter(Boolean).join('\n') }
    ])
  )
}

const time = (ms: number, tz: string): string => formatInstant(ms, tz).slice(11)

function visitsTable(cards: Card[], extras: Map<number, VisitExtras>, skillNames: Map<number, string>, s: Settings): Content {
  const tz = s.timeZone
  return rowsTable(
    [
      { header: 'Time', width: 52 },
      { header: 'Order', width: 70 },
      { header: 'Customer and address', width: 130 },
      { header: 'Work', width: '*' }
    ],
    cards.map((c) => {
      const x = extras.get(c.orderId)!
      const skills = c.requiredSkillIds.map((id) => skillNames.get(id) ?? `#${id}`).join(', ')
      const work: Content[] = [
        { text: c.description },
        ...(c.taskNames ? [{ text: `Tasks: ${c.taskNames}` }] : []),
        ...(x.objects ? [{ text: `Objects: ${x.objects}` }] : []),
        ...(skills ? [{ text: `Skills: ${skills}`, color: MUTED }] : []),
        ...(x.notes ? [{ text: x.notes, color: MUTED, fontSize: 8 }] : []),
        ...(c.note ? [{ text: c.note, color: MUTED, fontSize: 8 }] : [])
      ]
      return [
        { text: `${time(c.start, tz)}–${time(c.end, tz)}`, noWrap: true },
        withNote(c.orderNumber, `${PRIORITY_LABELS[c.priority]} · ${ASSIGNMENT_STATUS_LABELS[c.status]}`),
        {
          stack: [
            { text: c.customerName, bold: true },
            orNone(c.address),
            ...(x.contact ? [{ text: `Call: ${x.contact}`, color: MUTED }] : [])
          ]
        },
        { stack: work }
      ]
    }),
    'Visits'
  )
}

const hours = (ms: number): string => `${(Math.round(ms / 360_000) / 10).toLocaleString('et-EE')} h`

export async function daySheet(ctx: ServiceContext, i: ParsedInput<'dispatch.daySheet'>): Promise<PdfFile> {
  const user = requirePermission(ctx, 'orders.read')
  const own = ownWorkerOnly(user)
  if (own !== null && own !== i.workerId) {
    throw forbidden(user.workerId === null ? 'errors.notLinkedToWorker' : 'errors.dispatch.ownDaySheet')
  }
  const settings = loadSettings(ctx.db)
  const tz = settings.timeZone
  const worker = loadWorkers(ctx, new Calendars(settings), [i.workerId])[0]
  if (!worker) throw notFound('worker')
  const from = dayStart(i.date, tz)
  const cards = loadCards(ctx, from, dayStart(addDays(i.date, 1), tz), ctx.now(), i.workerId).sort(
    (a, b) => a.start - b.start || a.id - b.id
  )
  const extras = loadExtras(ctx, [...new Set(cards.map((c) => c.orderId))])
  const booked = cards.reduce((sum, c) => sum + (c.end - c.start), 0)
  const first = cards[0]
  const last = cards.reduce((m, c) => Math.max(m, c.end), 0)

  const content: Content[] = [
    facts([
      ['Technician', `${worker.name} (${worker.number})`],
      ['Date', formatDate(i.date)],
      ['Phone', worker.phone]
    ]),
    cards.length
      ? visitsTable(cards, extras, skillNameMap(ctx), settings)
      : { stack: [label('Visits'), { text: 'Nothing planned for this day.', color: MUTED }] },
    totals([
      ['Visits', String(cards.length)],
      ['Day', first ? `${time(first.start, tz)}–${time(last, tz)}` : '—'],
      ['Booked', hours(booked)]
    ])
  ]
  const doc = documentFrame({ settings, title: 'Day sheet', number: formatDate(i.date), subtitle: [worker.name], content })
  const bytes = await renderPdf(doc)
  return { fileName: `day-sheet-${fileSafe(worker.number)}-${i.date}.pdf`, contentBase64: bytes.toString('base64') }
}
