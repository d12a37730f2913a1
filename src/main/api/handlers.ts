import type { Contract, MethodName } from '@shared/api/contract'
import type { MethodDef } from '@shared/api/define'
import { agreementsContract } from '@shared/api/domains/agreements'
import { bankContract } from '@shared/api/domains/bank'
import { dispatchContract } from '@shared/api/domains/dispatch'
import { masterdataContract } from '@shared/api/domains/masterdata'
import { ordersContract } from '@shared/api/domains/orders'
import { returnsContract } from '@shared/api/domains/returns'
import { slaContract } from '@shared/api/domains/sla'
import { subscriptionsContract } from '@shared/api/domains/subscriptions'
import { systemContract } from '@shared/api/domains/system'
import { repairContract } from '@shared/api/domains/repair'
import { intakeContract } from '@shared/api/domains/intake'
import { lifecycleContract } from '@shared/api/domains/lifecycle'
import { calendarContract } from '@shared/api/domains/calendar'
import { contextContract } from '@shared/api/domains/context'
import { backupsContract } from '@shared/api/domains/backups'
import { importContract } from '@shared/api/domains/import'
import { homeContract } from '@shared/api/domains/home'
import { reportsContract } from '@shared/api/domains/reports'
import { shopContract } from '@shared/api/domains/shop'
import { agreementsHandlers, agreementsExports } from '../services/agreements/handlers'
import { bankExports, bankHandlers } from '../services/bank/handlers'
import type { ExportSourcesOf, HandlersOf } from '../services/core/handlers'
import { createDemoData } from '../demo/createDemo'
import { dispatchExports, dispatchHandlers } from '../services/dispatch/handlers'
import { masterdataExports, masterdataHandlers } from '../services/masterdata/handlers'
import { ordersExports, ordersHandlers } from '../services/orders/handlers'
import { returnsExports, returnsHandlers } from '../services/returns/handlers'
import { slaExports, slaHandlers } from '../services/sla/handlers'
import { subscriptionsExports, subscriptionsHandlers } from '../services/subscriptions/handlers'
import { systemExports, systemHandlers } from '../services/system/handlers'
import { repairExports, repairHandlers } from '../services/repair/handlers'
import { intakeHandlers } from '../services/orders/intakeHandlers'
import { lifecycleExports, lifecycleHandlers } from '../services/lifecycle/handlers'
import { contextExports, contextHandlers } from '../services/context/handlers'
import { calendarHandlers } from '../services/calendar/handlers'
import { backupsHandlers } from '../services/backups/handlers'
import { importHandlers } from '../services/import/handlers'
import { homeHandlers } from '../services/home/handlers'
import { reportsExports, reportsHandlers } from '../services/reports/handlers'
import { shopHandlers } from '../services/shop/handlers'

export type Handlers = HandlersOf<Contract>
export type Handler<M extends MethodName> = Handlers[M]

/**
 * A domain's map as it is, refused by tsc when it holds a key its contract slice does not have — which
 * `satisfies` in the domain file cannot see when the key comes from a spread (`crudHandlers`).
 */
function only<C extends Record<string, MethodDef>, H>(_slice: C, map: H & Record<Exclude<keyof H, keyof C>, never>): H {
  return map
}

/**
 * The first administrator, and with `withDemoData` a demo company in its own (big) transaction; the
 * administrator made first stays either way. Done here rather than in the auth service, which must not
 * depend on the demo generator.
 */
const setup: Handler<'auth.setup'> = (ctx, input) => {
  const user = systemHandlers['auth.setup'](ctx, input)
  if (input.withDemoData) createDemoData(ctx.conn, { scale: 1, now: ctx.now() })
  return user
}

/** Every contract method → its domain's handler. A missing method fails the `satisfies` below. */
export const handlers = {
  ...only(systemContract, systemHandlers),
  'auth.setup': setup,
  ...only(masterdataContract, masterdataHandlers),
  ...only(ordersContract, ordersHandlers),
  ...only(agreementsContract, agreementsHandlers),
  ...only(dispatchContract, dispatchHandlers),
  ...only(slaContract, slaHandlers),
  ...only(bankContract, bankHandlers),
  ...only(returnsContract, returnsHandlers),
  ...only(subscriptionsContract, subscriptionsHandlers),
  ...only(repairContract, repairHandlers),
  ...only(intakeContract, intakeHandlers),
  ...only(lifecycleContract, lifecycleHandlers),
  ...only(calendarContract, calendarHandlers),
  ...only(contextContract, contextHandlers),
  ...only(backupsContract, backupsHandlers),
  ...only(importContract, importHandlers),
  ...only(homeContract, homeHandlers),
  ...only(reportsContract, reportsHandlers),
  ...only(shopContract, shopHandlers)
} satisfies Handlers

/** Row sources for CSV export, one per exportable list, walking all matching rows. */
export const exportSources: ExportSourcesOf<Contract> = {
  ...systemExports,
  ...masterdataExports,
  ...ordersExports,
  ...agreementsExports,
  ...dispatchExports,
  ...slaExports,
  ...bankExports,
  ...returnsExports,
  ...subscriptionsExports,
  ...repairExports,
  ...lifecycleExports,
  ...contextExports,
  ...reportsExports
}
