import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import { addDays, addMonths, daysBetween } from '@shared/recurrence'
import {
  daysIn,
  divideRounded,
  monthlyEquivalent,
  mrrMovements,
  nextPeriodStart,
  periodOf,
  periodStart,
  type RevenueReport,
  type RevenueRow
} from '@shared/domain/subscriptions'
import { lineAmount } from '@shared/domain/orderRules'
import type { Sqlite } from '../../db/connection'
import type { ServiceContext } from '../core/context'
import { invalid } from '../core/errors'
import { loadPrices, periodPrice, type SubRecord } from './generate'

/** At most ten years of months in one report. */
const MAX_MONTHS = 120
const FORECAST_MONTHS = 12
/** The months whose other (not agreement) service-order revenue is averaged for the forecast. */
const TRAILING_MONTHS = 12

interface Terms extends SubRecord {
  active: number
}

/**
 * The subscriptions' contracted prices (docs/adr/0013-subscriptions.md, "MRR movements and forecast"). A
 * subscription is under contract on a day inside its start and end date while it is active, or, once
 * deactivated, on the days its fees already cover. Its price there is the regular fee made for that invoicing
 * period (what was charged, whatever changed since), else the price the generator would take (the most
 * specific valid sales price, else the indexed base price) — known future price changes included. One-off
 * reductions and credits are not contract terms and move neither.
 */
class Contracts {
  private readonly subs: Terms[]
  private readonly prices
  private readonly regular = new Map<string, number>()
  private readonly made = new Set<string>()

  constructor(sqlite: Sqlite, groupId: number | null) {
    this.subs = sqlite
      .prepare(
        `select s.id, s.number, s.customer_id as customerId, s.category_id as categoryId, s.currency, s.base_price as basePrice,
          s.price_index as priceIndex, s.start_date as startDate, s.end_date as endDate, s.active, g.invoicing_period as periodCode
         from subscriptions s join subscription_groups g on g.id = s.group_id
         where (? is null or s.group_id = ?) order by s.id`
      )
      .all(groupId, groupId) as Terms[]
    this.prices = loadPrices(sqlite)
    const fees = sqlite
      .prepare(
        `select f.subscription_id, f.period_start, f.kind, f.amount from subscription_fees f join subscriptions s on s.id = f.subscription_id
         where f.kind in ('regular','nonRegular') and (? is null or s.group_id = ?)`
      )
      .raw()
      .all(groupId, groupId) as [number, string, string, number][]
    for (const [sub, start, kind, amount] of fees) {
      this.made.add(`${sub}|${start}`)
      if (kind === 'regular') this.regular.set(`${sub}|${start}`, amount)
    }
  }

  /** The full-period price of the invoicing period starting on `start`, or null when not under contract then. */
  private price(s: Terms, start: string): number | null {
    const key = `${s.id}|${start}`
    if (!s.active && !this.made.has(key)) return null
    return this.regular.get(key) ?? periodPrice(this.prices, s, start)
  }

  private covers(s: Terms, day: string): boolean {
    return s.startDate <= day && (s.endDate === null || s.endDate >= day)
  }

  /** Contracted MRR per subscription on a day: its period's price as a month's worth; subscriptions without any left out. */
  mrrOn(day: string): Map<number, number> {
    const out = new Map<number, number>()
    for (const s of this.subs) {
      if (!this.covers(s, day)) continue
      const price = this.price(s, periodStart(s.periodCode, day))
      const mrr = price === null ? 0 : monthlyEquivalent(s.periodCode, price)
      if (mrr > 0) out.set(s.id, mrr)
    }
    return out
  }

  /** Subscription revenue of the days `from`–`to` by the contract: each period's price spread by day over it. */
  revenue(from: string, to: string): number {
    let total = 0
    for (const s of this.subs) {
      const a = s.startDate > from ? s.startDate : from
      const b = s.endDate !== null && s.endDate < to ? s.endDate : to
      for (let p = periodStart(s.periodCode, a); p <= b; p = nextPeriodStart(s.periodCode, p)) {
        const price = this.price(s, p)
        if (price === null) continue
        const period = periodOf(s.periodCode, p)
        const x = period.start > a ? period.start : a
        const y = period.end < b ? period.end : b
        total += divideRounded(price * (daysBetween(x, y) + 1), daysIn(period))
      }
    }
    return total
  }
}

const monthEnd = (m: string) => addDays(addMonths(`${m}-01`, 1), -1)

