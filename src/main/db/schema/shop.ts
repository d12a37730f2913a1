import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * Workstations and phones paired with the shop server (docs/adr/0033-shop-server.md). Only a SHA-256 hash of
 * each client's key is kept: the key itself lives on the client. A revoked pairing stays listed (who, when).
 */
export const pairedClients = sqliteTable('paired_clients', {
  id: text('id').primaryKey(),
  machine: text('machine').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  lastSeenAt: integer('last_seen_at'),
  revokedAt: integer('revoked_at')
})
