import { describe, expect, it } from 'vitest'
import type { SearchHit } from '@shared/domain/system'
import type { ServiceContext } from '../../src/main/services/core/context'
import { createDemoData } from '../../src/main/demo/createDemo'
import { hashPassword } from '../../src/main/services/auth/passwords'
import { call, freshDb, userWith } from '../support/db'

const facts = { stage: null, date: null, amount: null }

async function world() {
  const { conn } = await freshDb()
  const ctx = userWith(conn, ['dispatcher'])
  const a = await call(ctx, 'customers.create', {
    name: 'Õunapuu Kinnisvara OÜ',
    phone: '+372 5123 4567',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }],
    contacts: [{ name: 'Mari Kask', role: 'haldur', phone: '+372 5512 3456', email: 'mari.kask@ounapuu.ee' }]
  })
  const b = await call(ctx, 'customers.create', {
    name: 'Tartu Veevärk AS',
    phone: '+372 7000 111',
    sites: [{ name: 'Pumpla', street: 'Aleksandri 5', city: 'Tartu' }]
  })
  // A name that mentions the serial sorts first on its own (empty serial) unless exact serials win.
  await call(ctx, 'serviceObjects.create', { name: 'Varuosa AB123 jaoks', customerId: b.id })
  await call(ctx, 'serviceObjects.create', { name: 'Pump 2', customerId: b.id, serialNumber: 'AB1230' })
  const exact = await call(ctx, 'serviceObjects.create', {
    name: 'Pump 1',
    customerId: a.id,
    serialNumber: 'AB123',
    siteId: a.sites[0]!.id
  })
  return { conn, ctx, a, b, exact }
}

const search = async (ctx: ServiceContext, q: string) => call(ctx, 'search.global', { q })
const of = (hits: SearchHit[], kind: SearchHit['kind']) => hits.filter((h) => h.kind === kind).map((h) => h.id)
const orderSearch = async (ctx: ServiceContext, q: string) => (await call(ctx, 'serviceOrders.list', { q })).rows.map((r) => r.number)

