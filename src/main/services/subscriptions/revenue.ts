import type { ParsedInput } from '@shared/api/contract'
import { addDays, addMonths, daysBetween } from '@shared/recurrence'
import { divideRounded, type RevenueReport } from '@shared/domain/subscriptions'
import type { ServiceContext } from '../core/context'
import { invalid } from '../core/errors'

/** At most ten years of months in one report. */
const MAX_MONTHS = 120

/**
 * Recognised vs deferred subscription revenue by month (net cents). Invoiced and credited: fee lines of
 * invoices and credit notes dated in the month. Recognised: schedule rows (reversals included) recognised
 * in the month. Deferred: everything invoiced less credited less recognised up to the month's end.
 * MRR: the fees' service-period value falling in the month (each fee less its credits, spread by day);
 * ARR is twelve times it.
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
  return {
    months: months.map((m) => {
      const inv = invoicedIn.get(m) ?? 0
      const cr = creditedIn.get(m) ?? 0
      const rc = recognisedIn.get(m) ?? 0
      invoiced += inv
      credited += cr
      recog += rc
      return { month: m, invoiced: inv, credited: cr, recognised: rc, deferred: invoiced - credited - recog, mrr: mrr.get(m) ?? 0 }
    })
  }
}
