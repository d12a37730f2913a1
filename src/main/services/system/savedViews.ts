import { and, asc, eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { SavedView } from '@shared/domain/orders'
import { listColumns, savedViews } from '../../db/schema'
import { requireUser, type ServiceContext } from '../core/context'
import { notFound } from '../core/errors'

/** Named filter sets of a list, per user. Saving under an existing name replaces it. */
export function listViews(ctx: ServiceContext, i: { list: string }): SavedView[] {
  const user = requireUser(ctx)
  return ctx.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, user.id), eq(savedViews.list, i.list)))
    .orderBy(asc(savedViews.name))
    .all()
    .map((v) => ({ id: v.id, list: v.list, name: v.name, filters: v.filters as Record<string, unknown> }))
}

export function saveView(ctx: ServiceContext, i: ParsedInput<'savedViews.save'>): SavedView {
  const user = requireUser(ctx)
  const row = ctx.db
    .insert(savedViews)
    .values({ userId: user.id, list: i.list, name: i.name, filters: i.filters })
    .onConflictDoUpdate({ target: [savedViews.userId, savedViews.list, savedViews.name], set: { filters: i.filters } })
    .returning()
    .get()
  return { id: row.id, list: row.list, name: row.name, filters: row.filters as Record<string, unknown> }
}

export function deleteView(ctx: ServiceContext, i: { id: number }): { id: number } {
  const user = requireUser(ctx)
  const gone = ctx.db
    .delete(savedViews)
    .where(and(eq(savedViews.id, i.id), eq(savedViews.userId, user.id)))
    .returning({ id: savedViews.id })
    .get()
  if (!gone) throw notFound('savedView')
  return { id: i.id }
}

/** The columns the user chose for a list, or null while they have kept its default set. */
export function getColumns(ctx: ServiceContext, i: { list: string }): string[] | null {
  const user = requireUser(ctx)
  const row = ctx.db
    .select({ columns: listColumns.columns })
    .from(listColumns)
    .where(and(eq(listColumns.userId, user.id), eq(listColumns.list, i.list)))
    .get()
  return row?.columns ?? null
}

export function saveColumns(ctx: ServiceContext, i: ParsedInput<'listColumns.save'>): string[] {
  const user = requireUser(ctx)
  const columns = [...new Set(i.columns)]
  ctx.db
    .insert(listColumns)
    .values({ userId: user.id, list: i.list, columns })
    .onConflictDoUpdate({ target: [listColumns.userId, listColumns.list], set: { columns } })
    .run()
  return columns
}
