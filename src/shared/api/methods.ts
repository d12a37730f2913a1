/**
 * Every API method name, as plain strings. The preload imports only this file (no zod), so the sandboxed
 * preload stays dependency-free; contract.ts fails to compile if the two lists ever differ.
 */
const crudOf = <N extends string>(n: N) =>
  [`${n}.list`, `${n}.get`, `${n}.create`, `${n}.update`, `${n}.delete`] as const

export const METHOD_NAMES = [
  'auth.status',
  'auth.setup',
  'auth.signIn',
  'auth.signOut',
  'users.list',
  'users.get',
  'users.create',
  'users.update',
  'settings.get',
  'settings.update',
  'audit.forRecord',
  'search.global',
  ...crudOf('customerGroups'),
  ...crudOf('customers'),
  ...crudOf('dispatchTeams'),
  ...crudOf('skills'),
  ...crudOf('workers'),
  ...crudOf('items'),
  ...crudOf('categories'),
  ...crudOf('serviceObjectGroups'),
  ...crudOf('serviceObjects'),
  ...crudOf('serviceTasks'),
  ...crudOf('numberSequences'),
  ...crudOf('serviceStages'),
  ...crudOf('stageReasons'),
  'serviceOrders.list',
  'serviceOrders.get',
  'serviceOrders.create',
  'serviceOrders.update',
  'serviceOrders.delete',
  'serviceOrders.register',
  'serviceOrders.addLine',
  'serviceOrders.updateLine',
  'serviceOrders.deleteLine',
  'serviceOrders.copyLines',
  'serviceOrders.moveLines',
  'serviceOrders.cancel',
  'serviceOrders.revokeCancel',
  'serviceOrders.cancelLine',
  'serviceOrders.revokeCancelLine',
  'serviceOrders.changeStage',
  'serviceOrders.signOff',
  'serviceOrders.post',
  'serviceOrders.pdf',
  'invoices.list',
  'invoices.get',
  'invoices.invoiceable',
  'invoices.create',
  'invoices.credit',
  'invoices.pdf',
  'savedViews.list',
  'savedViews.save',
  'savedViews.delete',
  ...crudOf('agreementGroups'),
  ...crudOf('serviceIntervals'),
  ...crudOf('timeWindows'),
  ...crudOf('templateGroups'),
  ...crudOf('agreements'),
  'agreements.addLine',
  'agreements.updateLine',
  'agreements.deleteLine',
  'agreements.copyLines',
  'agreements.preview',
  'agreements.generate',
  'agreements.run',
  'agreements.cancelRun',
  'dispatch.board',
  'dispatch.tray',
  'dispatch.assign',
  'dispatch.move',
  'dispatch.unassign',
  'dispatch.dispatch',
  'dispatch.setStatus',
  'dispatch.suggest',
  'dispatch.daySheet',
  'dispatchPlan.list',
  ...crudOf('slaDefinitions'),
  ...crudOf('slaReasons'),
  'sla.forOrder',
  'sla.setForOrder',
  'sla.cancel',
  'sla.reset',
  'sla.giveReason',
  'slaAtRisk.list',
  'slaCompliance.list',
  'sla.compliancePdf'
] as const

export type MethodNameList = (typeof METHOD_NAMES)[number]

/** Lists that can be exported to CSV: every `*.list` method. */
export const EXPORTABLE_LISTS = METHOD_NAMES.filter((m): m is Extract<MethodNameList, `${string}.list`> =>
  m.endsWith('.list')
)
export type ExportableList = Extract<MethodNameList, `${string}.list`>

/** IPC channels (Electron): one per method, plus the CSV export that needs a native save dialog. */
export const ipcChannelOf = (method: string) => `api:${method}`
export const IPC_EXPORT = 'hooldus:export-csv'
