import { inArray } from 'drizzle-orm'
import type { Connection } from '../db/connection'
import { numberSequences, users } from '../db/schema'
import { hashPassword } from '../services/auth/passwords'
import { AppError } from '../services/core/errors'
import { ensureDefaultSequences, formatNumber } from '../services/core/sequences'
import { type DemoAgreementCounts, generateAgreements } from './agreements'
import { type DemoDispatchCounts, generateDispatch } from './dispatch'
import { type DemoSlaCounts, generateSlas } from './sla'
import {
  ACCESS_NOTES,
  CATEGORIES,
  CONTACT_ROLES,
  CUSTOMER_GROUPS,
  CUSTOMER_NOTES,
  DEMO_USERS,
  ITEMS,
  KIND_WEIGHTS,
  type Language,
  OBJECT_GROUPS,
  OBJECT_KINDS,
  OBJECT_NOTES,
  type ObjectKind,
  type Segment,
  SERVICE_TASKS,
  SITE_KINDS,
  SKILLS,
  TEAM_REGIONS,
  TEAM_SPECIALITIES,
  WORKING_HOURS_OPTIONS,
  type WorkerRole
} from './catalog'
import {
  commercialName,
  type CompanyName,
  housingAssociationName,
  keyAccountName,
  publicSectorName,
  randomPerson,
  slug
} from './names'
import { type Address, type City, cityNamed, formatAddress, landline, mobilePhone, randomAddress, randomCity } from './places'
import { type DemoObject, type DemoSite, demoOrderPlan, generateOrders } from './orders'
import { Random, WeightedPool } from './random'

/**
 * Demo data: a realistic, deterministic Estonian service company (customers, sites, contacts, equipment,
 * technicians, teams, catalogue, users). The same seed and anchor date always give the same company.
 * Bulk rows go in through prepared statements in one transaction: all or nothing, and fast at any scale.
 * E-mail addresses use reserved example domains so that nothing can ever be mailed to a real person.
 */

export const DEFAULT_DEMO_SEED = 20250101
/** Bump when the generated data changes, so that cached demo databases (bench) are rebuilt. */
export const DEMO_DATA_VERSION = 3

export type DemoStage = 'catalogue' | 'workers' | 'customers' | 'sites' | 'serviceObjects' | 'users' | 'orders' | 'agreements'

export interface DemoOptions {
  /**
   * Multiplies customers (80), sites (150) and service objects (400); staff grows more slowly. Service orders:
   * about 30 a week per scale unit over 6·√scale weeks of history and 4 weeks of plans (300 at scale 1,
   * about 200,000 at scale 100). Default 1.
   */
  scale?: number
  seed?: number
  /** YYYY-MM-DD that installation dates, warranties and service orders count from; default: today (UTC). */
  today?: string
  /**
   * The moment the demo is made at (created stamps; what is done, under way or still planned on the board; which
   * SLA clocks have run out). Default: the clock, or midday (UTC) of `today` when only that is given, so that an
   * anchor date in the past never meets a clock of today.
   */
  now?: number
  /** Called at the start of each stage, inside the transaction (a throw rolls everything back). */
  onProgress?: (stage: DemoStage) => void
  /** Password hashing; default the app's scrypt (tests may pass a memoised one, it is slow on purpose). */
  hashPassword?: (password: string) => { hash: string; salt: string }
}

export interface DemoSizes {
  customers: number
  sites: number
  serviceObjects: number
  technicians: number
  teams: number
  dispatchers: number
  serviceManagers: number
  consultants: number
  /** Dated service orders (besides a few templates), over this many weeks before the anchor date and 4 after. */
  serviceOrders: number
  orderHistoryWeeks: number
}

export interface DemoUserResult {
  username: string
  password: string
  roles: string[]
  workerName: string | null
  /** False when the user name was already taken (e.g. by the first-start administrator). */
  created: boolean
}

export interface DemoSummary {
  scale: number
  seed: number
  counts: DemoSizes & {
    contacts: number
    components: number
    workers: number
    skills: number
    items: number
    categories: number
    serviceTasks: number
    customerGroups: number
    serviceObjectGroups: number
    templateOrders: number
    orderLines: number
    invoices: number
    /** Dated orders by where they stand: stage code, or CANCELLED. */
    ordersByStage: Record<string, number>
    agreements: DemoAgreementCounts
    slas: DemoSlaCounts
    dispatch: DemoDispatchCounts
  }
  users: DemoUserResult[]
}

