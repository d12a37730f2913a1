import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import { runMethod } from '../../src/main/api/pipeline'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { createFeeGeneration, runFeeGeneration } from '../../src/main/services/subscriptions/generate'
import { call, freshDb, userWith } from '../support/db'
import { cli, cliProcess } from '../support/processes'
import { testClock } from '../support/seed'

const TABLES = [
  'subscription_groups',
  'subscriptions',
  'subscription_objects',
  'subscription_prices',
  'subscription_fees',
  'subscription_recognition',
  'subscription_pending_reversals',
  'subscription_parameters',
  'invoices',
  'invoice_lines',
  'number_sequences',
  'audit_log'
]

async function world() {
  const { conn, file } = await freshDb()
  const clock = testClock(Date.UTC(2026, 0, 5, 10))
  const boss = userWith(conn, ['administrator'], 'boss')
  const admin: ServiceContext = createContext(conn, boss.user, boss.session, clock.now)
  const host = { conn, checkOutputs: true, now: clock.now, log: console.error }
  async function api<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await runMethod(host, () => null, admin.session, method, input)
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { error: r.error })
    return r.data as Output<M>
  }
  const snapshot = () => Object.fromEntries(TABLES.map((t) => [t, conn.sqlite.prepare(`select * from ${t} order by rowid`).all()]))
  /** A refused call: the error, and not a row changed. */
  async function refused<M extends MethodName>(method: M, input: Input<M>) {
    const before = snapshot()
    const r = await runMethod(host, () => null, admin.session, method, input)
    if (r.ok) throw new Error(`${method} should have been refused`)
    expect(snapshot()).toEqual(before)
    return r.error
  }
  const customer = await call(admin, 'customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const monthly = await api('subscriptionGroups.create', {
    code: 'MON',
    name: 'Remote monitoring',
    invoicingPeriod: 'month',
    accrue: true,
    accrualPeriod: 'day'
  })
  const quarterly = await api('subscriptionGroups.create', {
    code: 'QTR',
    name: 'Maintenance plan',
    invoicingPeriod: 'quarter',
    accrue: true,
    accrualPeriod: 'month'
  })
  const sub = (over: Partial<Input<'subscriptions.create'>> = {}) =>
    api('subscriptions.create', {
      name: 'Monitoring',
      customerId: customer.id,
      groupId: monthly.id,
      basePrice: 3100,
      startDate: '2026-01-01',
      ...over
    })
  const generate = (to: string, over: Partial<Input<'subscriptions.generate'>> = {}) =>
    runFeeGeneration(admin, { to, groupId: null, subscriptionId: null, ...over })
  const fees = (subscriptionId: number) => api('subscriptions.fees', { subscriptionId })
  let keys = 0
  const key = () => `subs-key-${++keys}`
  return { conn, file, clock, admin, api, refused, snapshot, customer, monthly, quarterly, sub, generate, fees, key }
}

describe('setup', () => {
  it('refuses an accrual period the invoicing period does not allow, and a price that ends before it starts', async () => {
    const w = await world()
    const e = await w.refused('subscriptionGroups.create', {
      code: 'BAD',
      name: 'Bad',
      invoicingPeriod: 'month',
      accrue: true,
      accrualPeriod: 'quarter'
    })
    expect(e.code).toBe('VALIDATION')
    expect(e.issues?.[0]?.path).toEqual(['accrualPeriod'])
    expect(e.message).toBe('A Month invoicing period cannot accrue by Quarter')
    const week = await w.refused('subscriptionGroups.create', {
      code: 'WK',
      name: 'Weekly',
      invoicingPeriod: 'week',
      accrue: true,
      accrualPeriod: 'week'
    })
    expect(week.issues?.[0]?.path).toEqual(['accrualPeriod'])
    const p = await w.refused('subscriptionPrices.create', {
      periodCode: 'month',
      currency: 'EUR',
      validFrom: '2026-02-01',
      validTo: '2026-01-31',
      amount: 100
    })
    expect(p.issues?.[0]).toMatchObject({ path: ['validTo'], message: 'The end cannot be before the start' })
  })

  it('numbers subscriptions from the sequence and keeps the index default at 100', async () => {
    const w = await world()
    const s = await w.sub()
    expect(s).toMatchObject({ number: 'SUB-00001', priceIndex: 10000, active: true, invoicingPeriod: 'month' })
    const list = await w.api('subscriptions.list', { customerId: w.customer.id })
    expect(list.rows.map((r) => r.number)).toEqual(['SUB-00001'])
  })
})

