import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type Input, type MethodName, type Output } from '@shared/api/contract'
import { METHOD_NAMES } from '@shared/api/methods'
import { ROLE_PERMISSIONS, ROLES, type Role } from '@shared/auth/roles'
import type { Settings } from '@shared/domain/system'
import { dispatch } from '../../src/main/api/pipeline'
import { closeDatabase, type Connection } from '../../src/main/db/connection'
import { openAndMigrate } from '../../src/main/bootstrap'
import { ensureSettings } from '../../src/main/services/settings/service'
import { call, userWith } from '../support/db'
import { type Seed, seedMasterData } from '../support/seed'

/**
 * The role → permission matrix, checked through the real pipeline for every contract method and every
 * role (plus signed out). Every call runs inside a transaction that is rolled back, so each one sees the
 * same seeded database and none can disturb the next.
 */

type Column = Role | 'signedOut'
const COLUMNS: Column[] = [...ROLES, 'signedOut']

interface World extends Seed {
  settings: Settings
  otherUserId: number
  sla: Output<'slaDefinitions.get'>
  spareSla: Output<'slaDefinitions.get'>
  slaReason: Output<'slaReasons.get'>
  slaOrder: Output<'serviceOrders.get'>
  slaClock: NonNullable<Output<'sla.forOrder'>>
}

