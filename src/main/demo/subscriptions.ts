import { DateTime } from 'luxon'
import type { PeriodCode } from '@shared/domain/subscriptions'
import { addDays, addMonths } from '@shared/recurrence'
import type { Connection } from '../db/connection'
import { loadSessionUser } from '../services/auth/sessions'
import { createContext, type ServiceContext } from '../services/core/context'
import { recordPayment } from '../services/invoices/payments'
import { creditFee, groupUpdate, invoiceFees, reduceDays, reducePrice } from '../services/subscriptions/billing'
import { runFeeGeneration } from '../services/subscriptions/generate'
import { subscriptionService } from '../services/subscriptions/records'
import { subscriptionGroupService, subscriptionPriceService } from '../services/subscriptions/setup'
import { Random } from './random'

export interface DemoSubscriptionCounts {
  groups: number
  subscriptions: number
  fees: number
  invoices: number
  creditNotes: number
}

interface PlannedGroup {
  code: string
  name: string
  invoicingPeriod: PeriodCode
  accrualPeriod: PeriodCode | null
  /** Base price range, cents. */
  price: [number, number]
}

const GROUPS: PlannedGroup[] = [
  { code: 'KAUGSEIRE', name: 'Kaugseire, igakuine', invoicingPeriod: 'month', accrualPeriod: null, price: [2900, 8900] },
  { code: 'HOOLDUS', name: 'Hoolduspakett, kvartaalne', invoicingPeriod: 'quarter', accrualPeriod: 'month', price: [18000, 42000] },
  { code: 'LIFT', name: 'Lifti korraline ülevaatus, aastane', invoicingPeriod: 'year', accrualPeriod: 'month', price: [48000, 96000] }
]

interface PlannedSubscription {
  group: number
  customerId: number
  serviceObjectIds: number[]
  basePrice: number
  startDate: string
  endDate: string | null
}

/**
 * Subscriptions of the past year, planned from the seeded generator and then lived through month by month
 * with the subscription services at that month's clock: fees generated on the 1st, invoiced and paid while
 * the month lies before the order history (so invoice numbers keep following invoice dates, the order
 * invoices come after), left waiting to be invoiced inside it. On the way: an indexation of the monthly
 * group, a price change by a subscription's own price row, removed days, a price reduction and a credit.
 */
