import { and, asc, count, desc, getTableName, type SQL, sql, type SQLWrapper } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Page } from '@shared/api/common'
import type { Db } from '../../db/connection'
import { invalid } from './errors'

export interface ListParams {
  q: string
  page: number
  pageSize: number
  sort: string
  dir: 'asc' | 'desc'
}

export type Selection = Record<string, SQLiteColumn | SQL | SQL.Aliased>

/**
 * One list: a table, its joins, the selected fields and the sortable fields. `page` answers one page with
 * the total; `iterate` walks every matching row in the same order in chunks (for streamed CSV export).
 */
export interface ListSpec<S extends Selection, R> {
  table: SQLiteTable
  idColumn: SQLiteColumn
  selection: S
  // Drizzle's dynamic-query types do not survive being passed around generically; joins stay local.
  joins?: (q: JoinableQuery) => JoinableQuery
  /**
   * The joins the total needs, when fewer than `joins` (default: all of them). Joins that never drop or
   * repeat a row — left joins on a key, inner joins along a NOT NULL foreign key — change no count but cost a
   * row lookup each; on a list of 200,000 rows that is most of the time of a page.
   */
  countJoins?: (q: JoinableQuery, params: ListParams) => JoinableQuery
  sort: Record<string, SQLiteColumn | SQL | SQL.Aliased>
  defaultSort: string
  toRow: (raw: SelectedRow<S>) => R
}

export type SelectedRow<S extends Selection> = {
  [K in keyof S]: S[K] extends SQLiteColumn
    ? S[K]['_']['data'] | (S[K]['_']['notNull'] extends true ? never : null)
    : S[K] extends SQL<infer T>
      ? T
      : S[K] extends SQL.Aliased<infer T>
        ? T
        : unknown
}

export interface JoinableQuery {
  leftJoin(table: SQLiteTable, on: SQL | undefined): JoinableQuery
  innerJoin(table: SQLiteTable, on: SQL | undefined): JoinableQuery
}

interface RunnableQuery extends JoinableQuery {
  where(w: SQL | undefined): RunnableQuery
  orderBy(...o: SQL[]): RunnableQuery
  limit(n: number): RunnableQuery
  offset(n: number): RunnableQuery
  all(): unknown[]
  get(): unknown
}

function base(db: Db, spec: ListSpec<Selection, unknown>, fields: Selection, where: SQL | undefined, joins = spec.joins): RunnableQuery {
  let q = db.select(fields).from(spec.table).$dynamic() as unknown as RunnableQuery
  if (joins) q = joins(q) as RunnableQuery
  return q.where(where)
}

/**
 * The entry of a list's sort table for a requested key ('' = the default). Only the table's own keys count
 * (a plain lookup would find `__proto__` or `toString` on the prototype); anything else is refused.
 */
export function sortEntry<T>(table: Record<string, T>, requested: string, fallback: string): T {
  const key = requested || fallback
  if (Object.hasOwn(table, key)) return table[key]!
  throw invalid(['sort'], 'errors.sortNotAllowed', { requested, columns: Object.keys(table).join(', ') })
}

function ordering(spec: ListSpec<Selection, unknown>, params: Pick<ListParams, 'sort' | 'dir'>): SQL[] {
  const col = sortEntry(spec.sort, params.sort, spec.defaultSort) as SQLWrapper
  const primary = params.dir === 'desc' ? desc(col) : asc(col)
  return [primary, asc(spec.idColumn)]
}

export function whereAll(conditions: (SQL | undefined)[]): SQL | undefined {
  return and(...conditions.filter((c): c is SQL => c !== undefined))
}

/**
 * One page and the total. A list that can count more cheaply than `count(*)` over its query (a floor, see
 * `cappedTotal`) passes its own `total`.
 */
export function listPage<S extends Selection, R>(
  db: Db,
  spec: ListSpec<S, R>,
  params: ListParams,
  where: SQL | undefined,
  total?: { total: number; capped: boolean }
): Page<R> {
  const s = spec as unknown as ListSpec<Selection, R>
  const countJoins = s.countJoins ? (q: JoinableQuery) => s.countJoins!(q, params) : s.joins
  const counted = total ?? { total: (base(db, s, { n: count() }, where, countJoins).get() as { n: number }).n, capped: false }
  const rows = base(db, s, spec.selection, where)
    .orderBy(...ordering(s, params))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize)
    .all() as SelectedRow<S>[]
  return {
    rows: rows.map(spec.toRow),
    total: counted.total,
    ...(counted.capped ? { capped: true } : {}),
    page: params.page,
    pageSize: params.pageSize
  }
}

/**
 * Every matching row in list order, a chunk at a time, so memory stays flat however long the list is. The
 * sort is checked at the call, not at the first row, so a bad one is refused before an export starts.
 */
export function iterateList<S extends Selection, R>(
  db: Db,
  spec: ListSpec<S, R>,
  params: Pick<ListParams, 'sort' | 'dir'>,
  where: SQL | undefined,
  chunk = 2000
): Generator<R> {
  const s = spec as unknown as ListSpec<Selection, R>
  const order = ordering(s, params)
  return (function* () {
    for (let offset = 0; ; offset += chunk) {
      const rows = base(db, s, spec.selection, where)
        .orderBy(...order)
        .limit(chunk)
        .offset(offset)
        .all() as SelectedRow<S>[]
      for (const r of rows) yield spec.toRow(r)
      if (rows.length < chunk) return
    }
  })()
}

/** LIKE pattern for a user's search text, with LIKE's wildcards taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Case-insensitive "contains" for a search box (SQLite LIKE is case-insensitive for ASCII). */
export function contains(column: SQLWrapper, q: string): SQL {
  return sql`${column} like ${likePattern(q)} escape '\\'`
}

/**
 * A column of the outer query inside a correlated subquery, always table-qualified. Drizzle writes the
 * columns of a one-table select bare ("id"), and inside `(select … from users u where u.worker_id = "id")`
 * a bare name means the subquery's own column.
 */
export function outer(column: SQLiteColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`
}