describe('fee generation', () => {
  it('makes regular and prorated fees, once per period; reruns and overlapping runs make nothing twice', async () => {
    const w = await world()
    const s = await w.sub({ startDate: '2026-01-15' })
    expect(w.generate('2026-03-31')).toMatchObject({ created: 3, skipped: 0 })
    const f = await w.fees(s.id)
    expect(f.map((x) => [x.kind, x.from, x.to, x.amount])).toEqual([
      ['nonRegular', '2026-01-15', '2026-01-31', 1700],
      ['regular', '2026-02-01', '2026-02-28', 3100],
      ['regular', '2026-03-01', '2026-03-31', 3100]
    ])
    expect(w.generate('2026-03-31')).toMatchObject({ created: 0, skipped: 3 })
    // Two runs planned before either writes: the second finds the first's rows by the unique key.
    const a = createFeeGeneration(w.admin, { to: '2026-04-30', groupId: null, subscriptionId: null })
    const b = createFeeGeneration(w.admin, { to: '2026-05-31', groupId: null, subscriptionId: null })
    a.step(1000)
    b.step(1000)
    expect(a.progress).toMatchObject({ created: 1, skipped: 3 })
    expect(b.progress).toMatchObject({ created: 1, skipped: 4 })
    expect((await w.fees(s.id)).length).toBe(5)
  })

  it('runs as a background job with progress, and a cancelled job keeps whole subscriptions', async () => {
    const w = await world()
    for (let n = 0; n < 3; n++) await w.sub({ name: `Sub ${n}` })
    const started = await w.api('subscriptions.generate', { to: '2026-12-31' })
    expect(started).toMatchObject({ status: 'running', total: 3, done: 0, created: 0 })
    let run = started
    while (run.status === 'running') {
      await new Promise((r) => setImmediate(r))
      run = await w.api('subscriptions.run', { id: started.id })
    }
    expect(run).toMatchObject({ status: 'done', done: 3, created: 36, skipped: 0 })
    await w.sub({ name: 'Late one' })
    const second = await w.api('subscriptions.generate', { to: '2026-12-31' })
    await w.api('subscriptions.cancelRun', { id: second.id })
    run = second
    while (run.status !== 'cancelled' && run.status !== 'done') {
      await new Promise((r) => setImmediate(r))
      run = await w.api('subscriptions.run', { id: second.id })
    }
    // Cancelled before its first slice: the late subscription has no fees, the others theirs.
    expect(run.status).toBe('cancelled')
    const counts = w.conn.sqlite.prepare('select count(*) as n from subscription_fees group by subscription_id').all() as { n: number }[]
    expect(counts.every((c) => c.n === 12)).toBe(true)
  })

  it('catches up missed periods and previews exactly what a run creates', async () => {
    const w = await world()
    const s = await w.sub()
    w.generate('2026-01-31')
    const before = w.snapshot()
    const preview = await w.api('subscriptions.preview', { to: '2026-04-30' })
    expect(w.snapshot()).toEqual(before)
    expect(preview).toMatchObject({ created: 3, skipped: 1 })
    expect(preview.fees.map((x) => x.periodStart)).toEqual(['2026-02-01', '2026-03-01', '2026-04-01'])
    expect(w.generate('2026-04-30')).toMatchObject({ created: 3, skipped: 1 })
    expect((await w.fees(s.id)).map((x) => x.periodStart)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'])
  })

  it('takes the most specific valid price, else the indexed base price', async () => {
    const w = await world()
    const s = await w.sub({ basePrice: 10000, priceIndex: 11000 })
    await w.api('subscriptionPrices.create', { periodCode: 'month', currency: 'EUR', validFrom: '2026-01-01', amount: 9000 })
    await w.api('subscriptionPrices.create', {
      periodCode: 'month',
      currency: 'EUR',
      customerId: w.customer.id,
      validFrom: '2026-02-01',
      amount: 8000
    })
    await w.api('subscriptionPrices.create', {
      periodCode: 'month',
      currency: 'EUR',
      subscriptionId: s.id,
      validFrom: '2026-03-01',
      validTo: '2026-03-31',
      amount: 7000
    })
    // A quarter price never applies to a monthly subscription.
    await w.api('subscriptionPrices.create', {
      periodCode: 'quarter',
      currency: 'EUR',
      subscriptionId: s.id,
      validFrom: '2025-01-01',
      amount: 1
    })
    const other = await w.sub({ startDate: '2025-12-01', basePrice: 10000, priceIndex: 11000, groupId: w.quarterly.id })
    w.generate('2026-04-30')
    expect((await w.fees(s.id)).map((x) => x.amount)).toEqual([9000, 8000, 7000, 8000])
    // No price for this one: the indexed base price, 110.00 a quarter; December 2025 is 31 of 92 days.
    expect((await w.fees(other.id)).map((x) => [x.kind, x.amount])).toEqual([
      ['nonRegular', 3707],
      ['regular', 11000],
      ['regular', 11000]
    ])
    await w.api('subscriptionPrices.create', {
      periodCode: 'quarter',
      currency: 'EUR',
      customerId: w.customer.id,
      validFrom: '2020-01-01',
      validTo: '2020-12-31',
      amount: 5
    })
    const third = await w.sub({ startDate: '2026-01-01', basePrice: 10000, priceIndex: 11000, groupId: w.quarterly.id, currency: 'SEK' })
    w.generate('2026-01-01', { subscriptionId: third.id })
    expect((await w.fees(third.id)).map((x) => x.amount)).toEqual([11000])
  })

  it('updates a group’s index or base price by % or to a value, previewing first', async () => {
    const w = await world()
    const a = await w.sub({ basePrice: 10000 })
    await w.sub({ basePrice: 20000, priceIndex: 10500 })
    const preview = await w.api('subscriptions.groupUpdate', { groupId: w.monthly.id, field: 'priceIndex', mode: 'percent', value: 300 })
    expect(preview).toEqual({
      applied: false,
      rows: [expect.objectContaining({ before: 10000, after: 10300 }), expect.objectContaining({ before: 10500, after: 10815 })]
    })
    expect((await w.api('subscriptions.get', { id: a.id })).priceIndex).toBe(10000)
    await w.api('subscriptions.groupUpdate', { groupId: w.monthly.id, field: 'priceIndex', mode: 'percent', value: 300, apply: true })
    await w.api('subscriptions.groupUpdate', { groupId: w.monthly.id, field: 'basePrice', mode: 'value', value: 12000, apply: true })
    expect(await w.api('subscriptions.get', { id: a.id })).toMatchObject({ priceIndex: 10300, basePrice: 12000, version: 3 })
    w.generate('2026-01-01')
    expect((await w.fees(a.id))[0]!.amount).toBe(12360)
  })
})

describe('reductions, invoicing, credit and recognition', () => {
  it('removes days prorated over the fee, invoices, credits one month and reverses its recognition', async () => {
    const w = await world()
    const s = await w.sub({ groupId: w.quarterly.id, name: 'Plan', basePrice: 9000 })
    const monthlySub = await w.sub({ basePrice: 3100 })
    w.generate('2026-03-31')
    const [quarter] = await w.fees(s.id)
    expect(quarter).toMatchObject({ kind: 'regular', from: '2026-01-01', to: '2026-03-31', amount: 9000 })
    // 2 of 90 days of 90.00 = 2.00
    const cut = await w.api('subscriptions.reduceDays', { subscriptionId: s.id, from: '2026-02-10', to: '2026-02-11' })
    expect(cut).toMatchObject({ kind: 'reductionDays', amount: -200, reductionOfId: quarter!.id, status: 'created' })

    expect((await w.refused('subscriptions.reduceDays', { subscriptionId: s.id, from: '2026-02-11', to: '2026-02-12' })).message).toBe(
      'Some of these days were already removed'
    )
    expect(
      (await w.refused('subscriptions.reduceDays', { subscriptionId: s.id, from: '2026-03-30', to: '2026-04-02' })).issues?.[0]?.path
    ).toEqual(['from'])
    expect((await w.refused('subscriptions.reducePrice', { feeId: quarter!.id, amount: 8801 })).message).toBe(
      'The reduction is larger than what is left of the fee'
    )

    const monthFees = await w.fees(monthlySub.id)
    const all = [quarter!.id, cut.id, ...monthFees.map((f) => f.id)]
    const inv = await w.api('subscriptions.invoice', {
      customerId: w.customer.id,
      feeIds: all,
      invoiceDate: '2026-01-05',
      requestKey: w.key()
    })
    expect(inv.lines.map((l) => [l.source, l.netAmount])).toEqual([
      ['subscriptionFee', 9000],
      ['subscriptionFee', -200],
      ['subscriptionFee', 3100],
      ['subscriptionFee', 3100],
      ['subscriptionFee', 3100]
    ])
    expect(inv.netTotal).toBe(18100)
    expect(inv.lines[0]!.description).toBe('SUB-00001 Plan, 01.01.2026 – 31.03.2026')
    expect(
      (
        await w.refused('subscriptions.invoice', {
          customerId: w.customer.id,
          feeIds: [quarter!.id],
          invoiceDate: '2026-01-05',
          requestKey: w.key()
        })
      ).code
    ).toBe('CONFLICT')

    // The quarter by month: 30.00 (31 d), 27.10 (28 d), 30.00 (31 d) less the two days removed in February.
    const schedule = await w.api('subscriptions.schedule', { subscriptionId: s.id })
    expect(schedule.map((r) => [r.recognizeOn, r.amount])).toEqual([
      ['2026-01-31', 3100],
      ['2026-02-11', -200],
      ['2026-02-28', 2800],
      ['2026-03-31', 3100]
    ])

    // Credit February of the monthly subscription, on 10 March: February was recognised, so it is reversed on 10 March.
    const feb = monthFees[1]!
    expect(
      (await w.refused('subscriptions.credit', { feeId: feb.id, amount: 3101, invoiceDate: '2026-03-10', requestKey: w.key() })).message
    ).toBe('At most 31.00 is left to credit on this fee')
    const note = await w.api('subscriptions.credit', { feeId: feb.id, invoiceDate: '2026-03-10', requestKey: w.key() })
    expect(note).toMatchObject({ kind: 'credit', netTotal: -3100, creditOfNumber: inv.number })
    expect((await w.fees(monthlySub.id))[1]).toMatchObject({ status: 'credited', creditedAmount: 3100 })
    const after = await w.api('subscriptions.schedule', { subscriptionId: monthlySub.id })
    const reversal = after.filter((r) => r.reversal)
    expect(reversal.reduce((t, r) => t + r.amount, 0)).toBe(-3100)
    expect(new Set(reversal.map((r) => r.recognizeOn))).toEqual(new Set(['2026-03-10']))

    const report = await w.api('subscriptions.revenue', { from: '2026-01-01', to: '2026-04-30' })
    expect(report.months.map((m) => [m.month, m.invoiced, m.credited, m.recognised, m.deferred])).toEqual([
      ['2026-01', 18100, 0, 3100 + 3100, 18100 - 6200],
      ['2026-02', 0, 0, 2600 + 3100, 18100 - 6200 - 5700],
      ['2026-03', 0, 3100, 3100 + 3100 - 3100, 0],
      ['2026-04', 0, 0, 0, 0]
    ])
    // February's service value: 28 of 90 days of the quarter, less the two days; the monthly fee was credited whole.
    expect(report.months[1]!.mrr).toBe(2800 - 200)
    // A partial credit of a fee credited whole is refused; nothing is left.
    expect(
      (await w.refused('subscriptions.credit', { feeId: feb.id, amount: 1, invoiceDate: '2026-03-10', requestKey: w.key() })).issues?.[0]
        ?.path
    ).toEqual(['amount'])
  })

  it('credits part of a fee, and with manual reversal waits for the reversal', async () => {
    const w = await world()
    await w.api('subscriptions.setParameters', { invoiceWithOrderLines: false, reverseOnCredit: 'manual' })
    const s = await w.sub()
    w.generate('2026-01-01')
    const [fee] = await w.fees(s.id)
    await w.api('subscriptions.invoice', { customerId: w.customer.id, feeIds: [fee!.id], invoiceDate: '2026-01-02', requestKey: w.key() })
    await w.api('subscriptions.credit', { feeId: fee!.id, amount: 1000, invoiceDate: '2026-01-20', requestKey: w.key() })
    expect((await w.fees(s.id))[0]).toMatchObject({ status: 'partlyCredited', creditedAmount: 1000 })
    expect((await w.api('subscriptions.schedule', { subscriptionId: s.id })).some((r) => r.reversal)).toBe(false)
    const rows = await w.api('subscriptions.reverseRecognition', { feeId: fee!.id })
    const reversed = rows.filter((r) => r.reversal)
    expect(reversed.reduce((t, r) => t + r.amount, 0)).toBe(-1000)
    // Days up to the credit's date are reversed on it; later days on their own date.
    expect(reversed[0]!.recognizeOn).toBe('2026-01-20')
    expect(reversed.at(-1)!.recognizeOn).toBe('2026-01-31')
    expect((await w.refused('subscriptions.reverseRecognition', { feeId: fee!.id })).code).toBe('VALIDATION')
    const rest = await w.api('subscriptions.credit', { feeId: fee!.id, invoiceDate: '2026-01-21', requestKey: w.key() })
    expect(rest.netTotal).toBe(-2100)
  })

  it('crediting fee lines from the invoice (the generic credit) reverses their recognition too, per the parameter', async () => {
    const w = await world()
    const s = await w.sub({ basePrice: 3100 })
    w.generate('2026-02-01')
    const [jan, feb] = await w.fees(s.id)
    const cut = await w.api('subscriptions.reduceDays', { subscriptionId: s.id, from: '2026-01-30', to: '2026-01-31' })
    const inv = await w.api('subscriptions.invoice', {
      customerId: w.customer.id,
      feeIds: [jan!.id, feb!.id, cut.id],
      invoiceDate: '2026-01-05',
      requestKey: w.key()
    })
    // Part of January from the invoice screen: 10.00 of 31.00, reversed at once (automatic) on 20 January.
    await w.api('invoices.credit', {
      id: inv.id,
      invoiceDate: '2026-01-20',
      note: '',
      requestKey: w.key(),
      lines: [{ lineId: inv.lines[0]!.id, quantity: 0, netAmount: 1000 }]
    })
    expect((await w.fees(s.id)).find((f) => f.id === jan!.id)).toMatchObject({ status: 'partlyCredited', creditedAmount: 1000 })
    const reversed = (await w.api('subscriptions.schedule', { subscriptionId: s.id })).filter((r) => r.reversal && r.feeId === jan!.id)
    expect(reversed.reduce((t, r) => t + r.amount, 0)).toBe(-1000)
    // January 1–20 are reversed on the credit's date, the rest on their own days.
    expect(reversed[0]!.recognizeOn).toBe('2026-01-20')
    expect(reversed.at(-1)!.recognizeOn).toBe('2026-01-31')

    // The rest of the invoice from the invoice screen, with manual reversal: the fees wait for the reversal.
    await w.api('subscriptions.setParameters', { invoiceWithOrderLines: false, reverseOnCredit: 'manual' })
    await w.api('invoices.credit', { id: inv.id, invoiceDate: '2026-02-10', note: '', requestKey: w.key() })
    const after = await w.fees(s.id)
    expect(after.find((f) => f.id === jan!.id)).toMatchObject({ status: 'credited', creditedAmount: 3100 })
    expect(after.find((f) => f.id === feb!.id)).toMatchObject({ status: 'credited', creditedAmount: 3100 })
    expect(after.find((f) => f.id === cut.id)).toMatchObject({ status: 'credited', creditedAmount: 200 })
    const pending = w.conn.sqlite.prepare('select fee_id, amount, credit_date from subscription_pending_reversals order by id').all()
    expect(pending).toEqual([
      { fee_id: jan!.id, amount: 2100, credit_date: '2026-02-10' },
      { fee_id: cut.id, amount: -200, credit_date: '2026-02-10' },
      { fee_id: feb!.id, amount: 3100, credit_date: '2026-02-10' }
    ])
    await w.api('subscriptions.reverseRecognition', { feeId: feb!.id })
    await w.api('subscriptions.reverseRecognition', { feeId: cut.id })
    await w.api('subscriptions.reverseRecognition', { feeId: jan!.id })
    // Everything invoiced is credited, so nothing stays recognised: the schedule nets to zero per fee.
    const schedule = await w.api('subscriptions.schedule', { subscriptionId: s.id })
    for (const id of [jan!.id, feb!.id, cut.id]) expect(schedule.filter((r) => r.feeId === id).reduce((t, r) => t + r.amount, 0)).toBe(0)
  })

  it('refuses crediting a fee not invoiced and a reduction', async () => {
    const w = await world()
    const s = await w.sub()
    w.generate('2026-01-01')
    const [fee] = await w.fees(s.id)
    expect((await w.refused('subscriptions.credit', { feeId: fee!.id, invoiceDate: '2026-01-02', requestKey: w.key() })).message).toBe(
      'The fee is not invoiced yet; there is nothing to credit'
    )
    const cut = await w.api('subscriptions.reduceDays', { subscriptionId: s.id, from: '2026-01-02', to: '2026-01-02' })
    await w.api('subscriptions.invoice', {
      customerId: w.customer.id,
      feeIds: [fee!.id, cut.id],
      invoiceDate: '2026-01-02',
      requestKey: w.key()
    })
    expect(
      (await w.refused('subscriptions.credit', { feeId: cut.id, invoiceDate: '2026-01-02', requestKey: w.key() })).issues?.[0]?.path
    ).toEqual(['feeId'])
  })
})

describe('MRR movements and the forecast', { timeout: 60000 }, () => {
  it('new, churned, expansion and contraction per month, by hand; the forecast from prices and known changes', async () => {
    const w = await world()
    const plain = await w.api('subscriptionGroups.create', { code: 'PLAIN', name: 'Plain', invoicingPeriod: 'month', accrue: false })
    const sub = (name: string, over: Partial<Input<'subscriptions.create'>>) => w.sub({ name, groupId: plain.id, ...over })
    const a = await sub('A, a price increase in March', { basePrice: 10000, startDate: '2025-12-01' })
    const b = await sub('B, cancelled mid-February', { basePrice: 5000, startDate: '2025-12-01' })
    await sub('C, new in February, ends in August', { basePrice: 8000, startDate: '2026-02-10', endDate: '2026-08-15' })
    const d = await sub('D, a price reduction in April', { basePrice: 6000, startDate: '2025-12-01' })
    // A quarterly plan of 300.00 is 100.00 a month every month, whatever the month's length.
    await w.sub({ name: 'E, quarterly', groupId: w.quarterly.id, basePrice: 30000, startDate: '2025-10-01' })
    const price = (subscriptionId: number, validFrom: string, amount: number) =>
      w.api('subscriptionPrices.create', { periodCode: 'month', currency: 'EUR', subscriptionId, validFrom, amount })
    await price(a.id, '2026-03-01', 12000)
    await price(d.id, '2026-04-01', 4500)
    w.generate('2026-01-31')
    // The customer cancels B from 16 February; fees up to February are made after it, March on comes from prices.
    const bRow = await w.api('subscriptions.get', { id: b.id })
    await w.api('subscriptions.update', { ...bRow, endDate: '2026-02-15' })
    w.generate('2026-02-28')
    // Two days removed from A's January: a one-off, not a contract change.
    await w.api('subscriptions.reduceDays', { subscriptionId: a.id, from: '2026-01-10', to: '2026-01-11' })

    const report = await w.api('subscriptions.revenue', { from: '2026-01-01', to: '2026-04-30', groupId: null })
    // December 2025 ends with A 100 + B 50 + D 60 + E 100 = 310.00 under contract.
    expect(report.months.map((m) => [m.month, m.contractedMrr, m.newMrr, m.expansionMrr, m.contractionMrr, m.churnedMrr])).toEqual([
      ['2026-01', 31000, 0, 0, 0, 0],
      // B is gone at February's end (churned 50.00); C came (new 80.00).
      ['2026-02', 34000, 8000, 0, 0, 5000],
      // A's price rises from 100.00 to 120.00.
      ['2026-03', 36000, 0, 2000, 0, 0],
      // D's falls from 60.00 to 45.00.
      ['2026-04', 34500, 0, 0, 1500, 0]
    ])
    let before = 31000
    for (const m of report.months) {
      expect(m.contractedMrr - before).toBe(m.newMrr + m.expansionMrr - m.contractionMrr - m.churnedMrr)
      before = m.contractedMrr
    }
    // The twelve months after April: A 120 + C 80 + D 45 a month, E's quarter spread by day; C's last half-August.
    expect(report.forecast.map((f) => f.month)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04'
    ])
    expect(report.forecast.slice(0, 5)).toEqual([
      // May: 31 of the 91 days of 300.00 = 102.20 (102.1978 rounded).
      { month: '2026-05', revenue: 12000 + 8000 + 4500 + 10220, contractedMrr: 34500, agreementOrders: 0, otherOrders: 0 },
      // June: 30 of 91 = 98.90.
      { month: '2026-06', revenue: 12000 + 8000 + 4500 + 9890, contractedMrr: 34500, agreementOrders: 0, otherOrders: 0 },
      // July: 31 of the third quarter's 92 days = 101.09.
      { month: '2026-07', revenue: 12000 + 8000 + 4500 + 10109, contractedMrr: 34500, agreementOrders: 0, otherOrders: 0 },
      // August: C for 15 of 31 days = 38.71; at August's end C is over.
      { month: '2026-08', revenue: 12000 + 3871 + 4500 + 10109, contractedMrr: 26500, agreementOrders: 0, otherOrders: 0 },
      // September: 30 of 92 = 97.83.
      { month: '2026-09', revenue: 12000 + 4500 + 9783, contractedMrr: 26500, agreementOrders: 0, otherOrders: 0 }
    ])
    // The PDF: the same figures, in the company's language.
    const pdfText = async () => {
      const pdf = await w.api('subscriptions.revenuePdf', { from: '2026-01-01', to: '2026-04-30', groupId: null })
      expect(pdf.fileName).toBe('subscription-revenue-2026-01-01-2026-04-30.pdf')
      const dir = mkdtempSync(join(tmpdir(), 'revenue-pdf-'))
      writeFileSync(join(dir, 'r.pdf'), Buffer.from(pdf.contentBase64, 'base64'))
      return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    }
    w.conn.sqlite.prepare(`update settings set language = 'en'`).run()
    const en = await pdfText()
    expect(en).toContain('Subscription revenue')
    expect(en).toContain('MRR movements')
    expect(en).toContain('February 2026 €80.00 €0.00 €0.00 €50.00 €340.00')
    expect(en).toContain('March 2026 €0.00 €20.00 €0.00 €0.00 €360.00')
    expect(en).toContain('April 2026 €0.00 €0.00 €15.00 €0.00 €345.00')
    expect(en).toContain('May 2026 €347.20 €345.00')
    expect(en).toContain('August 2026 €304.80 €265.00')
    w.conn.sqlite.prepare(`update settings set language = 'et'`).run()
    const et = await pdfText()
    expect(et).toContain('Kordustellimuste tulu')
    expect(et).toContain('MRR-i muutused')
    expect(et).toContain('Prognoos, järgmised 12 kuud')

    // A group filter takes only its subscriptions: E alone, 100.00 a month.
    const quarterly = await w.api('subscriptions.revenue', { from: '2026-01-01', to: '2026-01-31', groupId: w.quarterly.id })
    expect(quarterly.months[0]).toMatchObject({ contractedMrr: 10000, newMrr: 0, churnedMrr: 0 })
  })
})

