import { eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { LIFECYCLE_EVENTS, EVENT_FIELD, type LifecycleSettings } from '@shared/domain/lifecycle'
import { lifecycleSettings, serviceStages } from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { conflict, invalid } from '../core/errors'
import { writeTx } from '../core/tx'
import { loadLifecycle } from './rules'

export function getLifecycle(ctx: ServiceContext): LifecycleSettings {
  return loadLifecycle(ctx.db)
}

export function updateLifecycle(ctx: ServiceContext, i: ParsedInput<'lifecycle.update'>): LifecycleSettings {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'stages.configure')
    const before = loadLifecycle(ctx.db)
    if (before.version !== i.version) throw conflict('settings')
    for (const event of LIFECYCLE_EVENTS) {
      const stageId = i[EVENT_FIELD[event]]
      if (stageId !== null && !ctx.db.select({ id: serviceStages.id }).from(serviceStages).where(eq(serviceStages.id, stageId)).get())
        throw invalid([EVENT_FIELD[event]], 'errors.choose.stage')
    }
    const { version, ...values } = i
    ctx.db
      .update(lifecycleSettings)
      .set({ ...values, version: version + 1 })
      .where(eq(lifecycleSettings.id, 1))
      .run()
    const after = loadLifecycle(ctx.db)
    audit(ctx, 'lifecycleSettings', 1, 'update', before, after)
    return after
  })
}
