/**
 * The stored SLA clock of an order. The pure math is `computeClock` (src/shared/sla/clock.ts); this module
 * keeps its facts (start, pauses in the event log, met instants, cancel) and writes back what lists need:
 * each target's deadline / breach / consumed minutes and the header's state and next deadline.
 * Every function runs inside the caller's transaction. See docs/adr/0007-sla-clock.md.
 */
import { and, asc, eq, inArray, lt } from 'drizzle-orm'
import { type BusinessCalendar, businessMinutesBetween } from '@shared/calendar'
import { computeClock, SLA_TARGETS, type SlaTarget, type TargetClock } from '@shared/sla/clock'
import type { SlaBadge } from '@shared/domain/sla'
import type { Statement } from 'better-sqlite3'
import type { Db, Sqlite } from '../../db/connection'
import { agreementGroups, agreements, customerGroups, customers, orderSlas, orderSlaTargets, slaEvents } from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { writeTx } from '../core/tx'
import { loadSettings } from '../settings/settings'
import { SlaCache, type SlaSpec } from './definitions'

export type SlaSource = 'order' | 'agreement' | 'agreementGroup' | 'customerGroup'
type EventKind = (typeof slaEvents.$inferInsert)['kind']
type Header = typeof orderSlas.$inferSelect
type TargetRow = typeof orderSlaTargets.$inferSelect

export interface EventIn {
  kind: EventKind
  at: number
  target?: SlaTarget | null
  reasonId?: number | null
  note?: string
}

export function logEvent(ctx: ServiceContext, orderId: number, e: EventIn): void {
  // A breach is noticed by whoever happens to read the clock first; it is nobody's doing, so nobody is named.
  const userId = e.kind === 'breached' ? null : (ctx.user?.id ?? null)
  ctx.db
    .insert(slaEvents)
    .values({ orderId, at: e.at, userId, kind: e.kind, target: e.target ?? null, reasonId: e.reasonId ?? null, note: e.note ?? '' })
    .run()
}

/* ---------- which SLA applies ---------- */

interface OrderRef {
  slaId: number | null
  agreementId: number | null
  customerId: number
  priority: string
}

/** The first SLA that is set and not suspended: the order's own, its agreement's, the agreement group's, the customer group's. */
export function resolveSla(db: Db, o: OrderRef, cache: SlaCache): { spec: SlaSpec; source: SlaSource } | null {
  const usable = (id: number | null | undefined) => {
    if (id === null || id === undefined) return null
    const spec = cache.get(id)
    return spec && !spec.suspended ? spec : null
  }
  const own = usable(o.slaId)
  if (own) return { spec: own, source: 'order' }
  if (o.agreementId !== null) {
    const a = db
      .select({ slaId: agreements.slaId, groupSlaId: agreementGroups.slaId })
      .from(agreements)
      .innerJoin(agreementGroups, eq(agreementGroups.id, agreements.groupId))
      .where(eq(agreements.id, o.agreementId))
      .get()
    const fromAgreement = usable(a?.slaId)
    if (fromAgreement) return { spec: fromAgreement, source: 'agreement' }
    const fromGroup = usable(a?.groupSlaId)
    if (fromGroup) return { spec: fromGroup, source: 'agreementGroup' }
  }
  const g = db
    .select({ slaId: customerGroups.slaId })
    .from(customers)
    .innerJoin(customerGroups, eq(customerGroups.id, customers.groupId))
    .where(eq(customers.id, o.customerId))
    .get()
  const fromCustomer = usable(g?.slaId)
  return fromCustomer ? { spec: fromCustomer, source: 'customerGroup' } : null
}

/** The target minutes an SLA sets for a priority, in SLA_TARGETS order; empty when it sets none. */
export function targetMinutes(spec: SlaSpec, priority: string): { target: SlaTarget; minutes: number }[] {
  const t = spec.targets.get(priority)
  if (!t) return []
  return [
    { target: 'response' as const, minutes: t.response },
    ...(t.arrival === null ? [] : [{ target: 'arrival' as const, minutes: t.arrival }]),
    { target: 'resolution' as const, minutes: t.resolution }
  ]
}

/* ---------- deriving the stored fields ---------- */

export interface Derived {
  clocks: TargetClock[]
  state: Header['state']
  nextDeadline: number | null
  nextTarget: SlaTarget | null
}

/**
 * The header's state and next deadline from the target clocks. The next deadline is the earliest one still
 * ahead (so the breach sweep finds every target as its deadline passes); when every open target has been
 * missed it is the earliest missed one, so the at-risk list keeps showing the order, overdue, at the top.
 */
