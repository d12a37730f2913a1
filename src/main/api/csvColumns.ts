import type { MethodName } from '@shared/api/contract'
import type { en } from '@shared/i18n/catalogue/en'

/** A field of a list row that a CSV file shows; each has a header in the `csv.columns` catalogue group. */
export type CsvField = keyof typeof en.csv.columns

/**
 * How a cell is written. Amounts arrive in cents, quantities in thousandths, instants in epoch
 * milliseconds, dates as ISO dates; an enum is written as its label (`enums.*` / `csv.*`).
 */
export type CsvKind =
  | 'text'
  | 'number'
  | 'degrees'
  | 'money'
  | 'date'
  | 'instant'
  | 'bool'
  | 'share'
  | 'slaDeadline'
  | 'role'
  | 'workerRole'
  | 'appLanguage'
  | 'csvDialect'
  | 'customerLanguage'
  | 'lineType'
  | 'priority'
  | 'progress'
  | 'origin'
  | 'invoiceKind'
  | 'paymentStatus'
  | 'intervalUnit'
  | 'windowKind'
  | 'combineRule'
  | 'assignmentStatus'
  | 'returnStatus'
  | 'dispositionAction'
  | 'stockLocation'
  | 'thousandths'
  | 'periodCode'
  | 'index'
  | 'repairCodeKind'
  | 'revenuePeriod'

export interface CsvColumn {
  field: CsvField
  kind: CsvKind
}

/** The kind of a field wherever it appears, unless a list says otherwise. */
const KIND: Partial<Record<CsvField, CsvKind>> = {
  active: 'bool',
  serialTracked: 'bool',
  canModify: 'bool',
  canDelete: 'bool',
  canCancel: 'bool',
  canPost: 'bool',
  reasonRequired: 'bool',
  stopsSlaClock: 'bool',
  requiresPlan: 'bool',
  waitsForParts: 'bool',
  signedOff: 'bool',
  isTemplate: 'bool',
  suspended: 'bool',
  inUse: 'bool',
  costPrice: 'money',
  salesPrice: 'money',
  salesTotal: 'money',
  netTotal: 'money',
  vatTotal: 'money',
  grossTotal: 'money',
  paidTotal: 'money',
  creditedTotal: 'money',
  openAmount: 'money',
  paymentStatus: 'paymentStatus',
  lastSignInAt: 'instant',
  plannedStart: 'instant',
  plannedEnd: 'instant',
  requestedEnd: 'instant',
  start: 'instant',
  end: 'instant',
  installationDate: 'date',
  warrantyStart: 'date',
  warrantyEnd: 'date',
  invoiceDate: 'date',
  dueDate: 'date',
  startDate: 'date',
  endDate: 'date',
  date: 'date',
  share: 'share',
  sla: 'slaDeadline',
  priority: 'priority',
  progress: 'progress',
  origin: 'origin',
  combineRule: 'combineRule',
  status: 'assignmentStatus',
  invoicingPeriod: 'periodCode',
  accrualPeriod: 'periodCode',
  periodCode: 'periodCode',
  accrue: 'bool',
  validFrom: 'date',
  validTo: 'date',
  lastPeriodEnd: 'date',
  amount: 'money',
  basePrice: 'money',
  feesTotal: 'money',
  priceIndex: 'index',
  latitude: 'degrees',
  longitude: 'degrees',
  homeLatitude: 'degrees',
  homeLongitude: 'degrees'
}

type Spec = readonly (CsvField | readonly [CsvField, CsvKind])[]

const ORDER_LIST: Spec = [
  'number',
  'customerName',
  'address',
  'description',
  'priority',
  'stageName',
  'progress',
  'origin',
  'plannedStart',
  'plannedEnd',
  'requestedEnd',
  'responsibleName',
  'lineCount',
  'salesTotal',
  'signedOff',
  'isTemplate',
  'sla'
]

/**
 * The columns of each exportable list, in order. Internal ids (a customer's id, the SLA's id, …) are left
 * out: a user cannot use them, and every list carries the name or number they stand for. So are the
 * fields that are not a value but a structure edited on its own screen (working hours, holidays, SLA
 * targets). tests/unit/csvColumns.test.ts checks that every field of every list is either here or left out
 * on purpose.
 */
