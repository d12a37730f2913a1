import { eq, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import {
  accrualAllowed,
  type PeriodCode,
  type SubscriptionGroupRow,
  type SubscriptionParameters,
  type SubscriptionPriceRow
} from '@shared/domain/subscriptions'
import type { Db } from '../../db/connection'
import {
  categories,
  customers,
  numberSequences,
  subscriptionGroups,
  subscriptionParameters,
  subscriptionPrices,
  subscriptions
} from '../../db/schema'
import { audit } from '../core/audit'
import { requirePermission, type ServiceContext } from '../core/context'
import { invalid } from '../core/errors'
import { writeTx } from '../core/tx'
import { defineEntity } from '../masterdata/entity'

const groupSelection = {
  id: subscriptionGroups.id,
  version: subscriptionGroups.version,
  code: subscriptionGroups.code,
  name: subscriptionGroups.name,
  invoicingPeriod: sql<PeriodCode>`${subscriptionGroups.invoicingPeriod}`,
  accrue: subscriptionGroups.accrue,
  accrualPeriod: sql<PeriodCode | null>`${subscriptionGroups.accrualPeriod}`,
  numberSequence: subscriptionGroups.numberSequence
}

type GroupIn = ParsedInput<'subscriptionGroups.create'>

export const subscriptionGroupService = defineEntity({
  entity: 'subscriptionGroup',
  label: 'subscriptionGroup',
  table: subscriptionGroups,
  list: {
    table: subscriptionGroups,
    idColumn: subscriptionGroups.id,
    selection: groupSelection,
    sort: { code: subscriptionGroups.code, name: subscriptionGroups.name },
    defaultSort: 'code',
    toRow: (r): SubscriptionGroupRow => r
  },
  searchColumns: [subscriptionGroups.code, subscriptionGroups.name],
  load: (db, id): SubscriptionGroupRow | undefined =>
    db.select(groupSelection).from(subscriptionGroups).where(eq(subscriptionGroups.id, id)).get(),
  // A group that does not accrue keeps no accrual period, so switching accrual on later asks for one again.
  values: (i: GroupIn) => ({ ...i, accrualPeriod: i.accrue ? i.accrualPeriod : null }),
  validate: (ctx, i, id) => {
    if (i.accrue && i.accrualPeriod !== null && !accrualAllowed(i.invoicingPeriod, i.accrualPeriod))
      throw invalid(['accrualPeriod'], 'errors.subscriptions.accrualNotAllowed', {
        invoicing: { key: `enums.periodCode.${i.invoicingPeriod}` },
        accrual: { key: `enums.periodCode.${i.accrualPeriod}` }
      })
    if (
      i.numberSequence !== '' &&
      !ctx.db.select({ code: numberSequences.code }).from(numberSequences).where(eq(numberSequences.code, i.numberSequence)).get()
    )
      throw invalid(['numberSequence'], 'errors.sequenceMissing', { code: i.numberSequence })
    if (id !== null) {
      const before = ctx.db
        .select({ p: subscriptionGroups.invoicingPeriod })
        .from(subscriptionGroups)
        .where(eq(subscriptionGroups.id, id))
        .get()
      const used = ctx.db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.groupId, id)).limit(1).get()
      // The fees already made are keyed by the old periods: a new period would cut across them.
      if (before && before.p !== i.invoicingPeriod && used) throw invalid(['invoicingPeriod'], 'errors.subscriptions.periodInUse')
    }
  },
  references: [{ column: subscriptions.groupId, label: 'errors.uses.subscriptions' }]
})

