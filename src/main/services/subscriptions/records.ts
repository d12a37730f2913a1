import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type {
  FeeRow,
  FeeStatus,
  FeeTransactionKind,
  PeriodCode,
  ScheduleRow,
  SubscriptionListRow,
  SubscriptionRow
} from '@shared/domain/subscriptions'
import type { Db } from '../../db/connection'
import {
  agreements,
  categories,
  customers,
  invoiceLines,
  invoices,
  serviceObjects,
  subscriptionFees,
  subscriptionGroups,
  subscriptionObjects,
  subscriptionPrices,
  subscriptionRecognition,
  subscriptions
} from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { invalid, notFound } from '../core/errors'
import { type JoinableQuery, outer } from '../core/list'
import { nextNumber } from '../core/sequences'
import { writeTx } from '../core/tx'
import { defineEntity } from '../masterdata/entity'

type SubIn = ParsedInput<'subscriptions.create'>
type ListIn = ParsedInput<'subscriptions.list'>

const headSelection = {
  id: subscriptions.id,
  version: subscriptions.version,
  number: subscriptions.number,
  name: subscriptions.name,
  customerId: subscriptions.customerId,
  customerName: sql<string>`${customers.name}`,
  agreementId: subscriptions.agreementId,
  groupId: subscriptions.groupId,
  groupCode: sql<string>`${subscriptionGroups.code}`,
  invoicingPeriod: sql<PeriodCode>`${subscriptionGroups.invoicingPeriod}`,
  categoryId: subscriptions.categoryId,
  currency: subscriptions.currency,
  basePrice: subscriptions.basePrice,
  priceIndex: subscriptions.priceIndex,
  startDate: subscriptions.startDate,
  endDate: subscriptions.endDate,
  active: subscriptions.active
}

const listSelection = {
  ...headSelection,
  feesTotal: sql<number>`coalesce((select sum(f.amount) from ${subscriptionFees} f where f.subscription_id = ${outer(subscriptions.id)}), 0)`,
  lastPeriodEnd: sql<
    string | null
  >`(select max(f.to_date) from ${subscriptionFees} f where f.subscription_id = ${outer(subscriptions.id)} and f.kind in ('regular','nonRegular'))`
}

const joins = (q: JoinableQuery) =>
  q
    .innerJoin(customers, eq(customers.id, subscriptions.customerId))
    .innerJoin(subscriptionGroups, eq(subscriptionGroups.id, subscriptions.groupId))

function loadSubscription(db: Db, id: number): SubscriptionRow | undefined {
  const head = db
    .select({ ...headSelection, note: subscriptions.note })
    .from(subscriptions)
    .innerJoin(customers, eq(customers.id, subscriptions.customerId))
    .innerJoin(subscriptionGroups, eq(subscriptionGroups.id, subscriptions.groupId))
    .where(eq(subscriptions.id, id))
    .get()
  if (!head) return undefined
  const objects = db
    .select({ id: subscriptionObjects.serviceObjectId })
    .from(subscriptionObjects)
    .where(eq(subscriptionObjects.subscriptionId, id))
    .orderBy(asc(subscriptionObjects.serviceObjectId))
    .all()
  return { ...head, serviceObjectIds: objects.map((o) => o.id) }
}

function exists(db: Db, table: typeof customers | typeof agreements | typeof categories | typeof subscriptionGroups, id: number): boolean {
  return db.select({ id: table.id }).from(table).where(eq(table.id, id)).get() !== undefined
}

const entity = defineEntity({
  entity: 'subscription',
  label: 'subscription',
  table: subscriptions,
  list: {
    table: subscriptions,
    idColumn: subscriptions.id,
    selection: listSelection,
    joins,
    sort: {
      number: subscriptions.number,
      name: subscriptions.name,
      customerName: customers.name,
      startDate: subscriptions.startDate,
      basePrice: subscriptions.basePrice
    },
    defaultSort: 'number',
    toRow: (r): SubscriptionListRow => r
  },
  searchColumns: [subscriptions.number, subscriptions.name, customers.name],
  filters: (f: ListIn) => [
    f.customerId === null ? undefined : eq(subscriptions.customerId, f.customerId),
    f.groupId === null ? undefined : eq(subscriptions.groupId, f.groupId),
    f.active === null ? undefined : eq(subscriptions.active, f.active),
    f.activeOn === null
      ? undefined
      : and(lte(subscriptions.startDate, f.activeOn), or(isNull(subscriptions.endDate), gte(subscriptions.endDate, f.activeOn)))
  ],
  load: loadSubscription,
  values: ({ serviceObjectIds: _objects, ...i }: SubIn) => i,
  validate: (ctx, i) => {
    if (!exists(ctx.db, customers, i.customerId)) throw invalid(['customerId'], 'errors.invoices.noCustomer')
    if (!exists(ctx.db, subscriptionGroups, i.groupId)) throw invalid(['groupId'], 'validation.invalid')
    if (i.categoryId !== null && !exists(ctx.db, categories, i.categoryId)) throw invalid(['categoryId'], 'validation.invalid')
    if (i.agreementId !== null) {
      const a = ctx.db.select({ customerId: agreements.customerId }).from(agreements).where(eq(agreements.id, i.agreementId)).get()
      if (!a || a.customerId !== i.customerId) throw invalid(['agreementId'], 'errors.subscriptions.agreementOfOtherCustomer')
    }
    if (i.serviceObjectIds.length > 0) {
      const found = ctx.db
        .select({ id: serviceObjects.id, customerId: serviceObjects.customerId })
        .from(serviceObjects)
        .where(inArray(serviceObjects.id, i.serviceObjectIds))
        .all()
      if (found.length !== new Set(i.serviceObjectIds).size || found.some((o) => o.customerId !== i.customerId))
        throw invalid(['serviceObjectIds'], 'errors.subscriptions.objectOfOtherCustomer')
    }
  },
  saveChildren: (ctx, id, i) => {
    ctx.db.delete(subscriptionObjects).where(eq(subscriptionObjects.subscriptionId, id)).run()
    for (const objectId of new Set(i.serviceObjectIds))
      ctx.db.insert(subscriptionObjects).values({ subscriptionId: id, serviceObjectId: objectId }).run()
  },
  references: [
    { column: subscriptionFees.subscriptionId, label: 'errors.uses.subscriptionFees' },
    { column: subscriptionPrices.subscriptionId, label: 'errors.uses.subscriptionPrices' }
  ],
  deleteChildren: (ctx, id) => {
    ctx.db.delete(subscriptionObjects).where(eq(subscriptionObjects.subscriptionId, id)).run()
  }
})

