import { randomBytes } from 'node:crypto'
import type { ChangeEvent } from '@shared/api/changes'
import type { Connection } from '../db/connection'

/** A change and the client that made it, so that the host does not echo a change back to its author. */
export interface FeedEntry {
  change: ChangeEvent
  origin: string | undefined
}

/**
 * The host's one feed of writes (docs/adr/0032-live-updates.md). Every host that serves several clients (the
 * browser-mode host, later the shop server) hands it to the pipeline, which publishes after each call that wrote.
 */
export class ChangeFeed {
  private readonly listeners = new Set<(entry: FeedEntry) => void>()

  publish(entry: FeedEntry): void {
    for (const listener of this.listeners) listener(entry)
  }

  subscribe(listener: (entry: FeedEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get size(): number {
    return this.listeners.size
  }
}

const counters = new WeakMap<Connection, () => number>()

/**
 * Rows this connection has inserted, updated or deleted since it opened (SQLite's total_changes()): a call
 * wrote when the count moved. Cheaper and surer than a list of "writing" methods, which would go stale.
 */
export function totalChanges(conn: Connection): number {
  let read = counters.get(conn)
  if (!read) {
    const stmt = conn.sqlite.prepare('select total_changes()').pluck()
    read = () => stmt.get() as number
    counters.set(conn, read)
  }
  return read()
}

const dataVersions = new WeakMap<Connection, () => string>()

/**
 * Which state of the database a read saw: this connection's own writes (total_changes) and other
 * connections' commits to the same file (data_version, e.g. the command line). Both move on every write that
 * could change an answer, so an equal version means an equal database. A random name per connection keeps
 * the versions of a restored (reopened) database from ever equalling the old one's.
 */
export function dataVersion(conn: Connection): string {
  let read = dataVersions.get(conn)
  if (!read) {
    const stmt = conn.sqlite.prepare('pragma data_version').pluck()
    const epoch = randomBytes(6).toString('base64url')
    read = () => `${epoch}.${stmt.get() as number}.${totalChanges(conn)}`
    dataVersions.set(conn, read)
  }
  return read()
}
