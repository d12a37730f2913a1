import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * A saved CSV column mapping (ADR 0023): per kind and source (the old system or spreadsheet it came from),
 * column header → field as JSON. A second file from the same source is mapped the same way.
 */
export const importMappings = sqliteTable(
  'import_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    mapping: text('mapping', { mode: 'json' }).notNull(),
    updatedAt: integer('updated_at').notNull()
  },
  (t) => [uniqueIndex('import_mappings_kind_source_idx').on(t.kind, t.source)]
)