describe('search.global', () => {
  it('puts the service object with that exact serial number first', async () => {
    const { ctx, exact } = await world()
    const hits = await search(ctx, 'AB123')
    expect(hits[0]).toMatchObject({ kind: 'serviceObject', id: exact.id, targetId: exact.id })
    expect(hits[0]!.title).toContain('S/N AB123')
    expect(hits[0]!.subtitle).toBe(`${exact.number} · Õunapuu Kinnisvara OÜ`)
    expect(of(hits, 'serviceObject')).toHaveLength(3)
  })

  it('finds customers by name (also in the middle), by number and by phone with or without spaces', async () => {
    const { ctx, a, b } = await world()
    expect(of(await search(ctx, 'kinnisvara'), 'customer')).toEqual([a.id])
    const byPhone = await search(ctx, '7000 111')
    expect(byPhone).toEqual([
      { kind: 'customer', id: b.id, targetId: b.id, title: 'Tartu Veevärk AS', subtitle: `${b.number} · +372 7000 111`, ...facts }
    ])
    for (const typed of ['7000111', '+3727000111', '372 7000111']) expect(of(await search(ctx, typed), 'customer')).toEqual([b.id])
    expect((await search(ctx, b.number))[0]).toMatchObject({ kind: 'customer', id: b.id })
  })

  it('folds case and Estonian letters: "kask" finds Kask, "oun" finds Õunapuu', async () => {
    const { ctx, a } = await world()
    const kask = await search(ctx, 'kask')
    expect(kask.find((h) => h.kind === 'contact')).toEqual({
      kind: 'contact',
      id: a.contacts[0]!.id,
      targetId: a.id,
      title: 'Mari Kask (haldur)',
      subtitle: 'Õunapuu Kinnisvara OÜ · +372 5512 3456 · mari.kask@ounapuu.ee',
      ...facts
    })
    expect(of(await search(ctx, 'oun'), 'customer')).toEqual([a.id])
    expect(of(await search(ctx, 'ÕUNAPUU'), 'customer')).toEqual([a.id])
    expect(of(await search(ctx, 'parnu mnt'), 'site')).toEqual([a.sites[0]!.id])
  })

  it("finds a contact by phone typed any way and by e-mail, opening the contact's customer", async () => {
    const { ctx, a } = await world()
    for (const typed of ['55123456', '5512 3456', '+372 5512 3456', '+37255123456', 'mari.kask@ounapuu'])
      expect(of(await search(ctx, typed), 'contact'), typed).toEqual([a.contacts[0]!.id])
  })

  it('finds sites by street and opens their customer', async () => {
    const { ctx, a } = await world()
    const hits = await search(ctx, 'Pärnu mnt')
    expect(hits).toEqual([
      {
        kind: 'site',
        id: a.sites[0]!.id,
        targetId: a.id,
        title: 'Pärnu mnt 10, Tallinn',
        subtitle: 'Kontor · Õunapuu Kinnisvara OÜ',
        ...facts
      }
    ])
  })

  it('finds an order by its number first, with customer, site and stage', async () => {
    const { ctx, a } = await world()
    const orders = []
    for (let i = 0; i < 7; i++)
      orders.push(await call(ctx, 'serviceOrders.create', { customerId: a.id, siteId: a.sites[0]!.id, description: `Katla hooldus ${i}` }))
    const first = orders[0]!
    const hits = await search(ctx, first.number)
    expect(hits[0]).toEqual({
      kind: 'order',
      id: first.id,
      targetId: first.id,
      title: `${first.number} · Katla hooldus 0`,
      subtitle: 'Õunapuu Kinnisvara OÜ · Pärnu mnt 10, Tallinn',
      stage: first.stageName,
      date: null,
      amount: null
    })
    // A common word: the newest five, one group among the others.
    expect(of(await search(ctx, 'katla'), 'order')).toEqual(
      orders
        .slice(2)
        .reverse()
        .map((o) => o.id)
    )
  })

  it('finds an invoice by number for those who may read invoices, with its date and amount', async () => {
    const { conn, a } = await world()
    const manager = userWith(conn, ['serviceManager'], 'manager')
    const invoice = await call(manager, 'invoices.create', {
      customerId: a.id,
      manualLines: [{ description: 'Call-out fee', quantity: 1000, unit: 'pcs', unitPrice: 3500, vatCode: 'S' }],
      invoiceDate: '2026-12-01',
      requestKey: 'search-1'
    })
    const hits = await search(manager, invoice.number)
    expect(hits[0]).toEqual({
      kind: 'invoice',
      id: invoice.id,
      targetId: invoice.id,
      title: invoice.number,
      subtitle: 'Õunapuu Kinnisvara OÜ',
      stage: null,
      date: '2026-12-01',
      amount: invoice.grossTotal
    })
    const dispatcher = userWith(conn, ['dispatcher'], 'dispatcher2')
    expect(of(await search(dispatcher, invoice.number), 'invoice')).toEqual([])
  })

  it('shows a technician only the orders assigned to them', async () => {
    const { conn, ctx, a } = await world()
    const admin = userWith(conn, ['administrator'], 'admin')
    const worker = await call(admin, 'workers.create', { number: 'W-1', name: 'Toomas Tamm' })
    const site = { customerId: a.id, siteId: a.sites[0]!.id }
    const mine = await call(ctx, 'serviceOrders.create', { ...site, description: 'Katla remont', responsibleWorkerId: worker.id })
    await call(ctx, 'serviceOrders.create', { ...site, description: 'Katla remont' })
    const tech = userWith(conn, ['technician'], 'tech')
    conn.sqlite.prepare('update users set worker_id = ? where id = ?').run(worker.id, tech.user!.id)
    expect(of(await search(tech, 'katla remont'), 'order')).toEqual([mine.id])
    expect(of(await search(ctx, 'katla remont'), 'order')).toHaveLength(2)
  })

  it('keeps the index in step with edits and deletes', async () => {
    const { ctx, b } = await world()
    const order = await call(ctx, 'serviceOrders.create', { customerId: b.id, siteId: b.sites[0]!.id, description: 'Pumba hooldus' })
    expect(await orderSearch(ctx, 'veevärk')).toEqual([order.number])

    // The customer's own record, and its orders (which are found by the customer's name).
    const renamed = await call(ctx, 'customers.update', { ...b, name: 'Emajõe Vesi AS', phone: '+372 7000 222' })
    expect(of(await search(ctx, 'veevärk'), 'customer')).toEqual([])
    expect(of(await search(ctx, 'emajoe'), 'customer')).toEqual([b.id])
    expect(of(await search(ctx, '7000222'), 'customer')).toEqual([b.id])
    expect(await orderSearch(ctx, 'veevärk')).toEqual([])
    expect(await orderSearch(ctx, 'emajoe')).toEqual([order.number])

    // The order's own fields and its service objects.
    const pump = await call(ctx, 'serviceObjects.create', { name: 'Pump 3', customerId: b.id, serialNumber: 'XZ-991' })
    const edited = await call(ctx, 'serviceOrders.update', {
      ...order,
      description: 'Pumba remont',
      objects: [{ id: pump.id, note: '' }],
      tasks: []
    })
    expect(await orderSearch(ctx, 'hooldus')).toEqual([])
    expect(await orderSearch(ctx, 'remont')).toEqual([order.number])
    expect(await orderSearch(ctx, 'xz-991')).toEqual([order.number])
    await call(ctx, 'serviceObjects.update', { ...pump, serialNumber: 'QQ-552' })
    expect(await orderSearch(ctx, 'xz-991')).toEqual([])
    expect(await orderSearch(ctx, 'qq-552')).toEqual([order.number])

    // Sites and contacts edited and removed with the customer's record.
    await call(ctx, 'customers.update', {
      ...renamed,
      sites: [{ ...renamed.sites[0]!, street: 'Ülikooli 7' }],
      contacts: [{ name: 'Jüri Õispuu', phone: '5000 1234' }]
    })
    expect(await orderSearch(ctx, 'ulikooli')).toEqual([order.number])
    expect(of(await search(ctx, 'aleksandri'), 'site')).toEqual([])
    expect(of(await search(ctx, 'oispuu'), 'contact')).toHaveLength(1)

    // Deleting the order, then a customer without records, takes them out.
    await call(ctx, 'serviceOrders.delete', { id: edited.id, version: edited.version })
    expect(await orderSearch(ctx, 'remont')).toEqual([])
    expect(of(await search(ctx, order.number), 'order')).toEqual([])
    const loner = await call(ctx, 'customers.create', { name: 'Üksik Klient', contacts: [{ name: 'Ülle Üksik' }] })
    await call(ctx, 'customers.delete', { id: loner.id, version: loner.version })
    expect(await search(ctx, 'uksik')).toEqual([])
  })

  it('answers nothing for a single character and takes wildcards and query syntax literally', async () => {
    const { ctx } = await world()
    expect(await search(ctx, 'A')).toEqual([])
    expect(await search(ctx, '%%')).toEqual([])
    expect(await search(ctx, 'AB_23')).toEqual([])
    expect(await search(ctx, 'AB* OR "x')).toEqual([])
    expect(await search(ctx, 'NOT kask')).toEqual([])
  })
})

