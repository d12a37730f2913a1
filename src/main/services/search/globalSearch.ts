import { sql } from 'drizzle-orm'
import type { SearchHit } from '@shared/domain/system'
import type { ServiceContext } from '../core/context'
import { likePattern } from '../core/list'

/**
 * One box for customers (name, number, phone), sites (street, city) and service objects (serial number,
 * number, name). Exact serial numbers come first: that is what a technician on the phone reads out.
 */
export function globalSearch(ctx: ServiceContext, input: { q: string }): SearchHit[] {
  const q = input.q.trim()
  if (q.length < 2) return []
  const like = likePattern(q)
  const prefix = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const objects = ctx.db.all<SearchHit>(sql`
    select 'serviceObject' as kind, o.id as id, o.id as targetId,
           o.name || case when o.serial_number <> '' then ' · S/N ' || o.serial_number else '' end as title,
           o.number || ' · ' || c.name as subtitle
    from service_objects o join customers c on c.id = o.customer_id
    where o.serial_number like ${prefix} escape '\\' or o.number like ${prefix} escape '\\' or o.name like ${like} escape '\\'
    order by (o.serial_number = ${q}) desc, o.serial_number, o.number
    limit 8`)
  const customers = ctx.db.all<SearchHit>(sql`
    select 'customer' as kind, id, id as targetId, name as title, number || case when phone <> '' then ' · ' || phone else '' end as subtitle
    from customers
    where name like ${like} escape '\\' or number like ${prefix} escape '\\' or phone like ${like} escape '\\'
    order by name limit 8`)
  const sites = ctx.db.all<SearchHit>(sql`
    select 'site' as kind, s.id as id, s.customer_id as targetId, s.street || ', ' || s.city as title, s.name || ' · ' || c.name as subtitle
    from customer_sites s join customers c on c.id = s.customer_id
    where s.street like ${like} escape '\\' or s.city like ${like} escape '\\' or s.name like ${like} escape '\\'
    order by s.street limit 8`)
  return [...objects, ...customers, ...sites]
}
