import type { MessageParams, MessageRef } from '@shared/api/result'
import { dateOf } from '@shared/time'
import { eq } from 'drizzle-orm'
import { DateTime } from 'luxon'
import { settings, users } from '../../db/schema'
import type { ServiceContext } from './context'
import { AppError, conflict, record, type RecordKind } from './errors'

/** A record as its version check reads it; `updatedBy`/`updatedAt` where the table keeps them (schema/common.ts). */
export interface Stamped {
  version: number
  updatedBy?: number | null
  updatedAt?: number | null
}

/**
 * The CONFLICT of a save that carried an older version than `row`'s: it names who saved the record last and
 * when, in the shop's time zone ("… was changed by Mari Maasikas at 10:42"), where the record knows; otherwise
 * the plain "changed by someone else".
 */
export function staleConflict(ctx: ServiceContext, row: Stamped, kind: RecordKind, params?: MessageParams): AppError {
  if (row.updatedBy == null || row.updatedAt == null) return conflict(kind, params)
  const by = ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, row.updatedBy)).get()
  if (!by) return conflict(kind, params)
  const zone = ctx.db.select({ zone: settings.timeZone }).from(settings).where(eq(settings.id, 1)).get()?.zone ?? 'Europe/Tallinn'
  const at = DateTime.fromMillis(row.updatedAt, { zone })
  const time = at.toFormat('HH:mm')
  const when: MessageRef =
    dateOf(ctx.now(), zone) === at.toISODate()
      ? { key: 'errors.changedWhen.today', params: { time } }
      : { key: 'errors.changedWhen.earlier', params: { date: at.toFormat('dd.LL.yyyy'), time } }
  return new AppError('CONFLICT', 'errors.conflictBy', { what: record(kind, params), user: by.name, when })
}

/** Refuses a save that read an older version of `row` (see staleConflict). */
export function requireVersion(ctx: ServiceContext, row: Stamped, version: number, kind: RecordKind, params?: MessageParams): void {
  if (row.version !== version) throw staleConflict(ctx, row, kind, params)
}
