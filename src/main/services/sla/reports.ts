import { and, eq, or, type SQL, sql } from 'drizzle-orm'
import type { Content, TableCell } from 'pdfmake/interfaces'
import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import type { OrderListRow } from '@shared/domain/orders'
import type { Priority } from '@shared/domain/orders'
import type { ComplianceRow } from '@shared/domain/sla'
import { tFor } from '@shared/i18n/i18n'
import { dateOf, dayEnd, dayStart } from '@shared/time'
import { agreementGroups, agreements, customers, orderSlas, orderSlaTargets, serviceOrders } from '../../db/schema'
import { requirePermission, requireUser, type ServiceContext } from '../core/context'
import { invalid } from '../core/errors'
import { contains, iterateList, type JoinableQuery, listPage, outer, sortEntry, whereAll } from '../core/list'
import { documentLocale } from '../documents/format'
import { renderPdf } from '../documents/pdf'
import { ACCENT, documentFrame, MUTED, rowsTable } from '../documents/layout'
import { isOfficeUser } from '../orders/access'
import { assignedTo, iterateWithSla, orderListJoins, orderListSelection, withSla } from '../orders/read'
import { loadSettings } from '../settings/settings'
import { sweepBreaches } from './clock'
import { shownDeadline, slaAtRiskWhere } from './atRisk'

/* ---------- orders at risk ---------- */

const atRiskSpec = {
  table: serviceOrders,
  idColumn: serviceOrders.id,
  selection: { ...orderListSelection, nextDeadline: orderSlas.nextDeadline },
  joins: (q: JoinableQuery) => orderListJoins(q.innerJoin(orderSlas, eq(orderSlas.orderId, serviceOrders.id))),
  countJoins: (q: JoinableQuery) => q.innerJoin(orderSlas, eq(orderSlas.orderId, serviceOrders.id)),
  sort: { deadline: shownDeadline(outer(serviceOrders.id)), number: serviceOrders.number },
  defaultSort: 'deadline',
  toRow: ({ nextDeadline: _d, ...r }: Omit<OrderListRow, 'sla'> & { nextDeadline: number | null }) => r
}

/** Open orders whose SLA is breached or at risk (atRisk.ts), seen by the caller. */
function atRiskWhere(ctx: ServiceContext, q: string): SQL | undefined {
  const user = requireUser(ctx)
  return whereAll([
    isOfficeUser(user) ? undefined : assignedTo(user.workerId ?? -1),
    slaAtRiskWhere(ctx.db, ctx.now()),
    eq(serviceOrders.progress, 'inProcess'),
    q ? or(contains(serviceOrders.number, q), contains(customers.name, q)) : undefined
  ])
}

export function listAtRisk(ctx: ServiceContext, i: ParsedInput<'slaAtRisk.list'>): Page<OrderListRow> {
  sweepBreaches(ctx)
  const spec = i.q ? { ...atRiskSpec, countJoins: atRiskSpec.joins } : atRiskSpec
  const page = listPage(ctx.db, spec, i, atRiskWhere(ctx, i.q))
  return { ...page, rows: withSla(ctx.db, page.rows, ctx.now()) }
}

export function iterateAtRisk(ctx: ServiceContext, i: ParsedInput<'slaAtRisk.list'>): Iterable<OrderListRow> {
  sweepBreaches(ctx)
  return iterateWithSla(ctx.db, iterateList(ctx.db, atRiskSpec, i, atRiskWhere(ctx, i.q)), ctx.now())
}

/* ---------- compliance ---------- */

type ComplianceIn = ParsedInput<'sla.compliancePdf'>

