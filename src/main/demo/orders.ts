import { DateTime } from 'luxon'
import { deriveProgress, lineAmount } from '@shared/domain/orderRules'
import { invoiceReferenceNumber } from '@shared/domain/referenceNumber'
import type { LineStatus, LineType, Priority, Progress } from '@shared/domain/orders'
import type { Sqlite } from '../db/connection'
import { AppError } from '../services/core/errors'
import { orderInserts, orderSeedUpdates } from '../services/orders/write'
import {
  CATEGORIES,
  INSPECTION_TASKS,
  ITEMS,
  LINE_NOTES,
  type ObjectGroupCode,
  ORDER_NOTES,
  ORDER_TEMPLATES,
  ORDER_WORK,
  SERVICE_TASKS
} from './catalog'
import { takeNumbers } from './numbers'
import { type City, formatAddress, randomAddress } from './places'
import { type Random, WeightedPool } from './random'

/**
 * Demo service orders: every stage of the default workflow, spread over the weeks before and after the
 * anchor date, with hours, parts, expenses and fees, sign-offs, postings and invoices — written the way
 * the services would have left them (derived progress and totals, stage history along the tree, invoice
 * numbers from the sequence, VAT per line at the default rate).
 *
 * Times are anchored on the demo date (noon of `today` is "now"), so the same seed and date give the same
 * orders whatever the clock says. Planning (`planOrders`) draws everything from the seeded generator and
 * touches no database; `writeOrders` and `writeInvoices` then put the rows in through prepared statements
 * inside the caller's transaction.
 */

/** Weeks of history and of plans, and the number of dated orders, at a scale. */
export function demoOrderPlan(scale: number): { historyWeeks: number; futureWeeks: number; orders: number } {
  // About 30 orders a week per scale unit. A bigger company's demo also reaches further back (√scale):
  // 6 weeks at scale 1, a year at scale 100 — the bench's 200,000 orders.
  const historyWeeks = Math.max(1, Math.round(6 * Math.sqrt(scale)))
  const futureWeeks = 4
  return { historyWeeks, futureWeeks, orders: Math.max(1, Math.round(30 * scale * (historyWeeks + futureWeeks))) }
}

export interface DemoObject {
  id: number
  group: ObjectGroupCode
  name: string
}

export interface DemoSite {
  id: number
  customerId: number
  contactIds: number[]
  city: City
  objects: DemoObject[]
}

export interface OrderInput {
  rnd: Random
  scale: number
  today: string
  sites: DemoSite[]
  technicianIds: number[]
  itemIds: Map<string, number>
  categoryIds: Map<string, number>
  taskIds: Map<string, number>
  users: { manager: number | null; dispatcher: number | null; tech: number | null; techWorkerId: number | null }
}

export interface OrderCounts {
  serviceOrders: number
  templateOrders: number
  orderLines: number
  invoices: number
  byStage: Record<string, number>
}

const STAGES = ['NEW', 'SCHEDULED', 'ON-HOLD', 'IN-PROGRESS', 'WAIT-PARTS', 'COMPLETED', 'CLOSED'] as const
type StageCode = (typeof STAGES)[number]
type Outcome = StageCode | 'CANCELLED'

/** The path from the initial stage to each stage of the default workflow. */
const PATHS: Record<StageCode, StageCode[]> = {
  NEW: ['NEW'],
  SCHEDULED: ['NEW', 'SCHEDULED'],
  'ON-HOLD': ['NEW', 'SCHEDULED', 'ON-HOLD'],
  'IN-PROGRESS': ['NEW', 'SCHEDULED', 'IN-PROGRESS'],
  'WAIT-PARTS': ['NEW', 'SCHEDULED', 'IN-PROGRESS', 'WAIT-PARTS'],
  COMPLETED: ['NEW', 'SCHEDULED', 'IN-PROGRESS', 'COMPLETED'],
  CLOSED: ['NEW', 'SCHEDULED', 'IN-PROGRESS', 'COMPLETED', 'CLOSED']
}
const STARTED = new Set<Outcome>(['IN-PROGRESS', 'WAIT-PARTS', 'COMPLETED', 'CLOSED'])

