import { eq, inArray, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { type BusinessCalendar, calendarProblems } from '@shared/calendar'
import type { WeekHours } from '@shared/domain/masterdata'
import type { SlaRow } from '@shared/domain/sla'
import type { Priority } from '@shared/domain/orders'
import type { Db } from '../../db/connection'
import {
  agreementGroups,
  agreements,
  customerGroups,
  orderSlas,
  orderSlaTargets,
  serviceOrders,
  serviceStages,
  slaDefinitions,
  slaEvents,
  slaReasons,
  slaStages,
  slaTargets
} from '../../db/schema'
import { invalid, type MessageKey } from '../core/errors'
import { outer } from '../core/list'
import { codeTable } from '../masterdata/codeTable'
import { defineEntity } from '../masterdata/entity'
import { loadSettings } from '../settings/settings'

type SlaIn = ParsedInput<'slaDefinitions.create'>
type Holiday = { date: string; name: string }

const targetsJson = sql<string>`(select json_group_array(json_object('priority', t.priority, 'responseMinutes', t.response_minutes,
  'arrivalMinutes', t.arrival_minutes, 'resolutionMinutes', t.resolution_minutes)) from sla_targets t where t.sla_id = ${outer(slaDefinitions.id)})`
const stagesJson = (role: string) =>
  sql<string>`(select json_group_array(s.stage_id) from sla_stages s where s.sla_id = ${outer(slaDefinitions.id)} and s.role = ${role})`

const selection = {
  id: slaDefinitions.id,
  version: slaDefinitions.version,
  code: slaDefinitions.code,
  name: slaDefinitions.name,
  description: slaDefinitions.description,
  workingHours: slaDefinitions.workingHours,
  holidays: slaDefinitions.holidays,
  suspended: slaDefinitions.suspended,
  targets: targetsJson,
  pauseStageIds: stagesJson('pause'),
  respondStageIds: stagesJson('respond'),
  resolveStageIds: stagesJson('resolve'),
  inUse: sql<number>`(select count(*) from order_slas o where o.sla_id = ${outer(slaDefinitions.id)})`
}

const PRIORITY_ORDER: Priority[] = ['high', 'normal', 'low']

function toRow(r: { [K in keyof typeof selection]: unknown }): SlaRow {
  const targets = (JSON.parse(r.targets as string) as SlaRow['targets']).sort(
    (a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority)
  )
  const ids = (v: unknown) => (JSON.parse(v as string) as number[]).sort((a, b) => a - b)
  return {
    id: r.id as number,
    version: r.version as number,
    code: r.code as string,
    name: r.name as string,
    description: r.description as string,
    workingHours: (r.workingHours as WeekHours | null) ?? null,
    holidays: (r.holidays as Holiday[] | null) ?? null,
    suspended: r.suspended as boolean,
    targets,
    pauseStageIds: ids(r.pauseStageIds),
    respondStageIds: ids(r.respondStageIds),
    resolveStageIds: ids(r.resolveStageIds),
    inUse: r.inUse as number
  }
}

function validate(db: Db, i: SlaIn): void {
  // An own calendar needs both halves; holidays alone would silently mean "no working hours".
  if (i.workingHours === null && i.holidays !== null && i.holidays.length > 0) {
    throw invalid(['workingHours'], 'errors.sla.ownCalendar')
  }
  if (i.workingHours !== null) {
    const problems = calendarProblems(
      i.workingHours,
      (i.holidays ?? []).map((h) => h.date)
    )
    if (problems.length > 0) {
      const onHolidays = problems.find((p) =>
        ['errors.calendar.holidaysClose', 'errors.calendar.notADate', 'errors.calendar.listedTwice'].includes(p.key)
      )
      const problem = onHolidays ?? problems[0]!
      throw invalid([onHolidays ? 'holidays' : 'workingHours'], problem.key as MessageKey, problem.params)
    }
  }
  const seen = new Set<string>()
  i.targets.forEach((t, n) => {
    if (seen.has(t.priority)) throw invalid(['targets', n, 'priority'], 'errors.sla.targetTwice', { priority: t.priority })
    seen.add(t.priority)
  })
  const fields = [
    ['pauseStageIds', i.pauseStageIds],
    ['respondStageIds', i.respondStageIds],
    ['resolveStageIds', i.resolveStageIds]
  ] as const
  const all = [...new Set(fields.flatMap(([, ids]) => ids))]
  const known = new Set(
    all.length === 0
      ? []
      : db
          .select({ id: serviceStages.id })
          .from(serviceStages)
          .where(inArray(serviceStages.id, all))
          .all()
          .map((s) => s.id)
  )
  for (const [field, ids] of fields) {
    const n = ids.findIndex((id) => !known.has(id))
    if (n >= 0) throw invalid([field, n], 'errors.choose.stage')
  }
  const pause = new Set(i.pauseStageIds)
  for (const [field, ids] of fields.slice(1)) {
    const n = ids.findIndex((id) => pause.has(id))
    if (n >= 0) throw invalid([field, n], 'errors.sla.pauseAndMeet')
  }
}

export const slaDefinitionService = defineEntity({
  entity: 'slaDefinition',
  label: 'sla',
  table: slaDefinitions,
  list: {
    table: slaDefinitions,
    idColumn: slaDefinitions.id,
    selection,
    sort: { code: slaDefinitions.code, name: slaDefinitions.name },
    defaultSort: 'code',
    toRow
  },
  searchColumns: [slaDefinitions.code, slaDefinitions.name],
  load: (db, id) => {
    const r = db.select(selection).from(slaDefinitions).where(eq(slaDefinitions.id, id)).get()
    return r ? toRow(r) : undefined
  },
  validate: (ctx, i: SlaIn) => validate(ctx.db, i),
  values: (i: SlaIn) => ({
    code: i.code,
    name: i.name,
    description: i.description,
    workingHours: i.workingHours,
    holidays: i.workingHours === null ? null : [...(i.holidays ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
    suspended: i.suspended
  }),
  saveChildren: (ctx, id, i) => {
    ctx.db.delete(slaTargets).where(eq(slaTargets.slaId, id)).run()
    for (const t of i.targets)
      ctx.db
        .insert(slaTargets)
        .values({ slaId: id, ...t })
        .run()
    ctx.db.delete(slaStages).where(eq(slaStages.slaId, id)).run()
    const roles = [
      ['pause', i.pauseStageIds],
      ['respond', i.respondStageIds],
      ['resolve', i.resolveStageIds]
    ] as const
    for (const [role, ids] of roles) for (const stageId of new Set(ids)) ctx.db.insert(slaStages).values({ slaId: id, stageId, role }).run()
  },
  references: [
    { column: customerGroups.slaId, label: 'errors.uses.customerGroups' },
    { column: agreementGroups.slaId, label: 'errors.uses.agreementGroups' },
    { column: agreements.slaId, label: 'errors.uses.agreements' },
    { column: serviceOrders.slaId, label: 'errors.uses.serviceOrders' },
    { column: orderSlas.slaId, label: 'errors.uses.orderClocks' }
  ]
})

export const slaReasonService = codeTable('slaReason', 'slaReason', slaReasons, [
  { column: orderSlaTargets.reasonId, label: 'errors.uses.missedTargets' },
  { column: orderSlas.cancelReasonId, label: 'errors.uses.cancelledClocks' },
  { column: slaEvents.reasonId, label: 'errors.uses.slaLogEntries' }
])

export const DEFAULT_SLA_REASONS = [
  { code: 'CUST-UNAVAIL', name: 'Customer not available' },
  { code: 'PARTS', name: 'Waiting for parts' },
  { code: 'WEATHER', name: 'Weather or safety' },
  { code: 'WORKLOAD', name: 'No technician free in time' },
  { code: 'OTHER', name: 'Other (see the note)' }
] as const

/** Seeds the reason codes into a database that has none (the user may have edited or removed them since). */
export function ensureSlaReasons(db: Db): void {
  const has = db
    .select({ n: sql<number>`count(*)` })
    .from(slaReasons)
    .get()!.n
  if (has > 0) return
  for (const r of DEFAULT_SLA_REASONS) db.insert(slaReasons).values(r).onConflictDoNothing().run()
}

/** An optional SLA reference on a group, agreement or order must name an existing SLA (else a foreign-key error). */
export function checkSlaRef(db: Db, slaId: number | null, path: (string | number)[]): void {
  if (slaId !== null && !db.select({ id: slaDefinitions.id }).from(slaDefinitions).where(eq(slaDefinitions.id, slaId)).get()) {
    throw invalid(path, 'errors.choose.sla')
  }
}

/** What the clock needs of an SLA: its calendar, targets per priority and stage roles. */
export interface SlaSpec {
  id: number
  name: string
  suspended: boolean
  calendar: BusinessCalendar
  targets: Map<string, { response: number; arrival: number | null; resolution: number }>
  pause: Set<number>
  respond: Set<number>
  resolve: Set<number>
}

/**
 * SLA specs by id, read once per operation (a generator run, a sweep, a list page). The shop calendar is one
 * object for all SLAs that use it, so the calendar's per-day cache is shared too.
 */
export class SlaCache {
  private readonly specs = new Map<number, SlaSpec | null>()
  private shop: BusinessCalendar | null = null
  private timeZone: string | null = null
  constructor(private readonly db: Db) {}

  private shopCalendar(): BusinessCalendar {
    if (!this.shop) {
      const s = loadSettings(this.db)
      this.timeZone = s.timeZone
      this.shop = { timeZone: s.timeZone, week: s.workingHours, holidays: new Set(s.holidays.map((h) => h.date)) }
    }
    return this.shop
  }

  get(id: number): SlaSpec | null {
    let spec = this.specs.get(id)
    if (spec !== undefined) return spec
    const row = slaDefinitionService.config.load(this.db, id)
    if (!row) spec = null
    else {
      const shop = this.shopCalendar()
      spec = {
        id: row.id,
        name: row.name,
        suspended: row.suspended,
        calendar:
          row.workingHours === null
            ? shop
            : { timeZone: this.timeZone!, week: row.workingHours, holidays: new Set((row.holidays ?? []).map((h) => h.date)) },
        targets: new Map(
          row.targets.map((t) => [t.priority, { response: t.responseMinutes, arrival: t.arrivalMinutes, resolution: t.resolutionMinutes }])
        ),
        pause: new Set(row.pauseStageIds),
        respond: new Set(row.respondStageIds),
        resolve: new Set(row.resolveStageIds)
      }
    }
    this.specs.set(id, spec)
    return spec
  }
}
