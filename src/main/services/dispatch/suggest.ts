import { eq } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { type Suggestion, suggestTechnicians } from '@shared/dispatch/suggest'
import { dayStart } from '@shared/time'
import { serviceOrders, workers } from '../../db/schema'
import { requirePermission, type ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import { loadSettings } from '../settings/settings'
import { addDays } from './board'
import { asAssignment, Calendars, loadCards, loadDurations, loadSummaries, loadTechnicians, stmts } from './read'

/**
 * Technicians for an order, best first, with the reasons. Free time is looked for inside the order's requested
 * window where it gives one (either side open = the viewed days' bound), else in the viewed days, and never
 * before now.
 */
export function suggest(ctx: ServiceContext, i: ParsedInput<'dispatch.suggest'>): Suggestion[] {
  requirePermission(ctx, 'dispatch.plan')
  const settings = loadSettings(ctx.db)
  const tz = settings.timeZone
  const now = ctx.now()
  const o = ctx.db
    .select({ preferred: serviceOrders.preferredWorkerId, responsible: serviceOrders.responsibleWorkerId })
    .from(serviceOrders)
    .where(eq(serviceOrders.id, i.orderId))
    .get()
  if (!o) throw notFound('serviceOrder')
  const summary = loadSummaries(ctx, [i.orderId], now).get(i.orderId)!
  const viewFrom = dayStart(i.from, tz)
  const viewTo = dayStart(addDays(i.from, i.days), tz)
  let windowStart = summary.requestedStart ?? viewFrom
  let windowEnd = summary.requestedEnd ?? viewTo
  if (windowEnd <= Math.max(windowStart, now)) {
    windowStart = viewFrom
    windowEnd = viewTo
  }
  windowStart = Math.max(windowStart, now)

  const own = o.responsible ?? o.preferred
  const teamId =
    i.teamId ?? (own === null ? null : (ctx.db.select({ t: workers.teamId }).from(workers).where(eq(workers.id, own)).get()?.t ?? null))
  const calendars = new Calendars(settings)
  const technicians = loadTechnicians(ctx, calendars)
  const cards = loadCards(ctx, Math.min(windowStart, viewFrom), Math.max(windowEnd, viewTo), now)
  const s = stmts(ctx)
  return suggestTechnicians(
    {
      orderId: i.orderId,
      requiredSkillIds: summary.requiredSkillIds,
      teamId,
      preferredWorkerId: o.preferred,
      durationMinutes: loadDurations(ctx, [i.orderId]).get(i.orderId)!,
      windowStart,
      windowEnd,
      date: i.from
    },
    technicians,
    cards.filter((c) => !c.finished).map(asAssignment),
    {
      skillNames: new Map((s.skills.all() as { id: number; name: string }[]).map((k) => [k.id, k.name])),
      teamNames: new Map((s.teams.all() as { id: number; name: string }[]).map((t) => [t.id, t.name]))
    }
  )
}