/** Where an order stands, by how far its planned day is from today. */
function outcomeFor(rnd: Random, offset: number): Outcome {
  const w = (pairs: [Outcome, number][]) => rnd.weighted(pairs)
  if (offset <= -15)
    return w([
      ['CLOSED', 62],
      ['COMPLETED', 16],
      ['WAIT-PARTS', 4],
      ['ON-HOLD', 3],
      ['IN-PROGRESS', 4],
      ['CANCELLED', 6],
      ['SCHEDULED', 3],
      ['NEW', 2]
    ])
  if (offset <= -4)
    return w([
      ['CLOSED', 30],
      ['COMPLETED', 30],
      ['IN-PROGRESS', 12],
      ['WAIT-PARTS', 10],
      ['ON-HOLD', 5],
      ['CANCELLED', 5],
      ['SCHEDULED', 6],
      ['NEW', 2]
    ])
  if (offset < 0)
    return w([
      ['COMPLETED', 30],
      ['IN-PROGRESS', 28],
      ['WAIT-PARTS', 10],
      ['ON-HOLD', 5],
      ['CLOSED', 5],
      ['SCHEDULED', 15],
      ['CANCELLED', 4],
      ['NEW', 3]
    ])
  if (offset === 0)
    return w([
      ['IN-PROGRESS', 40],
      ['SCHEDULED', 30],
      ['COMPLETED', 10],
      ['WAIT-PARTS', 5],
      ['ON-HOLD', 5],
      ['NEW', 10]
    ])
  if (offset <= 7)
    return w([
      ['SCHEDULED', 58],
      ['NEW', 25],
      ['ON-HOLD', 10],
      ['CANCELLED', 7]
    ])
  return w([
    ['NEW', 48],
    ['SCHEDULED', 42],
    ['ON-HOLD', 5],
    ['CANCELLED', 5]
  ])
}

interface Line {
  type: LineType
  description: string
  workerId: number | null
  objectId: number | null
  taskId: number | null
  categoryId: number | null
  itemId: number | null
  quantity: number
  unit: string
  unitCost: number
  unitPrice: number
  scheduledDate: string | null
  actualDate: string | null
  note: string
  status: LineStatus
  signedOffAt: number | null
  signedOffBy: number | null
  postedAt: number | null
  postedBy: number | null
}

const HOUR = 3_600_000
const MINUTE = 60_000
const DAY = 24 * HOUR

type HistoryStep = { at: number; userId: number | null; from: StageCode | null; to: StageCode; reasonId: number | null; note: string }

/** One order as planned, in the terms of the database row (stages by code; number, progress and totals are the writer's). */
export interface PlannedOrder {
  customerId: number
  siteId: number | null
  oneTimeAddress: string
  contactId: number | null
  description: string
  priority: Priority
  requestedStart: number | null
  requestedEnd: number | null
  plannedStart: number | null
  plannedEnd: number | null
  actualStart: number | null
  actualEnd: number | null
  preferredWorkerId: number | null
  responsibleWorkerId: number | null
  stage: StageCode
  cancelled: boolean
  isTemplate: boolean
  notes: string
  signedOffAt: number | null
  createdAt: number
  updatedAt: number
  lines: Line[]
  objectId: number | null
  taskId: number | null
  history: HistoryStep[]
}

/** An invoice for one planned order (by its place in the plan), on a day counted from the anchor date. */
interface PlannedInvoice {
  orderIndex: number
  customerId: number
  day: number
  at: number
}

/** What the plan needs from the database: the shop's settings, the workflow's stages and the reasons. */
export interface OrderSetup {
  tz: string
  currency: string
  vat: { code: string; rate: number }
  stageIds: Map<string, number>
  holdReasons: (number | null)[]
  partsReason: number | null
}

export interface OrderPlan {
  orders: PlannedOrder[]
  invoices: PlannedInvoice[]
  datedOrders: number
  byStage: Record<string, number>
  /** The calendar day at an offset from the anchor date. */
  dayAt: (offset: number) => CalendarDay
}

interface CalendarDay {
  date: string
  start: number
  eight: number
  weekday: number
}

export function generateOrders(s: Sqlite, input: OrderInput): OrderCounts {
  const setup = readOrderSetup(s)
  const plan = planOrders(input, setup)
  const orderIds = writeOrders(s, plan.orders, setup, input.users.manager)
  writeInvoices(s, plan, orderIds, setup, input.users.manager)
  return {
    serviceOrders: plan.datedOrders,
    templateOrders: ORDER_TEMPLATES.length,
    orderLines: plan.orders.reduce((sum, o) => sum + o.lines.length, 0),
    invoices: plan.invoices.length,
    byStage: plan.byStage
  }
}

