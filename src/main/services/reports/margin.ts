import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import { type MarginInput, type MarginLine, type MarginRow, marginRows } from '@shared/domain/reports'
import { tFor } from '@shared/i18n/i18n'
import { requirePermission, type ServiceContext } from '../core/context'
import { loadSettings } from '../settings/settings'
import { pageFrom, periodOf, sortedRows } from './period'

/**
 * The orders of the period are those whose work date falls in it: when the work ended, else when it was
 * planned to end, else when the order was made (docs/adr/0028-reports.md). Templates and cancelled orders and
 * lines are left out; a line's revenue is its quantity at its unit price (net, before any invoice).
 */
const LINES_SQL = `
  select o.id as orderId, o.number as orderNumber, o.customer_id as customerId, c.name as customerName,
    l.service_task_id as taskId, coalesce(t.name, '') as taskName, l.type, l.quantity, l.unit_price as unitPrice,
    l.unit_cost as unitCost, coalesce(i.cost_price, g.cost_price, 0) as currentCost
  from service_orders o
  join customers c on c.id = o.customer_id
  join service_order_lines l on l.order_id = o.id
  left join service_tasks t on t.id = l.service_task_id
  left join items i on i.id = l.item_id
  left join categories g on g.id = l.category_id
  where o.is_template = 0 and o.progress <> 'cancelled' and l.status <> 'cancelled'
    and coalesce(o.actual_end, o.planned_end, o.created_at) >= ? and coalesce(o.actual_end, o.planned_end, o.created_at) < ?
    and (? is null or o.customer_id = ?)`

/** Revenue, cost and margin of the period's orders per order, customer or task. */
export function marginReport(ctx: ServiceContext, i: MarginInput): MarginRow[] {
  requirePermission(ctx, 'reports.read')
  const settings = loadSettings(ctx.db)
  const { start, end } = periodOf(i, settings.timeZone)
  const lines = ctx.conn.sqlite.prepare(LINES_SQL).all(start, end, i.customerId, i.customerId) as MarginLine[]
  // Group names are words of the report: in the language of whoever reads it.
  const t = tFor(ctx.user?.language ?? settings.language)
  return marginRows(lines, i.groupBy, t('reports.margin.noTask'))
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
