import { DateTime } from 'luxon'
import { deriveProgress, lineAmount } from '@shared/domain/orderRules'
import type { LineStatus, LineType, Priority, Progress } from '@shared/domain/orders'
import type { Sqlite } from '../db/connection'
import { AppError } from '../services/core/errors'
import { formatNumber } from '../services/core/sequences'
import { CATEGORIES, INSPECTION_TASKS, ITEMS, LINE_NOTES, type ObjectGroupCode, ORDER_NOTES, ORDER_TEMPLATES, ORDER_WORK, SERVICE_TASKS } from './catalog'
import { type City, formatAddress, randomAddress } from './places'
import { type Random, WeightedPool } from './random'

/**
 * Demo service orders: every stage of the default workflow, spread over the weeks before and after the
 * anchor date, with hours, parts, expenses and fees, sign-offs, postings and invoices — written the way
 * the services would have left them (derived progress and totals, stage history along the tree, invoice
 * numbers from the sequence, VAT per line at the default rate).
 *
 * Times are anchored on the demo date (noon of `today` is "now"), so the same seed and date give the same
 * orders whatever the clock says. Everything goes in through prepared statements inside the caller's
 * transaction.
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
  sqlite: Sqlite
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
  if (offset <= -15) return w([['CLOSED', 62], ['COMPLETED', 16], ['WAIT-PARTS', 4], ['ON-HOLD', 3], ['IN-PROGRESS', 4], ['CANCELLED', 6], ['SCHEDULED', 3], ['NEW', 2]])
  if (offset <= -4) return w([['CLOSED', 30], ['COMPLETED', 30], ['IN-PROGRESS', 12], ['WAIT-PARTS', 10], ['ON-HOLD', 5], ['CANCELLED', 5], ['SCHEDULED', 6], ['NEW', 2]])
  if (offset < 0) return w([['COMPLETED', 30], ['IN-PROGRESS', 28], ['WAIT-PARTS', 10], ['ON-HOLD', 5], ['CLOSED', 5], ['SCHEDULED', 15], ['CANCELLED', 4], ['NEW', 3]])
  if (offset === 0) return w([['IN-PROGRESS', 40], ['SCHEDULED', 30], ['COMPLETED', 10], ['WAIT-PARTS', 5], ['ON-HOLD', 5], ['NEW', 10]])
  if (offset <= 7) return w([['SCHEDULED', 58], ['NEW', 25], ['ON-HOLD', 10], ['CANCELLED', 7]])
  return w([['NEW', 48], ['SCHEDULED', 42], ['ON-HOLD', 5], ['CANCELLED', 5]])
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

export function generateOrders(input: OrderInput): OrderCounts {
  const { sqlite: s, rnd, users } = input
  const settings = s.prepare('select time_zone as tz, currency, vat_rates as vat from settings where id = 1').get() as { tz: string; currency: string; vat: string } | undefined
  const tz = settings?.tz ?? 'Europe/Tallinn'
  const currency = settings?.currency ?? 'EUR'
  const vatRates = settings ? (JSON.parse(settings.vat) as { code: string; rate: number; isDefault: boolean }[]) : [{ code: 'S', rate: 2400, isDefault: true }]
  const vat = vatRates.find((r) => r.isDefault) ?? vatRates[0]!

  const stageIds = new Map((s.prepare('select id, code from service_stages').all() as { id: number; code: string }[]).map((r) => [r.code, r.id]))
  for (const code of STAGES) {
    if (!stageIds.has(code)) throw new AppError('VALIDATION', `Demo orders need the default workflow; stage ${code} is missing.`)
  }
  const reasonIds = new Map((s.prepare('select id, code from stage_reasons').all() as { id: number; code: string }[]).map((r) => [r.code, r.id]))
  const holdReasons = ['CUST-AWAY', 'NO-ACCESS', 'CUST-REQ', 'WEATHER'].map((c) => reasonIds.get(c) ?? null)
  const partsReason = reasonIds.get('PARTS') ?? null

  const seq = (code: string) => {
    const row = s.prepare('select next_number as next, prefix, padding from number_sequences where code = ?').get(code) as { next: number; prefix: string; padding: number } | undefined
    if (!row) throw new AppError('VALIDATION', `Number sequence "${code}" is missing.`)
    let next = row.next
    return {
      take: () => formatNumber(row.prefix, next++, row.padding),
      finish: () => s.prepare('update number_sequences set next_number = ? where code = ?').run(next, code)
    }
  }
  const orderNo = seq('serviceOrder')
  const invoiceNo = seq('invoice')

  /* ---------- the calendar around the anchor day ---------- */
  const plan = demoOrderPlan(input.scale)
  // Orders fall on [-7·history, 7·future] (weekends moved by a day); requested windows and due dates reach further.
  const firstOffset = -7 * plan.historyWeeks - 8
  const lastOffset = 7 * plan.futureWeeks + 21
  const anchor = DateTime.fromISO(input.today, { zone: tz }).startOf('day')
  const days: { date: string; start: number; eight: number; weekday: number }[] = []
  for (let off = firstOffset; off <= lastOffset; off++) {
    const d = anchor.plus({ days: off })
    days.push({ date: d.toISODate()!, start: d.toMillis(), eight: d.set({ hour: 8 }).toMillis(), weekday: d.weekday })
  }
  const dayAt = (offset: number) => days[offset - firstOffset]!
  const now = anchor.set({ hour: 12 }).toMillis()
  // Instants here are 08:00 or later local time, so an hour of daylight saving never moves them to another day.
  const offsetOfMs = (ms: number) => Math.floor((ms - anchor.toMillis()) / DAY)

  /* ---------- statements ---------- */
  const orderStmt = s.prepare(
    `insert into service_orders (number, customer_id, site_id, one_time_address, contact_id, description, priority, requested_start, requested_end,
       planned_start, planned_end, actual_start, actual_end, preferred_worker_id, responsible_worker_id, origin, stage_id, progress,
       line_count, sales_total, cost_total, is_template, notes, signed_off_at, signed_off_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const lineStmt = s.prepare(
    `insert into service_order_lines (order_id, line_no, type, description, worker_id, service_object_id, service_task_id, category_id, item_id,
       quantity, unit, unit_cost, unit_price, scheduled_date, actual_date, note, status, signed_off_at, signed_off_by, posted_at, posted_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const objectStmt = s.prepare('insert into service_order_objects (order_id, service_object_id) values (?, ?)')
  const taskStmt = s.prepare('insert into service_order_tasks (order_id, service_task_id) values (?, ?)')
  const historyStmt = s.prepare('insert into stage_history (order_id, at, user_id, from_stage_id, to_stage_id, reason_id, note) values (?, ?, ?, ?, ?, ?, ?)')
  const rowId = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid)

  const category = (code: string) => {
    const c = CATEGORIES.find((x) => x.code === code)!
    return { id: input.categoryIds.get(code)!, ...c }
  }
  const item = (number: string) => ({ id: input.itemIds.get(number)!, ...ITEMS.find((x) => x.number === number)! })
  const task = (code: string) => ({ id: input.taskIds.get(code)!, ...SERVICE_TASKS.find((t) => t.code === code)! })
  const labour = category('LAB')
  const overtime = category('OT')
  const travel = category('TRAVEL')
  const mileage = category('KM')
  const parking = category('PARK')
  const materials = category('MAT')
  const calloutFee = category('CALLOUT')
  const inspectionFee = category('INSP')
  const groups = Object.keys(ORDER_WORK) as ObjectGroupCode[]

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
    blankLine({ type: c.type, description: c.name, categoryId: c.id, quantity, unit: c.unit, unitCost: c.costPrice, unitPrice: c.salesPrice, ...extra })
  const fromItem = (number: string, quantity: number, extra: Partial<Line> = {}) => {
    const it = item(number)
    return blankLine({ type: 'item', description: it.name, itemId: it.id, quantity, unit: it.unit, unitCost: it.costPrice, unitPrice: it.salesPrice, ...extra })
  }

  /** Inserts an order with its lines, relations and history; answers its id. */
  const insertOrder = (o: {
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
    history: { at: number; userId: number | null; from: StageCode | null; to: StageCode; reasonId: number | null; note: string }[]
  }): number => {
    const live = o.lines.filter((l) => l.status !== 'cancelled')
    const progress: Progress = o.cancelled ? 'cancelled' : deriveProgress(o.lines.map((l) => l.status), 'inProcess')
    const orderId = rowId(
      orderStmt.run(
        orderNo.take(),
        o.customerId,
        o.siteId,
        o.oneTimeAddress,
        o.contactId,
        o.description,
        o.priority,
        o.requestedStart,
        o.requestedEnd,
        o.plannedStart,
        o.plannedEnd,
        o.actualStart,
        o.actualEnd,
        o.preferredWorkerId,
        o.responsibleWorkerId,
        stageIds.get(o.stage)!,
        progress,
        live.length,
        live.reduce((sum, l) => sum + lineAmount(l.quantity, l.unitPrice), 0),
        live.reduce((sum, l) => sum + lineAmount(l.quantity, l.unitCost), 0),
        o.isTemplate ? 1 : 0,
        o.notes,
        o.signedOffAt,
        o.signedOffAt === null ? null : users.manager,
        o.createdAt,
        o.updatedAt
      )
    )
    o.lines.forEach((l, n) =>
      lineStmt.run(
        orderId,
        n + 1,
        l.type,
        l.description,
        l.workerId,
        l.objectId,
        l.taskId,
        l.categoryId,
        l.itemId,
        l.quantity,
        l.unit,
        l.unitCost,
        l.unitPrice,
        l.scheduledDate,
        l.actualDate,
        l.note,
        l.status,
        l.signedOffAt,
        l.signedOffBy,
        l.postedAt,
        l.postedBy
      )
    )
    if (o.objectId !== null) objectStmt.run(orderId, o.objectId)
    if (o.taskId !== null) taskStmt.run(orderId, o.taskId)
    for (const h of o.history) historyStmt.run(orderId, h.at, h.userId, h.from === null ? null : stageIds.get(h.from)!, stageIds.get(h.to)!, h.reasonId, h.note)
    lineCount += o.lines.length
    return orderId
  }
  let lineCount = 0

  /* ---------- templates ---------- */
  const templateSite = input.sites[0]!
  const anchorStamp = now - 30 * DAY
  for (const t of ORDER_TEMPLATES) {
    const tk = task(t.task)
    const lines = [
      fromCategory(labour, t.hours, { taskId: tk.id }),
      ...t.parts.map((p) => fromItem(p.item, p.quantity)),
      ...(t.fee ? [fromCategory(category(t.fee), 1000)] : [])
    ]
    insertOrder({
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
      notes: 'Copy the lines of this template onto an order with "Copy lines".',
      signedOffAt: null,
      createdAt: anchorStamp,
      updatedAt: anchorStamp,
      lines,
      objectId: null,
      taskId: tk.id,
      history: [{ at: anchorStamp, userId: users.manager, from: null, to: 'NEW', reasonId: null, note: '' }]
    })
  }

  /* ---------- dated orders ---------- */
  const sitePool = new WeightedPool()
  input.sites.forEach((site, i) => sitePool.add(i, 1 + Math.min(6, site.objects.length)))
  const offsets: number[] = []
  for (let i = 0; i < plan.orders; i++) {
    let off = rnd.int(-7 * plan.historyWeeks, 7 * plan.futureWeeks - 1)
    const wd = dayAt(off).weekday
    if (wd === 6) off -= 1
    else if (wd === 7) off += 1
    offsets.push(off)
  }
  offsets.sort((a, b) => a - b)

  const byStage: Record<string, number> = {}
  const invoicePlans: { orderId: number; customerId: number; day: number; at: number }[] = []
  const clampTime = (t: number, after: number) => Math.min(now, Math.max(after + MINUTE, t))

  for (const offset of offsets) {
    const day = dayAt(offset)
    const site = input.sites[sitePool.pick(rnd)]!
    const object = site.objects.length > 0 ? rnd.pick(site.objects) : null
    const group = object?.group ?? rnd.pick(groups)
    const work = ORDER_WORK[group]
    const breakdown = rnd.chance(0.35)
    const tk = task(breakdown ? 'CALLOUT' : rnd.pick(work.tasks))
    const outcome = outcomeFor(rnd, offset)
    const stage: StageCode = outcome === 'CANCELLED' ? (rnd.chance(0.5) ? 'NEW' : 'SCHEDULED') : outcome
    byStage[outcome] = (byStage[outcome] ?? 0) + 1
    const priority: Priority = breakdown ? (rnd.chance(0.6) ? 'high' : 'normal') : rnd.chance(0.25) ? 'low' : 'normal'
    const responsible = rnd.pick(input.technicianIds)
    const second = rnd.chance(0.12) ? rnd.pick(input.technicianIds) : responsible
    const started = STARTED.has(outcome)

    // Times: planned on the day between 08:00 and 15:30; created before that (and before now).
    const plannedStart = day.eight + rnd.int(0, 15) * 30 * MINUTE
    const lead = breakdown ? rnd.int(1, 20) * HOUR : rnd.int(1, 21) * DAY
    const createdAt = Math.min(plannedStart, now) - lead
    const description = breakdown ? `${rnd.pick(work.faults)}${object ? ` — ${object.name}` : ''}` : `${tk.name}${object ? `: ${object.name}` : ''}`

    // Lines: the hours, and for work that has started the parts, expenses and fees as well.
    const lines: Line[] = []
    const hours = breakdown ? rnd.int(2, 16) * 250 : Math.max(500, Math.round(((tk.minutes / 60) * (0.75 + rnd.next() * 0.75)) * 4) * 250)
    const plannedOnly = !started
    const withHours = started || rnd.chance(outcome === 'NEW' ? 0.4 : 0.7)
    const base = { objectId: object?.id ?? null, taskId: tk.id, scheduledDate: day.date, actualDate: plannedOnly ? null : day.date }
    if (withHours) {
      const cat = breakdown && priority === 'high' && rnd.chance(0.3) ? overtime : labour
      lines.push(fromCategory(cat, hours, { ...base, workerId: responsible, note: started && rnd.chance(0.3) ? rnd.pick(LINE_NOTES) : '' }))
      if (second !== responsible && started) lines.push(fromCategory(labour, rnd.int(2, 8) * 250, { ...base, workerId: second }))
    }
    if (started) {
      if (rnd.chance(0.25)) lines.push(fromCategory(travel, rnd.int(1, 4) * 250, { ...base, workerId: responsible }))
      if (outcome !== 'WAIT-PARTS' && rnd.chance(0.55)) {
        for (const part of rnd.sample(work.parts, rnd.int(1, 2))) {
          const it = item(part)
          const quantity = it.unit === 'kg' ? rnd.int(1, 6) * 500 : rnd.int(1, it.unit === 'pcs' && part.startsWith('P-FILT') ? 6 : 2) * 1000
          lines.push(fromItem(part, quantity, { ...base, workerId: responsible }))
        }
      }
      if (rnd.chance(0.5)) lines.push(fromCategory(mileage, rnd.int(8, 150) * 1000, { ...base, workerId: responsible }))
      if (rnd.chance(0.1)) {
        const price = rnd.int(2, 8) * 100
        lines.push(fromCategory(parking, 1000, { ...base, workerId: responsible, unitCost: price, unitPrice: price, note: 'Parking receipt attached' }))
      }
      if (rnd.chance(0.08)) {
        const cost = rnd.int(5, 60) * 100
        lines.push(fromCategory(materials, 1000, { ...base, workerId: responsible, unitCost: cost, unitPrice: Math.round(cost * 1.3), description: 'Sealant, fixings and cable ties' }))
      }
      if (breakdown) lines.push(fromCategory(calloutFee, 1000, base))
      else if (INSPECTION_TASKS.has(tk.code) && rnd.chance(0.6)) lines.push(fromCategory(inspectionFee, 1000, base))
    }
    const totalHours = lines.filter((l) => l.type === 'hour').reduce((sum, l) => sum + l.quantity, 0) || tk.minutes * (1000 / 60)
    const plannedEnd = plannedStart + Math.max(HOUR, Math.round(totalHours / 250) * 15 * MINUTE)

    // The stage history along the tree, with the times the work happened (never after now).
    const dispatcher = users.dispatcher
    const doer = responsible === users.techWorkerId ? users.tech : dispatcher
    const history: { at: number; userId: number | null; from: StageCode | null; to: StageCode; reasonId: number | null; note: string }[] = []
    let at = createdAt
    let actualStart: number | null = null
    let actualEnd: number | null = null
    let completedAt: number | null = null
    let closedAt: number | null = null
    let previous: StageCode | null = null
    for (const to of PATHS[stage]) {
      let userId = dispatcher
      let reasonId: number | null = null
      let note = ''
      if (to === 'NEW') at = createdAt
      else if (to === 'SCHEDULED') at = clampTime(createdAt + rnd.int(10, 240) * MINUTE, at)
      else if (to === 'ON-HOLD') {
        at = clampTime(Math.max(at + HOUR, Math.min(plannedStart - DAY, now - HOUR)), at)
        reasonId = rnd.pick(holdReasons)
        note = rnd.chance(0.5) ? 'Customer will call back with a new time' : ''
      } else if (to === 'IN-PROGRESS') {
        actualStart = clampTime(plannedStart + rnd.int(-2, 4) * 15 * MINUTE, at)
        at = actualStart
        userId = doer
      } else if (to === 'WAIT-PARTS') {
        at = clampTime(at + rnd.int(1, 3) * HOUR, at)
        reasonId = partsReason
        note = `${rnd.pick(work.parts.map((p) => item(p).name))} ordered`
        userId = doer
      } else if (to === 'COMPLETED') {
        actualEnd = clampTime(at + Math.max(HOUR, Math.round(totalHours / 250) * 15 * MINUTE), at)
        at = actualEnd
        completedAt = at
        userId = doer
      } else {
        at = clampTime(at + rnd.int(1, 3) * DAY, at)
        closedAt = at
        userId = users.manager
      }
      history.push({ at, userId, from: previous, to, reasonId, note })
      previous = to
    }

    // Line statuses: cancelled orders cancel everything; done work is signed off, posted and invoiced.
    let signedOffAt: number | null = null
    let invoiced = false
    if (outcome === 'CANCELLED') {
      for (const l of lines) l.status = 'cancelled'
    } else if (started) {
      const r = rnd.next()
      const post = outcome === 'CLOSED' || (outcome === 'COMPLETED' && r < 0.35)
      const sign = post || (outcome === 'COMPLETED' && r < 0.65)
      const signAt = completedAt === null ? null : clampTime(completedAt + rnd.int(1, 20) * HOUR, completedAt)
      const postAt = signAt === null ? null : (closedAt ?? clampTime(signAt + rnd.int(1, 24) * HOUR, signAt))
      for (const [n, l] of lines.entries()) {
        // Now and then a line was entered by mistake and cancelled (never the only one: the work was done).
        if (n > 0 && rnd.chance(0.03)) {
          l.status = 'cancelled'
          continue
        }
        if (sign && signAt !== null) Object.assign(l, { signedOffAt: signAt, signedOffBy: users.manager })
        if (post && postAt !== null) Object.assign(l, { status: 'posted', postedAt: postAt, postedBy: users.manager })
      }
      if (sign && signAt !== null && lines.some((l) => l.status !== 'cancelled')) signedOffAt = signAt
      invoiced = post && postAt !== null && lines.some((l) => l.status === 'posted') && rnd.chance(outcome === 'CLOSED' ? 0.85 : 0.5)
      if (invoiced) {
        const day = Math.min(0, offsetOfMs(postAt!) + rnd.int(0, 3))
        invoicePlans.push({ orderId: -1, customerId: site.customerId, day, at: Math.min(now, Math.max(postAt!, dayAt(day).start + 10 * HOUR)) })
      }
    }

    const oneTime = rnd.chance(0.03)
    const windowed = rnd.chance(0.5)
    const unplanned = outcome === 'NEW' && rnd.chance(0.4)
    const orderId = insertOrder({
      customerId: site.customerId,
      siteId: oneTime ? null : site.id,
      oneTimeAddress: oneTime ? formatAddress(randomAddress(rnd, site.city)) : '',
      contactId: site.contactIds.length > 0 && rnd.chance(0.7) ? rnd.pick(site.contactIds) : null,
      description,
      priority,
      requestedStart: windowed ? dayAt(offset - rnd.int(0, 3)).start : null,
      requestedEnd: windowed ? dayAt(offset + rnd.int(1, 5)).start : null,
      plannedStart: unplanned ? null : plannedStart,
      plannedEnd: unplanned ? null : plannedEnd,
      actualStart,
      actualEnd,
      preferredWorkerId: rnd.chance(0.15) ? rnd.pick(input.technicianIds) : null,
      responsibleWorkerId: outcome === 'NEW' && rnd.chance(0.5) ? null : responsible,
      stage,
      cancelled: outcome === 'CANCELLED',
      isTemplate: false,
      notes: rnd.chance(0.1) ? rnd.pick(ORDER_NOTES) : '',
      signedOffAt,
      createdAt,
      updatedAt: history[history.length - 1]!.at,
      lines,
      objectId: object?.id ?? null,
      taskId: tk.id,
      history
    })
    if (invoiced) invoicePlans[invoicePlans.length - 1]!.orderId = orderId
  }
  orderNo.finish()

  /* ---------- invoices: one per invoiced order, numbered in date order ---------- */
  invoicePlans.sort((a, b) => a.day - b.day || a.orderId - b.orderId)
  const invoiceStmt = s.prepare(
    `insert into invoices (number, kind, customer_id, invoice_date, due_date, currency, net_total, vat_total, gross_total, request_key, created_at, created_by)
     values (?, 'invoice', ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)`
  )
  const linkStmt = s.prepare("update service_order_lines set invoice_id = ? where order_id = ? and status = 'posted'")
  let firstInvoiceId: number | null = null
  for (const p of invoicePlans) {
    const number = invoiceNo.take()
    const invoiceId = rowId(invoiceStmt.run(number, p.customerId, dayAt(p.day).date, dayAt(p.day + 14).date, currency, `demo-${number}`, p.at, users.manager))
    firstInvoiceId ??= invoiceId
    linkStmt.run(invoiceId, p.orderId)
  }
  invoiceNo.finish()
  if (firstInvoiceId !== null) {
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
    ).run(vat.code, vat.rate, vat.rate, firstInvoiceId)
    s.prepare(
      `update invoices set
         net_total = (select coalesce(sum(net_amount), 0) from invoice_lines il where il.invoice_id = invoices.id),
         vat_total = (select coalesce(sum(vat_amount), 0) from invoice_lines il where il.invoice_id = invoices.id),
         gross_total = (select coalesce(sum(net_amount + vat_amount), 0) from invoice_lines il where il.invoice_id = invoices.id)
       where id >= ?`
    ).run(firstInvoiceId)
  }

  return { serviceOrders: offsets.length, templateOrders: ORDER_TEMPLATES.length, orderLines: lineCount, invoices: invoicePlans.length, byStage }
}
