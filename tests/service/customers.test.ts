import { describe, expect, it } from 'vitest'
import { call, callError, freshDb, userWith } from '../support/db'

describe('customers', () => {
  it('creates a customer with sites and contacts, numbers it, and audits the change', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const c = await call(ctx, 'customers.create', {
      name: 'Tallinna Vesi AS',
      sites: [{ name: 'Pumpla', street: 'Ädala 10', city: 'Tallinn' }],
      contacts: [{ name: 'Mari Maasikas', phone: '+372 5555 1234' }]
    })
    expect(c.number).toBe('C-00001')
    expect(c.sites).toHaveLength(1)
    expect(c.sites[0]!.street).toBe('Ädala 10')
    const log = await call(userWith(conn, ['administrator'], 'admin'), 'audit.forRecord', { entity: 'customer', entityId: c.id })
    expect(log.map((e) => e.action)).toEqual(['create'])
  })

  it('answers CONFLICT for a stale version and changes nothing', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const c = await call(ctx, 'customers.create', { name: 'A' })
    await call(ctx, 'customers.update', { ...c, name: 'B' })
    const err = await callError(ctx, 'customers.update', { ...c, name: 'C' })
    expect(err.code).toBe('CONFLICT')
    expect((await call(ctx, 'customers.get', { id: c.id })).name).toBe('B')
  })

  it('refuses a technician', async () => {
    const { conn } = await freshDb()
    const err = await callError(userWith(conn, ['technician']), 'customers.create', { name: 'X' })
    expect(err.code).toBe('FORBIDDEN')
  })

  it('lists with paging, search and sort', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    for (const name of ['Beta', 'Alfa', 'Gamma', 'Alfa 2']) await call(ctx, 'customers.create', { name })
    const page = await call(ctx, 'customers.list', { q: 'alfa', sort: 'name', dir: 'desc', pageSize: 1 })
    expect(page.total).toBe(2)
    expect(page.rows.map((r) => r.name)).toEqual(['Alfa 2'])
  })
})