describe('serviceOrders.list text search', () => {
  it('matches number, description, customer, site, contact and objects through the index; short words scan', async () => {
    const { ctx, a, b, exact } = await world()
    const o1 = await call(ctx, 'serviceOrders.create', {
      customerId: a.id,
      siteId: a.sites[0]!.id,
      contactId: a.contacts[0]!.id,
      description: 'Soojuspumba hooldus',
      objects: [{ id: exact.id, note: '' }]
    })
    const o2 = await call(ctx, 'serviceOrders.create', { customerId: b.id, siteId: b.sites[0]!.id, description: 'Pumpla ülevaatus' })
    expect(await orderSearch(ctx, 'ounapuu')).toEqual([o1.number])
    expect(await orderSearch(ctx, 'tallinn')).toEqual([o1.number])
    expect(await orderSearch(ctx, 'mari kask')).toEqual([o1.number])
    expect(await orderSearch(ctx, 'AB123')).toEqual([o1.number])
    expect(await orderSearch(ctx, 'ulevaatus')).toEqual([o2.number])
    expect(await orderSearch(ctx, o2.number)).toEqual([o2.number])
    expect(await orderSearch(ctx, 'hooldus ounapuu')).toEqual([o1.number])
    expect(await orderSearch(ctx, 'hooldus veevärk')).toEqual([])
    expect((await call(ctx, 'serviceOrders.list', { q: 'ounapuu' })).total).toBe(1)
    // Too short for the trigram index: the old scan of number, description and customer name.
    expect(await orderSearch(ctx, 'ü')).toEqual([o2.number])
  })
})

describe('the demo company', () => {
  it('is found whole: the index is built once after the bulk write, and its triggers are back for later edits', async () => {
    const { conn } = await freshDb()
    createDemoData(conn, { today: '2025-06-02', hashPassword: () => hashPassword('demo', 'demo-salt') })
    const ctx = userWith(conn, ['administrator'])
    for (const kind of ['orders', 'customers', 'contacts', 'sites', 'objects', 'agreements', 'invoices']) {
      const source = conn.sqlite.prepare(`select count(*) from search_${kind}_source`).pluck().get() as number
      const indexed = conn.sqlite.prepare(`select count(*) from search_${kind}`).pluck().get() as number
      expect(indexed, kind).toBe(source)
      expect(source, kind).toBeGreaterThan(0)
    }
    const order = conn.sqlite.prepare('select number from service_orders order by id desc limit 1').pluck().get() as string
    expect(await orderSearch(ctx, order)).toEqual([order])
    const customer = (await call(ctx, 'customers.list', {})).rows[0]!
    const full = await call(ctx, 'customers.get', { id: customer.id })
    await call(ctx, 'customers.update', { ...full, name: 'Põhjavesi Hooldus OÜ' })
    expect(of(await search(ctx, 'pohjavesi'), 'customer')).toEqual([customer.id])
  })
})
