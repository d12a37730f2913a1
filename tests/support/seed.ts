import type { ApiHost } from '../../src/main/api/pipeline'
import { dispatch } from '../../src/main/api/pipeline'
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
  const numberSequence = await call(ctx, 'numberSequences.create', { code: 'invoice', name: 'Invoices', prefix: 'INV-', nextNumber: 1 })
  return { admin: ctx, customerGroup, skill, team, worker, item, category, objectGroup, customer, serviceObject, serviceTask, numberSequence }
}
export type Seed = Awaited<ReturnType<typeof seedMasterData>>

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
export function rawCall(
  conn: Connection,
  session: SessionSlot,
  method: string,
  input: unknown,
  host: Partial<ApiHost> = {}
) {
  return dispatch({ conn, checkOutputs: true, ...host }, () => null, session, method, input)
}
