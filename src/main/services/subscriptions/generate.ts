import { eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import {
  feeAmount,
  feePeriods,
  type FeePreview,
  type FeeRun,
  indexed,
  type PeriodCode,
  type PlannedFee,
  pickPrice,
  type PriceRule
} from '@shared/domain/subscriptions'
import type { Db, Sqlite } from '../../db/connection'
import { subscriptionRuns } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import { faultPoint } from '../core/faults'
import { mapBusy } from '../core/tx'

type Scope = ParsedInput<'subscriptions.generate'>

/** What the generator reads of a subscription. */
interface SubRecord {
  id: number
  number: string
  customerId: number
  categoryId: number | null
  currency: string
  basePrice: number
  priceIndex: number
  startDate: string
  endDate: string | null
  periodCode: PeriodCode
}

export interface PlannedCharge extends PlannedFee {
  amount: number
}

/** Active subscriptions in scope, in id order (a run resumes in the same order after a crash). */
function subscriptionsInScope(sqlite: Sqlite, s: Pick<Scope, 'groupId' | 'subscriptionId' | 'to'>): SubRecord[] {
  return sqlite
    .prepare(
      `select s.id, s.number, s.customer_id as customerId, s.category_id as categoryId, s.currency, s.base_price as basePrice,
        s.price_index as priceIndex, s.start_date as startDate, s.end_date as endDate, g.invoicing_period as periodCode
       from subscriptions s join subscription_groups g on g.id = s.group_id
       where s.active = 1 and s.start_date <= ? and (? is null or s.group_id = ?) and (? is null or s.id = ?)
       order by s.id`
    )
    .all(s.to, s.groupId, s.groupId, s.subscriptionId, s.subscriptionId) as SubRecord[]
}

/** Every price, by period code and currency: the table is small, and one lookup per fee then stays in memory. */
function loadPrices(sqlite: Sqlite): Map<string, PriceRule[]> {
  const rows = sqlite
    .prepare(
      `select id, period_code as periodCode, currency, subscription_id as subscriptionId, customer_id as customerId,
        category_id as categoryId, valid_from as validFrom, valid_to as validTo, amount from subscription_prices`
    )
    .all() as PriceRule[]
  const out = new Map<string, PriceRule[]>()
  for (const r of rows) {
    const key = `${r.periodCode}|${r.currency}`
    out.set(key, [...(out.get(key) ?? []), r])
  }
  return out
}

/**
 * The full-period price of a subscription for a period: the most specific valid sales price when there is
 * one (used as it is), else the base price times the subscription's index (docs/adr/0013-subscriptions.md).
 */
export function periodPrice(prices: Map<string, PriceRule[]>, s: SubRecord, periodStart: string): number {
  const rule = pickPrice(prices.get(`${s.periodCode}|${s.currency}`) ?? [], {
    periodCode: s.periodCode,
    currency: s.currency,
    subscriptionId: s.id,
    customerId: s.customerId,
    categoryId: s.categoryId,
    date: periodStart
  })
  return rule ? rule.amount : indexed(s.basePrice, s.priceIndex)
}

/** The periods each subscription already has a regular or non-regular fee for. */
function madeKeys(sqlite: Sqlite, subscriptionId: number | null): Map<number, Set<string>> {
  const rows = sqlite
    .prepare(
      `select subscription_id as s, period_start as p from subscription_fees
       where kind in ('regular','nonRegular') and (? is null or subscription_id = ?)`
    )
    .raw()
    .all(subscriptionId, subscriptionId) as [number, string][]
  const out = new Map<number, Set<string>>()
  for (const [s, p] of rows) {
    let set = out.get(s)
    if (!set) out.set(s, (set = new Set()))
    set.add(p)
  }
  return out
}

function plan(s: SubRecord, to: string, prices: Map<string, PriceRule[]>, made: Set<string> | undefined): { fees: PlannedCharge[]; skipped: number } {
  const fees: PlannedCharge[] = []
  let skipped = 0
  for (const f of feePeriods(s.periodCode, { start: s.startDate, end: s.endDate }, to)) {
    if (made?.has(f.periodStart)) skipped++
    else fees.push({ ...f, amount: feeAmount(periodPrice(prices, s, f.periodStart), f) })
  }
  return { fees, skipped }
}

export function previewFees(ctx: ServiceContext, i: ParsedInput<'subscriptions.preview'>): FeePreview {
  const sqlite = ctx.conn.sqlite
  const subs = subscriptionsInScope(sqlite, i)
  const prices = loadPrices(sqlite)
  const made = madeKeys(sqlite, i.subscriptionId)
  const out: FeePreview = { created: 0, skipped: 0, fees: [] }
  for (const s of subs) {
    const p = plan(s, i.to, prices, made.get(s.id))
    out.created += p.fees.length
    out.skipped += p.skipped
    for (const f of p.fees) {
      if (out.fees.length >= i.maxRows) break
      out.fees.push({ subscriptionId: s.id, subscriptionNumber: s.number, kind: f.kind, periodStart: f.periodStart, from: f.from, to: f.to, amount: f.amount })
    }
  }
  return out
}

export interface FeeProgress {
  total: number
  done: number
  created: number
  skipped: number
}

export interface FeeGeneration {
  readonly progress: FeeProgress
  readonly finished: boolean
  /**
   * Generates subscriptions in order for about `sliceMs` (at least one) in one write transaction and
   * commits: a slice holds whole subscriptions only. `record` runs inside the slice's transaction, so the
   * progress it saves commits with the fees it counts.
   */
  step: (sliceMs: number, record?: (p: FeeProgress) => void) => FeeProgress
}

/**
 * A fee run over every active subscription in scope. Each fee is inserted with ON CONFLICT DO NOTHING
 * against the unique (subscription, period) key, so a rerun, an overlapping run in another window or
 * process, or a run after a crash never makes a fee twice; the periods known to exist are skipped before
 * that, which keeps a rerun that creates nothing fast.
 */
export function createFeeGeneration(ctx: ServiceContext, input: Scope): FeeGeneration {
  const sqlite = ctx.conn.sqlite
  const subs = subscriptionsInScope(sqlite, input)
  const prices = loadPrices(sqlite)
  const now = ctx.now()
  const insert = sqlite.prepare(
    `insert into subscription_fees (subscription_id, kind, period_start, from_date, to_date, amount, created_at)
     values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing`
  )
  let made: Map<number, Set<string>> | null = null
  const progress: FeeProgress = { total: subs.length, done: 0, created: 0, skipped: 0 }
  const work = (deadline: number) => {
    // Read inside the write transaction: what another run committed before this one took the lock is seen.
    made ??= madeKeys(sqlite, input.subscriptionId)
    do {
      const s = subs[progress.done]!
      const p = plan(s, input.to, prices, made.get(s.id))
      progress.skipped += p.skipped
      for (const f of p.fees) {
        if (insert.run(s.id, f.kind, f.periodStart, f.from, f.to, f.amount, now).changes === 1) progress.created++
        else progress.skipped++
        faultPoint('subscriptions.afterFee')
      }
      progress.done++
    } while (progress.done < subs.length && performance.now() < deadline)
  }
  const slice = sqlite.transaction((deadline: number, record?: (p: FeeProgress) => void) => {
    work(deadline)
    record?.(progress)
  })
  return {
    progress,
    get finished() {
      return progress.done >= subs.length
    },
    step(sliceMs, record) {
      if (progress.done >= subs.length) return progress
      const before = { ...progress }
      try {
        slice.immediate(performance.now() + sliceMs, record)
      } catch (e) {
        Object.assign(progress, before)
        // The keys read inside the rolled-back transaction may include rows it made: read them again.
        made = null
        throw mapBusy(e)
      }
      return progress
    }
  }
}

/** Generates synchronously (the CLI, tests, the demo); `onProgress` after each committed slice. */
export function runFeeGeneration(ctx: ServiceContext, input: Scope, onProgress?: (p: FeeProgress) => void, sliceMs = 1000): FeeProgress {
  requirePermission(ctx, 'subscriptions.write')
  const run = createFeeGeneration(ctx, input)
  while (!run.finished) {
    const p = run.step(sliceMs)
    onProgress?.(p)
  }
  return run.progress
}

/* ---------- background runs ---------- */

const cancelled = new Set<number>()
/** One turn of the event loop generates at most this long, so API calls keep flowing between turns. */
const SLICE_MS = 50

function runRow(db: Db, id: number): FeeRun {
  const r = db.select().from(subscriptionRuns).where(eq(subscriptionRuns.id, id)).get()
  if (!r) throw notFound('subscriptionRun')
  return { id: r.id, status: r.status as FeeRun['status'], toDate: r.toDate, total: r.total, done: r.done, created: r.created, skipped: r.skipped, error: r.error }
}

/** Starts a run in the background and answers at once; see agreements' generator for why it works in slices. */
export function startFeeGeneration(ctx: ServiceContext, input: Scope): FeeRun {
  const run = createFeeGeneration(ctx, input)
  const row = ctx.db
    .insert(subscriptionRuns)
    .values({ startedAt: ctx.now(), userId: ctx.user?.id ?? null, toDate: input.to, status: 'running', total: run.progress.total })
    .returning({ id: subscriptionRuns.id })
    .get()
  const save = (status: FeeRun['status'], error: string | null = null) => {
    const p = run.progress
    ctx.db
      .update(subscriptionRuns)
      .set({ status, error, total: p.total, done: p.done, created: p.created, skipped: p.skipped, ...(status === 'running' ? {} : { finishedAt: ctx.now() }) })
      .where(eq(subscriptionRuns.id, row.id))
      .run()
  }
  const tick = (): void => {
    if (!ctx.conn.sqlite.open) return
    try {
      if (cancelled.delete(row.id)) {
        save('cancelled')
        return
      }
      run.step(SLICE_MS, () => save('running'))
      if (run.finished) {
        save('done')
        return
      }
      setImmediate(tick)
    } catch (e) {
      if (ctx.conn.sqlite.open) save('failed', e instanceof Error ? e.message : String(e))
    }
  }
  setImmediate(tick)
  return runRow(ctx.db, row.id)
}

export function getFeeRun(ctx: ServiceContext, i: { id: number }): FeeRun {
  return runRow(ctx.db, i.id)
}

export function cancelFeeRun(ctx: ServiceContext, i: { id: number }): FeeRun {
  const run = runRow(ctx.db, i.id)
  if (run.status === 'running') cancelled.add(run.id)
  return run
}

/** Runs a stopped process left "running" are marked failed at start-up; their committed subscriptions stay. */
export function markInterruptedFeeRuns(db: Db): void {
  db.update(subscriptionRuns)
    .set({ status: 'failed', error: 'Interrupted: Hooldus stopped during the run. Whole subscriptions were kept; run it again to continue.', finishedAt: Date.now() })
    .where(eq(subscriptionRuns.status, 'running'))
    .run()
}
