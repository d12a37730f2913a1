import { and, asc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { type GenerationRun, type GenerationSummary, MAX_GENERATION_DAYS, type PreviewResult, type Visit } from '@shared/domain/agreements'
import type { LineType } from '@shared/domain/orders'
import { lineAmount } from '@shared/domain/orderRules'
import { daysBetween, type Interval, occurrences, type Occurrence, placeOccurrences, type TimeWindow, weekday, windowOf, type WorkCalendar } from '@shared/recurrence'
import { dayStart } from '@shared/time'
import type { Db, Sqlite } from '../../db/connection'
import {
  agreementLines,
  agreementObjects,
  agreementOccurrences,
  agreements,
  agreementTasks,
  customers,
  customerSites,
  generationRuns,
  serviceIntervals,
  serviceObjects,
  timeWindows
} from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { AppError, invalid, notFound } from '../core/errors'
import { faultPoint } from '../core/faults'
import { loadSettings } from '../settings/service'
import { type LineDefaults, lineDefaults } from '../orders/service'
import { initialStage } from '../orders/stages'

type GenerationInput = ParsedInput<'agreements.generate'>
type AgreementRecord = typeof agreements.$inferSelect
type LineRecord = typeof agreementLines.$inferSelect

interface PlannedOccurrence extends Occurrence {
  line: LineRecord
}

interface PlannedVisit {
  date: string
  groupKey: string
  calendarConflict: boolean
  occurrences: PlannedOccurrence[]
}

interface AgreementPlan {
  agreement: AgreementRecord
  visits: PlannedVisit[]
  skipped: number
}

interface Context {
  calendar: WorkCalendar
  timeZone: string
  workingHours: { open: boolean; start: string; end: string }[]
  intervals: Map<number, Interval>
  windows: Map<number, TimeWindow>
}

function validateRange(input: Pick<GenerationInput, 'from' | 'to'>): void {
  if (daysBetween(input.from, input.to) > MAX_GENERATION_DAYS) throw invalid(['to'], 'Generate at most ten years at a time')
}

function loadContext(db: Db): Context {
  const settings = loadSettings(db)
  return {
    calendar: { openWeekdays: settings.workingHours.map((d) => d.open), holidays: new Set(settings.holidays.map((h) => h.date)) },
    timeZone: settings.timeZone,
    workingHours: settings.workingHours,
    intervals: new Map(db.select().from(serviceIntervals).all().map((i) => [i.id, { unit: i.unit as Interval['unit'], every: i.every }])),
    windows: new Map(db.select().from(timeWindows).all().map((w) => [w.id, { kind: w.kind as TimeWindow['kind'], daysBefore: w.daysBefore, daysAfter: w.daysAfter }]))
  }
}

/** Agreements that may produce orders in the range: not templates, not suspended, in force for part of it. */
function agreementsInScope(db: Db, input: GenerationInput): AgreementRecord[] {
  const conditions: (SQL | undefined)[] = [
    isNull(agreements.templateGroupId),
    eq(agreements.suspended, false),
    lte(agreements.startDate, input.to),
    or(isNull(agreements.endDate), sql`${agreements.endDate} >= ${input.from}`),
    input.agreementIds.length > 0 ? inArray(agreements.id, input.agreementIds) : undefined,
    input.customerId === null ? undefined : eq(agreements.customerId, input.customerId),
    input.groupId === null ? undefined : eq(agreements.groupId, input.groupId)
  ]
  return db.select().from(agreements).where(and(...conditions)).orderBy(asc(agreements.id)).all()
}

function groupKeyOf(a: AgreementRecord, l: LineRecord): string {
  switch (a.combineRule) {
    case 'task':
      return `${a.id}:t:${l.serviceTaskId ?? 0}`
    case 'worker':
      return `${a.id}:w:${l.workerId ?? a.responsibleWorkerId ?? 0}`
    case 'object':
      return `${a.id}:o:${l.serviceObjectId ?? 0}`
    default:
      return `${a.id}`
  }
}

const minDate = (a: string, b: string | null) => (b !== null && b < a ? b : a)
const maxDate = (a: string, b: string) => (b > a ? b : a)

/** The visits an agreement needs in the range, leaving out occurrences made before (the ledger). */
function planAgreement(db: Db, a: AgreementRecord, input: GenerationInput, c: Context): AgreementPlan {
  const lines = db
    .select()
    .from(agreementLines)
    .where(and(eq(agreementLines.agreementId, a.id), eq(agreementLines.stopped, false), inArray(agreementLines.type, input.types)))
    .orderBy(asc(agreementLines.lineNo))
    .all()
  if (lines.length === 0) return { agreement: a, visits: [], skipped: 0 }
  const made = new Set(
    db
      .select({ line: agreementOccurrences.agreementLineId, date: agreementOccurrences.occurrenceDate })
      .from(agreementOccurrences)
      .where(and(inArray(agreementOccurrences.agreementLineId, lines.map((l) => l.id)), sql`${agreementOccurrences.occurrenceDate} between ${input.from} and ${input.to}`))
      .all()
      .map((o) => `${o.line}|${o.date}`)
  )
  let skipped = 0
  const all: PlannedOccurrence[] = []
  for (const line of lines) {
    const from = maxDate(maxDate(input.from, a.startDate), line.startDate)
    const lineEnd = minDate(minDate(input.to, a.endDate), line.endDate)
    if (lineEnd < from) continue
    const interval = line.intervalId === null ? null : (c.intervals.get(line.intervalId) ?? null)
    const window = line.timeWindowId === null ? null : (c.windows.get(line.timeWindowId) ?? null)
    for (const date of occurrences(line.startDate, minDate(lineEnd, a.endDate), interval, from, lineEnd)) {
      if (made.has(`${line.id}|${date}`)) {
        skipped++
        continue
      }
      const w = windowOf(date, window)
      // A visit may move inside its window but never outside the agreement's or the line's dates.
      const lo = maxDate(maxDate(w.from, a.startDate), line.startDate)
      const hi = minDate(minDate(w.to, a.endDate), line.endDate)
      all.push({ line, lineKey: String(line.id), groupKey: groupKeyOf(a, line), date, from: lo, to: hi })
    }
  }
  return { agreement: a, visits: placeOccurrences(all, c.calendar), skipped }
}

/* ---------- preview ---------- */

export function previewGeneration(ctx: ServiceContext, input: ParsedInput<'agreements.preview'>): PreviewResult {
  validateRange(input)
  const c = loadContext(ctx.db)
  const visits: Visit[] = []
  const summary: GenerationSummary = { orders: 0, lines: 0, skipped: 0, conflicts: 0, agreements: 0 }
  const names = new Map<number, string>()
  for (const a of agreementsInScope(ctx.db, input)) {
    const plan = planAgreement(ctx.db, a, input, c)
    summary.skipped += plan.skipped
    if (plan.visits.length === 0) continue
    summary.agreements++
    let customerName = names.get(a.customerId)
    if (customerName === undefined) {
      customerName = ctx.db.select({ n: customers.name }).from(customers).where(eq(customers.id, a.customerId)).get()?.n ?? ''
      names.set(a.customerId, customerName)
    }
    for (const v of plan.visits) {
      summary.orders++
      summary.lines += v.occurrences.length
      if (v.calendarConflict) summary.conflicts++
      if (visits.length < input.maxVisits) {
        visits.push({
          date: v.date,
          agreementId: a.id,
          agreementNumber: a.number,
          customerName,
          groupKey: v.groupKey,
          calendarConflict: v.calendarConflict,
          lines: v.occurrences.map((o) => ({ agreementLineId: o.line.id, lineNo: o.line.lineNo, occurrenceDate: o.date, type: o.line.type as LineType, description: o.line.description }))
        })
      }
    }
  }
  visits.sort((x, y) => x.date.localeCompare(y.date) || x.agreementNumber.localeCompare(y.agreementNumber))
  return { ...summary, visits, truncated: summary.orders > visits.length }
}

/* ---------- generation ---------- */

/** Prepared statements for one run: generation writes many rows, and Drizzle's builder per row would dominate. */
function statements(sqlite: Sqlite) {
  return {
    nextNumber: sqlite.prepare("update number_sequences set next_number = next_number + 1 where code = 'serviceOrder' returning next_number - 1 as n, prefix, padding"),
    order: sqlite.prepare(
      `insert into service_orders (number, customer_id, site_id, one_time_address, contact_id, description, priority, requested_start, requested_end,
         planned_start, planned_end, preferred_worker_id, responsible_worker_id, agreement_id, origin, stage_id, progress, line_count, sales_total, cost_total,
         calendar_conflict, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, ?, ?, 'agreement', ?, 'inProcess', ?, ?, ?, ?, ?, ?)`
    ),
    history: sqlite.prepare('insert into stage_history (order_id, at, user_id, from_stage_id, to_stage_id, note) values (?, ?, ?, null, ?, ?)'),
    object: sqlite.prepare('insert or ignore into service_order_objects (order_id, service_object_id, note) values (?, ?, ?)'),
    task: sqlite.prepare('insert or ignore into service_order_tasks (order_id, service_task_id, note) values (?, ?, ?)'),
    line: sqlite.prepare(
      `insert into service_order_lines (order_id, line_no, type, description, worker_id, service_object_id, service_task_id, category_id, item_id,
         quantity, unit, unit_cost, unit_price, scheduled_date, note, agreement_line_id, occurrence_date)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    occurrence: sqlite.prepare('insert into agreement_occurrences (agreement_line_id, occurrence_date, order_line_id, created_at) values (?, ?, ?, ?)')
  }
}
type Statements = ReturnType<typeof statements>

interface RunState {
  c: Context
  stmts: Statements
  stageId: number
  defaults: Map<number, LineDefaults>
  sites: Map<number, number | null>
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

function at(date: string, minutes: number, tz: string): number {
  return dayStart(date, tz) + minutes * 60_000
}

function siteFor(db: Db, state: RunState, a: AgreementRecord, objectIds: number[]): number | null {
  for (const id of objectIds) {
    const site = db.select({ s: serviceObjects.siteId }).from(serviceObjects).where(eq(serviceObjects.id, id)).get()?.s
    if (site) return site
  }
  if (!state.sites.has(a.customerId)) {
    state.sites.set(a.customerId, db.select({ id: customerSites.id }).from(customerSites).where(eq(customerSites.customerId, a.customerId)).orderBy(asc(customerSites.id)).get()?.id ?? null)
  }
  return state.sites.get(a.customerId)!
}

/** Creates one agreement's orders in one transaction: all of them, or (on an error or a crash) none. */
function generateAgreement(ctx: ServiceContext, state: RunState, plan: AgreementPlan): { orders: number[]; lines: number; conflicts: number } {
  const a = plan.agreement
  const { c, stmts } = state
  return ctx.db.transaction(() => {
    const now = ctx.now()
    const orderIds: number[] = []
    let lineCount = 0
    let conflicts = 0
    const relatedObjects = ctx.db.select().from(agreementObjects).where(eq(agreementObjects.agreementId, a.id)).all()
    const relatedTasks = ctx.db.select().from(agreementTasks).where(eq(agreementTasks.agreementId, a.id)).all()
    for (const v of plan.visits) {
      const objectIds = [...new Set(v.occurrences.flatMap((o) => (o.line.serviceObjectId === null ? [] : [o.line.serviceObjectId])))]
      const taskIds = [...new Set(v.occurrences.flatMap((o) => (o.line.serviceTaskId === null ? [] : [o.line.serviceTaskId])))]
      const objects = a.combineRule === 'agreement' ? relatedObjects : relatedObjects.filter((r) => objectIds.includes(r.serviceObjectId))
      const tasks = a.combineRule === 'agreement' ? relatedTasks : relatedTasks.filter((r) => taskIds.includes(r.serviceTaskId))
      const siteId = siteFor(ctx.db, state, a, objects.map((o) => o.serviceObjectId))
      const lo = v.occurrences.reduce((m, o) => maxDate(m, o.from), v.occurrences[0]!.from)
      const hi = v.occurrences.reduce((m, o) => (o.to < m ? o.to : m), v.occurrences[0]!.to)
      const startAfter = v.occurrences.reduce<number | null>((m, o) => (o.line.startAfter === null ? m : Math.max(m ?? 0, minutesOf(o.line.startAfter))), null)
      const endBefore = v.occurrences.reduce<number | null>((m, o) => (o.line.endBefore === null ? m : Math.min(m ?? 24 * 60, minutesOf(o.line.endBefore))), null)
      const day = c.workingHours[weekday(v.date)]!
      const startMinutes = startAfter ?? (day.open ? minutesOf(day.start) : 8 * 60)
      const hours = v.occurrences.reduce((s, o) => s + (o.line.type === 'hour' ? o.line.quantity : 0), 0) / 1000
      const plannedStart = at(v.date, startMinutes, c.timeZone)
      const plannedEnd = endBefore !== null ? at(v.date, Math.max(endBefore, startMinutes), c.timeZone) : plannedStart + Math.max(1, hours) * 3_600_000

      const lines = v.occurrences.map((o, n) => {
        let d = state.defaults.get(o.line.id)
        if (!d) {
          d = lineDefaults(ctx.db, { type: o.line.type as LineType, categoryId: o.line.categoryId, itemId: o.line.itemId })
          state.defaults.set(o.line.id, d)
        }
        const price = o.line.unitPrice ?? d.unitPrice
        return { o, n: n + 1, d, price, workerId: o.line.workerId ?? (o.line.type === 'hour' ? a.responsibleWorkerId : null) }
      })
      const salesTotal = lines.reduce((s, l) => s + lineAmount(l.o.line.quantity, l.price), 0)
      const costTotal = lines.reduce((s, l) => s + lineAmount(l.o.line.quantity, l.d.unitCost), 0)
      const seq = stmts.nextNumber.get() as { n: number; prefix: string; padding: number } | undefined
      if (!seq) throw new AppError('VALIDATION', 'Number sequence "serviceOrder" is missing; add it under Number sequences.')
      const number = `${seq.prefix}${String(seq.n).padStart(seq.padding, '0')}`
      const orderId = Number(
        stmts.order.run(
          number,
          a.customerId,
          siteId,
          siteId === null ? `See agreement ${a.number}` : '',
          a.contactId,
          a.description,
          at(lo, startAfter ?? 0, c.timeZone),
          at(hi, endBefore ?? 24 * 60, c.timeZone),
          plannedStart,
          plannedEnd,
          a.preferredWorkerId,
          a.responsibleWorkerId,
          a.id,
          state.stageId,
          lines.length,
          salesTotal,
          costTotal,
          v.calendarConflict ? 1 : 0,
          now,
          now
        ).lastInsertRowid
      )
      stmts.history.run(orderId, now, ctx.user?.id ?? null, state.stageId, `Created from agreement ${a.number}`)
      for (const o of objects) stmts.object.run(orderId, o.serviceObjectId, o.externalNote)
      for (const t of tasks) stmts.task.run(orderId, t.serviceTaskId, t.externalNote)
      for (const l of lines) {
        const line = l.o.line
        const lineId = Number(
          stmts.line.run(orderId, l.n, line.type, line.description || l.d.description, l.workerId, line.serviceObjectId, line.serviceTaskId, line.type === 'item' ? null : line.categoryId, line.type === 'item' ? line.itemId : null, line.quantity, l.d.unit, l.d.unitCost, l.price, v.date, line.note, line.id, l.o.date).lastInsertRowid
        )
        stmts.occurrence.run(line.id, l.o.date, lineId, now)
        if (line.serviceObjectId !== null) stmts.object.run(orderId, line.serviceObjectId, '')
      }
      orderIds.push(orderId)
      lineCount += lines.length
      if (v.calendarConflict) conflicts++
      faultPoint('generate.afterOrder')
    }
    return { orders: orderIds, lines: lineCount, conflicts }
  })
}

export interface GenerationProgress {
  done: number
  total: number
  summary: GenerationSummary
  orderIds: number[]
}

/**
 * Generates for every agreement in scope, one transaction per agreement, reporting after each. Stops
 * between agreements when `isCancelled` says so. Used directly by the CLI and, a slice at a time, by jobs.
 */
export function* generationSteps(ctx: ServiceContext, input: GenerationInput): Generator<GenerationProgress, GenerationProgress> {
  validateRange(input)
  const scope = agreementsInScope(ctx.db, input)
  const state: RunState = { c: loadContext(ctx.db), stmts: statements(ctx.conn.sqlite), stageId: initialStage(ctx.db).id, defaults: new Map(), sites: new Map() }
  const progress: GenerationProgress = { done: 0, total: scope.length, summary: { orders: 0, lines: 0, skipped: 0, conflicts: 0, agreements: 0 }, orderIds: [] }
  for (const a of scope) {
    const plan = planAgreement(ctx.db, a, input, state.c)
    progress.summary.skipped += plan.skipped
    if (plan.visits.length > 0) {
      const made = generateAgreement(ctx, state, plan)
      progress.summary.orders += made.orders.length
      progress.summary.lines += made.lines
      progress.summary.conflicts += made.conflicts
      progress.summary.agreements++
      progress.orderIds.push(...made.orders)
    }
    progress.done++
    yield progress
  }
  return progress
}

export function runGeneration(ctx: ServiceContext, input: GenerationInput, onProgress?: (p: GenerationProgress) => void): GenerationProgress {
  const steps = generationSteps(ctx, input)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    onProgress?.(next.value)
  }
}

/* ---------- background runs ---------- */

const cancelled = new Set<number>()
const RUN_ORDER_IDS_KEPT = 2000

function runRow(db: Db, id: number): GenerationRun {
  const r = db.select().from(generationRuns).where(eq(generationRuns.id, id)).get()
  if (!r) throw notFound('Generation run')
  return { ...r, status: r.status as GenerationRun['status'], orderIds: r.orderIds }
}

/**
 * Starts a run in the background and answers at once. better-sqlite3 is synchronous, so the run works a
 * slice at a time (one agreement per turn of the event loop): the app stays responsive and every
 * agreement is still its own transaction (see docs/adr/0004-agreement-generation.md).
 */
export function startGeneration(ctx: ServiceContext, input: GenerationInput): GenerationRun {
  validateRange(input)
  const row = ctx.db
    .insert(generationRuns)
    .values({ startedAt: ctx.now(), userId: ctx.user?.id ?? null, fromDate: input.from, toDate: input.to, status: 'running', orderIds: [] })
    .returning({ id: generationRuns.id })
    .get()
  const steps = generationSteps(ctx, input)
  const save = (p: GenerationProgress, status: GenerationRun['status'], error: string | null = null) =>
    ctx.db
      .update(generationRuns)
      .set({
        status,
        error,
        agreementsTotal: p.total,
        agreementsDone: p.done,
        ordersCreated: p.summary.orders,
        linesCreated: p.summary.lines,
        skipped: p.summary.skipped,
        conflicts: p.summary.conflicts,
        orderIds: p.orderIds.slice(0, RUN_ORDER_IDS_KEPT),
        ...(status === 'running' ? {} : { finishedAt: ctx.now() })
      })
      .where(eq(generationRuns.id, row.id))
      .run()
  let last: GenerationProgress = { done: 0, total: 0, summary: { orders: 0, lines: 0, skipped: 0, conflicts: 0, agreements: 0 }, orderIds: [] }
  const tick = (): void => {
    // The host closed the database (app quitting, a test ending): the run stays 'running' and is marked
    // interrupted at the next start.
    if (!ctx.conn.sqlite.open) return
    try {
      if (cancelled.delete(row.id)) {
        save(last, 'cancelled')
        return
      }
      const deadline = Date.now() + 25
      // A few agreements per turn: short enough to keep API calls flowing between turns.
      while (Date.now() < deadline) {
        const next = steps.next()
        last = next.value
        if (next.done) {
          save(last, 'done')
          return
        }
      }
      save(last, 'running')
      setImmediate(tick)
    } catch (e) {
      if (ctx.conn.sqlite.open) save(last, 'failed', e instanceof Error ? e.message : String(e))
    }
  }
  setImmediate(tick)
  return runRow(ctx.db, row.id)
}

export function getRun(ctx: ServiceContext, i: { id: number }): GenerationRun {
  return runRow(ctx.db, i.id)
}

export function cancelRun(ctx: ServiceContext, i: { id: number }): GenerationRun {
  const run = runRow(ctx.db, i.id)
  if (run.status === 'running') cancelled.add(run.id)
  return run
}

/** Runs left "running" by a process that ended (crash, power cut) are marked failed at start-up. */
export function markInterruptedRuns(db: Db): void {
  db.update(generationRuns).set({ status: 'failed', error: 'Interrupted: Hooldus stopped during the run. Whole agreements were kept; run it again to continue.', finishedAt: Date.now() }).where(eq(generationRuns.status, 'running')).run()
}
