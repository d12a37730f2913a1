import { and, desc, eq, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { AuditEntry } from '@shared/domain/system'
import { auditLog } from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { outer } from '../core/list'

export function auditForRecord(ctx: ServiceContext, i: ParsedInput<'audit.forRecord'>): AuditEntry[] {
  return ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: sql<string | null>`(select u.display_name from users u where u.id = ${outer(auditLog.userId)})`,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: sql<AuditEntry['action']>`${auditLog.action}`,
      before: auditLog.before,
      after: auditLog.after
    })
    .from(auditLog)
    .where(and(eq(auditLog.entity, i.entity), eq(auditLog.entityId, i.entityId)))
    .orderBy(desc(auditLog.id))
    .limit(500)
    .all()
    .map((r) => ({
      ...r,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after)
    }))
}
