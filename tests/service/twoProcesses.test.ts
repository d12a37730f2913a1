import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { closeDatabase, openDatabase } from '../../src/main/db/connection'
import { call, callError, freshDb, userWith } from '../support/db'
import { walk } from '../support/orders'
import { bundled, childEnv, ROOT } from '../support/processes'

/** A child process, with its stdout read line by line. */
function child(script: 'holdChild' | 'saveChild', args: string[]) {
  const p = spawn(process.execPath, [bundled(script), ...args], { cwd: ROOT, env: childEnv() }) as ChildProcessWithoutNullStreams
  let stderr = ''
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  createInterface({ input: p.stdout }).on('line', (line) => {
    const next = waiting.shift()
    if (next) next(line)
    else lines.push(line)
  })
  const exited = new Promise<number | null>((done) => p.on('exit', (code) => done(code)))
  return {
    process: p,
    nextLine: () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise<string>((r) => waiting.push(r))),
    exited,
    stderr: () => stderr
  }
}

async function world(orders: number) {
  const { conn, file } = await freshDb()
  const admin = userWith(conn, ['administrator'], 'boss')
  const customer = await call(admin, 'customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const made = []
  for (let n = 0; n < orders; n++)
    made.push(
      await call(admin, 'serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description: `Repair ${n + 1}` })
    )
  return { conn, file, admin, orders: made }
}

describe('two processes on one database file', () => {
  it('a save while another process holds the write lock waits for it and succeeds', async () => {
    const w = await world(1)
    const order = w.orders[0]!
    try {
      const holder = child('holdChild', [w.file, '1000'])
      expect(await holder.nextLine(), holder.stderr()).toBe('locked')
      const t0 = Date.now()
      // A deferred transaction would read, then find the lock taken and the snapshot stale once the other
      // process commits: "database is locked" at once. The immediate one waits at BEGIN and then reads.
      const saved = await call(w.admin, 'serviceOrders.register', {
        id: order.id,
        version: order.version,
        actualStart: null,
        actualEnd: null,
        notes: 'Saved while the CLI wrote'
      })
      const waited = Date.now() - t0
      expect(saved).toMatchObject({ notes: 'Saved while the CLI wrote', version: order.version + 1 })
      expect(waited).toBeGreaterThan(200)
      expect(await holder.nextLine()).toBe('committed')
      expect(await holder.exited, holder.stderr()).toBe(0)
      const rows = w.conn.sqlite.prepare("select count(*) as n from audit_log where entity = 'test'").get() as { n: number }
      expect(rows.n).toBe(1)
    } finally {
      closeDatabase(w.conn)
    }
  }, 120_000)

  it('a lock held past the busy timeout answers a retryable CONFLICT that says so, and saves nothing', async () => {
    const w = await world(1)
    const order = w.orders[0]!
    try {
      w.conn.sqlite.pragma('busy_timeout = 200')
      const holder = child('holdChild', [w.file, '3000'])
      expect(await holder.nextLine(), holder.stderr()).toBe('locked')
      const e = await callError(w.admin, 'serviceOrders.register', {
        id: order.id,
        version: order.version,
        actualStart: null,
        actualEnd: null,
        notes: 'Too late'
      })
      expect(e).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/busy with another program.*nothing was saved — try again/)
      })
      expect(await holder.exited, holder.stderr()).toBe(0)
      w.conn.sqlite.pragma('busy_timeout = 5000')
      const retried = await call(w.admin, 'serviceOrders.register', {
        id: order.id,
        version: order.version,
        actualStart: null,
        actualEnd: null,
        notes: 'Retried'
      })
      expect(retried).toMatchObject({ notes: 'Retried', version: order.version + 1 })
    } finally {
      closeDatabase(w.conn)
    }
  }, 120_000)

  it('the same records saved from two processes with the same version: one save each succeeds, the other is a CONFLICT, never INTERNAL', async () => {
    const ROUNDS = 20
    const w = await world(ROUNDS)
    closeDatabase(w.conn)
    const savers = ['A', 'B'].map((tag) =>
      child('saveChild', [
        w.file,
        String(w.admin.user!.id),
        'serviceOrders.register',
        JSON.stringify(
          w.orders.map((o) => ({ id: o.id, version: o.version, actualStart: null, actualEnd: null, notes: `Saved by ${tag}` }))
        )
      ])
    )
    for (const s of savers) expect(await s.nextLine(), s.stderr()).toBe('ready')
    for (const s of savers) s.process.stdin.write('go\n')
    const tallies = await Promise.all(
      savers.map(
        async (s) => JSON.parse(await s.nextLine()) as { tried: number; ok: number; codes: Record<string, number>; messages: string[] }
      )
    )
    for (const s of savers) expect(await s.exited, s.stderr()).toBe(0)

    const total = { tried: 0, ok: 0, CONFLICT: 0, INTERNAL: 0 }
    for (const t of tallies) {
      total.tried += t.tried
      total.ok += t.ok
      total.CONFLICT += t.codes.CONFLICT ?? 0
      total.INTERNAL += t.codes.INTERNAL ?? 0
    }
    expect(tallies.flatMap((t) => t.messages)).toEqual([])
    expect(total).toEqual({ tried: 2 * ROUNDS, ok: ROUNDS, CONFLICT: ROUNDS, INTERNAL: 0 })
    console.info(`two processes: ${total.tried} saves tried, ${total.ok} succeeded, ${total.CONFLICT} CONFLICT, ${total.INTERNAL} INTERNAL`)
  }, 120_000)

  it('two processes crediting the same invoice line at once never credit more than was invoiced', async () => {
    const w = await world(1)
    const labour = await call(w.admin, 'categories.create', { code: 'LAB', name: 'Labour', type: 'hour', unit: 'h', salesPrice: 5500 })
    let order = await call(w.admin, 'serviceOrders.addLine', {
      orderId: w.orders[0]!.id,
      type: 'hour',
      categoryId: labour.id,
      quantity: 10_000
    })
    const stages = (await call(w.admin, 'serviceStages.list', {})).rows
    order = await walk(w.admin, order.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'], stages)
    order = await call(w.admin, 'serviceOrders.signOff', { id: order.id, version: order.version })
    order = await call(w.admin, 'serviceOrders.post', { id: order.id, version: order.version })
    const invoice = await call(w.admin, 'invoices.create', {
      customerId: order.customerId,
      lineIds: order.lines.map((l) => l.id),
      invoiceDate: '2026-12-01',
      requestKey: 'race-invoice-1'
    })
    const line = invoice.lines[0]! // 10 h, 550.00
    closeDatabase(w.conn)

    // Each process credits one hour at a time, eight times: sixteen asks for the line's ten hours.
    const creditors = ['A', 'B'].map((tag) =>
      child('saveChild', [
        w.file,
        String(w.admin.user!.id),
        'invoices.credit',
        JSON.stringify(
          Array.from({ length: 8 }, (_, n) => ({
            id: invoice.id,
            invoiceDate: '2026-12-05',
            requestKey: `race-${tag}-${n}`,
            lines: [{ lineId: line.id, quantity: 1000, netAmount: 5500 }]
          }))
        )
      ])
    )
    for (const c of creditors) expect(await c.nextLine(), c.stderr()).toBe('ready')
    for (const c of creditors) c.process.stdin.write('go\n')
    const tallies = await Promise.all(
      creditors.map(
        async (c) => JSON.parse(await c.nextLine()) as { tried: number; ok: number; codes: Record<string, number>; messages: string[] }
      )
    )
    for (const c of creditors) expect(await c.exited, c.stderr()).toBe(0)

    expect(tallies.flatMap((t) => t.messages)).toEqual([])
    expect(tallies.reduce((s, t) => s + t.ok, 0)).toBe(10)
    expect(tallies.reduce((s, t) => s + (t.codes.VALIDATION ?? 0), 0)).toBe(6)

    const reopened = openDatabase(w.file)
    try {
      const one = (sql: string, ...p: unknown[]) => reopened.sqlite.prepare(sql).get(...p) as Record<string, number>
      expect(
        one(
          'select -sum(quantity) as q, -sum(net_amount) as net, -sum(vat_amount) as vat from invoice_lines where credited_line_id = ?',
          line.id
        )
      ).toEqual({
        q: line.quantity,
        net: line.netAmount,
        vat: line.vatAmount
      })
      expect(one('select credited_total as c, gross_total as g from invoices where id = ?', invoice.id)).toEqual({
        c: invoice.grossTotal,
        g: invoice.grossTotal
      })
      expect(one("select count(*) as n from invoices where kind = 'credit'").n).toBe(10)
      expect(one("select next_number as n from number_sequences where code = 'creditNote'").n).toBe(11)
      // Credited in full: the order line is free to be invoiced again.
      expect(one('select invoice_id as i from service_order_lines where id = ?', line.orderLineId).i).toBeNull()
    } finally {
      closeDatabase(reopened)
    }
  }, 120_000)
})
