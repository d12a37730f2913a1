import { registryCodeCheckDigit } from '@shared/domain/identifiers'
import type { Sqlite } from '../db/connection'
import {
  ACCESS_NOTES,
  CONTACT_ROLES,
  CUSTOMER_GROUPS,
  CUSTOMER_NOTES,
  ITEMS,
  KIND_WEIGHTS,
  type Language,
  OBJECT_KINDS,
  OBJECT_NOTES,
  type ObjectGroupCode,
  type ObjectKind,
  type Segment,
  SITE_KINDS
} from './catalog'
import { commercialName, type CompanyName, housingAssociationName, keyAccountName, publicSectorName, randomPerson, slug } from './names'
import { takeNumbers } from './numbers'
import type { DemoObject, DemoSite } from './orders'
import { type Address, type City, coordinatesOf, formatAddress, landline, mobilePhone, randomAddress, randomCity } from './places'
import { type Random, WeightedPool } from './random'
import type { Catalogue } from './staff'

/** The demo's customers with their sites and contacts, and the equipment on the sites: planned, then written. */

interface ContactRow {
  name: string
  role: string
  phone: string
  email: string
}

export interface PlannedCustomer {
  segment: Segment
  language: Language
  city: City
  domain: string
  kinds: readonly (readonly [ObjectKind, number])[]
  siteWeight: number
  objectWeight: number
  siteNames: Set<string>
  row: {
    name: string
    email: string
    phone: string
    vat: string
    registryCode: string
    country: string
    billingAddress: string
    paymentTermsDays: number | null
    notes: string
    active: boolean
  }
  contacts: ContactRow[]
}

export interface PlannedSite {
  /** Index into the planned customers. */
  customer: number
  name: string
  address: Address
  accessNotes: string
}

export interface PlannedObject {
  /** Index into the planned sites; a component also names its parent (an index into the planned objects). */
  site: number
  parent: number | null
  name: string
  itemNumber: string | null
  group: ObjectGroupCode
  serial: string
  installed: string | null
  warranty: string | null
  notes: string
  active: boolean
}

const kindTable = (weights: Record<string, number>) =>
  Object.entries(weights).map(([key, w]) => [OBJECT_KINDS.find((k) => k.key === key)!, w] as const)
const KINDS_BY_SEGMENT: Record<Segment, readonly (readonly [ObjectKind, number])[]> = {
  RES: kindTable(KIND_WEIGHTS.RES),
  COM: kindTable(KIND_WEIGHTS.COM),
  PUB: kindTable(KIND_WEIGHTS.PUB),
  KEY: kindTable(KIND_WEIGHTS.KEY)
}
const KINDS_HOUSING = kindTable({ boiler: 4, lift: 4, heatpump: 1, ahu: 1 })
const siteLang = (l: Language): 'et' | 'en' => (l === 'en' || l === 'fi' ? 'en' : 'et')
const rowId = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid)

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function addYears(iso: string, years: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d.toISOString().slice(0, 10)
}

/* ---------- planning ---------- */

/** A site of a customer, its name made unique within the customer. */
function planSite(rnd: Random, customers: PlannedCustomer[], customer: number, name: string, address: Address): PlannedSite {
  const c = customers[customer]!
  let unique = name
  for (let n = 2; c.siteNames.has(unique); n++) unique = `${name} ${n}`
  c.siteNames.add(unique)
  const accessNotes = rnd.chance(0.25) ? rnd.pick(ACCESS_NOTES[siteLang(c.language)]) : ''
  return { customer, name: unique, address, accessNotes }
}

/** Who the customer is: a household, a housing association, or a company or public body of its segment. */
function planParty(rnd: Random) {
  const segment = rnd.weighted(CUSTOMER_GROUPS.map((g) => [g.code, g.weight] as const))
  const city = randomCity(rnd)
  let company: CompanyName | null = null
  let person: ReturnType<typeof randomPerson> | null = null
  let housing = false
  let address: Address
  if (segment === 'RES' && rnd.chance(0.2)) {
    housing = true
    address = randomAddress(rnd, city)
    company = housingAssociationName(address.street)
  } else if (segment === 'RES') {
    person = randomPerson(rnd, city)
    address = randomAddress(rnd, city, true)
  } else {
    company = segment === 'KEY' ? keyAccountName(rnd) : segment === 'PUB' ? publicSectorName(rnd, city) : commercialName(rnd, city)
    address = randomAddress(rnd, city)
  }
  return { segment, city, company, person, housing, address }
}

