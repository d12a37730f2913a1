import { withSearchIndexDeferred } from '../services/search/bulk'
import { inArray } from 'drizzle-orm'
import { addDays } from '@shared/recurrence'
import { DEFAULT_LANGUAGE, defaultCsvDialect, type Language } from '@shared/i18n/languages'
import type { Connection, Sqlite } from '../db/connection'
import { users } from '../db/schema'
import { hashPassword } from '../services/auth/passwords'
import { AppError } from '../services/core/errors'
import { ensureDefaultSequences } from '../services/core/sequences'
import { type DemoAgreementCounts, generateAgreements } from './agreements'
import { CATEGORIES, CUSTOMER_GROUPS, DEMO_USERS, ITEMS, OBJECT_GROUPS, SERVICE_TASKS, SKILLS, type WorkerRole } from './catalog'
import { planCustomers, planFurtherSites, planObjects, writeCustomers, writeObjects, writeSites, writtenSites } from './customers'
import { writeHolidays } from './holidays'
import { writeCompanyDetails } from './company'
import { type DemoDispatchCounts, generateDispatch } from './dispatch'
import { demoOrderPlan, generateOrders } from './orders'
import { Random } from './random'
import { type DemoReturnCounts, generateReturns } from './returns'
import { type DemoSlaCounts, generateSlas } from './sla'
import { type DemoRepairCounts, generateRepairs } from './repair'
import { type DemoSubscriptionCounts, generateSubscriptions } from './subscriptions'
import { planStaff, planTeams, writeCatalogue, writeStaff } from './staff'

/**
 * Demo data: a realistic, deterministic Estonian service company (customers, sites, contacts, equipment,
 * technicians, teams, catalogue, users). The same seed and anchor date always give the same company.
 * Each part is planned from the seeded generator first (no database), then written through prepared
 * statements; all of it in one transaction: all or nothing, and fast at any scale.
 * E-mail addresses use reserved example domains so that nothing can ever be mailed to a real person.
 */

export const DEFAULT_DEMO_SEED = 20250101
/** Bump when the generated data changes, so that cached demo databases (bench) are rebuilt. */
export const DEMO_DATA_VERSION = 6

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
    returns: DemoReturnCounts
    repair: DemoRepairCounts
    subscriptions: DemoSubscriptionCounts
  }
  users: DemoUserResult[]
}