describe('a crash inside a fee run', { timeout: 60000 }, () => {
  it('keeps whole subscriptions only; the rerun completes without duplicates', async () => {
    const w = await world()
    for (let n = 0; n < 5; n++) await w.sub({ name: `Sub ${n}` })
    closeDatabase(w.conn)
    const args = ['subscriptions', 'generate', '--to', '2026-06-30', '--db', w.file, '--json']
    // The ninth fee is the third of the second subscription: the kill lands inside a subscription.
    const killed = cliProcess(args, { HOOLDUS_FAULT: 'subscriptions.afterFee', HOOLDUS_FAULT_AFTER: '9' })
    expect(killed.signal).toBe('SIGKILL')
    let conn = openDatabase(w.file)
    const counts = () =>
      (
        conn.sqlite.prepare('select count(*) as n from subscription_fees group by subscription_id order by subscription_id').all() as {
          n: number
        }[]
      ).map((c) => c.n)
    const kept = counts()
    expect(kept.every((n) => n === 6)).toBe(true)
    closeDatabase(conn)
    const rest = await cli(args)
    expect(rest.code, rest.err).toBe(0)
    expect(JSON.parse(rest.out)).toMatchObject({ created: 30 - 6 * kept.length, skipped: 6 * kept.length, subscriptions: 5 })
    conn = openDatabase(w.file)
    expect(counts()).toEqual([6, 6, 6, 6, 6])
    closeDatabase(conn)
    const again = await cli(args)
    expect(JSON.parse(again.out)).toMatchObject({ created: 0, skipped: 30 })
  })
})
