import { describe, expect, it } from 'vitest'
import { CATEGORIES, ITEMS, SERVICE_TASKS } from '../../src/main/demo/catalog'
import { planCustomers, planFurtherSites, planObjects } from '../../src/main/demo/customers'
import { type OrderInput, type OrderSetup, planOrders } from '../../src/main/demo/orders'
import { cityNamed } from '../../src/main/demo/places'
import { Random } from '../../src/main/demo/random'
import { planStaff, planTeams } from '../../src/main/demo/staff'
import { demoSizes } from '../../src/main/demo/createDemo'

// The demo plans its rows from the seeded generator before it writes anything: planning needs no
// database, and the same seed plans the same rows.

function company(seed: number) {
  const rnd = new Random(seed)
  const { customers, sites } = planCustomers(rnd, 20)
  sites.push(...planFurtherSites(rnd, customers, sites.length, 35))
  return { customers, sites, objects: planObjects(rnd, customers, sites, 90, '2025-03-12') }
}

const ids = (keys: readonly string[]) => new Map(keys.map((k, i) => [k, i + 1]))
const setup: OrderSetup = {
  tz: 'Europe/Tallinn',
  currency: 'EUR',
  vat: { code: 'S', rate: 2400 },
  stageIds: ids(['NEW', 'SCHEDULED', 'ON-HOLD', 'IN-PROGRESS', 'WAIT-PARTS', 'COMPLETED', 'CLOSED']),
  holdReasons: [1, 2, null, 4],
  partsReason: 5
}
function orders(seed: number) {
  const input: OrderInput = {
    rnd: new Random(seed),
    scale: 0.2,
    today: '2025-03-12',
    sites: [
      { id: 1, customerId: 1, contactIds: [1], city: cityNamed('Tallinn'), objects: [{ id: 1, group: 'HEAT', name: 'Boiler, basement' }] },
      { id: 2, customerId: 2, contactIds: [], city: cityNamed('Tartu'), objects: [] }
    ],
    technicianIds: [10, 11, 12],
    itemIds: ids(ITEMS.map((it) => it.number)),
    categoryIds: ids(CATEGORIES.map((c) => c.code)),
    taskIds: ids(SERVICE_TASKS.map((t) => t.code)),
    users: { manager: 1, dispatcher: 2, tech: 3, techWorkerId: 10 }
  }
  const { dayAt: _dayAt, ...plan } = planOrders(input, setup)
  return plan
}

describe('demo planning', () => {
  it('plans the same company and orders from the same seed, without a database', () => {
    const a = company(7)
    expect(company(7)).toEqual(a)
    expect(company(8)).not.toEqual(a)
    expect(a.sites).toHaveLength(35)
    expect(a.objects).toHaveLength(90)
    // Components come right after their parent, on the same site.
    for (const [n, ob] of a.objects.entries()) {
      if (ob.parent !== null) expect(a.objects[ob.parent]!.site, `object ${n}`).toBe(ob.site)
    }

    const plan = orders(7)
    expect(orders(7)).toEqual(plan)
    expect(plan.orders.length).toBe(plan.datedOrders + 3)
    expect(plan.orders.filter((o) => o.isTemplate)).toHaveLength(3)
    for (const inv of plan.invoices) expect(plan.orders[inv.orderIndex]!.lines.some((l) => l.status === 'posted')).toBe(true)
  })
})

describe('the demo staff', () => {
  // A dispatcher tells technicians apart by name: no two workers share one, at the smallest and the
  // largest scale (scale 100 plans the most staff the demo makes), and every name is Estonian.
  it.each([1, 100])('have unique Estonian names at scale %s', (scale) => {
    const sizes = demoSizes(scale)
    const teams = planTeams(sizes.teams)
    const staff = planStaff(new Random(scale), sizes, teams)
    expect(staff).toHaveLength(sizes.technicians + sizes.dispatchers + sizes.serviceManagers + sizes.consultants)
    const names = staff.map((w) => w.name)
    expect(new Set(names).size).toBe(names.length)
    for (const n of names) expect(n).toMatch(/^[A-ZÕÄÖÜŠŽ][a-zõäöüšž]+ [A-ZÕÄÖÜŠŽ][a-zõäöüšž]+$/)
    expect(names).not.toContain('Kate Smith')
  })
})
