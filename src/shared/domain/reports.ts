import { z } from 'zod'
import { addDays, daysBetween } from '../recurrence'
import { id, isoDate } from './primitives'

/**
 * The manager's reports (docs/adr/0028-reports.md): service order margin, service order progress,
 * technician utilisation per ISO week and the customer schedule. Shapes of their filters and rows, and the pure arithmetic behind
 * them; the services read the rows and call these.
 */
export const REPORT_KINDS = ['margin', 'progress', 'utilisation', 'schedule'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/**
 * Names in Estonian alphabetical order. One collator for every comparison: `localeCompare` with a locale builds
 * one per call, which made sorting a quarter's 40,000 orders take seconds.
 */
export const byName = new Intl.Collator('et').compare
/** Codes, numbers and ISO dates: plain code-unit order, which is also their natural order. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** At most a year and a bit in one report: the period is read whole into memory. */
export const MAX_REPORT_DAYS = 400

const period = { from: isoDate, to: isoDate }

/* ---------- margin ---------- */

export const MARGIN_GROUPINGS = ['order', 'customer', 'task'] as const
export type MarginGrouping = (typeof MARGIN_GROUPINGS)[number]

export const marginInput = z.object({
  ...period,
  groupBy: z.enum(MARGIN_GROUPINGS).default('order'),
  customerId: id.nullable().default(null)
})
export type MarginInput = z.infer<typeof marginInput>

export const marginRow = z.object({
  key: z.string(),
  label: z.string(),
  /** The order's customer when grouped by order; '' otherwise. */
  customerName: z.string(),
  orders: z.number().int(),
  revenue: z.number().int(),
  cost: z.number().int(),
  margin: z.number().int(),
  /** Margin over revenue, 0–1 (negative on a loss); null without revenue. */
  marginShare: z.number().nullable(),
  /** Lines (other than fees) with no cost price anywhere: their cost counts as zero. */
  costMissing: z.number().int()
})
export type MarginRow = z.infer<typeof marginRow>

/**
 * A group's sums as the margin service adds them up in SQL (docs/adr/0028-reports.md): revenue (quantity ×
 * unit price) and cost of its lines, and how many lines had no cost price anywhere.
 */
export type MarginSum = Omit<MarginRow, 'margin' | 'marginShare'>

/** Margin and its share of each group; the biggest revenue first, then by label. */
export function marginRows(sums: Iterable<MarginSum>): MarginRow[] {
  return [...sums]
    .map((g) => ({ ...g, margin: g.revenue - g.cost, marginShare: g.revenue === 0 ? null : (g.revenue - g.cost) / g.revenue }))
    .sort((a, b) => b.revenue - a.revenue || byName(a.label, b.label))
}

/* ---------- progress ---------- */

export const PROGRESS_GROUPINGS = ['order', 'stage'] as const
export type ProgressGrouping = (typeof PROGRESS_GROUPINGS)[number]

export const progressInput = z.object({
  ...period,
  groupBy: z.enum(PROGRESS_GROUPINGS).default('stage'),
  customerId: id.nullable().default(null)
})
export type ProgressInput = z.infer<typeof progressInput>

export const progressRow = z.object({
  key: z.string(),
  /** '' when grouped by stage. */
  orderNumber: z.string(),
  customerName: z.string(),
  stageName: z.string(),
  /** Times the order entered the stage (by stage: stays of all orders). */
  stays: z.number().int(),
  totalMinutes: z.number().int(),
  averageMinutes: z.number().int(),
  /** Reason codes given on entering the stage, with how often: "WAIT ×2, PARTS". */
  reasons: z.string()
})
export type ProgressRow = z.infer<typeof progressRow>

/**
 * The stays of the orders in one stage (or one order's stays in one stage) that were entered for one reason:
 * how many, and their total time in ms. A stay lasts from entering the stage until the next change, or until
 * now for the stage the order is in.
 */
export interface StageStaySum {
  /** null when grouped by stage. */
  orderId: number | null
  stageId: number
  reasonCode: string | null
  stays: number
  totalMs: number
}

const MINUTE = 60_000

function reasonsText(codes: Map<string, number>): string {
  return [...codes]
    .sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]))
    .map(([code, n]) => (n > 1 ? `${code} ×${n}` : code))
    .join(', ')
}

export interface ProgressNames {
  stage: (id: number) => string
  stageOrder: (id: number) => number
  order: (id: number) => { number: string; customerName: string }
}