export function derive(clocks: TargetClock[], cancelled: boolean, paused: boolean): Omit<Derived, 'clocks'> {
  const open = clocks.filter((c) => c.metAt === null)
  const earliest = (cs: TargetClock[]) => cs.filter((c) => c.deadline !== null).sort((a, b) => a.deadline! - b.deadline!)[0] ?? null
  if (cancelled) return { state: 'cancelled', nextDeadline: null, nextTarget: null }
  if (open.length === 0)
    return { state: clocks.some((c) => c.breachedAt !== null) ? 'breached' : 'met', nextDeadline: null, nextTarget: null }
  if (paused) return { state: 'paused', nextDeadline: null, nextTarget: null }
  const ahead = earliest(open.filter((c) => c.breachedAt === null))
  if (ahead) return { state: 'running', nextDeadline: ahead.deadline, nextTarget: ahead.target }
  const missed = earliest(open)
  return { state: 'breached', nextDeadline: missed?.deadline ?? null, nextTarget: missed?.target ?? null }
}

/** Pause intervals from the event log: each 'pause' opens one, the next 'resume' closes it. */
export function pausesOf(db: Db, orderId: number): { from: number; to: number | null }[] {
  const events = db
    .select({ kind: slaEvents.kind, at: slaEvents.at })
    .from(slaEvents)
    .where(and(eq(slaEvents.orderId, orderId), inArray(slaEvents.kind, ['pause', 'resume'])))
    .orderBy(asc(slaEvents.at), asc(slaEvents.id))
    .all()
  const out: { from: number; to: number | null }[] = []
  for (const e of events) {
    const last = out[out.length - 1]
    if (e.kind === 'pause' && (!last || last.to !== null)) out.push({ from: e.at, to: null })
    else if (e.kind === 'resume' && last && last.to === null) last.to = e.at
  }
  return out
}

export function loadHeader(db: Db, orderId: number): Header | undefined {
  return db.select().from(orderSlas).where(eq(orderSlas.orderId, orderId)).get()
}

export function loadTargets(db: Db, orderId: number): TargetRow[] {
  const rows = db.select().from(orderSlaTargets).where(eq(orderSlaTargets.orderId, orderId)).all()
  return rows.sort((a, b) => SLA_TARGETS.indexOf(a.target as SlaTarget) - SLA_TARGETS.indexOf(b.target as SlaTarget))
}

/** The clock as of `now`, without writing anything. */
export function computeStored(db: Db, head: Header, targets: TargetRow[], calendar: BusinessCalendar, now: number): Derived {
  const clocks = computeClock({
    calendar,
    startedAt: head.startedAt,
    targets: Object.fromEntries(targets.map((t) => [t.target, t.minutes])),
    pauses: pausesOf(db, head.orderId),
    metAt: Object.fromEntries(targets.filter((t) => t.metAt !== null).map((t) => [t.target, t.metAt!])),
    cancelledAt: head.cancelledAt,
    now
  })
  return { clocks, ...derive(clocks, head.cancelledAt !== null && head.cancelledAt <= now, head.pausedSince !== null) }
}

/**
 * Recomputes the order's clock and stores it; a target whose deadline has newly passed gets its breachedAt
 * and a 'breached' event dated at the deadline. Bumps the clock's version when anything changed.
 */
export function refreshClock(ctx: ServiceContext, orderId: number, cache: SlaCache): void {
  const head = loadHeader(ctx.db, orderId)
  if (!head) return
  const spec = cache.get(head.slaId)
  if (!spec) return
  const targets = loadTargets(ctx.db, orderId)
  const d = computeStored(ctx.db, head, targets, spec.calendar, ctx.now())
  let changed = false
  for (const c of d.clocks) {
    const row = targets.find((t) => t.target === c.target)!
    const consumed = c.metAt === null ? null : Math.round(c.consumed)
    if (row.breachedAt === null && c.breachedAt !== null) logEvent(ctx, orderId, { kind: 'breached', at: c.breachedAt, target: c.target })
    if (row.deadline !== c.deadline || row.breachedAt !== c.breachedAt || row.consumedMinutes !== consumed) {
      changed = true
      ctx.db
        .update(orderSlaTargets)
        .set({ deadline: c.deadline, breachedAt: c.breachedAt, consumedMinutes: consumed })
        .where(and(eq(orderSlaTargets.orderId, orderId), eq(orderSlaTargets.target, c.target)))
        .run()
    }
  }
  if (changed || head.state !== d.state || head.nextDeadline !== d.nextDeadline || head.nextTarget !== d.nextTarget) {
    ctx.db
      .update(orderSlas)
      .set({ state: d.state, nextDeadline: d.nextDeadline, nextTarget: d.nextTarget, version: head.version + 1 })
      .where(eq(orderSlas.orderId, orderId))
      .run()
  }
}

