import type { Sqlite } from '../db/connection'
import { takeNumbers } from './numbers'
import { Random } from './random'

/**
 * Demo service agreements: about 120 per scale unit over the demo customers' sites, in Gold / Silver /
 * Bronze, relating the site's equipment, with lines from weekly rounds to yearly services (the default
 * intervals and time windows), some with a time of day; one suspended, one template. Inserted with
 * prepared statements inside the demo's transaction, after the rest of the company exists (read back by
 * code), with a random stream of its own: the rest of the demo does not shift when this changes.
 * Nothing is generated here — `agreements generate` on the fresh database creates the coming months' orders.
 */

export interface DemoAgreementOptions {
  seed: number
  scale: number
  /** YYYY-MM-DD: agreements started up to two years before and run on from here. */
  today: string
  now: number
}

export interface DemoAgreementCounts {
  agreements: number
  agreementLines: number
  /** By group code (GOLD / SILVER / BRONZE); the template is not counted in a group. */
  byGroup: Record<string, number>
  suspended: number
  templates: number
}

export const AGREEMENT_GROUPS = [
  { code: 'GOLD', name: 'Kuld' },
  { code: 'SILVER', name: 'Hõbe' },
  { code: 'BRONZE', name: 'Pronks' }
] as const
type Tier = (typeof AGREEMENT_GROUPS)[number]['code']

/** Agreements at scale 1; grows linearly (12,000 at scale 100). */
export const AGREEMENTS_PER_SCALE = 120

/** What a maintenance line does for a kind of equipment, by tier: interval and window codes (setup.ts). */
interface Plan {
  task: string
  description: string
  interval: Record<Tier, string>
  window: Record<Tier, string | null>
  /** A time of day the visit must fit in (lifts before the morning rush, kitchens after lunch). */
  hours?: readonly [string, string]
}
const PLANS: Record<string, Plan[]> = {
  HEAT: [
    {
      task: 'BOILER-ANNUAL',
      description: 'Gaasikatla hooldus',
      interval: { GOLD: 'HALFYEAR', SILVER: 'YEARLY', BRONZE: 'YEARLY' },
      window: { GOLD: 'MONTH', SILVER: 'MONTH', BRONZE: 'PM3' }
    }
  ],
  HP: [
    {
      task: 'HP-MAINT',
      description: 'Soojuspumba hooldus',
      interval: { GOLD: 'QUARTERLY', SILVER: 'HALFYEAR', BRONZE: 'YEARLY' },
      window: { GOLD: 'WEEK', SILVER: 'MONTH', BRONZE: null }
    }
  ],
  LIFT: [
    {
      task: 'LIFT-INSP',
      description: 'Lifti korraline kontroll',
      interval: { GOLD: 'MONTHLY', SILVER: 'MONTHLY', BRONZE: 'QUARTERLY' },
      window: { GOLD: 'WEEK', SILVER: 'WEEK', BRONZE: 'MONTH' },
      hours: ['07:00', '10:00']
    }
  ],
  KITCHEN: [
    {
      task: 'KITCHEN-PM',
      description: 'Köögiseadmete hooldus',
      interval: { GOLD: 'BIWEEKLY', SILVER: 'MONTHLY', BRONZE: 'QUARTERLY' },
      window: { GOLD: 'WEEK', SILVER: 'WEEK', BRONZE: 'MONTH' },
      hours: ['14:00', '17:00']
    }
  ],
  COLD: [
    {
      task: 'REFR-LEAK',
      description: 'F-gaasi lekkekontroll',
      interval: { GOLD: 'QUARTERLY', SILVER: 'HALFYEAR', BRONZE: 'YEARLY' },
      window: { GOLD: 'MONTH', SILVER: 'MONTH', BRONZE: 'MONTH' }
    },
    {
      task: 'REFR-SERVICE',
      description: 'Külmaseadme hooldus',
      interval: { GOLD: 'MONTHLY', SILVER: 'QUARTERLY', BRONZE: 'YEARLY' },
      window: { GOLD: 'WEEK', SILVER: 'MONTH', BRONZE: null }
    }
  ],
  VENT: [
    {
      task: 'VENT-FILTER',
      description: 'Filtrite vahetus',
      interval: { GOLD: 'MONTHLY', SILVER: 'QUARTERLY', BRONZE: 'HALFYEAR' },
      window: { GOLD: 'WEEK', SILVER: 'MONTH', BRONZE: 'MONTH' }
    },
    {
      task: 'VENT-ANNUAL',
      description: 'Ventilatsiooniagregaadi hooldus',
      interval: { GOLD: 'YEARLY', SILVER: 'YEARLY', BRONZE: 'YEARLY' },
      window: { GOLD: 'MONTH', SILVER: 'MONTH', BRONZE: 'MONTH' }
    }
  ],
  ELEC: [
    {
      task: 'ELEC-INSP',
      description: 'Elektriohutuse kontroll',
      interval: { GOLD: 'YEARLY', SILVER: 'YEARLY', BRONZE: 'YEARLY' },
      window: { GOLD: 'MONTH', SILVER: 'MONTH', BRONZE: null }
    }
  ],
  AUTO: [
    {
      task: 'PLC-DIAG',
      description: 'Automaatika diagnostika ja varundus',
      interval: { GOLD: 'QUARTERLY', SILVER: 'HALFYEAR', BRONZE: 'YEARLY' },
      window: { GOLD: 'WEEK', SILVER: 'MONTH', BRONZE: 'MONTH' }
    }
  ]
}