/** A minimal valid input for every method. A new contract method fails `tsc` (and the test below) until it gets one. */
const samples: { [M in MethodName]: (w: World) => Input<M> } = {
  'auth.status': () => ({}),
  'auth.setup': () => ({ username: 'first.admin', displayName: 'First admin', password: 'correct horse', companyName: 'Uus OÜ' }),
  'auth.signIn': () => ({ username: 'seed-admin', password: 'password123' }),
  'auth.signOut': () => ({}),
  'users.list': () => ({}),
  'users.get': (w) => ({ id: w.otherUserId }),
  'users.create': () => ({ username: 'new.user', displayName: 'New user', roles: ['technician'], password: 'long enough' }),
  'users.update': (w) => ({ id: w.otherUserId, version: 1, username: 'other', displayName: 'Other person', roles: ['technician'] }),
  'settings.get': () => ({}),
  'settings.update': (w) => ({ ...w.settings, companyName: 'Renamed OÜ' }),
  'audit.forRecord': (w) => ({ entity: 'customer', entityId: w.customer.id }),
  'search.global': () => ({ q: 'SN-778899' }),

  'customerGroups.list': () => ({}),
  'customerGroups.get': (w) => ({ id: w.customerGroup.id }),
  'customerGroups.create': () => ({ code: 'NEW', name: 'New group' }),
  'customerGroups.update': (w) => ({ ...w.customerGroup, name: 'Renamed' }),
  'customerGroups.delete': (w) => ({ id: w.customerGroup.id, version: w.customerGroup.version }),

  'customers.list': () => ({}),
  'customers.get': (w) => ({ id: w.customer.id }),
  'customers.create': () => ({ name: 'Uus klient AS' }),
  'customers.update': (w) => ({ ...w.customer, name: 'Renamed' }),
  'customers.delete': (w) => ({ id: w.customer.id, version: w.customer.version }),

  'dispatchTeams.list': () => ({}),
  'dispatchTeams.get': (w) => ({ id: w.team.id }),
  'dispatchTeams.create': () => ({ code: 'SOUTH', name: 'Lõuna' }),
  'dispatchTeams.update': (w) => ({ id: w.team.id, version: w.team.version, code: w.team.code, name: 'Renamed', ownerWorkerId: w.worker.id }),
  'dispatchTeams.delete': (w) => ({ id: w.team.id, version: w.team.version }),

  'skills.list': () => ({}),
  'skills.get': (w) => ({ id: w.skill.id }),
  'skills.create': () => ({ code: 'GAS', name: 'Gas' }),
  'skills.update': (w) => ({ ...w.skill, name: 'Renamed' }),
  'skills.delete': (w) => ({ id: w.skill.id, version: w.skill.version }),

  'workers.list': () => ({}),
  'workers.get': (w) => ({ id: w.worker.id }),
  'workers.create': () => ({ name: 'Uus Töötaja' }),
  'workers.update': (w) => ({ ...w.worker, name: 'Renamed' }),
  'workers.delete': (w) => ({ id: w.worker.id, version: w.worker.version }),

  'items.list': () => ({}),
  'items.get': (w) => ({ id: w.item.id }),
  'items.create': () => ({ number: 'FILTER-1', name: 'Filter' }),
  'items.update': (w) => ({ ...w.item, name: 'Renamed' }),
  'items.delete': (w) => ({ id: w.item.id, version: w.item.version }),

  'categories.list': () => ({}),
  'categories.get': (w) => ({ id: w.category.id }),
  'categories.create': () => ({ code: 'TRAVEL', name: 'Sõit', type: 'expense' }),
  'categories.update': (w) => ({ ...w.category, name: 'Renamed' }),
  'categories.delete': (w) => ({ id: w.category.id, version: w.category.version }),

  'serviceObjectGroups.list': () => ({}),
  'serviceObjectGroups.get': (w) => ({ id: w.objectGroup.id }),
  'serviceObjectGroups.create': () => ({ code: 'LIFT', name: 'Liftid' }),
  'serviceObjectGroups.update': (w) => ({ ...w.objectGroup, name: 'Renamed' }),
  'serviceObjectGroups.delete': (w) => ({ id: w.objectGroup.id, version: w.objectGroup.version }),

  'serviceObjects.list': () => ({}),
  'serviceObjects.get': (w) => ({ id: w.serviceObject.id }),
  'serviceObjects.create': (w) => ({ name: 'Boiler', customerId: w.customer.id }),
  'serviceObjects.update': (w) => ({ ...w.serviceObject, name: 'Renamed' }),
  'serviceObjects.delete': (w) => ({ id: w.serviceObject.id, version: w.serviceObject.version }),

  'serviceTasks.list': () => ({}),
  'serviceTasks.get': (w) => ({ id: w.serviceTask.id }),
  'serviceTasks.create': () => ({ code: 'REPAIR', name: 'Remont' }),
  'serviceTasks.update': (w) => ({ ...w.serviceTask, name: 'Renamed' }),
  'serviceTasks.delete': (w) => ({ id: w.serviceTask.id, version: w.serviceTask.version }),

  'numberSequences.list': () => ({}),
  'numberSequences.get': (w) => ({ id: w.numberSequence.id }),
  'numberSequences.create': () => ({ code: 'rma', name: 'RMAs', prefix: 'RMA-', nextNumber: 1 }),
  'numberSequences.update': (w) => ({ ...w.numberSequence, name: 'Renamed' }),
  'numberSequences.delete': (w) => ({ id: w.numberSequence.id, version: w.numberSequence.version }),

  'serviceStages.list': () => ({}),
  'serviceStages.get': (w) => ({ id: w.stages[0]!.id }),
  'serviceStages.create': (w) => ({ code: 'REVIEW', name: 'Review', parentId: w.stages[0]!.id }),
  'serviceStages.update': (w) => ({ ...w.stages[0]!, name: 'Renamed' }),
  'serviceStages.delete': (w) => ({ id: w.stages.at(-1)!.id, version: w.stages.at(-1)!.version }),
  'stageReasons.list': () => ({}),
  'stageReasons.get': (w) => ({ id: w.reason.id }),
  'stageReasons.create': () => ({ code: 'STORM', name: 'Storm' }),
  'stageReasons.update': (w) => ({ ...w.reason, name: 'Renamed' }),
  'stageReasons.delete': (w) => ({ id: w.reason.id, version: w.reason.version }),

  'serviceOrders.list': () => ({}),
  'serviceOrders.get': (w) => ({ id: w.openOrder.id }),
  'serviceOrders.create': (w) => ({ customerId: w.customer.id, siteId: w.customer.sites[0]!.id, description: 'New job' }),
  'serviceOrders.update': (w) => ({ id: w.openOrder.id, version: w.openOrder.version, customerId: w.customer.id, siteId: w.openOrder.siteId, description: 'Changed' }),
  'serviceOrders.delete': (w) => ({ id: w.openOrder.id, version: w.openOrder.version }),
  'serviceOrders.register': (w) => ({ id: w.openOrder.id, version: w.openOrder.version, notes: 'Done on site' }),
  'serviceOrders.addLine': (w) => ({ orderId: w.openOrder.id, type: 'hour', categoryId: w.category.id, quantity: 1000 }),
  'serviceOrders.updateLine': (w) => ({ ...w.openOrder.lines[0]!, quantity: 2000 }),
  'serviceOrders.deleteLine': (w) => ({ id: w.openOrder.lines[0]!.id, version: w.openOrder.lines[0]!.version }),
  'serviceOrders.copyLines': (w) => ({ id: w.openOrder.id, fromOrderId: w.doneOrder.id }),
  'serviceOrders.moveLines': (w) => ({ lineIds: [w.openOrder.lines[0]!.id], toOrderId: w.doneOrder.id }),
  'serviceOrders.cancel': (w) => ({ id: w.openOrder.id, version: w.openOrder.version }),
  'serviceOrders.revokeCancel': (w) => ({ id: w.openOrder.id, version: w.openOrder.version }),
  'serviceOrders.cancelLine': (w) => ({ id: w.openOrder.lines[0]!.id, version: w.openOrder.lines[0]!.version }),
  'serviceOrders.revokeCancelLine': (w) => ({ id: w.openOrder.lines[0]!.id, version: w.openOrder.lines[0]!.version }),
  'serviceOrders.changeStage': (w) => ({ id: w.openOrder.id, version: w.openOrder.version, toStageId: w.openOrder.nextStages[0]!.id }),
  'serviceOrders.signOff': (w) => ({ id: w.openOrder.id, version: w.openOrder.version }),
  'serviceOrders.post': (w) => ({ id: w.doneOrder.id, version: w.doneOrder.version }),
  'serviceOrders.pdf': (w) => ({ id: w.openOrder.id, document: 'workDescription' }),
  'invoices.list': () => ({}),
  'invoices.get': (w) => ({ id: w.invoice.id }),
  'invoices.invoiceable': (w) => ({ customerId: w.customer.id }),
  'invoices.create': (w) => ({ customerId: w.customer.id, lineIds: w.doneOrder.lines.map((l) => l.id), invoiceDate: '2026-11-21', requestKey: 'perm-invoice-01' }),
  'invoices.credit': (w) => ({ id: w.invoice.id, invoiceDate: '2026-11-22', requestKey: 'perm-credit-001' }),
  'invoices.pdf': (w) => ({ id: w.invoice.id }),
  'savedViews.list': () => ({ list: 'serviceOrders' }),
  'savedViews.save': () => ({ list: 'serviceOrders', name: 'Mine', filters: { progress: 'inProcess' } }),
  'savedViews.delete': () => ({ id: 999 }),

  'agreementGroups.list': () => ({}),
  'agreementGroups.get': (w) => ({ id: w.agreementGroup.id }),
  'agreementGroups.create': () => ({ code: 'SILVER', name: 'Silver' }),
  'agreementGroups.update': (w) => ({ ...w.agreementGroup, name: 'Renamed' }),
  'agreementGroups.delete': (w) => ({ id: w.agreementGroup.id, version: w.agreementGroup.version }),
  'serviceIntervals.list': () => ({}),
  'serviceIntervals.get': (w) => ({ id: w.interval.id }),
  'serviceIntervals.create': () => ({ code: 'DAILY', name: 'Every day', unit: 'day', every: 1 }),
  'serviceIntervals.update': (w) => ({ ...w.interval, name: 'Renamed' }),
  'serviceIntervals.delete': (w) => ({ id: w.interval.id, version: w.interval.version }),
  'timeWindows.list': () => ({}),
  'timeWindows.get': (w) => ({ id: w.timeWindow.id }),
  'timeWindows.create': () => ({ code: 'PM1', name: '± 1 day', kind: 'manual', daysBefore: 1, daysAfter: 1 }),
  'timeWindows.update': (w) => ({ ...w.timeWindow, name: 'Renamed' }),
  'timeWindows.delete': (w) => ({ id: w.timeWindow.id, version: w.timeWindow.version }),
  'templateGroups.list': () => ({}),
  'templateGroups.get': () => ({ id: 1 }),
  'templateGroups.create': () => ({ code: 'BOILERS', name: 'Boilers' }),
  'templateGroups.update': () => ({ id: 1, version: 1, code: 'BOILERS', name: 'Renamed' }),
  'templateGroups.delete': () => ({ id: 1, version: 1 }),
  'agreements.list': () => ({}),
  'agreements.get': (w) => ({ id: w.agreement.id }),
  'agreements.create': (w) => ({ customerId: w.customer.id, description: 'New agreement', groupId: w.agreementGroup.id, startDate: '2026-01-01' }),
  'agreements.update': (w) => ({ ...w.agreement, objects: w.agreement.objects, description: 'Renamed' }),
  'agreements.delete': (w) => ({ id: w.agreement.id, version: w.agreement.version }),
  'agreements.addLine': (w) => ({ agreementId: w.agreement.id, type: 'hour', categoryId: w.category.id, startDate: '2026-02-01' }),
  'agreements.updateLine': (w) => ({ ...w.agreement.lines[0]!, quantity: 3000 }),
  'agreements.deleteLine': (w) => ({ id: w.agreement.lines[0]!.id, version: w.agreement.lines[0]!.version }),
  'agreements.copyLines': (w) => ({ id: w.agreement.id, fromAgreementId: w.agreement.id }),
  'agreements.preview': (w) => ({ from: '2026-12-01', to: '2026-12-31', agreementIds: [w.agreement.id] }),
  // Nothing in scope, so the background run ends on its first turn and touches nothing.
  'agreements.generate': () => ({ from: '2026-12-01', to: '2026-12-31', agreementIds: [999999] }),
  'agreements.run': () => ({ id: 1 }),
  'agreements.cancelRun': () => ({ id: 1 }),

  'slaDefinitions.list': () => ({}),
  'slaDefinitions.get': (w) => ({ id: w.sla.id }),
  'slaDefinitions.create': () => ({ code: 'SILVER', name: 'Silver', targets: [{ priority: 'normal', responseMinutes: 120, resolutionMinutes: 960 }] }),
  'slaDefinitions.update': (w) => ({ ...w.sla, name: 'Renamed' }),
  'slaDefinitions.delete': (w) => ({ id: w.spareSla.id, version: w.spareSla.version }),
  'slaReasons.list': () => ({}),
  'slaReasons.get': (w) => ({ id: w.slaReason.id }),
  'slaReasons.create': () => ({ code: 'ROADS', name: 'Roads closed' }),
  'slaReasons.update': (w) => ({ ...w.slaReason, name: 'Renamed' }),
  'slaReasons.delete': (w) => ({ id: w.slaReason.id, version: w.slaReason.version }),
  'sla.forOrder': (w) => ({ orderId: w.slaOrder.id }),
  'sla.setForOrder': (w) => ({ orderId: w.slaOrder.id, orderVersion: w.slaOrder.version, slaId: w.spareSla.id }),
  'sla.cancel': (w) => ({ orderId: w.slaOrder.id, version: w.slaClock.version, reasonId: w.slaReason.id }),
  'sla.reset': (w) => ({ orderId: w.slaOrder.id, version: w.slaClock.version, reasonId: w.slaReason.id }),
  'sla.giveReason': (w) => ({ orderId: w.slaOrder.id, version: w.slaClock.version, target: 'response', reasonId: w.slaReason.id }),
  'slaAtRisk.list': () => ({}),
  'slaCompliance.list': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'sla.compliancePdf': () => ({ from: '2026-01-01', to: '2026-12-31', groupBy: 'customer' }),

  'dispatch.board': () => ({ from: '2030-03-04', days: 7 }),
  'dispatch.tray': () => ({ tab: 'unassigned' }),
  'dispatch.assign': (w) => ({ orderId: w.openOrder.id, orderVersion: w.openOrder.version, workerId: w.worker.id, start: Date.UTC(2030, 2, 4, 8) }),
  'dispatch.move': () => ({ id: 999999, version: 1, workerId: 999999, start: Date.UTC(2030, 2, 4, 8), end: Date.UTC(2030, 2, 4, 9) }),
  'dispatch.unassign': () => ({ id: 999999, version: 1 }),
  'dispatch.dispatch': () => ({ ids: [999999] }),
  'dispatch.setStatus': () => ({ id: 999999, version: 1, status: 'onSite' }),
  'dispatch.suggest': (w) => ({ orderId: w.openOrder.id, from: '2030-03-04' }),
  'dispatch.daySheet': (w) => ({ workerId: w.worker.id, date: '2030-03-04' }),
  'dispatchPlan.list': () => ({ from: '2030-03-04', to: '2030-03-10' })
}

