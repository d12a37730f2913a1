import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { changedAt, createdAt, updatedAt, updatedBy, versionColumn } from './common'
import { categories, customerContacts, customers, items, serviceObjects, serviceTasks, workers } from './masterdata'
import { serviceOrderLines } from './orders'
import { slaDefinitions } from './slaSetup'
import { users } from './system'

const codeName = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  version: versionColumn()
})

export const agreementGroups = sqliteTable('agreement_groups', {
  ...codeName(),
  /** The default SLA of orders under the group's agreements (before the customer group's). */
  slaId: integer('sla_id').references(() => slaDefinitions.id)
})

export const serviceIntervals = sqliteTable(
  'service_intervals',
  { ...codeName(), unit: text('unit').notNull(), every: integer('every').notNull() },
  (t) => [
    check('service_intervals_unit_check', sql`${t.unit} in ('day','week','month','year')`),
    check('service_intervals_every_check', sql`${t.every} >= 1`)
  ]
)

export const timeWindows = sqliteTable(
  'time_windows',
  {
    ...codeName(),
    kind: text('kind').notNull(),
    daysBefore: integer('days_before').notNull().default(0),
    daysAfter: integer('days_after').notNull().default(0)
  },
  (t) => [check('time_windows_kind_check', sql`${t.kind} in ('week','month','manual')`)]
)

export const templateGroups = sqliteTable('template_groups', { ...codeName(), parentId: integer('parent_id') })

export const agreements = sqliteTable(
  'agreements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    description: text('description').notNull(),
    groupId: integer('group_id')
      .notNull()
      .references(() => agreementGroups.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
    combineRule: text('combine_rule').notNull().default('agreement'),
    preferredWorkerId: integer('preferred_worker_id').references(() => workers.id),
    responsibleWorkerId: integer('responsible_worker_id').references(() => workers.id),
    contactId: integer('contact_id').references(() => customerContacts.id),
    /** Set = a template agreement: it never produces orders. */
    templateGroupId: integer('template_group_id').references(() => templateGroups.id),
    /** Overrides the agreement group's SLA. */
    slaId: integer('sla_id').references(() => slaDefinitions.id),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: updatedBy(),
    version: versionColumn()
  },
  (t) => [
    index('agreements_customer_idx').on(t.customerId),
    index('agreements_group_idx').on(t.groupId),
    check('agreements_combine_check', sql`${t.combineRule} in ('agreement','task','worker','object')`)
  ]
)

export const agreementObjects = sqliteTable(
  'agreement_objects',
  {
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    serviceObjectId: integer('service_object_id')
      .notNull()
      .references(() => serviceObjects.id),
    internalNote: text('internal_note').notNull().default(''),
    externalNote: text('external_note').notNull().default('')
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.serviceObjectId] }), index('agreement_objects_object_idx').on(t.serviceObjectId)]
)

export const agreementTasks = sqliteTable(
  'agreement_tasks',
  {
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    serviceTaskId: integer('service_task_id')
      .notNull()
      .references(() => serviceTasks.id),
    internalNote: text('internal_note').notNull().default(''),
    externalNote: text('external_note').notNull().default('')
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.serviceTaskId] })]
)

export const agreementLines = sqliteTable(
  'agreement_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id),
    lineNo: integer('line_no').notNull(),
    type: text('type').notNull(),
    description: text('description').notNull().default(''),
    serviceObjectId: integer('service_object_id').references(() => serviceObjects.id),
    serviceTaskId: integer('service_task_id').references(() => serviceTasks.id),
    intervalId: integer('interval_id').references(() => serviceIntervals.id),
    timeWindowId: integer('time_window_id').references(() => timeWindows.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    /** Time of day the visit may start after / must end before ('HH:MM'), in the shop's time zone. */
    startAfter: text('start_after'),
    endBefore: text('end_before'),
    quantity: integer('quantity').notNull().default(1000),
    itemId: integer('item_id').references(() => items.id),
    categoryId: integer('category_id').references(() => categories.id),
    /** Null = the item's or category's price at generation time. */
    unitPrice: integer('unit_price'),
    workerId: integer('worker_id').references(() => workers.id),
    stopped: integer('stopped', { mode: 'boolean' }).notNull().default(false),
    note: text('note').notNull().default(''),
    updatedAt: changedAt(),
    updatedBy: updatedBy(),
    version: versionColumn()
  },
  (t) => [
    index('agreement_lines_agreement_idx').on(t.agreementId, t.lineNo),
    check('agreement_lines_type_check', sql`${t.type} in ('hour','expense','item','fee')`)
  ]
)

/**
 * Every occurrence the generator has turned into an order line, whatever became of that line later
 * (cancelled, moved, its order deleted): the generator never makes the same occurrence twice.
 */
export const agreementOccurrences = sqliteTable(
  'agreement_occurrences',
  {
    agreementLineId: integer('agreement_line_id')
      .notNull()
      .references(() => agreementLines.id),
    occurrenceDate: text('occurrence_date').notNull(),
    orderLineId: integer('order_line_id').references(() => serviceOrderLines.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull()
  },
  (t) => [
    uniqueIndex('agreement_occurrences_key').on(t.agreementLineId, t.occurrenceDate),
    // Deleting an order line sets its ledger link to null: without this index every deleted line scanned the ledger.
    index('agreement_occurrences_order_line_idx').on(t.orderLineId)
  ]
)

export const generationRuns = sqliteTable('generation_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at'),
  userId: integer('user_id').references(() => users.id),
  fromDate: text('from_date').notNull(),
  toDate: text('to_date').notNull(),
  status: text('status').notNull(),
  agreementsTotal: integer('agreements_total').notNull().default(0),
  agreementsDone: integer('agreements_done').notNull().default(0),
  ordersCreated: integer('orders_created').notNull().default(0),
  linesCreated: integer('lines_created').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  conflicts: integer('conflicts').notNull().default(0),
  orderIds: text('order_ids', { mode: 'json' }).$type<number[]>().notNull(),
  error: text('error')
})