/** Writes the clock rows of an SLA for an order (no clock when the SLA sets no targets for its priority). */
export function startClock(
  ctx: ServiceContext,
  orderId: number,
  priority: string,
  spec: SlaSpec,
  source: SlaSource,
  startedAt: number,
  cache: SlaCache
): boolean {
  const targets = targetMinutes(spec, priority)
  if (targets.length === 0) return false
  ctx.db.insert(orderSlas).values({ orderId, slaId: spec.id, source, startedAt, state: 'running' }).run()
  for (const t of targets) ctx.db.insert(orderSlaTargets).values({ orderId, target: t.target, minutes: t.minutes }).run()
  logEvent(ctx, orderId, { kind: 'start', at: startedAt, note: spec.name })
  refreshClock(ctx, orderId, cache)
  return true
}

/** Marks targets met at `at` (those already met keep their instant) and stores the clock. */
export function meetTargets(ctx: ServiceContext, orderId: number, which: readonly SlaTarget[], at: number, cache: SlaCache): void {
  const head = loadHeader(ctx.db, orderId)
  if (!head || head.cancelledAt !== null) return
  for (const t of loadTargets(ctx.db, orderId)) {
    if (t.metAt !== null || !which.includes(t.target as SlaTarget)) continue
    ctx.db
      .update(orderSlaTargets)
      .set({ metAt: at })
      .where(and(eq(orderSlaTargets.orderId, orderId), eq(orderSlaTargets.target, t.target)))
      .run()
    logEvent(ctx, orderId, { kind: 'met', at, target: t.target as SlaTarget })
  }
  refreshClock(ctx, orderId, cache)
}

/**
 * Records every deadline that has passed unmet since the clocks were last stored: the clocks still
 * 'running' whose next deadline is behind `now` (an index range on next_deadline). Called before anything
 * reads breaches (at-risk list, compliance, an order's clock, sign-off), so the record never lags a reader.
 */
export function sweepBreaches(ctx: ServiceContext, cache = new SlaCache(ctx.db)): number {
  const due = ctx.db
    .select({ orderId: orderSlas.orderId })
    .from(orderSlas)
    .where(and(lt(orderSlas.nextDeadline, ctx.now()), eq(orderSlas.state, 'running')))
    .all()
  if (due.length === 0) return 0
  writeTx(ctx, () => {
    for (const { orderId } of due) refreshClock(ctx, orderId, cache)
  })
  return due.length
}

/* ---------- badges ---------- */

/** Badges for many orders from the stored clocks: one query, no clock math except the minutes left. */
interface BadgeRow {
  orderId: number
  slaId: number
  slaName: string
  state: string
  pausedSince: number | null
  cancelledAt: number | null
  target: string
  deadline: number | null
  metAt: number | null
  breachedAt: number | null
}

const badgeStatements = new WeakMap<Sqlite, Statement>()

/** Prepared once per connection; the ids go in as one JSON array (a board asks for thousands of orders). */
function badgeStatement(sqlite: Sqlite): Statement {
  let st = badgeStatements.get(sqlite)
  if (!st) {
    st = sqlite.prepare(`select os.order_id as orderId, os.sla_id as slaId, d.name as slaName, os.state, os.paused_since as pausedSince,
        os.cancelled_at as cancelledAt, t.target, t.deadline, t.met_at as metAt, t.breached_at as breachedAt
      from order_slas os join sla_definitions d on d.id = os.sla_id join order_sla_targets t on t.order_id = os.order_id
      where os.order_id in (select value from json_each(?))`)
    badgeStatements.set(sqlite, st)
  }
  return st
}

export function badgesFor(db: Db, orderIds: readonly number[], now: number): Map<number, SlaBadge> {
  const out = new Map<number, SlaBadge>()
  if (orderIds.length === 0) return out
  const rows = badgeStatement(db.$client).all(JSON.stringify(orderIds)) as BadgeRow[]
  if (rows.length === 0) return out
  const atRisk = loadSettings(db).slaAtRiskMinutes
  const cache = new SlaCache(db)
  const byOrder = new Map<number, typeof rows>()
  for (const r of rows) {
    const list = byOrder.get(r.orderId)
    if (list) list.push(r)
    else byOrder.set(r.orderId, [r])
  }
  for (const [orderId, targets] of byOrder) {
    const h = targets[0]!
    const base = { slaName: h.slaName, deadline: null, remainingMinutes: null }
    const open = targets.filter((t) => t.metAt === null)
    const byDeadline = (a: { deadline: number | null }, b: { deadline: number | null }) =>
      (a.deadline ?? Infinity) - (b.deadline ?? Infinity)
    const missed = open
      .filter((t) => t.breachedAt !== null || (h.pausedSince === null && t.deadline !== null && t.deadline < now))
      .sort(byDeadline)[0]
    const calendar = () => cache.get(h.slaId)!.calendar
    let badge: SlaBadge
    if (h.cancelledAt !== null) badge = { ...base, state: 'cancelled', level: 'cancelled', target: null }
    else if (open.length === 0) {
      const late = targets.some((t) => t.breachedAt !== null)
      badge = { ...base, state: late ? 'breached' : 'met', level: late ? 'breached' : 'met', target: 'resolution' }
    } else if (missed) {
      badge = {
        ...base,
        state: 'breached',
        level: 'breached',
        target: missed.target as SlaTarget,
        deadline: missed.deadline,
        remainingMinutes: -businessMinutesBetween(calendar(), missed.deadline!, now)
      }
    } else if (h.pausedSince !== null) {
      badge = { ...base, state: 'paused', level: 'paused', target: open[0]!.target as SlaTarget }
    } else {
      const next = [...open].sort(byDeadline)[0]!
      const remaining = next.deadline === null ? null : businessMinutesBetween(calendar(), now, next.deadline)
      badge = {
        ...base,
        state: 'running',
        level: remaining !== null && remaining <= atRisk ? 'atRisk' : 'ok',
        target: next.target as SlaTarget,
        deadline: next.deadline,
        remainingMinutes: remaining
      }
    }
    out.set(orderId, badge)
  }
  return out
}

