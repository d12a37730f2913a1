import { and, eq, notInArray, sql } from 'drizzle-orm'
import type { ParsedInput } from '@shared/api/contract'
import type { CustomerListRow, CustomerRow } from '@shared/domain/masterdata'
import type { Db } from '../../db/connection'
import {
  agreements,
  customerContacts,
  customerGroups,
  customers,
  customerSites,
  invoices,
  serviceObjects,
  serviceOrders,
  returnOrders,
  subscriptionPrices,
  subscriptions
} from '../../db/schema'
import type { ServiceContext } from '../core/context'
import { AppError, record } from '../core/errors'
import { outer } from '../core/list'
import { defineEntity, refuseIfReferenced } from './entity'

type CustomerInput = ParsedInput<'customers.create'>

const listSelection = {
  id: customers.id,
  version: customers.version,
  number: customers.number,
  name: customers.name,
  groupId: customers.groupId,
  groupName: sql<string | null>`(select g.name from customer_groups g where g.id = ${outer(customers.groupId)})`,
  language: sql<CustomerRow['language']>`${customers.language}`,
  email: customers.email,
  phone: customers.phone,
  vatNumber: customers.vatNumber,
  registryCode: customers.registryCode,
  country: customers.country,
  billingAddress: customers.billingAddress,
  paymentTermsDays: customers.paymentTermsDays,
  invoiceEmail: customers.invoiceEmail,
  einvoiceAddress: customers.einvoiceAddress,
  notes: customers.notes,
  active: customers.active,
  siteCount: sql<number>`(select count(*) from customer_sites s where s.customer_id = ${outer(customers.id)})`,
  city: sql<string | null>`(select s.city from customer_sites s where s.customer_id = ${outer(customers.id)} order by s.id limit 1)`,
  // The first site's, like the city: where the customer is, for the list and its CSV export.
  latitude: sql<
    number | null
  >`(select s.latitude from customer_sites s where s.customer_id = ${outer(customers.id)} order by s.id limit 1)`,
  longitude: sql<
    number | null
  >`(select s.longitude from customer_sites s where s.customer_id = ${outer(customers.id)} order by s.id limit 1)`
}

function load(db: Db, id: number): CustomerRow | undefined {
  const head = db.select(listSelection).from(customers).where(eq(customers.id, id)).get()
  if (!head) return undefined
  const { city: _city, latitude: _lat, longitude: _lon, ...rest } = head
  const sites = db
    .select({
      id: customerSites.id,
      name: customerSites.name,
      street: customerSites.street,
      city: customerSites.city,
      postalCode: customerSites.postalCode,
      country: customerSites.country,
      accessNotes: customerSites.accessNotes,
      latitude: customerSites.latitude,
      longitude: customerSites.longitude
    })
    .from(customerSites)
    .where(eq(customerSites.customerId, id))
    .orderBy(customerSites.id)
    .all()
  const contacts = db
    .select({
      id: customerContacts.id,
      name: customerContacts.name,
      role: customerContacts.role,
      phone: customerContacts.phone,
      email: customerContacts.email
    })
    .from(customerContacts)
    .where(eq(customerContacts.customerId, id))
    .orderBy(customerContacts.id)
    .all()
  return { ...rest, sites, contacts }
}

