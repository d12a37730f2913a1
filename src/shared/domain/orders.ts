import { z } from 'zod'
import { code, id, isoDate, money, optionalDate, optionalText, requiredText, text, version } from './primitives'
import { INVOICE_STATUSES } from './billing'
import { slaBadge } from './slaBadge'

export const PRIORITIES = ['high', 'normal', 'low'] as const
export type Priority = (typeof PRIORITIES)[number]

export const PROGRESS = ['inProcess', 'posted', 'cancelled'] as const
export type Progress = (typeof PROGRESS)[number]

/** The order list's built-in views (ADR 0021): every one holds open orders only. */
export const ORDER_VIEWS = ['open', 'today', 'unplanned', 'mine', 'waitingForParts', 'atRisk'] as const
export type OrderView = (typeof ORDER_VIEWS)[number]

export const ORIGINS = ['manual', 'agreement', 'return', 'copy'] as const
export type Origin = (typeof ORIGINS)[number]

export const LINE_TYPES = ['hour', 'expense', 'item', 'fee'] as const
export type LineType = (typeof LINE_TYPES)[number]

export const LINE_STATUSES = ['created', 'cancelled', 'posted'] as const
export type LineStatus = (typeof LINE_STATUSES)[number]

/** UTC epoch milliseconds. */
export const instant = z.number().int().min(0).max(8_640_000_000_000)
const optionalInstant = instant.nullable().default(null)
const ref = id.nullable().default(null)

/** Quantities in thousandths (1500 = 1.5 h). */
export const quantity = z.number().int('validation.threeDecimals').min(0, 'validation.negative').max(1_000_000_000, 'validation.tooLarge')

const windowOk = (a: number | null, b: number | null) => a === null || b === null || b >= a

/* ---------- stages and reasons ---------- */

export const stageInput = z.object({
  code,
  name: requiredText(60),
  parentId: ref,
  sortOrder: z.number().int().min(0).max(1000).default(0),
  canModify: z.boolean().default(true),
  canDelete: z.boolean().default(false),
  canCancel: z.boolean().default(true),
  canPost: z.boolean().default(false),
  reasonRequired: z.boolean().default(false),
  stopsSlaClock: z.boolean().default(false),
  requiresPlan: z.boolean().default(false),
  waitsForParts: z.boolean().default(false)
})
export const stageRow = stageInput.extend({ id, version, parentName: z.string().nullable(), orderCount: z.number().int() })
export type StageRow = z.infer<typeof stageRow>

export const reasonInput = z.object({ code, name: requiredText(100) })
export const reasonRow = reasonInput.extend({ id, version })
export type ReasonRow = z.infer<typeof reasonRow>

/* ---------- service order header ---------- */

export const relationInput = z.object({ id, note: optionalText(1000) })

export const orderHeaderInput = z
  .object({
    customerId: id,
    siteId: ref,
    oneTimeAddress: optionalText(300),
    contactId: ref,
    description: requiredText(300),
    priority: z.enum(PRIORITIES).default('normal'),
    requestedStart: optionalInstant,
    requestedEnd: optionalInstant,
    plannedStart: optionalInstant,
    plannedEnd: optionalInstant,
    actualStart: optionalInstant,
    actualEnd: optionalInstant,
    preferredWorkerId: ref,
    responsibleWorkerId: ref,
    notes: optionalText(4000),
    isTemplate: z.boolean().default(false),
    /** The order's own SLA, overriding the one its agreement or customer gives it. */
    slaId: ref,
    /**
     * An agreement of the same customer the order is made under (its SLA then applies, docs/adr/0018).
     * Omitted = unchanged on an update (none on a new order); null = not under an agreement.
     */
    agreementId: id.nullable().optional(),
    objects: z.array(relationInput).max(200).default([]),
    tasks: z.array(relationInput).max(100).default([])
  })
  .refine((o) => windowOk(o.requestedStart, o.requestedEnd), {
    message: 'validation.latestBeforeEarliest',
    path: ['requestedEnd']
  })
  .refine((o) => windowOk(o.plannedStart, o.plannedEnd), { message: 'validation.plannedEndBeforeStart', path: ['plannedEnd'] })
  .refine((o) => windowOk(o.actualStart, o.actualEnd), { message: 'validation.actualEndBeforeStart', path: ['actualEnd'] })
export type OrderHeaderInput = z.input<typeof orderHeaderInput>

/** What a technician may register on an order assigned to them. */
export const registerInput = z
  .object({ id, version, actualStart: optionalInstant, actualEnd: optionalInstant, notes: optionalText(4000) })
  .refine((o) => windowOk(o.actualStart, o.actualEnd), { message: 'validation.actualEndBeforeStart', path: ['actualEnd'] })

/* ---------- lines ---------- */

