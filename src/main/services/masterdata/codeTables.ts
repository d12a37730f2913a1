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
  categories,
  customerGroups,
  customers,
  dispatchTeams,
  items,
  numberSequences,
  serviceObjectGroups,
  serviceObjects,
  serviceOrderLines,
  serviceTaskSkills,
  skills,
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
  label: 'Customer group',
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
  references: [{ column: customers.groupId, label: 'customers' }]
})
export const skillService = codeTable('skill', 'Skill', skills, [
  { column: workerSkills.skillId, label: 'workers' },
  { column: serviceTaskSkills.skillId, label: 'service tasks' }
])
export const serviceObjectGroupService = codeTable('serviceObjectGroup', 'Service object group', serviceObjectGroups, [
  { column: serviceObjects.groupId, label: 'service objects' }
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
  label: 'Dispatch team',
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
  references: [{ column: workers.teamId, label: 'workers' }]
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
  label: 'Item',
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
    { column: serviceObjects.itemId, label: 'service objects' },
    { column: serviceOrderLines.itemId, label: 'service order lines' },
    { column: agreementLines.itemId, label: 'agreement lines' }
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
  label: 'Category',
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
    { column: serviceOrderLines.categoryId, label: 'service order lines' },
    { column: agreementLines.categoryId, label: 'agreement lines' }
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
  label: 'Number sequence',
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
      throw invalid(['nextNumber'], `Numbers below ${current.next} may already be used; the next number cannot go back.`)
    }
    if (current && current.code !== i.code && isBuiltIn(current.code)) {
      throw invalid(['code'], 'Hooldus uses this sequence by its code; the code cannot change.')
    }
  },
  // A built-in sequence deleted (or recoded) would be recreated at 1 on the next start and reuse numbers.
  guardDelete: (_ctx, row) => {
    if (isBuiltIn(row.code)) throw new AppError('CONFLICT', `Number sequence "${row.code}" is used by Hooldus and cannot be deleted.`)
  },
  references: []
})