export function median(values: number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * Targets of the clocks started in [from, to] (shop dates), grouped. A target counts as met when met on time,
 * as breached when its deadline passed (met late or not at all); one still running counts in `targets` only.
 * Cancelled clocks are left out: their targets were not measured.
 */
export function complianceRows(ctx: ServiceContext, i: ComplianceIn): ComplianceRow[] {
  if (i.to < i.from) throw invalid(['to'], 'validation.endBeforeStart')
  sweepBreaches(ctx)
  const settings = loadSettings(ctx.db)
  const tz = settings.timeZone
  // Group labels are words of the report: in the language of whoever reads it.
  const t = tFor(ctx.user?.language ?? settings.language)
  const rows = ctx.db
    .select({
      orderId: orderSlas.orderId,
      startedAt: orderSlas.startedAt,
      customerId: serviceOrders.customerId,
      customerName: customers.name,
      groupId: agreements.groupId,
      groupName: agreementGroups.name,
      priority: serviceOrders.priority,
      target: orderSlaTargets.target,
      metAt: orderSlaTargets.metAt,
      breachedAt: orderSlaTargets.breachedAt,
      consumed: orderSlaTargets.consumedMinutes
    })
    .from(orderSlas)
    .innerJoin(orderSlaTargets, eq(orderSlaTargets.orderId, orderSlas.orderId))
    .innerJoin(serviceOrders, eq(serviceOrders.id, orderSlas.orderId))
    .innerJoin(customers, eq(customers.id, serviceOrders.customerId))
    .leftJoin(agreements, eq(agreements.id, serviceOrders.agreementId))
    .leftJoin(agreementGroups, eq(agreementGroups.id, agreements.groupId))
    .where(
      and(
        sql`${orderSlas.startedAt} >= ${dayStart(i.from, tz)}`,
        sql`${orderSlas.startedAt} < ${dayEnd(i.to, tz)}`,
        sql`${orderSlas.cancelledAt} is null`,
        i.customerId === null ? undefined : eq(serviceOrders.customerId, i.customerId)
      )
    )
    .all()

  const groups = new Map<
    string,
    { label: string; orders: Set<number>; targets: number; met: number; breached: number; response: number[]; resolution: number[] }
  >()
  for (const r of rows) {
    let key: string
    let label: string
    switch (i.groupBy) {
      case 'customer':
        key = String(r.customerId)
        label = r.customerName
        break
      case 'agreementGroup':
        key = r.groupId === null ? '-' : String(r.groupId)
        label = r.groupName ?? t('documents.sla.noAgreement')
        break
      case 'priority':
        key = String(['high', 'normal', 'low'].indexOf(r.priority))
        label = t(`enums.priority.${r.priority as Priority}`)
        break
      case 'month':
        key = dateOf(r.startedAt, tz).slice(0, 7)
        label = key
        break
    }
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { label, orders: new Set(), targets: 0, met: 0, breached: 0, response: [], resolution: [] }))
    g.orders.add(r.orderId)
    g.targets++
    if (r.breachedAt !== null) g.breached++
    else if (r.metAt !== null) g.met++
    if (r.metAt !== null && r.consumed !== null) {
      if (r.target === 'response') g.response.push(r.consumed)
      if (r.target === 'resolution') g.resolution.push(r.consumed)
    }
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      label: g.label,
      orders: g.orders.size,
      targets: g.targets,
      met: g.met,
      breached: g.breached,
      share: g.met + g.breached === 0 ? null : g.met / (g.met + g.breached),
      medianResponseMinutes: median(g.response),
      medianResolutionMinutes: median(g.resolution)
    }))
    .sort((a, b) => (i.groupBy === 'customer' ? a.label.localeCompare(b.label, 'et') : a.key.localeCompare(b.key)))
}

const COMPLIANCE_SORT: Record<string, (r: ComplianceRow) => number | string> = {
  label: (r) => r.label,
  orders: (r) => r.orders,
  targets: (r) => r.targets,
  share: (r) => r.share ?? -1,
  breached: (r) => r.breached
}

function sortedCompliance(ctx: ServiceContext, i: ParsedInput<'slaCompliance.list'>): ComplianceRow[] {
  const rows = complianceRows(ctx, i).filter((r) => !i.q || r.label.toLowerCase().includes(i.q.toLowerCase()))
  if (!i.sort) return i.dir === 'desc' ? rows.reverse() : rows
  const by = sortEntry(COMPLIANCE_SORT, i.sort, '')
  const sign = i.dir === 'desc' ? -1 : 1
  return rows.sort((a, b) => {
    const x = by(a)
    const y = by(b)
    return sign * (typeof x === 'string' ? x.localeCompare(y as string, 'et') : x - (y as number))
  })
}

export function listCompliance(ctx: ServiceContext, i: ParsedInput<'slaCompliance.list'>): Page<ComplianceRow> {
  const rows = sortedCompliance(ctx, i)
  return { rows: rows.slice((i.page - 1) * i.pageSize, i.page * i.pageSize), total: rows.length, page: i.page, pageSize: i.pageSize }
}

