import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt, updatedAt, updatedBy, versionColumn } from './common'
import { workers } from './masterdata'
import { serviceOrders } from './orders'
import { users } from './system'

/**
 * A card on the dispatch board: one technician booked for an order from `start` to `end`. An order may have
 * several (its lines go to different technicians, or the work spans days); the order's planned start / end and
 * responsible technician follow its assignments (services/dispatch keeps them in step).
 */
export const orderAssignments = sqliteTable(
  'order_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    workerId: integer('worker_id')
      .notNull()
      .references(() => workers.id),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    status: text('status').notNull().default('planned'),
    dispatchedAt: integer('dispatched_at'),
    dispatchedBy: integer('dispatched_by').references(() => users.id),
    /** Registered by the technician: arrival on site and finish. */
    actualStart: integer('actual_start'),
    actualEnd: integer('actual_end'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: updatedBy(),
    version: versionColumn()
  },
  (t) => [
    // The end rides along so that finding the cards touching a range (start from two weeks back, end after
    // the range's start) filters in the index instead of reading every older card's row.
    index('order_assignments_worker_idx').on(t.workerId, t.start, t.end),
    index('order_assignments_start_idx').on(t.start, t.end),
    index('order_assignments_order_idx').on(t.orderId),
    check('order_assignments_span_check', sql`${t.end} > ${t.start}`),
    check('order_assignments_status_check', sql`${t.status} in ('planned','dispatched','travelling','onSite','done')`)
  ]
)