/**
 * Where a permitted call is refused by a business rule in this (set-up, signed-in) state rather than by
 * the permission check. Keep this list short and explicit.
 */
const refusedByRule: Partial<Record<MethodName, { signedIn: RegExp; signedOutPrepare: (conn: Connection) => void }>> = {
  // Set-up happens once: with users present it answers FORBIDDEN by its own rule; signed out on an empty
  // database it must go through.
  'auth.setup': {
    signedIn: /already set up/,
    signedOutPrepare: (conn) =>
      conn.sqlite.exec(
        `delete from audit_log; delete from saved_views; delete from stage_history;
         update service_orders set signed_off_by = null;
         update service_order_lines set signed_off_by = null, posted_by = null;
         update invoices set created_by = null;
         update sla_events set user_id = null;
         delete from users`
      )
  },
  ...Object.fromEntries(
    (['serviceOrders.get', 'serviceOrders.register', 'serviceOrders.addLine', 'serviceOrders.updateLine', 'serviceOrders.deleteLine', 'serviceOrders.changeStage', 'serviceOrders.pdf', 'sla.forOrder', 'sla.giveReason', 'dispatch.daySheet'] as const).map((m) => [
      m,
      // A technician may work only on the orders assigned to them; the matrix's technician has none.
      { signedIn: /not assigned to you|not linked to a worker/, signedOutPrepare: () => undefined }
    ])
  )
}

