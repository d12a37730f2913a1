import { eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import {
  feeAmount,
  feePeriodCount,
  feePeriods,
  type FeePreview,
  type FeeRun,
  indexed,
  type PeriodCode,
  type PlannedFee,
  periodStart,
  pickPrice,
  type PriceRule
} from '@shared/domain/subscriptions'
import type { Db, Sqlite } from '../../db/connection'
import { subscriptionRuns } from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import { faultPoint } from '../core/faults'
import { driveInSlices } from '../core/slices'
import { mapBusy } from '../core/tx'

type Scope = ParsedInput<'subscriptions.generate'>

/** What the generator reads of a subscription. */
export interface SubRecord {
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
export function loadPrices(sqlite: Sqlite): Map<string, PriceRule[]> {
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

/** The periods one subscription already has a regular or non-regular fee for. */
function madeKeys(sqlite: Sqlite) {
  const q = sqlite
    .prepare(`select period_start from subscription_fees where subscription_id = ? and kind in ('regular','nonRegular')`)
    .pluck()
  return (subscriptionId: number) => new Set(q.all(subscriptionId) as string[])
}

interface MadeSpan {
  first: string
  last: string
  count: number
}

/** Per subscription: the first and last period with a fee and how many there are — one grouped read per run. */
function madeSpans(sqlite: Sqlite, subscriptionId: number | null): Map<number, MadeSpan> {
  const rows = sqlite
    .prepare(
      `select subscription_id, min(period_start), max(period_start), count(*) from subscription_fees
       where kind in ('regular','nonRegular') and (? is null or subscription_id = ?) group by subscription_id`
    )
    .raw()
    .all(subscriptionId, subscriptionId) as [number, string, string, number][]
  return new Map(rows.map(([s, first, last, count]) => [s, { first, last, count }]))
}

/**
 * True when a subscription has every fee up to the date already: as many fees as periods, all inside the
 * periods due (keys are distinct period starts, so the count then proves the set). Lets a rerun skip a
 * subscription without listing its periods.
 */
function complete(s: SubRecord, to: string, span: MadeSpan | undefined): number | null {
  if (!span) return null
  const due = feePeriodCount(s.periodCode, { start: s.startDate, end: s.endDate }, to)
  const first = periodStart(s.periodCode, s.startDate)
  const last = periodStart(s.periodCode, s.endDate !== null && s.endDate < to ? s.endDate : to)
  return span.count === due && span.first >= first && span.last <= last ? due : null
}

function plan(
  s: SubRecord,
  to: string,
  prices: Map<string, PriceRule[]>,
  made: Set<string> | undefined
): { fees: PlannedCharge[]; skipped: number } {
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
  const spans = madeSpans(sqlite, i.subscriptionId)
  const keysOf = madeKeys(sqlite)
  const out: FeePreview = { created: 0, skipped: 0, fees: [] }
  for (const s of subs) {
    const whole = complete(s, i.to, spans.get(s.id))
    if (whole !== null) {
      out.skipped += whole
      continue
    }
    const p = plan(s, i.to, prices, spans.has(s.id) ? keysOf(s.id) : undefined)
    out.created += p.fees.length
    out.skipped += p.skipped
    for (const f of p.fees) {
      if (out.fees.length >= i.maxRows) break
      out.fees.push({
        subscriptionId: s.id,
        subscriptionNumber: s.number,
        kind: f.kind,
        periodStart: f.periodStart,
        from: f.from,
        to: f.to,
        amount: f.amount
      })
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
  const keysOf = madeKeys(sqlite)
  let spans: Map<number, MadeSpan> | null = null
  const progress: FeeProgress = { total: subs.length, done: 0, created: 0, skipped: 0 }
  const work = (deadline: number) => {
    // Read inside the write transaction: what another run committed before this one took the lock is seen.
    spans ??= madeSpans(sqlite, input.subscriptionId)
    do {
      const s = subs[progress.done]!
      const span = spans.get(s.id)
      const whole = complete(s, input.to, span)
      if (whole !== null) {
        progress.skipped += whole
        progress.done++
        continue
      }
      const p = plan(s, input.to, prices, span ? keysOf(s.id) : undefined)
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
        // The spans read inside the rolled-back transaction may count rows it made: read them again.
        spans = null
        throw mapBusy(e)
      }
      return progress
    }
  }
}

/** Generates synchronously (the CLI through the pipeline, tests, the demo, the bench); `onProgress` after each committed slice. */
export function runFeeGeneration(ctx: ServiceContext, input: Scope, onProgress?: (p: FeeProgress) => void, sliceMs = 1000): FeeProgress {
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
  return {
    id: r.id,
    status: r.status as FeeRun['status'],
    toDate: r.toDate,
    total: r.total,
    done: r.done,
    created: r.created,
    skipped: r.skipped,
    error: r.error
  }
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
      .set({
        status,
        error,
        total: p.total,
        done: p.done,
        created: p.created,
        skipped: p.skipped,
        ...(status === 'running' ? {} : { finishedAt: ctx.now() })
      })
      .where(eq(subscriptionRuns.id, row.id))
      .run()
  }
  driveInSlices(ctx.conn, run, { sliceMs: SLICE_MS, cancelRequested: () => cancelled.delete(row.id), save })
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
    .set({
      status: 'failed',
      error: 'Interrupted: Hooldus stopped during the run. Whole subscriptions were kept; run it again to continue.',
      finishedAt: Date.now()
    })
    .where(eq(subscriptionRuns.status, 'running'))
    .run()
}
