import type { z } from 'zod'
import type { Contract, MethodName, ParsedInput } from '@shared/api/contract'
import type { ServiceContext } from '../services/core/context'
import * as auditService from '../services/audit/service'
import * as auth from '../services/auth/service'
import { categoryService, customerGroupService, dispatchTeamService, itemService, numberSequenceService, serviceObjectGroupService, skillService } from '../services/masterdata/codeTables'
import { customerService } from '../services/masterdata/customers'
import { serviceObjectService } from '../services/masterdata/serviceObjects'
import { serviceTaskService } from '../services/masterdata/serviceTasks'
import { workerService } from '../services/masterdata/workers'
import { createDemoData } from '../demo/service'
import { invoicePdf, orderPdf } from '../services/documents/service'
import * as invoices from '../services/invoices/service'
import * as orders from '../services/orders/service'
import { getOrder, iterateOrders, listOrders } from '../services/orders/read'
import { deleteView, listViews, saveView } from '../services/orders/savedViews'
import { reasonService, stageService } from '../services/orders/stages'
import * as agreementService from '../services/agreements/service'
import { cancelRun, getRun, previewGeneration, startGeneration } from '../services/agreements/generator'
import { agreementGroupService, intervalService, templateGroupService, timeWindowService } from '../services/agreements/setup'
import { globalSearch } from '../services/search/service'
import * as settingsService from '../services/settings/service'
import * as users from '../services/users/service'
import { dispatchExports, dispatchHandlers } from './dispatchHandlers'
import { slaExports, slaHandlers } from './slaHandlers'

export type Handler<M extends MethodName> = (
  ctx: ServiceContext,
  input: ParsedInput<M>
) => z.input<Contract[M]['output']> | Promise<z.input<Contract[M]['output']>>

export type Handlers = { [M in MethodName]: Handler<M> }

interface CrudService {
  list: unknown
  get: unknown
  create: unknown
  update: unknown
  delete: unknown
}

type CrudHandlers<N extends string, S extends CrudService> = { [K in `${N}.list`]: S['list'] } & {
  [K in `${N}.get`]: S['get']
} & { [K in `${N}.create`]: S['create'] } & { [K in `${N}.update`]: S['update'] } & {
  [K in `${N}.delete`]: S['delete']
}

function crudHandlers<N extends string, S extends CrudService>(name: N, s: S): CrudHandlers<N, S> {
  return {
    [`${name}.list`]: s.list,
    [`${name}.get`]: s.get,
    [`${name}.create`]: s.create,
    [`${name}.update`]: s.update,
    [`${name}.delete`]: s.delete
  } as CrudHandlers<N, S>
}