/**
 * Business customers abroad (an EU business with a VAT number: reverse charge), with their own registry
 * numbers, VAT numbers (check digits as each country computes them) and head-office addresses (the country is printed from the country code). They stand in
 * for the n-th commercial customer the generator draws, so the random sequence, and all the rest of the demo,
 * stays as it was.
 */
const FOREIGN_CUSTOMERS: ReadonlyMap<
  number,
  { name: string; language: Language; country: string; vat: string; registryCode: string; billingAddress: string }
> = new Map([
  [
    2,
    {
      name: 'Pohjolan Kiinteistöhuolto Oy',
      language: 'fi',
      country: 'FI',
      vat: 'FI24856946',
      registryCode: '2485694-6',
      billingAddress: 'Mannerheimintie 12 B, 00100 Helsinki'
    }
  ],
  [
    6,
    {
      name: 'Baltijas Siltuma Serviss SIA',
      language: 'lv',
      country: 'LV',
      vat: 'LV40103567284',
      registryCode: '40103567284',
      billingAddress: 'Brīvības iela 85, Rīga, LV-1001'
    }
  ],
  [
    11,
    {
      name: 'Nordwind Gebäudetechnik GmbH',
      language: 'de',
      country: 'DE',
      vat: 'DE298475163',
      registryCode: 'HRB 184562',
      billingAddress: 'Große Elbstraße 145, 22767 Hamburg'
    }
  ]
])

/** An Estonian company's registry code (with its check digit) and VAT number (KMKR, 7-3-1-style check) from six digits. */
function estonianIds(segment: Segment, digits: string): { registryCode: string; vat: string } {
  // Public bodies' codes start with 7, companies' with 1.
  const base = segment === 'PUB' ? `75${digits.slice(0, 5)}` : `1${digits.slice(0, 6)}`
  const kmkr = `10${digits.slice(0, 6)}`
  const weighted = [...kmkr].reduce((sum, d, i) => sum + Number(d) * [3, 7, 1][i % 3]!, 0)
  return { registryCode: base + registryCodeCheckDigit(base), vat: `EE${kmkr}${(10 - (weighted % 10)) % 10}` }
}

/** The customers, each with its first site (home, building or head office) and its contacts. */
export function planCustomers(rnd: Random, count: number): { customers: PlannedCustomer[]; sites: PlannedSite[] } {
  const customers: PlannedCustomer[] = []
  const sites: PlannedSite[] = []
  let commercial = 0
  for (let i = 0; i < count; i++) {
    const { segment, city, company, person, housing, address } = planParty(rnd)
    const foreign = segment === 'COM' ? FOREIGN_CUSTOMERS.get(commercial++) : undefined
    const language: Language = foreign?.language ?? person?.language ?? company!.language
    const name = foreign?.name ?? person?.name ?? company!.name
    const domain = person ? 'example.com' : `${slug(name) || 'customer'}.example`
    const email = person
      ? `${slug(person.first)}.${slug(person.last)}@example.com`
      : `${segment === 'PUB' ? 'info' : rnd.pick(['info', 'service', 'office'])}@${domain}`
    const phone = person ? mobilePhone(rnd) : landline(rnd, city)
    const digits = person || housing ? '' : rnd.chance(0.85) ? rnd.digits(7) : ''
    const ids = foreign ?? (digits ? estonianIds(segment, digits) : { registryCode: '', vat: '' })
    const notes = rnd.chance(0.15) ? rnd.pick(CUSTOMER_NOTES) : ''
    const active = !rnd.chance(0.03)
    customers.push({
      segment,
      language,
      city,
      domain,
      kinds: housing ? KINDS_HOUSING : KINDS_BY_SEGMENT[segment],
      siteWeight: person ? 0 : housing ? 1 : segment === 'KEY' ? 12 : 3,
      objectWeight: person ? 1 : housing ? 3 : segment === 'KEY' ? 8 : segment === 'PUB' ? 5 : 4,
      siteNames: new Set(),
      row: {
        name,
        email,
        phone,
        vat: ids.vat,
        registryCode: ids.registryCode,
        country: foreign?.country ?? 'EE',
        billingAddress: foreign?.billingAddress ?? formatAddress(address),
        // Key accounts negotiated longer terms; everyone else pays on the company's.
        paymentTermsDays: segment === 'KEY' ? 30 : foreign ? 21 : null,
        notes,
        active
      },
      contacts: []
    })
    const lang = siteLang(language)
    const firstSiteName = person
      ? lang === 'et'
        ? 'Kodu'
        : 'Home'
      : housing
        ? lang === 'et'
          ? 'Kortermaja'
          : 'Apartment building'
        : SITE_KINDS[lang][0]!
    sites.push(planSite(rnd, customers, i, firstSiteName, address))

    const contacts = customers[i]!.contacts
    const contactCount = person ? 1 : segment === 'KEY' ? rnd.int(2, 4) : rnd.int(1, 3)
    for (let k = 0; k < contactCount; k++) {
      if (person) {
        contacts.push({ name: person.name, role: '', phone, email })
      } else {
        const p = randomPerson(rnd, city)
        contacts.push({
          name: p.name,
          role: rnd.pick(CONTACT_ROLES[lang]),
          phone: mobilePhone(rnd),
          email: `${slug(p.first)}.${slug(p.last)}@${domain}`
        })
      }
    }
  }
  return { customers, sites }
}

