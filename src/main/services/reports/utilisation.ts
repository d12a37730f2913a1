import type { ParsedInput } from '@shared/api/contract'
import type { Page } from '@shared/api/common'
import { workingIntervals } from '@shared/calendar'
import { byName, minutesWithin, type UtilisationInput, type UtilisationRow, utilisationShare, weeksOf } from '@shared/domain/reports'
import { dayEnd, dayStart } from '@shared/time'
import { requirePermission, type ServiceContext } from '../core/context'
import { Calendars, loadTechnicians } from '../dispatch/read'
import { loadSettings } from '../settings/settings'
import { pageFrom, periodOf, sortedRows } from './period'

/**
 * Booked vs available hours per technician and ISO week (docs/adr/0028-reports.md). Available: the working time
 * of the technician's own week hours (else the company's) minus public holidays, as the board's calendar has it.
 * Booked: the time of their cards on the board inside the week, whatever the hour.
 */
export function utilisationReport(ctx: ServiceContext, i: UtilisationInput): UtilisationRow[] {
  requirePermission(ctx, 'reports.read')
  const settings = loadSettings(ctx.db)
  const tz = settings.timeZone
  const { start, end } = periodOf(i, tz)
  const technicians = loadTechnicians(ctx, new Calendars(settings)).filter((w) => w.active && (i.teamId === null || w.teamId === i.teamId))
  const booked = new Map<number, [number, number][]>()
  const cards = ctx.conn.sqlite
    .prepare('select worker_id, start, "end" from order_assignments where start < ? and "end" > ?')
    .raw()
    .all(end, start) as [number, number, number][]
  for (const [worker, s, e] of cards) {
    const list = booked.get(worker)
    if (list) list.push([s, e])
    else booked.set(worker, [[s, e]])
  }
  const weeks = weeksOf(i.from, i.to).map((w) => ({ ...w, start: dayStart(w.from, tz), end: dayEnd(w.to, tz) }))
  const rows: UtilisationRow[] = []
  for (const tech of [...technicians].sort((a, b) => byName(a.name, b.name))) {
    const mine = booked.get(tech.id) ?? []
    for (const w of weeks) {
      const available = minutesWithin(workingIntervals(tech.calendar, w.start, w.end), w.start, w.end)
      const bookedMinutes = minutesWithin(mine, w.start, w.end)
      rows.push({
        key: `${tech.id}:${w.week}`,
        workerName: tech.name,
        week: w.week,
        weekStart: w.from,
        availableMinutes: available,
        bookedMinutes,
        utilisation: utilisationShare(bookedMinutes, available)
      })
    }
  }
  return rows
}

const SORTS: Record<string, (r: UtilisationRow) => number | string | null> = {
  workerName: (r) => r.workerName,
  week: (r) => r.week,
  availableMinutes: (r) => r.availableMinutes,
  bookedMinutes: (r) => r.bookedMinutes,
  utilisation: (r) => r.utilisation
}

function sorted(ctx: ServiceContext, i: ParsedInput<'utilisationReport.list'>): UtilisationRow[] {
  return sortedRows(utilisationReport(ctx, i), i, SORTS, (r) => `${r.workerName} ${r.week}`)
}

export const listUtilisation = (ctx: ServiceContext, i: ParsedInput<'utilisationReport.list'>): Page<UtilisationRow> =>
  pageFrom(sorted(ctx, i), i)
export const iterateUtilisation = (ctx: ServiceContext, i: ParsedInput<'utilisationReport.list'>): Iterable<UtilisationRow> =>
  sorted(ctx, i)
