import { type SQL, sql } from 'drizzle-orm'
import { can } from '@shared/auth/roles'
import type { SearchHit, SearchKind } from '@shared/domain/system'
import type { ServiceContext } from '../core/context'
import { requireUser } from '../core/context'
import { assignedTo } from '../orders/read'
import { isOfficeUser } from '../orders/access'
import { ftsQuery } from './match'

/** Hits per kind: the box shows every kind that matched, so a common word cannot crowd out the rest. */
const PER_KIND = 5

type Row = Omit<SearchHit, 'kind'> & { exact: boolean }

/**
 * One box for what a caller gives you: order, agreement and invoice numbers, customer names and numbers,
 * contact names, phone numbers and e-mails, site addresses, serial numbers. Each kind is looked up in its
 * own FTS5 index (drizzle/0006_search.sql, kept in step by triggers) and answered as one group; a record
 * whose number or serial number is exactly what was typed comes first in its group, and its group first.
 * Documents (orders, agreements, invoices) come newest first, master data by how well it matches.
 */
export function globalSearch(ctx: ServiceContext, input: { q: string }): SearchHit[] {
  const user = requireUser(ctx)
  const q = input.q.trim()
  const match = ftsQuery(q)
  if (!match) return []
  const lookups: [SearchKind, () => Row[]][] = [
    ['order', () => orders(ctx, q, match, isOfficeUser(user) ? undefined : assignedTo(user.workerId ?? -1))],
    ['customer', () => customers(ctx, q, match)],
    ['contact', () => contacts(ctx, match)],
    ['serviceObject', () => serviceObjects(ctx, q, match)],
    ['site', () => sites(ctx, match)],
    ['agreement', () => agreements(ctx, q, match)]
  ]
  if (can(user.roles, 'invoices.read')) lookups.push(['invoice', () => invoices(ctx, q, match)])
  const groups = lookups.map(([kind, run]) => ({ kind, rows: run() })).filter((g) => g.rows.length > 0)
  // Stable: groups without an exact hit keep their order.
  groups.sort((a, b) => Number(b.rows[0]!.exact) - Number(a.rows[0]!.exact))
  return groups.flatMap(({ kind, rows }) => rows.map(({ exact: _exact, ...hit }) => ({ kind, ...hit })))
}