export const subscriptionService = {
  ...entity,
  /** A blank number comes from the group's number sequence, else the common 'subscription' one. */
  create(ctx: ServiceContext, i: SubIn): SubscriptionRow {
    return writeTx(ctx, () => {
      if (i.number !== '') return entity.create(ctx, i)
      const group = ctx.db
        .select({ seq: subscriptionGroups.numberSequence })
        .from(subscriptionGroups)
        .where(eq(subscriptionGroups.id, i.groupId))
        .get()
      if (!group) throw invalid(['groupId'], 'validation.invalid')
      return entity.create(ctx, { ...i, number: nextNumber(ctx.db, group.seq || 'subscription') })
    })
  },
  update(ctx: ServiceContext, i: SubIn & { id: number; version: number }): SubscriptionRow {
    return writeTx(ctx, () => {
      const before = entity.load(ctx.db, i.id)
      const made = ctx.db
        .select({ id: subscriptionFees.id })
        .from(subscriptionFees)
        .where(eq(subscriptionFees.subscriptionId, i.id))
        .limit(1)
        .get()
      // Fees belong to the customer and periods of the group they were made under.
      if (made && before.customerId !== i.customerId) throw invalid(['customerId'], 'errors.subscriptions.feesMade')
      if (made && before.groupId !== i.groupId) throw invalid(['groupId'], 'errors.subscriptions.feesMade')
      return entity.update(ctx, { ...i, number: i.number || before.number })
    })
  }
}

const feeStatus = sql<FeeStatus>`case when ${subscriptionFees.invoiceLineId} is null then 'created'
  when ${subscriptionFees.creditedAmount} = 0 then 'invoiced'
  when ${subscriptionFees.creditedAmount} >= abs(${subscriptionFees.amount}) then 'credited' else 'partlyCredited' end`

export const feeSelection = {
  id: subscriptionFees.id,
  subscriptionId: subscriptionFees.subscriptionId,
  kind: sql<FeeTransactionKind>`${subscriptionFees.kind}`,
  periodStart: subscriptionFees.periodStart,
  from: subscriptionFees.fromDate,
  to: subscriptionFees.toDate,
  amount: subscriptionFees.amount,
  reductionOfId: subscriptionFees.reductionOfId,
  invoiceId: sql<number | null>`${invoiceLines.invoiceId}`,
  invoiceNumber: sql<string | null>`${invoices.number}`,
  invoiceLineId: subscriptionFees.invoiceLineId,
  creditedAmount: subscriptionFees.creditedAmount,
  status: feeStatus
}

export function feesWhere(db: Db, where: ReturnType<typeof eq>): FeeRow[] {
  return db
    .select(feeSelection)
    .from(subscriptionFees)
    .leftJoin(invoiceLines, eq(invoiceLines.id, subscriptionFees.invoiceLineId))
    .leftJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(where)
    .orderBy(asc(subscriptionFees.periodStart), asc(subscriptionFees.id))
    .all()
}

export function loadFee(db: Db, id: number): FeeRow {
  const row = feesWhere(db, eq(subscriptionFees.id, id))[0]
  if (!row) throw notFound('subscriptionFee')
  return row
}

export function listFees(ctx: ServiceContext, i: { subscriptionId: number }): FeeRow[] {
  entity.load(ctx.db, i.subscriptionId)
  return feesWhere(ctx.db, eq(subscriptionFees.subscriptionId, i.subscriptionId))
}

export function scheduleWhere(db: Db, where: ReturnType<typeof eq>): ScheduleRow[] {
  return db
    .select({
      id: subscriptionRecognition.id,
      feeId: subscriptionRecognition.feeId,
      from: subscriptionRecognition.fromDate,
      to: subscriptionRecognition.toDate,
      recognizeOn: subscriptionRecognition.recognizeOn,
      amount: subscriptionRecognition.amount,
      reversal: subscriptionRecognition.reversal
    })
    .from(subscriptionRecognition)
    .innerJoin(subscriptionFees, eq(subscriptionFees.id, subscriptionRecognition.feeId))
    .where(where)
    .orderBy(asc(subscriptionRecognition.recognizeOn), asc(subscriptionRecognition.id))
    .all()
}

export function listSchedule(ctx: ServiceContext, i: { subscriptionId: number }): ScheduleRow[] {
  entity.load(ctx.db, i.subscriptionId)
  return scheduleWhere(ctx.db, eq(subscriptionFees.subscriptionId, i.subscriptionId))
}
