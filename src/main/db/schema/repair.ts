import { sql } from 'drizzle-orm'
import { type AnySQLiteColumn, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, versionColumn } from './common'
import { items, serviceObjectGroups, serviceObjects, workers } from './masterdata'
import { serviceOrderLines, serviceOrders } from './orders'
import { users } from './system'

/**
 * The repair setup in one table: conditions, symptom areas and codes, diagnosis areas and codes, resolutions
 * and repair stages. They share every column but two (a code's area, a stage's finished flag), and one table
 * gives one set of screens and methods instead of seven.
 */
export const repairCodes = sqliteTable(
  'repair_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** A symptom or diagnosis code's area. */
    areaId: integer('area_id').references((): AnySQLiteColumn => repairCodes.id),
    /** Set: the code is only offered for (and only accepted on) objects of this group. */
    objectGroupId: integer('object_group_id').references(() => serviceObjectGroups.id),
    /** A repair stage that ends the repair: setting it stamps the line's finish time. */
    finished: integer('finished', { mode: 'boolean' }).notNull().default(false),
    version: versionColumn()
  },
  (t) => [
    uniqueIndex('repair_codes_kind_code_idx').on(t.kind, t.code),
    index('repair_codes_area_idx').on(t.areaId),
    check(
      'repair_codes_kind_check',
      sql`${t.kind} in ('condition','symptomArea','symptomCode','diagnosisArea','diagnosisCode','resolution','stage')`
    )
  ]
)

/** Single row: how repair lines are judged. */
export const repairSettings = sqliteTable(
  'repair_settings',
  {
    id: integer('id').primaryKey(),
    /** A repair with the same symptom on the same object within this many days is a repeat failure. */
    repeatWindowDays: integer('repeat_window_days').notNull().default(30),
    /** A finished stage needs a resolution. */
    resolutionRequired: integer('resolution_required', { mode: 'boolean' }).notNull().default(true),
    version: versionColumn()
  },
  (t) => [check('repair_settings_single_row', sql`${t.id} = 1`)]
)

/** One step of a repair on a service order (SMARepairLine). */
export const repairLines = sqliteTable(
  'repair_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    lineNo: integer('line_no').notNull(),
    serviceObjectId: integer('service_object_id')
      .notNull()
      .references(() => serviceObjects.id),
    symptomAreaId: integer('symptom_area_id').references(() => repairCodes.id),
    symptomCodeId: integer('symptom_code_id').references(() => repairCodes.id),
    conditionId: integer('condition_id').references(() => repairCodes.id),
    diagnosisAreaId: integer('diagnosis_area_id').references(() => repairCodes.id),
    diagnosisCodeId: integer('diagnosis_code_id').references(() => repairCodes.id),
    resolutionId: integer('resolution_id').references(() => repairCodes.id),
    stageId: integer('stage_id').references(() => repairCodes.id),
    workerId: integer('worker_id').references(() => workers.id),
    note: text('note').notNull().default(''),
    /** The earlier line on the same object with the same symptom within the repeat window, found on entry. */
    repeatOfId: integer('repeat_of_id').references((): AnySQLiteColumn => repairLines.id),
    createdAt: createdAt(),
    createdBy: integer('created_by').references(() => users.id),
    finishedAt: integer('finished_at'),
    version: versionColumn()
  },
  (t) => [
    index('repair_lines_order_idx').on(t.orderId, t.lineNo),
    index('repair_lines_object_idx').on(t.serviceObjectId, t.createdAt),
    index('repair_lines_worker_idx').on(t.workerId, t.createdAt),
    index('repair_lines_symptom_idx').on(t.symptomCodeId, t.createdAt),
    index('repair_lines_repeat_idx').on(t.repeatOfId)
  ]
)

export const bomTemplates = sqliteTable('bom_templates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  number: text('number').notNull().unique(),
  name: text('name').notNull(),
  itemId: integer('item_id').references(() => items.id),
  createdAt: createdAt(),
  version: versionColumn()
})

export const bomTemplateComponents = sqliteTable(
  'bom_template_components',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    templateId: integer('template_id')
      .notNull()
      .references(() => bomTemplates.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => bomTemplateComponents.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    /** Thousandths. */
    quantity: integer('quantity').notNull().default(1000),
    unit: text('unit').notNull().default('pcs'),
    position: text('position').notNull().default('')
  },
  (t) => [index('bom_template_components_template_idx').on(t.templateId)]
)

/** The template a service object's structure was made from (one per object); absent: built by hand or none. */
export const objectStructures = sqliteTable('object_structures', {
  serviceObjectId: integer('service_object_id')
    .primaryKey()
    .references(() => serviceObjects.id),
  templateId: integer('template_id').references(() => bomTemplates.id),
  attachedAt: integer('attached_at').notNull(),
  attachedBy: integer('attached_by').references(() => users.id)
})

/** A service object's structure as it is now: a cache of its versions replayed (see structure_versions). */
export const structureComponents = sqliteTable(
  'structure_components',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceObjectId: integer('service_object_id')
      .notNull()
      .references(() => serviceObjects.id),
    parentId: integer('parent_id').references((): AnySQLiteColumn => structureComponents.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    quantity: integer('quantity').notNull().default(1000),
    unit: text('unit').notNull().default('pcs'),
    position: text('position').notNull().default(''),
    serial: text('serial').notNull().default(''),
    version: versionColumn()
  },
  (t) => [index('structure_components_object_idx').on(t.serviceObjectId), index('structure_components_parent_idx').on(t.parentId)]
)

/**
 * Every change of a structure, appended and never updated or deleted: the as-of view replays these. The
 * component id is kept without a foreign key because a removed component's row is gone from
 * structure_components while its history stays. return_line_id names the returns feature's line, whose table
 * arrives with that feature.
 */
export const structureVersions = sqliteTable(
  'structure_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serviceObjectId: integer('service_object_id')
      .notNull()
      .references(() => serviceObjects.id),
    componentId: integer('component_id').notNull(),
    kind: text('kind').notNull(),
    parentId: integer('parent_id'),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull(),
    position: text('position').notNull(),
    serial: text('serial').notNull(),
    oldItemId: integer('old_item_id').references(() => items.id),
    oldSerial: text('old_serial').notNull().default(''),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    orderLineId: integer('order_line_id').references(() => serviceOrderLines.id),
    repairLineId: integer('repair_line_id').references(() => repairLines.id),
    returnLineId: integer('return_line_id'),
    note: text('note').notNull().default('')
  },
  (t) => [
    index('structure_versions_object_idx').on(t.serviceObjectId, t.at),
    check('structure_versions_kind_check', sql`${t.kind} in ('add','remove','replace','serial','move')`)
  ]
)
