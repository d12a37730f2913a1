import type { Permission } from '@shared/auth/roles'
import { can } from '@shared/auth/roles'
import type { ShopHostStatus } from '@shared/domain/shop'
import type { SessionUser } from '@shared/domain/system'
import type { Connection, Db } from '../../db/connection'
import { forbidden } from './errors'

/** Where a transport keeps who is signed in: per window (IPC), per browser tab (HTTP), per process (CLI). */
export interface SessionSlot {
  userId: number | null
  /** The user's security stamp at sign-in; when it no longer matches, the session has ended (absent: not checked). */
  stamp?: number
  /** When the session was last used (ms); past the idle limit it has ended (absent: no idle limit, e.g. the CLI). */
  lastUsed?: number
}

/**
 * What a host lets the backup service do with the database it serves (ADR 0022): open a file the way the host
 * opens it at start (migrate, start-up work), and whether it is serving the recovery screen instead of one.
 */
export interface DatabaseHost {
  conn: Connection
  open?: (file: string) => Promise<Connection>
  recovery?: Recovery | null
  /** Set while the host serves the shop's network (docs/adr/0033): its pairing and connected clients. */
  shop?: ShopControl
}

/** What the operations page may see and do on a serving host. */
export interface ShopControl {
  status(): ShopHostStatus
  renewCode(): void
  /** Ends a pairing and, at once, its sessions and event streams; false when there was nothing to revoke. */
  revoke(clientId: string): boolean
}

/** A database that failed its start-up check: the host serves the recovery screen on a stand-in database. */
export interface Recovery {
  file: string
  reason: 'damaged' | 'unreadable'
  detail: string
}

export interface ServiceContext {
  conn: Connection
  db: Db
  user: SessionUser | null
  session: SessionSlot
  now: () => number
  /** The host, where it can swap its database (restore); absent in the CLI and most tests. */
  host?: DatabaseHost
}

export function createContext(
  conn: Connection,
  user: SessionUser | null,
  session: SessionSlot = { userId: user?.id ?? null },
  now: () => number = Date.now,
  host?: DatabaseHost
): ServiceContext {
  return { conn, db: conn.db, user, session, now, ...(host ? { host } : {}) }
}

export function requireUser(ctx: ServiceContext): SessionUser {
  if (!ctx.user) throw forbidden('errors.signInFirst')
  return ctx.user
}

export function requirePermission(ctx: ServiceContext, permission: Permission): SessionUser {
  const user = requireUser(ctx)
  if (!can(user.roles, permission)) throw forbidden('errors.roleNotAllowed', { permission })
  return user
}