export function generateSubscriptions(
  conn: Connection,
  o: { seed: number; scale: number; today: string; historyStart: string; managerId: number | null }
): DemoSubscriptionCounts {
  const none = { groups: 0, subscriptions: 0, fees: 0, invoices: 0, creditNotes: 0 }
  const s = conn.sqlite
  const user = o.managerId === null ? null : loadSessionUser(conn.db, o.managerId)
  if (!user) return none
  const zone = s.prepare('select time_zone from settings where id = 1').pluck().get() as string
  let clock = 0
  const at = (date: string) => (clock = DateTime.fromISO(date, { zone }).set({ hour: 12 }).toMillis())
  const ctx: ServiceContext = createContext(conn, { ...user, roles: ['serviceManager'] }, { userId: user.id }, () => clock)

  // Estonian customers only: their invoices carry the standard VAT rate, as most of the demo's do.
  const customerIds = s.prepare("select id from customers where country = 'EE' order by id").pluck().all() as number[]
  const objectsOf = s.prepare('select id from service_objects where customer_id = ? and parent_id is null order by id').pluck()
  const rnd = new Random(o.seed + 18)
  const thisMonth = `${o.today.slice(0, 7)}-01`
  const first = addMonths(thisMonth, -11)
  const count = Math.min(customerIds.length, Math.max(9, Math.round(9 * Math.sqrt(o.scale))))
  const step = customerIds.length / count
  const plan: PlannedSubscription[] = []
  for (let n = 0; n < count; n++) {
    const group = n % GROUPS.length
    const g = GROUPS[group]!
    const customerId = customerIds[Math.floor(n * step)]!
    const objects = objectsOf.all(customerId) as number[]
    // Some start on the 1st, some part-way through a month (a first fee for the days only); one has ended.
    const startDate = addDays(addMonths(first, rnd.int(0, 3)), rnd.chance(0.5) ? 0 : rnd.int(3, 20))
    plan.push({
      group,
      customerId,
      serviceObjectIds: objects.slice(0, rnd.int(1, Math.min(3, Math.max(1, objects.length)))),
      basePrice: Math.round(rnd.int(g.price[0], g.price[1]) / 100) * 100,
      startDate,
      endDate: n === 3 ? addDays(addMonths(thisMonth, -2), 14) : null
    })
  }

  at(first)
  const groupIds = GROUPS.map(
    (g) =>
      subscriptionGroupService.create(ctx, {
        code: g.code,
        name: g.name,
        invoicingPeriod: g.invoicingPeriod,
        accrue: g.accrualPeriod !== null,
        accrualPeriod: g.accrualPeriod,
        numberSequence: ''
      }).id
  )
  const subs = plan.map((p, n) =>
    subscriptionService.create(ctx, {
      number: '',
      name: GROUPS[p.group]!.name,
      customerId: p.customerId,
      agreementId: null,
      groupId: groupIds[p.group]!,
      categoryId: null,
      currency: 'EUR',
      basePrice: p.basePrice,
      priceIndex: 10000,
      startDate: p.startDate,
      endDate: p.endDate,
      active: true,
      serviceObjectIds: p.serviceObjectIds,
      note: n === 3 ? 'Leping lõpetatud kliendi soovil.' : ''
    })
  )
  // A price change: the second quarterly subscription gets its own price from the quarter half a year ago.
  const changed = subs.find((_, n) => n > 1 && plan[n]!.group === 1)
  const priceFrom = addMonths(thisMonth, -6 - ((Number(thisMonth.slice(5, 7)) - 1) % 3))
  if (changed)
    subscriptionPriceService.create(ctx, {
      periodCode: 'quarter',
      currency: 'EUR',
      subscriptionId: changed.id,
      customerId: null,
      categoryId: null,
      validFrom: priceFrom,
      validTo: null,
      amount: changed.basePrice + 4500
    })

  const feeIdsOf = s.prepare(
    `select f.id, s.customer_id as customerId from subscription_fees f join subscriptions s on s.id = f.subscription_id
     where f.invoice_line_id is null order by s.customer_id, f.id`
  )
  const openFee = s
    .prepare(
      "select id from subscription_fees where subscription_id = ? and kind in ('regular','nonRegular') and invoice_line_id is null order by period_start limit 1"
    )
    .pluck()
  const counts = { ...none, groups: GROUPS.length, subscriptions: subs.length }
  let reduced = false
  for (let month = first, n = 0; month <= thisMonth; month = addMonths(month, 1), n++) {
    at(month)
    // The index of the monthly group rises by 3.5 % half-way through the year, for the fees still to come.
    if (n === 6) groupUpdate(ctx, { groupId: groupIds[0]!, field: 'priceIndex', mode: 'percent', value: 350, apply: true })
    runFeeGeneration(ctx, { to: month, groupId: null, subscriptionId: null })
    // Five days without monitoring (a broken link) in the first monthly subscription's fee of the month…
    if (n === 4) reduceDays(ctx, { subscriptionId: subs[0]!.id, from: addDays(month, 9), to: addDays(month, 13) })
    // …and a tenth off the first quarterly subscription's next fee, a goodwill reduction.
    const fee = n >= 4 && !reduced ? (openFee.get(subs[1]!.id) as number | undefined) : undefined
    if (fee !== undefined) {
      reducePrice(ctx, { feeId: fee, percent: 1000, amount: null })
      reduced = true
    }
    if (month >= o.historyStart) continue
    const open = feeIdsOf.all() as { id: number; customerId: number }[]
    const byCustomer = new Map<number, number[]>()
    for (const f of open) byCustomer.set(f.customerId, [...(byCustomer.get(f.customerId) ?? []), f.id])
    const made = [...byCustomer].map(([customerId, feeIds]) => {
      counts.invoices++
      return invoiceFees(ctx, { customerId, feeIds, invoiceDate: month, requestKey: `demo-subscriptions-${month}-${customerId}` })
    })
    // Paid in the days before they fall due (each at its own clock), unless that is inside the order history.
    for (const inv of made) {
      const paidOn = addDays(inv.dueDate, -rnd.int(0, 5))
      if (paidOn >= o.historyStart) continue
      at(paidOn)
      recordPayment(ctx, { invoiceId: inv.id, date: paidOn, amount: inv.grossTotal, method: 'bank', note: '' })
    }
    // Half of a monitoring fee of the first subscription credited after a complaint, its recognition reversed
    // with it (the default: automatically).
    const complaint = n >= 2 && counts.creditNotes === 0 ? invoicedFee(s, subs[0]!.id, month) : null
    if (complaint) {
      const date = addDays(month, 20)
      at(date)
      creditFee(ctx, {
        feeId: complaint.id,
        amount: Math.floor(complaint.amount / 2),
        invoiceDate: date,
        note: 'Kaugseire katkestus, hüvitis.',
        requestKey: `demo-subscriptions-credit-${complaint.id}`
      })
      counts.creditNotes++
    }
  }
  counts.fees = s.prepare('select count(*) from subscription_fees').pluck().get() as number
  return counts
}

function invoicedFee(s: Connection['sqlite'], subscriptionId: number, month: string): { id: number; amount: number } | null {
  return (
    (s
      .prepare(
        "select id, amount from subscription_fees where subscription_id = ? and period_start = ? and kind in ('regular','nonRegular') and invoice_line_id is not null"
      )
      .get(subscriptionId, month) as { id: number; amount: number } | undefined) ?? null
  )
}
