import { join } from 'node:path'
import type { MethodName } from '@shared/api/contract'
import { type ApiHost, runMethod } from '../src/main/api/pipeline'
import { closeDatabase, type Connection, openDatabase } from '../src/main/db/connection'
import { loadSessionUser } from '../src/main/services/auth/sessions'
import { createContext, type ServiceContext, type SessionSlot } from '../src/main/services/core/context'
import { createInvoice } from '../src/main/services/invoices/ledger'
import { addLine, changeStage, createOrder, postOrder, signOff } from '../src/main/services/orders/edit'
import { getOrder } from '../src/main/services/orders/read'
import { defineBenches, type Measurement } from './registry'
import { demoDatabase, medianMs, round, tempDir } from './support'

/**
 * Service orders over the scale-100 demo database (about 200,000 orders): the list as the office uses it,
 * and posting and invoicing 1,000 lines through the service functions, on a copy of that database so that
 * the cached one stays as built.
 */
const SCALE = 100
const log = (line: string) => process.stderr.write(`${line}\n`)

let shared: Promise<{ conn: Connection; file: string; host: ApiHost; session: SessionSlot }> | null = null
function scale100() {
  shared ??= demoDatabase(SCALE, log).then(({ conn, file }) => {
    const admin = conn.sqlite.prepare("select id from users where username = 'admin'").get() as { id: number }
    return { conn, file, host: { conn }, session: { userId: admin.id } }
  })
  return shared
}

async function listMs(method: MethodName, input: object, session?: SessionSlot): Promise<number> {
  const db = await scale100()
  return medianMs(async () => {
    const r = await runMethod(db.host, () => null, session ?? db.session, method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  })
}

/** A writable copy of the scale-100 database, opened as its administrator. */
async function scratchCopy(): Promise<{ conn: Connection; ctx: ServiceContext }> {
  const { conn: source } = await scale100()
  const file = join(tempDir(), 'orders-scratch.db')
  await source.sqlite.backup(file)
  const conn = openDatabase(file)
  const admin = conn.sqlite.prepare("select id from users where username = 'admin'").get() as { id: number }
  return { conn, ctx: createContext(conn, loadSessionUser(conn.db, admin.id)) }
}

/** Orders of one customer with `perOrder` hour lines each, at Completed and signed off: ready to post. */
function readyToPost(ctx: ServiceContext, orders: number, perOrder: number): { customerId: number; orderIds: number[] } {
  const site = ctx.conn.sqlite
    .prepare('select s.id, s.customer_id as customerId from customer_sites s order by s.id limit 1 offset 1234')
    .get() as { id: number; customerId: number }
  const labour = ctx.conn.sqlite.prepare("select id from categories where code = 'LAB'").get() as { id: number }
  const stage = new Map(
    (ctx.conn.sqlite.prepare('select id, code from service_stages').all() as { id: number; code: string }[]).map((r) => [r.code, r.id])
  )
  const orderIds: number[] = []
  for (let n = 0; n < orders; n++) {
    let o = createOrder(ctx, {
      customerId: site.customerId,
      siteId: site.id,
      oneTimeAddress: '',
      contactId: null,
      description: `Bench posting ${n + 1}`,
      priority: 'normal',
      requestedStart: null,
      requestedEnd: null,
      plannedStart: null,
      plannedEnd: null,
      actualStart: null,
      actualEnd: null,
      preferredWorkerId: null,
      responsibleWorkerId: null,
      notes: '',
      isTemplate: false,
      slaId: null,
      objects: [],
      tasks: []
    })
    for (let l = 0; l < perOrder; l++) {
      o = addLine(ctx, {
        orderId: o.id,
        type: 'hour',
        description: '',
        workerId: null,
        serviceObjectId: null,
        serviceTaskId: null,
        categoryId: labour.id,
        itemId: null,
        quantity: 250 * (1 + (l % 16)),
        unitCost: null,
        unitPrice: null,
        scheduledDate: null,
        actualDate: null,
        note: ''
      })
    }
    for (const code of ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED']) {
      o = changeStage(ctx, { id: o.id, version: o.version, toStageId: stage.get(code)!, reasonId: null, note: '' })
    }
    signOff(ctx, { id: o.id, version: o.version, lineIds: [] })
    orderIds.push(o.id)
  }
  return { customerId: site.customerId, orderIds }
}

/** Times posting every order, then one invoice over all their lines; answers both in ms. */
function postAndInvoice(
  ctx: ServiceContext,
  orders: number,
  perOrder: number,
  key: string
): { post: number; invoice: number; lines: number } {
  const { customerId, orderIds } = readyToPost(ctx, orders, perOrder)
  let t = performance.now()
  const lineIds: number[] = []
  for (const id of orderIds) {
    const o = getOrder(ctx, { id })
    lineIds.push(...postOrder(ctx, { id, version: o.version, lineIds: [] }).lines.map((l) => l.id))
  }
  const post = performance.now() - t
  t = performance.now()
  const invoice = createInvoice(ctx, { customerId, lineIds, manualLines: [], invoiceDate: '2025-06-02', requestKey: key })
  const invoiceMs = performance.now() - t
  if (invoice.lines.length !== orders * perOrder) throw new Error(`invoice has ${invoice.lines.length} lines`)
  return { post, invoice: invoiceMs, lines: lineIds.length }
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b)
  const mid = v.length >> 1
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2
}

