import { and, eq, or, sql } from 'drizzle-orm'
import { can } from '@shared/auth/roles'
import type { SessionUser } from '@shared/domain/system'
import type { Db } from '../../db/connection'
import { serviceOrderLines, serviceOrders } from '../../db/schema'
import { requireUser, type ServiceContext } from '../core/context'
import { forbidden } from '../core/errors'

/** Office roles work on every order; a technician only on the orders assigned to them. */
export function isOfficeUser(user: SessionUser): boolean {
  return can(user.roles, 'orders.write')
}

export function isAssigned(db: Db, orderId: number, workerId: number | null): boolean {
  if (workerId === null) return false
  const hit = db
    .select({ id: serviceOrders.id })
    .from(serviceOrders)
    .where(
      and(
        eq(serviceOrders.id, orderId),
        or(
          eq(serviceOrders.responsibleWorkerId, workerId),
          eq(serviceOrders.preferredWorkerId, workerId),
          // `+l.worker_id` keeps SQLite on the order's lines; by the worker index it would read all of their lines.
          sql`exists (select 1 from ${serviceOrderLines} l where l.order_id = ${orderId} and +l.worker_id = ${workerId})`
        )
      )
    )
    .get()
  return hit !== undefined
}

/** Refuses a technician on an order that is not theirs (reading as well as registering). */
export function requireOrderAccess(ctx: ServiceContext, orderId: number): SessionUser {
  const user = requireUser(ctx)
  if (isOfficeUser(user)) return user
  if (!isAssigned(ctx.db, orderId, user.workerId)) throw forbidden('errors.orders.notAssigned')
  return user
}
