import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import { type MarginInput, type MarginRow, type MarginSum, marginRows } from '@shared/domain/reports'
import { tFor } from '@shared/i18n/i18n'
import { requirePermission, type ServiceContext } from '../core/context'
import { loadSettings } from '../settings/settings'
import { pageFrom, periodOf, sortedRows } from './period'

/** A line's unit cost: its own (copied from the item or category when it was made, or typed), else today's cost price. */
const UNIT_COST = 'case when l.unit_cost <> 0 then l.unit_cost else coalesce(i.cost_price, g.cost_price, 0) end'
/** Quantity (thousandths) × a unit amount, rounded to the cent as JavaScript's Math.round does (half up, also below zero). */
const perQuantity = (unit: string) => `floor(l.quantity * ${unit} / 1000.0 + 0.5)`

/**
 * The sums per order (or per order and task) of the lines of the period's orders. The orders of the period are
 * those whose work date falls in it: when the work ended, else when it was planned to end, else when the order
 * was made (docs/adr/0028-reports.md). Templates and cancelled orders and lines are left out; a line's revenue is
 * its quantity at its unit price (net, before any invoice); a fee has no cost of its own, so it is never missing one.
 * Summed in SQLite: reading the quarter's 109,000 lines into JavaScript took most of the report's time.
 */
const perOrder = (byTask: boolean) => `
  select o.id as orderId, o.number as orderNumber, o.customer_id as customerId, c.name as customerName,
    ${byTask ? 'l.service_task_id as taskId, t.name as taskName,' : ''}
    sum(${perQuantity('l.unit_price')}) as revenue,
    sum(${perQuantity(UNIT_COST)}) as cost,
    sum(l.type <> 'fee' and l.quantity <> 0 and (${UNIT_COST}) = 0) as costMissing
  from service_orders o
  join customers c on c.id = o.customer_id
  join service_order_lines l on l.order_id = o.id
  ${byTask ? 'left join service_tasks t on t.id = l.service_task_id' : ''}
  left join items i on i.id = l.item_id
  left join categories g on g.id = l.category_id
  where o.is_template = 0 and o.progress <> 'cancelled' and l.status <> 'cancelled'
    and coalesce(o.actual_end, o.planned_end, o.created_at) >= ? and coalesce(o.actual_end, o.planned_end, o.created_at) < ?
    and (? is null or o.customer_id = ?)
  group by o.id${byTask ? ', l.service_task_id' : ''}`

const totals = 'cast(sum(revenue) as integer) as revenue, cast(sum(cost) as integer) as cost, sum(costMissing) as costMissing'
const GROUP_SQL: Record<MarginInput['groupBy'], string> = {
  order: `select cast(orderId as text) as key, orderNumber as label, customerName, 1 as orders,
    cast(revenue as integer) as revenue, cast(cost as integer) as cost, costMissing from (${perOrder(false)})`,
  customer: `select cast(customerId as text) as key, customerName as label, '' as customerName, count(*) as orders, ${totals}
    from (${perOrder(false)}) group by customerId`,
  // The name of "no task" is a parameter: a word of the report, in its reader's language.
  task: `select coalesce(cast(taskId as text), '-') as key, iif(taskId is null, ?, coalesce(taskName, '')) as label, '' as customerName,
    count(*) as orders, ${totals} from (${perOrder(true)}) group by taskId`
}

/** Revenue, cost and margin of the period's orders per order, customer or task. */
export function marginReport(ctx: ServiceContext, i: MarginInput): MarginRow[] {
  requirePermission(ctx, 'reports.read')
  const settings = loadSettings(ctx.db)
  const { start, end } = periodOf(i, settings.timeZone)
  const params: unknown[] = [start, end, i.customerId, i.customerId]
  // Group names are words of the report: in the language of whoever reads it.
  if (i.groupBy === 'task') params.unshift(tFor(ctx.user?.language ?? settings.language)('reports.margin.noTask'))
  return marginRows(ctx.conn.sqlite.prepare(GROUP_SQL[i.groupBy]).all(...params) as MarginSum[])
}

const SORTS: Record<string, (r: MarginRow) => number | string | null> = {
  label: (r) => r.label,
  customerName: (r) => r.customerName,
  orders: (r) => r.orders,
  revenue: (r) => r.revenue,
  cost: (r) => r.cost,
  margin: (r) => r.margin,
  marginShare: (r) => r.marginShare
}

function sorted(ctx: ServiceContext, i: ParsedInput<'marginReport.list'>): MarginRow[] {
  return sortedRows(marginReport(ctx, i), i, SORTS, (r) => `${r.label} ${r.customerName}`)
}

export const listMargin = (ctx: ServiceContext, i: ParsedInput<'marginReport.list'>): Page<MarginRow> => pageFrom(sorted(ctx, i), i)
export const iterateMargin = (ctx: ServiceContext, i: ParsedInput<'marginReport.list'>): Iterable<MarginRow> => sorted(ctx, i)
