/**
 * What a customer is entitled to when a call comes in (docs/adr/0018-intake-and-entitlement.md): the
 * agreements in force that cover the picked service objects (and the SLA each would give the order), the
 * objects' warranty, the open orders already on those objects, and the subscriptions covering them or the
 * customer. One read for the intake panel, a handful of indexed queries on one customer's rows.
 */
import { and, type Column, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import { type EntitledAgreement, type Entitlement, warrantyStatus } from '@shared/domain/intake'
import type { Priority } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import {
  agreementGroups,
  agreementLines,
  agreementObjects,
  agreements,
  customers,
  serviceObjects,
  serviceOrders,
  serviceStages,
  slaDefinitions,
  subscriptionGroups,
  subscriptionObjects,
  subscriptions
} from '../../db/schema'
import type { Db } from '../../db/connection'
import type { ServiceContext } from '../core/context'
import { invalid, notFound } from '../core/errors'
import { loadSettings } from '../settings/settings'

/** A screenful: the panel says how many more there are. */
const OPEN_ORDERS_SHOWN = 10

type SlaRef = NonNullable<EntitledAgreement['sla']>

function usableSla(db: Db, slaId: number | null, source: SlaRef['source']): SlaRef | null {
  if (slaId === null) return null
  const s = db
    .select({ id: slaDefinitions.id, code: slaDefinitions.code, name: slaDefinitions.name, suspended: slaDefinitions.suspended })
    .from(slaDefinitions)
    .where(eq(slaDefinitions.id, slaId))
    .get()
  return s && !s.suspended ? { id: s.id, code: s.code, name: s.name, source } : null
}

/** In force on `date`: started, and not ended before it. */
const inForce = (start: Column, end: Column, date: string) => and(lte(start, date), or(isNull(end), gte(end, date)))

export function entitlementFor(ctx: ServiceContext, i: ParsedInput<'serviceOrders.entitlement'>): Entitlement {
  const db = ctx.db
  if (!db.select({ id: customers.id }).from(customers).where(eq(customers.id, i.customerId)).get()) throw notFound('customer')
  const date = i.date ?? dateOf(ctx.now(), loadSettings(db).timeZone)
  const picked = [...new Set(i.serviceObjectIds)]
  const objects =
    picked.length === 0
      ? []
      : db
          .select({
            id: serviceObjects.id,
            number: serviceObjects.number,
            name: serviceObjects.name,
            customerId: serviceObjects.customerId,
            installationDate: serviceObjects.installationDate,
            warrantyStart: serviceObjects.warrantyStart,
            warrantyEnd: serviceObjects.warrantyEnd
          })
          .from(serviceObjects)
          .where(inArray(serviceObjects.id, picked))
          .all()
  i.serviceObjectIds.forEach((objectId, n) => {
    const o = objects.find((x) => x.id === objectId)
    if (!o || o.customerId !== i.customerId) throw invalid(['serviceObjectIds', n], 'errors.orders.objectOfCustomer')
  })
  const covers = (listed: number[], whole: boolean) => ({ ids: listed.filter((id) => picked.includes(id)), whole })
  const relevant = (c: { ids: number[]; whole: boolean }) => picked.length === 0 || c.whole || c.ids.length > 0

  /* agreements in force, with what they cover and the SLA they give */
  const agreementRows = db
    .select({
      id: agreements.id,
      number: agreements.number,
      description: agreements.description,
      groupName: agreementGroups.name,
      startDate: agreements.startDate,
      endDate: agreements.endDate,
      slaId: agreements.slaId,
      groupSlaId: agreementGroups.slaId
    })
    .from(agreements)
    .innerJoin(agreementGroups, eq(agreementGroups.id, agreements.groupId))
    .where(
      and(
        eq(agreements.customerId, i.customerId),
        eq(agreements.suspended, false),
        isNull(agreements.templateGroupId),
        inForce(agreements.startDate, agreements.endDate, date)
      )
    )
    .orderBy(agreements.number)
    .all()
  const agreementIds = agreementRows.map((a) => a.id)
  const coveredBy = new Map<number, Set<number>>(agreementIds.map((id) => [id, new Set<number>()]))
  if (agreementIds.length > 0) {
    for (const r of db
      .select({ agreementId: agreementObjects.agreementId, objectId: agreementObjects.serviceObjectId })
      .from(agreementObjects)
      .where(inArray(agreementObjects.agreementId, agreementIds))
      .all())
      coveredBy.get(r.agreementId)!.add(r.objectId)
    for (const r of db
      .select({ agreementId: agreementLines.agreementId, objectId: agreementLines.serviceObjectId })
      .from(agreementLines)
      .where(and(inArray(agreementLines.agreementId, agreementIds), sql`${agreementLines.serviceObjectId} is not null`))
      .all())
      coveredBy.get(r.agreementId)!.add(r.objectId!)
  }
  const entitledAgreements = agreementRows.flatMap((a) => {
    const listed = [...coveredBy.get(a.id)!]
    const c = covers(listed, listed.length === 0)
    if (!relevant(c)) return []
    const sla = usableSla(db, a.slaId, 'agreement') ?? usableSla(db, a.groupSlaId, 'agreementGroup')
    return [
      {
        id: a.id,
        number: a.number,
        description: a.description,
        groupName: a.groupName,
        startDate: a.startDate,
        endDate: a.endDate,
        sla,
        objectIds: c.ids,
        coversAll: c.whole
      }
    ]
  })

  /* warranty of each picked object */
  const warranty = i.serviceObjectIds.map((objectId) => {
    const o = objects.find((x) => x.id === objectId)!
    return {
      objectId: o.id,
      number: o.number,
      name: o.name,
      warrantyStart: o.warrantyStart,
      warrantyEnd: o.warrantyEnd,
      status: warrantyStatus(o, date)
    }
  })

  /* open orders on the same objects (or, with none picked, of the customer) */
  // Correlated EXISTS: the customer's open orders come from their index and each probes its own objects and
  // lines by order id; an IN over all lines with the object would read every line (none is indexed by object).
  const ids = sql.join(
    picked.map((objectId) => sql`${objectId}`),
    sql`, `
  )
  const onObjects =
    picked.length === 0
      ? undefined
      : sql`(exists (select 1 from service_order_objects x where x.order_id = ${serviceOrders.id} and x.service_object_id in (${ids}))
          or exists (select 1 from service_order_lines l where l.order_id = ${serviceOrders.id} and l.service_object_id in (${ids})))`
  const openWhere = and(
    eq(serviceOrders.customerId, i.customerId),
    eq(serviceOrders.progress, 'inProcess'),
    eq(serviceOrders.isTemplate, false),
    i.orderId === null ? undefined : ne(serviceOrders.id, i.orderId),
    onObjects
  )
  const openOrders = db
    .select({
      id: serviceOrders.id,
      number: serviceOrders.number,
      description: serviceOrders.description,
      stageName: serviceStages.name,
      priority: serviceOrders.priority,
      plannedStart: serviceOrders.plannedStart,
      agreementId: serviceOrders.agreementId
    })
    .from(serviceOrders)
    .innerJoin(serviceStages, eq(serviceStages.id, serviceOrders.stageId))
    .where(openWhere)
    .orderBy(desc(serviceOrders.id))
    .limit(OPEN_ORDERS_SHOWN)
    .all()
    .map((o) => ({ ...o, priority: o.priority as Priority }))
  const openCount = db
    .select({ n: sql<number>`count(*)` })
    .from(serviceOrders)
    .where(openWhere)
    .get()!.n

  /* subscriptions in force covering the objects or the customer */
  const subscriptionRows = db
    .select({
      id: subscriptions.id,
      number: subscriptions.number,
      name: subscriptions.name,
      groupName: subscriptionGroups.name,
      startDate: subscriptions.startDate,
      endDate: subscriptions.endDate
    })
    .from(subscriptions)
    .innerJoin(subscriptionGroups, eq(subscriptionGroups.id, subscriptions.groupId))
    .where(
      and(
        eq(subscriptions.customerId, i.customerId),
        eq(subscriptions.active, true),
        inForce(subscriptions.startDate, subscriptions.endDate, date)
      )
    )
    .orderBy(subscriptions.number)
    .all()
  const listedBy = new Map<number, number[]>(subscriptionRows.map((s) => [s.id, []]))
  if (subscriptionRows.length > 0) {
    for (const r of db
      .select({ subscriptionId: subscriptionObjects.subscriptionId, objectId: subscriptionObjects.serviceObjectId })
      .from(subscriptionObjects)
      .where(
        inArray(
          subscriptionObjects.subscriptionId,
          subscriptionRows.map((s) => s.id)
        )
      )
      .all())
      listedBy.get(r.subscriptionId)!.push(r.objectId)
  }
  const entitledSubscriptions = subscriptionRows.flatMap((s) => {
    const listed = listedBy.get(s.id)!
    const c = covers(listed, listed.length === 0)
    return relevant(c) ? [{ ...s, objectIds: c.ids, coversCustomer: c.whole }] : []
  })

  return {
    date,
    agreements: entitledAgreements,
    warranty,
    openOrders,
    moreOpenOrders: Math.max(0, openCount - openOrders.length),
    subscriptions: entitledSubscriptions
  }
}
