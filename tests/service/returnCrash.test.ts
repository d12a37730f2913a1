import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { closeDatabase, type Connection, openDatabase } from '../../src/main/db/connection'
import { call, freshDb, userWith } from '../support/db'
import { walk } from '../support/orders'
import { bundled, childEnv, ROOT } from '../support/processes'

/** Calls returns.dispose once in a child process (saveChild: "ready", then go on stdin); answers how it ended. */
function disposeInChild(file: string, userId: number, input: object, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bundled('saveChild'), file, String(userId), 'returns.dispose', JSON.stringify([input])], {
    cwd: ROOT,
    env: childEnv(env),
    input: 'go\n',
    encoding: 'utf8',
    timeout: 60_000
  })
  const line = r.stdout.trim().split('\n').pop() ?? ''
  return { signal: r.signal, stderr: r.stderr, tally: line.startsWith('{') ? (JSON.parse(line) as { ok: number }) : null }
}

/** Everything a disposition touches. */
function state(conn: Connection) {
  const n = (sql: string) => conn.sqlite.prepare(sql).pluck().get()
  return {
    invoices: n('select count(*) from invoices'),
    invoiceLines: n('select count(*) from invoice_lines'),
    orders: n('select count(*) from service_orders'),
    orderLines: n('select count(*) from service_order_lines'),
    stock: conn.sqlite.prepare('select location, sum(quantity) as q from stock_movements group by location order by location').all(),
    serials: n('select count(*) from object_serial_history'),
    serial: n('select serial_number from service_objects'),
    line: conn.sqlite
      .prepare('select status, quarantine, credit_line_id as c, result_order_id as o, version from return_lines where id = 1')
      .get(),
    events: n('select count(*) from return_events'),
    numbers: conn.sqlite
      .prepare("select code, next_number as n from number_sequences where code in ('creditNote', 'serviceOrder') order by code")
      .all()
  }
}

describe('a disposition survives a crash mid-transaction', () => {
  it('a process killed inside "replace and credit" leaves none of its effects; the retry does all of them once', async () => {
    const { conn, file } = await freshDb()
    const admin = userWith(conn, ['administrator'], 'boss')
    const item = await call(admin, 'items.create', { number: 'PUMP-1', name: 'Pump', unit: 'pcs', salesPrice: 10000 })
    const customer = await call(admin, 'customers.create', {
      name: 'Õunapuu OÜ',
      sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
    })
    const object = await call(admin, 'serviceObjects.create', {
      name: 'Pump',
      customerId: customer.id,
      itemId: item.id,
      serialNumber: 'SN-OLD'
    })
    let order = await call(admin, 'serviceOrders.create', {
      customerId: customer.id,
      siteId: customer.sites[0]!.id,
      description: 'Delivery'
    })
    order = await call(admin, 'serviceOrders.addLine', {
      orderId: order.id,
      type: 'item',
      itemId: item.id,
      serviceObjectId: object.id,
      quantity: 1000
    })
    order = await walk(admin, order.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'], (await call(admin, 'serviceStages.list', {})).rows)
    order = await call(admin, 'serviceOrders.signOff', { id: order.id, version: order.version })
    order = await call(admin, 'serviceOrders.post', { id: order.id, version: order.version })
    const invoice = await call(admin, 'invoices.create', {
      customerId: customer.id,
      lineIds: [order.lines[0]!.id],
      invoiceDate: '2026-12-01',
      requestKey: 'crash-invoice-1'
    })
    const reason = (await call(admin, 'returnReasons.list', {})).rows[0]!
    let r = await call(admin, 'returns.createFromInvoices', {
      customerId: customer.id,
      reasonId: reason.id,
      createdDate: '2026-12-02',
      lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1000 }]
    })
    r = await call(admin, 'returns.register', { lineId: r.lines[0]!.id, version: r.lines[0]!.version, quantity: 1000, quarantine: true })
    const code = (await call(admin, 'dispositionCodes.list', {})).rows.find((c) => c.action === 'replaceCredit')!
    const input = { lineId: r.lines[0]!.id, version: r.lines[0]!.version, dispositionId: code.id, date: '2026-12-03', newSerial: 'SN-NEW' }
    const before = state(conn)
    closeDatabase(conn)

    // 1. Killed after the credit note, the replacement order, the stock movements and the serial change, before the status.
    const crashed = disposeInChild(file, admin.user!.id, input, { HOOLDUS_FAULT: 'return.beforeStatus' })
    expect(crashed.signal).toBe('SIGKILL')
    expect(crashed.tally).toBeNull()
    let reopened = openDatabase(file)
    try {
      expect(state(reopened)).toEqual(before)
      expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      closeDatabase(reopened)
    }

    // 2. The retry: all effects, once, with the numbers the crash gave back.
    const retried = disposeInChild(file, admin.user!.id, input)
    expect({ signal: retried.signal, tally: retried.tally }).toMatchObject({ signal: null, tally: { ok: 1 } })
    reopened = openDatabase(file)
    try {
      expect(state(reopened)).toMatchObject({
        invoices: 2,
        invoiceLines: 2,
        orders: 2,
        orderLines: 2,
        stock: [
          { location: 'quarantine', q: 0 },
          { location: 'stock', q: 1000 }
        ],
        serials: 1,
        serial: 'SN-NEW',
        line: { status: 'credited', quarantine: 0 },
        numbers: [
          { code: 'creditNote', n: 2 },
          { code: 'serviceOrder', n: 3 }
        ]
      })
    } finally {
      closeDatabase(reopened)
    }
  }, 120_000)
})
