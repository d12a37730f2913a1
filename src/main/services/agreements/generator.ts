import { and, asc, eq, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { DateTime } from 'luxon'
import type { ParsedInput } from '@shared/api/contract'
import { type GenerationRun, type GenerationSummary, MAX_GENERATION_DAYS, type PreviewResult, type Visit } from '@shared/domain/agreements'
import type { LineType } from '@shared/domain/orders'
import { lineAmount, lineNeedsVisit } from '@shared/domain/orderRules'
import {
  addDays,
  addMonths,
  daysBetween,
  type Interval,
  occurrences,
  type Occurrence,
  placeOccurrences,
  type TimeWindow,
  weekday,
  windowOf,
  type WorkCalendar
} from '@shared/recurrence'
import type { Db, Sqlite } from '../../db/connection'
import { agreements, agreementLines, customers, generationRuns, numberSequences, serviceIntervals, timeWindows } from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { AppError, invalid, notFound } from '../core/errors'
import { faultPoint } from '../core/faults'
import { driveInSlices } from '../core/slices'
import { mapBusy } from '../core/tx'
import { loadSettings } from '../settings/settings'
import { type LineDefaults, lineDefaults } from '../orders/edit'
import { initialStage } from '../orders/stages'
import { orderInserts } from '../orders/write'
import { GeneratedClocks } from '../sla/clock'

type GenerationInput = ParsedInput<'agreements.generate'>
type AgreementRecord = typeof agreements.$inferSelect
/** The columns of an agreement line the generator reads (booleans left out: stopped lines are never read). */
type LineRecord = Omit<typeof agreementLines.$inferSelect, 'stopped'>

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

/** What a run reads once: settings, intervals, windows, and the statements that read per agreement. */
interface Context {
  calendar: WorkCalendar
  timeZone: string
  workingHours: { open: boolean; start: string; end: string }[]
  intervals: Map<number, Interval>
  windows: Map<number, TimeWindow>
  reads: Reads
}

/** At most ten calendar years (a day count would let 2026-01-01 … 2036-01-02 through: 3,653 days with two leap days). */
function validateRange(input: Pick<GenerationInput, 'from' | 'to'>): void {
  if (input.to > addMonths(input.from, 120) || daysBetween(input.from, input.to) > MAX_GENERATION_DAYS)
    throw invalid(['to'], 'errors.agreements.tenYears')
}

const LINE_COLUMNS = `id, version, agreement_id as agreementId, line_no as lineNo, type, description, service_object_id as serviceObjectId,
  service_task_id as serviceTaskId, interval_id as intervalId, time_window_id as timeWindowId, start_date as startDate, end_date as endDate,
  start_after as startAfter, end_before as endBefore, quantity, item_id as itemId, category_id as categoryId, unit_price as unitPrice,
  worker_id as workerId, note`

/** Prepared reads, one set per run: Drizzle's query builder per agreement (or per visit) would dominate the run. */
function reads(sqlite: Sqlite) {
  return {
    lines: sqlite.prepare(`select ${LINE_COLUMNS} from agreement_lines where agreement_id = ? and stopped = 0 order by line_no`),
    made: sqlite.prepare(
      `select o.agreement_line_id as line, o.occurrence_date as date from agreement_occurrences o
       join agreement_lines l on l.id = o.agreement_line_id where l.agreement_id = ? and o.occurrence_date between ? and ?`
    ),
    objects: sqlite.prepare(
      'select service_object_id as serviceObjectId, external_note as note from agreement_objects where agreement_id = ? order by service_object_id'
    ),
    tasks: sqlite.prepare(
      'select service_task_id as serviceTaskId, external_note as note from agreement_tasks where agreement_id = ? order by service_task_id'
    ),
    objectSite: sqlite.prepare('select site_id as siteId from service_objects where id = ?'),
    firstSite: sqlite.prepare('select id from customer_sites where customer_id = ? order by id limit 1')
  }
}
type Reads = ReturnType<typeof reads>

function loadContext(ctx: ServiceContext): Context {
  const settings = loadSettings(ctx.db)
  return {
    calendar: { openWeekdays: settings.workingHours.map((d) => d.open), holidays: new Set(settings.holidays.map((h) => h.date)) },
    timeZone: settings.timeZone,
    workingHours: settings.workingHours,
    intervals: new Map(
      ctx.db
        .select()
        .from(serviceIntervals)
        .all()
        .map((i) => [i.id, { unit: i.unit as Interval['unit'], every: i.every }])
    ),
    windows: new Map(
      ctx.db
        .select()
        .from(timeWindows)
        .all()
        .map((w) => [w.id, { kind: w.kind as TimeWindow['kind'], daysBefore: w.daysBefore, daysAfter: w.daysAfter }])
    ),
    reads: reads(ctx.conn.sqlite)
  }
}

/** Agreements that may produce orders in the range: not templates, not suspended, in force for part of it. */
function agreementsInScope(db: Db, input: GenerationInput): AgreementRecord[] {
  const conditions: (SQL | undefined)[] = [
    isNull(agreements.templateGroupId),
    eq(agreements.suspended, false),
    lte(agreements.startDate, input.to),
    or(isNull(agreements.endDate), sql`${agreements.endDate} >= ${input.from}`),
    // One JSON parameter rather than one per id: SQLite refuses more than 32,766 parameters.
    input.agreementIds.length > 0
      ? sql`${agreements.id} IN (SELECT value FROM json_each(${JSON.stringify(input.agreementIds)}))`
      : undefined,
    input.customerId === null ? undefined : eq(agreements.customerId, input.customerId),
    input.groupId === null ? undefined : eq(agreements.groupId, input.groupId)
  ]
  return db
    .select()
    .from(agreements)
    .where(and(...conditions))
    .orderBy(asc(agreements.id))
    .all()
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

/**
 * The visits an agreement needs in the range, leaving out occurrences made before (the ledger). A visit
 * may move inside its time window, but never outside the agreement's dates, the line's dates or the
 * range being generated (a run from today never plans a visit for yesterday).
 */
function planAgreement(a: AgreementRecord, input: GenerationInput, c: Context): AgreementPlan {
  const lines = (c.reads.lines.all(a.id) as LineRecord[]).filter((l) => input.types.includes(l.type as LineType))
  if (lines.length === 0) return { agreement: a, visits: [], skipped: 0 }
  const made = new Set((c.reads.made.all(a.id, input.from, input.to) as { line: number; date: string }[]).map((o) => `${o.line}|${o.date}`))
  let skipped = 0
  const all: PlannedOccurrence[] = []
  for (const line of lines) {
    const from = maxDate(maxDate(input.from, a.startDate), line.startDate)
    const lineEnd = minDate(minDate(input.to, a.endDate), line.endDate)
    if (lineEnd < from) continue
    const interval = line.intervalId === null ? null : (c.intervals.get(line.intervalId) ?? null)
    const window = line.timeWindowId === null ? null : (c.windows.get(line.timeWindowId) ?? null)
    const groupKey = groupKeyOf(a, line)
    for (const date of occurrences(line.startDate, lineEnd, interval, from, lineEnd)) {
      if (made.has(`${line.id}|${date}`)) {
        skipped++
        continue
      }
      const w = windowOf(date, window)
      all.push({ line, lineKey: String(line.id), groupKey, date, from: maxDate(w.from, from), to: minDate(w.to, lineEnd) })
    }
  }
  const visits = placeOccurrences(all, c.calendar)
  // An order's lines in the agreement's line order; two occurrences of one line (batches merged on one date) by date.
  for (const v of visits) v.occurrences.sort((x, y) => x.line.lineNo - y.line.lineNo || x.date.localeCompare(y.date))
  return { agreement: a, visits, skipped }
}

/* ---------- preview ---------- */

/**
 * `visitsOnly`: stop planning once `maxVisits` visits are found (the same visits, as agreements are planned in
 * order), for a reader of the visits alone — the summary then counts only the agreements planned so far.
 */
export function previewGeneration(ctx: ServiceContext, input: ParsedInput<'agreements.preview'>, visitsOnly = false): PreviewResult {
  validateRange(input)
  const c = loadContext(ctx)
  const visits: Visit[] = []
  const summary: GenerationSummary = { orders: 0, lines: 0, skipped: 0, conflicts: 0, agreements: 0 }
  const names = new Map<number, string>()
  for (const a of agreementsInScope(ctx.db, input)) {
    if (visitsOnly && visits.length >= input.maxVisits) break
    const plan = planAgreement(a, input, c)
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
          lines: v.occurrences.map((o) => ({
            agreementLineId: o.line.id,
            lineNo: o.line.lineNo,
            occurrenceDate: o.date,
            type: o.line.type as LineType,
            description: o.line.description
          }))
        })
      }
    }
  }
  visits.sort((x, y) => x.date.localeCompare(y.date) || x.agreementNumber.localeCompare(y.agreementNumber))
  return { ...summary, visits, truncated: summary.orders > visits.length }
}

