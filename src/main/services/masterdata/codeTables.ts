import { eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { ParsedInput } from '@shared/api/contract'
import type {
  CategoryRow,
  categoryInput,
  CustomerGroupRow,
  customerGroupInput,
  DispatchTeamRow,
  dispatchTeamInput,
  ItemRow,
  itemInput,
  NumberSequenceRow,
  numberSequenceInput
} from '@shared/domain/masterdata'
import {
  agreementLines,
  bomTemplateComponents,
  bomTemplates,
  categories,
  customerGroups,
  customers,
  dispatchTeams,
  items,
  numberSequences,
  repairCodes,
  returnLines,
  returnReasons,
  serviceObjectGroups,
  serviceObjects,
  serviceOrderLines,
  serviceTaskSkills,
  skills,
  stockMovements,
  structureComponents,
  structureVersions,
  subscriptionPrices,
  subscriptions,
  workers,
  workerSkills
} from '../../db/schema'
import { AppError, invalid } from '../core/errors'
import { outer } from '../core/list'
import { DEFAULT_SEQUENCES, formatNumber } from '../core/sequences'
import { checkSlaRef } from '../sla/definitions'
import { codeTable } from './codeTable'
import { defineEntity } from './entity'

const customerGroupSelection = {
  id: customerGroups.id,
  version: customerGroups.version,
  code: customerGroups.code,
  name: customerGroups.name,
  slaId: customerGroups.slaId
}
export const customerGroupService = defineEntity({
  entity: 'customerGroup',
  label: 'customerGroup',
  table: customerGroups,
  list: {
    table: customerGroups,
    idColumn: customerGroups.id,
    selection: customerGroupSelection,
    sort: { code: customerGroups.code, name: customerGroups.name },
    defaultSort: 'code',
    toRow: (r): CustomerGroupRow => r
  },
  searchColumns: [customerGroups.code, customerGroups.name],
  load: (db, id): CustomerGroupRow | undefined =>
    db.select(customerGroupSelection).from(customerGroups).where(eq(customerGroups.id, id)).get(),
  values: (i: z.output<typeof customerGroupInput>) => ({ code: i.code, name: i.name, slaId: i.slaId }),
  validate: (ctx, i) => checkSlaRef(ctx.db, i.slaId, ['slaId']),
  references: [{ column: customers.groupId, label: 'errors.uses.customers' }]
})
export const skillService = codeTable('skill', 'skill', skills, [
  { column: workerSkills.skillId, label: 'errors.uses.workers' },
  { column: serviceTaskSkills.skillId, label: 'errors.uses.serviceTasks' }
])
export const serviceObjectGroupService = codeTable('serviceObjectGroup', 'serviceObjectGroup', serviceObjectGroups, [
  { column: serviceObjects.groupId, label: 'errors.uses.serviceObjects' },
  { column: repairCodes.objectGroupId, label: 'errors.uses.repairCodes' }
])

const teamSelection = {
  id: dispatchTeams.id,
  version: dispatchTeams.version,
  code: dispatchTeams.code,
  name: dispatchTeams.name,
  ownerWorkerId: dispatchTeams.ownerWorkerId,
  ownerName: sql<string | null>`(select w.name from workers w where w.id = ${outer(dispatchTeams.ownerWorkerId)})`,
  memberCount: sql<number>`(select count(*) from workers w where w.team_id = ${outer(dispatchTeams.id)})`
}
export const dispatchTeamService = defineEntity({
  entity: 'dispatchTeam',
  label: 'dispatchTeam',
  table: dispatchTeams,
  list: {
    table: dispatchTeams,
    idColumn: dispatchTeams.id,
    selection: teamSelection,
    sort: { code: dispatchTeams.code, name: dispatchTeams.name },
    defaultSort: 'code',
    toRow: (r): DispatchTeamRow => r
  },
  searchColumns: [dispatchTeams.code, dispatchTeams.name],
  load: (db, id): DispatchTeamRow | undefined => db.select(teamSelection).from(dispatchTeams).where(eq(dispatchTeams.id, id)).get(),
  values: (i: z.output<typeof dispatchTeamInput>) => ({ code: i.code, name: i.name, ownerWorkerId: i.ownerWorkerId }),
  references: [{ column: workers.teamId, label: 'errors.uses.workers' }]
})

const itemSelection = {
  id: items.id,
  version: items.version,
  number: items.number,
  name: items.name,
  unit: items.unit,
  costPrice: items.costPrice,
  salesPrice: items.salesPrice,
  serialTracked: items.serialTracked,
  active: items.active
}
export const itemService = defineEntity({
  entity: 'item',
  label: 'item',
  table: items,
  list: {
    table: items,
    idColumn: items.id,
    selection: itemSelection,
    sort: { number: items.number, name: items.name, salesPrice: items.salesPrice, costPrice: items.costPrice },
    defaultSort: 'number',
    toRow: (r): ItemRow => r
  },
  searchColumns: [items.number, items.name],
  filters: (f: ParsedInput<'items.list'>) => [f.active === null ? undefined : eq(items.active, f.active)],
  load: (db, id): ItemRow | undefined => db.select(itemSelection).from(items).where(eq(items.id, id)).get(),
  values: (i: z.output<typeof itemInput>) => i,
  references: [
    { column: serviceObjects.itemId, label: 'errors.uses.serviceObjects' },
    { column: serviceOrderLines.itemId, label: 'errors.uses.serviceOrderLines' },
    { column: agreementLines.itemId, label: 'errors.uses.agreementLines' },
    { column: returnLines.itemId, label: 'errors.uses.returnLines' },
    { column: returnLines.replacementItemId, label: 'errors.uses.returnLines' },
    { column: returnReasons.chargeItemId, label: 'errors.uses.returnReasons' },
    { column: stockMovements.itemId, label: 'errors.uses.stockMovements' },
    { column: bomTemplates.itemId, label: 'errors.uses.bomTemplates' },
    { column: bomTemplateComponents.itemId, label: 'errors.uses.bomComponents' },
    { column: structureComponents.itemId, label: 'errors.uses.structureComponents' },
    { column: structureVersions.itemId, label: 'errors.uses.structureVersions' },
    { column: structureVersions.oldItemId, label: 'errors.uses.structureVersions' }
  ]
})

const categorySelection = {
  id: categories.id,
  version: categories.version,
  code: categories.code,
  name: categories.name,
  type: sql<CategoryRow['type']>`${categories.type}`,
  unit: categories.unit,
  costPrice: categories.costPrice,
  salesPrice: categories.salesPrice
}
export const categoryService = defineEntity({
  entity: 'category',
  label: 'category',
  table: categories,
  list: {
    table: categories,
    idColumn: categories.id,
    selection: categorySelection,
    sort: { code: categories.code, name: categories.name, type: categories.type, salesPrice: categories.salesPrice },
    defaultSort: 'code',
    toRow: (r): CategoryRow => r
  },
  searchColumns: [categories.code, categories.name],
  filters: (f: ParsedInput<'categories.list'>) => [f.type === null ? undefined : eq(categories.type, f.type)],
  load: (db, id): CategoryRow | undefined => db.select(categorySelection).from(categories).where(eq(categories.id, id)).get(),
  values: (i: z.output<typeof categoryInput>) => i,
  references: [
    { column: serviceOrderLines.categoryId, label: 'errors.uses.serviceOrderLines' },
    { column: agreementLines.categoryId, label: 'errors.uses.agreementLines' },
    { column: returnReasons.chargeCategoryId, label: 'errors.uses.returnReasons' },
    { column: subscriptions.categoryId, label: 'errors.uses.subscriptions' },
    { column: subscriptionPrices.categoryId, label: 'errors.uses.subscriptionPrices' }
  ]
})

const sequenceSelection = {
  id: numberSequences.id,
  version: numberSequences.version,
  code: numberSequences.code,
  name: numberSequences.name,
  prefix: numberSequences.prefix,
  nextNumber: numberSequences.nextNumber,
  padding: numberSequences.padding
}
const isBuiltIn = (code: string) => DEFAULT_SEQUENCES.some((s) => s.code === code)
const withPreview = (r: Omit<NumberSequenceRow, 'preview'>): NumberSequenceRow => ({
  ...r,
  preview: formatNumber(r.prefix, r.nextNumber, r.padding)
})
export const numberSequenceService = defineEntity({
  entity: 'numberSequence',
  label: 'numberSequence',
  table: numberSequences,
  list: {
    table: numberSequences,
    idColumn: numberSequences.id,
    selection: sequenceSelection,
    sort: { code: numberSequences.code, name: numberSequences.name },
    defaultSort: 'code',
    toRow: withPreview
  },
  searchColumns: [numberSequences.code, numberSequences.name],
  load: (db, id) => {
    const r = db.select(sequenceSelection).from(numberSequences).where(eq(numberSequences.id, id)).get()
    return r ? withPreview(r) : undefined
  },
  values: (i: z.output<typeof numberSequenceInput>) => i,
  validate: (ctx, i, id) => {
    if (id === null) return
    const current = ctx.db
      .select({ next: numberSequences.nextNumber, code: numberSequences.code })
      .from(numberSequences)
      .where(eq(numberSequences.id, id))
      .get()
    if (current && i.nextNumber < current.next) {
      throw invalid(['nextNumber'], 'errors.masterdata.sequenceBack', { next: current.next })
    }
    if (current && current.code !== i.code && isBuiltIn(current.code)) {
      throw invalid(['code'], 'errors.masterdata.sequenceCode')
    }
  },
  // A built-in sequence deleted (or recoded) would be recreated at 1 on the next start and reuse numbers.
  guardDelete: (_ctx, row) => {
    if (isBuiltIn(row.code)) throw new AppError('CONFLICT', 'errors.masterdata.sequenceBuiltIn', { code: row.code })
  },
  references: []
})
