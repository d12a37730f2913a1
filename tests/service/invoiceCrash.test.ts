import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import type { ApiResult } from '@shared/api/result'
import type { InvoiceRow } from '@shared/domain/orders'
import { closeDatabase, type Connection, openDatabase } from '../../src/main/db/connection'
import { call, freshDb, userWith } from '../support/db'
import { walk } from '../support/orders'
import { bundled, childEnv, ROOT } from '../support/processes'

/** Runs invoices.create in a child process; answers how it ended and what it printed. */
function invoiceInChild(file: string, userId: number, input: object, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bundled('invoiceChild'), file, String(userId), JSON.stringify(input)], {
    cwd: ROOT,
    env: childEnv(env),
    encoding: 'utf8',
    timeout: 60_000
  })
  const line = r.stdout.trim().split('\n').pop() ?? ''
  return { status: r.status, signal: r.signal, stderr: r.stderr, result: line ? (JSON.parse(line) as ApiResult<InvoiceRow>) : null }
}

function state(conn: Connection) {
  const one = (sql: string) => conn.sqlite.prepare(sql).get() as Record<string, unknown>
  return {
    invoices: one('select count(*) as n from invoices').n,
    invoiceLines: one('select count(*) as n from invoice_lines').n,
    linkedLines: one('select count(*) as n from service_order_lines where invoice_id is not null').n,
    nextInvoiceNumber: one("select next_number as n from number_sequences where code = 'invoice'").n
  }
}

describe('invoicing survives a crash mid-transaction', () => {
  it('a process killed inside the invoice transaction leaves nothing; the retry with the same key makes exactly one invoice', async () => {
    // Prepare a database file with three posted, uninvoiced lines, then close it.
    const { conn, file } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'boss')
    const customer = await call(admin, 'customers.create', {
      name: 'Õunapuu OÜ',
      sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
    })
    const labour = await call(admin, 'categories.create', {
      code: 'LAB',
      name: 'Labour',
      type: 'hour',
      unit: 'h',
      costPrice: 2800,
      salesPrice: 5500
    })
    let order = await call(admin, 'serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description: 'Repair' })
    for (const quantity of [1000, 1500, 2250])
      order = await call(admin, 'serviceOrders.addLine', { orderId: order.id, type: 'hour', categoryId: labour.id, quantity })
    const stages = (await call(admin, 'serviceStages.list', {})).rows
    order = await walk(admin, order.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'], stages)
    order = await call(admin, 'serviceOrders.signOff', { id: order.id, version: order.version })
    order = await call(admin, 'serviceOrders.post', { id: order.id, version: order.version })
    const before = state(conn)
    expect(before).toEqual({ invoices: 0, invoiceLines: 0, linkedLines: 0, nextInvoiceNumber: 1 })
    closeDatabase(conn)

    const input = {
      customerId: customer.id,
      lineIds: order.lines.map((l) => l.id),
      invoiceDate: '2026-12-01',
      requestKey: 'crash-test-0001'
    }

    // 1. The crash: killed between writing the invoice with its lines and linking the order lines.
    const crashed = invoiceInChild(file, admin.user!.id, input, { HOOLDUS_FAULT: 'invoice.beforeLink' })
    expect(crashed.stderr).not.toMatch(/Error/)
    expect(crashed.signal).toBe('SIGKILL')
    expect(crashed.result).toBeNull()

    let reopened = openDatabase(file)
    try {
      expect(state(reopened)).toEqual(before)
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      closeDatabase(reopened)
    }

    // 2. The retry (same request key, no fault): exactly one invoice, with the first number.
    const retried = invoiceInChild(file, admin.user!.id, input)
    expect({ status: retried.status, signal: retried.signal, stderr: retried.stderr }).toEqual({ status: 0, signal: null, stderr: '' })
    expect(retried.result?.ok).toBe(true)
    const invoice = (retried.result as { ok: true; data: InvoiceRow }).data
    expect(invoice).toMatchObject({ number: 'INV-000001', netTotal: 5500 + 8250 + 12375, lines: expect.any(Array) })
    expect(invoice.lines).toHaveLength(3)

    // 3. A third call with the same key answers the same invoice and makes nothing new.
    reopened = openDatabase(file)
    try {
      expect(state(reopened)).toEqual({ invoices: 1, invoiceLines: 3, linkedLines: 3, nextInvoiceNumber: 2 })
      const ctx = { ...admin, conn: reopened, db: reopened.db }
      expect(await call(ctx, 'invoices.create', input)).toEqual(invoice)
      expect(state(reopened)).toEqual({ invoices: 1, invoiceLines: 3, linkedLines: 3, nextInvoiceNumber: 2 })
    } finally {
      closeDatabase(reopened)
    }
  }, 120_000)
})
