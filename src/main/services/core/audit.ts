import { auditLog } from '../../db/schema'
import type { ServiceContext } from './context'

export type AuditAction = 'create' | 'update' | 'delete'

/** Writes one audit row; call inside the transaction of the change so both land or neither does. */
export function audit(ctx: ServiceContext, entity: string, entityId: number, action: AuditAction, before: unknown, after: unknown): void {
  ctx.db
    .insert(auditLog)
    .values({
      at: ctx.now(),
      userId: ctx.user?.id ?? null,
      entity,
      entityId,
      action,
      before: before === null || before === undefined ? null : JSON.stringify(before),
      after: after === null || after === undefined ? null : JSON.stringify(after)
    })
    .run()
}
