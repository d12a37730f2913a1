import { eq, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { AgreementGroupRow, IntervalRow, TimeWindowRow } from '@shared/domain/agreements'
import { agreementGroups, agreementLines, agreements, serviceIntervals, templateGroups, timeWindows } from '../../db/schema'
import { invalid } from '../core/errors'
import { outer } from '../core/list'
import { defineEntity } from '../masterdata/entity'
import { checkSlaRef } from '../sla/definitions'

const groupSelection = {
  id: agreementGroups.id,
  version: agreementGroups.version,
  code: agreementGroups.code,
  name: agreementGroups.name,
  slaId: agreementGroups.slaId
}
export const agreementGroupService = defineEntity({
  entity: 'agreementGroup',
  label: 'agreementGroup',
  table: agreementGroups,
  list: {
    table: agreementGroups,
    idColumn: agreementGroups.id,
    selection: groupSelection,
    sort: { code: agreementGroups.code, name: agreementGroups.name },
    defaultSort: 'code',
    toRow: (r): AgreementGroupRow => r
  },
  searchColumns: [agreementGroups.code, agreementGroups.name],
  load: (db, id): AgreementGroupRow | undefined => db.select(groupSelection).from(agreementGroups).where(eq(agreementGroups.id, id)).get(),
  values: (i: ParsedInput<'agreementGroups.create'>) => i,
  validate: (ctx, i) => checkSlaRef(ctx.db, i.slaId, ['slaId']),
  references: [{ column: agreements.groupId, label: 'errors.uses.agreements' }]
})

const intervalSelection = {
  id: serviceIntervals.id,
  version: serviceIntervals.version,
  code: serviceIntervals.code,
  name: serviceIntervals.name,
  unit: sql<IntervalRow['unit']>`${serviceIntervals.unit}`,
  every: serviceIntervals.every
}
export const intervalService = defineEntity({
  entity: 'serviceInterval',
  label: 'serviceInterval',
  table: serviceIntervals,
  list: {
    table: serviceIntervals,
    idColumn: serviceIntervals.id,
    selection: intervalSelection,
    sort: { code: serviceIntervals.code, name: serviceIntervals.name },
    defaultSort: 'code',
    toRow: (r): IntervalRow => r
  },
  searchColumns: [serviceIntervals.code, serviceIntervals.name],
  load: (db, id): IntervalRow | undefined => db.select(intervalSelection).from(serviceIntervals).where(eq(serviceIntervals.id, id)).get(),
  values: (i: ParsedInput<'serviceIntervals.create'>) => i,
  references: [{ column: agreementLines.intervalId, label: 'errors.uses.agreementLines' }]
})

const windowSelection = {
  id: timeWindows.id,
  version: timeWindows.version,
  code: timeWindows.code,
  name: timeWindows.name,
  kind: sql<TimeWindowRow['kind']>`${timeWindows.kind}`,
  daysBefore: timeWindows.daysBefore,
  daysAfter: timeWindows.daysAfter
}
export const timeWindowService = defineEntity({
  entity: 'timeWindow',
  label: 'timeWindow',
  table: timeWindows,
  list: {
    table: timeWindows,
    idColumn: timeWindows.id,
    selection: windowSelection,
    sort: { code: timeWindows.code, name: timeWindows.name },
    defaultSort: 'code',
    toRow: (r): TimeWindowRow => r
  },
  searchColumns: [timeWindows.code, timeWindows.name],
  load: (db, id): TimeWindowRow | undefined => db.select(windowSelection).from(timeWindows).where(eq(timeWindows.id, id)).get(),
  // Week and month windows are whole periods; their day counts mean nothing and are stored as 0.
  values: (i: ParsedInput<'timeWindows.create'>) => (i.kind === 'manual' ? i : { ...i, daysBefore: 0, daysAfter: 0 }),
  references: [{ column: agreementLines.timeWindowId, label: 'errors.uses.agreementLines' }]
})

const templateSelection = {
  id: templateGroups.id,
  version: templateGroups.version,
  code: templateGroups.code,
  name: templateGroups.name,
  parentId: templateGroups.parentId,
  parentName: sql<string | null>`(select p.name from template_groups p where p.id = ${outer(templateGroups.parentId)})`
}
export const templateGroupService = defineEntity({
  entity: 'templateGroup',
  label: 'templateGroup',
  table: templateGroups,
  list: {
    table: templateGroups,
    idColumn: templateGroups.id,
    selection: templateSelection,
    sort: { code: templateGroups.code, name: templateGroups.name },
    defaultSort: 'code',
    toRow: (r) => r
  },
  searchColumns: [templateGroups.code, templateGroups.name],
  load: (db, id) => db.select(templateSelection).from(templateGroups).where(eq(templateGroups.id, id)).get(),
  values: (i: ParsedInput<'templateGroups.create'>) => i,
  validate: (ctx, i, id) => {
    for (let cur: number | null = i.parentId, depth = 0; cur !== null; depth++) {
      if (cur === id || depth > 50) throw invalid(['parentId'], 'errors.agreements.groupInItself')
      cur = ctx.db.select({ p: templateGroups.parentId }).from(templateGroups).where(eq(templateGroups.id, cur)).get()?.p ?? null
    }
  },
  references: [
    { column: agreements.templateGroupId, label: 'errors.uses.templateAgreements' },
    { column: templateGroups.parentId, label: 'errors.uses.subGroups' }
  ]
})

/** Intervals and windows a new database starts with. */
export const DEFAULT_INTERVALS = [
  { code: 'WEEKLY', name: 'Every week', unit: 'week', every: 1 },
  { code: 'BIWEEKLY', name: 'Every 2 weeks', unit: 'week', every: 2 },
  { code: 'MONTHLY', name: 'Every month', unit: 'month', every: 1 },
  { code: 'QUARTERLY', name: 'Every 3 months', unit: 'month', every: 3 },
  { code: 'HALFYEAR', name: 'Every 6 months', unit: 'month', every: 6 },
  { code: 'YEARLY', name: 'Every year', unit: 'year', every: 1 }
] as const
export const DEFAULT_WINDOWS = [
  { code: 'WEEK', name: 'Within the week', kind: 'week', daysBefore: 0, daysAfter: 0 },
  { code: 'MONTH', name: 'Within the month', kind: 'month', daysBefore: 0, daysAfter: 0 },
  { code: 'PM3', name: '± 3 days', kind: 'manual', daysBefore: 3, daysAfter: 3 }
] as const
