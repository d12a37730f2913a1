import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BinaryBitmap, Code128Reader, HybridBinarizer, RGBLuminanceSource } from '@zxing/library'
import { describe, expect, it } from 'vitest'
import type { Input, MethodName, Output } from '@shared/api/contract'
import type { DispositionAction, ReturnRow } from '@shared/domain/returns'
import { runMethod } from '../../src/main/api/pipeline'
import { createContext, type ServiceContext } from '../../src/main/services/core/context'
import { loadSessionUser } from '../../src/main/services/auth/sessions'
import { call, freshDb, userWith } from '../support/db'
import { snapshot, walk } from '../support/orders'
import { testClock } from '../support/seed'

/**
 * A customer invoiced for 3 filters (on a posted order with the customer's service object), seeded return setup
 * (one disposition code per action), and callers in each role, all through the real pipeline.
 */
async function world() {
  const { conn } = await freshDb()
  const clock = testClock(Date.UTC(2026, 11, 1, 10))
  const boss = userWith(conn, ['administrator'], 'boss')
  const admin: ServiceContext = createContext(conn, boss.user, boss.session, clock.now)
  const manager = userWith(conn, ['serviceManager'], 'manager')
  const consultant = userWith(conn, ['serviceConsultant'], 'consultant')
  const host = { conn, checkOutputs: true, now: clock.now }
  async function api<M extends MethodName>(method: M, input: Input<M>, as: ServiceContext = admin): Promise<Output<M>> {
    const r = await runMethod(host, () => null, as.session, method, input)
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { error: r.error })
    return r.data as Output<M>
  }
  async function refused<M extends MethodName>(method: M, input: Input<M>, as: ServiceContext = admin) {
    const before = snapshot(conn)
    const r = await runMethod(host, () => null, as.session, method, input)
    if (r.ok) throw new Error(`${method} should have been refused`)
    expect(snapshot(conn)).toEqual(before)
    return r.error
  }
  const part = await call(admin, 'items.create', { number: 'PUMP-1', name: 'Pump', unit: 'pcs', salesPrice: 10000 })
  const spare = await call(admin, 'items.create', { number: 'PUMP-2', name: 'Pump v2', unit: 'pcs', salesPrice: 12000 })
  const customer = await call(admin, 'customers.create', {
    name: 'Õunapuu OÜ',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }]
  })
  const object = await call(admin, 'serviceObjects.create', {
    name: 'Heat pump',
    customerId: customer.id,
    itemId: part.id,
    serialNumber: 'SN-OLD'
  })
  const stages = (await call(admin, 'serviceStages.list', {})).rows
  let o = await call(admin, 'serviceOrders.create', { customerId: customer.id, siteId: customer.sites[0]!.id, description: 'Install' })
  o = await call(admin, 'serviceOrders.addLine', {
    orderId: o.id,
    type: 'item',
    itemId: part.id,
    serviceObjectId: object.id,
    quantity: 3000
  })
  o = await walk(admin, o.id, ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED'], stages)
  o = await call(admin, 'serviceOrders.signOff', { id: o.id, version: o.version })
  o = await call(admin, 'serviceOrders.post', { id: o.id, version: o.version })
  const invoice = await api('invoices.create', {
    customerId: customer.id,
    lineIds: o.lines.map((l) => l.id),
    invoiceDate: '2026-12-01',
    requestKey: 'invoice-1'
  })
  const reason = (await api('returnReasons.list', {})).rows[0]!
  const codes = (await api('dispositionCodes.list', {})).rows
  const code = (a: DispositionAction) => codes.find((c) => c.action === a)!.id
  const fromInvoice = (quantity: number, as: ServiceContext = consultant) =>
    api(
      'returns.createFromInvoices',
      {
        customerId: customer.id,
        reasonId: reason.id,
        createdDate: '2026-12-02',
        lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity }]
      },
      as
    )
  const register = (r: ReturnRow, quantity: number, quarantine = false, lineNo = 1) => {
    const l = r.lines.find((x) => x.lineNo === lineNo)!
    return api('returns.register', { lineId: l.id, version: l.version, quantity, quarantine }, consultant)
  }
  const dispose = (
    r: ReturnRow,
    action: DispositionAction,
    extra: Partial<Input<'returns.dispose'>> = {},
    as: ServiceContext = manager,
    lineNo = 1
  ) => {
    const l = r.lines.find((x) => x.lineNo === lineNo)!
    return api('returns.dispose', { lineId: l.id, version: l.version, dispositionId: code(action), date: '2026-12-03', ...extra }, as)
  }
  const stock = async () =>
    Object.fromEntries((await api('returnStock.list', {})).rows.map((s) => [`${s.itemNumber}:${s.location}`, s.onHand]))
  const rows = (sql: string, ...p: unknown[]) => conn.sqlite.prepare(sql).all(...p) as Record<string, unknown>[]
  return {
    conn,
    admin,
    manager,
    consultant,
    api,
    refused,
    customer,
    object,
    invoice,
    reason,
    code,
    fromInvoice,
    register,
    dispose,
    stock,
    rows,
    part,
    spare
  }
}

