import type { ApiHost } from '../../src/main/api/pipeline'
import { runMethod } from '../../src/main/api/pipeline'
import type { Connection } from '../../src/main/db/connection'
import type { SessionSlot } from '../../src/main/services/core/context'
import type { ServiceContext } from '../../src/main/services/core/context'
import { call, userWith } from './db'

/**
 * One record of every master-data kind, linked the way real data is: a customer (group, site, contact)
 * with a service object (item, group) at its site, a worker in a team with a skill, a task needing the
 * skill, and an extra number sequence. Created through the real pipeline as an administrator.
 */
export async function seedMasterData(conn: Connection, admin: ServiceContext = userWith(conn, ['administrator'], 'seed-admin')) {
  const ctx = admin
  const customerGroup = await call(ctx, 'customerGroups.create', { code: 'KEY', name: 'Key accounts' })
  const skill = await call(ctx, 'skills.create', { code: 'ELEC', name: 'Electrical' })
  const team = await call(ctx, 'dispatchTeams.create', { code: 'NORTH', name: 'Põhja' })
  const worker = await call(ctx, 'workers.create', { name: 'Jaan Tamm', teamId: team.id, skillIds: [skill.id] })
  const item = await call(ctx, 'items.create', { number: 'PUMP-1', name: 'Soojuspump', salesPrice: 123456 })
  const category = await call(ctx, 'categories.create', { code: 'WORK', name: 'Töötunnid', type: 'hour' })
  const objectGroup = await call(ctx, 'serviceObjectGroups.create', { code: 'HVAC', name: 'Kütteseadmed' })
  const customer = await call(ctx, 'customers.create', {
    name: 'Õunapuu OÜ',
    groupId: customerGroup.id,
    phone: '+372 5123 4567',
    sites: [{ name: 'Kontor', street: 'Pärnu mnt 10', city: 'Tallinn' }],
    contacts: [{ name: 'Mari Maasikas', phone: '+372 5555 1234' }]
  })
  const serviceObject = await call(ctx, 'serviceObjects.create', {
    name: 'Soojuspump katlaruumis',
    customerId: customer.id,
    siteId: customer.sites[0]!.id,
    itemId: item.id,
    groupId: objectGroup.id,
    serialNumber: 'SN-778899'
  })
  const serviceTask = await call(ctx, 'serviceTasks.create', { code: 'INSPECT', name: 'Hooldus', requiredSkillIds: [skill.id] })
  const numberSequence = await call(ctx, 'numberSequences.create', {
    code: 'warranty',
    name: 'Warranty claims',
    prefix: 'WC-',
    nextNumber: 1
  })
  const orders = await seedOrders(ctx, { customer, worker, category, item, serviceObject })
  return {
    admin: ctx,
    customerGroup,
    skill,
    team,
    worker,
    item,
    category,
    objectGroup,
    customer,
    serviceObject,
    serviceTask,
    numberSequence,
    ...orders
  }
}
export type Seed = Awaited<ReturnType<typeof seedMasterData>>

interface OrderSeedInput {
  customer: Awaited<ReturnType<typeof call<'customers.create'>>>
  worker: { id: number }
  category: { id: number }
  item: { id: number }
  serviceObject: { id: number }
}

/** Walks an order through the default workflow to the stage that allows posting. */
export async function toCompleted(ctx: ServiceContext, orderId: number) {
  let order = await call(ctx, 'serviceOrders.get', { id: orderId })
  for (const code of ['SCHEDULED', 'IN-PROGRESS', 'COMPLETED']) {
    const next = order.nextStages.find((s) => s.code === code)!
    order = await call(ctx, 'serviceOrders.changeStage', { id: order.id, version: order.version, toStageId: next.id })
  }
  return order
}

/**
 * Two service orders of the seeded customer: one open with an hour line assigned to the seeded worker,
 * and one completed, signed off, posted and invoiced (so that invoices and credit notes have a subject).
 */
export async function seedOrders(ctx: ServiceContext, m: OrderSeedInput) {
  const siteId = m.customer.sites[0]!.id
  let openOrder = await call(ctx, 'serviceOrders.create', {
    customerId: m.customer.id,
    siteId,
    description: 'Annual inspection of the heat pump',
    responsibleWorkerId: m.worker.id,
    objects: [{ id: m.serviceObject.id }]
  })
  openOrder = await call(ctx, 'serviceOrders.addLine', { orderId: openOrder.id, type: 'hour', categoryId: m.category.id, quantity: 1500 })
  let doneOrder = await call(ctx, 'serviceOrders.create', {
    customerId: m.customer.id,
    siteId,
    description: 'Replace the pump',
    responsibleWorkerId: m.worker.id
  })
  doneOrder = await call(ctx, 'serviceOrders.addLine', { orderId: doneOrder.id, type: 'item', itemId: m.item.id, quantity: 1000 })
  doneOrder = await toCompleted(ctx, doneOrder.id)
  doneOrder = await call(ctx, 'serviceOrders.signOff', { id: doneOrder.id, version: doneOrder.version })
  doneOrder = await call(ctx, 'serviceOrders.post', { id: doneOrder.id, version: doneOrder.version })
  const invoice = await call(ctx, 'invoices.create', {
    customerId: m.customer.id,
    lineIds: doneOrder.lines.map((l) => l.id),
    invoiceDate: '2026-11-20',
    requestKey: 'seed-invoice-0001'
  })
  const agreementGroup = await call(ctx, 'agreementGroups.create', { code: 'GOLD', name: 'Gold' })
  const intervals = await call(ctx, 'serviceIntervals.list', {})
  const windows = await call(ctx, 'timeWindows.list', {})
  let agreement = await call(ctx, 'agreements.create', {
    customerId: m.customer.id,
    description: 'Heat pump maintenance',
    groupId: agreementGroup.id,
    startDate: '2026-01-01',
    objects: [{ id: m.serviceObject.id }]
  })
  agreement = await call(ctx, 'agreements.addLine', {
    agreementId: agreement.id,
    type: 'hour',
    categoryId: m.category.id,
    serviceObjectId: m.serviceObject.id,
    intervalId: intervals.rows.find((i) => i.code === 'MONTHLY')!.id,
    startDate: '2026-01-05',
    quantity: 2000
  })
  const stages = await call(ctx, 'serviceStages.list', { pageSize: 100 })
  const reasons = await call(ctx, 'stageReasons.list', {})
  return {
    openOrder,
    doneOrder: await call(ctx, 'serviceOrders.get', { id: doneOrder.id }),
    invoice,
    stages: stages.rows,
    reason: reasons.rows[0]!,
    agreementGroup,
    agreement,
    interval: intervals.rows[0]!,
    timeWindow: windows.rows[0]!
  }
}

/** A controllable clock for ApiHost.now / ServiceContext.now. */
export function testClock(start = Date.UTC(2025, 0, 6, 9, 0, 0)) {
  let t = start
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms
    },
    set: (ms: number) => {
      t = ms
    }
  }
}

/** Calls the real pipeline with a given session slot and host; answers the raw envelope. */
export function rawCall(conn: Connection, session: SessionSlot, method: string, input: unknown, host: Partial<ApiHost> = {}) {
  return runMethod({ conn, checkOutputs: true, ...host }, () => null, session, method, input)
}
