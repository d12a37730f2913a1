import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { versionColumn } from './common'

/** The stage tree: one initial stage (no parent); a stage's children are its allowed next stages. */
export const serviceStages = sqliteTable(
  'service_stages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    parentId: integer('parent_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    canModify: integer('can_modify', { mode: 'boolean' }).notNull().default(true),
    canDelete: integer('can_delete', { mode: 'boolean' }).notNull().default(false),
    canCancel: integer('can_cancel', { mode: 'boolean' }).notNull().default(true),
    canPost: integer('can_post', { mode: 'boolean' }).notNull().default(false),
    reasonRequired: integer('reason_required', { mode: 'boolean' }).notNull().default(false),
    stopsSlaClock: integer('stops_sla_clock', { mode: 'boolean' }).notNull().default(false),
    /** An order may be in this stage only with a plan (planned times or a visit on the board); ADR 0017. */
    requiresPlan: integer('requires_plan', { mode: 'boolean' }).notNull().default(false),
    /** Orders here wait for parts: the order list's built-in view "Waiting for parts" gathers every such stage. */
    waitsForParts: integer('waits_for_parts', { mode: 'boolean' }).notNull().default(false),
    version: versionColumn()
  },
  (t) => [index('service_stages_parent_idx').on(t.parentId)]
)

export const stageReasons = sqliteTable('stage_reasons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  version: versionColumn()
})