function expectedCell(method: MethodName, column: Column): 'allowed' | 'FORBIDDEN' {
  const access = contract[method].access
  if (access === 'public') return 'allowed'
  if (column === 'signedOut') return 'FORBIDDEN'
  if (access === 'authenticated') return 'allowed'
  return ROLE_PERMISSIONS[column].includes(access) ? 'allowed' : 'FORBIDDEN'
}

let conn: Connection
let dir: string
let world: World
const userIds = new Map<Role, number>()
/** method → column → the code actually answered ('ok' or an error code), for the printed matrix. */
const observed = new Map<string, Record<string, string>>()

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hooldus-perm-'))
  conn = (await openAndMigrate(join(dir, 'perm.db'))).conn
  ensureSettings(conn.db, 'Test Service OÜ')
  const seed = await seedMasterData(conn)
  for (const role of ROLES) userIds.set(role, userWith(conn, [role], role).user!.id)
  const otherUserId = userWith(conn, ['technician'], 'other').user!.id
  const targets = [{ priority: 'normal' as const, responseMinutes: 60, resolutionMinutes: 480 }]
  const sla = await call(seed.admin, 'slaDefinitions.create', { code: 'GOLD', name: 'Gold', targets })
  const spareSla = await call(seed.admin, 'slaDefinitions.create', { code: 'SPARE', name: 'Spare', targets })
  const slaReason = await call(seed.admin, 'slaReasons.create', { code: 'TEST', name: 'Test reason' })
  const slaOrder = await call(seed.admin, 'serviceOrders.create', { customerId: seed.customer.id, siteId: seed.customer.sites[0]!.id, description: 'Under an SLA', slaId: sla.id })
  const slaClock = (await call(seed.admin, 'sla.forOrder', { orderId: slaOrder.id }))!
  world = { ...seed, settings: await call(seed.admin, 'settings.get', {}), otherUserId, sla, spareSla, slaReason, slaOrder, slaClock }
})

