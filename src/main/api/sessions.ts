import { eq } from 'drizzle-orm'
import type { SessionUser } from '@shared/domain/system'
import type { Db } from '../db/connection'
import { settings } from '../db/schema'
import { loadSignedIn } from '../services/auth/sessions'
import type { SessionSlot } from '../services/core/context'

/** A session a transport holds (a window in Electron, an issued id in browser mode): it has an idle limit. */
export interface HeldSession extends SessionSlot {
  lastUsed: number
}

const HOUR = 60 * 60 * 1000

/** The idle limit from the settings (12 h until an administrator changes it). */
export function idleLimit(db: Db): number {
  const row = db.select({ hours: settings.sessionIdleHours }).from(settings).where(eq(settings.id, 1)).get()
  return (row?.hours ?? 12) * HOUR
}

/**
 * The user a session still speaks for, read afresh so that a disabled account counts at once; null after
 * ending the session when it has been idle too long or the user's security stamp moved on (password,
 * roles or deactivation changed since it signed in). Every call counts as use, signed in or not, so
 * the call that signs in starts the idle time from now.
 */
export function resumeSession(db: Db, session: SessionSlot, now: number): SessionUser | null {
  let user: SessionUser | null = null
  if (session.userId !== null) {
    const found = loadSignedIn(db, session.userId)
    const idle = session.lastUsed !== undefined && now - session.lastUsed > idleLimit(db)
    const stale = session.stamp !== undefined && found?.stamp !== session.stamp
    if (!found || idle || stale) session.userId = null
    else user = found.user
  }
  if (session.lastUsed !== undefined) session.lastUsed = now
  return user
}

/**
 * The sessions of one transport by key. Holding a new one first drops those idle past the limit, so
 * sessions nobody signs out of are not kept for the life of the process.
 */
export class SessionStore<K> {
  private readonly held = new Map<K, HeldSession>()

  /** `db` is asked for on each use: a restore swaps the host's database (ADR 0022). */
  constructor(
    private readonly db: () => Db,
    private readonly now: () => number
  ) {}

  get(key: K | undefined): HeldSession | undefined {
    return key === undefined ? undefined : this.held.get(key)
  }

  hold(key: K, session: HeldSession): void {
    const oldest = this.now() - idleLimit(this.db())
    for (const [k, s] of this.held) if (s.lastUsed < oldest) this.held.delete(k)
    this.held.set(key, session)
  }

  delete(key: K): void {
    this.held.delete(key)
  }

  /** Ends every session: after a restore the users are those of the restored database, so everyone signs in again. */
  clear(): void {
    this.held.clear()
  }

  get size(): number {
    return this.held.size
  }
}