export function demoSizes(scale: number): DemoSizes {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new AppError('VALIDATION', 'The demo scale must be a number above 0 and at most 1000.', [
      { path: ['scale'], message: 'Above 0, at most 1000' }
    ])
  }
  const customers = Math.max(1, Math.round(80 * scale))
  const technicians = Math.min(200, Math.max(3, Math.round(15 * scale ** 0.575)))
  const teams = Math.max(1, Math.round(technicians / 5))
  const orders = demoOrderPlan(scale)
  return {
    customers,
    sites: Math.max(customers, Math.round(150 * scale)),
    serviceObjects: Math.max(1, Math.round(400 * scale)),
    technicians,
    teams,
    dispatchers: Math.ceil(teams / 2),
    serviceManagers: Math.ceil(teams / 8),
    consultants: Math.ceil(teams / 2),
    serviceOrders: orders.orders,
    orderHistoryWeeks: orders.historyWeeks
  }
}

/* ---------- small helpers ---------- */

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

const json = (v: unknown) => JSON.stringify(v)
const bool = (b: boolean) => (b ? 1 : 0)

function databaseContents(conn: Connection): string[] {
  const tables: [table: string, one: string, many: string][] = [
    ['customers', 'customer', 'customers'],
    ['service_objects', 'service object', 'service objects'],
    ['workers', 'worker', 'workers'],
    ['items', 'item', 'items'],
    ['skills', 'skill', 'skills'],
    ['dispatch_teams', 'dispatch team', 'dispatch teams'],
    ['customer_groups', 'customer group', 'customer groups'],
    ['service_object_groups', 'service object group', 'service object groups'],
    ['categories', 'category', 'categories'],
    ['service_tasks', 'service task', 'service tasks']
  ]
  const found: string[] = []
  for (const [table, one, many] of tables) {
    const n = (conn.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    if (n > 0) found.push(`${n} ${n === 1 ? one : many}`)
  }
  return found
}

interface CustomerPlan {
  id: number
  segment: Segment
  language: Language
  city: City
  domain: string
  kinds: readonly (readonly [ObjectKind, number])[]
  siteWeight: number
  objectWeight: number
  siteNames: Set<string>
  isPerson: boolean
  contactIds: number[]
}

interface SitePlan {
  id: number
  customer: CustomerPlan
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

/**
 * Fills an empty database with the demo company. Refuses a database that already holds master data.
 * Password hashing (slow on purpose) happens once per demo user, before the transaction.
 */
export function createDemoData(conn: Connection, options: DemoOptions = {}): DemoSummary {
  const scale = options.scale ?? 1
  const sizes = demoSizes(scale)
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const today = options.today ?? new Date(options.now ?? Date.now()).toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new AppError('VALIDATION', 'The anchor date must be YYYY-MM-DD.', [{ path: ['today'], message: 'YYYY-MM-DD' }])
  const now = options.now ?? (options.today ? Date.parse(`${today}T12:00:00Z`) : Date.now())

  const taken = new Set(
    conn.db
      .select({ username: users.username })
      .from(users)
      .where(inArray(users.username, DEMO_USERS.map((u) => u.username)))
      .all()
      .map((u) => u.username)
  )
  const hash = options.hashPassword ?? hashPassword
  const hashes = new Map(DEMO_USERS.filter((u) => !taken.has(u.username)).map((u) => [u.username, hash(u.password)]))

  const run = conn.sqlite.transaction((): DemoSummary => {
    const existing = databaseContents(conn)
    if (existing.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Demo data goes only into an empty database; this one already has ${existing.join(', ')}. Nothing was changed.`
      )
    }
    return generate(conn, sizes, { scale, seed, now, today, hashes, onProgress: options.onProgress })
  })
  return run()
}

interface GenerateOptions {
  scale: number
  seed: number
  now: number
  today: string
  hashes: Map<string, { hash: string; salt: string }>
  onProgress: ((stage: DemoStage) => void) | undefined
}

function generate(conn: Connection, sizes: DemoSizes, o: GenerateOptions): DemoSummary {
  const rnd = new Random(o.seed)
  const s = conn.sqlite
  const progress = (stage: DemoStage) => o.onProgress?.(stage)
  const id = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid)

  ensureDefaultSequences(conn.db)
  const sequences = new Map(
    conn.db
      .select()
      .from(numberSequences)
      .where(inArray(numberSequences.code, ['customer', 'serviceObject', 'worker']))
      .all()
      .map((r) => [r.code, r])
  )
  const numberer = (code: string) => {
    const seq = sequences.get(code)!
    let next = seq.nextNumber
    return {
      take: () => formatNumber(seq.prefix, next++, seq.padding),
      finish: () => s.prepare('update number_sequences set next_number = ? where code = ?').run(next, code)
    }
  }

  /* ---------- catalogue ---------- */
  progress('catalogue')
  const insertCodeName = (table: string) => s.prepare(`insert into ${table} (code, name) values (?, ?)`)
  const skillIds = new Map<string, number>()
  const skillStmt = insertCodeName('skills')
  for (const k of SKILLS) skillIds.set(k.code, id(skillStmt.run(k.code, k.name)))
  const groupIds = new Map<Segment, number>()
  const groupStmt = insertCodeName('customer_groups')
  for (const g of CUSTOMER_GROUPS) groupIds.set(g.code, id(groupStmt.run(g.code, g.name)))
  const objectGroupIds = new Map<string, number>()
  const objectGroupStmt = insertCodeName('service_object_groups')
  for (const g of OBJECT_GROUPS) objectGroupIds.set(g.code, id(objectGroupStmt.run(g.code, g.name)))

  const itemStmt = s.prepare(
    'insert into items (number, name, unit, cost_price, sales_price, serial_tracked, active) values (?, ?, ?, ?, ?, ?, 1)'
  )
  const itemIds = new Map<string, number>()
  for (const it of ITEMS) {
    itemIds.set(it.number, id(itemStmt.run(it.number, it.name, it.unit, it.costPrice, it.salesPrice, bool(it.serialTracked))))
  }
  const categoryStmt = s.prepare('insert into categories (code, name, type, unit, cost_price, sales_price) values (?, ?, ?, ?, ?, ?)')
  const categoryIds = new Map<string, number>()
  for (const c of CATEGORIES) categoryIds.set(c.code, id(categoryStmt.run(c.code, c.name, c.type, c.unit, c.costPrice, c.salesPrice)))
  const taskStmt = s.prepare('insert into service_tasks (code, name, description, default_duration_minutes) values (?, ?, ?, ?)')
  const taskSkillStmt = s.prepare('insert into service_task_skills (task_id, skill_id) values (?, ?)')
  const taskIds = new Map<string, number>()
  for (const t of SERVICE_TASKS) {
    const taskId = id(taskStmt.run(t.code, t.name, t.description, t.minutes))
    taskIds.set(t.code, taskId)
    for (const k of t.skills) taskSkillStmt.run(taskId, skillIds.get(k)!)
  }

  /* ---------- teams and workers ---------- */
  progress('workers')
  const workerNo = numberer('worker')
  const teamStmt = s.prepare('insert into dispatch_teams (code, name) values (?, ?)')
  const teams: { id: number; city: City; skills: readonly string[] }[] = []
  for (let i = 0; i < sizes.teams; i++) {
    const region = TEAM_REGIONS[i % TEAM_REGIONS.length]!
    const round = Math.floor(i / TEAM_REGIONS.length)
    const speciality = TEAM_SPECIALITIES[(i + round) % TEAM_SPECIALITIES.length]!
    const lap = Math.floor(i / (TEAM_REGIONS.length * TEAM_SPECIALITIES.length))
    const suffix = lap === 0 ? '' : ` ${lap + 1}`
    const teamId = id(teamStmt.run(`${region.code}-${speciality.code}${lap === 0 ? '' : `-${lap + 1}`}`, `${region.city} ${speciality.name.toLowerCase()}${suffix}`))
    teams.push({ id: teamId, city: cityNamed(region.city), skills: speciality.skills })
  }
  const workerStmt = s.prepare(
    'insert into workers (number, name, email, phone, roles, team_id, home_base, working_hours, active) values (?, ?, ?, ?, ?, ?, ?, ?, 1)'
  )
  const workerSkillStmt = s.prepare('insert into worker_skills (worker_id, skill_id) values (?, ?)')
  const emails = new Set<string>()
  const staffEmail = (first: string, last: string) => {
    const base = `${slug(first)}.${slug(last)}`
    let email = `${base}@hooldus.example`
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@hooldus.example`
    emails.add(email)
    return email
  }
  const firstWorker = new Map<WorkerRole, { id: number; name: string }>()
  const addWorker = (role: WorkerRole, teamId: number | null, city: City, homeBase: string, hours: unknown, skills: string[]) => {
    const p = randomPerson(rnd, city)
    const workerId = id(
      workerStmt.run(workerNo.take(), p.name, staffEmail(p.first, p.last), mobilePhone(rnd), json([role]), teamId, homeBase, hours === null ? null : json(hours))
    )
    for (const k of new Set(skills)) workerSkillStmt.run(workerId, skillIds.get(k)!)
    if (!firstWorker.has(role)) firstWorker.set(role, { id: workerId, name: p.name })
    return workerId
  }
  const technicianIds: number[] = []
  for (let i = 0; i < sizes.technicians; i++) {
    const team = teams[i % teams.length]!
    const skills = [team.skills[0]!, ...team.skills.slice(1).filter(() => rnd.chance(0.7))]
    if (rnd.chance(0.25)) skills.push(rnd.pick(SKILLS).code)
    const hours = rnd.chance(0.25) ? rnd.pick(WORKING_HOURS_OPTIONS) : null
    technicianIds.push(addWorker('technician', team.id, team.city, formatAddress(randomAddress(rnd, team.city, true)), hours, skills))
  }
  const office = formatAddress(randomAddress(rnd, cityNamed('Tallinn')))
  const tallinn = cityNamed('Tallinn')
  const dispatcherIds: number[] = []
  for (let i = 0; i < sizes.dispatchers; i++) dispatcherIds.push(addWorker('dispatcher', teams[(i * 2) % teams.length]!.id, tallinn, office, null, []))
  for (let i = 0; i < sizes.serviceManagers; i++) addWorker('serviceManager', null, tallinn, office, null, [])
  for (let i = 0; i < sizes.consultants; i++) addWorker('serviceConsultant', null, tallinn, office, null, [])
  const ownerStmt = s.prepare('update dispatch_teams set owner_worker_id = ? where id = ?')
  teams.forEach((t, i) => ownerStmt.run(dispatcherIds[Math.floor(i / 2) % dispatcherIds.length]!, t.id))
  workerNo.finish()
  const workerCount = sizes.technicians + sizes.dispatchers + sizes.serviceManagers + sizes.consultants

  /* ---------- customers, their first site and contacts ---------- */
  progress('customers')
  const customerNo = numberer('customer')
  const customerStmt = s.prepare(
    `insert into customers (number, name, group_id, language, email, phone, vat_number, billing_address, notes, active, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const siteStmt = s.prepare(
    'insert into customer_sites (customer_id, name, street, city, postal_code, country, access_notes) values (?, ?, ?, ?, ?, ?, ?)'
  )
  const contactStmt = s.prepare('insert into customer_contacts (customer_id, name, role, phone, email) values (?, ?, ?, ?, ?)')
  const segmentWeights = CUSTOMER_GROUPS.map((g) => [g.code, g.weight] as const)
  const customers: CustomerPlan[] = []
  const sites: SitePlan[] = []
  let contacts = 0
  const siteLang = (l: Language): 'et' | 'en' => (l === 'en' || l === 'fi' ? 'en' : 'et')

  const addSite = (c: CustomerPlan, name: string, address: Address) => {
    let unique = name
    for (let n = 2; c.siteNames.has(unique); n++) unique = `${name} ${n}`
    c.siteNames.add(unique)
    const notes = rnd.chance(0.25) ? rnd.pick(ACCESS_NOTES[siteLang(c.language)]) : ''
    const siteId = id(siteStmt.run(c.id, unique, address.street, address.city, address.postalCode, 'EE', notes))
    sites.push({ id: siteId, customer: c })
  }

  for (let i = 0; i < sizes.customers; i++) {
    const segment = rnd.weighted(segmentWeights)
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
    const language: Language = person?.language ?? company!.language
    const name = person?.name ?? company!.name
    const domain = person ? 'example.com' : `${slug(name) || 'customer'}.example`
    const email = person ? `${slug(person.first)}.${slug(person.last)}@example.com` : `${segment === 'PUB' ? 'info' : rnd.pick(['info', 'service', 'office'])}@${domain}`
    const phone = person ? mobilePhone(rnd) : landline(rnd, city)
    const vat = person || housing ? '' : rnd.chance(0.85) ? `EE10${rnd.digits(7)}` : ''
    const notes = rnd.chance(0.15) ? rnd.pick(CUSTOMER_NOTES) : ''
    const active = !rnd.chance(0.03)
    const customerId = id(
      customerStmt.run(customerNo.take(), name, groupIds.get(segment)!, language, email, phone, vat, formatAddress(address), notes, bool(active), o.now, o.now)
    )
    const plan: CustomerPlan = {
      id: customerId,
      segment,
      language,
      city,
      domain,
      kinds: housing ? KINDS_HOUSING : KINDS_BY_SEGMENT[segment],
      siteWeight: person ? 0 : housing ? 1 : segment === 'KEY' ? 12 : 3,
      objectWeight: person ? 1 : housing ? 3 : segment === 'KEY' ? 8 : segment === 'PUB' ? 5 : 4,
      siteNames: new Set(),
      isPerson: person !== null,
      contactIds: []
    }
    customers.push(plan)
    const lang = siteLang(language)
    const firstSiteName = person ? (lang === 'et' ? 'Kodu' : 'Home') : housing ? (lang === 'et' ? 'Kortermaja' : 'Apartment building') : SITE_KINDS[lang][0]!
    addSite(plan, firstSiteName, address)

    const contactCount = person ? 1 : segment === 'KEY' ? rnd.int(2, 4) : rnd.int(1, 3)
    for (let k = 0; k < contactCount; k++) {
      if (person) {
        plan.contactIds.push(id(contactStmt.run(customerId, person.name, '', phone, email)))
      } else {
        const p = randomPerson(rnd, city)
        plan.contactIds.push(id(contactStmt.run(customerId, p.name, rnd.pick(CONTACT_ROLES[lang]), mobilePhone(rnd), `${slug(p.first)}.${slug(p.last)}@${domain}`)))
      }
      contacts++
    }
  }
  customerNo.finish()

  /* ---------- further sites of business customers ---------- */
  progress('sites')
  const sitePool = new WeightedPool()
  customers.forEach((c, i) => sitePool.add(i, c.siteWeight))
  for (let n = customers.length; n < sizes.sites; n++) {
    const c = customers[sitePool.size > 0 ? sitePool.pick(rnd) : rnd.int(0, customers.length - 1)]!
    const lang = siteLang(c.language)
    const city = rnd.chance(0.6) ? c.city : randomCity(rnd)
    addSite(c, `${rnd.pick(SITE_KINDS[lang].slice(1))} ${city.name}`, randomAddress(rnd, city))
  }

  /* ---------- service objects and their components ---------- */
  progress('serviceObjects')
  const objectNo = numberer('serviceObject')
  const objectStmt = s.prepare(
    `insert into service_objects (number, name, customer_id, site_id, item_id, group_id, serial_number, installation_date, warranty_end, parent_id, notes, active)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const serials = new Set<string>()
  const serialOf = (prefix: string, year: number) => {
    let serial: string
    do serial = `${prefix}${String(year % 100).padStart(2, '0')}${rnd.digits(7)}`
    while (serials.has(serial))
    serials.add(serial)
    return serial
  }
  const anchorYear = Number(o.today.slice(0, 4))
  const siteObjects = new Map<number, DemoObject[]>()
  let budget = sizes.serviceObjects
  let components = 0
  const addObject = (site: SitePlan) => {
    const c = site.customer
    const kind = rnd.weighted(c.kinds)
    const itemNumber = rnd.pick(kind.items)
    const item = ITEMS.find((it) => it.number === itemNumber)!
    const lang = siteLang(c.language)
    const location = rnd.pick(kind.locations[lang])
    const name = `${kind.label[lang]}, ${location}`
    const installed = rnd.chance(0.9) ? addDays(o.today, -rnd.int(60, 14 * 365)) : null
    const warranty = installed ? addYears(installed, kind.warrantyYears) : null
    const year = installed ? Number(installed.slice(0, 4)) : anchorYear - rnd.int(3, 20)
    const notes = rnd.chance(0.12) ? rnd.pick(OBJECT_NOTES) : ''
    const active = bool(!rnd.chance(0.03))
    const groupId = objectGroupIds.get(kind.group)!
    const parentId = id(
      objectStmt.run(objectNo.take(), name, c.id, site.id, itemIds.get(item.number)!, groupId, serialOf(item.serialPrefix ?? 'SN', year), installed, warranty, null, notes, active)
    )
    budget--
    const onSite = siteObjects.get(site.id) ?? []
    onSite.push({ id: parentId, group: kind.group, name })
    siteObjects.set(site.id, onSite)
    if (kind.components.length === 0 || !rnd.chance(0.45)) return
    for (const comp of kind.components) {
      if (budget <= 0) return
      if (!rnd.chance(0.8)) continue
      objectStmt.run(objectNo.take(), `${comp[lang]}, ${location}`, c.id, site.id, null, groupId, serialOf(comp.prefix, year), installed, warranty, parentId, '', active)
      budget--
      components++
    }
  }
  for (const site of sites) {
    if (budget <= 0) break
    addObject(site)
  }
  const objectPool = new WeightedPool()
  sites.forEach((site, i) => objectPool.add(i, site.customer.objectWeight))
  while (budget > 0) addObject(sites[objectPool.pick(rnd)]!)
  objectNo.finish()

  /* ---------- users ---------- */
  progress('users')
  const userStmt = s.prepare(
    'insert into users (username, display_name, password_hash, password_salt, roles, worker_id, active, created_at) values (?, ?, ?, ?, ?, ?, 1, ?)'
  )
  const usernameTaken = s.prepare('select 1 from users where username = ?')
  const userResults: DemoUserResult[] = DEMO_USERS.map((u) => {
    const worker = u.worker ? (firstWorker.get(u.worker) ?? null) : null
    const hash = o.hashes.get(u.username)
    let created = false
    if (hash && usernameTaken.get(u.username) === undefined) {
      userStmt.run(u.username, worker?.name ?? u.displayName, hash.hash, hash.salt, json(u.roles), worker?.id ?? null, o.now)
      created = true
    }
    return { username: u.username, password: u.password, roles: [...u.roles], workerName: worker?.name ?? null, created }
  })

  /* ---------- service orders and invoices ---------- */
  progress('orders')
  const userId = (username: string) => (s.prepare('select id from users where username = ?').get(username) as { id: number } | undefined)?.id ?? null
  const demoSites: DemoSite[] = sites.map((site) => ({
    id: site.id,
    customerId: site.customer.id,
    contactIds: site.customer.contactIds,
    city: site.customer.city,
    objects: siteObjects.get(site.id) ?? []
  }))
  const orders = generateOrders({
    sqlite: s,
    rnd,
    scale: o.scale,
    today: o.today,
    sites: demoSites,
    technicianIds,
    itemIds,
    categoryIds,
    taskIds,
    users: { manager: userId('manager'), dispatcher: userId('dispatcher'), tech: userId('tech'), techWorkerId: firstWorker.get('technician')?.id ?? null }
  })
  progress('agreements')
  const agreements = generateAgreements(s, { seed: o.seed, scale: o.scale, today: o.today, now: o.now })
  const slas = generateSlas(conn, { today: o.today })
  const dispatch = generateDispatch(s, { seed: o.seed, scale: o.scale, today: o.today, now: o.now })

  return {
    scale: o.scale,
    seed: o.seed,
    counts: {
      ...sizes,
      contacts,
      components,
      workers: workerCount,
      skills: SKILLS.length,
      items: ITEMS.length,
      categories: CATEGORIES.length,
      serviceTasks: SERVICE_TASKS.length,
      customerGroups: CUSTOMER_GROUPS.length,
      serviceObjectGroups: OBJECT_GROUPS.length,
      serviceOrders: orders.serviceOrders,
      templateOrders: orders.templateOrders,
      orderLines: orders.orderLines,
      invoices: orders.invoices,
      ordersByStage: orders.byStage,
      agreements,
      slas,
      dispatch
    },
    users: userResults
  }
}