afterAll(() => {
  if (process.env.HOOLDUS_PRINT_MATRIX) {
    const width = Math.max(...METHOD_NAMES.map((m) => m.length))
    const lines = [
      `${'method'.padEnd(width)}  ${COLUMNS.map((c) => c.slice(0, 10).padEnd(10)).join(' ')}`,
      ...[...observed].map(([m, row]) => `${m.padEnd(width)}  ${COLUMNS.map((c) => (row[c] ?? '').padEnd(10)).join(' ')}`)
    ]
    console.log(lines.join('\n'))
  }
  closeDatabase(conn)
  rmSync(dir, { recursive: true, force: true })
})

async function outcome(method: MethodName, column: Column): Promise<{ cell: string; code: string; message: string }> {
  const sample = (samples as Partial<Record<string, (w: World) => unknown>>)[method]
  if (!sample) throw new Error(`No sample input for ${method}: add one to \`samples\` in tests/service/permissions.test.ts`)
  const input = sample(world)
  conn.sqlite.exec('begin')
  try {
    if (column === 'signedOut') refusedByRule[method]?.signedOutPrepare(conn)
    const session = { userId: column === 'signedOut' ? null : userIds.get(column)! }
    const result = await dispatch({ conn, checkOutputs: true }, () => null, session, method, input)
    if (result.ok) return { cell: 'allowed', code: 'ok', message: '' }
    const { code, message } = result.error
    const rule = refusedByRule[method]
    const byRule = code === 'FORBIDDEN' && column !== 'signedOut' && rule !== undefined && rule.signedIn.test(message)
    // A permitted call may be refused by the service (NOT_FOUND, CONFLICT, VALIDATION); it must not crash.
    const cell = code === 'FORBIDDEN' && !byRule ? 'FORBIDDEN' : code === 'INTERNAL' ? `INTERNAL: ${message}` : 'allowed'
    return { cell, code, message }
  } finally {
    conn.sqlite.exec('rollback')
  }
}

