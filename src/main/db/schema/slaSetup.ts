import { sql } from 'drizzle-orm'
import { check, integer, primaryKey, index, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { versionColumn } from './common'
import { serviceStages } from './stages'

export const slaDefinitions = sqliteTable('sla_definitions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Both null = the shop's working calendar from the settings; set = this SLA's own business calendar. */
  workingHours: text('working_hours', { mode: 'json' }),
  holidays: text('holidays', { mode: 'json' }),
  suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
  version: versionColumn()
})

/** Business minutes per priority; arrival (on site) is optional. */
export const slaTargets = sqliteTable(
  'sla_targets',
  {
    slaId: integer('sla_id')
      .notNull()
      .references(() => slaDefinitions.id, { onDelete: 'cascade' }),
    priority: text('priority').notNull(),
    responseMinutes: integer('response_minutes').notNull(),
    arrivalMinutes: integer('arrival_minutes'),
    resolutionMinutes: integer('resolution_minutes').notNull()
  },
  (t) => [
    primaryKey({ columns: [t.slaId, t.priority] }),
    check('sla_targets_priority_check', sql`${t.priority} in ('high','normal','low')`),
    check(
      'sla_targets_positive_check',
      sql`${t.responseMinutes} > 0 and ${t.resolutionMinutes} > 0 and coalesce(${t.arrivalMinutes}, 1) > 0`
    )
  ]
)

/** Stages with a meaning for this SLA: the clock pauses in them, or entering one meets the response / resolution target. */
export const slaStages = sqliteTable(
  'sla_stages',
  {
    slaId: integer('sla_id')
      .notNull()
      .references(() => slaDefinitions.id, { onDelete: 'cascade' }),
    stageId: integer('stage_id')
      .notNull()
      .references(() => serviceStages.id),
    role: text('role').notNull()
  },
  (t) => [
    primaryKey({ columns: [t.slaId, t.stageId, t.role] }),
    index('sla_stages_stage_idx').on(t.stageId),
    check('sla_stages_role_check', sql`${t.role} in ('pause','respond','resolve')`)
  ]
)

export const slaReasons = sqliteTable('sla_reasons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  version: versionColumn()
})
