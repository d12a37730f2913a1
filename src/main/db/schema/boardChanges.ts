import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { createdAt } from './common'
import { users } from './system'

/**
 * One change made on the dispatch board, for exact undo / redo (ADR 0016): the rows of every order it touched —
 * the order, its lines, its assignments — as they were before and after. Undo puts the `before` rows back when the
 * rows still are as `after` left them; redo the reverse. Kept a day (a board session's worth).
 */
export const boardChanges = sqliteTable(
  'board_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    before: text('before', { mode: 'json' }).notNull(),
    after: text('after', { mode: 'json' }).notNull(),
    /** done: the rows are as `after`; undone: as `before`. */
    state: text('state').notNull().default('done'),
    createdAt: createdAt()
  },
  (t) => [
    index('board_changes_created_idx').on(t.createdAt),
    check('board_changes_kind_check', sql`${t.kind} in ('assign','move','unassign','dispatch','plan')`),
    check('board_changes_state_check', sql`${t.state} in ('done','undone')`)
  ]
)