function readOrderSetup(s: Sqlite): OrderSetup {
  const settings = s.prepare('select time_zone as tz, currency, vat_rates as vat from settings where id = 1').get() as
    | { tz: string; currency: string; vat: string }
    | undefined
  const vatRates = settings
    ? (JSON.parse(settings.vat) as { code: string; rate: number; isDefault: boolean }[])
    : [{ code: 'S', rate: 2400, isDefault: true }]
  const stageIds = new Map(
    (s.prepare('select id, code from service_stages').all() as { id: number; code: string }[]).map((r) => [r.code, r.id])
  )
  for (const code of STAGES) {
    if (!stageIds.has(code)) throw new AppError('VALIDATION', 'errors.demo.stageMissing', { code })
  }
  const reasonIds = new Map(
    (s.prepare('select id, code from stage_reasons').all() as { id: number; code: string }[]).map((r) => [r.code, r.id])
  )
  return {
    tz: settings?.tz ?? 'Europe/Tallinn',
    currency: settings?.currency ?? 'EUR',
    vat: vatRates.find((r) => r.isDefault) ?? vatRates[0]!,
    stageIds,
    holdReasons: ['CUST-AWAY', 'NO-ACCESS', 'CUST-REQ', 'WEATHER'].map((c) => reasonIds.get(c) ?? null),
    partsReason: reasonIds.get('PARTS') ?? null
  }
}

/* ---------- planning: rows from the seeded generator, no database ---------- */

/** The days around the anchor date that orders, requested windows and due dates fall on. */
function demoCalendar(today: string, tz: string, historyWeeks: number, futureWeeks: number) {
  // Orders fall on [-7·history, 7·future] (weekends moved by a day); requested windows and due dates reach further.
  const firstOffset = -7 * historyWeeks - 8
  const lastOffset = 7 * futureWeeks + 21
  const anchor = DateTime.fromISO(today, { zone: tz }).startOf('day')
  const days: CalendarDay[] = []
  for (let off = firstOffset; off <= lastOffset; off++) {
    const d = anchor.plus({ days: off })
    days.push({ date: d.toISODate()!, start: d.toMillis(), eight: d.set({ hour: 8 }).toMillis(), weekday: d.weekday })
  }
  return {
    dayAt: (offset: number) => days[offset - firstOffset]!,
    now: anchor.set({ hour: 12 }).toMillis(),
    // Instants here are 08:00 or later local time, so an hour of daylight saving never moves them to another day.
    offsetOfMs: (ms: number) => Math.floor((ms - anchor.toMillis()) / DAY)
  }
}

/** Catalogue rows with their ids, and order lines made from them. */
function lineFactory(input: OrderInput) {
  const category = (code: string) => {
    const c = CATEGORIES.find((x) => x.code === code)!
    return { id: input.categoryIds.get(code)!, ...c }
  }
  const item = (number: string) => ({ id: input.itemIds.get(number)!, ...ITEMS.find((x) => x.number === number)! })
  const task = (code: string) => ({ id: input.taskIds.get(code)!, ...SERVICE_TASKS.find((t) => t.code === code)! })
  const blankLine = (l: Partial<Line> & Pick<Line, 'type' | 'description' | 'quantity' | 'unit' | 'unitCost' | 'unitPrice'>): Line => ({
    workerId: null,
    objectId: null,
    taskId: null,
    categoryId: null,
    itemId: null,
    scheduledDate: null,
    actualDate: null,
    note: '',
    status: 'created',
    signedOffAt: null,
    signedOffBy: null,
    postedAt: null,
    postedBy: null,
    ...l
  })
  const fromCategory = (c: ReturnType<typeof category>, quantity: number, extra: Partial<Line> = {}) =>
    blankLine({
      type: c.type,
      description: c.name,
      categoryId: c.id,
      quantity,
      unit: c.unit,
      unitCost: c.costPrice,
      unitPrice: c.salesPrice,
      ...extra
    })
  const fromItem = (number: string, quantity: number, extra: Partial<Line> = {}) => {
    const it = item(number)
    return blankLine({
      type: 'item',
      description: it.name,
      itemId: it.id,
      quantity,
      unit: it.unit,
      unitCost: it.costPrice,
      unitPrice: it.salesPrice,
      ...extra
    })
  }
  return { category, item, task, fromCategory, fromItem }
}
type Lines = ReturnType<typeof lineFactory>