const priceSelection = {
  id: subscriptionPrices.id,
  version: subscriptionPrices.version,
  periodCode: sql<PeriodCode>`${subscriptionPrices.periodCode}`,
  currency: subscriptionPrices.currency,
  subscriptionId: subscriptionPrices.subscriptionId,
  customerId: subscriptionPrices.customerId,
  categoryId: subscriptionPrices.categoryId,
  validFrom: subscriptionPrices.validFrom,
  validTo: subscriptionPrices.validTo,
  amount: subscriptionPrices.amount,
  subscriptionNumber: sql<string | null>`(select s.number from ${subscriptions} s where s.id = ${subscriptionPrices.subscriptionId})`,
  customerName: sql<string | null>`(select c.name from ${customers} c where c.id = ${subscriptionPrices.customerId})`,
  categoryName: sql<string | null>`(select c.name from ${categories} c where c.id = ${subscriptionPrices.categoryId})`,
  level: sql<number>`(case when ${subscriptionPrices.subscriptionId} is null then 0 else 4 end) + (case when ${subscriptionPrices.customerId} is null then 0 else 2 end) + (case when ${subscriptionPrices.categoryId} is null then 0 else 1 end)`
}

type PriceFilters = ParsedInput<'subscriptionPrices.list'>

export const subscriptionPriceService = defineEntity({
  entity: 'subscriptionPrice',
  label: 'subscriptionPrice',
  table: subscriptionPrices,
  list: {
    table: subscriptionPrices,
    idColumn: subscriptionPrices.id,
    selection: priceSelection,
    sort: {
      validFrom: subscriptionPrices.validFrom,
      periodCode: subscriptionPrices.periodCode,
      amount: subscriptionPrices.amount,
      level: priceSelection.level
    },
    defaultSort: 'validFrom',
    toRow: (r): SubscriptionPriceRow => r
  },
  searchColumns: [subscriptionPrices.currency],
  filters: (f: PriceFilters) => [
    f.subscriptionId === null ? undefined : eq(subscriptionPrices.subscriptionId, f.subscriptionId),
    f.periodCode === null ? undefined : eq(subscriptionPrices.periodCode, f.periodCode)
  ],
  load: (db, id): SubscriptionPriceRow | undefined =>
    db.select(priceSelection).from(subscriptionPrices).where(eq(subscriptionPrices.id, id)).get(),
  values: (i: ParsedInput<'subscriptionPrices.create'>) => i,
  validate: (ctx, i) => {
    const refs: [number | null, 'customerId' | 'subscriptionId' | 'categoryId'][] = [
      [i.customerId, 'customerId'],
      [i.subscriptionId, 'subscriptionId'],
      [i.categoryId, 'categoryId']
    ]
    for (const [id, field] of refs) {
      if (id === null) continue
      const table = field === 'customerId' ? customers : field === 'subscriptionId' ? subscriptions : categories
      if (!ctx.db.select({ id: table.id }).from(table).where(eq(table.id, id)).get()) throw invalid([field], 'validation.invalid')
    }
  },
  references: []
})

const DEFAULT_PARAMETERS: SubscriptionParameters = { invoiceWithOrderLines: false, reverseOnCredit: 'automatic' }

export function loadParameters(db: Db): SubscriptionParameters {
  const row = db.select().from(subscriptionParameters).where(eq(subscriptionParameters.id, 1)).get()
  return row
    ? {
        invoiceWithOrderLines: row.invoiceWithOrderLines,
        reverseOnCredit: row.reverseOnCredit as SubscriptionParameters['reverseOnCredit']
      }
    : DEFAULT_PARAMETERS
}

export function getParameters(ctx: ServiceContext): SubscriptionParameters {
  return loadParameters(ctx.db)
}

export function setParameters(ctx: ServiceContext, i: SubscriptionParameters): SubscriptionParameters {
  return writeTx(ctx, () => {
    requirePermission(ctx, 'subscriptions.configure')
    const before = loadParameters(ctx.db)
    ctx.db
      .insert(subscriptionParameters)
      .values({ id: 1, ...i })
      .onConflictDoUpdate({ target: subscriptionParameters.id, set: i })
      .run()
    audit(ctx, 'subscriptionParameters', 1, 'update', before, i)
    return loadParameters(ctx.db)
  })
}
