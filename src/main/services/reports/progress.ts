import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import { type ProgressInput, type ProgressRow, progressRows, type StageStaySum } from '@shared/domain/reports'
import { requirePermission, type ServiceContext } from '../core/context'
import { loadSettings } from '../settings/settings'
import { pageFrom, periodOf, sortedRows } from './period'

/**
 * The stays of the orders made in the period, added up per stage (or per order and stage) and the reason given
 * on entering it. The stage history (stage_history) has one row per stage an order entered, the first — with no
 * stage before it — when it was made; a stay lasts until the next change (rows at the same instant in the order
 * they were written), or until now for the stage an order is in. Summed in SQLite: reading the quarter's history
 * into JavaScript was most of the report's time.
 */
const staysSql = (byOrder: boolean) => `
  with stays as (
    select h.order_id as orderId, h.to_stage_id as stageId, h.reason_id as reasonId,
      max(coalesce(lead(h.at) over (partition by h.order_id order by h.at, h.id), ?), h.at) - h.at as ms
    from service_orders o
    join stage_history h on h.order_id = o.id
    where o.id in (select order_id from stage_history where from_stage_id is null and at >= ? and at < ?)
      and o.is_template = 0 and (? is null or o.customer_id = ?)
  )
  select ${byOrder ? 'orderId' : 'null as orderId'}, stageId, r.code as reasonCode, count(*) as stays, sum(ms) as totalMs
  from stays left join stage_reasons r on r.id = stays.reasonId
  group by ${byOrder ? 'orderId, ' : ''}stageId, reasonId`

/** Time in each stage, per order and stage or per stage, with the reason codes given on entering it. */
export function progressReport(ctx: ServiceContext, i: ProgressInput): ProgressRow[] {
  requirePermission(ctx, 'reports.read')
  const { start, end } = periodOf(i, loadSettings(ctx.db).timeZone)
  const sqlite = ctx.conn.sqlite
  const byOrder = i.groupBy === 'order'
  const sums = sqlite.prepare(staysSql(byOrder)).all(ctx.now(), start, end, i.customerId, i.customerId) as StageStaySum[]
  const stages = new Map(
    (sqlite.prepare('select id, name, sort_order from service_stages').raw().all() as [number, string, number][]).map(
      ([id, name, sort]) => [id, { name, sort }]
    )
  )
  const orders = new Map<number, { number: string; customerName: string }>()
  if (byOrder) {
    const rows = sqlite
      .prepare(
        `select o.id, o.number, c.name from service_orders o join customers c on c.id = o.customer_id
         where o.id in (select value from json_each(?))`
      )
      .raw()
      .all(JSON.stringify([...new Set(sums.map((h) => h.orderId))])) as [number, string, string][]
    for (const [id, number, customerName] of rows) orders.set(id, { number, customerName })
  }
  return progressRows(sums, i.groupBy, {
    stage: (id) => stages.get(id)?.name ?? '',
    stageOrder: (id) => stages.get(id)?.sort ?? 0,
    order: (id) => orders.get(id) ?? { number: '', customerName: '' }
  })
}

const SORTS: Record<string, (r: ProgressRow) => number | string | null> = {
  orderNumber: (r) => r.orderNumber,
  customerName: (r) => r.customerName,
  stageName: (r) => r.stageName,
  stays: (r) => r.stays,
  totalMinutes: (r) => r.totalMinutes,
  averageMinutes: (r) => r.averageMinutes
}

function sorted(ctx: ServiceContext, i: ParsedInput<'progressReport.list'>): ProgressRow[] {
  return sortedRows(progressReport(ctx, i), i, SORTS, (r) => `${r.orderNumber} ${r.customerName} ${r.stageName} ${r.reasons}`)
}

export const listProgress = (ctx: ServiceContext, i: ParsedInput<'progressReport.list'>): Page<ProgressRow> => pageFrom(sorted(ctx, i), i)
export const iterateProgress = (ctx: ServiceContext, i: ParsedInput<'progressReport.list'>): Iterable<ProgressRow> => sorted(ctx, i)
