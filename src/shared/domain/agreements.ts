import { z } from 'zod'
import { code, id, isoDate, money, optionalDate, optionalText, requiredText, timeOfDay, version } from './primitives'
import { INTERVAL_UNITS, WINDOW_KINDS } from '../recurrence'
import { LINE_TYPES, quantity } from './orders'

const ref = id.nullable().default(null)
const meta = { id, version }

export const COMBINE_RULES = ['agreement', 'task', 'worker', 'object'] as const
export type CombineRule = (typeof COMBINE_RULES)[number]

/** Generating more than this at once is almost certainly a typo in the dates. */
export const MAX_GENERATION_DAYS = 3653

/* ---------- setup ---------- */

/** slaId: the default SLA of orders under the group's agreements (before the customer group's). */
export const agreementGroupInput = z.object({ code, name: requiredText(100), slaId: ref })
export const agreementGroupRow = agreementGroupInput.extend(meta)
export type AgreementGroupRow = z.infer<typeof agreementGroupRow>

export const intervalInput = z.object({
  code,
  name: requiredText(100),
  unit: z.enum(INTERVAL_UNITS, 'validation.intervalUnit'),
  every: z.number().int('validation.notInteger').min(1).max(120)
})
export const intervalRow = intervalInput.extend(meta)
export type IntervalRow = z.infer<typeof intervalRow>

export const timeWindowInput = z
  .object({
    code,
    name: requiredText(100),
    kind: z.enum(WINDOW_KINDS, 'validation.windowKind'),
    daysBefore: z.number().int().min(0, 'validation.negative').max(180, 'validation.maxDays').default(0),
    daysAfter: z.number().int().min(0, 'validation.negative').max(180, 'validation.maxDays').default(0)
  })
  .refine((w) => w.kind !== 'manual' || w.daysBefore + w.daysAfter > 0, {
    message: 'validation.manualWindow',
    path: ['daysAfter']
  })
export const timeWindowRow = z.object({
  ...meta,
  code: z.string(),
  name: z.string(),
  kind: z.enum(WINDOW_KINDS),
  daysBefore: z.number().int(),
  daysAfter: z.number().int()
})
export type TimeWindowRow = z.infer<typeof timeWindowRow>

export const templateGroupInput = z.object({ code, name: requiredText(100), parentId: ref })
export const templateGroupRow = templateGroupInput.extend({ ...meta, parentName: z.string().nullable() })

/* ---------- agreement ---------- */

export const agreementRelationInput = z.object({ id, internalNote: optionalText(1000), externalNote: optionalText(1000) })

export const agreementHeaderInput = z
  .object({
    customerId: id,
    description: requiredText(300),
    groupId: id,
    startDate: isoDate,
    endDate: optionalDate,
    suspended: z.boolean().default(false),
    combineRule: z.enum(COMBINE_RULES).default('agreement'),
    preferredWorkerId: ref,
    responsibleWorkerId: ref,
    contactId: ref,
    templateGroupId: ref,
    /** Overrides the agreement group's SLA. */
    slaId: ref,
    notes: optionalText(4000),
    objects: z.array(agreementRelationInput).max(500).default([]),
    tasks: z.array(agreementRelationInput).max(100).default([])
  })
  .refine((a) => a.endDate === null || a.endDate >= a.startDate, { message: 'validation.endBeforeStart', path: ['endDate'] })

export const agreementLineInput = z
  .object({
    type: z.enum(LINE_TYPES, 'validation.lineType'),
    description: optionalText(300),
    serviceObjectId: ref,
    serviceTaskId: ref,
    intervalId: ref,
    timeWindowId: ref,
    startDate: isoDate,
    endDate: optionalDate,
    startAfter: timeOfDay.nullable().default(null),
    endBefore: timeOfDay.nullable().default(null),
    quantity: quantity.default(1000),
    itemId: ref,
    categoryId: ref,
    unitPrice: money.nullable().default(null),
    workerId: ref,
    stopped: z.boolean().default(false),
    note: optionalText(2000)
  })
  .refine((l) => l.endDate === null || l.endDate >= l.startDate, { message: 'validation.endBeforeStart', path: ['endDate'] })
  .refine((l) => l.startAfter === null || l.endBefore === null || l.endBefore > l.startAfter, {
    message: 'validation.endBeforeAfterStart',
    path: ['endBefore']
  })