export function iterateCompliance(ctx: ServiceContext, i: ParsedInput<'slaCompliance.list'>): Iterable<ComplianceRow> {
  return sortedCompliance(ctx, i)
}

/* ---------- PDF ---------- */

/** A bar of the share met, drawn with pdfmake's canvas: green for met, red for the rest of what was finished. */
function shareBar(share: number | null, width = 90): Content {
  if (share === null) return { text: '' }
  const met = Math.round(share * width)
  return {
    canvas: [
      { type: 'rect', x: 0, y: 1, w: width, h: 7, color: '#f1d5d2' },
      ...(met > 0 ? [{ type: 'rect' as const, x: 0, y: 1, w: met, h: 7, color: '#2e7d32' }] : [])
    ]
  }
}

export async function compliancePdf(ctx: ServiceContext, i: ComplianceIn): Promise<{ fileName: string; contentBase64: string }> {
  requirePermission(ctx, 'sla.report')
  const rows = complianceRows(ctx, i)
  const settings = loadSettings(ctx.db)
  // An internal report: in the language of whoever prints it.
  const locale = documentLocale(ctx.user?.language ?? settings.language, settings.timeZone)
  const { t, f } = locale
  const percent = (share: number | null) => (share === null ? '—' : f.rate(Math.round(share * 100) * 100))
  const minutesText = (m: number | null) => (m === null ? '—' : f.duration(m))
  const grouping = {
    customer: t('documents.sla.grouping.customer'),
    agreementGroup: t('documents.sla.grouping.agreementGroup'),
    priority: t('documents.sla.grouping.priority'),
    month: t('documents.sla.grouping.month')
  }[i.groupBy]
  const by = {
    customer: t('documents.sla.by.customer'),
    agreementGroup: t('documents.sla.by.agreementGroup'),
    priority: t('documents.sla.by.priority'),
    month: t('documents.sla.by.month')
  }[i.groupBy]
  const total = rows.reduce(
    (s, r) => ({ orders: s.orders + r.orders, targets: s.targets + r.targets, met: s.met + r.met, breached: s.breached + r.breached }),
    { orders: 0, targets: 0, met: 0, breached: 0 }
  )
  const totalShare = total.met + total.breached === 0 ? null : total.met / (total.met + total.breached)
  const body: TableCell[][] = rows.map((r) => [
    i.groupBy === 'month' ? f.month(r.key) : r.label,
    String(r.orders),
    String(r.targets),
    String(r.met),
    String(r.breached),
    percent(r.share),
    shareBar(r.share),
    minutesText(r.medianResponseMinutes),
    minutesText(r.medianResolutionMinutes)
  ])
  const summary: Content = {
    text: [
      { text: t('documents.sla.targetsMet', { percent: percent(totalShare) }), bold: true, color: ACCENT, fontSize: 12 },
      {
        text: `   ${t('documents.sla.counts', { orders: total.orders, targets: total.targets, met: total.met, missed: total.breached })}`,
        color: MUTED
      }
    ],
    margin: [0, 0, 0, 10]
  }
  const doc = documentFrame({
    settings,
    locale,
    title: t('documents.sla.title'),
    number: `${f.date(i.from)} – ${f.date(i.to)}`,
    subtitle: [by],
    content: [
      summary,
      rowsTable(
        [
          { header: grouping, width: '*' },
          { header: t('documents.sla.orders'), width: 'auto', align: 'right' },
          { header: t('documents.sla.targets'), width: 'auto', align: 'right' },
          { header: t('documents.sla.met'), width: 'auto', align: 'right' },
          { header: t('documents.sla.missed'), width: 'auto', align: 'right' },
          { header: t('documents.sla.metShare'), width: 'auto', align: 'right' },
          { header: '', width: 90 },
          { header: t('documents.sla.medianResponse'), width: 'auto', align: 'right' },
          { header: t('documents.sla.medianResolution'), width: 'auto', align: 'right' }
        ],
        body.length > 0 ? body : [[{ text: t('documents.sla.noClocks'), colSpan: 9, color: MUTED }, '', '', '', '', '', '', '', '']]
      ),
      {
        text: t('documents.sla.footnote'),
        color: MUTED,
        fontSize: 7.5,
        margin: [0, 8, 0, 0]
      }
    ]
  })
  const content = await renderPdf(doc)
  return { fileName: `sla-compliance-${i.from}-${i.to}-${i.groupBy}.pdf`, contentBase64: content.toString('base64') }
}