export function demoSizes(scale: number): DemoSizes {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new AppError('VALIDATION', 'errors.demo.scale', {}, [{ path: ['scale'], code: 'errors.demo.scaleField' }])
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

/**
 * Fills an empty database with the demo company. Refuses a database that already holds master data.
 * Password hashing (slow on purpose) happens once per demo user, before the transaction.
 */
export function createDemoData(conn: Connection, options: DemoOptions = {}): DemoSummary {
  const scale = options.scale ?? 1
  const sizes = demoSizes(scale)
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const today = options.today ?? new Date(options.now ?? Date.now()).toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new AppError('VALIDATION', 'errors.demo.anchorDate', {}, [{ path: ['today'], code: 'errors.demo.anchorDateField' }])
  const now = options.now ?? (options.today ? Date.parse(`${today}T12:00:00Z`) : Date.now())

  const taken = new Set(
    conn.db
      .select({ username: users.username })
      .from(users)
      .where(
        inArray(
          users.username,
          DEMO_USERS.map((u) => u.username)
        )
      )
      .all()
      .map((u) => u.username)
  )
  const hash = options.hashPassword ?? hashPassword
  const hashes = new Map(DEMO_USERS.filter((u) => !taken.has(u.username)).map((u) => [u.username, hash(u.password)]))

  const run = conn.sqlite.transaction((): DemoSummary => {
    const existing = databaseContents(conn)
    if (existing.length > 0) {
      throw new AppError('CONFLICT', 'errors.demo.notEmpty', { contents: existing.join(', ') })
    }
    return withSearchIndexDeferred(conn.sqlite, () =>
      generate(conn, sizes, { scale, seed, now, today, hashes, onProgress: options.onProgress })
    )
  })
  return run.immediate()
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
  ensureDefaultSequences(conn.db)

  progress('catalogue')
  const catalogue = writeCatalogue(s)

  progress('workers')
  const teams = planTeams(sizes.teams)
  const staff = writeStaff(s, teams, planStaff(rnd, sizes, teams), catalogue.skillIds)

  progress('customers')
  writeCompanyDetails(s)
  writeHolidays(s, o.today)
  const { customers, sites } = planCustomers(rnd, sizes.customers)
  const written = writeCustomers(s, customers, catalogue.groupIds, o.now)
  const siteIds = writeSites(s, sites, written.ids)

  progress('sites')
  const further = planFurtherSites(rnd, customers, sites.length, sizes.sites)
  siteIds.push(...writeSites(s, further, written.ids))
  sites.push(...further)

  progress('serviceObjects')
  const objects = planObjects(rnd, customers, sites, sizes.serviceObjects, o.today)
  const objectIds = writeObjects(s, objects, { sites, siteIds, customerIds: written.ids }, catalogue)

  progress('users')
  const userResults = writeUsers(s, o, staff.firstWorker)

  const userId = (username: string) =>
    (s.prepare('select id from users where username = ?').get(username) as { id: number } | undefined)?.id ?? null
  // Before the orders: the subscriptions' invoices of the past year are numbered ahead of the orders' recent ones.
  const subscriptions = generateSubscriptions(conn, {
    seed: o.seed,
    scale: o.scale,
    today: o.today,
    historyStart: addDays(o.today, -7 * sizes.orderHistoryWeeks),
    managerId: userId('manager')
  })

  progress('orders')
  const orders = generateOrders(s, {
    rnd,
    scale: o.scale,
    today: o.today,
    sites: writtenSites({ customers, sites, objects }, { customerIds: written.ids, contactIds: written.contactIds, siteIds, objectIds }),
    technicianIds: staff.technicianIds,
    itemIds: catalogue.itemIds,
    categoryIds: catalogue.categoryIds,
    taskIds: catalogue.taskIds,
    users: {
      manager: userId('manager'),
      dispatcher: userId('dispatcher'),
      tech: userId('tech'),
      techWorkerId: staff.firstWorker.get('technician')?.id ?? null
    }
  })
  progress('agreements')
  const agreements = generateAgreements(s, { seed: o.seed, scale: o.scale, today: o.today, now: o.now })
  const slas = generateSlas(conn, { today: o.today })
  const dispatch = generateDispatch(s, { seed: o.seed, scale: o.scale, today: o.today, now: o.now })
  const returns = generateReturns(conn, { seed: o.seed, scale: o.scale, today: o.today, managerId: userId('manager') })
  const repair = generateRepairs(conn, { seed: o.seed, now: o.now })

  return {
    scale: o.scale,
    seed: o.seed,
    counts: {
      ...sizes,
      contacts: customers.reduce((sum, c) => sum + c.contacts.length, 0),
      components: objects.filter((ob) => ob.parent !== null).length,
      workers: sizes.technicians + sizes.dispatchers + sizes.serviceManagers + sizes.consultants,
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
      dispatch,
      returns,
      repair,
      subscriptions
    },
    users: userResults
  }
}

/**
 * The demo users (a name already taken is skipped), linked to the first worker of their role; they speak
 * the company's language, with that language's CSV dialect, as users an administrator adds do.
 */
function writeUsers(s: Sqlite, o: GenerateOptions, firstWorker: Map<WorkerRole, { id: number; name: string }>): DemoUserResult[] {
  const language = (s.prepare('select language from settings where id = 1').pluck().get() as Language | undefined) ?? DEFAULT_LANGUAGE
  const userStmt = s.prepare(
    'insert into users (username, display_name, password_hash, password_salt, roles, worker_id, active, created_at, language, csv_dialect) values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)'
  )
  const usernameTaken = s.prepare('select 1 from users where username = ?')
  return DEMO_USERS.map((u) => {
    const worker = u.worker ? (firstWorker.get(u.worker) ?? null) : null
    const hash = o.hashes.get(u.username)
    let created = false
    if (hash && usernameTaken.get(u.username) === undefined) {
      userStmt.run(
        u.username,
        worker?.name ?? u.displayName,
        hash.hash,
        hash.salt,
        JSON.stringify(u.roles),
        worker?.id ?? null,
        o.now,
        language,
        defaultCsvDialect(language)
      )
      created = true
    }
    return { username: u.username, password: u.password, roles: [...u.roles], workerName: worker?.name ?? null, created }
  })
}
