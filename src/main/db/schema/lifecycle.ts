import { integer, sqliteTable } from 'drizzle-orm/sqlite-core'
import { versionColumn } from './common'
import { serviceStages } from './stages'

/**
 * The one lifecycle rule set (ADR 0017), one row (id 1): the stage an order enters when it is planned, dispatched,
 * started on site and done. Each optional (null = that event leaves the stage alone). A stage named here cannot be
 * deleted while it is.
 */
export const lifecycleSettings = sqliteTable('lifecycle_settings', {
  id: integer('id').primaryKey(),
  plannedStageId: integer('planned_stage_id').references(() => serviceStages.id),
  dispatchedStageId: integer('dispatched_stage_id').references(() => serviceStages.id),
  onSiteStageId: integer('on_site_stage_id').references(() => serviceStages.id),
  doneStageId: integer('done_stage_id').references(() => serviceStages.id),
  version: versionColumn()
})