/** Everything one order's planning draws on. */
interface PlanContext {
  rnd: Random
  input: OrderInput
  setup: OrderSetup
  make: Lines
  dayAt: (offset: number) => CalendarDay
  now: number
  offsetOfMs: (ms: number) => number
  invoices: PlannedInvoice[]
  byStage: Record<string, number>
  clampTime: (t: number, after: number) => number
}

/** The dated orders (and the templates before them), and the invoices of the invoiced ones. */
export function planOrders(input: OrderInput, setup: OrderSetup): OrderPlan {
  const { rnd } = input
  const weeks = demoOrderPlan(input.scale)
  const calendar = demoCalendar(input.today, setup.tz, weeks.historyWeeks, weeks.futureWeeks)
  const { dayAt, now } = calendar
  const make = lineFactory(input)
  const orders = planTemplates(input, make, now)

  const sitePool = new WeightedPool()
  input.sites.forEach((site, i) => sitePool.add(i, 1 + Math.min(6, site.objects.length)))
  const offsets: number[] = []
  for (let i = 0; i < weeks.orders; i++) {
    let off = rnd.int(-7 * weeks.historyWeeks, 7 * weeks.futureWeeks - 1)
    const wd = dayAt(off).weekday
    if (wd === 6) off -= 1
    else if (wd === 7) off += 1
    offsets.push(off)
  }
  offsets.sort((a, b) => a - b)

  const ctx: PlanContext = {
    rnd,
    input,
    setup,
    make,
    ...calendar,
    invoices: [],
    byStage: {},
    clampTime: (t, after) => Math.min(now, Math.max(after + MINUTE, t))
  }
  for (const offset of offsets) orders.push(planDatedOrder(ctx, offset, input.sites[sitePool.pick(rnd)]!, orders.length))
  return { orders, invoices: ctx.invoices, datedOrders: offsets.length, byStage: ctx.byStage, dayAt }
}

function planTemplates(input: OrderInput, make: Lines, now: number): PlannedOrder[] {
  const templateSite = input.sites[0]!
  const anchorStamp = now - 30 * DAY
  return ORDER_TEMPLATES.map((t): PlannedOrder => {
    const tk = make.task(t.task)
    const lines = [
      make.fromCategory(make.category('LAB'), t.hours, { taskId: tk.id }),
      ...t.parts.map((p) => make.fromItem(p.item, p.quantity)),
      ...(t.fee ? [make.fromCategory(make.category(t.fee), 1000)] : [])
    ]
    return {
      customerId: templateSite.customerId,
      siteId: templateSite.id,
      oneTimeAddress: '',
      contactId: null,
      description: t.description,
      priority: 'normal',
      requestedStart: null,
      requestedEnd: null,
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
      preferredWorkerId: null,
      responsibleWorkerId: null,
      stage: 'NEW',
      cancelled: false,
      isTemplate: true,
      notes: 'Kopeeri selle malli read hooldustellimusele nupuga "Kopeeri read mallist…".',
      signedOffAt: null,
      createdAt: anchorStamp,
      updatedAt: anchorStamp,
      lines,
      objectId: null,
      taskId: tk.id,
      history: [{ at: anchorStamp, userId: input.users.manager, from: null, to: 'NEW', reasonId: null, note: '' }]
    }
  })
}

