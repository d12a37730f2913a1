import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { versionColumn } from './common'

/**
 * The backup schedule (ADR 0022), one row (id 1), seeded at start-up. `since` is when the schedule was last
 * saved: with no backup yet, the first one is due at the first daily slot after it.
 */
export const backupSettings = sqliteTable('backup_settings', {
  id: integer('id').primaryKey(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  folder: text('folder').notNull(),
  dailyAt: text('daily_at').notNull(),
  keepDaily: integer('keep_daily').notNull(),
  keepWeekly: integer('keep_weekly').notNull(),
  since: integer('since').notNull(),
  version: versionColumn()
})

/** Every backup made (verified or not) and every restore, newest last. `problem` is a message key. */
export const backupRuns = sqliteTable('backup_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['scheduled', 'manual', 'restore'] }).notNull(),
  at: integer('at').notNull(),
  file: text('file').notNull(),
  size: integer('size'),
  verified: integer('verified', { mode: 'boolean' }).notNull(),
  problem: text('problem').notNull().default(''),
  problemParams: text('problem_params').notNull().default('{}')
})