/** A kind's lookup: the matching ids in order (exact hits first, at most PER_KIND), then their hits. */
function lookup(exact: number[], matched: number[], details: (ids: SQL) => Omit<SearchHit, 'kind'>[]): Row[] {
  const ids = [...new Set([...exact, ...matched])].slice(0, PER_KIND)
  if (ids.length === 0) return []
  const byId = new Map(
    details(
      sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `
      )
    ).map((h) => [h.id, h])
  )
  const isExact = new Set(exact)
  return ids.flatMap((i) => {
    const hit = byId.get(i)
    return hit ? [{ ...hit, exact: isExact.has(i) }] : []
  })
}

/** The ids of a kind's FTS5 index that match, newest (highest id) first or best match first. */
function matching(ctx: ServiceContext, table: string, match: string, order: 'newest' | 'best', within?: SQL): number[] {
  const t = sql.identifier(table)
  return ctx.db
    .all<{ id: number }>(
      sql`select rowid as id from ${t} where ${t} match ${match} ${within ? sql`and rowid in (${within})` : sql``}
          order by ${order === 'newest' ? sql`rowid desc` : sql`rank`} limit ${PER_KIND}`
    )
    .map((r) => r.id)
}

const ids = (ctx: ServiceContext, query: SQL) => ctx.db.all<{ id: number }>(query).map((r) => r.id)

const none = sql`null as stage, null as date, null as amount`

function orders(ctx: ServiceContext, q: string, match: string, own: SQL | undefined): Row[] {
  // A technician sees only their own orders: the newest of those that match, not the newest matches.
  const within = own ? sql`select id from service_orders where ${own}` : undefined
  return lookup(
    ids(ctx, sql`select id from service_orders where number = ${q} ${own ? sql`and ${own}` : sql``}`),
    matching(ctx, 'search_orders', match, 'newest', within),
    (list) =>
      ctx.db.all(sql`
        select o.id as id, o.id as targetId, o.number || ' · ' || o.description as title,
               c.name || coalesce(' · ' || s.street || ', ' || s.city,
                                  case when o.one_time_address <> '' then ' · ' || o.one_time_address else '' end) as subtitle,
               st.name as stage, null as date, null as amount
        from service_orders o
        join customers c on c.id = o.customer_id
        join service_stages st on st.id = o.stage_id
        left join customer_sites s on s.id = o.site_id
        where o.id in (${list})`)
  )
}

function customers(ctx: ServiceContext, q: string, match: string): Row[] {
  return lookup(ids(ctx, sql`select id from customers where number = ${q}`), matching(ctx, 'search_customers', match, 'best'), (list) =>
    ctx.db.all(sql`
      select id, id as targetId, name as title,
             number || case when phone <> '' then ' · ' || phone else '' end || case when email <> '' then ' · ' || email else '' end as subtitle,
             ${none}
      from customers where id in (${list})`)
  )
}

function contacts(ctx: ServiceContext, match: string): Row[] {
  return lookup([], matching(ctx, 'search_contacts', match, 'best'), (list) =>
    ctx.db.all(sql`
      select k.id as id, k.customer_id as targetId, k.name || case when k.role <> '' then ' (' || k.role || ')' else '' end as title,
             c.name || case when k.phone <> '' then ' · ' || k.phone else '' end || case when k.email <> '' then ' · ' || k.email else '' end as subtitle,
             ${none}
      from customer_contacts k join customers c on c.id = k.customer_id where k.id in (${list})`)
  )
}

function serviceObjects(ctx: ServiceContext, q: string, match: string): Row[] {
  return lookup(
    ids(ctx, sql`select id from service_objects where serial_number = ${q} union select id from service_objects where number = ${q}`),
    matching(ctx, 'search_objects', match, 'best'),
    (list) =>
      ctx.db.all(sql`
        select o.id as id, o.id as targetId, o.name || case when o.serial_number <> '' then ' · S/N ' || o.serial_number else '' end as title,
               o.number || ' · ' || c.name as subtitle, ${none}
        from service_objects o join customers c on c.id = o.customer_id where o.id in (${list})`)
  )
}

function sites(ctx: ServiceContext, match: string): Row[] {
  return lookup([], matching(ctx, 'search_sites', match, 'best'), (list) =>
    ctx.db.all(sql`
      select s.id as id, s.customer_id as targetId, s.street || ', ' || s.city as title, s.name || ' · ' || c.name as subtitle, ${none}
      from customer_sites s join customers c on c.id = s.customer_id where s.id in (${list})`)
  )
}

function agreements(ctx: ServiceContext, q: string, match: string): Row[] {
  return lookup(ids(ctx, sql`select id from agreements where number = ${q}`), matching(ctx, 'search_agreements', match, 'newest'), (list) =>
    ctx.db.all(sql`
      select a.id as id, a.id as targetId, a.number || ' · ' || a.description as title, c.name as subtitle, ${none}
      from agreements a join customers c on c.id = a.customer_id where a.id in (${list})`)
  )
}

function invoices(ctx: ServiceContext, q: string, match: string): Row[] {
  return lookup(ids(ctx, sql`select id from invoices where number = ${q}`), matching(ctx, 'search_invoices', match, 'newest'), (list) =>
    ctx.db.all(sql`
      select i.id as id, i.id as targetId, i.number as title, c.name as subtitle, null as stage, i.invoice_date as date,
             case i.kind when 'credit' then -i.gross_total else i.gross_total end as amount
      from invoices i join customers c on c.id = i.customer_id where i.id in (${list})`)
  )
}