/** Every contract method → its service call. A missing or extra entry fails the type check below. */
export const handlers = {
  'auth.status': (ctx) => auth.status(ctx),
  'auth.setup': (ctx, input) => {
    const user = auth.setup(ctx, input)
    // The demo company has its own (big) transaction; the administrator made above stays either way.
    if (input.withDemoData) createDemoData(ctx.conn, { scale: 1, now: ctx.now() })
    return user
  },
  'auth.signIn': auth.signIn,
  'auth.signOut': (ctx) => auth.signOut(ctx),
  'users.list': users.listUsers,
  'users.get': users.getUser,
  'users.create': users.createUser,
  'users.update': users.updateUser,
  'settings.get': (ctx) => settingsService.getSettings(ctx),
  'settings.update': settingsService.updateSettings,
  'audit.forRecord': auditService.auditForRecord,
  'search.global': globalSearch,
  ...crudHandlers('customerGroups', customerGroupService),
  ...crudHandlers('customers', customerService),
  ...crudHandlers('dispatchTeams', dispatchTeamService),
  ...crudHandlers('skills', skillService),
  ...crudHandlers('workers', workerService),
  ...crudHandlers('items', itemService),
  ...crudHandlers('categories', categoryService),
  ...crudHandlers('serviceObjectGroups', serviceObjectGroupService),
  ...crudHandlers('serviceObjects', serviceObjectService),
  ...crudHandlers('serviceTasks', serviceTaskService),
  ...crudHandlers('numberSequences', numberSequenceService),
  ...crudHandlers('serviceStages', stageService),
  ...crudHandlers('stageReasons', reasonService),
  'serviceOrders.list': listOrders,
  'serviceOrders.get': getOrder,
  'serviceOrders.create': orders.createOrder,
  'serviceOrders.update': orders.updateOrder,
  'serviceOrders.delete': orders.deleteOrder,
  'serviceOrders.register': orders.registerOnOrder,
  'serviceOrders.addLine': orders.addLine,
  'serviceOrders.updateLine': orders.updateLine,
  'serviceOrders.deleteLine': orders.deleteLine,
  'serviceOrders.copyLines': orders.copyLines,
  'serviceOrders.moveLines': orders.moveLines,
  'serviceOrders.cancel': orders.cancelOrder,
  'serviceOrders.revokeCancel': orders.revokeCancelOrder,
  'serviceOrders.cancelLine': orders.cancelLine,
  'serviceOrders.revokeCancelLine': orders.revokeCancelLine,
  'serviceOrders.changeStage': orders.changeStage,
  'serviceOrders.signOff': orders.signOff,
  'serviceOrders.post': orders.postOrder,
  'serviceOrders.pdf': orderPdf,
  'invoices.list': invoices.listInvoices,
  'invoices.get': invoices.getInvoice,
  'invoices.invoiceable': invoices.invoiceableLines,
  'invoices.create': invoices.createInvoice,
  'invoices.credit': invoices.creditInvoice,
  'invoices.pdf': invoicePdf,
  'savedViews.list': listViews,
  'savedViews.save': saveView,
  'savedViews.delete': deleteView,
  ...crudHandlers('agreementGroups', agreementGroupService),
  ...crudHandlers('serviceIntervals', intervalService),
  ...crudHandlers('timeWindows', timeWindowService),
  ...crudHandlers('templateGroups', templateGroupService),
  'agreements.list': agreementService.listAgreements,
  'agreements.get': agreementService.getAgreement,
  'agreements.create': agreementService.createAgreement,
  'agreements.update': agreementService.updateAgreement,
  'agreements.delete': agreementService.deleteAgreement,
  'agreements.addLine': agreementService.addAgreementLine,
  'agreements.updateLine': agreementService.updateAgreementLine,
  'agreements.deleteLine': agreementService.deleteAgreementLine,
  'agreements.copyLines': agreementService.copyAgreementLines,
  'agreements.preview': previewGeneration,
  'agreements.generate': startGeneration,
  'agreements.run': getRun,
  'agreements.cancelRun': cancelRun,
  ...dispatchHandlers,
  ...slaHandlers
} satisfies Handlers

/** Row sources for CSV export, one per exportable list, walking all matching rows. */
export const exportSources: Record<string, (ctx: ServiceContext, input: never) => Iterable<unknown>> = {
  'users.list': users.iterateUsers,
  'customerGroups.list': customerGroupService.iterate,
  'customers.list': customerService.iterate,
  'dispatchTeams.list': dispatchTeamService.iterate,
  'skills.list': skillService.iterate,
  'workers.list': workerService.iterate,
  'items.list': itemService.iterate,
  'categories.list': categoryService.iterate,
  'serviceObjectGroups.list': serviceObjectGroupService.iterate,
  'serviceObjects.list': serviceObjectService.iterate,
  'serviceTasks.list': serviceTaskService.iterate,
  'numberSequences.list': numberSequenceService.iterate,
  'serviceStages.list': stageService.iterate,
  'stageReasons.list': reasonService.iterate,
  'serviceOrders.list': iterateOrders,
  'invoices.list': invoices.iterateInvoices,
  'agreementGroups.list': agreementGroupService.iterate,
  'serviceIntervals.list': intervalService.iterate,
  'timeWindows.list': timeWindowService.iterate,
  'templateGroups.list': templateGroupService.iterate,
  'agreements.list': agreementService.iterateAgreements,
  ...dispatchExports,
  ...slaExports
}
