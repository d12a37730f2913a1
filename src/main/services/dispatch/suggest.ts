import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { type SlaDeadline, type Suggestion, suggestTechnicians } from '@shared/dispatch/suggest'
import type { SlaTargetKind } from '@shared/domain/sla'
import { dayEnd, dateOf, dayStart } from '@shared/time'
import { orderSlas, orderSlaTargets, serviceOrders, workers } from '../../db/schema'
import type { Db } from '../../db/connection'
import { requirePermission, type ServiceContext } from '../core/context'
import { notFound } from '../core/errors'
import { loadSettings } from '../settings/settings'
import { addDays } from './board'
import { travelModelOf } from '../settings/travel'
import { asAssignment, Calendars, loadCards, loadDurations, loadSummaries, loadTechnicians, placeOf, stmts, travelStop } from './read'

/**
 * The open SLA targets of an order: clock running (not paused, not cancelled), target not met, deadline known.
 * Deadlines are stored on the SLA's business calendar (ADR 0007); one already passed stays, so every slot
 * misses it and says so.
 */
export function openDeadlines(db: Db, orderId: number): SlaDeadline[] {
  return db
    .select({ target: orderSlaTargets.target, deadline: orderSlaTargets.deadline })
    .from(orderSlaTargets)
    .innerJoin(orderSlas, eq(orderSlas.orderId, orderSlaTargets.orderId))
    .where(
      and(
        eq(orderSlaTargets.orderId, orderId),
        isNull(orderSlaTargets.metAt),
        isNotNull(orderSlaTargets.deadline),
        isNull(orderSlas.pausedSince),
        isNull(orderSlas.cancelledAt)
      )
    )
    .all()
    .map((r) => ({ target: r.target as SlaTargetKind, deadline: r.deadline! }))
}

/**
 * Technicians for an order, ranked, with the reasons. Free time is looked for inside the order's requested
 * window where it gives one (either side open = the viewed days' bound), else in the viewed days — but under a
 * running SLA deadline from now on and at least through the deadline's day, so a slot before the deadline is
 * found even when the dispatcher views tomorrow (ADR 0019). Never before now.
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
  const deadlines = openDeadlines(ctx.db, i.orderId)
  let windowStart = summary.requestedStart ?? viewFrom
  let windowEnd = summary.requestedEnd ?? viewTo
  let requested = summary.requestedStart !== null || summary.requestedEnd !== null
  if (windowEnd <= Math.max(windowStart, now)) {
    windowStart = viewFrom
    windowEnd = viewTo
    requested = false
  }
  // The customer's requested time stands; without one, the SLA decides where to look.
  const due = deadlines.filter((d) => d.deadline > now).map((d) => d.deadline)
  if (!requested && due.length > 0) {
    windowStart = now
    windowEnd = Math.max(windowEnd, dayEnd(dateOf(Math.max(...due), tz), tz))
  }
  windowStart = Math.max(windowStart, now)

  const own = o.responsible ?? o.preferred
  const teamId =
    i.teamId ?? (own === null ? null : (ctx.db.select({ t: workers.teamId }).from(workers).where(eq(workers.id, own)).get()?.t ?? null))
  const calendars = new Calendars(settings)
  const technicians = loadTechnicians(ctx, calendars)
  // Whole days: the load reason counts the slot's own day from midnight to midnight.
  const from = Math.min(windowStart, viewFrom)
  const to = Math.max(windowEnd, viewTo)
  const cards = loadCards(ctx, dayStart(dateOf(from, tz), tz), dayEnd(dateOf(to - 1, tz), tz), now)
  const s = stmts(ctx)
  const booked = cards.filter((c) => !c.finished)
  return suggestTechnicians(
    {
      orderId: i.orderId,
      requiredSkillIds: summary.requiredSkillIds,
      teamId,
      preferredWorkerId: o.preferred,
      durationMinutes: loadDurations(ctx, [i.orderId]).get(i.orderId)!,
      windowStart,
      windowEnd,
      date: i.from,
      deadlines
    },
    technicians,
    booked.map(asAssignment),
    {
      travel: {
        model: travelModelOf(settings),
        place: placeOf(summary, `order:${i.orderId}`),
        places: new Map(booked.map((c) => [c.id, travelStop(c).place]))
      },
      skillNames: new Map((s.skills.all() as { id: number; name: string }[]).map((k) => [k.id, k.name])),
      teamNames: new Map((s.teams.all() as { id: number; name: string }[]).map((t) => [t.id, t.name]))
    }
  )
}