/** Sites and contacts are edited with their customer: rows without an id are added, missing ones removed. */
function saveChildren(ctx: ServiceContext, customerId: number, input: CustomerInput, before: CustomerRow | null): void {
  const db = ctx.db
  const keptSiteIds = input.sites.flatMap((s) => (s.id ? [s.id] : []))
  const knownSites = new Set(before?.sites.map((s) => s.id) ?? [])
  input.sites.forEach((s, i) => {
    if (s.id !== undefined && !knownSites.has(s.id)) {
      throw new AppError('VALIDATION', 'errors.masterdata.siteOfOtherCustomer', {}, [
        { path: ['sites', i, 'id'], code: 'errors.unknown.site' }
      ])
    }
  })
  const removedSites = (before?.sites ?? []).filter((s) => !keptSiteIds.includes(s.id))
  for (const site of removedSites) {
    refuseIfReferenced(db, site.id, record('site', { name: site.name }), [
      { column: serviceObjects.siteId, label: 'errors.uses.serviceObjects' },
      { column: serviceOrders.siteId, label: 'errors.uses.serviceOrders' }
    ])
  }
  if (removedSites.length > 0) {
    db.delete(customerSites)
      .where(and(eq(customerSites.customerId, customerId), notInArray(customerSites.id, keptSiteIds.length ? keptSiteIds : [0])))
      .run()
  }
  for (const s of input.sites) {
    const { id, ...values } = s
    if (id) db.update(customerSites).set(values).where(eq(customerSites.id, id)).run()
    else
      db.insert(customerSites)
        .values({ ...values, customerId })
        .run()
  }

  const keptContactIds = input.contacts.flatMap((c) => (c.id ? [c.id] : []))
  const knownContacts = new Set(before?.contacts.map((c) => c.id) ?? [])
  input.contacts.forEach((c, i) => {
    if (c.id !== undefined && !knownContacts.has(c.id)) {
      throw new AppError('VALIDATION', 'errors.masterdata.contactOfOtherCustomer', {}, [
        { path: ['contacts', i, 'id'], code: 'errors.unknown.contact' }
      ])
    }
  })
  for (const contact of before?.contacts.filter((c) => !keptContactIds.includes(c.id)) ?? []) {
    refuseIfReferenced(db, contact.id, record('contact', { name: contact.name }), [
      { column: serviceOrders.contactId, label: 'errors.uses.serviceOrders' },
      { column: agreements.contactId, label: 'errors.uses.agreements' }
    ])
  }
  db.delete(customerContacts)
    .where(and(eq(customerContacts.customerId, customerId), notInArray(customerContacts.id, keptContactIds.length ? keptContactIds : [0])))
    .run()
  for (const c of input.contacts) {
    const { id, ...values } = c
    if (id)
      db.update(customerContacts)
        .set(values)
        .where(and(eq(customerContacts.id, id), eq(customerContacts.customerId, customerId)))
        .run()
    else
      db.insert(customerContacts)
        .values({ ...values, customerId })
        .run()
  }
}

export const customerService = defineEntity({
  entity: 'customer',
  label: 'customer',
  table: customers,
  numberSequence: 'customer',
  list: {
    table: customers,
    idColumn: customers.id,
    selection: listSelection,
    sort: { number: customers.number, name: customers.name, groupName: listSelection.groupName, city: listSelection.city },
    defaultSort: 'name',
    toRow: (r): CustomerListRow => r
  },
  searchColumns: [customers.number, customers.name, customers.email, customers.phone, customers.vatNumber, customers.registryCode],
  filters: (f: ParsedInput<'customers.list'>) => [
    f.groupId === null ? undefined : eq(customers.groupId, f.groupId),
    f.active === null ? undefined : eq(customers.active, f.active)
  ],
  load,
  values: (i: CustomerInput & { number?: string }) => {
    const { sites: _s, contacts: _c, ...head } = i
    return head
  },
  validate: (ctx, i) => {
    if (
      i.groupId !== null &&
      !ctx.db.select({ id: customerGroups.id }).from(customerGroups).where(eq(customerGroups.id, i.groupId)).get()
    ) {
      throw new AppError('VALIDATION', 'errors.choose.customerGroup', {}, [{ path: ['groupId'], code: 'errors.unknown.group' }])
    }
  },
  saveChildren,
  references: [
    { column: serviceObjects.customerId, label: 'errors.uses.serviceObjects' },
    { column: serviceOrders.customerId, label: 'errors.uses.serviceOrders' },
    { column: invoices.customerId, label: 'errors.uses.invoices' },
    { column: agreements.customerId, label: 'errors.uses.agreements' },
    { column: returnOrders.customerId, label: 'errors.uses.returnOrders' },
    { column: subscriptions.customerId, label: 'errors.uses.subscriptions' },
    { column: subscriptionPrices.customerId, label: 'errors.uses.subscriptionPrices' }
  ],
  deleteChildren: (ctx, id) => {
    ctx.db.delete(customerContacts).where(eq(customerContacts.customerId, id)).run()
    ctx.db.delete(customerSites).where(eq(customerSites.customerId, id)).run()
  }
})