describe('permission matrix', () => {
  it('has a sample input for every contract method, and each passes validation', () => {
    const names = Object.keys(contract) as MethodName[]
    expect([...names].sort()).toEqual([...METHOD_NAMES].sort())
    const missing = names.filter((m) => typeof (samples as Record<string, unknown>)[m] !== 'function')
    expect(missing, 'methods without a sample input').toEqual([])
    const invalid = names.filter((m) => !contract[m].input.safeParse(samples[m](world)).success)
    expect(invalid, 'samples that do not pass the input schema').toEqual([])
  })

  it.each(METHOD_NAMES.map((m) => [m, contract[m].access] as const))('%s (%s)', async (method, _access) => {
    const expected: Record<string, string> = {}
    const actual: Record<string, string> = {}
    const codes: Record<string, string> = {}
    for (const column of COLUMNS) {
      expected[column] = expectedCell(method, column)
      const o = await outcome(method, column)
      actual[column] = o.cell
      codes[column] = o.code
      if (o.code === 'FORBIDDEN' && o.cell === 'FORBIDDEN') {
        // The refusal comes from the permission check, with its plain message.
        expect(o.message).toMatch(column === 'signedOut' ? /^Sign in first\.$/ : /^Your role does not allow this/)
      }
    }
    observed.set(method, codes)
    expect(actual).toEqual(expected)
  })

  it('lets only the administrator manage users and number sequences', () => {
    // A readable spot check of the matrix itself, so a change to roles.ts shows up here too.
    const holders = (p: Parameters<(typeof ROLE_PERMISSIONS)['administrator']['includes']>[0]) =>
      ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p))
    expect(holders('users.manage')).toEqual(['administrator'])
    expect(holders('numberSequences.write')).toEqual(['administrator'])
    expect(holders('masterdata.read')).toEqual([...ROLES])
  })
})