/** Further sites, `total` in all: business customers by weight (key accounts most), often in their own city. */
export function planFurtherSites(rnd: Random, customers: PlannedCustomer[], firstSites: number, total: number): PlannedSite[] {
  const sitePool = new WeightedPool()
  customers.forEach((c, i) => sitePool.add(i, c.siteWeight))
  const sites: PlannedSite[] = []
  for (let n = firstSites; n < total; n++) {
    const index = sitePool.size > 0 ? sitePool.pick(rnd) : rnd.int(0, customers.length - 1)
    const c = customers[index]!
    const city = rnd.chance(0.6) ? c.city : randomCity(rnd)
    const name = `${rnd.pick(SITE_KINDS[siteLang(c.language)].slice(1))} ${city.name}`
    sites.push(planSite(rnd, customers, index, name, randomAddress(rnd, city)))
  }
  return sites
}

/**
 * `total` service objects, components included: one on each site first (while they last), then by the
 * customers' weight. Installed up to 14 years before `today`, under warranty by kind.
 */
export function planObjects(
  rnd: Random,
  customers: PlannedCustomer[],
  sites: PlannedSite[],
  total: number,
  today: string
): PlannedObject[] {
  const objects: PlannedObject[] = []
  const serials = new Set<string>()
  const serialOf = (prefix: string, year: number) => {
    let serial: string
    do serial = `${prefix}${String(year % 100).padStart(2, '0')}${rnd.digits(7)}`
    while (serials.has(serial))
    serials.add(serial)
    return serial
  }
  const anchorYear = Number(today.slice(0, 4))
  const addObject = (site: number) => {
    const c = customers[sites[site]!.customer]!
    const kind = rnd.weighted(c.kinds)
    const itemNumber = rnd.pick(kind.items)
    const item = ITEMS.find((it) => it.number === itemNumber)!
    const lang = siteLang(c.language)
    const location = rnd.pick(kind.locations[lang])
    const installed = rnd.chance(0.9) ? addDays(today, -rnd.int(60, 14 * 365)) : null
    const warranty = installed ? addYears(installed, kind.warrantyYears) : null
    const year = installed ? Number(installed.slice(0, 4)) : anchorYear - rnd.int(3, 20)
    const notes = rnd.chance(0.12) ? rnd.pick(OBJECT_NOTES) : ''
    const active = !rnd.chance(0.03)
    const parent = objects.length
    const common = { site, group: kind.group, installed, warranty, active }
    objects.push({
      ...common,
      parent: null,
      name: `${kind.label[lang]}, ${location}`,
      itemNumber: item.number,
      serial: serialOf(item.serialPrefix ?? 'SN', year),
      notes
    })
    if (kind.components.length === 0 || !rnd.chance(0.45)) return
    for (const comp of kind.components) {
      if (objects.length >= total) return
      if (!rnd.chance(0.8)) continue
      objects.push({
        ...common,
        parent,
        name: `${comp[lang]}, ${location}`,
        itemNumber: null,
        serial: serialOf(comp.prefix, year),
        notes: ''
      })
    }
  }
  for (let site = 0; site < sites.length && objects.length < total; site++) addObject(site)
  const objectPool = new WeightedPool()
  sites.forEach((site, i) => objectPool.add(i, customers[site.customer]!.objectWeight))
  while (objects.length < total) addObject(objectPool.pick(rnd))
  return objects
}

