import { z } from 'zod'
import { addDays, addMonths, daysBetween, weekday } from '../recurrence'
import { code, id, isoDate, money, optionalDate, optionalText, requiredText, version } from './primitives'
import { requestKey } from './orders'

/* ---------- period math (pure; calendar dates 'YYYY-MM-DD', periods inclusive of both ends) ---------- */

export const PERIOD_CODES = ['day', 'week', 'month', 'quarter', 'halfYear', 'year'] as const
export type PeriodCode = (typeof PERIOD_CODES)[number]

/** Months per period for the month-based codes. */
const MONTHS: Partial<Record<PeriodCode, number>> = { month: 1, quarter: 3, halfYear: 6, year: 12 }

/**
 * Accrual periods an invoicing period allows (the reference: a year accrues by year, quarter, month or day; a
 * quarter by quarter, month or day; a month by month or day; a week or a day by day). A half-year is not in the
 * reference; it follows the same rule: itself or any calendar period that divides it.
 */
export const ACCRUAL_PERIODS: Record<PeriodCode, readonly PeriodCode[]> = {
  year: ['year', 'quarter', 'month', 'day'],
  halfYear: ['halfYear', 'quarter', 'month', 'day'],
  quarter: ['quarter', 'month', 'day'],
  month: ['month', 'day'],
  week: ['day'],
  day: ['day']
}

export function accrualAllowed(invoicing: PeriodCode, accrual: PeriodCode): boolean {
  return ACCRUAL_PERIODS[invoicing].includes(accrual)
}

export interface Period {
  start: string
  end: string
}

/** The first day of the period of `code` that holds `date`: Monday for weeks, calendar boundaries otherwise. */
export function periodStart(code: PeriodCode, date: string): string {
  if (code === 'day') return date
  if (code === 'week') return addDays(date, -weekday(date))
  const months = MONTHS[code]!
  const month0 = Number(date.slice(5, 7)) - 1
  const first = month0 - (month0 % months) + 1
  return `${date.slice(0, 4)}-${String(first).padStart(2, '0')}-01`
}

/** The first day of the next period, given the first day of one. */
export function nextPeriodStart(code: PeriodCode, start: string): string {
  if (code === 'day') return addDays(start, 1)
  if (code === 'week') return addDays(start, 7)
  return addMonths(start, MONTHS[code]!)
}

/** How many periods of `code` lie from the period starting `first` to the one starting `last` (both period starts). */
export function periodsBetween(code: PeriodCode, first: string, last: string): number {
  if (code === 'day') return daysBetween(first, last)
  if (code === 'week') return daysBetween(first, last) / 7
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7))
  return months / MONTHS[code]!
}

/** The number of fee periods `feePeriods` gives, without listing them. */
export function feePeriodCount(code: PeriodCode, sub: { start: string; end: string | null }, upTo: string): number {
  const bound = sub.end !== null && sub.end < upTo ? sub.end : upTo
  if (bound < sub.start) return 0
  return periodsBetween(code, periodStart(code, sub.start), periodStart(code, bound)) + 1
}

export function periodOf(code: PeriodCode, date: string): Period {
  const start = periodStart(code, date)
  return { start, end: addDays(nextPeriodStart(code, start), -1) }
}

/** Days from `start` to `end`, both included. */
export function daysIn(p: Period): number {
  return daysBetween(p.start, p.end) + 1
}

/**
 * The one rounding rule for subscription money: an exact fraction of cents rounded half away from zero
 * (12.5 → 13, −12.5 → −13), computed in integers so no float ever decides a cent.
 */
export function divideRounded(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive')
  const sign = numerator < 0 ? -1 : 1
  const n = Math.abs(numerator)
  const q = Math.floor(n / denominator)
  const r = n - q * denominator
  return sign * (2 * r >= denominator ? q + 1 : q)
}

/** `amount` for `days` of a period of `periodDays` days. */
export function prorate(amount: number, days: number, periodDays: number): number {
  return divideRounded(amount * days, periodDays)
}

/** A price with an index in hundredths of a point (10000 = index 100): 1000.00 at 110 → 1100.00. */
export function indexed(amount: number, indexHundredths: number): number {
  return divideRounded(amount * indexHundredths, 10000)
}

