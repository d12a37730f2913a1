import { eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type {
  DispositionRow,
  dispositionInput,
  ReturnReasonGroupRow,
  returnReasonGroupInput,
  ReturnReasonRow,
  returnReasonInput
} from '@shared/domain/returns'
import { tFor } from '@shared/i18n/i18n'
import { translate } from '@shared/i18n/issues'
import { categories, dispositionCodes, items, returnLines, returnOrders, returnReasonGroups, returnReasons, users } from '../../db/schema'
import { companyLanguage } from '../settings/settings'
import { invalid } from '../core/errors'
import type { Db } from '../../db/connection'
import { outer } from '../core/list'
import { defineEntity } from '../masterdata/entity'

const groupSelection = {
  id: returnReasonGroups.id,
  version: returnReasonGroups.version,
  code: returnReasonGroups.code,
  name: returnReasonGroups.name
}
export const returnReasonGroupService = defineEntity({
  entity: 'returnReasonGroup',
  label: 'returnReasonGroup',
  table: returnReasonGroups,
  list: {
    table: returnReasonGroups,
    idColumn: returnReasonGroups.id,
    selection: groupSelection,
    sort: { code: returnReasonGroups.code, name: returnReasonGroups.name },
    defaultSort: 'code',
    toRow: (r): ReturnReasonGroupRow => r
  },
  searchColumns: [returnReasonGroups.code, returnReasonGroups.name],
  load: (db, id): ReturnReasonGroupRow | undefined =>
    db.select(groupSelection).from(returnReasonGroups).where(eq(returnReasonGroups.id, id)).get(),
  values: (i: z.output<typeof returnReasonGroupInput>) => i,
  references: [{ column: returnReasons.groupId, label: 'errors.uses.returnReasons' }]
})

const reasonSelection = {
  id: returnReasons.id,
  version: returnReasons.version,
  code: returnReasons.code,
  name: returnReasons.name,
  groupId: returnReasons.groupId,
  groupName: sql<string | null>`(select g.name from ${returnReasonGroups} g where g.id = ${outer(returnReasons.groupId)})`,
  chargeCategoryId: returnReasons.chargeCategoryId,
  chargeItemId: returnReasons.chargeItemId,
  chargeAmount: returnReasons.chargeAmount
}
export const returnReasonService = defineEntity({
  entity: 'returnReason',
  label: 'returnReason',
  table: returnReasons,
  list: {
    table: returnReasons,
    idColumn: returnReasons.id,
    selection: reasonSelection,
    sort: { code: returnReasons.code, name: returnReasons.name },
    defaultSort: 'code',
    toRow: (r): ReturnReasonRow => r
  },
  searchColumns: [returnReasons.code, returnReasons.name],
  load: (db, id): ReturnReasonRow | undefined => db.select(reasonSelection).from(returnReasons).where(eq(returnReasons.id, id)).get(),
  values: (i: z.output<typeof returnReasonInput>) => i,
  validate: (ctx, i) => {
    if (
      i.groupId !== null &&
      !ctx.db.select({ id: returnReasonGroups.id }).from(returnReasonGroups).where(eq(returnReasonGroups.id, i.groupId)).get()
    )
      throw invalid(['groupId'], 'errors.returns.chooseGroup')
    if (
      i.chargeCategoryId !== null &&
      !ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.id, i.chargeCategoryId)).get()
    )
      throw invalid(['chargeCategoryId'], 'errors.choose.category')
    if (i.chargeItemId !== null && !ctx.db.select({ id: items.id }).from(items).where(eq(items.id, i.chargeItemId)).get())
      throw invalid(['chargeItemId'], 'errors.choose.item')
  },
  references: [{ column: returnOrders.reasonId, label: 'errors.uses.returnOrders' }]
})

const dispositionSelection = {
  id: dispositionCodes.id,
  version: dispositionCodes.version,
  code: dispositionCodes.code,
  name: dispositionCodes.name,
  action: sql<DispositionRow['action']>`${dispositionCodes.action}`
}
export const dispositionService = defineEntity({
  entity: 'dispositionCode',
  label: 'dispositionCode',
  table: dispositionCodes,
  list: {
    table: dispositionCodes,
    idColumn: dispositionCodes.id,
    selection: dispositionSelection,
    sort: { code: dispositionCodes.code, name: dispositionCodes.name, action: dispositionCodes.action },
    defaultSort: 'code',
    toRow: (r): DispositionRow => r
  },
  searchColumns: [dispositionCodes.code, dispositionCodes.name],
  load: (db, id): DispositionRow | undefined =>
    db.select(dispositionSelection).from(dispositionCodes).where(eq(dispositionCodes.id, id)).get(),
  values: (i: z.output<typeof dispositionInput>) => i,
  references: [{ column: returnLines.dispositionId, label: 'errors.uses.returnLines' }]
})

export const DEFAULT_DISPOSITIONS = [
  ['CREDIT-ONLY', 'creditOnly'],
  ['CREDIT', 'credit'],
  ['REPLACE-CREDIT', 'replaceCredit'],
  ['REPLACE-SCRAP', 'replaceScrap'],
  ['RETURN', 'returnToCustomer'],
  ['SCRAP', 'scrap'],
  ['REPAIR', 'repairReturn']
] as const
export const DEFAULT_RETURN_REASONS = ['DEFECT', 'WRONG'] as const

/**
 * One disposition code per action and one reason, so that a new company can take returns at once; codes are
 * editable setup afterwards. Seeded at start-up (never in a migration), only into empty tables. A database not
 * set up yet gets English names (first start renames them, see nameStarterData); one that is — a company
 * upgrading to returns — gets them in its own language at once.
 */
export function ensureReturnSetup(db: Db): void {
  const language = db.select({ id: users.id }).from(users).limit(1).get() ? companyLanguage(db) : 'en'
  const t = tFor(language)
  if (!db.select({ id: dispositionCodes.id }).from(dispositionCodes).limit(1).get()) {
    for (const [code, action] of DEFAULT_DISPOSITIONS)
      db.insert(dispositionCodes)
        .values({ code, name: translate(t, `seeds.dispositionCodes.${code}`), action })
        .run()
  }
  if (!db.select({ id: returnReasons.id }).from(returnReasons).limit(1).get()) {
    const group = db
      .insert(returnReasonGroups)
      .values({ code: 'QUALITY', name: translate(t, 'seeds.returnReasonGroups.QUALITY') })
      .returning({ id: returnReasonGroups.id })
      .get()
    for (const code of DEFAULT_RETURN_REASONS)
      db.insert(returnReasons)
        .values({ code, name: translate(t, `seeds.returnReasons.${code}`), groupId: group.id })
        .run()
  }
}