describe('returns', () => {
  it('runs the issue flow: 2 of 3 returned, 1 arrives, inspection, replace and credit; the other stays expected', async () => {
    const w = await world()
    let r = await w.fromInvoice(2000)
    expect(r).toMatchObject({ number: 'RMA-000001', status: 'created', deadline: '2027-01-01' })
    expect(r.lines[0]).toMatchObject({ quantity: 2000, returnPrice: 10000, vatRate: 2400, status: 'expected', serialNumber: 'SN-OLD' })
    r = await w.register(r, 1000, true)
    expect(r.status).toBe('open')
    expect(r.lines.map((l) => [l.lineNo, l.quantity, l.status])).toEqual([
      [1, 1000, 'registered'],
      [2, 1000, 'expected']
    ])
    expect((await w.api('returnInspection.list', {})).rows.map((q) => q.lineNo)).toEqual([1])
    expect(await w.stock()).toEqual({ 'PUMP-1:quarantine': 1000 })
    r = await w.dispose(r, 'replaceCredit', { note: 'Bearing noise', newSerial: 'SN-NEW', replacementItemId: w.spare.id })
    const line = r.lines[0]!
    expect(line).toMatchObject({ status: 'credited', inspectionNote: 'Bearing noise', dispositionAction: 'replaceCredit' })
    expect(r.lines[1]!.status).toBe('expected')
    expect(r.status).toBe('open')
    // The credit note: one unit of the invoice line, from the return line.
    const credit = await w.api('invoices.get', { id: line.creditNoteId! })
    expect(credit.lines).toEqual([expect.objectContaining({ source: 'returnLine', quantity: -1000, netAmount: -10000, vatAmount: -2400 })])
    expect(w.rows('select return_line_id from invoice_lines where id = ?', line.creditLineId)).toEqual([{ return_line_id: line.id }])
    // The replacement order, origin 'return', with the replacement item, linked from the return.
    const order = await w.api('serviceOrders.get', { id: line.resultOrderId! })
    expect(order.origin).toBe('return')
    expect(order.lines.map((l) => [l.itemId, l.quantity])).toEqual([[w.spare.id, 1000]])
    expect(r.replacementOrderId).toBe(order.id)
    expect(await w.stock()).toEqual({ 'PUMP-1:stock': 1000 })
    expect(await w.api('returns.serialHistory', { serviceObjectId: w.object.id })).toEqual([
      { oldSerial: 'SN-OLD', newSerial: 'SN-NEW', date: '2026-12-03', returnNumber: r.number }
    ])
    expect(r.events.map((e) => e.event)).toEqual(['created', 'lineSplit', 'quarantined', 'opened', 'inspected'])
    // Crediting the same line again is refused, nothing changed.
    const again = await w.refused(
      'returns.dispose',
      { lineId: line.id, version: line.version, dispositionId: w.code('credit'), date: '2026-12-04' },
      w.manager
    )
    expect(again.message).toContain('does not fit line 1')
  })

  it('caps a return at invoiced − already returned − already credited', async () => {
    const w = await world()
    await w.fromInvoice(2000)
    const err = await w.refused('returns.createFromInvoices', {
      customerId: w.customer.id,
      reasonId: w.reason.id,
      createdDate: '2026-12-02',
      lines: [{ invoiceLineId: w.invoice.lines[0]!.id, quantity: 2000 }]
    })
    expect(err.message).toContain('only 1 pcs')
    await w.api('invoices.credit', {
      id: w.invoice.id,
      invoiceDate: '2026-12-02',
      requestKey: 'credit-1',
      lines: [{ lineId: w.invoice.lines[0]!.id, quantity: 1000, netAmount: 10000 }]
    })
    expect(await w.api('returns.returnable', { customerId: w.customer.id })).toEqual([])
    await w.refused('returns.createFromInvoices', {
      customerId: w.customer.id,
      reasonId: w.reason.id,
      createdDate: '2026-12-02',
      lines: [{ invoiceLineId: w.invoice.lines[0]!.id, quantity: 1000 }]
    })
  })

  it('carries out each disposition with its effects', async () => {
    const w = await world()
    const effects: Record<string, unknown> = {}
    for (const action of ['credit', 'scrap', 'replaceScrap', 'returnToCustomer'] as const) {
      const w2 = await world()
      let r = await w2.fromInvoice(1000)
      r = await w2.register(r, 1000)
      r = await w2.dispose(r, action)
      effects[action] = {
        status: r.lines[0]!.status,
        credit: r.lines[0]!.creditNoteId !== null,
        order: r.lines[0]!.resultOrderId !== null,
        stock: await w2.stock(),
        shipments: w2.rows('select quantity from return_shipments').length,
        header: r.status
      }
    }
    expect(effects).toEqual({
      credit: { status: 'credited', credit: true, order: false, stock: { 'PUMP-1:stock': 1000 }, shipments: 0, header: 'closed' },
      scrap: { status: 'credited', credit: true, order: false, stock: { 'PUMP-1:scrap': 1000 }, shipments: 0, header: 'closed' },
      replaceScrap: { status: 'closed', credit: false, order: true, stock: { 'PUMP-1:scrap': 1000 }, shipments: 0, header: 'closed' },
      returnToCustomer: {
        status: 'closed',
        credit: false,
        order: false,
        stock: { 'PUMP-1:atCustomer': 1000 },
        shipments: 1,
        header: 'closed'
      }
    })
    // Credit only: nothing arrives; a registered line refuses it.
    let r = await w.fromInvoice(1000)
    r = await w.dispose(r, 'creditOnly')
    expect(r.lines[0]).toMatchObject({ status: 'credited' })
    expect(await w.stock()).toEqual({})
    // Repair and return: a repair order with origin 'return', then shipped back.
    r = await w.fromInvoice(1000)
    r = await w.register(r, 1000)
    r = await w.dispose(r, 'repairReturn', {}, w.consultant)
    const l = r.lines[0]!
    expect(l.status).toBe('received')
    expect((await w.api('serviceOrders.get', { id: l.resultOrderId! })).origin).toBe('return')
    // The repair order's first repair line is the returned unit, named by its RMA.
    expect(w.rows('select service_object_id as objectId, note from repair_lines where order_id = ?', l.resultOrderId)).toEqual([
      { objectId: w.object.id, note: r.number }
    ])
    r = await w.api('returns.shipBack', { lineId: l.id, version: l.version, date: '2026-12-10' }, w.consultant)
    expect(r).toMatchObject({ status: 'closed', lines: [expect.objectContaining({ status: 'closed' })] })
  })

  it('refuses what does not fit, with nothing changed', async () => {
    const w = await world()
    const r = await w.fromInvoice(1000)
    const l = r.lines[0]!
    // A crediting disposition needs the service manager.
    const reg = await w.register(r, 1000)
    const rl = reg.lines[0]!
    expect(
      (
        await w.refused(
          'returns.dispose',
          { lineId: rl.id, version: rl.version, dispositionId: w.code('credit'), date: '2026-12-03' },
          w.consultant
        )
      ).code
    ).toBe('FORBIDDEN')
    // Credit only needs an expected line; a registered one does not fit.
    expect(
      (
        await w.refused(
          'returns.dispose',
          { lineId: rl.id, version: rl.version, dispositionId: w.code('creditOnly'), date: '2026-12-03' },
          w.manager
        )
      ).message
    ).toContain('Registered')
    // Registering twice; a replacement up front after registration; cancelling an open return.
    await w.refused('returns.register', { lineId: l.id, version: rl.version, quantity: 1000 }, w.consultant)
    expect(
      (
        await w.refused('returns.upFrontReplacement', {
          lineId: l.id,
          version: rl.version,
          replacementItemId: w.spare.id,
          date: '2026-12-03'
        })
      ).message
    ).toContain('before line 1')
    expect((await w.refused('returns.cancel', { id: reg.id, version: reg.version })).message).toContain('Created')
    // Up front replacement, then a replace disposition is refused; a created return may be cancelled.
    let r2 = await w.api('returns.createManual', {
      customerId: w.customer.id,
      reasonId: w.reason.id,
      createdDate: '2026-12-02',
      lines: [{ itemId: w.part.id, quantity: 1000 }]
    })
    r2 = await w.api('returns.upFrontReplacement', {
      lineId: r2.lines[0]!.id,
      version: r2.lines[0]!.version,
      replacementItemId: w.spare.id,
      date: '2026-12-02'
    })
    expect(r2.replacementOrderId).not.toBeNull()
    r2 = await w.register(r2, 1000)
    const l2 = r2.lines[0]!
    expect(
      (
        await w.refused('returns.dispose', {
          lineId: l2.id,
          version: l2.version,
          dispositionId: w.code('replaceScrap'),
          date: '2026-12-03'
        })
      ).message
    ).toContain('already has a replacement')
    const r3 = await w.api('returns.createManual', {
      customerId: w.customer.id,
      reasonId: w.reason.id,
      createdDate: '2026-12-02',
      lines: [{ itemId: w.part.id, quantity: 1000 }]
    })
    expect((await w.api('returns.cancel', { id: r3.id, version: r3.version })).status).toBe('cancelled')
    // A manual price needs the manager's price right.
    expect(
      (
        await w.refused(
          'returns.createManual',
          {
            customerId: w.customer.id,
            reasonId: w.reason.id,
            createdDate: '2026-12-02',
            lines: [{ itemId: w.part.id, quantity: 1000, returnPrice: 500 }]
          },
          w.consultant
        )
      ).code
    ).toBe('FORBIDDEN')
  })

  it('lists newest first with status, reason and overdue filters, and finds a return by RMA number or serial', async () => {
    const w = await world()
    // The deadline follows the validity period of the settings.
    const settings = await w.api('settings.get', {})
    await w.api('settings.update', { ...settings, rmaValidityDays: 10 })
    const a = await w.fromInvoice(1000)
    const b = await w.api('returns.createManual', {
      customerId: w.customer.id,
      reasonId: w.reason.id,
      createdDate: '2026-12-05',
      lines: [{ serviceObjectId: w.object.id, quantity: 1000 }]
    })
    expect([a.deadline, b.deadline]).toEqual(['2026-12-12', '2026-12-15'])
    await w.register(a, 1000)
    expect((await w.api('returns.list', { dir: 'desc' })).rows.map((r) => r.number)).toEqual([b.number, a.number])
    expect((await w.api('returns.list', { status: 'open' })).rows.map((r) => r.number)).toEqual([a.number])
    expect((await w.api('returns.list', { overdue: true })).rows).toEqual([])
    expect(await w.api('returns.scan', { code: b.number.toLowerCase() })).toEqual({ returnId: b.id, number: b.number, lineId: null })
    expect(await w.api('returns.scan', { code: 'SN-OLD' })).toEqual({ returnId: b.id, number: b.number, lineId: b.lines[0]!.id })
  })

  it('counts open returns per reason and the overdue ones, as the Overdue filter does', async () => {
    const w = await world()
    const other = await w.api('returnReasons.create', { code: 'LATE', name: 'Arrived late' })
    const manual = (reasonId: number, createdDate: string) =>
      w.api('returns.createManual', {
        customerId: w.customer.id,
        reasonId,
        createdDate,
        lines: [{ itemId: w.part.id, quantity: 1000 }]
      })
    // The test clock's shop date is 2026-12-01; validity 30 days: created in October = overdue while expected.
    const overdue = await manual(w.reason.id, '2026-10-01')
    await manual(w.reason.id, '2026-11-30')
    const arrived = await manual(other.id, '2026-10-01')
    await w.register(arrived, 1000)
    const cancelled = await manual(other.id, '2026-11-30')
    await w.api('returns.cancel', { id: cancelled.id, version: cancelled.version })
    const figures = await w.api('returns.figures', {})
    expect(figures).toEqual({
      byReason: [
        { reasonId: w.reason.id, code: w.reason.code, name: w.reason.name, open: 2, overdue: 1 },
        { reasonId: other.id, code: 'LATE', name: 'Arrived late', open: 1, overdue: 0 }
      ],
      open: 3,
      overdue: 1
    })
    const listed = (await w.api('returns.list', { overdue: true })).rows.map((r) => r.id)
    expect(listed).toEqual([overdue.id])
  })

  it('prints the RMA document with a Code 128 barcode that decodes to the RMA number, in the customer language', async () => {
    const w = await world()
    const r = await w.fromInvoice(1000)
    const file = await w.api('returns.pdf', { id: r.id, document: 'rma' })
    const dir = mkdtempSync(join(tmpdir(), 'rma-'))
    writeFileSync(join(dir, 'rma.pdf'), Buffer.from(file.contentBase64, 'base64'))
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-f', '1', '-l', '1', join(dir, 'rma.pdf'), join(dir, 'page')])
    // A binary PGM (P5): header "P5 width height 255", then one byte per pixel.
    const pgm = readFileSync(join(dir, 'page-1.pgm'))
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
    const [width, height] = [Number(header[1]), Number(header[2])]
    const pixels = new Uint8ClampedArray(pgm.subarray(header[0].length, header[0].length + width * height))
    const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height)))
    expect(new Code128Reader().decode(bitmap).getText()).toBe(r.number)
    const text = execFileSync('pdftotext', [join(dir, 'rma.pdf'), '-']).toString()
    expect(text).toContain('Tagastusluba (RMA)')
    const ack = await w.api('returns.pdf', { id: r.id, document: 'acknowledgement' })
    writeFileSync(join(dir, 'ack.pdf'), Buffer.from(ack.contentBase64, 'base64'))
    expect(execFileSync('pdftotext', [join(dir, 'ack.pdf'), '-']).toString()).toContain('Tagastuse kinnitus')
  })

  it('invoices the reason’s handling charge once, with the return’s first credit', async () => {
    const w = await world()
    const reason = await w.api('returnReasons.update', { ...w.reason, chargeAmount: 1500 })
    let r = await w.fromInvoice(2000)
    r = await w.register(r, 1000)
    r = await w.dispose(r, 'credit')
    r = await w.register(r, 1000, false, 2)
    await w.dispose(r, 'credit', {}, w.manager, 2)
    const charges = w.rows(
      "select l.description, l.unit_price as price, i.kind from invoice_lines l join invoices i on i.id = l.invoice_id where l.source = 'manual'"
    )
    expect(charges).toEqual([{ description: `${reason.name}: ${r.number}`, price: 1500, kind: 'invoice' }])
  })

  it('lets a technician bring a part back from their own order only', async () => {
    const w = await world()
    const worker = await call(w.admin, 'workers.create', { name: 'Anu Kask' })
    const tech = userWith(w.conn, ['technician'], 'tech')
    w.conn.sqlite.prepare('update users set worker_id = ? where id = ?').run(worker.id, tech.user!.id)
    const asTech = createContext(w.conn, loadSessionUser(w.conn.db, tech.user!.id), { userId: tech.user!.id })
    const site = w.customer.sites[0]!.id
    const own = await call(w.admin, 'serviceOrders.create', {
      customerId: w.customer.id,
      siteId: site,
      description: 'Leak',
      responsibleWorkerId: worker.id
    })
    const other = await call(w.admin, 'serviceOrders.create', { customerId: w.customer.id, siteId: site, description: 'Other' })
    const input = (orderId: number) => ({
      orderId,
      reasonId: w.reason.id,
      createdDate: '2026-12-02',
      lines: [{ serviceObjectId: w.object.id, quantity: 1000 }]
    })
    expect((await w.refused('returns.createFromOrder', input(other.id), asTech)).code).toBe('FORBIDDEN')
    const r = await w.api('returns.createFromOrder', input(own.id), asTech)
    expect(r).toMatchObject({
      sourceOrderId: own.id,
      customerId: w.customer.id,
      lines: [expect.objectContaining({ serialNumber: 'SN-OLD', returnPrice: 0 })]
    })
    // Nothing was invoiced, so nothing can be credited; scrap without credit is not a disposition, return to customer is.
    const reg = await w.register(r, 1000)
    const l = reg.lines[0]!
    expect(
      (
        await w.refused(
          'returns.dispose',
          { lineId: l.id, version: l.version, dispositionId: w.code('credit'), date: '2026-12-03' },
          w.manager
        )
      ).message
    ).toContain('nothing to credit')
  })
})