/** A percentage in basis points (250 = 2.5 %) of an amount. */
export function percentOf(amount: number, basisPoints: number): number {
  return divideRounded(amount * basisPoints, 10000)
}

export type FeeKind = 'regular' | 'nonRegular'

export interface PlannedFee {
  kind: FeeKind
  /** The invoicing period (its calendar boundaries) — the key a fee is generated for once. */
  periodStart: string
  /** The days charged: the whole period, or the part inside the subscription's start and end. */
  from: string
  to: string
  /** Days charged and days of the whole period: the proration. */
  days: number
  periodDays: number
}

/**
 * Every invoicing period of a subscription that starts on or before `upTo` (fees are charged in advance),
 * once the subscription itself has started by then:
 * whole periods are regular; a period cut by the subscription's start or end is non-regular, charged for
 * its days only.
 */
export function feePeriods(code: PeriodCode, sub: { start: string; end: string | null }, upTo: string): PlannedFee[] {
  const out: PlannedFee[] = []
  // Nothing is due before the subscription starts, even when its first period already has.
  if (upTo < sub.start) return out
  for (let start = periodStart(code, sub.start); start <= upTo; start = wholePeriod(code, start).next) {
    if (sub.end !== null && start > sub.end) break
    const whole = wholePeriod(code, start)
    const from = sub.start > whole.start ? sub.start : whole.start
    const to = sub.end !== null && sub.end < whole.end ? sub.end : whole.end
    const periodDays = whole.days
    const days = from === whole.start && to === whole.end ? periodDays : daysIn({ start: from, end: to })
    out.push({ kind: days === periodDays ? 'regular' : 'nonRegular', periodStart: whole.start, from, to, days, periodDays })
  }
  return out
}

/**
 * A whole period by its first day, with its length and the next period's start. A run over thousands of
 * subscriptions asks for the same few periods again and again, so they are kept (a few hundred a year at most).
 */
const wholePeriods = new Map<string, Period & { days: number; next: string }>()
function wholePeriod(code: PeriodCode, start: string): Period & { days: number; next: string } {
  const key = `${code}|${start}`
  let p = wholePeriods.get(key)
  if (!p) {
    const next = nextPeriodStart(code, start)
    const end = addDays(next, -1)
    p = { start, end, next, days: daysIn({ start, end }) }
    if (wholePeriods.size > 100_000) wholePeriods.clear()
    wholePeriods.set(key, p)
  }
  return p
}

/** A fee's amount: the full-period price, prorated by day when the period is cut. */
export function feeAmount(price: number, f: Pick<PlannedFee, 'days' | 'periodDays'>): number {
  return f.days === f.periodDays ? price : prorate(price, f.days, f.periodDays)
}

/**
 * Splits `amount` over the accrual periods of `code` inside `from`…`to`, by days. Each share is the
 * rounded running total minus the shares before it, so the shares add up to the amount to the cent.
 */
export function recognitionShares(code: PeriodCode, from: string, to: string, amount: number): (Period & { amount: number })[] {
  const total = daysIn({ start: from, end: to })
  const out: (Period & { amount: number })[] = []
  let daysSoFar = 0
  let given = 0
  for (let start = from; start <= to;) {
    const p = periodOf(code, start)
    const end = p.end < to ? p.end : to
    daysSoFar += daysIn({ start, end })
    const upTo = prorate(amount, daysSoFar, total)
    out.push({ start, end, amount: upTo - given })
    given = upTo
    start = addDays(end, 1)
  }
  return out
}

/* ---------- price precedence ---------- */

export interface PriceRule {
  id: number
  periodCode: PeriodCode
  currency: string
  subscriptionId: number | null
  customerId: number | null
  categoryId: number | null
  validFrom: string
  validTo: string | null
  amount: number
}

export interface PriceTarget {
  periodCode: PeriodCode
  currency: string
  subscriptionId: number
  customerId: number
  categoryId: number | null
  date: string
}

/**
 * How specific a price is (docs/adr/0013-subscriptions.md): subscription 4, customer 2, category 1, summed —
 * so every combination has its own level, from subscription + customer + category (7) down to the default
 * for the period code and currency (0).
 */