/** Time in each stage per order and stage, or per stage over all orders (average per stay), in minutes. */
export function progressRows(sums: readonly StageStaySum[], groupBy: ProgressGrouping, names: ProgressNames): ProgressRow[] {
  const groups = new Map<string, { orderId: number | null; stageId: number; stays: number; total: number; reasons: Map<string, number> }>()
  for (const s of sums) {
    const key = groupBy === 'order' ? `${s.orderId}:${s.stageId}` : String(s.stageId)
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { orderId: s.orderId, stageId: s.stageId, stays: 0, total: 0, reasons: new Map() }))
    g.stays += s.stays
    g.total += s.totalMs
    if (s.reasonCode) g.reasons.set(s.reasonCode, (g.reasons.get(s.reasonCode) ?? 0) + s.stays)
  }
  const rows = [...groups.entries()].map(([key, g]) => {
    const order = groupBy === 'order' && g.orderId !== null ? names.order(g.orderId) : { number: '', customerName: '' }
    return {
      row: {
        key,
        orderNumber: order.number,
        customerName: order.customerName,
        stageName: names.stage(g.stageId),
        stays: g.stays,
        totalMinutes: Math.round(g.total / MINUTE),
        averageMinutes: Math.round(g.total / g.stays / MINUTE),
        reasons: reasonsText(g.reasons)
      },
      stageOrder: names.stageOrder(g.stageId)
    }
  })
  return rows.sort((a, b) => byCode(a.row.orderNumber, b.row.orderNumber) || a.stageOrder - b.stageOrder).map((r) => r.row)
}

/* ---------- utilisation ---------- */

export const utilisationInput = z.object({
  ...period,
  teamId: id.nullable().default(null)
})
export type UtilisationInput = z.infer<typeof utilisationInput>

export const utilisationRow = z.object({
  key: z.string(),
  workerName: z.string(),
  /** ISO week, "2026-W49". */
  week: z.string(),
  /** The week's first day inside the period. */
  weekStart: isoDate,
  availableMinutes: z.number().int(),
  bookedMinutes: z.number().int(),
  /** Booked over available; null when nothing was available (a week of holidays). */
  utilisation: z.number().nullable()
})
export type UtilisationRow = z.infer<typeof utilisationRow>

/** The ISO 8601 week of a date: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  const day = (d.getUTCDay() + 6) % 7
  const thursday = addDays(date, 3 - day)
  const year = Number(thursday.slice(0, 4))
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** The ISO weeks touching [from, to], each clipped to the period: its name and first and last day. */
export function weeksOf(from: string, to: string): { week: string; from: string; to: string }[] {
  const out: { week: string; from: string; to: string }[] = []
  let start = from
  while (start <= to) {
    const day = (new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7
    const sunday = addDays(start, 6 - day)
    const end = sunday < to ? sunday : to
    out.push({ week: isoWeek(start), from: start, to: end })
    start = addDays(end, 1)
  }
  return out
}

/** Minutes of [start, end) intervals that fall inside [from, to); overlapping bookings count each. */
export function minutesWithin(intervals: Iterable<readonly [number, number]>, from: number, to: number): number {
  let ms = 0
  for (const [s, e] of intervals) {
    const a = Math.max(s, from)
    const b = Math.min(e, to)
    if (b > a) ms += b - a
  }
  return Math.round(ms / MINUTE)
}

export const utilisationShare = (booked: number, available: number): number | null => (available === 0 ? null : booked / available)

/* ---------- customer schedule ---------- */

export const scheduleInput = z.object({
  ...period,
  /** One customer's schedule (the one to send them); null = every customer's. */
  customerId: id.nullable().default(null)
})
export type ScheduleInput = z.infer<typeof scheduleInput>

export const scheduleRow = z.object({
  key: z.string(),
  date: isoDate,
  /** The planned time of an order; null for a visit an agreement will make (its day only). */
  start: z.number().nullable(),
  end: z.number().nullable(),
  customerName: z.string(),
  description: z.string(),
  address: z.string(),
  /** The order's number, or the agreement's for a visit not made into an order yet. */
  reference: z.string()
})
export type ScheduleRow = z.infer<typeof scheduleRow>

/** Planned orders and the agreements' coming visits in one list, by date, time and reference. */
export function scheduleRows(orders: readonly ScheduleRow[], visits: readonly ScheduleRow[]): ScheduleRow[] {
  // A day's timed orders first, then the day's agreement visits (no time yet).
  const time = (r: ScheduleRow) => r.start ?? Number.MAX_SAFE_INTEGER
  return [...orders, ...visits].sort((a, b) => byCode(a.date, b.date) || time(a) - time(b) || byCode(a.reference, b.reference))
}
