import type { ParsedInput } from '@shared/api/contract'
import type { ParetoRow, RepairAnalysis } from '@shared/domain/repair'
import { daysBetween } from '@shared/recurrence'
import { dayEnd, dayStart } from '@shared/time'
import type { ServiceContext } from '../core/context'
import { invalid } from '../core/errors'
import { loadSettings } from '../settings/settings'

/** The objects with the shortest MTBF first; a longer list is not read on one screen. */
const MAX_OBJECTS = 50

interface ObjectRow {
  id: number
  number: string
  name: string
  itemId: number | null
  itemNumber: string | null
  itemName: string | null
  installed: string | null
  failures: number
}

/**
 * Pareto of symptoms and resolutions (repair lines entered in the period, on objects of the item model when
 * one is chosen) and mean time between failures per item model and per object. A failure is one service order
 * with repair lines on the object: several lines on one visit are one breakdown. Operating time is the period's
 * calendar days from the object's installation date (when later than the period's start); an item model's
 * MTBF counts every object of that model, the ones that never failed included.
 */
export function repairAnalysis(ctx: ServiceContext, i: ParsedInput<'repairAnalysis.get'>): RepairAnalysis {
  if (i.to < i.from) throw invalid(['to'], 'validation.endBeforeStart')
  const sqlite = ctx.conn.sqlite
  const tz = loadSettings(ctx.db).timeZone
  const start = dayStart(i.from, tz)
  const end = dayEnd(i.to, tz)

  const pareto = (column: 'symptom_code_id' | 'resolution_id') =>
    sqlite
      .prepare(
        `select c.id as id, c.code as code, c.name as name, count(*) as count
         from repair_lines rl join repair_codes c on c.id = rl.${column}
         join service_objects o on o.id = rl.service_object_id
         where rl.created_at >= ? and rl.created_at < ? and (? is null or o.item_id = ?)
         group by c.id order by count desc, c.code`
      )
      .all(start, end, i.itemId, i.itemId) as ParetoRow[]

  // The failed objects and every object of a model that failed in the period, with their failures.
  const objects = sqlite
    .prepare(
      `with failed as (
         select service_object_id as id, count(distinct order_id) as failures from repair_lines
         where created_at >= ? and created_at < ? group by service_object_id)
       select o.id as id, o.number as number, o.name as name, o.item_id as itemId, it.number as itemNumber,
         it.name as itemName, o.installation_date as installed, coalesce(f.failures, 0) as failures
       from service_objects o left join items it on it.id = o.item_id left join failed f on f.id = o.id
       where f.id is not null
         or o.item_id in (select s.item_id from failed join service_objects s on s.id = failed.id)`
    )
    .all(start, end) as ObjectRow[]

  const operatingDays = (o: ObjectRow) => {
    if (o.installed !== null && o.installed > i.to) return 0
    const from = o.installed !== null && o.installed > i.from ? o.installed : i.from
    return daysBetween(from, i.to) + 1
  }
  const mtbf = (days: number, failures: number) => (failures === 0 ? null : days / failures)

  const models = new Map<number, RepairAnalysis['byItem'][number]>()
  for (const o of objects) {
    if (o.itemId === null) continue
    const m = models.get(o.itemId) ?? {
      itemId: o.itemId,
      itemNumber: o.itemNumber ?? '',
      itemName: o.itemName ?? '',
      objects: 0,
      operatingDays: 0,
      failures: 0,
      mtbfDays: null
    }
    m.objects += 1
    m.operatingDays += operatingDays(o)
    m.failures += o.failures
    models.set(o.itemId, m)
  }
  const byItem = [...models.values()]
    .map((m) => ({ ...m, mtbfDays: mtbf(m.operatingDays, m.failures) }))
    .sort((a, b) => (a.mtbfDays ?? Infinity) - (b.mtbfDays ?? Infinity) || a.itemNumber.localeCompare(b.itemNumber))

  const byObject = objects
    .filter((o) => o.failures > 0 && (i.itemId === null || o.itemId === i.itemId))
    .map((o) => {
      const days = operatingDays(o)
      return {
        serviceObjectId: o.id,
        objectNumber: o.number,
        objectName: o.name,
        itemName: o.itemName,
        operatingDays: days,
        failures: o.failures,
        mtbfDays: mtbf(days, o.failures)
      }
    })
    .sort((a, b) => a.mtbfDays! - b.mtbfDays! || a.objectNumber.localeCompare(b.objectNumber))
    .slice(0, MAX_OBJECTS)

  return { symptoms: pareto('symptom_code_id'), resolutions: pareto('resolution_id'), byItem, byObject }
}
