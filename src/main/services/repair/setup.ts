import { and, eq, isNull, ne, or, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { ParsedInput } from '@shared/api/contract'
import { AREA_OF, type RepairCodeKind, type RepairCodeRow, type repairCodeInput, type RepairSettings } from '@shared/domain/repair'
import type { Db } from '../../db/connection'
import { repairCodes, repairLines, repairSettings, serviceObjectGroups } from '../../db/schema'
import { audit } from '../core/audit'
import type { ServiceContext } from '../core/context'
import { conflict, invalid } from '../core/errors'
import { outer } from '../core/list'
import { writeTx } from '../core/tx'
import { defineEntity } from '../masterdata/entity'

const selection = {
  id: repairCodes.id,
  version: repairCodes.version,
  kind: sql<RepairCodeKind>`${repairCodes.kind}`,
  code: repairCodes.code,
  name: repairCodes.name,
  areaId: repairCodes.areaId,
  areaName: sql<string | null>`(select a.name from repair_codes a where a.id = ${outer(repairCodes.areaId)})`,
  objectGroupId: repairCodes.objectGroupId,
  objectGroupName: sql<string | null>`(select g.name from service_object_groups g where g.id = ${outer(repairCodes.objectGroupId)})`,
  finished: repairCodes.finished
}

type CodeIn = z.output<typeof repairCodeInput>

function validateCode(ctx: ServiceContext, i: CodeIn, id: number | null): void {
  const areaKind = AREA_OF[i.kind]
  if (areaKind) {
    if (i.areaId === null) throw invalid(['areaId'], 'errors.repair.areaNeeded')
    const area = ctx.db.select({ kind: repairCodes.kind }).from(repairCodes).where(eq(repairCodes.id, i.areaId)).get()
    if (area?.kind !== areaKind) throw invalid(['areaId'], 'errors.repair.areaNeeded')
  }
  if (
    i.objectGroupId !== null &&
    !ctx.db.select({ id: serviceObjectGroups.id }).from(serviceObjectGroups).where(eq(serviceObjectGroups.id, i.objectGroupId)).get()
  )
    throw invalid(['objectGroupId'], 'errors.choose.group')
  const twin = ctx.db
    .select({ id: repairCodes.id })
    .from(repairCodes)
    .where(and(eq(repairCodes.kind, i.kind), eq(repairCodes.code, i.code), id === null ? undefined : ne(repairCodes.id, id)))
    .get()
  if (twin) throw invalid(['code'], 'errors.repair.duplicateCode', { code: i.code })
  if (id !== null) {
    const before = ctx.db.select({ kind: repairCodes.kind }).from(repairCodes).where(eq(repairCodes.id, id)).get()
    if (before && before.kind !== i.kind) throw invalid(['kind'], 'errors.repair.kindFixed')
  }
}

/** Conditions, symptom and diagnosis areas and codes, resolutions and repair stages: one code table. */
export const repairCodeService = defineEntity({
  entity: 'repairCode',
  label: 'repairCode',
  table: repairCodes,
  list: {
    table: repairCodes,
    idColumn: repairCodes.id,
    selection,
    sort: { code: repairCodes.code, name: repairCodes.name, kind: repairCodes.kind },
    defaultSort: 'code',
    toRow: (r): RepairCodeRow => r
  },
  searchColumns: [repairCodes.code, repairCodes.name],
  filters: (f: ParsedInput<'repairCodes.list'>) => [
    f.kind === null ? undefined : eq(repairCodes.kind, f.kind),
    f.areaId === null ? undefined : eq(repairCodes.areaId, f.areaId),
    f.objectGroupId === null ? undefined : or(isNull(repairCodes.objectGroupId), eq(repairCodes.objectGroupId, f.objectGroupId))
  ],
  load: (db, id): RepairCodeRow | undefined => db.select(selection).from(repairCodes).where(eq(repairCodes.id, id)).get(),
  values: (i: CodeIn) => ({
    kind: i.kind,
    code: i.code,
    name: i.name,
    areaId: AREA_OF[i.kind] ? i.areaId : null,
    objectGroupId: i.objectGroupId,
    finished: i.kind === 'stage' && i.finished
  }),
  validate: validateCode,
  references: [
    { column: repairCodes.areaId, label: 'errors.uses.repairCodes' },
    { column: repairLines.symptomAreaId, label: 'errors.uses.repairLines' },
    { column: repairLines.symptomCodeId, label: 'errors.uses.repairLines' },
    { column: repairLines.conditionId, label: 'errors.uses.repairLines' },
    { column: repairLines.diagnosisAreaId, label: 'errors.uses.repairLines' },
    { column: repairLines.diagnosisCodeId, label: 'errors.uses.repairLines' },
    { column: repairLines.resolutionId, label: 'errors.uses.repairLines' },
    { column: repairLines.stageId, label: 'errors.uses.repairLines' }
  ]
})

const DEFAULTS = { repeatWindowDays: 30, resolutionRequired: true, version: 1 }

/** The row is written on the first change; until then the defaults hold (nothing to seed or migrate). */
export function loadRepairSettings(db: Db): RepairSettings {
  const row = db.select().from(repairSettings).where(eq(repairSettings.id, 1)).get()
  return row ? { repeatWindowDays: row.repeatWindowDays, resolutionRequired: row.resolutionRequired, version: row.version } : DEFAULTS
}

export function getRepairSettings(ctx: ServiceContext): RepairSettings {
  return loadRepairSettings(ctx.db)
}

export function updateRepairSettings(ctx: ServiceContext, i: ParsedInput<'repairSettings.update'>): RepairSettings {
  return writeTx(ctx, () => {
    const before = loadRepairSettings(ctx.db)
    if (before.version !== i.version) throw conflict('settings')
    const values = { repeatWindowDays: i.repeatWindowDays, resolutionRequired: i.resolutionRequired, version: i.version + 1 }
    ctx.db
      .insert(repairSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: repairSettings.id, set: values })
      .run()
    const after = loadRepairSettings(ctx.db)
    audit(ctx, 'repairSettings', 1, 'update', before, after)
    return after
  })
}

interface CodeRecord {
  id: number
  kind: string
  code: string
  name: string
  areaId: number | null
  objectGroupId: number | null
  finished: boolean
}

/**
 * A code of the expected kind that may be used on an object of `objectGroupId`: its own group limit and its
 * area's must be unset or that group. Refused naming the field otherwise.
 */
export function usableCode(db: Db, id: number, kind: RepairCodeKind, objectGroupId: number | null, field: string): CodeRecord {
  const c = db.select().from(repairCodes).where(eq(repairCodes.id, id)).get()
  if (!c || c.kind !== kind) throw invalid([field], 'errors.repair.wrongKind')
  const limits = [c.objectGroupId]
  if (c.areaId !== null)
    limits.push(db.select({ g: repairCodes.objectGroupId }).from(repairCodes).where(eq(repairCodes.id, c.areaId)).get()?.g ?? null)
  for (const g of limits) {
    if (g !== null && g !== objectGroupId) {
      const group = db.select({ name: serviceObjectGroups.name }).from(serviceObjectGroups).where(eq(serviceObjectGroups.id, g)).get()
      throw invalid([field], 'errors.repair.otherObjectGroup', { code: c.name, group: group?.name ?? '' })
    }
  }
  return c
}
