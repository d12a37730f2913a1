import { sql } from 'drizzle-orm'
import { integer } from 'drizzle-orm/sqlite-core'
import { writerId, writerNow } from '../writer'

/** Every editable record carries a version; updates must name the version they read. */
export const versionColumn = () => integer('version').notNull().default(1)
export const createdAt = () =>
  integer('created_at')
    .notNull()
    .$defaultFn(() => Date.now())
export const updatedAt = () => integer('updated_at').notNull().$defaultFn(writerNow).$onUpdateFn(writerNow)

// Drizzle's stamp functions give a value or SQL, not null: nobody named writes an explicit NULL.
const stampedBy = () => writerId() ?? sql`null`

/**
 * Who last created or changed a main record, and (where the table had no `updated_at`) when: stamped from the
 * write transaction's user on every insert and update (db/writer.ts), so that a CONFLICT names them. Null
 * for rows written before the column existed or outside a signed-in call (a background run). No foreign key:
 * users are deactivated, never deleted, and a plain column is added without rebuilding the table.
 */
export const updatedBy = () => integer('updated_by').$defaultFn(stampedBy).$onUpdateFn(stampedBy)
/** `updated_at` for tables that got it with `updated_by`: nullable, since existing rows have no time to give. */
export const changedAt = () => integer('updated_at').$defaultFn(writerNow).$onUpdateFn(writerNow)