export const CSV_COLUMNS: Record<string, Spec> = {
  'users.list': [
    'username',
    'displayName',
    ['roles', 'role'],
    'workerName',
    'active',
    ['language', 'appLanguage'],
    ['csvDialect', 'csvDialect'],
    'lastSignInAt'
  ],
  'customerGroups.list': ['code', 'name'],
  'customers.list': [
    'number',
    'name',
    'groupName',
    ['language', 'customerLanguage'],
    'email',
    'phone',
    'registryCode',
    'vatNumber',
    'country',
    'billingAddress',
    'city',
    'latitude',
    'longitude',
    'paymentTermsDays',
    'invoiceEmail',
    'einvoiceAddress',
    'siteCount',
    'notes',
    'active'
  ],
  'dispatchTeams.list': ['code', 'name', 'ownerName', 'memberCount'],
  'skills.list': ['code', 'name'],
  'workers.list': [
    'number',
    'name',
    'email',
    'phone',
    ['roles', 'workerRole'],
    'teamName',
    'homeBase',
    'homeLatitude',
    'homeLongitude',
    'active'
  ],
  'items.list': ['number', 'name', 'unit', 'costPrice', 'salesPrice', 'serialTracked', 'active'],
  'categories.list': ['code', 'name', ['type', 'lineType'], 'unit', 'costPrice', 'salesPrice'],
  'serviceObjectGroups.list': ['code', 'name'],
  'serviceObjects.list': [
    'number',
    'name',
    'customerName',
    'siteName',
    'itemName',
    'groupName',
    'serialNumber',
    'installationDate',
    'warrantyStart',
    'warrantyEnd',
    'parentName',
    'componentCount',
    'notes',
    'active'
  ],
  'serviceTasks.list': ['code', 'name', 'description', 'defaultDurationMinutes'],
  'numberSequences.list': ['code', 'name', 'prefix', 'nextNumber', 'padding', 'preview'],
  'serviceStages.list': [
    'code',
    'name',
    'parentName',
    'sortOrder',
    'canModify',
    'canDelete',
    'canCancel',
    'canPost',
    'reasonRequired',
    'stopsSlaClock',
    'requiresPlan',
    'waitsForParts',
    'orderCount'
  ],
  'stageReasons.list': ['code', 'name'],
  'serviceOrders.list': ORDER_LIST,
  'invoices.list': [
    'number',
    ['kind', 'invoiceKind'],
    'customerName',
    'invoiceDate',
    'dueDate',
    'currency',
    'netTotal',
    'vatTotal',
    'grossTotal',
    'paymentStatus',
    'paidTotal',
    'creditedTotal',
    'openAmount',
    'referenceNumber',
    'creditOfNumber',
    'creditedByNumber'
  ],
  'agreementGroups.list': ['code', 'name'],
  'serviceIntervals.list': ['code', 'name', 'every', ['unit', 'intervalUnit']],
  'timeWindows.list': ['code', 'name', ['kind', 'windowKind'], 'daysBefore', 'daysAfter'],
  'templateGroups.list': ['code', 'name', 'parentName'],
  'agreements.list': [
    'number',
    'customerName',
    'description',
    'groupName',
    'startDate',
    'endDate',
    'suspended',
    'isTemplate',
    'lineCount',
    'combineRule'
  ],
  'dispatchPlan.list': [
    'date',
    'start',
    'end',
    'workerNumber',
    'workerName',
    'teamName',
    'orderNumber',
    'priority',
    'stageName',
    'status',
    'customerName',
    'address',
    'description',
    'taskNames'
  ],
  'slaDefinitions.list': ['code', 'name', 'description', 'suspended', 'inUse'],
  'slaReasons.list': ['code', 'name'],
  'returnReasonGroups.list': ['code', 'name'],
  'returnReasons.list': ['code', 'name', 'groupName', ['chargeAmount', 'money']],
  'dispositionCodes.list': ['code', 'name', ['action', 'dispositionAction']],
  'returns.list': [
    'number',
    ['status', 'returnStatus'],
    'customerName',
    'reasonCode',
    'reasonName',
    ['createdDate', 'date'],
    ['deadline', 'date'],
    'lineCount',
    'expectedCount'
  ],
  'returnInspection.list': [
    'number',
    'customerName',
    'lineNo',
    'description',
    ['quantity', 'thousandths'],
    'serialNumber',
    ['registeredAt', 'instant']
  ],
  'returnStock.list': ['itemNumber', 'itemName', ['location', 'stockLocation'], ['onHand', 'thousandths']],
  'slaAtRisk.list': ORDER_LIST,
  'slaCompliance.list': ['label', 'orders', 'targets', 'met', 'breached', 'share', 'medianResponseMinutes', 'medianResolutionMinutes'],
  'bankStatements.list': [
    ['importedAt', 'instant'],
    'statementId',
    'iban',
    'fileName',
    'importedByName',
    'entryCount',
    'toReview',
    'confirmed',
    ['creditTotal', 'money'],
    'currency'
  ],
  'subscriptionGroups.list': ['code', 'name', 'invoicingPeriod', 'accrue', 'accrualPeriod', 'numberSequence'],
  'subscriptionPrices.list': [
    'periodCode',
    'currency',
    'subscriptionNumber',
    'customerName',
    'categoryName',
    'level',
    'validFrom',
    'validTo',
    'amount'
  ],
  'subscriptions.list': [
    'number',
    'name',
    'customerName',
    'groupCode',
    'invoicingPeriod',
    'currency',
    'basePrice',
    'priceIndex',
    'startDate',
    'endDate',
    'active',
    'lastPeriodEnd',
    'feesTotal'
  ],
  'subscriptionRevenue.list': [
    'month',
    ['period', 'revenuePeriod'],
    ['invoiced', 'money'],
    ['credited', 'money'],
    ['recognised', 'money'],
    ['deferred', 'money'],
    ['mrr', 'money'],
    ['newMrr', 'money'],
    ['expansionMrr', 'money'],
    ['contractionMrr', 'money'],
    ['churnedMrr', 'money'],
    ['contractedMrr', 'money'],
    ['forecastRevenue', 'money'],
    ['serviceOrders', 'money'],
    ['agreementOrders', 'money'],
    ['otherOrders', 'money']
  ],
  'repairCodes.list': [['kind', 'repairCodeKind'], 'code', 'name', 'areaName', 'objectGroupName', ['finished', 'bool']],
  'repairLines.list': [
    ['createdAt', 'instant'],
    'orderNumber',
    'lineNo',
    'objectNumber',
    'objectName',
    'symptomAreaName',
    'symptomCodeName',
    'conditionName',
    'diagnosisAreaName',
    'diagnosisCodeName',
    'resolutionName',
    'stageName',
    'workerName',
    'note',
    ['finishedAt', 'instant'],
    'repeatOfOrderNumber'
  ],
  'bomTemplates.list': ['number', 'name', 'itemName', 'componentCount', 'attachedCount'],
  'marginReport.list': [
    'label',
    'customerName',
    'orders',
    ['revenue', 'money'],
    ['cost', 'money'],
    ['margin', 'money'],
    ['marginShare', 'share'],
    'costMissing'
  ],
  'progressReport.list': ['orderNumber', 'customerName', 'stageName', 'stays', 'totalMinutes', 'averageMinutes', 'reasons'],
  'scheduleReport.list': ['date', 'start', 'end', 'customerName', 'description', 'address', 'reference'],
  'utilisationReport.list': ['workerName', 'week', ['weekStart', 'date'], 'availableMinutes', 'bookedMinutes', ['utilisation', 'share']],
  'serviceObjectHistory.list': [
    ['orderAt', 'instant'],
    'orderNumber',
    'description',
    'stageName',
    'progress',
    'lineNo',
    ['type', 'lineType'],
    'lineDescription',
    ['quantity', 'thousandths'],
    'unit',
    'workerName',
    'date'
  ]
}

