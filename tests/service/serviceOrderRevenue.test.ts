import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { LINE_TYPES } from '@shared/domain/orders'
import { writeCsv } from '../../src/main/api/csv'
import { csvColumns } from '../../src/main/api/csvColumns'
import { runGeneration } from '../../src/main/services/agreements/generator'
import { call, freshDb } from '../support/db'
import { seedMasterData, toCompleted } from '../support/seed'

// Service-order revenue beside subscription revenue (docs/adr/0013-subscriptions.md, "Service-order revenue"):
// actual from the billing ledger, forecast from planned agreement orders plus the other orders' trailing average.
describe('service-order revenue on the revenue report', { timeout: 60000 }, () => {
  it('is what the ledger invoiced less credited by month, and a forecast of planned agreement orders plus the average', async () => {
    const { conn } = await freshDb()
    const seed = await seedMasterData(conn)
    const admin = seed.admin
    const siteId = seed.customer.sites[0]!.id
    let keys = 0
    const invoice = (lineIds: number[], invoiceDate: string) =>
      call(admin, 'invoices.create', { customerId: seed.customer.id, lineIds, invoiceDate, requestKey: `revenue-key-${++keys}` })
    const post = async (orderId: number) => {
      let order = await toCompleted(admin, orderId)
      order = await call(admin, 'serviceOrders.signOff', { id: order.id, version: order.version })
      return call(admin, 'serviceOrders.post', { id: order.id, version: order.version })
    }
    const manualOrder = async (lines: { type: 'hour' | 'item'; quantity: number; unitPrice: number }[]) => {
      let order = await call(admin, 'serviceOrders.create', {
        customerId: seed.customer.id,
        siteId,
        description: 'Repair',
        responsibleWorkerId: seed.worker.id
      })
      for (const l of lines) {
        order = await call(admin, 'serviceOrders.addLine', {
          orderId: order.id,
          ...l,
          categoryId: l.type === 'hour' ? seed.category.id : null,
          itemId: l.type === 'item' ? seed.item.id : null,
          workerId: l.type === 'hour' ? seed.worker.id : null
        })
      }
      return post(order.id)
    }

    // January: 2 h × 50.00 + 1 pump at 25.50 = 125.50.
    const m1 = await manualOrder([
      { type: 'hour', quantity: 2000, unitPrice: 5000 },
      { type: 'item', quantity: 1000, unitPrice: 2550 }
    ])
    await invoice(
      m1.lines.map((l) => l.id),
      '2026-01-15'
    )
    // February: 1.5 h × 40.01 = 60.015, 60.02 by the one rounding rule; credited whole in March.
    const m2 = await manualOrder([{ type: 'hour', quantity: 1500, unitPrice: 4001 }])
    const m2Invoice = await invoice(
      m2.lines.map((l) => l.id),
      '2026-02-03'
    )
    await call(admin, 'invoices.credit', { id: m2Invoice.id, invoiceDate: '2026-03-10', requestKey: `revenue-key-${++keys}` })

    // An agreement: a monthly visit of 3 h at 45.00 = 135.00 from 5 January, generated to the end of June.
    let agreement = await call(admin, 'agreements.create', {
      customerId: seed.customer.id,
      description: 'Monthly maintenance',
      groupId: seed.agreementGroup.id,
      startDate: '2026-01-01',
      responsibleWorkerId: seed.worker.id,
      objects: [{ id: seed.serviceObject.id }]
    })
    const monthly = (await call(admin, 'serviceIntervals.list', {})).rows.find((i) => i.code === 'MONTHLY')!
    agreement = await call(admin, 'agreements.addLine', {
      agreementId: agreement.id,
      type: 'hour',
      categoryId: seed.category.id,
      serviceObjectId: seed.serviceObject.id,
      intervalId: monthly.id,
      startDate: '2026-01-05',
      quantity: 3000,
      unitPrice: 4500
    })
    runGeneration(admin, {
      from: '2026-01-01',
      to: '2026-06-30',
      agreementIds: [agreement.id],
      customerId: null,
      groupId: null,
      types: [...LINE_TYPES]
    })
    const planned = conn.sqlite
      .prepare(
        `select o.id, l.id as lineId, l.scheduled_date as date from service_orders o join service_order_lines l on l.order_id = o.id
         where o.agreement_id = ? order by l.scheduled_date`
      )
      .all(agreement.id) as { id: number; lineId: number; date: string }[]
    expect(planned.map((p) => p.date)).toEqual(['2026-01-05', '2026-02-05', '2026-03-05', '2026-04-05', '2026-05-05', '2026-06-05'])
    // January's visit is done and invoiced: revenue of January, but not part of the other orders' average.
    await post(planned[0]!.id)
    await invoice([planned[0]!.lineId], '2026-01-31')
    // June's visit is invoiced in advance: it is no longer expected revenue of June.
    await post(planned[5]!.id)
    await invoice([planned[5]!.lineId], '2026-03-20')

    const report = await call(admin, 'subscriptions.revenue', { from: '2026-01-01', to: '2026-03-31', groupId: null })
    expect(report.months.map((m) => [m.month, m.serviceOrders])).toEqual([
      ['2026-01', 12550 + 13500],
      ['2026-02', 6002],
      // The credit note of February's invoice, and June's visit invoiced in advance.
      ['2026-03', -6002 + 13500]
    ])
    // The other orders over April 2025 – March 2026: 125.50 + 60.02 − 60.02 = 125.50; ÷ 12 = 10.4583 → 10.46.
    // The agreement's April and May visits are planned and not invoiced; March's is before the forecast.
    expect(report.forecast.slice(0, 4).map((f) => [f.month, f.agreementOrders, f.otherOrders])).toEqual([
      ['2026-04', 13500, 1046],
      ['2026-05', 13500, 1046],
      ['2026-06', 0, 1046],
      ['2026-07', 0, 1046]
    ])
    expect(report.forecast.every((f) => f.otherOrders === 1046)).toBe(true)
    // Company-wide: a subscription group filter leaves the service-order figures as they are.
    const group = await call(admin, 'subscriptionGroups.create', {
      code: 'MON',
      name: 'Monitoring',
      invoicingPeriod: 'month',
      accrue: false
    })
    const filtered = await call(admin, 'subscriptions.revenue', { from: '2026-01-01', to: '2026-03-31', groupId: group.id })
    expect(filtered.months.map((m) => m.serviceOrders)).toEqual(report.months.map((m) => m.serviceOrders))
    expect(filtered.forecast).toEqual(report.forecast)

    // The report's CSV rows carry both series: the months, then the forecast months.
    const rows = await call(admin, 'subscriptionRevenue.list', { from: '2026-01-01', to: '2026-03-31', groupId: null })
    expect(rows.total).toBe(15)
    expect(rows.rows[0]).toMatchObject({ month: '2026-01', period: 'actual', serviceOrders: 26050, agreementOrders: null })
    expect(rows.rows[3]).toMatchObject({
      month: '2026-04',
      period: 'forecast',
      serviceOrders: null,
      agreementOrders: 13500,
      otherOrders: 1046
    })

    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    await writeCsv(csvColumns('subscriptionRevenue.list'), rows.rows, out, {
      language: 'en',
      dialect: 'standard',
      timeZone: 'Europe/Tallinn'
    })
    const csv = Buffer.concat(chunks).toString('utf8').split('\r\n')
    expect(csv[0]).toContain('Service order revenue,Planned agreement orders,Other service orders (12-month average)')
    expect(csv[1]).toMatch(/^2026-01,Actual,.*,260\.50,,$/)
    expect(csv[4]).toMatch(/^2026-04,Forecast,.*,,135\.00,10\.46$/)

    // The PDF, in the company's language: the actual months and the forecast with both series.
    conn.sqlite.prepare(`update settings set language = 'en'`).run()
    const pdf = await call(admin, 'subscriptions.revenuePdf', { from: '2026-01-01', to: '2026-03-31', groupId: null })
    const dir = mkdtempSync(join(tmpdir(), 'order-revenue-pdf-'))
    writeFileSync(join(dir, 'r.pdf'), Buffer.from(pdf.contentBase64, 'base64'))
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain('Service order revenue')
    expect(text).toContain('January 2026 €0.00 €0.00 €0.00 €0.00 €0.00 €260.50')
    expect(text).toContain('March 2026 €0.00 €0.00 €0.00 €0.00 €0.00 €74.98')
    expect(text).toContain('April 2026 €0.00 €0.00 €135.00 €10.46')
  })
})