/**
 * Service-order revenue (docs/adr/0013-subscriptions.md, "Service-order revenue"), company-wide whatever the
 * subscription group. Actual: the net amounts of service-order lines on invoices and credit notes dated in the
 * month (credit notes negative). Forecast per month: the sales amounts of the lines of agreement orders not yet
 * invoiced or cancelled whose scheduled date (else occurrence date) falls in it, plus the average of the other
 * orders' actual revenue over the report's last twelve months.
 */
function serviceOrderRevenue(sqlite: Sqlite, months: string[], forecast: string[]) {
  const last = months.at(-1)!
  const trailingFrom = addMonths(`${last}-01`, 1 - TRAILING_MONTHS)
  const from = trailingFrom < `${months[0]!}-01` ? trailingFrom : `${months[0]!}-01`
  const invoiced = sqlite
    .prepare(
      `select substr(inv.invoice_date, 1, 7) as month, o.origin = 'agreement' as agreement, sum(l.net_amount) as net
       from invoice_lines l join invoices inv on inv.id = l.invoice_id
       join service_order_lines ol on ol.id = l.order_line_id join service_orders o on o.id = ol.order_id
       where l.source = 'orderLine' and inv.invoice_date between ? and ?
       group by 1, 2`
    )
    .all(from, monthEnd(last)) as { month: string; agreement: number; net: number }[]
  const actual = new Map<string, number>()
  let trailing = 0
  for (const r of invoiced) {
    actual.set(r.month, (actual.get(r.month) ?? 0) + r.net)
    if (!r.agreement && r.month >= trailingFrom.slice(0, 7)) trailing += r.net
  }
  const planned = sqlite
    .prepare(
      `select substr(coalesce(l.scheduled_date, l.occurrence_date), 1, 7) as month, l.quantity, l.unit_price
       from service_orders o join service_order_lines l on l.order_id = o.id
       where o.origin = 'agreement' and o.progress != 'cancelled' and o.is_template = 0
         and l.status != 'cancelled' and l.invoice_id is null
         and coalesce(l.scheduled_date, l.occurrence_date) between ? and ?`
    )
    .raw()
    .all(`${forecast[0]!}-01`, monthEnd(forecast.at(-1)!)) as [string, number, number][]
  const agreementOrders = new Map<string, number>()
  for (const [month, quantity, price] of planned)
    agreementOrders.set(month, (agreementOrders.get(month) ?? 0) + lineAmount(quantity, price))
  return { actual, agreementOrders, otherOrders: divideRounded(trailing, TRAILING_MONTHS) }
}

/**
 * Recognised vs deferred subscription revenue by month (net cents). Invoiced and credited: fee lines of
 * invoices and credit notes dated in the month. Recognised: schedule rows (reversals included) recognised
 * in the month. Deferred: everything invoiced less credited less recognised up to the month's end.
 * MRR: the fees' service-period value falling in the month (each fee less its credits, spread by day);
 * ARR is twelve times it. Contracted MRR, its movements and the forecast: `Contracts` above. Service-order
 * revenue beside it: `serviceOrderRevenue` above.
 */