/** The order's subject, where it stands, who does it and when — the draws before its lines. */
function planSubject(ctx: PlanContext, offset: number, site: DemoSite) {
  const { rnd, input } = ctx
  const object = site.objects.length > 0 ? rnd.pick(site.objects) : null
  const group = object?.group ?? rnd.pick(Object.keys(ORDER_WORK) as ObjectGroupCode[])
  const work = ORDER_WORK[group]
  const breakdown = rnd.chance(0.35)
  const tk = ctx.make.task(breakdown ? 'CALLOUT' : rnd.pick(work.tasks))
  const outcome = outcomeFor(rnd, offset)
  const stage: StageCode = outcome === 'CANCELLED' ? (rnd.chance(0.5) ? 'NEW' : 'SCHEDULED') : outcome
  ctx.byStage[outcome] = (ctx.byStage[outcome] ?? 0) + 1
  const priority: Priority = breakdown ? (rnd.chance(0.6) ? 'high' : 'normal') : rnd.chance(0.25) ? 'low' : 'normal'
  const responsible = rnd.pick(input.technicianIds)
  const second = rnd.chance(0.12) ? rnd.pick(input.technicianIds) : responsible

  // Times: planned on the day between 08:00 and 15:30; created before that (and before now).
  const plannedStart = ctx.dayAt(offset).eight + rnd.int(0, 15) * 30 * MINUTE
  const lead = breakdown ? rnd.int(1, 20) * HOUR : rnd.int(1, 21) * DAY
  const createdAt = Math.min(plannedStart, ctx.now) - lead
  const description = breakdown
    ? `${rnd.pick(work.faults)}${object ? ` — ${object.name}` : ''}`
    : `${tk.name}${object ? `: ${object.name}` : ''}`
  return {
    object,
    work,
    breakdown,
    tk,
    outcome,
    stage,
    priority,
    responsible,
    second,
    started: STARTED.has(outcome),
    plannedStart,
    createdAt,
    description
  }
}
type Subject = ReturnType<typeof planSubject>

/** The hours, and for work that has started the parts, expenses and fees as well. */
function planLines(ctx: PlanContext, x: Subject, date: string): Line[] {
  const { rnd, make } = ctx
  const { breakdown, tk, outcome, started, responsible, second, work } = x
  const lines: Line[] = []
  const hours = breakdown ? rnd.int(2, 16) * 250 : Math.max(500, Math.round((tk.minutes / 60) * (0.75 + rnd.next() * 0.75) * 4) * 250)
  const withHours = started || rnd.chance(outcome === 'NEW' ? 0.4 : 0.7)
  const base = { objectId: x.object?.id ?? null, taskId: tk.id, scheduledDate: date, actualDate: started ? date : null }
  const labour = make.category('LAB')
  if (withHours) {
    const cat = breakdown && x.priority === 'high' && rnd.chance(0.3) ? make.category('OT') : labour
    lines.push(
      make.fromCategory(cat, hours, { ...base, workerId: responsible, note: started && rnd.chance(0.3) ? rnd.pick(LINE_NOTES) : '' })
    )
    if (second !== responsible && started) lines.push(make.fromCategory(labour, rnd.int(2, 8) * 250, { ...base, workerId: second }))
  }
  if (!started) return lines
  const own = { ...base, workerId: responsible }
  if (rnd.chance(0.25)) lines.push(make.fromCategory(make.category('TRAVEL'), rnd.int(1, 4) * 250, own))
  if (outcome !== 'WAIT-PARTS' && rnd.chance(0.55)) {
    for (const part of rnd.sample(work.parts, rnd.int(1, 2))) {
      const it = make.item(part)
      const quantity = it.unit === 'kg' ? rnd.int(1, 6) * 500 : rnd.int(1, it.unit === 'tk' && part.startsWith('P-FILT') ? 6 : 2) * 1000
      lines.push(make.fromItem(part, quantity, own))
    }
  }
  if (rnd.chance(0.5)) lines.push(make.fromCategory(make.category('KM'), rnd.int(8, 150) * 1000, own))
  if (rnd.chance(0.1)) {
    const price = rnd.int(2, 8) * 100
    lines.push(make.fromCategory(make.category('PARK'), 1000, { ...own, unitCost: price, unitPrice: price, note: 'Parkimistšekk lisatud' }))
  }
  if (rnd.chance(0.08)) {
    const cost = rnd.int(5, 60) * 100
    lines.push(
      make.fromCategory(make.category('MAT'), 1000, {
        ...own,
        unitCost: cost,
        unitPrice: Math.round(cost * 1.3),
        description: 'Hermeetik, kinnitusvahendid ja kaablisidemed'
      })
    )
  }
  if (breakdown) lines.push(make.fromCategory(make.category('CALLOUT'), 1000, base))
  else if (INSPECTION_TASKS.has(tk.code) && rnd.chance(0.6)) lines.push(make.fromCategory(make.category('INSP'), 1000, base))
  return lines
}

