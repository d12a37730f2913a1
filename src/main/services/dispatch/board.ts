import type { ParsedInput } from '@shared/api/contract'
import { can } from '@shared/auth/roles'
import type { BusinessCalendar } from '@shared/calendar'
import { type ShownDay, type Unavailable, unavailableDays } from '@shared/dispatch/availability'
import { detectConflicts } from '@shared/dispatch/conflicts'
import type { Board, BoardCard, BoardTechnician } from '@shared/domain/dispatch'
import type { SessionUser, Settings } from '@shared/domain/system'
import { dayStart } from '@shared/time'
import { requireUser, type ServiceContext } from '../core/context'
import { isOfficeUser } from '../orders/access'
import { loadSettings } from '../settings/settings'
import { asAssignment, Calendars, cardsTravel, conflictTechnicians, loadCards, loadTechnicians, stmts, withTravelConflict } from './read'

/** Planners and office users see every technician; anyone else (a technician) only their own work. */
export function canSeeAll(user: SessionUser): boolean {
  return can(user.roles, 'dispatch.plan') || isOfficeUser(user)
}

/** The worker whose work the user may see alone, or null when they may see everyone's. -1 = nobody's (no worker). */
export function ownWorkerOnly(user: SessionUser): number | null {
  return canSeeAll(user) ? null : (user.workerId ?? -1)
}

/** Adds whole days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

const collator = new Intl.Collator('et')
const NO_LEGS = { before: null, after: null }

/**
 * The days off of each calendar over the shown days, worked out once per calendar object: the technicians on
 * the company's hours (most of them) share one answer.
 */
function unavailableOf(settings: Settings, from: string, days: number): (cal: BusinessCalendar) => Unavailable[] {
  const tz = settings.timeZone
  const shown: ShownDay[] = []
  for (let n = 0, start = dayStart(from, tz); n < days; n++) {
    const date = addDays(from, n)
    const end = dayStart(addDays(date, 1), tz)
    shown.push({ date, start, end })
    start = end
  }
  const names = new Map(settings.holidays.map((h) => [h.date, h.name]))
  const byCalendar = new Map<BusinessCalendar, Unavailable[]>()
  return (cal) => {
    let list = byCalendar.get(cal)
    if (!list) byCalendar.set(cal, (list = unavailableDays(cal, shown, names)))
    return list
  }
}

/**
 * The board over [from, from + days) in the shop's time zone: the technicians (active technicians, plus any
 * worker holding a card in the range, so that such a card is never hidden), teams, skills and the cards with
 * their conflicts. A handful of prepared statements whatever the size of the week.
 */
export function getBoard(ctx: ServiceContext, i: ParsedInput<'dispatch.board'>): Board {
  const user = requireUser(ctx)
  const settings = loadSettings(ctx.db)
  const tz = settings.timeZone
  const now = ctx.now()
  const from = dayStart(i.from, tz)
  const to = dayStart(addDays(i.from, i.days), tz)
  const own = ownWorkerOnly(user)
  const workerId = own ?? i.workerId

  const calendars = new Calendars(settings)
  let cards = loadCards(ctx, from, to, now, workerId)
  const holders = new Set(cards.map((c) => c.workerId))
  let technicians = loadTechnicians(ctx, calendars, holders)
  if (workerId !== null) technicians = technicians.filter((t) => t.id === workerId)
  if (i.teamIds.length > 0) {
    const teams = new Set(i.teamIds)
    technicians = technicians.filter((t) => t.teamId !== null && teams.has(t.teamId))
    const shown = new Set(technicians.map((t) => t.id))
    cards = cards.filter((c) => shown.has(c.workerId))
  }

  const s = stmts(ctx)
  const teams = s.teams.all() as { id: number; name: string }[]
  const skills = s.skills.all() as { id: number; name: string }[]
  const teamRank = new Map(teams.map((t, n) => [t.id, n]))
  // Grouped by team in the teams' order, technicians without a team last.
  technicians.sort(
    (a, b) =>
      (a.teamId === null ? Infinity : teamRank.get(a.teamId)!) - (b.teamId === null ? Infinity : teamRank.get(b.teamId)!) ||
      collator.compare(a.name, b.name) ||
      a.id - b.id
  )

  // Finished work is the record of a visit, not a booking: it neither conflicts nor takes capacity.
  const conflicts = detectConflicts(cards.filter((c) => !c.finished).map(asAssignment), conflictTechnicians(technicians), {
    skillNames: new Map(skills.map((k) => [k.id, k.name]))
  })
  // The legs of whole days: cards are read from the start of the range, so a day's cards are all here.
  const travel = cardsTravel(cards, technicians, settings)
  const unavailable = unavailableOf(settings, i.from, i.days)

  // The cards are this call's own objects, read with these fields in place: setting them spares copying 5,000.
  const boardCards = cards as BoardCard[]
  for (const c of boardCards) {
    c.conflicts = withTravelConflict(conflicts.get(c.id) ?? [], travel.conflicts.get(c.id))
    c.travel = travel.legs.get(c.id) ?? NO_LEGS
  }

  return {
    from,
    to,
    now,
    timeZone: tz,
    holidays: settings.holidays,
    teams,
    skills,
    technicians: technicians.map((t): BoardTechnician => ({
      id: t.id,
      number: t.number,
      name: t.name,
      teamId: t.teamId,
      roles: t.roles,
      skillIds: t.skillIds,
      workingHours: t.workingHours,
      active: t.active,
      homeLatitude: t.homeLatitude,
      homeLongitude: t.homeLongitude,
      unavailable: unavailable(t.calendar)
    })),
    cards: boardCards,
    atRiskMinutes: settings.slaAtRiskMinutes,
    pastLimitHours: settings.dispatchPastLimitHours
  }
}
