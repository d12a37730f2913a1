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

/** A line that is not cancelled, of an order in the period, as the margin report reads it. */
export interface MarginLine {
  orderId: number
  orderNumber: string
  customerId: number
  customerName: string
  /** null: no task on the line. */
  taskId: number | null
  taskName: string
  type: 'hour' | 'expense' | 'item' | 'fee'
  /** Thousandths. */
  quantity: number
  unitPrice: number
  unitCost: number
  /** The item's or category's cost price today, for a line saved without one. */
  currentCost: number
}

const perQuantity = (quantity: number, unit: number) => Math.round((quantity * unit) / 1000)

/**
 * The cost of one line: its own unit cost (the cost price copied from the item or category when the line was
 * made, or typed on it), else today's cost price of its item or category; a fee costs nothing of its own.
 * `missing` marks a line that should have a cost and has none anywhere.
 */
export function lineCost(l: MarginLine): { cost: number; missing: boolean } {
  const unit = l.unitCost !== 0 ? l.unitCost : l.currentCost
  return { cost: perQuantity(l.quantity, unit), missing: unit === 0 && l.type !== 'fee' && l.quantity !== 0 }
}

export const lineRevenue = (l: MarginLine): number => perQuantity(l.quantity, l.unitPrice)

/** Revenue, cost and margin per order, customer or task; the biggest revenue first, then by label. */
export function marginRows(lines: Iterable<MarginLine>, groupBy: MarginGrouping, noTask: string): MarginRow[] {
  const groups = new Map<string, MarginRow & { orderIds: Set<number> }>()
  for (const l of lines) {
    const [key, label, customerName] =
      groupBy === 'order'
        ? [String(l.orderId), l.orderNumber, l.customerName]
        : groupBy === 'customer'
          ? [String(l.customerId), l.customerName, '']
          : [l.taskId === null ? '-' : String(l.taskId), l.taskId === null ? noTask : l.taskName, '']
    let g = groups.get(key)
    if (!g) {
      g = { key, label, customerName, orders: 0, revenue: 0, cost: 0, margin: 0, marginShare: null, costMissing: 0, orderIds: new Set() }
      groups.set(key, g)
    }
    const { cost, missing } = lineCost(l)
    g.orderIds.add(l.orderId)
    g.revenue += lineRevenue(l)
    g.cost += cost
    if (missing) g.costMissing++
  }
  return [...groups.values()]
    .map(({ orderIds, ...g }) => ({
      ...g,
      orders: orderIds.size,
      margin: g.revenue - g.cost,
      marginShare: g.revenue === 0 ? null : (g.revenue - g.cost) / g.revenue
    }))
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

/** One row of the stage history: the order entered `stageId` at `at` (epoch ms), for the reason given. */
export interface StageEntry {
  orderId: number
  at: number
  stageId: number
  reasonCode: string | null
}

/** A stay of an order in a stage: from entering it until the next change, or `now` while it is still there. */
export interface StageStay {
  orderId: number
  stageId: number
  start: number
  end: number
  reasonCode: string | null
}

/** The stays of one order's history (any order of rows; equal instants keep their given order). */
export function stageStays(history: readonly StageEntry[], now: number): StageStay[] {
  const sorted = history.map((h, n) => ({ h, n })).sort((a, b) => a.h.at - b.h.at || a.n - b.n)
  return sorted.map(({ h }, k) => {
    const next = sorted[k + 1]?.h.at ?? now
    return { orderId: h.orderId, stageId: h.stageId, start: h.at, end: Math.max(h.at, next), reasonCode: h.reasonCode }
  })
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
export function progressRows(stays: readonly StageStay[], groupBy: ProgressGrouping, names: ProgressNames): ProgressRow[] {
  const groups = new Map<string, { orderId: number; stageId: number; stays: number; total: number; reasons: Map<string, number> }>()
  for (const s of stays) {
    const key = groupBy === 'order' ? `${s.orderId}:${s.stageId}` : String(s.stageId)
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { orderId: s.orderId, stageId: s.stageId, stays: 0, total: 0, reasons: new Map() }))
    g.stays++
    g.total += s.end - s.start
    if (s.reasonCode) g.reasons.set(s.reasonCode, (g.reasons.get(s.reasonCode) ?? 0) + 1)
  }
  const rows = [...groups.entries()].map(([key, g]) => {
    const order = groupBy === 'order' ? names.order(g.orderId) : { number: '', customerName: '' }
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