export function specificity(p: Pick<PriceRule, 'subscriptionId' | 'customerId' | 'categoryId'>): number {
  return (p.subscriptionId !== null ? 4 : 0) + (p.customerId !== null ? 2 : 0) + (p.categoryId !== null ? 1 : 0)
}

function applies(p: PriceRule, t: PriceTarget): boolean {
  return (
    p.periodCode === t.periodCode &&
    p.currency === t.currency &&
    p.validFrom <= t.date &&
    (p.validTo === null || p.validTo >= t.date) &&
    (p.subscriptionId === null || p.subscriptionId === t.subscriptionId) &&
    (p.customerId === null || p.customerId === t.customerId) &&
    (p.categoryId === null || p.categoryId === t.categoryId)
  )
}

/** The most specific price valid on the date; among equals the latest start, then the newest row. Null: none. */
export function pickPrice(prices: readonly PriceRule[], t: PriceTarget): PriceRule | null {
  let best: PriceRule | null = null
  for (const p of prices) {
    if (!applies(p, t)) continue
    if (
      best === null ||
      specificity(p) > specificity(best) ||
      (specificity(p) === specificity(best) && (p.validFrom > best.validFrom || (p.validFrom === best.validFrom && p.id > best.id)))
    )
      best = p
  }
  return best
}

/* ---------- record shapes ---------- */

const ref = id.nullable().default(null)
const meta = { id, version }
const periodCode = z.enum(PERIOD_CODES, 'validation.invalidOption')
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'validation.currency')
  .max(3)
/** Index in hundredths of a point: 10000 = 100.00. */
const priceIndex = z.number().int('validation.notInteger').min(1).max(10_000_00)

export const subscriptionGroupInput = z
  .object({
    code,
    name: requiredText(100),
    invoicingPeriod: periodCode,
    accrue: z.boolean().default(false),
    accrualPeriod: periodCode.nullable().default(null),
    /** Number sequence code for the group's subscriptions ('' = the common subscription sequence). */
    numberSequence: z.string().max(30).default('')
  })
  .refine((g) => !g.accrue || g.accrualPeriod !== null, { message: 'validation.required', path: ['accrualPeriod'] })
export const subscriptionGroupRow = z.object({
  ...meta,
  code: z.string(),
  name: z.string(),
  invoicingPeriod: periodCode,
  accrue: z.boolean(),
  accrualPeriod: periodCode.nullable(),
  numberSequence: z.string()
})
export type SubscriptionGroupRow = z.infer<typeof subscriptionGroupRow>

export const subscriptionPriceInput = z
  .object({
    periodCode,
    currency,
    subscriptionId: ref,
    customerId: ref,
    categoryId: ref,
    validFrom: isoDate,
    validTo: optionalDate,
    amount: money
  })
  .refine((p) => p.validTo === null || p.validTo >= p.validFrom, { message: 'validation.endBeforeStart', path: ['validTo'] })
export const subscriptionPriceRow = z.object({
  periodCode,
  currency: z.string(),
  subscriptionId: z.number().int().nullable(),
  customerId: z.number().int().nullable(),
  categoryId: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  amount: z.number().int(),
  ...meta,
  subscriptionNumber: z.string().nullable(),
  customerName: z.string().nullable(),
  categoryName: z.string().nullable(),
  level: z.number().int()
})
export type SubscriptionPriceRow = z.infer<typeof subscriptionPriceRow>

export const subscriptionInput = z
  .object({
    number: z.union([z.literal(''), code]).default(''),
    name: requiredText(100),
    customerId: id,
    agreementId: ref,
    groupId: id,
    categoryId: ref,
    currency: currency.default('EUR'),
    basePrice: money,
    priceIndex: priceIndex.default(10000),
    startDate: isoDate,
    endDate: optionalDate,
    active: z.boolean().default(true),
    serviceObjectIds: z.array(id).max(200).default([]),
    note: optionalText(1000)
  })
  .refine((s) => s.endDate === null || s.endDate >= s.startDate, { message: 'validation.endBeforeStart', path: ['endDate'] })
