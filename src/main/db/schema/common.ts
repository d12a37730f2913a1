import { integer } from 'drizzle-orm/sqlite-core'

/** Every editable record carries a version; updates must name the version they read. */
export const versionColumn = () => integer('version').notNull().default(1)
export const createdAt = () =>
  integer('created_at')
    .notNull()
    .$defaultFn(() => Date.now())
export const updatedAt = () =>
  integer('updated_at')
    .notNull()
    .$defaultFn(() => Date.now())
    .$onUpdateFn(() => Date.now())
