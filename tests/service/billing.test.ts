import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import type { InvoiceRow } from '@shared/domain/orders'
import { invoiceReferenceNumber, isValidReferenceNumber } from '@shared/domain/referenceNumber'
import { runMethod } from '../../src/main/api/pipeline'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { call, freshDb, userWith } from '../support/db'
import { snapshot, walk } from '../support/orders'
import { testClock } from '../support/seed'

/** Noon in Tallinn (UTC+2 in winter) on a day of December 2026. */
const december = (day: number, hourUtc = 10) => Date.UTC(2026, 11, day, hourUtc)

/**
 * A customer with posted order lines to invoice, and a clock the test moves: every call goes through the
 * real pipeline with that clock, so "overdue" is measured against the test's today.
 */
async function world() {
  const { conn } = await freshDb()
  const clock = testClock(december(1))
  const boss = userWith(conn, ['administrator'], 'boss')
  const admin: ServiceContext = createContext(conn, boss.user, boss.session, clock.now)
  const host = { conn, checkOutputs: true, now: clock.now }
  async function api<M extends MethodName>(method: M, input: Input<M>, as: ServiceContext = admin): Promise<Output<M>> {
    const r = await runMethod(host, () => null, as.session, method, input)
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { error: r.error })
    return r.data as Output<M>
  }
  /** The refusal of a call, checking that not a row changed anywhere. */
  async function refused<M extends MethodName>(method: M, input: Input<M>, as: ServiceContext = admin) {
    const before = snapshot(conn)
    const r = await runMethod(host, () => null, as.session, method, input)
    if (r.ok) throw new Error(`${method} should have been refused`)
    expect(snapshot(conn)).toEqual(before)
    return r.error
  }
  const labour = await call(admin, 'categories.create', { code: 'LAB', name: 'Labour', type: 'hour', unit: 'h', salesPrice: 5500 })
  const part = await call(admin, 'items.create', { number: 'FILTER-1', name: 'Filter', unit: 'pcs', salesPrice: 1500 })
  const customer = await call(admin, 'customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const stages = (await call(admin, 'serviceStages.list', {})).rows

  /** A posted order of the customer with an hour line and/or an item line. */
  async function order(lines: { hours?: number; parts?: number }, who: { id: number; sites: { id: number }[] } = customer) {
    let o = await call(admin, 'serviceOrders.create', { customerId: who.id, siteId: who.sites[0]!.id, description: 'Repair' })
    if (lines.hours)
      o = await call(admin, 'serviceOrders.addLine', { orderId: o.id, type: 'hour', categoryId: labour.id, quantity: lines.hours })
    if (lines.parts) o = await call(admin, 'serviceOrders.addLine', { orderId: o.id, type: 'item', itemId: part.id, quantity: lines.parts })
    o = await walk(admin, o.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'], stages)
    o = await call(admin, 'serviceOrders.signOff', { id: o.id, version: o.version })
    return call(admin, 'serviceOrders.post', { id: o.id, version: o.version })
  }
  let keys = 0
  const key = () => `billing-key-${++keys}`
  const bill = async (lines: { hours?: number; parts?: number }, extra: Partial<Input<'invoices.create'>> = {}) => {
    const o = await order(lines)
    return api('invoices.create', {
      customerId: customer.id,
      lineIds: o.lines.map((l) => l.id),
      invoiceDate: '2026-12-01',
      requestKey: key(),
      ...extra
    })
  }
  const credit = (invoice: InvoiceRow, lines?: { lineId: number; quantity: number; netAmount: number }[], invoiceDate = '2026-12-05') =>
    api('invoices.credit', { id: invoice.id, invoiceDate, requestKey: key(), ...(lines ? { lines } : {}) })
  const get = (id: number) => api('invoices.get', { id })
  const invoiceable = async () => (await api('invoices.invoiceable', { customerId: customer.id })).map((l) => l.id)
  const sql = (text: string, ...params: unknown[]) => conn.sqlite.prepare(text).run(...params)
  return { conn, clock, admin, api, refused, customer, labour, part, order, bill, credit, get, invoiceable, key, sql }
}

describe('invoice creation', () => {
  it('gives every invoice a valid reference number and a due date by the payment terms', async () => {
    const w = await world()
    w.sql('update settings set payment_terms_days = 10')
    const first = await w.bill({ hours: 1000 })
    expect(first).toMatchObject({
      number: 'INV-000001',
      referenceNumber: invoiceReferenceNumber('INV-000001', first.id),
      dueDate: '2026-12-11'
    })
    expect(isValidReferenceNumber(first.referenceNumber)).toBe(true)
    // The customer's own terms win over the company's.
    w.sql('update customers set payment_terms_days = 30 where id = ?', w.customer.id)
    const second = await w.bill({ hours: 1000 })
    expect(second).toMatchObject({ referenceNumber: '26', dueDate: '2026-12-31' })
    expect(isValidReferenceNumber(second.referenceNumber)).toBe(true)
  })

  it('invoices an EU business abroad with a VAT number under reverse charge: 0 %, category AE', async () => {
    const w = await world()
    w.sql("update customers set country = 'FI', vat_number = 'FI12345678' where id = ?", w.customer.id)
    const inv = await w.bill({ hours: 1000, parts: 2000 })
    expect(inv).toMatchObject({ reverseCharge: true, netTotal: 8500, vatTotal: 0, grossTotal: 8500 })
    expect(inv.lines.map((l) => [l.vatCode, l.vatRate, l.vatAmount])).toEqual([
      ['AE', 0, 0],
      ['AE', 0, 0]
    ])
    // Its credit note stays reverse charge, with the original lines' rate.
    const cn = await w.credit(inv)
    expect(cn).toMatchObject({ reverseCharge: true, grossTotal: -8500, vatTotal: 0 })
    expect(cn.lines.every((l) => l.vatCode === 'AE' && l.vatRate === 0)).toBe(true)

    // Without a VAT number (a consumer), or at home, VAT as usual.
    w.sql("update customers set vat_number = '' where id = ?", w.customer.id)
    expect(await w.bill({ hours: 1000 })).toMatchObject({ reverseCharge: false, vatTotal: 1320 })
    w.sql("update customers set country = 'EE', vat_number = 'EE100000000' where id = ?", w.customer.id)
    expect(await w.bill({ hours: 1000 })).toMatchObject({ reverseCharge: false, vatTotal: 1320 })
  })

  it('takes manual charges, alone or with order lines, at a VAT rate of the settings', async () => {
    const w = await world()
    const manual = { description: 'Call-out fee', quantity: 1000, unit: 'pcs', unitPrice: 3500, vatCode: 'R13' }
    const parking = { ...manual, description: 'Parking', quantity: 2500, unit: 'h', unitPrice: 200, vatCode: 'S' }
    const input = { customerId: w.customer.id, manualLines: [manual, parking], invoiceDate: '2026-12-01', requestKey: 'manual-only-1' }
    const only = await w.api('invoices.create', input)
    expect(
      only.lines.map((l) => [l.source, l.orderLineId, l.type, l.description, l.quantity, l.netAmount, l.vatCode, l.vatAmount])
    ).toEqual([
      ['manual', null, 'fee', 'Call-out fee', 1000, 3500, 'R13', 455],
      ['manual', null, 'fee', 'Parking', 2500, 500, 'S', 120]
    ])
    expect(only).toMatchObject({ netTotal: 4000, vatTotal: 575, grossTotal: 4575 })
    // A retry answers the same invoice; the key with other lines is refused.
    expect(await w.api('invoices.create', input)).toEqual(only)
    const other = await w.refused('invoices.create', { ...input, manualLines: [manual] })
    expect(other).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already used for another invoice/) })

    const o = await w.order({ hours: 1000 })
    const both = await w.api('invoices.create', {
      customerId: w.customer.id,
      lineIds: o.lines.map((l) => l.id),
      manualLines: [manual],
      invoiceDate: '2026-12-01',
      requestKey: w.key()
    })
    expect(both.lines.map((l) => [l.source, l.netAmount])).toEqual([
      ['orderLine', 5500],
      ['manual', 3500]
    ])

    const unknown = await w.refused('invoices.create', {
      customerId: w.customer.id,
      manualLines: [{ ...manual, vatCode: 'X9' }],
      invoiceDate: '2026-12-01',
      requestKey: w.key()
    })
    expect(unknown).toMatchObject({ code: 'VALIDATION', message: 'VAT rate "X9" is not in the settings' })
    expect(unknown.issues?.[0]?.path).toEqual(['manualLines', 0, 'vatCode'])
    const empty = await w.refused('invoices.create', { customerId: w.customer.id, invoiceDate: '2026-12-01', requestKey: w.key() })
    expect(empty.issues?.[0]).toMatchObject({ path: ['lineIds'], message: 'Choose at least one line' })
    // A service consultant reads invoices but may not make them.
    const consultant = userWith(w.conn, ['serviceConsultant'], 'consultant')
    expect(
      await w.refused(
        'invoices.create',
        { customerId: w.customer.id, manualLines: [manual], invoiceDate: '2026-12-01', requestKey: w.key() },
        consultant
      )
    ).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('partial credit notes', () => {
  it('credit a line in parts, never beyond what is left, each refusal naming the line and writing nothing', async () => {
    const w = await world()
    const inv = await w.bill({ hours: 2000, parts: 3000 }) // 2 h × 55.00, 3 pcs × 15.00
    const [hours, parts] = inv.lines as [InvoiceRow['lines'][number], InvoiceRow['lines'][number]]

    const tooMany = await w.refused('invoices.credit', {
      id: inv.id,
      invoiceDate: '2026-12-05',
      requestKey: w.key(),
      lines: [{ lineId: hours.id, quantity: 2500, netAmount: 1000 }]
    })
    expect(tooMany).toMatchObject({ code: 'VALIDATION', message: 'Line 1 (Labour): at most 2 h is left to credit' })
    expect(tooMany.issues?.[0]?.path).toEqual(['lines', 0, 'quantity'])
    const tooMuch = await w.refused('invoices.credit', {
      id: inv.id,
      invoiceDate: '2026-12-05',
      requestKey: w.key(),
      lines: [{ lineId: hours.id, quantity: 1000, netAmount: 11001 }]
    })
    expect(tooMuch).toMatchObject({ message: 'Line 1 (Labour): at most 110.00 EUR is left to credit' })
    expect(tooMuch.issues?.[0]?.path).toEqual(['lines', 0, 'netAmount'])

    // One of three filters, with a note.
    const first = await w.api('invoices.credit', {
      id: inv.id,
      invoiceDate: '2026-12-05',
      note: 'One filter returned',
      requestKey: 'partial-1',
      lines: [{ lineId: parts.id, quantity: 1000, netAmount: 1500 }]
    })
    expect(first).toMatchObject({
      number: 'CRN-000001',
      kind: 'credit',
      note: 'One filter returned',
      netTotal: -1500,
      vatTotal: -360,
      grossTotal: -1860
    })
    expect(first.lines.map((l) => [l.creditedLineId, l.quantity, l.unitPrice, l.netAmount, l.vatRate, l.vatAmount])).toEqual([
      [parts.id, -1000, 1500, -1500, 2400, -360]
    ])
    let after = await w.get(inv.id)
    expect(after).toMatchObject({ creditedTotal: 1860, openAmount: inv.grossTotal - 1860, paymentStatus: 'partlyPaid' })
    expect(after.lines.map((l) => [l.creditedQuantity, l.creditedAmount])).toEqual([
      [0, 0],
      [1000, 1500]
    ])
    // A partial credit leaves the order line invoiced.
    expect(await w.invoiceable()).toEqual([])

    // The rest of the filters: the line is credited in full, VAT to the cent, and its order line is free again.
    const second = await w.credit(inv, [{ lineId: parts.id, quantity: 2000, netAmount: 3000 }])
    expect(second.lines[0]).toMatchObject({ quantity: -2000, netAmount: -3000, vatAmount: -(parts.vatAmount - 360) })
    expect(await w.invoiceable()).toEqual([parts.orderLineId])
    const nothingLeft = await w.refused('invoices.credit', {
      id: inv.id,
      invoiceDate: '2026-12-05',
      requestKey: w.key(),
      lines: [{ lineId: parts.id, quantity: 1, netAmount: 0 }]
    })
    expect(nothingLeft.message).toBe('Line 2 (Filter): at most 0 pcs is left to credit')

    // A price reduction: no quantity, only an amount.
    const discount = await w.credit(inv, [{ lineId: hours.id, quantity: 0, netAmount: 1000 }])
    expect(discount.lines[0]).toMatchObject({ quantity: 0, netAmount: -1000, vatAmount: -240 })
    expect(await w.invoiceable()).toEqual([parts.orderLineId])

    // "Everything left": the rest of the hours line.
    const rest = await w.credit(inv)
    expect(rest.lines.map((l) => [l.creditedLineId, l.quantity, l.netAmount])).toEqual([[hours.id, -2000, -10000]])
    after = await w.get(inv.id)
    expect(after.creditNotes.map((c) => c.number)).toEqual(['CRN-000001', 'CRN-000002', 'CRN-000003', 'CRN-000004'])
    expect(after.creditedByNumber).toBe('CRN-000001, CRN-000002, CRN-000003, CRN-000004')
    expect(after).toMatchObject({ creditedTotal: inv.grossTotal, openAmount: 0, paymentStatus: 'credited' })
    expect(after.creditNotes.reduce((s, c) => s - c.grossTotal, 0)).toBe(inv.grossTotal)
    // Every line's VAT is credited to the cent.
    const creditLines = (await Promise.all(after.creditNotes.map((c) => w.get(c.id)))).flatMap((c) => c.lines)
    for (const l of inv.lines)
      expect(creditLines.filter((c) => c.creditedLineId === l.id).reduce((s, c) => s - c.vatAmount, 0)).toBe(l.vatAmount)
    expect((await w.invoiceable()).sort()).toEqual([hours.orderLineId, parts.orderLineId].sort())

    const again = await w.refused('invoices.credit', { id: inv.id, invoiceDate: '2026-12-06', requestKey: w.key() })
    expect(again).toMatchObject({
      code: 'CONFLICT',
      message: 'INV-000001 is already credited by CRN-000001, CRN-000002, CRN-000003, CRN-000004.'
    })
  })

  it('refuse a line of another invoice, the same line twice and a line of nothing', async () => {
    const w = await world()
    const a = await w.bill({ hours: 1000 })
    const b = await w.bill({ hours: 1000 })
    const ask = (lines: { lineId: number; quantity: number; netAmount: number }[]) => ({
      id: a.id,
      invoiceDate: '2026-12-05',
      requestKey: w.key(),
      lines
    })
    expect((await w.refused('invoices.credit', ask([{ lineId: b.lines[0]!.id, quantity: 1000, netAmount: 5500 }]))).message).toBe(
      'That line is not on INV-000001'
    )
    const line = a.lines[0]!.id
    expect(
      (
        await w.refused(
          'invoices.credit',
          ask([
            { lineId: line, quantity: 500, netAmount: 2750 },
            { lineId: line, quantity: 500, netAmount: 2750 }
          ])
        )
      ).message
    ).toBe('Line 1 (Labour) is listed twice')
    expect((await w.refused('invoices.credit', ask([{ lineId: line, quantity: 0, netAmount: 0 }]))).message).toBe(
      'Line 1 (Labour): give a quantity or an amount to credit'
    )
    expect((await w.refused('invoices.credit', ask([]))).issues?.[0]?.path).toEqual(['lines'])
  })
})

describe('payments', () => {
  it('partial and over-payments move the status; a mistaken entry is deleted with its amount', async () => {
    const w = await world()
    const inv = await w.bill({ hours: 1000 }) // 55.00 + 13.20 VAT
    expect(inv).toMatchObject({ grossTotal: 6820, paymentStatus: 'open', openAmount: 6820 })
    const p1 = await w.api('payments.record', { invoiceId: inv.id, date: '2026-12-03', amount: 2000, method: 'cash', note: 'At the door' })
    expect(p1).toMatchObject({
      invoiceId: inv.id,
      amount: 2000,
      method: 'cash',
      note: 'At the door',
      bankEntryId: null,
      createdByName: 'boss'
    })
    expect(await w.get(inv.id)).toMatchObject({ paidTotal: 2000, openAmount: 4820, paymentStatus: 'partlyPaid' })
    const p2 = await w.api('payments.record', { invoiceId: inv.id, date: '2026-12-04', amount: 5000, method: 'bank', note: '' })
    expect(await w.get(inv.id)).toMatchObject({ paidTotal: 7000, openAmount: -180, paymentStatus: 'paid' })
    expect((await w.api('payments.forInvoice', { invoiceId: inv.id })).map((p) => [p.id, p.amount])).toEqual([
      [p1.id, 2000],
      [p2.id, 5000]
    ])
    await w.api('payments.delete', { id: p2.id })
    expect(await w.get(inv.id)).toMatchObject({ paidTotal: 2000, openAmount: 4820, paymentStatus: 'partlyPaid' })
    expect((await w.api('payments.forInvoice', { invoiceId: inv.id })).map((p) => p.id)).toEqual([p1.id])
    const audit = w.conn.sqlite.prepare("select action from audit_log where entity = 'payment' order by id").pluck().all()
    expect(audit).toEqual(['create', 'create', 'delete'])
  })

  it('are refused on a credit note, on a fully credited invoice, for zero, and to a dispatcher — nothing written', async () => {
    const w = await world()
    const inv = await w.bill({ hours: 1000 })
    const pay = (invoiceId: number, amount = 1000) => ({ invoiceId, date: '2026-12-03', amount, method: 'bank' as const, note: '' })
    const zero = await w.refused('payments.record', pay(inv.id, 0))
    expect(zero).toMatchObject({ code: 'VALIDATION', message: 'A payment of zero changes nothing.' })
    expect(zero.issues?.[0]?.path).toEqual(['amount'])
    const dispatcher = userWith(w.conn, ['dispatcher'], 'disp')
    expect(await w.refused('payments.record', pay(inv.id), dispatcher)).toMatchObject({ code: 'FORBIDDEN' })
    const cn = await w.credit(inv)
    expect((await w.refused('payments.record', pay(cn.id))).message).toBe('CRN-000001 is a credit note; payments are recorded on invoices.')
    expect((await w.refused('payments.record', pay(inv.id))).message).toBe('INV-000001 is credited in full; nothing is left to pay.')
    expect((await w.refused('payments.delete', { id: 999 })).code).toBe('NOT_FOUND')
  })
})

describe('invoice status', () => {
  it('follows the clock in the shop’s time zone: open until the due date, overdue after, paid when covered', async () => {
    const w = await world()
    const inv = await w.bill({ hours: 1000 }) // dated 1 December, due 15 December
    expect(inv.dueDate).toBe('2026-12-15')
    w.clock.set(december(15, 21)) // 23:00 in Tallinn: still the due date
    expect((await w.get(inv.id)).paymentStatus).toBe('open')
    w.clock.set(december(15, 22) + 30 * 60_000) // 00:30 on 16 December in Tallinn, still the 15th in UTC
    expect((await w.get(inv.id)).paymentStatus).toBe('overdue')
    await w.api('payments.record', { invoiceId: inv.id, date: '2026-12-16', amount: 1000, method: 'bank', note: '' })
    expect((await w.get(inv.id)).paymentStatus).toBe('overdue')
    await w.api('payments.record', { invoiceId: inv.id, date: '2026-12-16', amount: 5820, method: 'bank', note: '' })
    expect((await w.get(inv.id)).paymentStatus).toBe('paid')
    // A credit note has no payment status.
    const cn = await w.credit(await w.bill({ hours: 1000 }))
    expect(cn.paymentStatus).toBeNull()
  })
})

describe('invoice list', () => {
  it('shows the newest first and filters by status, customer, date range and kind', async () => {
    const w = await world()
    const other = await call(w.admin, 'customers.create', {
      name: 'Teine AS',
      sites: [{ name: 'Ladu', street: 'Peterburi tee 1', city: 'Tallinn' }]
    })
    const a = await w.bill({ hours: 1000 }, { invoiceDate: '2026-11-02' }) // due 16 Nov: overdue
    const b = await w.bill({ hours: 1000 }, { invoiceDate: '2026-11-20' }) // due 4 Dec, paid in part: overdue
    const c = await w.bill({ hours: 1000 }, { invoiceDate: '2026-11-20' }) // paid
    const o = await w.order({ hours: 1000 }, other)
    const d = await w.api('invoices.create', {
      customerId: other.id,
      lineIds: o.lines.map((l) => l.id),
      invoiceDate: '2026-12-01',
      requestKey: w.key()
    })
    const e = await w.bill({ hours: 2000 }, { invoiceDate: '2026-12-01' }) // credited in part
    await w.api('payments.record', { invoiceId: b.id, date: '2026-11-25', amount: 1000, method: 'bank', note: '' })
    await w.api('payments.record', { invoiceId: c.id, date: '2026-11-25', amount: c.grossTotal, method: 'bank', note: '' })
    const cn = await w.credit(e, [{ lineId: e.lines[0]!.id, quantity: 1000, netAmount: 5500 }], '2026-12-02')
    w.clock.set(december(10))

    const list = (input: Partial<Input<'invoices.list'>> = {}) => w.api('invoices.list', input)
    const numbersOf = async (input: Partial<Input<'invoices.list'>> = {}) => (await list(input)).rows.map((r) => r.number)
    // Newest first: by date, and by number within a date.
    expect(await numbersOf()).toEqual([cn.number, e.number, d.number, c.number, b.number, a.number])
    expect(await numbersOf({ sort: 'invoiceDate', dir: 'asc' })).toEqual([a.number, b.number, c.number, d.number, e.number, cn.number])
    const rows = (await list()).rows
    expect(rows.map((r) => [r.number, r.paymentStatus, r.paidTotal, r.openAmount])).toEqual([
      [cn.number, null, 0, 0],
      [e.number, 'partlyPaid', 0, e.grossTotal - 6820],
      [d.number, 'open', 0, 6820],
      [c.number, 'paid', 6820, 0],
      [b.number, 'overdue', 1000, 5820],
      [a.number, 'overdue', 0, 6820]
    ])
    expect(await numbersOf({ status: 'overdue' })).toEqual([b.number, a.number])
    expect(await numbersOf({ status: 'paid' })).toEqual([c.number])
    expect(await numbersOf({ status: 'open' })).toEqual([d.number])
    expect(await numbersOf({ status: 'partlyPaid' })).toEqual([e.number])
    expect(await numbersOf({ customerId: other.id })).toEqual([d.number])
    expect(await numbersOf({ from: '2026-11-20', to: '2026-12-01' })).toEqual([e.number, d.number, c.number, b.number])
    expect(await numbersOf({ kind: 'credit' })).toEqual([cn.number])
    expect((await list({ status: 'overdue', pageSize: 1 })).total).toBe(2)

    const balance = await w.api('invoices.balance', { customerId: w.customer.id })
    expect(balance).toEqual({
      currency: 'EUR',
      openTotal: 6820 + 5820 + (e.grossTotal - 6820),
      openCount: 3,
      overdueTotal: 6820 + 5820,
      overdueCount: 2
    })
  })
})