/** The stage history along the tree, with the times the work happened (never after now). */
function planHistory(ctx: PlanContext, x: Subject, workMs: number) {
  const { rnd, input, setup, clampTime, now } = ctx
  const { users } = input
  const dispatcher = users.dispatcher
  const doer = x.responsible === users.techWorkerId ? users.tech : dispatcher
  const history: HistoryStep[] = []
  const times = {
    actualStart: null as number | null,
    actualEnd: null as number | null,
    completedAt: null as number | null,
    closedAt: null as number | null
  }
  let at = x.createdAt
  let previous: StageCode | null = null
  for (const to of PATHS[x.stage]) {
    let userId = dispatcher
    let reasonId: number | null = null
    let note = ''
    if (to === 'NEW') at = x.createdAt
    else if (to === 'SCHEDULED') at = clampTime(x.createdAt + rnd.int(10, 240) * MINUTE, at)
    else if (to === 'ON-HOLD') {
      at = clampTime(Math.max(at + HOUR, Math.min(x.plannedStart - DAY, now - HOUR)), at)
      reasonId = rnd.pick(setup.holdReasons)
      note = rnd.chance(0.5) ? 'Klient helistab tagasi ja pakub uue aja' : ''
    } else if (to === 'IN-PROGRESS') {
      times.actualStart = clampTime(x.plannedStart + rnd.int(-2, 4) * 15 * MINUTE, at)
      at = times.actualStart
      userId = doer
    } else if (to === 'WAIT-PARTS') {
      at = clampTime(at + rnd.int(1, 3) * HOUR, at)
      reasonId = setup.partsReason
      note = `Tellitud: ${rnd.pick(x.work.parts.map((p) => ctx.make.item(p).name))}`
      userId = doer
    } else if (to === 'COMPLETED') {
      times.actualEnd = clampTime(at + workMs, at)
      at = times.actualEnd
      times.completedAt = at
      userId = doer
    } else {
      at = clampTime(at + rnd.int(1, 3) * DAY, at)
      times.closedAt = at
      userId = users.manager
    }
    history.push({ at, userId, from: previous, to, reasonId, note })
    previous = to
  }
  return { history, ...times }
}

/**
 * Line statuses: cancelled orders cancel everything; done work is signed off, posted and invoiced.
 * Answers when the order was signed off, and plans its invoice (for the order at `orderIndex`).
 */
function settleLines(
  ctx: PlanContext,
  x: Subject,
  lines: Line[],
  done: { completedAt: number | null; closedAt: number | null },
  customerId: number,
  orderIndex: number
): number | null {
  const { rnd, input, clampTime, now } = ctx
  const manager = input.users.manager
  if (x.outcome === 'CANCELLED') {
    for (const l of lines) l.status = 'cancelled'
    return null
  }
  if (!x.started) return null
  const r = rnd.next()
  const post = x.outcome === 'CLOSED' || (x.outcome === 'COMPLETED' && r < 0.35)
  const sign = post || (x.outcome === 'COMPLETED' && r < 0.65)
  const signAt = done.completedAt === null ? null : clampTime(done.completedAt + rnd.int(1, 20) * HOUR, done.completedAt)
  const postAt = signAt === null ? null : (done.closedAt ?? clampTime(signAt + rnd.int(1, 24) * HOUR, signAt))
  for (const [n, l] of lines.entries()) {
    // Now and then a line was entered by mistake and cancelled (never the only one: the work was done).
    if (n > 0 && rnd.chance(0.03)) {
      l.status = 'cancelled'
      continue
    }
    if (sign && signAt !== null) Object.assign(l, { signedOffAt: signAt, signedOffBy: manager })
    if (post && postAt !== null) Object.assign(l, { status: 'posted', postedAt: postAt, postedBy: manager })
  }
  const invoiced = post && postAt !== null && lines.some((l) => l.status === 'posted') && rnd.chance(x.outcome === 'CLOSED' ? 0.85 : 0.5)
  if (invoiced) {
    const day = Math.min(0, ctx.offsetOfMs(postAt) + rnd.int(0, 3))
    ctx.invoices.push({ orderIndex, customerId, day, at: Math.min(now, Math.max(postAt, ctx.dayAt(day).start + 10 * HOUR)) })
  }
  return sign && signAt !== null && lines.some((l) => l.status !== 'cancelled') ? signAt : null
}

