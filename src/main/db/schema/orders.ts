import { sql } from 'drizzle-orm'
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { changedAt, createdAt, updatedAt, updatedBy, versionColumn } from './common'
import { categories, customerContacts, customers, customerSites, items, serviceObjects, serviceTasks, workers } from './masterdata'
import { slaDefinitions } from './slaSetup'
import { serviceStages, stageReasons } from './stages'
import { users } from './system'

export const serviceOrders = sqliteTable(
  'service_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    siteId: integer('site_id').references(() => customerSites.id),
    /** Used when the work is not at one of the customer's sites. */
    oneTimeAddress: text('one_time_address').notNull().default(''),
    contactId: integer('contact_id').references(() => customerContacts.id),
    description: text('description').notNull(),
    priority: text('priority').notNull().default('normal'),
    requestedStart: integer('requested_start'),
    requestedEnd: integer('requested_end'),
    plannedStart: integer('planned_start'),
    plannedEnd: integer('planned_end'),
    actualStart: integer('actual_start'),
    actualEnd: integer('actual_end'),
    preferredWorkerId: integer('preferred_worker_id').references(() => workers.id),
    responsibleWorkerId: integer('responsible_worker_id').references(() => workers.id),
    agreementId: integer('agreement_id'),
    /** Set on the order: overrides the SLA its agreement or customer would give it. */
    slaId: integer('sla_id').references(() => slaDefinitions.id),
    origin: text('origin').notNull().default('manual'),
    stageId: integer('stage_id')
      .notNull()
      .references(() => serviceStages.id),
    /** Derived from the lines (see services/orders/progress.ts); stored so lists can filter on it. */
    progress: text('progress').notNull().default('inProcess'),
    /** Also derived and stored, for the list: counts and totals of the lines that are not cancelled. */
    lineCount: integer('line_count').notNull().default(0),
    salesTotal: integer('sales_total').notNull().default(0),
    costTotal: integer('cost_total').notNull().default(0),
    isTemplate: integer('is_template', { mode: 'boolean' }).notNull().default(false),
    /** Created on a closed day of the working calendar (agreements create them anyway, flagged). */
    calendarConflict: integer('calendar_conflict', { mode: 'boolean' }).notNull().default(false),
    /** False for agreement orders of fees and expenses only (orderRules.lineNeedsVisit): made to be invoiced, never planned (ADR 0016). */
    needsVisit: integer('needs_visit', { mode: 'boolean' }).notNull().default(true),
    notes: text('notes').notNull().default(''),
    signedOffAt: integer('signed_off_at'),
    signedOffBy: integer('signed_off_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: updatedBy(),
    version: versionColumn()
  },
  (t) => [
    index('service_orders_customer_idx').on(t.customerId),
    // The list's usual filters, sorted by planned start; is_template last so that counting a filter (every list
    // query excludes or asks for templates) reads the index alone, not 200,000 rows.
    index('service_orders_stage_idx').on(t.stageId, t.plannedStart, t.isTemplate),
    index('service_orders_progress_idx').on(t.progress, t.plannedStart, t.isTemplate),
    index('service_orders_progress_priority_idx').on(t.progress, t.priority, t.plannedStart, t.isTemplate),
    index('service_orders_planned_idx').on(t.plannedStart),
    // The order list opens on the open orders, newest first (ADR 0021): a page and its count from this index
    // alone; without it SQLite sorted all open orders (~60,000 at scale 100, half a second) for every page.
    index('service_orders_open_number_idx').on(t.progress, t.isTemplate, t.number),
    index('service_orders_responsible_idx').on(t.responsibleWorkerId),
    index('service_orders_preferred_idx').on(t.preferredWorkerId),
    index('service_orders_agreement_idx').on(t.agreementId),
    // The manager's home (ADR 0027): open orders counted by stage from the index alone, and the orders closed in a
    // period found by when their work ended (the first-time-fix rate) without reading every posted order.
    index('service_orders_open_stage_idx').on(t.progress, t.isTemplate, t.stageId),
    // (Written as a case: drizzle-kit splits an index expression at its commas.)
    index('service_orders_closed_idx').on(t.progress, sql`(case when ${t.actualEnd} is null then ${t.plannedEnd} else ${t.actualEnd} end)`),
    // The dispatch tray: which open orders wait for a technician or a time, most urgent first, read from the
    // index alone (tens of thousands of open orders would otherwise each cost a row read).
    index('service_orders_tray_idx').on(
      t.progress,
      t.isTemplate,
      t.needsVisit,
      t.stageId,
      t.responsibleWorkerId,
      t.preferredWorkerId,
      t.priority,
      t.requestedStart
    ),
    check('service_orders_priority_check', sql`${t.priority} in ('high','normal','low')`),
    check('service_orders_progress_check', sql`${t.progress} in ('inProcess','posted','cancelled')`),
    check('service_orders_origin_check', sql`${t.origin} in ('manual','agreement','return','copy')`)
  ]
)

