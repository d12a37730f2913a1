import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { versionColumn } from './common'
import { serviceOrders } from './orders'
import { slaDefinitions, slaReasons } from './slaSetup'
import { users } from './system'

/**
 * The SLA clock of one order. Pauses and met instants live in the event log and the target rows; the stored
 * deadlines are recomputed on every change (priority, pause, resume, met) so that lists can sort and filter
 * on them without running the clock for 200,000 orders.
 */
export const orderSlas = sqliteTable(
  'order_slas',
  {
    orderId: integer('order_id')
      .primaryKey()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    slaId: integer('sla_id')
      .notNull()
      .references(() => slaDefinitions.id),
    /** Where the SLA came from: set on the order, its agreement, the agreement's group or the customer's group. */
    source: text('source').notNull(),
    startedAt: integer('started_at').notNull(),
    state: text('state').notNull().default('running'),
    pausedSince: integer('paused_since'),
    cancelledAt: integer('cancelled_at'),
    cancelReasonId: integer('cancel_reason_id').references(() => slaReasons.id),
    /** The deadline of the first target not yet met; null when paused, met or cancelled. */
    nextDeadline: integer('next_deadline'),
    nextTarget: text('next_target'),
    version: versionColumn()
  },
  (t) => [
    index('order_slas_next_deadline_idx').on(t.nextDeadline),
    index('order_slas_sla_idx').on(t.slaId),
    check('order_slas_state_check', sql`${t.state} in ('running','paused','met','breached','cancelled')`),
    check('order_slas_source_check', sql`${t.source} in ('order','agreement','agreementGroup','customerGroup')`)
  ]
)

export const orderSlaTargets = sqliteTable(
  'order_sla_targets',
  {
    orderId: integer('order_id')
      .notNull()
      .references(() => orderSlas.orderId, { onDelete: 'cascade' }),
    target: text('target').notNull(),
    minutes: integer('minutes').notNull(),
    deadline: integer('deadline'),
    metAt: integer('met_at'),
    breachedAt: integer('breached_at'),
    /** Business minutes from start to met (for the compliance report's medians). */
    consumedMinutes: integer('consumed_minutes'),
    reasonId: integer('reason_id').references(() => slaReasons.id),
    reasonNote: text('reason_note').notNull().default('')
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.target] }),
    check('order_sla_targets_target_check', sql`${t.target} in ('response','arrival','resolution')`)
  ]
)

export const slaEvents = sqliteTable(
  'sla_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    kind: text('kind').notNull(),
    target: text('target'),
    reasonId: integer('reason_id').references(() => slaReasons.id),
    note: text('note').notNull().default('')
  },
  (t) => [
    index('sla_events_order_idx').on(t.orderId, t.at),
    check(
      'sla_events_kind_check',
      sql`${t.kind} in ('start','pause','resume','met','breached','reset','cancel','priority','assign','reason')`
    )
  ]
)
