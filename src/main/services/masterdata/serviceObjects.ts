import { and, eq, ne, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { ParsedInput } from '@shared/api/contract'
import type { ServiceObjectRow } from '@shared/domain/masterdata'
import type { Db } from '../../db/connection'
import {
  agreementLines,
  agreementObjects,
  customers,
  customerSites,
  items,
  serviceObjectGroups,
  serviceObjects,
  serviceOrderLines,
  serviceOrderObjects,
  objectSerialHistory,
  objectStructures,
  repairLines,
  returnLines,
  structureComponents,
  structureVersions,
  subscriptionObjects
} from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { invalid, type MessageKey } from '../core/errors'
import { type JoinableQuery, outer } from '../core/list'
import { defineEntity } from './entity'

type ObjectInput = ParsedInput<'serviceObjects.create'>
const parent = alias(serviceObjects, 'parent')

const selection = {
  id: serviceObjects.id,
  version: serviceObjects.version,
  number: serviceObjects.number,
  name: serviceObjects.name,
  customerId: serviceObjects.customerId,
  siteId: serviceObjects.siteId,
  itemId: serviceObjects.itemId,
  groupId: serviceObjects.groupId,
  serialNumber: serviceObjects.serialNumber,
  installationDate: serviceObjects.installationDate,
  warrantyStart: serviceObjects.warrantyStart,
  warrantyEnd: serviceObjects.warrantyEnd,
  parentId: serviceObjects.parentId,
  notes: serviceObjects.notes,
  active: serviceObjects.active,
  customerName: sql<string>`${customers.name}`,
  siteName: sql<string | null>`${customerSites.name}`,
  itemName: sql<string | null>`${items.name}`,
  groupName: sql<string | null>`${serviceObjectGroups.name}`,
  parentName: sql<string | null>`${parent.name}`,
  componentCount: sql<number>`(select count(*) from service_objects c where c.parent_id = ${outer(serviceObjects.id)})`
}

const joins = (q: JoinableQuery) =>
  q
    .innerJoin(customers, eq(customers.id, serviceObjects.customerId))
    .leftJoin(customerSites, eq(customerSites.id, serviceObjects.siteId))
    .leftJoin(items, eq(items.id, serviceObjects.itemId))
    .leftJoin(serviceObjectGroups, eq(serviceObjectGroups.id, serviceObjects.groupId))
    .leftJoin(parent, eq(parent.id, serviceObjects.parentId))

function load(db: Db, id: number): ServiceObjectRow | undefined {
  const q = db.select(selection).from(serviceObjects).$dynamic()
  return (joins(q as unknown as JoinableQuery) as unknown as typeof q).where(eq(serviceObjects.id, id)).get()
}

function validate(ctx: ServiceContext, i: ObjectInput, id: number | null): void {
  const db = ctx.db
  const fail = (path: string, key: MessageKey): never => {
    throw invalid([path], key)
  }
  if (!db.select({ id: customers.id }).from(customers).where(eq(customers.id, i.customerId)).get()) {
    fail('customerId', 'errors.choose.customer')
  }
  if (i.siteId !== null) {
    const site = db.select({ customerId: customerSites.customerId }).from(customerSites).where(eq(customerSites.id, i.siteId)).get()
    if (!site || site.customerId !== i.customerId) fail('siteId', 'errors.masterdata.objectSite')
  }
  if (i.itemId !== null && !db.select({ id: items.id }).from(items).where(eq(items.id, i.itemId)).get()) {
    fail('itemId', 'errors.choose.item')
  }
  if (
    i.groupId !== null &&
    !db.select({ id: serviceObjectGroups.id }).from(serviceObjectGroups).where(eq(serviceObjectGroups.id, i.groupId)).get()
  ) {
    fail('groupId', 'errors.choose.group')
  }
  if (id !== null) {
    const strayComponent = db
      .select({ id: serviceObjects.id })
      .from(serviceObjects)
      .where(and(eq(serviceObjects.parentId, id), ne(serviceObjects.customerId, i.customerId)))
      .get()
    if (strayComponent) fail('customerId', 'errors.masterdata.componentsStay')
  }
  if (i.parentId !== null) {
    const p = db.select({ customerId: serviceObjects.customerId }).from(serviceObjects).where(eq(serviceObjects.id, i.parentId)).get()
    if (!p) fail('parentId', 'errors.choose.parentObject')
    if (p && p.customerId !== i.customerId) fail('parentId', 'errors.masterdata.componentCustomer')
    // Walk up from the chosen parent: meeting this object again would make a loop.
    for (let cur: number | null = i.parentId, depth = 0; cur !== null && id !== null; depth++) {
      if (cur === id || depth > 50) fail('parentId', 'errors.masterdata.componentLoop')
      cur = db.select({ p: serviceObjects.parentId }).from(serviceObjects).where(eq(serviceObjects.id, cur)).get()?.p ?? null
    }
  }
}

export const serviceObjectService = defineEntity({
  entity: 'serviceObject',
  label: 'serviceObject',
  table: serviceObjects,
  numberSequence: 'serviceObject',
  list: {
    table: serviceObjects,
    idColumn: serviceObjects.id,
    selection,
    joins,
    sort: {
      number: serviceObjects.number,
      name: serviceObjects.name,
      serialNumber: serviceObjects.serialNumber,
      customerName: customers.name,
      installationDate: serviceObjects.installationDate,
      warrantyEnd: serviceObjects.warrantyEnd
    },
    defaultSort: 'number',
    toRow: (r): ServiceObjectRow => r
  },
  searchColumns: [serviceObjects.number, serviceObjects.name, serviceObjects.serialNumber, customers.name],
  filters: (f: ParsedInput<'serviceObjects.list'>) => [
    f.customerId === null ? undefined : eq(serviceObjects.customerId, f.customerId),
    f.siteId === null ? undefined : eq(serviceObjects.siteId, f.siteId),
    f.groupId === null ? undefined : eq(serviceObjects.groupId, f.groupId),
    f.parentId === null ? undefined : eq(serviceObjects.parentId, f.parentId),
    f.active === null ? undefined : eq(serviceObjects.active, f.active)
  ],
  load,
  values: (i: ObjectInput) => i,
  validate,
  references: [
    { column: serviceObjects.parentId, label: 'errors.uses.components' },
    { column: serviceOrderLines.serviceObjectId, label: 'errors.uses.serviceOrderLines' },
    { column: serviceOrderObjects.serviceObjectId, label: 'errors.uses.serviceOrders' },
    { column: agreementLines.serviceObjectId, label: 'errors.uses.agreementLines' },
    { column: agreementObjects.serviceObjectId, label: 'errors.uses.agreements' },
    { column: returnLines.serviceObjectId, label: 'errors.uses.returnLines' },
    { column: objectSerialHistory.serviceObjectId, label: 'errors.uses.serialHistory' },
    { column: subscriptionObjects.serviceObjectId, label: 'errors.uses.subscriptions' },
    { column: repairLines.serviceObjectId, label: 'errors.uses.repairLines' },
    { column: objectStructures.serviceObjectId, label: 'errors.uses.structures' },
    { column: structureComponents.serviceObjectId, label: 'errors.uses.structureComponents' },
    { column: structureVersions.serviceObjectId, label: 'errors.uses.structureVersions' }
  ]
})
