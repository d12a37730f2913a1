import { describe, expect, it } from 'vitest'
import type { Connection } from '../../src/main/db/connection'
import { call, callError, freshDb, userWith } from '../support/db'
import { expectRefused, nextOf, snapshot, walk } from '../support/orders'
import { seedMasterData } from '../support/seed'

async function world() {
  const { conn } = await freshDb()
  const seed = await seedMasterData(conn)
  const admin = seed.admin
  const labour = await call(admin, 'categories.create', {
    code: 'LAB',
    name: 'Labour',
    type: 'hour',
    unit: 'h',
    costPrice: 2800,
    salesPrice: 5500
  })
  const part = await call(admin, 'items.create', { number: 'FILTER-1', name: 'Filter', unit: 'pcs', costPrice: 800, salesPrice: 1500 })
  const other = await call(admin, 'customers.create', {
    name: 'Teine AS',
    sites: [{ name: 'Ladu', street: 'Peterburi tee 1', city: 'Tallinn' }]
  })

  /** An order of the customer with the given lines, taken to Completed; signed off and posted unless `post` is false. */
  async function order(
    lines: { hours?: number; parts?: number }[],
    customer: { id: number; sites: { id: number }[] } = seed.customer,
    post = true
  ) {
    let o = await call(admin, 'serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description: 'Repair' })
    for (const l of lines) {
      if (l.hours) o = await call(admin, 'serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: labour.id, quantity: l.hours })
      if (l.parts) o = await call(admin, 'serviceOrders.addLine', { orderId: o.id, type: 'item', itemId: part.id, quantity: l.parts })
    }
    o = await walk(admin, o.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'], seed.stages)
    if (!post) return o
    o = await call(admin, 'serviceOrders.signOff', { id: o.id, version: o.version })
    return call(admin, 'serviceOrders.post', { id: o.id, version: o.version })
  }
  let keys = 0
  const bill = (lineIds: number[], extra: { customerId?: number; invoiceDate?: string; requestKey?: string } = {}) =>
    call(admin, 'invoices.create', {
      customerId: seed.customer.id,
      lineIds,
      invoiceDate: '2026-12-01',
      requestKey: `test-key-${++keys}`,
      ...extra
    })
  return { conn, ...seed, admin, labour, part, other, order, bill }
}

const count = (conn: Connection, table: string) => (conn.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
const ids = (o: { lines: { id: number }[] }) => o.lines.map((l) => l.id)

describe('invoices', () => {
  it('offer only posted, uninvoiced lines of the customer', async () => {
    const w = await world()
    const a = await w.order([{ hours: 1500 }, { parts: 2000 }])
    const open = await w.order([{ hours: 1000 }], w.customer, false)
    const foreign = await w.order([{ hours: 1000 }], w.other)
    const offered = await call(w.admin, 'invoices.invoiceable', { customerId: w.customer.id })
    expect(offered.map((l) => l.id)).toEqual(ids(a))
    expect(offered.map((l) => [l.orderNumber, l.type, l.salesAmount])).toEqual([
      [a.number, 'hour', 8250],
      [a.number, 'item', 3000]
    ])
    expect(offered.map((l) => l.id)).not.toContain(open.lines[0]!.id)
    expect((await call(w.admin, 'invoices.invoiceable', { customerId: w.other.id })).map((l) => l.id)).toEqual(ids(foreign))
  })

  it('compute VAT per line at the default rate, totals, due date and links the lines', async () => {
    const w = await world()
    const a = await w.order([{ hours: 1500 }, { parts: 2000 }])
    const b = await w.order([{ hours: 2245 }]) // 123.475 → 123.48 net; VAT 29.6352 → 29.64
    const inv = await w.bill([...ids(b), ...ids(a)], { invoiceDate: '2026-12-28' })
    expect(inv).toMatchObject({
      number: 'INV-000002', // the seed invoiced INV-000001
      kind: 'invoice',
      customerId: w.customer.id,
      customerName: 'Õunapuu OÜ',
      customerAddress: 'Pärnu mnt 10, Tallinn',
      invoiceDate: '2026-12-28',
      dueDate: '2027-01-11',
      currency: 'EUR',
      netTotal: 8250 + 3000 + 12348,
      vatTotal: 1980 + 720 + 2964,
      grossTotal: 8250 + 3000 + 12348 + 1980 + 720 + 2964,
      creditOfId: null,
      creditNotes: [],
      referenceNumber: '26', // 2, then its 7-3-1 check digit
      reverseCharge: false,
      paidTotal: 0,
      creditedTotal: 0,
      openAmount: 8250 + 3000 + 12348 + 1980 + 720 + 2964
    })
    // Lines in order-number and line order, whatever order they were chosen in.
    expect(inv.lines.map((l) => [l.orderNumber, l.quantity, l.unitPrice, l.netAmount, l.vatCode, l.vatRate, l.vatAmount])).toEqual([
      [a.number, 1500, 5500, 8250, 'S', 2400, 1980],
      [a.number, 2000, 1500, 3000, 'S', 2400, 720],
      [b.number, 2245, 5500, 12348, 'S', 2400, 2964]
    ])
    const order = await call(w.admin, 'serviceOrders.get', { id: a.id })
    expect(order.lines.map((l) => [l.invoiceId, l.invoiceNumber])).toEqual([
      [inv.id, 'INV-000002'],
      [inv.id, 'INV-000002']
    ])
    expect(await call(w.admin, 'invoices.invoiceable', { customerId: w.customer.id })).toEqual([])
    expect(await call(w.admin, 'invoices.get', { id: inv.id })).toEqual(inv)
  })

  it("use the settings' default VAT rate at the time of invoicing", async () => {
    const w = await world()
    const settings = await call(w.admin, 'settings.get', {})
    await call(w.admin, 'settings.update', { ...settings, vatRates: settings.vatRates.map((r) => ({ ...r, isDefault: r.code === 'R13' })) })
    const a = await w.order([{ hours: 1000 }])
    const inv = await w.bill(ids(a))
    expect(inv.lines[0]).toMatchObject({ vatCode: 'R13', vatRate: 1300, vatAmount: 715 })
    expect(inv).toMatchObject({ netTotal: 5500, vatTotal: 715, grossTotal: 6215 })
  })

  it('refuse lines that are not posted, of another customer, missing or already invoiced — each with no change and no number taken', async () => {
    const w = await world()
    const posted = await w.order([{ hours: 1000 }])
    const open = await w.order([{ hours: 1000 }], w.customer, false)
    const foreign = await w.order([{ hours: 1000 }], w.other)
    const next = nextOf(w.conn, 'invoice')
    const input = (lineIds: number[]) => ({ customerId: w.customer.id, lineIds, invoiceDate: '2026-12-01', requestKey: 'refused-key-1' })
    await expectRefused(
      w.admin,
      'invoices.create',
      input([...ids(posted), ...ids(open)]),
      'VALIDATION',
      new RegExp(`^${open.number} line 1 is not posted`),
      ['lineIds']
    )
    await expectRefused(
      w.admin,
      'invoices.create',
      input([...ids(posted), ...ids(foreign)]),
      'VALIDATION',
      new RegExp(`^${foreign.number} line 1 belongs to another customer`),
      ['lineIds']
    )
    await expectRefused(w.admin, 'invoices.create', input([...ids(posted), 99999]), 'VALIDATION', /does not exist/, ['lineIds'])
    await expectRefused(
      w.admin,
      'invoices.create',
      input([...ids(posted), ...ids(w.doneOrder)]),
      'CONFLICT',
      new RegExp(`${w.doneOrder.number} line 1 is already invoiced; it cannot be invoiced twice`)
    )
    await expectRefused(w.admin, 'invoices.create', input([]), 'VALIDATION', /Some fields/, ['lineIds'])
    expect(nextOf(w.conn, 'invoice')).toBe(next)
    // The refused key is still free, and the number is the one that was next.
    expect((await w.bill(ids(posted), { requestKey: 'refused-key-1' })).number).toBe('INV-000002')
  })

  it('are made once: the same request key answers the same invoice; other keys or other lines are CONFLICT', async () => {
    const w = await world()
    const a = await w.order([{ hours: 1000 }, { parts: 1000 }])
    const b = await w.order([{ hours: 1000 }])
    const input = { customerId: w.customer.id, lineIds: ids(a), invoiceDate: '2026-12-01', requestKey: 'double-click-1' }
    // A double click: both calls go out before either answers.
    const [first, second] = await Promise.all([call(w.admin, 'invoices.create', input), call(w.admin, 'invoices.create', input)])
    expect(second).toEqual(first)
    // A retry, with the lines in another order.
    expect(await call(w.admin, 'invoices.create', { ...input, lineIds: [...ids(a)].reverse() })).toEqual(first)
    expect(count(w.conn, 'invoices')).toBe(2) // the seed's and this one
    expect(count(w.conn, 'invoice_lines')).toBe(1 + 2)
    await expectRefused(
      w.admin,
      'invoices.create',
      { ...input, requestKey: 'another-key-1' },
      'CONFLICT',
      /already invoiced; it cannot be invoiced twice/
    )
    await expectRefused(w.admin, 'invoices.create', { ...input, lineIds: ids(b) }, 'CONFLICT', /already used for another invoice/)
    await expectRefused(w.admin, 'invoices.create', { ...input, customerId: w.other.id }, 'CONFLICT', /already used for another invoice/)
  })

  it('are numbered without gaps, also when a create fails after it took its number', async () => {
    const w = await world()
    const orders = [await w.order([{ hours: 1000 }]), await w.order([{ hours: 2000 }]), await w.order([{ hours: 3000 }])]
    expect((await w.bill(ids(orders[0]!))).number).toBe('INV-000002')

    // A failure inside the transaction after the number was taken (the invoice lines cannot be written).
    w.conn.sqlite.exec(
      "create trigger fail_invoice_lines before insert on invoice_lines begin select raise(abort, 'disk full (simulated)'); end"
    )
    const before = snapshot(w.conn)
    const error = await callError(w.admin, 'invoices.create', {
      customerId: w.customer.id,
      lineIds: ids(orders[1]!),
      invoiceDate: '2026-12-01',
      requestKey: 'fails-midway'
    })
    expect(error).toEqual({
      code: 'INTERNAL',
      key: 'errors.internal',
      message: 'Something went wrong; nothing was changed. The details are in the log.'
    })
    expect(snapshot(w.conn)).toEqual(before)
    expect(nextOf(w.conn, 'invoice')).toBe(3)
    w.conn.sqlite.exec('drop trigger fail_invoice_lines')

    expect((await w.bill(ids(orders[1]!), { requestKey: 'fails-midway' })).number).toBe('INV-000003')
    expect((await w.bill(ids(orders[2]!))).number).toBe('INV-000004')
    const numbers = (
      w.conn.sqlite.prepare("select number from invoices where kind = 'invoice' order by id").all() as { number: string }[]
    ).map((r) => r.number)
    expect(numbers).toEqual(['INV-000001', 'INV-000002', 'INV-000003', 'INV-000004'])
  })

  it('need invoices.create: a dispatcher is refused', async () => {
    const w = await world()
    const a = await w.order([{ hours: 1000 }])
    await expectRefused(
      userWith(w.conn, ['dispatcher'], 'disp'),
      'invoices.create',
      { customerId: w.customer.id, lineIds: ids(a), invoiceDate: '2026-12-01', requestKey: 'dispatcher-1' },
      'FORBIDDEN',
      /invoices\.create/
    )
  })
})

describe('credit notes', () => {
  it('reverse an invoice with negative totals and free its lines for a new invoice', async () => {
    const w = await world()
    const a = await w.order([{ hours: 1500 }, { parts: 2000 }])
    const inv = await w.bill(ids(a))
    const credit = await call(w.admin, 'invoices.credit', { id: inv.id, invoiceDate: '2026-12-05', requestKey: 'credit-key-1' })
    expect(credit).toMatchObject({
      number: 'CRN-000001',
      kind: 'credit',
      customerId: w.customer.id,
      invoiceDate: '2026-12-05',
      netTotal: -inv.netTotal,
      vatTotal: -inv.vatTotal,
      grossTotal: -inv.grossTotal,
      creditOfId: inv.id,
      creditOfNumber: inv.number
    })
    expect(credit.lines.map((l) => [l.orderLineId, l.quantity, l.unitPrice, l.netAmount, l.vatAmount])).toEqual(
      inv.lines.map((l) => [l.orderLineId, -l.quantity, l.unitPrice, -l.netAmount, -l.vatAmount])
    )
    expect(credit.lines.map((l) => l.creditedLineId)).toEqual(ids(inv))
    expect(await call(w.admin, 'invoices.get', { id: inv.id })).toMatchObject({
      creditNotes: [{ id: credit.id, number: 'CRN-000001', invoiceDate: '2026-12-05', grossTotal: -inv.grossTotal }],
      creditedByNumber: 'CRN-000001',
      creditedTotal: inv.grossTotal,
      openAmount: 0,
      paymentStatus: 'credited'
    })
    // The same request again answers the same credit note.
    expect(await call(w.admin, 'invoices.credit', { id: inv.id, invoiceDate: '2026-12-05', requestKey: 'credit-key-1' })).toEqual(credit)

    // The lines are invoiceable again, and go on a new invoice with the next number.
    expect((await call(w.admin, 'invoices.invoiceable', { customerId: w.customer.id })).map((l) => l.id)).toEqual(ids(a))
    const again = await w.bill(ids(a))
    expect(again).toMatchObject({ number: 'INV-000003', netTotal: inv.netTotal, grossTotal: inv.grossTotal })

    const list = await call(w.admin, 'invoices.list', { customerId: w.customer.id, sort: 'number', dir: 'asc' })
    expect(list.rows.map((r) => [r.number, r.kind, r.creditOfNumber, r.creditedByNumber])).toEqual([
      ['CRN-000001', 'credit', inv.number, null],
      ['INV-000001', 'invoice', null, null],
      ['INV-000002', 'invoice', null, 'CRN-000001'],
      ['INV-000003', 'invoice', null, null]
    ])
    expect((await call(w.admin, 'invoices.list', { kind: 'credit' })).total).toBe(1)
  })

  it('cannot credit twice, credit a credit note, or be dated before the invoice', async () => {
    const w = await world()
    const credit = await call(w.admin, 'invoices.credit', { id: w.invoice.id, invoiceDate: '2026-12-05', requestKey: 'credit-key-1' })
    await expectRefused(
      w.admin,
      'invoices.credit',
      { id: w.invoice.id, invoiceDate: '2026-12-06', requestKey: 'credit-key-2' },
      'CONFLICT',
      /INV-000001 is already credited by CRN-000001/
    )
    await expectRefused(
      w.admin,
      'invoices.credit',
      { id: credit.id, invoiceDate: '2026-12-06', requestKey: 'credit-key-3' },
      'VALIDATION',
      /CRN-000001 is a credit note; it cannot be credited/
    )
    const a = await w.order([{ hours: 1000 }])
    const inv = await w.bill(ids(a), { invoiceDate: '2026-12-10' })
    await expectRefused(
      w.admin,
      'invoices.credit',
      { id: inv.id, invoiceDate: '2026-12-09', requestKey: 'credit-key-4' },
      'VALIDATION',
      /cannot be dated before its invoice/,
      ['invoiceDate']
    )
    // A key already used for one credit note cannot credit another invoice.
    await expectRefused(
      w.admin,
      'invoices.credit',
      { id: inv.id, invoiceDate: '2026-12-10', requestKey: 'credit-key-1' },
      'CONFLICT',
      /already used for another credit note/
    )
    expect(nextOf(w.conn, 'creditNote')).toBe(2)
  })
})