const TIER_LABEL: Record<Tier, string> = { GOLD: 'Kuld', SILVER: 'Hõbe', BRONZE: 'Pronks' }

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso.slice(0, 8)}01T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + months)
  return d.toISOString().slice(0, 10)
}

/** Thousandths of an hour for a task's minutes, in quarter hours. */
const hoursOf = (minutes: number) => Math.max(250, Math.round(minutes / 15) * 250)

interface SiteRow {
  siteId: number
  siteName: string
  customerId: number
  segment: string
  contactId: number | null
}
interface ObjectRow {
  id: number
  siteId: number
  group: string
}

export function generateAgreements(s: Sqlite, o: DemoAgreementOptions): DemoAgreementCounts {
  const rnd = new Random((o.seed ^ 0x5eed_a6e) >>> 0)
  const id = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid)
  // By code; a missing code (a database set up without the default intervals and windows) is an error, not a silent null.
  const idByCode = (table: string) => {
    const ids = new Map((s.prepare(`select code, id from ${table}`).all() as { code: string; id: number }[]).map((r) => [r.code, r.id]))
    return {
      get(code: string): number {
        const found = ids.get(code)
        if (found === undefined)
          throw new Error(`Demo agreements need ${table} "${code}"; open the database with the app or the CLI first.`)
        return found
      }
    }
  }
  const intervals = idByCode('service_intervals')
  const windows = idByCode('time_windows')
  const tasks = idByCode('service_tasks')
  const categories = idByCode('categories')
  const minutes = new Map(
    (s.prepare('select code, default_duration_minutes as m from service_tasks').all() as { code: string; m: number }[]).map((r) => [
      r.code,
      r.m
    ])
  )
  const technicians = (
    s.prepare("select w.id from workers w, json_each(w.roles) r where r.value = 'technician' and w.active = 1 order by w.id").all() as {
      id: number
    }[]
  ).map((w) => w.id)
  const sites = s
    .prepare(
      `select st.id as siteId, st.name as siteName, c.id as customerId, g.code as segment,
         (select min(k.id) from customer_contacts k where k.customer_id = c.id) as contactId
       from customer_sites st join customers c on c.id = st.customer_id join customer_groups g on g.id = c.group_id
       where c.active = 1 order by st.id`
    )
    .all() as SiteRow[]
  const objectsBySite = new Map<number, ObjectRow[]>()
  for (const ob of s
    .prepare(
      'select o.id, o.site_id as siteId, g.code as "group" from service_objects o join service_object_groups g on g.id = o.group_id where o.parent_id is null and o.active = 1 and o.site_id is not null order by o.id'
    )
    .all() as ObjectRow[]) {
    const list = objectsBySite.get(ob.siteId) ?? []
    list.push(ob)
    objectsBySite.set(ob.siteId, list)
  }
  const candidates = sites.filter((st) => (objectsBySite.get(st.siteId)?.length ?? 0) > 0)
  if (candidates.length === 0 || technicians.length === 0)
    return { agreements: 0, agreementLines: 0, byGroup: {}, suspended: 0, templates: 0 }

  const groupStmt = s.prepare('insert into agreement_groups (code, name) values (?, ?)')
  const groups = new Map<Tier, number>(AGREEMENT_GROUPS.map((g) => [g.code, id(groupStmt.run(g.code, g.name))]))
  const agreementStmt = s.prepare(
    `insert into agreements (number, customer_id, description, group_id, start_date, end_date, suspended, combine_rule, preferred_worker_id,
       responsible_worker_id, contact_id, template_group_id, notes, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const objectStmt = s.prepare(
    'insert into agreement_objects (agreement_id, service_object_id, internal_note, external_note) values (?, ?, ?, ?)'
  )
  const taskStmt = s.prepare(
    'insert or ignore into agreement_tasks (agreement_id, service_task_id, internal_note, external_note) values (?, ?, ?, ?)'
  )
  const lineStmt = s.prepare(
    `insert into agreement_lines (agreement_id, line_no, type, description, service_object_id, service_task_id, interval_id, time_window_id,
       start_date, end_date, start_after, end_before, quantity, item_id, category_id, unit_price, worker_id, stopped, note)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?)`
  )
  const counts: DemoAgreementCounts = {
    agreements: 0,
    agreementLines: 0,
    byGroup: { GOLD: 0, SILVER: 0, BRONZE: 0 },
    suspended: 0,
    templates: 0
  }

  const total = Math.max(3, Math.round(AGREEMENTS_PER_SCALE * o.scale))
  // The agreements in turn, then the template.
  const numbers = takeNumbers(s, 'agreement', total + 1)
  // Every site with equipment in turn (a big customer gets one agreement per site), as often as needed.
  const order = rnd.sample(candidates, candidates.length)
  const firstOfMonth = `${o.today.slice(0, 8)}01`
  for (let n = 0; n < total; n++) {
    const site = order[n % order.length]!
    const tier: Tier =
      site.segment === 'KEY'
        ? rnd.chance(0.8)
          ? 'GOLD'
          : 'SILVER'
        : site.segment === 'RES'
          ? 'BRONZE'
          : rnd.chance(0.25)
            ? 'GOLD'
            : rnd.chance(0.6)
              ? 'SILVER'
              : 'BRONZE'
    // Started in the last two years on the first of a month; a few end within the coming year, some have ended.
    const ending = rnd.next()
    const start = addMonths(firstOfMonth, -rnd.int(ending < 0.04 ? 6 : 0, 23))
    const end =
      ending < 0.04 ? addDays(firstOfMonth, -rnd.int(1, 90)) : ending < 0.15 ? addDays(addMonths(firstOfMonth, rnd.int(4, 12)), -1) : null
    const objects = rnd.sample(objectsBySite.get(site.siteId)!, tier === 'BRONZE' ? 2 : tier === 'SILVER' ? 4 : 8)
    const combine =
      tier === 'GOLD' && objects.length > 3 && rnd.chance(0.4) ? 'object' : tier !== 'BRONZE' && rnd.chance(0.1) ? 'task' : 'agreement'
    const technician = rnd.pick(technicians)
    const suspended = n === 2 ? 1 : 0
    const agreementId = id(
      agreementStmt.run(
        numbers[n]!,
        site.customerId,
        `${TIER_LABEL[tier]}hooldus, ${site.siteName}`,
        groups.get(tier)!,
        start,
        end,
        suspended,
        combine,
        technician,
        technician,
        site.contactId,
        null,
        suspended ? 'Peatatud, kuni klient on tasunud võlgnevad arved.' : '',
        o.now,
        o.now
      )
    )
    counts.agreements++
    counts.byGroup[tier] = (counts.byGroup[tier] ?? 0) + 1
    counts.suspended += suspended
    let lineNo = 1
    const addLine = (l: {
      type: string
      description: string
      objectId: number | null
      task: string | null
      interval: string | null
      window: string | null
      hours?: readonly [string, string] | undefined
      quantity: number
      category: string
      price?: number
    }) => {
      const lineStart = addDays(start, rnd.int(0, 27))
      lineStmt.run(
        agreementId,
        lineNo++,
        l.type,
        l.description,
        l.objectId,
        l.task === null ? null : tasks.get(l.task),
        l.interval === null ? null : intervals.get(l.interval),
        l.window === null ? null : windows.get(l.window),
        lineStart,
        null,
        l.hours?.[0] ?? null,
        l.hours?.[1] ?? null,
        l.quantity,
        categories.get(l.category),
        l.price ?? null,
        null,
        rnd.chance(0.03) ? 1 : 0,
        ''
      )
      if (l.task !== null) taskStmt.run(agreementId, tasks.get(l.task), '', '')
      counts.agreementLines++
    }
    for (const ob of objects) {
      objectStmt.run(agreementId, ob.id, '', rnd.chance(0.2) ? 'Võtmed majahoidjalt; helista ette.' : '')
      for (const plan of PLANS[ob.group] ?? []) {
        addLine({
          type: 'hour',
          description: plan.description,
          objectId: ob.id,
          task: plan.task,
          interval: plan.interval[tier],
          window: plan.window[tier],
          hours: plan.hours && rnd.chance(0.5) ? plan.hours : undefined,
          quantity: hoursOf(minutes.get(plan.task) ?? 60),
          category: 'LAB'
        })
      }
    }
    // Key accounts on Gold get a weekly technical round, within the week, mornings.
    if (tier === 'GOLD' && site.segment === 'KEY') {
      addLine({
        type: 'hour',
        description: 'Iganädalane tehniline ülevaatus',
        objectId: null,
        task: null,
        interval: 'WEEKLY',
        window: 'WEEK',
        hours: ['08:00', '12:00'],
        quantity: 1000,
        category: 'LAB'
      })
    }
    if (tier !== 'BRONZE')
      addLine({
        type: 'fee',
        description: 'Teenuseleppe tasu',
        objectId: null,
        task: null,
        interval: tier === 'GOLD' ? 'MONTHLY' : 'QUARTERLY',
        window: 'MONTH',
        quantity: 1000,
        category: 'INSP',
        price: tier === 'GOLD' ? 24900 : 14900
      })
  }

  // One template: standard heat pump care, under "Standardpaketid › Küte", on the first key account.
  const templateGroup = s.prepare('insert into template_groups (code, name, parent_id) values (?, ?, ?)')
  const packages = id(templateGroup.run('STD', 'Standardpaketid', null))
  const heating = id(templateGroup.run('STD-HEAT', 'Küte', packages))
  const owner = sites.find((st) => st.segment === 'KEY') ?? sites[0]!
  const templateId = id(
    agreementStmt.run(
      numbers[total]!,
      owner.customerId,
      'Mall: soojuspumba hooldus (Hõbe)',
      groups.get('SILVER')!,
      firstOfMonth,
      null,
      0,
      'agreement',
      null,
      null,
      null,
      heating,
      'Kopeeri need read uude teenuseleppesse.',
      o.now,
      o.now
    )
  )
  for (const [n, [description, interval, window, task]] of (
    [
      ['Soojuspumba hooldus', 'HALFYEAR', 'MONTH', 'HP-MAINT'],
      ['Filtrite vahetus', 'QUARTERLY', 'MONTH', 'VENT-FILTER']
    ] as const
  ).entries()) {
    lineStmt.run(
      templateId,
      n + 1,
      'hour',
      description,
      null,
      tasks.get(task),
      intervals.get(interval),
      windows.get(window),
      firstOfMonth,
      null,
      null,
      null,
      hoursOf(minutes.get(task) ?? 60),
      categories.get('LAB'),
      null,
      null,
      0,
      ''
    )
    taskStmt.run(templateId, tasks.get(task), '', '')
    counts.agreementLines++
  }
  counts.agreements++
  counts.templates++

  return counts
}