export const subscriptionRow = z.object({
  ...meta,
  number: z.string(),
  name: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  agreementId: z.number().int().nullable(),
  groupId: z.number().int(),
  groupCode: z.string(),
  invoicingPeriod: periodCode,
  categoryId: z.number().int().nullable(),
  currency: z.string(),
  basePrice: z.number().int(),
  priceIndex: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  active: z.boolean(),
  serviceObjectIds: z.array(z.number().int()),
  note: z.string()
})
export type SubscriptionRow = z.infer<typeof subscriptionRow>
export const subscriptionListRow = subscriptionRow.omit({ serviceObjectIds: true, note: true }).extend({
  /** Net of every fee generated, cents. */
  feesTotal: z.number().int(),
  lastPeriodEnd: z.string().nullable()
})
export type SubscriptionListRow = z.infer<typeof subscriptionListRow>

export const FEE_KINDS = ['regular', 'nonRegular', 'reductionDays', 'priceReduction'] as const
export type FeeTransactionKind = (typeof FEE_KINDS)[number]
export const FEE_STATUSES = ['created', 'invoiced', 'partlyCredited', 'credited'] as const
export type FeeStatus = (typeof FEE_STATUSES)[number]

export const feeRow = z.object({
  id: z.number().int(),
  subscriptionId: z.number().int(),
  kind: z.enum(FEE_KINDS),
  periodStart: z.string(),
  from: z.string(),
  to: z.string(),
  amount: z.number().int(),
  reductionOfId: z.number().int().nullable(),
  invoiceId: z.number().int().nullable(),
  invoiceNumber: z.string().nullable(),
  invoiceLineId: z.number().int().nullable(),
  creditedAmount: z.number().int(),
  status: z.enum(FEE_STATUSES)
})
export type FeeRow = z.infer<typeof feeRow>

export const scheduleRow = z.object({
  id: z.number().int(),
  feeId: z.number().int(),
  from: z.string(),
  to: z.string(),
  recognizeOn: z.string(),
  amount: z.number().int(),
  reversal: z.boolean()
})
export type ScheduleRow = z.infer<typeof scheduleRow>

export const generationScope = z.object({
  to: isoDate,
  groupId: ref,
  subscriptionId: ref
})
export const plannedFeeRow = z.object({
  subscriptionId: z.number().int(),
  subscriptionNumber: z.string(),
  kind: z.enum(['regular', 'nonRegular']),
  periodStart: z.string(),
  from: z.string(),
  to: z.string(),
  amount: z.number().int()
})
export const feePreview = z.object({ created: z.number().int(), skipped: z.number().int(), fees: z.array(plannedFeeRow) })
export type FeePreview = z.infer<typeof feePreview>

export const RUN_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const
export const feeRun = z.object({
  id: z.number().int(),
  status: z.enum(RUN_STATUSES),
  toDate: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
  error: z.string().nullable()
})
export type FeeRun = z.infer<typeof feeRun>

export const reduceDaysInput = z.object({ subscriptionId: id, from: isoDate, to: isoDate })
export const reducePriceInput = z
  .object({
    feeId: id,
    /** Basis points of the fee (1000 = 10 %), or an amount in cents: exactly one. */
    percent: z.number().int().min(1).max(10000).nullable().default(null),
    amount: money.nullable().default(null)
  })
  .refine((r) => (r.percent === null) !== (r.amount === null), { message: 'validation.required', path: ['amount'] })

export const GROUP_UPDATE_FIELDS = ['priceIndex', 'basePrice'] as const
export const groupUpdateInput = z.object({
  groupId: id,
  field: z.enum(GROUP_UPDATE_FIELDS),
  /** 'percent': change by basis points (350 = +3.5 %, negative lowers); 'value': set to the value. */
  mode: z.enum(['percent', 'value']),
  value: z.number().int().min(-10000).max(1_000_000_000_00),
  apply: z.boolean().default(false)
})
export const groupUpdateResult = z.object({
  rows: z.array(
    z.object({ id: z.number().int(), number: z.string(), name: z.string(), before: z.number().int(), after: z.number().int() })
  ),
  applied: z.boolean()
})

export const invoiceFeesInput = z.object({
  customerId: id,
  feeIds: z.array(id).min(1, 'validation.required').max(1000),
  invoiceDate: isoDate,
  requestKey
})
export const creditFeeInput = z.object({
  feeId: id,
  /** Net cents to credit; null = everything not credited yet. */
  amount: money.nullable().default(null),
  invoiceDate: isoDate,
  note: optionalText(500),
  requestKey
})

