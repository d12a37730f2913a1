import { DateTime } from 'luxon'
import type { Connection } from '../db/connection'
import { createContext, type ServiceContext } from '../services/core/context'
import { loadSessionUser } from '../services/auth/sessions'
import { cancelReturn, createFromInvoices, dispose, registerArrival, shipBack } from '../services/returns/write'
import { rmaDeadline, type DispositionAction, type ReturnRow } from '@shared/domain/returns'
import { Random } from './random'

export interface DemoReturnCounts {
  returns: number
}

/**
 * What happens to each planned return, in turn, so that every state and every disposition is there: created,
 * partly arrived, in quarantine, cancelled, each disposition carried out, a repair shipped back.
 */
const STORIES = [
  'created',
  'partial',
  'quarantine',
  'cancelled',
  'creditOnly',
  'credit',
  'replaceCredit',
  'replaceScrap',
  'returnToCustomer',
  'scrap',
  'repairReturn',
  'repairShipped'
] as const
type Story = (typeof STORIES)[number]

interface PlannedReturn {
  invoiceLineId: number
  customerId: number
  createdDate: string
  quantity: number
  story: Story
}

/**
 * Plans returns of invoiced parts (not hours) from the seeded generator — which lines, how many units, what
 * happens — then writes them through the returns services as the service manager, so that credit notes,
 * replacement orders, stock movements and the timeline are the ones the app would make.
 */
export function generateReturns(
  conn: Connection,
  o: { seed: number; scale: number; today: string; managerId: number | null }
): DemoReturnCounts {
  const s = conn.sqlite
  // "Now" is noon of the demo date in the shop's time zone, as for the orders.
  const zone = s.prepare('select time_zone from settings where id = 1').pluck().get() as string
  const now = DateTime.fromISO(o.today, { zone }).set({ hour: 12 }).toMillis()
  const user = o.managerId === null ? null : loadSessionUser(conn.db, o.managerId)
  if (!user) return { returns: 0 }
  const ctx: ServiceContext = createContext(conn, { ...user, roles: ['serviceManager'] }, { userId: user.id }, () => now)
  const reasons = s.prepare('select id from return_reasons order by id').pluck().all() as number[]
  const codes = new Map(
    (s.prepare('select action, id from disposition_codes order by id').all() as { action: DispositionAction; id: number }[]).map((c) => [
      c.action,
      c.id
    ])
  )
  const lines = s
    .prepare(
      `select l.id, l.quantity, i.customer_id as customerId, i.invoice_date as invoiceDate from invoice_lines l join invoices i on i.id = l.invoice_id
       where i.kind = 'invoice' and l.type = 'item' and l.quantity >= 1000 and i.invoice_date <= ? order by l.id`
    )
    .all(o.today) as { id: number; quantity: number; customerId: number; invoiceDate: string }[]
  const rnd = new Random(o.seed + 16)
  // At least two of every story, so that even the smallest demo shows each state and disposition.
  const wanted = Math.min(lines.length, Math.max(2 * STORIES.length, Math.round(10 * o.scale ** 0.75)))
  const step = wanted === 0 ? 1 : lines.length / wanted
  const plan: PlannedReturn[] = []
  for (let n = 0; n < wanted; n++) {
    const line = lines[Math.floor(n * step)]!
    const created = rmaDeadline(line.invoiceDate, rnd.int(1, 20))
    plan.push({
      invoiceLineId: line.id,
      customerId: line.customerId,
      createdDate: created > o.today ? o.today : created,
      quantity: Math.max(1000, Math.floor(line.quantity / 1000 / (rnd.chance(0.5) ? 2 : 1)) * 1000),
      story: STORIES[n % STORIES.length]!
    })
  }
  for (const p of plan) {
    let r: ReturnRow = createFromInvoices(ctx, {
      customerId: p.customerId,
      contactId: null,
      siteId: null,
      reasonId: reasons[rnd.int(0, reasons.length - 1)]!,
      createdDate: p.createdDate,
      note: '',
      lines: [{ invoiceLineId: p.invoiceLineId, quantity: p.quantity, dispositionId: null }]
    })
    const line = () => r.lines[0]!
    const arrive = (quantity: number, quarantine: boolean) =>
      (r = registerArrival(ctx, { lineId: line().id, version: line().version, quantity, quarantine, dispositionId: null }))
    const act = (action: DispositionAction) =>
      (r = dispose(ctx, {
        lineId: line().id,
        version: line().version,
        dispositionId: codes.get(action)!,
        note: '',
        date: p.createdDate,
        replacementItemId: null,
        newSerial: ''
      }))
    switch (p.story) {
      case 'created':
        break
      case 'partial':
        arrive(p.quantity > 1000 ? 1000 : p.quantity, false)
        break
      case 'quarantine':
        arrive(p.quantity, true)
        break
      case 'cancelled':
        cancelReturn(ctx, { id: r.id, version: r.version })
        break
      case 'creditOnly':
        act('creditOnly')
        break
      case 'repairShipped':
        arrive(p.quantity, false)
        act('repairReturn')
        shipBack(ctx, { lineId: line().id, version: line().version, date: p.createdDate, note: '' })
        break
      default:
        arrive(p.quantity, p.story === 'scrap')
        act(p.story)
    }
  }
  return { returns: plan.length }
}