/* ---------- writing ---------- */

/** Customers (numbered from the sequence) and their contacts; answers the customer ids and each one's contact ids. */
export function writeCustomers(
  s: Sqlite,
  customers: PlannedCustomer[],
  groupIds: Catalogue['groupIds'],
  now: number
): { ids: number[]; contactIds: number[][] } {
  const customerStmt = s.prepare(
    `insert into customers (number, name, group_id, language, email, phone, vat_number, registry_code, country, billing_address,
       payment_terms_days, invoice_email, notes, active, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const contactStmt = s.prepare('insert into customer_contacts (customer_id, name, role, phone, email) values (?, ?, ?, ?, ?)')
  const numbers = takeNumbers(s, 'customer', customers.length)
  const ids: number[] = []
  const contactIds = customers.map((c, n) => {
    const r = c.row
    const customerId = rowId(
      customerStmt.run(
        numbers[n]!,
        r.name,
        groupIds.get(c.segment)!,
        c.language,
        r.email,
        r.phone,
        r.vat,
        r.registryCode,
        r.country,
        r.billingAddress,
        r.paymentTermsDays,
        // Companies with a VAT number send invoices to their accounts department.
        r.vat ? `${r.country === 'EE' ? 'arved' : 'invoices'}@${c.domain}` : '',
        r.notes,
        r.active ? 1 : 0,
        now,
        now
      )
    )
    ids.push(customerId)
    return c.contacts.map((k) => rowId(contactStmt.run(customerId, k.name, k.role, k.phone, k.email)))
  })
  return { ids, contactIds }
}

export function writeSites(s: Sqlite, sites: PlannedSite[], customerIds: number[]): number[] {
  const siteStmt = s.prepare(
    'insert into customer_sites (customer_id, name, street, city, postal_code, country, access_notes, latitude, longitude) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'
  )
  return sites.map((st) => {
    const at = coordinatesOf(st.address)
    const a = st.address
    return rowId(
      siteStmt.run(customerIds[st.customer]!, st.name, a.street, a.city, a.postalCode, 'EE', st.accessNotes, at.latitude, at.longitude)
    )
  })
}

/** Service objects, numbered from the sequence, each component after its parent; answers their ids in plan order. */
export function writeObjects(
  s: Sqlite,
  objects: PlannedObject[],
  where: { sites: PlannedSite[]; siteIds: number[]; customerIds: number[] },
  catalogue: Catalogue
): number[] {
  const objectStmt = s.prepare(
    `insert into service_objects (number, name, customer_id, site_id, item_id, group_id, serial_number, installation_date, warranty_start, warranty_end, parent_id, notes, active)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const numbers = takeNumbers(s, 'serviceObject', objects.length)
  const ids: number[] = []
  objects.forEach((o, n) => {
    const customerId = where.customerIds[where.sites[o.site]!.customer]!
    const itemId = o.itemNumber === null ? null : catalogue.itemIds.get(o.itemNumber)!
    const parentId = o.parent === null ? null : ids[o.parent]!
    ids.push(
      rowId(
        objectStmt.run(
          numbers[n]!,
          o.name,
          customerId,
          where.siteIds[o.site]!,
          itemId,
          catalogue.objectGroupIds.get(o.group)!,
          o.serial,
          o.installed,
          // The warranty runs from installation (the plan gives its end only).
          o.warranty === null ? null : o.installed,
          o.warranty,
          parentId,
          o.notes,
          o.active ? 1 : 0
        )
      )
    )
  })
  return ids
}

/** The written sites as the orders see them: ids, the customer's contacts, and the equipment (not the components) on each. */
export function writtenSites(
  plan: { customers: PlannedCustomer[]; sites: PlannedSite[]; objects: PlannedObject[] },
  ids: { customerIds: number[]; contactIds: number[][]; siteIds: number[]; objectIds: number[] }
): DemoSite[] {
  const siteObjects = plan.sites.map((): DemoObject[] => [])
  plan.objects.forEach((ob, n) => {
    if (ob.parent === null) siteObjects[ob.site]!.push({ id: ids.objectIds[n]!, group: ob.group, name: ob.name })
  })
  return plan.sites.map((site, n) => ({
    id: ids.siteIds[n]!,
    customerId: ids.customerIds[site.customer]!,
    contactIds: ids.contactIds[site.customer]!,
    city: plan.customers[site.customer]!.city,
    objects: siteObjects[n]!
  }))
}