export function revenueReport(ctx: ServiceContext, i: ParsedInput<'subscriptions.revenue'>): RevenueReport {
  if (i.to < i.from) throw invalid(['to'], 'validation.endBeforeStart')
  const first = `${i.from.slice(0, 7)}-01`
  const months: string[] = []
  for (let m = first; m <= i.to; m = addMonths(m, 1)) {
    months.push(m.slice(0, 7))
    if (months.length > MAX_MONTHS) throw invalid(['to'], 'errors.subscriptions.tooManyMonths', { maximum: MAX_MONTHS })
  }
  const sqlite = ctx.conn.sqlite
  const group = i.groupId
  const inGroup = `(? is null or s.group_id = ?)`
  const lines = sqlite
    .prepare(
      `select substr(inv.invoice_date, 1, 7) as month, inv.kind as kind, sum(l.net_amount) as net
       from invoice_lines l join invoices inv on inv.id = l.invoice_id
       join subscription_fees f on f.id = l.subscription_fee_id join subscriptions s on s.id = f.subscription_id
       where l.source = 'subscriptionFee' and inv.invoice_date <= ? and ${inGroup}
       group by 1, 2`
    )
    .all(addDays(addMonths(`${months.at(-1)!}-01`, 1), -1), group, group) as { month: string; kind: string; net: number }[]
  const recognised = sqlite
    .prepare(
      `select substr(r.recognize_on, 1, 7) as month, sum(r.amount) as amount
       from subscription_recognition r join subscription_fees f on f.id = r.fee_id join subscriptions s on s.id = f.subscription_id
       where ${inGroup} group by 1`
    )
    .all(group, group) as { month: string; amount: number }[]
  const fees = sqlite
    .prepare(
      `select f.from_date as f, f.to_date as t, f.amount - f.credited_amount as net
       from subscription_fees f join subscriptions s on s.id = f.subscription_id
       where f.to_date >= ? and f.from_date <= ? and ${inGroup}`
    )
    .raw()
    .all(first, i.to, group, group) as [string, string, number][]

  const invoicedIn = new Map<string, number>()
  const creditedIn = new Map<string, number>()
  for (const l of lines) {
    // Credit note lines are negative: the report shows what was credited as a positive amount.
    if (l.kind === 'invoice') invoicedIn.set(l.month, l.net)
    else creditedIn.set(l.month, -l.net)
  }
  const recognisedIn = new Map(recognised.map((r) => [r.month, r.amount]))
  const mrr = new Map<string, number>()
  for (const [from, to, net] of fees) {
    const days = daysBetween(from, to) + 1
    for (const m of months) {
      const start = `${m}-01`
      const end = addDays(addMonths(start, 1), -1)
      const a = from > start ? from : start
      const b = to < end ? to : end
      if (a > b) continue
      mrr.set(m, (mrr.get(m) ?? 0) + divideRounded(net * (daysBetween(a, b) + 1), days))
    }
  }
  // Running totals start with everything before the first month.
  const sumBefore = (map: Map<string, number>, m: string) => [...map].filter(([k]) => k < m).reduce((s, [, v]) => s + v, 0)
  let invoiced = sumBefore(invoicedIn, months[0]!)
  let credited = sumBefore(creditedIn, months[0]!)
  let recog = sumBefore(recognisedIn, months[0]!)
  const contracts = new Contracts(sqlite, group)
  let before = contracts.mrrOn(monthEnd(addMonths(`${months[0]!}-01`, -1).slice(0, 7)))
  const movements = new Map(
    months.map((m) => {
      const after = contracts.mrrOn(monthEnd(m))
      const moved = { contractedMrr: [...after.values()].reduce((s, v) => s + v, 0), ...mrrMovements(before, after) }
      before = after
      return [m, moved]
    })
  )
  const forecastMonths = Array.from({ length: FORECAST_MONTHS }, (_, k) => addMonths(`${months.at(-1)!}-01`, k + 1).slice(0, 7))
  const orders = serviceOrderRevenue(sqlite, months, forecastMonths)
  const forecast = forecastMonths.map((month) => {
    const start = `${month}-01`
    const end = monthEnd(month)
    const mrrs = contracts.mrrOn(end)
    return {
      month,
      revenue: contracts.revenue(start, end),
      contractedMrr: [...mrrs.values()].reduce((s, v) => s + v, 0),
      agreementOrders: orders.agreementOrders.get(month) ?? 0,
      otherOrders: orders.otherOrders
    }
  })
  return {
    forecast,
    months: months.map((m) => {
      const inv = invoicedIn.get(m) ?? 0
      const cr = creditedIn.get(m) ?? 0
      const rc = recognisedIn.get(m) ?? 0
      invoiced += inv
      credited += cr
      recog += rc
      return {
        month: m,
        invoiced: inv,
        credited: cr,
        recognised: rc,
        deferred: invoiced - credited - recog,
        mrr: mrr.get(m) ?? 0,
        serviceOrders: orders.actual.get(m) ?? 0,
        ...movements.get(m)!
      }
    })
  }
}

/** The report as CSV rows: its months, then the forecast months (see `revenueRow`). */
export function revenueRows(ctx: ServiceContext, i: ParsedInput<'subscriptions.revenue'>): RevenueRow[] {
  const report = revenueReport(ctx, i)
  const none = { forecastRevenue: null, agreementOrders: null, otherOrders: null }
  return [
    ...report.months.map((m) => ({ ...m, ...none, period: 'actual' as const })),
    ...report.forecast.map((m) => ({
      month: m.month,
      period: 'forecast' as const,
      invoiced: null,
      credited: null,
      recognised: null,
      deferred: null,
      mrr: null,
      contractedMrr: m.contractedMrr,
      newMrr: null,
      expansionMrr: null,
      contractionMrr: null,
      churnedMrr: null,
      forecastRevenue: m.revenue,
      serviceOrders: null,
      agreementOrders: m.agreementOrders,
      otherOrders: m.otherOrders
    }))
  ]
}

/** The rows as the list method answers them: one page with all of them (at most ten years and twelve months). */
export function listRevenueRows(ctx: ServiceContext, i: ParsedInput<'subscriptionRevenue.list'>): Page<RevenueRow> {
  const rows = revenueRows(ctx, i)
  return { rows, total: rows.length, page: 1, pageSize: rows.length }
}
