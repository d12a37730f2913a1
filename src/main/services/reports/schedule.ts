import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import { type ScheduleInput, type ScheduleRow, scheduleRows } from '@shared/domain/reports'
import { addDays } from '@shared/recurrence'
import { dayStart } from '@shared/time'
import { previewGeneration } from '../agreements/generator'
import { requirePermission, type ServiceContext } from '../core/context'
import { loadSettings } from '../settings/settings'
import { pageFrom, periodOf, sortedRows } from './period'

const ORDERS_SQL = `
  select o.id, o.number, o.planned_start as start, o.planned_end as "end", o.description, c.name as customerName,
    coalesce(s.street || ', ' || s.city, o.one_time_address) as address
  from service_orders o
  join customers c on c.id = o.customer_id
  left join customer_sites s on s.id = o.site_id
  where o.is_template = 0 and o.progress <> 'cancelled' and o.planned_start >= ? and o.planned_start < ? and (? is null or o.customer_id = ?)`

const AGREEMENTS_SQL = `
  select a.id, a.description, c.name as customerName,
    coalesce((select s.street || ', ' || s.city from customer_sites s where s.customer_id = c.id order by s.id limit 1), '') as address
  from agreements a join customers c on c.id = a.customer_id
  where a.id in (select value from json_each(?))`

/**
 * The date in the shop's zone of an instant inside [from, to]: a search among the period's day starts, not a
 * time-zone conversion per order (a quarter's 40,000 of them took most of a second).
 */
function dayOf(from: string, to: string, timeZone: string): (ms: number) => string {
  const days: string[] = []
  const starts: number[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) {
    days.push(d)
    starts.push(dayStart(d, timeZone))
  }
  return (ms) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= ms) lo = mid
      else hi = mid - 1
    }
    return days[lo]!
  }
}

/**
 * The planned visits of a period (docs/adr/0028-reports.md): orders planned in it (not cancelled), and the visits
 * the agreements will make there that are not orders yet — the generator's own preview, so the same dates the
 * generator will use (time windows, closed days, the ledger of occurrences already made), planned only until the
 * preview's cap of visits is reached. Only lines that take
 * a visit (hours and items) count; fees and expenses are invoiced, never visited.
 */
export function scheduleReport(ctx: ServiceContext, i: ScheduleInput): ScheduleRow[] {
  requirePermission(ctx, 'reports.read')
  const tz = loadSettings(ctx.db).timeZone
  const { start, end } = periodOf(i, tz)
  const sqlite = ctx.conn.sqlite
  const dateOf = dayOf(i.from, i.to, tz)
  const orders = (
    sqlite.prepare(ORDERS_SQL).all(start, end, i.customerId, i.customerId) as {
      id: number
      number: string
      start: number
      end: number | null
      description: string
      customerName: string
      address: string
    }[]
  ).map((o) => ({
    key: `o${o.id}`,
    date: dateOf(o.start),
    start: o.start,
    end: o.end,
    customerName: o.customerName,
    description: o.description,
    address: o.address,
    reference: o.number
  }))
  const preview = previewGeneration(
    ctx,
    {
      from: i.from,
      to: i.to,
      agreementIds: [],
      customerId: i.customerId,
      groupId: null,
      types: ['hour', 'item'],
      maxVisits: 5000
    },
    true
  )
  const agreements = new Map(
    (
      sqlite.prepare(AGREEMENTS_SQL).all(JSON.stringify([...new Set(preview.visits.map((v) => v.agreementId))])) as {
        id: number
        description: string
        customerName: string
        address: string
      }[]
    ).map((a) => [a.id, a])
  )
  const visits = preview.visits.map((v) => {
    const a = agreements.get(v.agreementId)!
    const what = v.lines.map((l) => l.description).filter((d) => d !== '')
    return {
      key: `a${v.agreementId}:${v.groupKey}:${v.date}`,
      date: v.date,
      start: null,
      end: null,
      customerName: a.customerName,
      description: what.length > 0 ? [...new Set(what)].join('; ') : a.description,
      address: a.address,
      reference: v.agreementNumber
    }
  })
  return scheduleRows(orders, visits)
}

const SORTS: Record<string, (r: ScheduleRow) => number | string | null> = {
  date: (r) => r.date,
  customerName: (r) => r.customerName,
  reference: (r) => r.reference
}

function sorted(ctx: ServiceContext, i: ParsedInput<'scheduleReport.list'>): ScheduleRow[] {
  return sortedRows(scheduleReport(ctx, i), i, SORTS, (r) => `${r.customerName} ${r.description} ${r.address} ${r.reference}`)
}

export const listSchedule = (ctx: ServiceContext, i: ParsedInput<'scheduleReport.list'>): Page<ScheduleRow> => pageFrom(sorted(ctx, i), i)
export const iterateSchedule = (ctx: ServiceContext, i: ParsedInput<'scheduleReport.list'>): Iterable<ScheduleRow> => sorted(ctx, i)
