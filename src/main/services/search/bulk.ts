import type { Database } from 'better-sqlite3'

/** The search index's tables, one per kind of record (drizzle/0007_search.sql). */
const INDEXES = ['orders', 'customers', 'contacts', 'sites', 'objects', 'agreements', 'invoices'] as const

/**
 * Runs a bulk write (the demo company, an import) with the search index's triggers lifted, then builds the index
 * once from the records. Row by row, the triggers re-read an order's whole text for every line, object and link
 * written: the scale-100 demo took 26 minutes instead of under one. Call it inside the caller's transaction, so
 * that a failure puts the triggers back with everything else.
 */
export function withSearchIndexDeferred<T>(sqlite: Database, work: () => T): T {
  if (!sqlite.inTransaction) throw new Error('withSearchIndexDeferred runs inside a transaction')
  const triggers = sqlite
    .prepare("select name, sql from sqlite_master where type = 'trigger' and name like 'search\\_%' escape '\\' order by name")
    .all() as { name: string; sql: string }[]
  for (const t of triggers) sqlite.exec(`drop trigger "${t.name}"`)
  const result = work()
  for (const kind of INDEXES) {
    sqlite.exec(`insert into search_${kind} (search_${kind}) values ('delete-all')`)
    sqlite.exec(`insert into search_${kind} (rowid, body) select id, body from search_${kind}_source`)
  }
  for (const t of triggers) sqlite.exec(t.sql)
  return result
}