/* ---------- generation ---------- */

/**
 * Prepared writes for one run: the order rows through the orders module's bulk writer, the numbers and the
 * ledger (this module's table) here.
 */
function writes(sqlite: Sqlite) {
  return {
    orders: orderInserts(sqlite),
    /** Takes `n` numbers at once: answers the first. */
    takeNumbers: sqlite.prepare(
      "update number_sequences set next_number = next_number + ? where code = 'serviceOrder' returning next_number - ? as n, prefix, padding"
    ),
    /** The ledger rows of an agreement's new order lines, in one statement. */
    occurrences: sqlite.prepare(
      `insert into agreement_occurrences (agreement_line_id, occurrence_date, order_line_id, created_at)
       select agreement_line_id, occurrence_date, id, ? from service_order_lines where order_id between ? and ? and +agreement_line_id is not null`
    )
  }
}

type Writes = ReturnType<typeof writes>

interface RunState {
  ctx: ServiceContext
  c: Context
  w: Writes
  stageId: number
  /** Per type + category + item: unit, cost, price, description. */
  defaults: Map<string, LineDefaults>
  /** Service object → its site; customer → its first site. */
  objectSites: Map<number, number | null>
  customerSites: Map<number, number | null>
  /** 'YYYY-MM-DD|minutes' → epoch ms in the shop's time zone. */
  clock: Map<string, number>
  sla: GeneratedClocks
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

/**
 * The instant of a wall-clock time on a date in the shop's time zone. Computed from the clock time, not as
 * midnight + minutes, so that 08:00 on the day the clocks change is still 08:00. 24:00 is the next midnight.
 */
function at(state: RunState, date: string, minutes: number): number {
  const key = `${date}|${minutes}`
  let ms = state.clock.get(key)
  if (ms === undefined) {
    const day = minutes >= 24 * 60 ? addDays(date, 1) : date
    const m = minutes >= 24 * 60 ? 0 : minutes
    ms = DateTime.fromObject(
      {
        year: Number(day.slice(0, 4)),
        month: Number(day.slice(5, 7)),
        day: Number(day.slice(8, 10)),
        hour: Math.floor(m / 60),
        minute: m % 60
      },
      { zone: state.c.timeZone }
    ).toMillis()
    state.clock.set(key, ms)
  }
  return ms
}

function defaultsFor(state: RunState, line: LineRecord): LineDefaults {
  const key = `${line.type}|${line.categoryId}|${line.itemId}`
  let d = state.defaults.get(key)
  if (!d) {
    d = lineDefaults(state.ctx.db, {
      type: line.type as LineType,
      categoryId: line.type === 'item' ? null : line.categoryId,
      itemId: line.type === 'item' ? line.itemId : null
    })
    state.defaults.set(key, d)
  }
  return d
}

/** The order's address: the site of its first service object that has one, else the customer's first site. */
function siteFor(state: RunState, a: AgreementRecord, objectIds: Iterable<number>): number | null {
  const { reads: r } = state.c
  for (const id of objectIds) {
    let site = state.objectSites.get(id)
    if (site === undefined) {
      site = (r.objectSite.get(id) as { siteId: number | null } | undefined)?.siteId ?? null
      state.objectSites.set(id, site)
    }
    if (site !== null) return site
  }
  let site = state.customerSites.get(a.customerId)
  if (site === undefined) {
    site = (r.firstSite.get(a.customerId) as { id: number } | undefined)?.id ?? null
    state.customerSites.set(a.customerId, site)
  }
  return site
}

interface Made {
  orders: number[]
  lines: number
  conflicts: number
}

/** Writes one agreement's planned visits, inside the caller's transaction; its lines' defaults were checked before. */
function writeAgreement(state: RunState, plan: AgreementPlan): Made {
  const a = plan.agreement
  const { ctx, c, w } = state
  const now = ctx.now()
  const made: Made = { orders: [], lines: 0, conflicts: 0 }
  if (plan.visits.length === 0) return made
  const relatedObjects = c.reads.objects.all(a.id) as { serviceObjectId: number; note: string }[]
  const relatedTasks = c.reads.tasks.all(a.id) as { serviceTaskId: number; note: string }[]
  const seq = w.takeNumbers.get(plan.visits.length, plan.visits.length) as { n: number; prefix: string; padding: number } | undefined
  if (!seq) throw new AppError('VALIDATION', 'errors.sequenceMissing', { code: 'serviceOrder' })
  let nextNumber = seq.n
  for (const v of plan.visits) {
    // The order's objects: the agreement's related objects (all of them when the agreement combines
    // everything into one order, else those the lines name), then any line object not related (none: refused on save).
    const lineObjects = new Set<number>()
    const lineTasks = new Set<number>()
    for (const o of v.occurrences) {
      if (o.line.serviceObjectId !== null) lineObjects.add(o.line.serviceObjectId)
      if (o.line.serviceTaskId !== null) lineTasks.add(o.line.serviceTaskId)
    }
    const everything = a.combineRule === 'agreement'
    const objects = new Map<number, string>()
    for (const r of relatedObjects) if (everything || lineObjects.has(r.serviceObjectId)) objects.set(r.serviceObjectId, r.note)
    for (const id of lineObjects) if (!objects.has(id)) objects.set(id, '')
    const tasks = everything ? relatedTasks : relatedTasks.filter((r) => lineTasks.has(r.serviceTaskId))
    const siteId = siteFor(state, a, [...lineObjects, ...objects.keys()])

    let lo = v.occurrences[0]!.from
    let hi = v.occurrences[0]!.to
    let startAfter: number | null = null
    let endBefore: number | null = null
    let hours = 0
    for (const o of v.occurrences) {
      if (o.from > lo) lo = o.from
      if (o.to < hi) hi = o.to
      if (o.line.startAfter !== null) startAfter = Math.max(startAfter ?? 0, minutesOf(o.line.startAfter))
      if (o.line.endBefore !== null) endBefore = Math.min(endBefore ?? 24 * 60, minutesOf(o.line.endBefore))
      if (o.line.type === 'hour') hours += o.line.quantity / 1000
    }
    const day = c.workingHours[weekday(v.date)]!
    const startMinutes = startAfter ?? (day.open ? minutesOf(day.start) : 8 * 60)
    // Fees and expenses alone are invoiced, not visited (ADR 0016): no planned time, no SLA clock, not in the tray.
    const needsVisit = v.occurrences.some((o) => lineNeedsVisit(o.line))
    const plannedStart = needsVisit ? at(state, v.date, startMinutes) : null
    const plannedEnd =
      plannedStart === null
        ? null
        : endBefore !== null
          ? at(state, v.date, Math.max(endBefore, startMinutes))
          : plannedStart + Math.max(1, hours) * 3_600_000

    const lines = v.occurrences.map((o, n) => {
      const d = defaultsFor(state, o.line)
      return {
        o,
        n: n + 1,
        d,
        price: o.line.unitPrice ?? d.unitPrice,
        workerId: o.line.workerId ?? (o.line.type === 'hour' ? a.responsibleWorkerId : null)
      }
    })
    let salesTotal = 0
    let costTotal = 0
    for (const l of lines) {
      salesTotal += lineAmount(l.o.line.quantity, l.price)
      costTotal += lineAmount(l.o.line.quantity, l.d.unitCost)
    }
    const number = `${seq.prefix}${String(nextNumber++).padStart(seq.padding, '0')}`
    const orderId = w.orders.order({
      number,
      customerId: a.customerId,
      siteId,
      oneTimeAddress: siteId === null ? `See agreement ${a.number}` : '',
      contactId: a.contactId,
      description: a.description,
      priority: 'normal',
      requestedStart: at(state, lo, startAfter ?? 0),
      requestedEnd: at(state, hi, endBefore ?? 24 * 60),
      plannedStart,
      plannedEnd,
      actualStart: null,
      actualEnd: null,
      preferredWorkerId: a.preferredWorkerId,
      responsibleWorkerId: a.responsibleWorkerId,
      agreementId: a.id,
      origin: 'agreement',
      stageId: state.stageId,
      progress: 'inProcess',
      lineCount: lines.length,
      salesTotal,
      costTotal,
      isTemplate: false,
      calendarConflict: v.calendarConflict,
      needsVisit,
      notes: '',
      signedOffAt: null,
      signedOffBy: null,
      createdAt: now,
      updatedAt: now
    })
    w.orders.history({
      orderId,
      at: now,
      userId: ctx.user?.id ?? null,
      fromStageId: null,
      toStageId: state.stageId,
      reasonId: null,
      note: `Created from agreement ${a.number}`
    })
    // A visit planned for June is not late in March: its SLA clock starts at the planned start.
    if (plannedStart !== null) state.sla.start(orderId, a, 'normal', plannedStart)
    for (const [id, note] of objects) w.orders.object(orderId, id, note)
    for (const t of tasks) w.orders.task(orderId, t.serviceTaskId, t.note)
    for (const l of lines) {
      const line = l.o.line
      const item = line.type === 'item'
      w.orders.line({
        orderId,
        lineNo: l.n,
        type: line.type,
        description: line.description || l.d.description,
        workerId: l.workerId,
        serviceObjectId: line.serviceObjectId,
        serviceTaskId: line.serviceTaskId,
        categoryId: item ? null : line.categoryId,
        itemId: item ? line.itemId : null,
        quantity: line.quantity,
        unit: l.d.unit,
        unitCost: l.d.unitCost,
        unitPrice: l.price,
        scheduledDate: v.date,
        actualDate: null,
        note: line.note,
        status: 'created',
        signedOffAt: null,
        signedOffBy: null,
        postedAt: null,
        postedBy: null,
        agreementLineId: line.id,
        occurrenceDate: l.o.date
      })
    }
    made.orders.push(orderId)
    made.lines += lines.length
    if (v.calendarConflict) made.conflicts++
    faultPoint('generate.afterOrder')
  }
  // The ledger: every occurrence just turned into an order line, so that no later run makes it again.
  w.occurrences.run(now, made.orders[0], made.orders[made.orders.length - 1])
  return made
}

export interface GenerationProgress {
  done: number
  total: number
  summary: GenerationSummary
  orderIds: number[]
}

export interface Generation {
  readonly progress: GenerationProgress
  readonly finished: boolean
  /**
   * Generates agreements in order for about `sliceMs` (at least one) in one transaction, commits, and
   * answers the progress. A slice holds whole agreements only: each agreement is planned and checked
   * (its lines' categories and items) before any of its rows are written, and when that fails the
   * agreements before it are committed and the error is thrown. A failure while writing (not expected:
   * everything was checked) rolls back the whole slice. No savepoint per agreement: SQLite copies every
   * page an agreement first touches into a sub-journal, which cost a third of the run.
   * `record` runs inside the slice's transaction after its work (also when an agreement failed its check),
   * so whatever it writes about the progress commits with the rows it counts — or not at all.
   */
  step: (sliceMs: number, record?: (p: GenerationProgress) => void) => GenerationProgress
}

/**
 * A run over every agreement in scope. Planning reads the ledger inside the write transaction
 * (BEGIN IMMEDIATE), so two runs at once — two windows, the app and a scheduled CLI run — can never both
 * plan the same occurrence: the second waits and then sees the first one's rows.
 */
export function createGeneration(ctx: ServiceContext, input: GenerationInput): Generation {
  validateRange(input)
  const scope = agreementsInScope(ctx.db, input)
  const state: RunState = {
    ctx,
    c: loadContext(ctx),
    w: writes(ctx.conn.sqlite),
    stageId: initialStage(ctx.db).id,
    defaults: new Map(),
    objectSites: new Map(),
    customerSites: new Map(),
    clock: new Map(),
    sla: new GeneratedClocks(ctx, ctx.conn.sqlite)
  }
  if (!ctx.db.select({ code: numberSequences.code }).from(numberSequences).where(eq(numberSequences.code, 'serviceOrder')).get()) {
    throw new AppError('VALIDATION', 'errors.sequenceMissing', { code: 'serviceOrder' })
  }
  const progress: GenerationProgress = {
    done: 0,
    total: scope.length,
    summary: { orders: 0, lines: 0, skipped: 0, conflicts: 0, agreements: 0 },
    orderIds: []
  }
  const sqlite = ctx.conn.sqlite
  const slice = sqlite.transaction((deadline: number, record?: (p: GenerationProgress) => void): unknown => {
    const error = work(deadline)
    record?.(progress)
    return error
  })
  const work = (deadline: number): unknown => {
    do {
      const a = scope[progress.done]!
      let plan: AgreementPlan
      try {
        plan = planAgreement(a, input, state.c)
        for (const v of plan.visits) for (const o of v.occurrences) defaultsFor(state, o.line)
      } catch (e) {
        // Nothing of this agreement is written yet: keep the ones before it.
        return e
      }
      const made = writeAgreement(state, plan)
      progress.summary.skipped += plan.skipped
      if (made.orders.length > 0) {
        progress.summary.orders += made.orders.length
        progress.summary.lines += made.lines
        progress.summary.conflicts += made.conflicts
        progress.summary.agreements++
        for (const id of made.orders) progress.orderIds.push(id)
      }
      progress.done++
    } while (progress.done < scope.length && performance.now() < deadline)
    return null
  }
  return {
    progress,
    get finished() {
      return progress.done >= scope.length
    },
    step(sliceMs, record) {
      if (progress.done >= scope.length) return progress
      // Counters move inside the transaction; keep a copy to put back if the commit itself fails.
      const before = { ...progress, summary: { ...progress.summary }, orderIds: progress.orderIds.length }
      let error: unknown
      try {
        error = slice.immediate(performance.now() + sliceMs, record)
      } catch (e) {
        Object.assign(progress, { done: before.done, summary: before.summary })
        progress.orderIds.length = before.orderIds
        throw mapBusy(e)
      }
      faultPoint('generate.afterCommit')
      if (error) throw error
      return progress
    }
  }
}

/** Yields after each committed slice of agreements; used by callers that report progress as they go. */
export function* generationSteps(
  ctx: ServiceContext,
  input: GenerationInput,
  sliceMs = 1000
): Generator<GenerationProgress, GenerationProgress> {
  const run = createGeneration(ctx, input)
  while (!run.finished) yield run.step(sliceMs)
  return run.progress
}

/** Generates synchronously (the CLI, tests); `onProgress` is called after each committed slice. */
export function runGeneration(
  ctx: ServiceContext,
  input: GenerationInput,
  onProgress?: (p: GenerationProgress) => void,
  sliceMs = 1000
): GenerationProgress {
  const run = createGeneration(ctx, input)
  while (!run.finished) {
    // Not `onProgress?.(run.step(…))`: an optional call skips evaluating its argument.
    const p = run.step(sliceMs)
    onProgress?.(p)
  }
  return run.progress
}

/* ---------- background runs ---------- */

const cancelled = new Set<number>()
const RUN_ORDER_IDS_KEPT = 2000
/** How long one turn of the event loop may generate: short enough to keep API calls flowing between turns. */
const SLICE_MS = 50

function runRow(db: Db, id: number): GenerationRun {
  const r = db.select().from(generationRuns).where(eq(generationRuns.id, id)).get()
  if (!r) throw notFound('generationRun')
  return { ...r, status: r.status as GenerationRun['status'], orderIds: r.orderIds }
}

/**
 * Starts a run in the background and answers at once. better-sqlite3 is synchronous, so the run works a
 * slice at a time (a few agreements per turn of the event loop, committed before the turn ends): the app
 * stays responsive, no transaction is ever open between turns, and every agreement is whole or absent
 * (see docs/adr/0004-agreement-generation.md).
 */
export function startGeneration(ctx: ServiceContext, input: GenerationInput): GenerationRun {
  const run = createGeneration(ctx, input)
  const row = ctx.db
    .insert(generationRuns)
    .values({
      startedAt: ctx.now(),
      userId: ctx.user?.id ?? null,
      fromDate: input.from,
      toDate: input.to,
      status: 'running',
      agreementsTotal: run.progress.total,
      orderIds: []
    })
    .returning({ id: generationRuns.id })
    .get()
  const save = (status: GenerationRun['status'], error: string | null = null) => {
    const p = run.progress
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
  }
  driveInSlices(ctx.conn, run, { sliceMs: SLICE_MS, cancelRequested: () => cancelled.delete(row.id), save })
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
  db.update(generationRuns)
    .set({
      status: 'failed',
      error: 'Interrupted: Hooldus stopped during the run. Whole agreements were kept; run it again to continue.',
      finishedAt: Date.now()
    })
    .where(eq(generationRuns.status, 'running'))
    .run()
}
