import { describe, expect, it } from 'vitest'
import type { Connection } from '../../src/main/db/connection'
import { hashPassword } from '../../src/main/services/auth/passwords'
import { createContext } from '../../src/main/services/core/context'
import { AppError } from '../../src/main/services/core/errors'
import { DEMO_USERS } from '../../src/main/services/demo/catalog'
import { createDemoData, type DemoOptions, demoSizes } from '../../src/main/services/demo/service'
import { customerService } from '../../src/main/services/masterdata/customers'
import { call, freshDb, userWith } from '../support/db'

// scrypt is slow on purpose; hash each demo password once for the whole file (the hashes are real).
const hashes = new Map<string, { hash: string; salt: string }>()
const memoHash = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password))
  return hashes.get(password)!
}
const TODAY = '2025-06-02'
const demo = (conn: Connection, options: DemoOptions = {}) => createDemoData(conn, { today: TODAY, hashPassword: memoHash, ...options })

const all = <T>(conn: Connection, sql: string, ...params: unknown[]) => conn.sqlite.prepare(sql).all(...params) as T[]
const count = (conn: Connection, table: string) => (conn.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

describe('demo data', () => {
  it('is deterministic: the same seed and date give the same company', async () => {
    const a = (await freshDb()).conn
    const b = (await freshDb()).conn
    demo(a)
    demo(b)
    const snapshot = (conn: Connection) => ({
      customers: all(conn, 'select number, name, email, billing_address from customers order by id'),
      sites: all(conn, 'select customer_id, name, street, city, postal_code from customer_sites order by id'),
      objects: all(conn, 'select number, name, serial_number, installation_date, warranty_end, parent_id from service_objects order by id'),
      workers: all(conn, 'select number, name, team_id, working_hours from workers order by id')
    })
    const sa = snapshot(a)
    expect(sa.customers).toHaveLength(80)
    expect(snapshot(b)).toEqual(sa)

    const c = (await freshDb()).conn
    demo(c, { seed: 7 })
    expect(snapshot(c).customers).not.toEqual(sa.customers)
  })

  it('makes the company of the spec at scale 1, valid against the API contract', async () => {
    const { conn } = await freshDb()
    const summary = demo(conn)
    const admin = userWith(conn, ['administrator'], 'root')

    expect(count(conn, 'customers')).toBe(80)
    expect(count(conn, 'customer_sites')).toBe(150)
    expect(count(conn, 'service_objects')).toBe(400)
    expect(count(conn, 'customer_contacts')).toBeGreaterThanOrEqual(80)
    expect(summary.counts).toMatchObject({ customers: 80, sites: 150, serviceObjects: 400, technicians: 15, teams: 3 })

    // Every list answers through the real pipeline with output checking on (emails, dates, enums…).
    const customers = await call(admin, 'customers.list', { pageSize: 500 })
    expect(customers.total).toBe(80)
    for (const c of customers.rows.slice(0, 40)) await call(admin, 'customers.get', { id: c.id })
    const objects = await call(admin, 'serviceObjects.list', { pageSize: 500 })
    expect(objects.total).toBe(400)
    const technicians = await call(admin, 'workers.list', { role: 'technician', pageSize: 500 })
    expect(technicians.total).toBe(15)
    expect(technicians.rows.every((w) => w.teamId !== null && w.skillIds.length > 0 && w.homeBase !== '')).toBe(true)
    expect(technicians.rows.some((w) => w.workingHours !== null)).toBe(true)
    for (const role of ['dispatcher', 'serviceManager', 'serviceConsultant'] as const) {
      expect((await call(admin, 'workers.list', { role })).total).toBeGreaterThanOrEqual(1)
    }
    const teams = await call(admin, 'dispatchTeams.list', {})
    expect(teams.total).toBe(3)
    expect(teams.rows.every((t) => t.memberCount >= 5 && t.ownerWorkerId !== null)).toBe(true)
    expect((await call(admin, 'skills.list', {})).total).toBe(8)
    expect((await call(admin, 'customerGroups.list', {})).rows.map((g) => g.name).sort()).toEqual([
      'Commercial',
      'Key account',
      'Public sector',
      'Residential'
    ])
    const items = await call(admin, 'items.list', { pageSize: 500 })
    expect(items.total).toBeGreaterThanOrEqual(25)
    expect(items.rows.some((i) => i.serialTracked) && items.rows.some((i) => !i.serialTracked)).toBe(true)
    expect(items.rows.every((i) => i.salesPrice >= i.costPrice && Number.isInteger(i.costPrice))).toBe(true)
    const categories = await call(admin, 'categories.list', { pageSize: 500 })
    expect(categories.rows.filter((c) => c.type === 'hour').map((c) => c.name)).toEqual(expect.arrayContaining(['Labour', 'Overtime', 'Travel time']))
    expect(categories.rows.filter((c) => c.type === 'expense').map((c) => c.name)).toEqual(expect.arrayContaining(['Mileage', 'Parking', 'Materials']))
    expect(categories.rows.filter((c) => c.type === 'fee').map((c) => c.name)).toEqual(expect.arrayContaining(['Call-out fee', 'Inspection fee']))
    const tasks = await call(admin, 'serviceTasks.list', { pageSize: 500 })
    expect(tasks.rows.filter((t) => t.requiredSkillIds.length > 0).length).toBeGreaterThanOrEqual(8)
    expect((await call(admin, 'serviceObjectGroups.list', {})).total).toBeGreaterThanOrEqual(5)

    // Components sit at their parent's site; serial numbers are unique; warranties end after installation.
    const components = objects.rows.filter((o) => o.parentId !== null)
    expect(components.length).toBeGreaterThan(10)
    const byId = new Map(objects.rows.map((o) => [o.id, o]))
    for (const c of components) {
      expect(byId.get(c.parentId!)!.siteId).toBe(c.siteId)
      expect(byId.get(c.parentId!)!.componentCount).toBeGreaterThan(0)
    }
    expect(new Set(objects.rows.map((o) => o.serialNumber)).size).toBe(400)
    expect(objects.rows.every((o) => !o.installationDate || o.warrantyEnd! > o.installationDate)).toBe(true)
    expect(objects.rows.filter((o) => o.parentId === null).every((o) => o.itemId !== null)).toBe(true)

    // Estonian towns and letters.
    const cities = new Set(all<{ city: string }>(conn, 'select city from customer_sites').map((r) => r.city))
    for (const city of ['Tallinn', 'Tartu', 'Pärnu']) expect(cities.has(city)).toBe(true)
    const text = all<{ t: string }>(conn, "select name || ' ' || street as t from customer_sites").map((r) => r.t).join(' ')
    for (const letter of ['õ', 'ä', 'ö', 'ü']) expect(text).toContain(letter)

    // Number sequences continue after the demo numbers.
    const sequences = await call(admin, 'numberSequences.list', {})
    const next = Object.fromEntries(sequences.rows.map((s) => [s.code, s.preview]))
    expect(next).toMatchObject({ customer: 'C-00081', serviceObject: 'OBJ-000401', worker: `W-${String(summary.counts.workers + 1).padStart(4, '0')}` })
    const created = await call(admin, 'customers.create', { name: 'After demo OÜ' })
    expect(created.number).toBe('C-00081')
  })

  it('adds one user per role that can sign in, linked to a worker of that role', async () => {
    const { conn } = await freshDb()
    const summary = demo(conn)
    expect(summary.users.map((u) => [u.username, u.password, u.created])).toEqual(DEMO_USERS.map((u) => [u.username, u.password, true]))
    const anonymous = createContext(conn, null)
    const tech = await call(anonymous, 'auth.signIn', { username: 'tech', password: 'demo-tech' })
    expect(tech.roles).toEqual(['technician'])
    expect(tech.workerId).not.toBeNull()
    const worker = conn.sqlite.prepare('select roles from workers where id = ?').get(tech.workerId) as { roles: string }
    expect(JSON.parse(worker.roles)).toEqual(['technician'])
    const admin = await call(createContext(conn, null), 'auth.signIn', { username: 'admin', password: 'demo-admin' })
    expect(admin.roles).toEqual(['administrator'])
  })

  it('is offered at first start: setup with demo data keeps the setup administrator', async () => {
    const { conn } = await freshDb()
    const anonymous = createContext(conn, null)
    const user = await call(anonymous, 'auth.setup', {
      username: 'admin',
      displayName: 'Owner',
      password: 'owner-password',
      companyName: 'Külmaabi OÜ',
      withDemoData: true
    })
    expect(user.username).toBe('admin')
    expect(count(conn, 'customers')).toBe(80)
    const names = all<{ username: string; display_name: string }>(conn, 'select username, display_name from users order by id')
    expect(names[0]).toEqual({ username: 'admin', display_name: 'Owner' })
    expect(names.map((n) => n.username).sort()).toEqual(['admin', 'consultant', 'dispatcher', 'manager', 'tech'])
  }, 30000)

  it('refuses a database that already has customers, and changes nothing', async () => {
    const { conn } = await freshDb()
    customerService.create(userWith(conn, ['administrator']), {
      name: 'Olemasolev Klient OÜ',
      groupId: null,
      language: 'et',
      email: '',
      phone: '',
      vatNumber: '',
      billingAddress: '',
      notes: '',
      active: true,
      sites: [],
      contacts: []
    })
    let error: unknown
    try {
      demo(conn)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('CONFLICT')
    expect((error as AppError).message).toMatch(/already has 1 customer\b/)
    expect(count(conn, 'customers')).toBe(1)
    expect(count(conn, 'workers')).toBe(0)
  })

  it('is all or nothing: a failure half-way leaves the database as it was', async () => {
    const { conn } = await freshDb()
    const before = all(conn, 'select code, next_number from number_sequences order by code')
    expect(() =>
      demo(conn, {
        onProgress: (stage) => {
          if (stage === 'serviceObjects') throw new Error('disk full (simulated)')
        }
      })
    ).toThrow('disk full (simulated)')
    for (const table of ['customers', 'customer_sites', 'customer_contacts', 'service_objects', 'workers', 'skills', 'items', 'categories', 'users']) {
      expect(count(conn, table), table).toBe(0)
    }
    expect(all(conn, 'select code, next_number from number_sequences order by code')).toEqual(before)
    // …and the same database takes the demo afterwards.
    demo(conn)
    expect(count(conn, 'service_objects')).toBe(400)
  })

  it('scales customers, sites and objects, and keeps staff sensible', async () => {
    expect(demoSizes(100)).toMatchObject({ customers: 8000, sites: 15000, serviceObjects: 40000, technicians: 200 })
    expect(demoSizes(100).teams).toBeLessThanOrEqual(50)
    const { conn } = await freshDb()
    const summary = demo(conn, { scale: 2.5 })
    expect(summary.counts).toMatchObject({ customers: 200, sites: 375, serviceObjects: 1000 })
    expect(count(conn, 'service_objects')).toBe(1000)
    expect(() => createDemoData(conn, { scale: 0 })).toThrow(/scale/)
  })
})