function planDatedOrder(ctx: PlanContext, offset: number, site: DemoSite, orderIndex: number): PlannedOrder {
  const { rnd, input, dayAt } = ctx
  const x = planSubject(ctx, offset, site)
  const lines = planLines(ctx, x, dayAt(offset).date)
  const totalHours = lines.filter((l) => l.type === 'hour').reduce((sum, l) => sum + l.quantity, 0) || x.tk.minutes * (1000 / 60)
  const workMs = Math.max(HOUR, Math.round(totalHours / 250) * 15 * MINUTE)
  const { history, actualStart, actualEnd, ...done } = planHistory(ctx, x, workMs)
  const signedOffAt = settleLines(ctx, x, lines, done, site.customerId, orderIndex)

  const oneTime = rnd.chance(0.03)
  const windowed = rnd.chance(0.5)
  const unplanned = x.outcome === 'NEW' && rnd.chance(0.4)
  return {
    customerId: site.customerId,
    siteId: oneTime ? null : site.id,
    oneTimeAddress: oneTime ? formatAddress(randomAddress(rnd, site.city)) : '',
    contactId: site.contactIds.length > 0 && rnd.chance(0.7) ? rnd.pick(site.contactIds) : null,
    description: x.description,
    priority: x.priority,
    requestedStart: windowed ? dayAt(offset - rnd.int(0, 3)).start : null,
    requestedEnd: windowed ? dayAt(offset + rnd.int(1, 5)).start : null,
    plannedStart: unplanned ? null : x.plannedStart,
    plannedEnd: unplanned ? null : x.plannedStart + workMs,
    actualStart,
    actualEnd,
    preferredWorkerId: rnd.chance(0.15) ? rnd.pick(input.technicianIds) : null,
    responsibleWorkerId: x.outcome === 'NEW' && rnd.chance(0.5) ? null : x.responsible,
    stage: x.stage,
    cancelled: x.outcome === 'CANCELLED',
    isTemplate: false,
    notes: rnd.chance(0.1) ? rnd.pick(ORDER_NOTES) : '',
    signedOffAt,
    createdAt: x.createdAt,
    updatedAt: history[history.length - 1]!.at,
    lines,
    objectId: x.object?.id ?? null,
    taskId: x.tk.id,
    history
  }
}

/* ---------- writing ---------- */

/**
 * Writes the planned orders with their lines, relations and stage history — numbered from the sequence,
 * with progress and totals derived as the services do. Answers the new ids, in plan order.
 */
export function writeOrders(s: Sqlite, orders: PlannedOrder[], setup: OrderSetup, signedOffBy: number | null): number[] {
  const insert = orderInserts(s)
  const stageId = (code: StageCode) => setup.stageIds.get(code)!
  const numbers = takeNumbers(s, 'serviceOrder', orders.length)
  return orders.map((o, n) => {
    const live = o.lines.filter((l) => l.status !== 'cancelled')
    const progress: Progress = o.cancelled
      ? 'cancelled'
      : deriveProgress(
          o.lines.map((l) => l.status),
          'inProcess'
        )
    const orderId = insert.order({
      number: numbers[n]!,
      customerId: o.customerId,
      siteId: o.siteId,
      oneTimeAddress: o.oneTimeAddress,
      contactId: o.contactId,
      description: o.description,
      priority: o.priority,
      requestedStart: o.requestedStart,
      requestedEnd: o.requestedEnd,
      plannedStart: o.plannedStart,
      plannedEnd: o.plannedEnd,
      actualStart: o.actualStart,
      actualEnd: o.actualEnd,
      preferredWorkerId: o.preferredWorkerId,
      responsibleWorkerId: o.responsibleWorkerId,
      agreementId: null,
      origin: 'manual',
      stageId: stageId(o.stage),
      progress,
      lineCount: live.length,
      salesTotal: live.reduce((sum, l) => sum + lineAmount(l.quantity, l.unitPrice), 0),
      costTotal: live.reduce((sum, l) => sum + lineAmount(l.quantity, l.unitCost), 0),
      isTemplate: o.isTemplate,
      calendarConflict: false,
      needsVisit: true,
      notes: o.notes,
      signedOffAt: o.signedOffAt,
      signedOffBy: o.signedOffAt === null ? null : signedOffBy,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt
    })
    o.lines.forEach((l, i) =>
      insert.line({
        orderId,
        lineNo: i + 1,
        type: l.type,
        description: l.description,
        workerId: l.workerId,
        serviceObjectId: l.objectId,
        serviceTaskId: l.taskId,
        categoryId: l.categoryId,
        itemId: l.itemId,
        quantity: l.quantity,
        unit: l.unit,
        unitCost: l.unitCost,
        unitPrice: l.unitPrice,
        scheduledDate: l.scheduledDate,
        actualDate: l.actualDate,
        note: l.note,
        status: l.status,
        signedOffAt: l.signedOffAt,
        signedOffBy: l.signedOffBy,
        postedAt: l.postedAt,
        postedBy: l.postedBy,
        agreementLineId: null,
        occurrenceDate: null
      })
    )
    if (o.objectId !== null) insert.object(orderId, o.objectId, '')
    if (o.taskId !== null) insert.task(orderId, o.taskId, '')
    for (const h of o.history) {
      insert.history({
        orderId,
        at: h.at,
        userId: h.userId,
        fromStageId: h.from === null ? null : stageId(h.from),
        toStageId: stageId(h.to),
        reasonId: h.reasonId,
        note: h.note
      })
    }
    return orderId
  })
}