/** Fields of list rows that no CSV file shows (see CSV_COLUMNS). */
export const CSV_LEFT_OUT = new Set([
  'id',
  'version',
  'key',
  'customerId',
  'groupId',
  'slaId',
  'stageId',
  'teamId',
  'skillIds',
  'ownerWorkerId',
  'workerId',
  'userId',
  'parentId',
  'siteId',
  'itemId',
  'agreementId',
  'requiredSkillIds',
  'pauseStageIds',
  'respondStageIds',
  'resolveStageIds',
  'workingHours',
  'holidays',
  'targets',
  'chargeCategoryId',
  'chargeItemId',
  'returnId',
  'lineId',
  'subscriptionId',
  'categoryId',
  'areaId',
  'objectGroupId',
  'orderId',
  'serviceObjectId',
  'symptomAreaId',
  'symptomCodeId',
  'conditionId',
  'diagnosisAreaId',
  'diagnosisCodeId',
  'resolutionId',
  'repeatOfId'
])

/** Every field some list shows: the keys of the `csv.columns` group (built from the field in `csvHeader`). */
export const CSV_FIELDS: readonly CsvField[] = [
  ...new Set(Object.values(CSV_COLUMNS).flatMap((spec) => spec.map((c) => (typeof c === 'string' ? c : c[0]))))
]

/** The columns of a list's CSV file; an empty list for a list that has none. */
export function csvColumns(list: MethodName | string): CsvColumn[] {
  return (CSV_COLUMNS[list] ?? []).map((c) => (typeof c === 'string' ? { field: c, kind: KIND[c] ?? 'text' } : { field: c[0], kind: c[1] }))
}