export type AgreementLineInput = z.input<typeof agreementLineInput>

export const agreementLineRow = z.object({
  ...meta,
  agreementId: id,
  lineNo: z.number().int(),
  type: z.enum(LINE_TYPES),
  description: z.string(),
  serviceObjectId: id.nullable(),
  serviceObjectName: z.string().nullable(),
  serviceTaskId: id.nullable(),
  serviceTaskName: z.string().nullable(),
  intervalId: id.nullable(),
  intervalName: z.string().nullable(),
  timeWindowId: id.nullable(),
  timeWindowName: z.string().nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  startAfter: z.string().nullable(),
  endBefore: z.string().nullable(),
  quantity: z.number().int(),
  itemId: id.nullable(),
  itemName: z.string().nullable(),
  categoryId: id.nullable(),
  categoryName: z.string().nullable(),
  unitPrice: z.number().int().nullable(),
  workerId: id.nullable(),
  workerName: z.string().nullable(),
  stopped: z.boolean(),
  note: z.string(),
  generatedCount: z.number().int()
})
export type AgreementLineRow = z.infer<typeof agreementLineRow>

export const agreementListRow = z.object({
  ...meta,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  description: z.string(),
  groupId: id,
  groupName: z.string(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  suspended: z.boolean(),
  isTemplate: z.boolean(),
  lineCount: z.number().int(),
  combineRule: z.enum(COMBINE_RULES)
})
export type AgreementListRow = z.infer<typeof agreementListRow>

export const agreementRow = agreementListRow.extend({
  preferredWorkerId: id.nullable(),
  responsibleWorkerId: id.nullable(),
  contactId: id.nullable(),
  templateGroupId: id.nullable(),
  templateGroupName: z.string().nullable(),
  slaId: id.nullable(),
  notes: z.string(),
  objects: z.array(
    z.object({ id, number: z.string(), name: z.string(), serialNumber: z.string(), internalNote: z.string(), externalNote: z.string() })
  ),
  tasks: z.array(z.object({ id, code: z.string(), name: z.string(), internalNote: z.string(), externalNote: z.string() })),
  lines: z.array(agreementLineRow)
})
export type AgreementRow = z.infer<typeof agreementRow>

/* ---------- preview and generation ---------- */

export const generationInput = z
  .object({
    from: isoDate,
    to: isoDate,
    /** One or more agreements; empty = every agreement matching the filter. */
    agreementIds: z.array(id).max(100_000).default([]),
    customerId: ref,
    groupId: ref,
    types: z.array(z.enum(LINE_TYPES)).min(1, 'validation.lineTypesNeeded').default(['hour', 'expense', 'item', 'fee'])
  })
  .refine((g) => g.to >= g.from, { message: 'validation.endBeforeStart', path: ['to'] })

export const visit = z.object({
  date: isoDate,
  agreementId: id,
  agreementNumber: z.string(),
  customerName: z.string(),
  groupKey: z.string(),
  calendarConflict: z.boolean(),
  lines: z.array(
    z.object({ agreementLineId: id, lineNo: z.number().int(), occurrenceDate: isoDate, type: z.enum(LINE_TYPES), description: z.string() })
  )
})
export type Visit = z.infer<typeof visit>

export const generationSummary = z.object({
  orders: z.number().int(),
  lines: z.number().int(),
  skipped: z.number().int(),
  conflicts: z.number().int(),
  agreements: z.number().int()
})
export type GenerationSummary = z.infer<typeof generationSummary>

export const previewResult = generationSummary.extend({ visits: z.array(visit), truncated: z.boolean() })
export type PreviewResult = z.infer<typeof previewResult>

export const JOB_STATUSES = ['running', 'done', 'cancelled', 'failed'] as const
export const generationRun = z.object({
  id,
  status: z.enum(JOB_STATUSES),
  fromDate: isoDate,
  toDate: isoDate,
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  agreementsTotal: z.number().int(),
  agreementsDone: z.number().int(),
  ordersCreated: z.number().int(),
  linesCreated: z.number().int(),
  skipped: z.number().int(),
  conflicts: z.number().int(),
  orderIds: z.array(id),
  error: z.string().nullable()
})
export type GenerationRun = z.infer<typeof generationRun>