export const benches = defineBenches([
  {
    name: 'orderLists',
    async run(): Promise<Measurement[]> {
      const { conn } = await scale100()
      const orders = (conn.sqlite.prepare('select count(*) as n from service_orders').get() as { n: number }).n
      const tech = conn.sqlite.prepare("select id from users where username = 'tech'").get() as { id: number }
      const firstPage = { pageSize: 50, sort: 'plannedStart', dir: 'desc' }
      return [
        { name: 'serviceOrders.count', value: orders, unit: 'rows' },
        { name: 'serviceOrders.list.page1', value: round(await listMs('serviceOrders.list', { pageSize: 50 })), unit: 'ms' },
        {
          name: 'serviceOrders.list.inProcessHigh.plannedDesc',
          value: round(await listMs('serviceOrders.list', { ...firstPage, progress: 'inProcess', priority: 'high' })),
          unit: 'ms'
        },
        {
          name: 'serviceOrders.list.posted.plannedDesc',
          value: round(await listMs('serviceOrders.list', { ...firstPage, progress: 'posted' })),
          unit: 'ms'
        },
        {
          name: 'serviceOrders.list.search.plannedDesc',
          value: round(await listMs('serviceOrders.list', { ...firstPage, q: 'katla' })),
          unit: 'ms'
        },
        {
          name: 'serviceOrders.list.open.numberDesc',
          value: round(await listMs('serviceOrders.list', { pageSize: 50, view: 'open', sort: 'number', dir: 'desc' })),
          unit: 'ms'
        },
        {
          name: 'serviceOrders.list.search.open.numberDesc',
          value: round(await listMs('serviceOrders.list', { pageSize: 50, view: 'open', sort: 'number', dir: 'desc', q: 'katla' })),
          unit: 'ms'
        },
        {
          name: 'serviceOrders.list.technician',
          value: round(await listMs('serviceOrders.list', firstPage, { userId: tech.id })),
          unit: 'ms'
        },
        {
          name: 'invoices.list.page1',
          value: round(await listMs('invoices.list', { pageSize: 50, sort: 'number', dir: 'desc' })),
          unit: 'ms'
        }
      ]
    }
  },
  {
    name: 'posting',
    async run(): Promise<Measurement[]> {
      const { conn, ctx } = await scratchCopy()
      try {
        const one: ReturnType<typeof postAndInvoice>[] = []
        const many: ReturnType<typeof postAndInvoice>[] = []
        for (let r = 0; r < 3; r++) {
          one.push(postAndInvoice(ctx, 1, 1000, `bench-one-${r}`))
          many.push(postAndInvoice(ctx, 100, 10, `bench-many-${r}`))
        }
        return [
          { name: 'orders.post.1000lines.oneOrder', value: round(median(one.map((x) => x.post))), unit: 'ms' },
          { name: 'orders.post.1000lines.100orders', value: round(median(many.map((x) => x.post))), unit: 'ms' },
          { name: 'invoices.create.1000lines.oneOrder', value: round(median(one.map((x) => x.invoice))), unit: 'ms' },
          { name: 'invoices.create.1000lines.100orders', value: round(median(many.map((x) => x.invoice))), unit: 'ms' }
        ]
      } finally {
        closeDatabase(conn)
      }
    }
  }
])