export const lineInput = z.object({
  type: z.enum(LINE_TYPES, 'validation.lineType'),
  description: optionalText(300),
  workerId: ref,
  serviceObjectId: ref,
  serviceTaskId: ref,
  categoryId: ref,
  itemId: ref,
  quantity: quantity.default(1000),
  /** Omitted: taken from the item or category. Changing it needs the prices.override permission. */
  unitCost: money.nullable().default(null),
  unitPrice: money.nullable().default(null),
  scheduledDate: optionalDate,
  actualDate: optionalDate,
  note: optionalText(2000)
})
export type LineInput = z.input<typeof lineInput>

export const lineRow = z.object({
  id,
  version,
  orderId: id,
  lineNo: z.number().int(),
  type: z.enum(LINE_TYPES),
  description: z.string(),
  workerId: id.nullable(),
  workerName: z.string().nullable(),
  serviceObjectId: id.nullable(),
  serviceObjectName: z.string().nullable(),
  serviceTaskId: id.nullable(),
  serviceTaskName: z.string().nullable(),
  categoryId: id.nullable(),
  categoryName: z.string().nullable(),
  itemId: id.nullable(),
  itemName: z.string().nullable(),
  quantity: z.number().int(),
  unit: z.string(),
  unitCost: z.number().int(),
  unitPrice: z.number().int(),
  costAmount: z.number().int(),
  salesAmount: z.number().int(),
  scheduledDate: isoDate.nullable(),
  actualDate: isoDate.nullable(),
  note: z.string(),
  status: z.enum(LINE_STATUSES),
  signedOff: z.boolean(),
  postedAt: z.number().nullable(),
  invoiceId: id.nullable(),
  invoiceNumber: z.string().nullable(),
  agreementLineId: id.nullable(),
  occurrenceDate: isoDate.nullable()
})
export type LineRow = z.infer<typeof lineRow>

/* ---------- order DTOs ---------- */

export const stageRef = z.object({
  id,
  code: z.string(),
  name: z.string(),
  reasonRequired: z.boolean()
})
export type StageRef = z.infer<typeof stageRef>

export const historyEntry = z.object({
  id,
  at: z.number(),
  userName: z.string().nullable(),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  reason: z.string().nullable(),
  note: z.string()
})

export const orderListRow = z.object({
  id,
  version,
  number: z.string(),
  customerId: id,
  customerName: z.string(),
  address: z.string(),
  description: z.string(),
  priority: z.enum(PRIORITIES),
  stageId: id,
  stageName: z.string(),
  progress: z.enum(PROGRESS),
  origin: z.enum(ORIGINS),
  plannedStart: z.number().nullable(),
  plannedEnd: z.number().nullable(),
  requestedEnd: z.number().nullable(),
  responsibleName: z.string().nullable(),
  lineCount: z.number().int(),
  salesTotal: z.number().int(),
  signedOff: z.boolean(),
  isTemplate: z.boolean(),
  agreementId: id.nullable(),
  /** The order's own SLA (override); the badge shows the clock of whichever SLA applies. */
  slaId: id.nullable(),
  sla: slaBadge.nullable()
})
export type OrderListRow = z.infer<typeof orderListRow>

export const orderRow = orderListRow.extend({
  siteId: id.nullable(),
  oneTimeAddress: z.string(),
  contactId: id.nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  requestedStart: z.number().nullable(),
  actualStart: z.number().nullable(),
  actualEnd: z.number().nullable(),
  preferredWorkerId: id.nullable(),
  preferredWorkerName: z.string().nullable(),
  responsibleWorkerId: id.nullable(),
  notes: z.string(),
  signedOffAt: z.number().nullable(),
  signedOffByName: z.string().nullable(),
  stage: stageRef.extend({ canModify: z.boolean(), canDelete: z.boolean(), canCancel: z.boolean(), canPost: z.boolean() }),
  nextStages: z.array(stageRef),
  previousStage: stageRef.nullable(),
  objects: z.array(z.object({ id, number: z.string(), name: z.string(), serialNumber: z.string(), note: z.string() })),
  tasks: z.array(z.object({ id, code: z.string(), name: z.string(), note: z.string() })),
  lines: z.array(lineRow),
  history: z.array(historyEntry),
  costTotal: z.number().int(),
  /** False: made from an agreement to invoice fees or expenses, no visit planned (ADR 0016). */
  needsVisit: z.boolean()
})
export type OrderRow = z.infer<typeof orderRow>

/* ---------- invoices ---------- */

export const INVOICE_LINE_SOURCES = ['orderLine', 'subscriptionFee', 'returnLine', 'manual'] as const
export type InvoiceLineSource = (typeof INVOICE_LINE_SOURCES)[number]