export const serviceOrderLines = sqliteTable(
  'service_order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => serviceOrders.id),
    lineNo: integer('line_no').notNull(),
    type: text('type').notNull(),
    description: text('description').notNull().default(''),
    workerId: integer('worker_id').references(() => workers.id),
    serviceObjectId: integer('service_object_id').references(() => serviceObjects.id),
    serviceTaskId: integer('service_task_id').references(() => serviceTasks.id),
    categoryId: integer('category_id').references(() => categories.id),
    itemId: integer('item_id').references(() => items.id),
    /** Thousandths: 1500 = 1.5 hours or pieces. */
    quantity: integer('quantity').notNull().default(1000),
    unit: text('unit').notNull().default(''),
    unitCost: integer('unit_cost').notNull().default(0),
    unitPrice: integer('unit_price').notNull().default(0),
    scheduledDate: text('scheduled_date'),
    actualDate: text('actual_date'),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('created'),
    signedOffAt: integer('signed_off_at'),
    signedOffBy: integer('signed_off_by').references(() => users.id),
    postedAt: integer('posted_at'),
    postedBy: integer('posted_by').references(() => users.id),
    invoiceId: integer('invoice_id'),
    agreementLineId: integer('agreement_line_id'),
    occurrenceDate: text('occurrence_date'),
    updatedAt: changedAt(),
    updatedBy: updatedBy(),
    version: versionColumn()
  },
  (t) => [
    index('service_order_lines_order_idx').on(t.orderId, t.lineNo),
    index('service_order_lines_worker_idx').on(t.workerId, t.scheduledDate),
    // No index leads with status: without statistics SQLite would pick it for "order_id = ? and status = ?"
    // and read every posted (or open) line of the database instead of the order's few.
    index('service_order_lines_invoice_idx').on(t.invoiceId),
    index('service_order_lines_agreement_line_idx').on(t.agreementLineId),
    // An object's service history (docs/adr/0019): the lines that name it, without reading every line.
    index('service_order_lines_object_idx').on(t.serviceObjectId),
    check('service_order_lines_type_check', sql`${t.type} in ('hour','expense','item','fee')`),
    check('service_order_lines_status_check', sql`${t.status} in ('created','cancelled','posted')`)
  ]
)

export const serviceOrderObjects = sqliteTable(
  'service_order_objects',
  {
    orderId: integer('order_id')
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    serviceObjectId: integer('service_object_id')
      .notNull()
      .references(() => serviceObjects.id),
    note: text('note').notNull().default('')
  },
  (t) => [primaryKey({ columns: [t.orderId, t.serviceObjectId] }), index('service_order_objects_object_idx').on(t.serviceObjectId)]
)

export const serviceOrderTasks = sqliteTable(
  'service_order_tasks',
  {
    orderId: integer('order_id')
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    serviceTaskId: integer('service_task_id')
      .notNull()
      .references(() => serviceTasks.id),
    note: text('note').notNull().default('')
  },
  (t) => [primaryKey({ columns: [t.orderId, t.serviceTaskId] })]
)

export const stageHistory = sqliteTable(
  'stage_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    fromStageId: integer('from_stage_id').references(() => serviceStages.id),
    toStageId: integer('to_stage_id')
      .notNull()
      .references(() => serviceStages.id),
    reasonId: integer('reason_id').references(() => stageReasons.id),
    note: text('note').notNull().default('')
  },
  (t) => [index('stage_history_order_idx').on(t.orderId)]
)

export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    kind: text('kind').notNull().default('invoice'),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    invoiceDate: text('invoice_date').notNull(),
    dueDate: text('due_date').notNull(),
    currency: text('currency').notNull(),
    netTotal: integer('net_total').notNull(),
    vatTotal: integer('vat_total').notNull(),
    grossTotal: integer('gross_total').notNull(),
    /** For a credit note: the invoice whose lines it credits (an invoice may have several credit notes). */
    creditOfId: integer('credit_of_id'),
    /** Estonian reference number (viitenumber, 7-3-1 check digit) the customer pays with; '' on credit notes. */
    referenceNumber: text('reference_number').notNull().default(''),
    /** EU business customer outside Estonia with a VAT number: 0 % VAT, the buyer accounts for it. */
    reverseCharge: integer('reverse_charge', { mode: 'boolean' }).notNull().default(false),
    /** Why a credit note was issued (printed on it). */
    note: text('note').notNull().default(''),
    /**
     * Kept by the one writer in the same transaction as the payment or credit note that changes them, so
     * that status (open / partly paid / paid / overdue / credited) is a filter over columns, not a join.
     * Gross amounts in cents, positive.
     */
    paidTotal: integer('paid_total').notNull().default(0),
    creditedTotal: integer('credited_total').notNull().default(0),
    /** The client's key for this request: a retry or a double click finds the invoice already made. */
    requestKey: text('request_key').notNull().unique(),
    createdAt: createdAt(),
    createdBy: integer('created_by').references(() => users.id)
  },
  (t) => [
    index('invoices_customer_idx').on(t.customerId),
    index('invoices_credit_of_idx').on(t.creditOfId),
    index('invoices_date_idx').on(t.invoiceDate),
    index('invoices_reference_idx').on(t.referenceNumber),
    check('invoices_kind_check', sql`${t.kind} in ('invoice','credit')`)
  ]
)

