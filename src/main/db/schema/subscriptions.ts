import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { createdAt, versionColumn } from './common'
import { agreements } from './agreements'
import { categories, customers, serviceObjects } from './masterdata'
import { invoiceLines } from './orders'
import { users } from './system'

/** Period codes are a fixed list (shared/domain/subscriptions.ts PERIOD_CODES); their names are in the catalogue. */
const PERIODS = sql.raw(`('day','week','month','quarter','halfYear','year')`)

export const subscriptionGroups = sqliteTable(
  'subscription_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    invoicingPeriod: text('invoicing_period').notNull(),
    accrue: integer('accrue', { mode: 'boolean' }).notNull().default(false),
    /** Null when the group does not accrue. */
    accrualPeriod: text('accrual_period'),
    /** Number sequence code of the group's subscriptions; '' = the common 'subscription' sequence. */
    numberSequence: text('number_sequence').notNull().default(''),
    version: versionColumn()
  },
  (t) => [
    check('subscription_groups_invoicing_check', sql`${t.invoicingPeriod} in ${PERIODS}`),
    check('subscription_groups_accrual_check', sql`${t.accrualPeriod} is null or ${t.accrualPeriod} in ${PERIODS}`)
  ]
)

export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    agreementId: integer('agreement_id').references(() => agreements.id),
    groupId: integer('group_id')
      .notNull()
      .references(() => subscriptionGroups.id),
    /** The fee category (a category of type fee); prices may depend on it. */
    categoryId: integer('category_id').references(() => categories.id),
    currency: text('currency').notNull(),
    basePrice: integer('base_price').notNull(),
    /** Hundredths of a point: 10000 = index 100, the base price unchanged. */
    priceIndex: integer('price_index').notNull().default(10000),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    version: versionColumn()
  },
  (t) => [
    index('subscriptions_customer_idx').on(t.customerId),
    index('subscriptions_group_idx').on(t.groupId),
    check('subscriptions_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`)
  ]
)

export const subscriptionObjects = sqliteTable(
  'subscription_objects',
  {
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    serviceObjectId: integer('service_object_id')
      .notNull()
      .references(() => serviceObjects.id)
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.serviceObjectId] })]
)

/** Sales prices with validity at several levels; the most specific valid one wins (docs/adr/0013-subscriptions.md). */
export const subscriptionPrices = sqliteTable(
  'subscription_prices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    periodCode: text('period_code').notNull(),
    currency: text('currency').notNull(),
    subscriptionId: integer('subscription_id').references(() => subscriptions.id),
    customerId: integer('customer_id').references(() => customers.id),
    categoryId: integer('category_id').references(() => categories.id),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    amount: integer('amount').notNull(),
    version: versionColumn()
  },
  (t) => [
    index('subscription_prices_lookup_idx').on(t.periodCode, t.currency),
    check('subscription_prices_period_check', sql`${t.periodCode} in ${PERIODS}`),
    check('subscription_prices_dates_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`)
  ]
)

/**
 * Fee transactions. A regular or non-regular fee is made once per subscription and invoicing period (the
 * partial unique index below): a rerun, an overlapping run or a run after a crash inserts nothing twice.
 * Reductions (days removed, price reductions) are negative rows that point at the fee they reduce.
 */
export const subscriptionFees = sqliteTable(
  'subscription_fees',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    kind: text('kind').notNull(),
    /** The invoicing period the fee belongs to (its first day). */
    periodStart: text('period_start').notNull(),
    /** The days charged (or, for reduction days, removed). */
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** Net cents; negative for reductions. */
    amount: integer('amount').notNull(),
    reductionOfId: integer('reduction_of_id'),
    invoiceLineId: integer('invoice_line_id').references(() => invoiceLines.id),
    /** Net cents credited so far (positive), kept with the credit note that credits it. */
    creditedAmount: integer('credited_amount').notNull().default(0),
    createdAt: integer('created_at').notNull()
  },
  (t) => [
    uniqueIndex('subscription_fees_period_key')
      .on(t.subscriptionId, t.periodStart)
      .where(sql`kind in ('regular','nonRegular')`),
    index('subscription_fees_reduction_idx').on(t.reductionOfId),
    index('subscription_fees_invoice_line_idx').on(t.invoiceLineId),
    check('subscription_fees_kind_check', sql`${t.kind} in ('regular','nonRegular','reductionDays','priceReduction')`)
  ]
)

/**
 * Revenue recognition of invoiced fees of accruing groups: one row per accrual period. A credit adds
 * negative rows (reversal) recognised no earlier than the credit note's date.
 */
export const subscriptionRecognition = sqliteTable(
  'subscription_recognition',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    feeId: integer('fee_id')
      .notNull()
      .references(() => subscriptionFees.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    /** The date the amount counts as revenue: the accrual period's end, or a reversal's date. */
    recognizeOn: text('recognize_on').notNull(),
    amount: integer('amount').notNull(),
    reversal: integer('reversal', { mode: 'boolean' }).notNull().default(false)
  },
  (t) => [index('subscription_recognition_fee_idx').on(t.feeId), index('subscription_recognition_date_idx').on(t.recognizeOn)]
)

/** Credits whose recognition waits for a manual reversal (parameter reverseOnCredit = 'manual'). */
export const subscriptionPendingReversals = sqliteTable('subscription_pending_reversals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  feeId: integer('fee_id')
    .notNull()
    .references(() => subscriptionFees.id),
  amount: integer('amount').notNull(),
  creditDate: text('credit_date').notNull()
})

/** One row: how fees are invoiced and credited. Absent = the defaults (fees alone, automatic reversal). */
export const subscriptionParameters = sqliteTable('subscription_parameters', {
  id: integer('id').primaryKey(),
  invoiceWithOrderLines: integer('invoice_with_order_lines', { mode: 'boolean' }).notNull().default(false),
  reverseOnCredit: text('reverse_on_credit').notNull().default('automatic')
})

export const subscriptionRuns = sqliteTable('subscription_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at'),
  userId: integer('user_id').references(() => users.id),
  toDate: text('to_date').notNull(),
  status: text('status').notNull(),
  total: integer('total').notNull().default(0),
  done: integer('done').notNull().default(0),
  created: integer('created').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  error: text('error')
})