/** Invoices: one per invoiced order, numbered in date order, with the order's posted lines on it. */
function writeInvoices(s: Sqlite, plan: OrderPlan, orderIds: number[], setup: OrderSetup, createdBy: number | null): void {
  const invoices = [...plan.invoices].sort((a, b) => a.day - b.day || a.orderIndex - b.orderIndex)
  const invoiceStmt = s.prepare(
    `insert into invoices (number, kind, customer_id, invoice_date, due_date, currency, net_total, vat_total, gross_total, request_key, created_at, created_by)
     values (?, 'invoice', ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)`
  )
  const referenceStmt = s.prepare('update invoices set reference_number = ? where id = ?')
  const seed = orderSeedUpdates(s)
  const numbers = takeNumbers(s, 'invoice', invoices.length)
  let firstInvoiceId: number | null = null
  invoices.forEach((p, n) => {
    const number = numbers[n]!
    const invoiceId = Number(
      invoiceStmt.run(
        number,
        p.customerId,
        plan.dayAt(p.day).date,
        plan.dayAt(p.day + 14).date,
        setup.currency,
        `demo-${number}`,
        p.at,
        createdBy
      ).lastInsertRowid
    )
    firstInvoiceId ??= invoiceId
    referenceStmt.run(invoiceReferenceNumber(number, invoiceId), invoiceId)
    seed.invoicePostedLines(orderIds[p.orderIndex]!, invoiceId)
  })
  if (firstInvoiceId === null) return
  // Invoice lines and totals in SQL, with the same rounding as the services (half away from zero, VAT per line).
  s.prepare(
    `insert into invoice_lines (invoice_id, order_line_id, order_number, type, description, quantity, unit, unit_price, net_amount, vat_code, vat_rate, vat_amount)
     select l.invoice_id, l.id, o.number, l.type, l.description, l.quantity, l.unit, l.unit_price,
       cast(round(l.quantity * l.unit_price / 1000.0) as integer), ?, ?,
       cast(round(cast(round(l.quantity * l.unit_price / 1000.0) as integer) * ? / 10000.0) as integer)
     from service_order_lines l
     join service_orders o on o.id = l.order_id
     where l.invoice_id >= ?
     order by l.invoice_id, l.line_no`
  ).run(setup.vat.code, setup.vat.rate, setup.vat.rate, firstInvoiceId)
  s.prepare(
    `update invoices set
       net_total = (select coalesce(sum(net_amount), 0) from invoice_lines il where il.invoice_id = invoices.id),
       vat_total = (select coalesce(sum(vat_amount), 0) from invoice_lines il where il.invoice_id = invoices.id),
       gross_total = (select coalesce(sum(net_amount + vat_amount), 0) from invoice_lines il where il.invoice_id = invoices.id)
     where id >= ?`
  ).run(firstInvoiceId)
  // Invoices due before the anchor date were mostly paid by bank, a few days before their due date; every
  // sixth is still unpaid and every sixth from the third paid in half, so the list shows overdue ones too.
  s.prepare(
    `insert into payments (invoice_id, date, amount, method, note, created_at, created_by)
     select id, date(due_date, '-' || (id % 10) || ' days'), case when id % 6 = 3 then gross_total / 2 else gross_total end,
       'bank', '', created_at, ?
     from invoices
     where id >= ? and kind = 'invoice' and due_date < ? and id % 6 <> 0`
  ).run(createdBy, firstInvoiceId, plan.dayAt(0).date)
  s.prepare(
    `update invoices set paid_total = (select coalesce(sum(amount), 0) from payments p where p.invoice_id = invoices.id)
     where id >= ?`
  ).run(firstInvoiceId)
}