export const invoiceLineRow = z.object({
  id,
  source: z.enum(INVOICE_LINE_SOURCES),
  orderLineId: id.nullable(),
  orderNumber: z.string(),
  type: z.enum(LINE_TYPES),
  description: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  unitPrice: z.number().int(),
  netAmount: z.number().int(),
  vatCode: z.string(),
  vatRate: z.number().int(),
  vatAmount: z.number().int(),
  /** On a credit note: the invoice line it credits. */
  creditedLineId: id.nullable(),
  /** On an invoice: what its credit notes took of this line so far (positive; 0 on credit note lines). */
  creditedQuantity: z.number().int(),
  creditedAmount: z.number().int()
})
export type InvoiceLineRow = z.infer<typeof invoiceLineRow>

export const invoiceListRow = z.object({
  id,
  number: z.string(),
  kind: z.enum(['invoice', 'credit']),
  customerId: id,
  customerName: z.string(),
  invoiceDate: isoDate,
  dueDate: isoDate,
  currency: z.string(),
  netTotal: z.number().int(),
  vatTotal: z.number().int(),
  grossTotal: z.number().int(),
  /** Computed, never stored (shared/domain/billing.ts); null on a credit note. */
  paymentStatus: z.enum(INVOICE_STATUSES).nullable(),
  paidTotal: z.number().int(),
  creditedTotal: z.number().int(),
  /** Gross less paid and credited; 0 on a credit note, negative when over-paid. */
  openAmount: z.number().int(),
  referenceNumber: z.string(),
  creditOfNumber: z.string().nullable(),
  /** The credit notes of an invoice, by number, comma-separated. */
  creditedByNumber: z.string().nullable()
})
export type InvoiceListRow = z.infer<typeof invoiceListRow>
export const creditNoteRef = z.object({ id, number: z.string(), invoiceDate: isoDate, grossTotal: z.number().int() })
export const invoiceRow = invoiceListRow.extend({
  creditOfId: id.nullable(),
  /** The credit notes made from this invoice, oldest first. */
  creditNotes: z.array(creditNoteRef),
  reverseCharge: z.boolean(),
  note: z.string(),
  customerAddress: z.string(),
  customerVatNumber: z.string(),
  lines: z.array(invoiceLineRow)
})
export type InvoiceRow = z.infer<typeof invoiceRow>

/** A manual charge on an invoice: typed by a service manager, not from an order. */
export const manualLineInput = z.object({
  description: requiredText(500),
  quantity: quantity.refine((q) => q > 0, 'validation.moreThanZero'),
  unit: optionalText(20),
  unitPrice: money,
  /** One of the settings' VAT rates, by code. */
  vatCode: requiredText(10)
})
export type ManualLineInput = z.infer<typeof manualLineInput>

/** One line of a credit note: the invoice line it credits, with the quantity and net amount credited. */
export const creditLineInput = z.object({
  lineId: id,
  quantity,
  netAmount: money
})

export const PAYMENT_METHODS = ['bank', 'cash', 'card', 'other'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]
export const paymentRow = z.object({
  id,
  invoiceId: id,
  date: isoDate,
  amount: z.number().int(),
  method: z.enum(PAYMENT_METHODS),
  note: z.string(),
  bankEntryId: id.nullable(),
  createdAt: z.number(),
  createdByName: z.string().nullable()
})
export type PaymentRow = z.infer<typeof paymentRow>

/** What a customer owes: open and overdue totals of its invoices (cents, in the company's currency). */
export const customerBalance = z.object({
  currency: z.string(),
  openTotal: z.number().int(),
  openCount: z.number().int(),
  overdueTotal: z.number().int(),
  overdueCount: z.number().int()
})
export type CustomerBalance = z.infer<typeof customerBalance>

/** A posted line that has not been invoiced yet, offered in the invoice dialog. */
export const invoiceableLine = z.object({
  id,
  orderId: id,
  orderNumber: z.string(),
  type: z.enum(LINE_TYPES),
  description: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  unitPrice: z.number().int(),
  salesAmount: z.number().int(),
  actualDate: isoDate.nullable(),
  postedAt: z.number()
})
export type InvoiceableLine = z.infer<typeof invoiceableLine>

export const requestKey = text().min(8).max(100)

/** The deepest nesting of a JSON-like value, walked without recursion; stops counting past `limit`. */
function depthWithin(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [v, d] = stack.pop()!
    if (d > limit) return false
    if (v !== null && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1])
  }
  return true
}
/** A list's filters as saved in a view: stored as JSON, so kept shallow (serialising is recursive) and small. */
export const viewFilters = z
  .record(z.string().max(60), z.unknown())
  .refine((f) => depthWithin(f, 8) && JSON.stringify(f).length <= 20_000, 'validation.filtersTooLarge')
export const savedView = z.object({ id, list: z.string(), name: z.string(), filters: z.record(z.string(), z.unknown()) })
export type SavedView = z.infer<typeof savedView>

export const ORDER_DOCUMENTS = ['workDescription', 'workReceipt'] as const
export const pdfFile = z.object({ fileName: z.string(), contentBase64: z.string() })