/* ---------- agreements' generator: the same start, with prepared statements ---------- */

/**
 * Starts the clocks of generated orders. The generator writes tens of thousands of orders a run, so the
 * SLA lookups are cached per run (agreement group and customer group → SLA) and the writes are prepared
 * statements: one header, two or three targets and the 'start' event per order.
 */
function generatorStatements(sqlite: Sqlite) {
  return {
    groupSla: sqlite.prepare('select sla_id as slaId from agreement_groups where id = ?'),
    customerSla: sqlite.prepare('select g.sla_id as slaId from customers c join customer_groups g on g.id = c.group_id where c.id = ?'),
    header: sqlite.prepare(
      "insert into order_slas (order_id, sla_id, source, started_at, state, next_deadline, next_target) values (?, ?, ?, ?, 'running', ?, ?)"
    ),
    target: sqlite.prepare('insert into order_sla_targets (order_id, target, minutes, deadline) values (?, ?, ?, ?)'),
    event: sqlite.prepare("insert into sla_events (order_id, at, user_id, kind, note) values (?, ?, ?, 'start', ?)")
  }
}

export class GeneratedClocks {
  private readonly cache: SlaCache
  private readonly groupSla = new Map<number, number | null>()
  private readonly customerSla = new Map<number, number | null>()
  private readonly st: ReturnType<typeof generatorStatements>
  /** The setting, read once per run: a run never measures half of its orders. */
  private readonly enabled: boolean

  constructor(
    private readonly ctx: ServiceContext,
    sqlite: Sqlite
  ) {
    this.cache = new SlaCache(ctx.db)
    this.st = generatorStatements(sqlite)
    this.enabled = loadSettings(ctx.db).slaOnGeneratedOrders
  }

  private usable(id: number | null): SlaSpec | null {
    if (id === null) return null
    const spec = this.cache.get(id)
    return spec && !spec.suspended ? spec : null
  }

  private lookup(map: Map<number, number | null>, key: number, stmt: { get: (k: number) => unknown }): number | null {
    let v = map.get(key)
    if (v === undefined) {
      v = (stmt.get(key) as { slaId: number | null } | undefined)?.slaId ?? null
      map.set(key, v)
    }
    return v
  }

  /** For an order of agreement `a` (priority `priority`), starting at its planned start or now, whichever is later. */
  start(orderId: number, a: { slaId: number | null; groupId: number; customerId: number }, priority: string, plannedStart: number): void {
    if (!this.enabled) return
    let source: SlaSource = 'agreement'
    let spec = this.usable(a.slaId)
    if (!spec) {
      source = 'agreementGroup'
      spec = this.usable(this.lookup(this.groupSla, a.groupId, this.st.groupSla))
    }
    if (!spec) {
      source = 'customerGroup'
      spec = this.usable(this.lookup(this.customerSla, a.customerId, this.st.customerSla))
    }
    if (!spec) return
    const targets = targetMinutes(spec, priority)
    if (targets.length === 0) return
    const now = this.ctx.now()
    const startedAt = Math.max(now, plannedStart)
    const clocks = computeClock({
      calendar: spec.calendar,
      startedAt,
      targets: Object.fromEntries(targets.map((t) => [t.target, t.minutes])),
      pauses: [],
      metAt: {},
      cancelledAt: null,
      now
    })
    const d = derive(clocks, false, false)
    this.st.header.run(orderId, spec.id, source, startedAt, d.nextDeadline, d.nextTarget)
    for (const c of clocks) this.st.target.run(orderId, c.target, c.minutes, c.deadline)
    this.st.event.run(orderId, startedAt, this.ctx.user?.id ?? null, spec.name)
  }
}