export const REVERSAL_MODES = ['automatic', 'manual'] as const
export const subscriptionParameters = z.object({
  invoiceWithOrderLines: z.boolean(),
  reverseOnCredit: z.enum(REVERSAL_MODES)
})
export type SubscriptionParameters = z.infer<typeof subscriptionParameters>

export const revenueInput = z.object({ from: isoDate, to: isoDate, groupId: ref })
export const revenueMonth = z.object({
  month: z.string(),
  invoiced: z.number().int(),
  credited: z.number().int(),
  recognised: z.number().int(),
  deferred: z.number().int(),
  mrr: z.number().int(),
  /** Service-order lines invoiced in the month less those credited in it (net cents; ADR 0013). */
  serviceOrders: z.number().int(),
  /** Contracted MRR at the month's last day, and its movements since the previous month's (ADR 0013). */
  contractedMrr: z.number().int(),
  newMrr: z.number().int(),
  expansionMrr: z.number().int(),
  contractionMrr: z.number().int(),
  churnedMrr: z.number().int()
})
/**
 * The twelve months after the report: subscription revenue from the price schedule, and contracted MRR; service-order
 * revenue as the agreement orders planned in the month plus the trailing average of the other orders (ADR 0013).
 */
export const revenueForecastMonth = z.object({
  month: z.string(),
  revenue: z.number().int(),
  contractedMrr: z.number().int(),
  agreementOrders: z.number().int(),
  otherOrders: z.number().int()
})
export const revenueReport = z.object({ months: z.array(revenueMonth), forecast: z.array(revenueForecastMonth) })
export type RevenueReport = z.infer<typeof revenueReport>

/**
 * The report as rows for its CSV file: a row per month of the report (`actual`), then one per forecast month
 * (`forecast`); a figure the kind of row does not have is null.
 */
const cents = z.number().int().nullable()
export const REVENUE_PERIODS = ['actual', 'forecast'] as const
export const revenueRow = z.object({
  month: z.string(),
  period: z.enum(REVENUE_PERIODS),
  invoiced: cents,
  credited: cents,
  recognised: cents,
  deferred: cents,
  mrr: cents,
  contractedMrr: z.number().int(),
  newMrr: cents,
  expansionMrr: cents,
  contractionMrr: cents,
  churnedMrr: cents,
  forecastRevenue: cents,
  serviceOrders: cents,
  agreementOrders: cents,
  otherOrders: cents
})
export type RevenueRow = z.infer<typeof revenueRow>

/* ---------- MRR movements (docs/adr/0013-subscriptions.md) ---------- */

/**
 * A full-period price as a month's worth: a quarter's price ÷ 3, a half-year's ÷ 6, a year's ÷ 12; a week's
 * × 52 ÷ 12 and a day's × 365 ÷ 12. One rounding rule (`divideRounded`).
 */
export function monthlyEquivalent(code: PeriodCode, price: number): number {
  switch (code) {
    case 'day':
      return divideRounded(price * 365, 12)
    case 'week':
      return divideRounded(price * 52, 12)
    case 'month':
      return price
    case 'quarter':
      return divideRounded(price, 3)
    case 'halfYear':
      return divideRounded(price, 6)
    case 'year':
      return divideRounded(price, 12)
  }
}

export interface MrrMovements {
  newMrr: number
  expansionMrr: number
  contractionMrr: number
  churnedMrr: number
}

/**
 * How contracted MRR moved from one month's end to the next, per subscription: *new* — none before, some now
 * (its whole MRR now); *churned* — some before, none now (its whole MRR before); *expansion* / *contraction* —
 * some both times, the rise / the fall. So `after − before = new + expansion − contraction − churned`.
 */
export function mrrMovements(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): MrrMovements {
  const m: MrrMovements = { newMrr: 0, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0 }
  for (const [id, now] of after) {
    const was = before.get(id) ?? 0
    if (now <= 0) continue
    if (was <= 0) m.newMrr += now
    else if (now > was) m.expansionMrr += now - was
    else m.contractionMrr += was - now
  }
  for (const [id, was] of before) if (was > 0 && (after.get(id) ?? 0) <= 0) m.churnedMrr += was
  return m
}