/**
 * A line's source: a service order line, a subscription fee, a return order line, or a manual charge
 * (description, quantity and price typed by a service manager). A credit note's line names the invoice line
 * it credits and keeps that line's source.
 */
export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    source: text('source').notNull().default('orderLine'),
    orderLineId: integer('order_line_id').references(() => serviceOrderLines.id),
    /** Subscription fee and return line: their tables arrive with those features, so no foreign key yet. */
    subscriptionFeeId: integer('subscription_fee_id'),
    returnLineId: integer('return_line_id'),
    creditedLineId: integer('credited_line_id').references((): AnySQLiteColumn => invoiceLines.id),
    orderNumber: text('order_number').notNull().default(''),
    type: text('type').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unit: text('unit').notNull(),
    unitPrice: integer('unit_price').notNull(),
    netAmount: integer('net_amount').notNull(),
    vatCode: text('vat_code').notNull(),
    vatRate: integer('vat_rate').notNull(),
    vatAmount: integer('vat_amount').notNull()
  },
  (t) => [
    index('invoice_lines_invoice_idx').on(t.invoiceId),
    index('invoice_lines_order_line_idx').on(t.orderLineId),
    index('invoice_lines_credited_idx').on(t.creditedLineId),
    check('invoice_lines_source_check', sql`${t.source} in ('orderLine','subscriptionFee','returnLine','manual')`)
  ]
)

/** Money received against an invoice. A credit note is not a payment: it lowers what is due. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    date: text('date').notNull(),
    /** Cents; an over-payment is kept as paid (the balance goes negative), a refund is negative. */
    amount: integer('amount').notNull(),
    method: text('method').notNull().default('bank'),
    note: text('note').notNull().default(''),
    /** The bank statement entry it came from (its import is not repeated). */
    bankEntryId: integer('bank_entry_id'),
    createdAt: createdAt(),
    createdBy: integer('created_by').references(() => users.id)
  },
  (t) => [index('payments_invoice_idx').on(t.invoiceId), check('payments_method_check', sql`${t.method} in ('bank','cash','card','other')`)]
)

/** An imported ISO 20022 camt.053 account statement. */
export const bankStatements = sqliteTable('bank_statements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The statement's own id (Stmt/Id) and account (Acct/Id/IBAN). */
  statementId: text('statement_id').notNull(),
  iban: text('iban').notNull().default(''),
  fileName: text('file_name').notNull().default(''),
  importedAt: createdAt(),
  importedBy: integer('imported_by').references(() => users.id)
})

/**
 * One incoming credit of a statement, with the invoice the matcher proposes and, once confirmed, the
 * payment it became. entry_ref is the bank's reference of the entry: a second import of the same statement
 * finds it and adds nothing.
 */
export const bankEntries = sqliteTable(
  'bank_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    statementId: integer('statement_id')
      .notNull()
      .references(() => bankStatements.id),
    entryRef: text('entry_ref').notNull().unique(),
    bookingDate: text('booking_date').notNull(),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    debtorName: text('debtor_name').notNull().default(''),
    referenceNumber: text('reference_number').notNull().default(''),
    remittance: text('remittance').notNull().default(''),
    /** matched / ambiguous / unmatched as proposed; confirmed once it became a payment; ignored by the user. */
    status: text('status').notNull(),
    /** How the proposal was found: reference, invoiceNumber, amountAndName. */
    matchedBy: text('matched_by'),
    invoiceId: integer('invoice_id').references(() => invoices.id),
    paymentId: integer('payment_id').references(() => payments.id)
  },
  (t) => [
    index('bank_entries_statement_idx').on(t.statementId),
    check('bank_entries_status_check', sql`${t.status} in ('matched','ambiguous','unmatched','confirmed','ignored')`)
  ]
)

export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    list: text('list').notNull(),
    name: text('name').notNull(),
    filters: text('filters', { mode: 'json' }).notNull()
  },
  (t) => [uniqueIndex('saved_views_user_list_name_idx').on(t.userId, t.list, t.name)]
)

/** The columns a user chose to see in a grid or list (its column chooser), per user and list; none = the default set. */
export const listColumns = sqliteTable(
  'list_columns',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    list: text('list').notNull(),
    columns: text('columns', { mode: 'json' }).$type<string[]>().notNull()
  },
  (t) => [primaryKey({ columns: [t.userId, t.list] })]
)