describe('customers: sites, contacts and references', () => {
  it('keeps its number when edited, and takes no number from the sequence', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const c = await call(ctx, 'customers.create', { name: 'Esimene AS' })
    const edited = await call(ctx, 'customers.update', { ...c, name: 'Esimene ja Pojad AS' })
    expect(edited.number).toBe(c.number)
    expect((await call(ctx, 'customers.create', { name: 'Teine AS' })).number).toBe('C-00002')
  })

  it('edits sites and contacts with the customer: adds, changes and removes, keeping ids', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    await call(ctx, 'customers.create', { name: 'Muu klient', sites: [{ name: 'X', street: 'Y', city: 'Narva' }] })
    const c = await call(ctx, 'customers.create', {
      name: 'Kaubamaja AS',
      sites: [
        { name: 'Pood', street: 'Gonsiori 2', city: 'Tallinn' },
        { name: 'Ladu', street: 'Peterburi tee 5', city: 'Tallinn' }
      ],
      contacts: [{ name: 'Mari' }, { name: 'Jüri', email: 'jyri@example.ee' }]
    })
    expect(c.siteCount).toBe(2)
    const [shop, store] = c.sites
    const updated = await call(ctx, 'customers.update', {
      ...c,
      sites: [
        { ...store!, city: 'Maardu' },
        { name: 'Kontor', street: 'Tartu mnt 1', city: 'Tartu' }
      ],
      contacts: [{ ...c.contacts[1]!, phone: '+372 5000 0000' }]
    })
    expect(updated.sites.map((s) => [s.id === store!.id, s.name, s.city])).toEqual([
      [true, 'Ladu', 'Maardu'],
      [false, 'Kontor', 'Tartu']
    ])
    expect(updated.sites.some((s) => s.id === shop!.id)).toBe(false)
    expect(updated.contacts).toEqual([{ ...c.contacts[1]!, phone: '+372 5000 0000' }])
    expect(updated.siteCount).toBe(2)
    // The list shows the first remaining site's city, and each customer's own site count.
    const list = await call(ctx, 'customers.list', { sort: 'name' })
    expect(list.rows.map((r) => [r.name, r.siteCount, r.city])).toEqual([
      ['Kaubamaja AS', 2, 'Maardu'],
      ['Muu klient', 1, 'Narva']
    ])
  })

  it('refuses to remove a site where a service object stands, and changes nothing', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const c = await call(ctx, 'customers.create', {
      name: 'Kool',
      sites: [
        { name: 'Maja A', street: 'Kooli 1', city: 'Tartu' },
        { name: 'Maja B', street: 'Kooli 3', city: 'Tartu' }
      ]
    })
    await call(ctx, 'serviceObjects.create', { name: 'Katel', customerId: c.id, siteId: c.sites[1]!.id })
    const err = await callError(ctx, 'customers.update', { ...c, name: 'Kool (muudetud)', sites: [c.sites[0]!] })
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toMatch(/Maja B.*1 service object/)
    expect(await call(ctx, 'customers.get', { id: c.id })).toEqual(c)
  })

  it('refuses a site or contact id that belongs to another customer', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const other = await call(ctx, 'customers.create', {
      name: 'Teine',
      sites: [{ name: 'S', street: 'T', city: 'U' }],
      contacts: [{ name: 'Võõras Kontakt' }]
    })
    const c = await call(ctx, 'customers.create', { name: 'Mina', contacts: [{ name: 'Oma' }] })
    const site = await callError(ctx, 'customers.update', { ...c, sites: [other.sites[0]!] })
    expect(site.issues?.[0]?.path).toEqual(['sites', 0, 'id'])
    const contact = await callError(ctx, 'customers.update', { ...c, contacts: [...c.contacts, other.contacts[0]!] })
    expect(contact.code).toBe('VALIDATION')
    expect(contact.issues?.[0]?.path).toEqual(['contacts', 1, 'id'])
    expect(await call(ctx, 'customers.get', { id: c.id })).toEqual(c)
    expect(await call(ctx, 'customers.get', { id: other.id })).toEqual(other)
  })

  it('refuses to delete a customer with service objects, naming them; deletes one without, with its sites', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['dispatcher'])
    const c = await call(ctx, 'customers.create', { name: 'A', sites: [{ name: 'S', street: 'T', city: 'U' }], contacts: [{ name: 'K' }] })
    const o = await call(ctx, 'serviceObjects.create', { name: 'Lift', customerId: c.id })
    const err = await callError(ctx, 'customers.delete', { id: c.id, version: c.version })
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toBe('Customer cannot be deleted: it is used by 1 service objects.')
    expect(await call(ctx, 'customers.get', { id: c.id })).toEqual(c)

    await call(ctx, 'serviceObjects.delete', { id: o.id, version: o.version })
    await call(ctx, 'customers.delete', { id: c.id, version: c.version })
    expect((await callError(ctx, 'customers.get', { id: c.id })).code).toBe('NOT_FOUND')
    expect(conn.sqlite.prepare('select count(*) as n from customer_sites').get()).toEqual({ n: 0 })
    expect(conn.sqlite.prepare('select count(*) as n from customer_contacts').get()).toEqual({ n: 0 })
  })

  it('checks the group exists and filters by group and active', async () => {
    const { conn } = await freshDb()
    const admin = userWith(conn, ['administrator'])
    const g = await call(admin, 'customerGroups.create', { code: 'VIP', name: 'VIP' })
    expect((await callError(admin, 'customers.create', { name: 'X', groupId: 999 })).issues?.[0]?.path).toEqual(['groupId'])
    await call(admin, 'customers.create', { name: 'Grupis', groupId: g.id })
    await call(admin, 'customers.create', { name: 'Passiivne', active: false })
    const inGroup = await call(admin, 'customers.list', { groupId: g.id })
    expect(inGroup.rows.map((r) => [r.name, r.groupName])).toEqual([['Grupis', 'VIP']])
    expect((await call(admin, 'customers.list', { active: false })).rows.map((r) => r.name)).toEqual(['Passiivne'])
  })

  it('keeps the buyer details for invoices: registry code, country, VAT number stored upper case without spaces, terms, e-invoice address', async () => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const c = await call(ctx, 'customers.create', {
      name: 'AS Tallinna Vesi',
      registryCode: '10257326',
      vatNumber: 'ee 100 060 116',
      invoiceEmail: 'arved@tvesi.example',
      einvoiceAddress: '0191:10257326',
      paymentTermsDays: 30
    })
    expect(c).toMatchObject({ country: 'EE', registryCode: '10257326', vatNumber: 'EE100060116', paymentTermsDays: 30 })
    expect(await call(ctx, 'customers.get', { id: c.id })).toEqual(c)
    // Empty terms: the company's apply.
    expect((await call(ctx, 'customers.update', { ...c, paymentTermsDays: null })).paymentTermsDays).toBeNull()
    // A Finnish company: its business id is no Estonian registry code, and it is kept as typed.
    const fi = await call(ctx, 'customers.create', { name: 'Nokia Oyj', country: 'fi', registryCode: '0112038-9', vatNumber: 'FI01120389' })
    expect(fi).toMatchObject({ country: 'FI', registryCode: '0112038-9', vatNumber: 'FI01120389' })
    expect((await call(ctx, 'customers.list', { q: '0112038' })).rows.map((r) => r.name)).toEqual(['Nokia Oyj'])
  })

  const refusals: [string, Record<string, unknown>, string, string][] = [
    ['an Estonian registry code failing its check digit', { registryCode: '10257327' }, 'registryCode', 'validation.registryCode'],
    ['a VAT number of no known form', { vatNumber: 'EE1234' }, 'vatNumber', 'validation.vatNumber'],
    ['a VAT number of another EU country', { country: 'LV', vatNumber: 'FI01120389' }, 'vatNumber', 'validation.vatNumberCountry'],
    ['an unknown country', { country: 'XX' }, 'country', 'validation.country'],
    ['negative payment terms', { paymentTermsDays: -5 }, 'paymentTermsDays', 'validation.negative'],
    ['a malformed invoice e-mail', { invoiceEmail: 'arved@' }, 'invoiceEmail', 'validation.email']
  ]
  it.each(refusals)('refuses %s on its field, and saves nothing', async (_what, change, field, code) => {
    const { conn } = await freshDb()
    const ctx = userWith(conn, ['serviceManager'])
    const c = await call(ctx, 'customers.create', { name: 'Kontroll OÜ' })
    const err = await callError(ctx, 'customers.update', { ...c, ...change })
    expect(err.code).toBe('VALIDATION')
    expect(err.issues?.map((i) => [i.path.join('.'), i.code])).toEqual([[field, code]])
    expect(await call(ctx, 'customers.get', { id: c.id })).toEqual(c)
  })
})
