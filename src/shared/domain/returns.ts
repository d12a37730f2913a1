import { z } from 'zod'
import { code, id, isoDate, money, optionalText, requiredText, version } from './primitives'
import { quantity } from './orders'

const meta = { id, version }
const ref = id.nullable().default(null)

export const DISPOSITION_ACTIONS = [
  'creditOnly',
  'credit',
  'replaceCredit',
  'replaceScrap',
  'returnToCustomer',
  'scrap',
  'repairReturn'
] as const
export type DispositionAction = (typeof DISPOSITION_ACTIONS)[number]
export const RETURN_STATUSES = ['created', 'open', 'closed', 'cancelled'] as const
export type ReturnStatus = (typeof RETURN_STATUSES)[number]
export const RETURN_LINE_STATUSES = ['expected', 'registered', 'received', 'credited', 'closed'] as const
export type ReturnLineStatus = (typeof RETURN_LINE_STATUSES)[number]
export const STOCK_LOCATIONS = ['stock', 'quarantine', 'scrap', 'atCustomer'] as const
export type StockLocation = (typeof STOCK_LOCATIONS)[number]
export const RETURN_EVENTS = [
  'created',
  'lineRegistered',
  'lineSplit',
  'quarantined',
  'inspected',
  'executed',
  'upFrontReplacement',
  'opened',
  'closed',
  'cancelled'
] as const
export type ReturnEvent = (typeof RETURN_EVENTS)[number]

/** What executing a disposition does. */
export interface DispositionEffects {
  /** A credit note line for the returned quantity. */
  credits: boolean
  /** The item must have arrived (registered) first; credit only needs no arrival. */
  needsArrival: boolean
  /** Where the returned item goes; null when it does not come back (credit only). A repair waits in stock. */
  stockTo: StockLocation | null
  /** A service order: a replacement installed at the customer, or a repair of the item itself. */
  order: 'replacement' | 'repair' | null
  /** The item is shipped back to the customer now (a repaired one is shipped once the repair is done). */
  ships: boolean
  /** The line's status afterwards: credited, closed, or received (in the shop for repair, to be shipped back). */
  status: ReturnLineStatus
}

export function dispositionEffects(action: DispositionAction): DispositionEffects {
  switch (action) {
    case 'creditOnly':
      return { credits: true, needsArrival: false, stockTo: null, order: null, ships: false, status: 'credited' }
    case 'credit':
      return { credits: true, needsArrival: true, stockTo: 'stock', order: null, ships: false, status: 'credited' }
    case 'replaceCredit':
      return { credits: true, needsArrival: true, stockTo: 'stock', order: 'replacement', ships: false, status: 'credited' }
    case 'replaceScrap':
      return { credits: false, needsArrival: true, stockTo: 'scrap', order: 'replacement', ships: false, status: 'closed' }
    case 'returnToCustomer':
      return { credits: false, needsArrival: true, stockTo: 'atCustomer', order: null, ships: true, status: 'closed' }
    case 'scrap':
      return { credits: true, needsArrival: true, stockTo: 'scrap', order: null, ships: false, status: 'credited' }
    case 'repairReturn':
      return { credits: false, needsArrival: true, stockTo: 'stock', order: 'repair', ships: false, status: 'received' }
  }
}

/** A replacement shipped up front rules out a second one from the disposition. */
export const replaces = (action: DispositionAction) => action === 'replaceCredit' || action === 'replaceScrap'

/** created + validity days, on calendar dates (YYYY-MM-DD). */
export function rmaDeadline(created: string, validityDays: number): string {
  const d = new Date(`${created}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + validityDays)
  return d.toISOString().slice(0, 10)
}

/**
 * The header's status follows its lines: Created until the first line arrives or is executed, Open while a
 * line is still to be dealt with, Closed when every line is credited or closed. Cancelled stays.
 */
export function deriveReturnStatus(current: ReturnStatus, lines: ReturnLineStatus[]): ReturnStatus {
  if (current === 'cancelled') return current
  if (lines.length > 0 && lines.every((s) => s === 'credited' || s === 'closed')) return 'closed'
  return lines.some((s) => s !== 'expected') ? 'open' : 'created'
}

/* ---------- setup ---------- */

export const returnReasonGroupInput = z.object({ code, name: requiredText(100) })
export const returnReasonGroupRow = returnReasonGroupInput.extend(meta)
export type ReturnReasonGroupRow = z.infer<typeof returnReasonGroupRow>

export const returnReasonInput = z.object({
  code,
  name: requiredText(100),
  groupId: ref,
  chargeCategoryId: ref,
  chargeItemId: ref,
  chargeAmount: money.default(0)
})
export const returnReasonRow = returnReasonInput.extend({ ...meta, groupName: z.string().nullable() })
export type ReturnReasonRow = z.infer<typeof returnReasonRow>

export const dispositionInput = z.object({ code, name: requiredText(100), action: z.enum(DISPOSITION_ACTIONS) })
export const dispositionRow = dispositionInput.extend(meta)
export type DispositionRow = z.infer<typeof dispositionRow>

/* ---------- return orders ---------- */

export const returnListFilters = {
  status: z.enum(RETURN_STATUSES).nullable().default(null),
  customerId: ref,
  reasonId: ref,
  overdue: z.boolean().default(false)
}

export const returnListRow = z.object({
  id,
  number: z.string(),
  status: z.enum(RETURN_STATUSES),
  customerId: id,
  customerName: z.string(),
  reasonCode: z.string(),
  reasonName: z.string(),
  createdDate: z.string(),
  deadline: z.string(),
  lineCount: z.number().int(),
  expectedCount: z.number().int()
})
export type ReturnListRow = z.infer<typeof returnListRow>

export const returnLineRow = z.object({
  id,
  version,
  lineNo: z.number().int(),
  itemId: id.nullable(),
  itemNumber: z.string().nullable(),
  serviceObjectId: id.nullable(),
  serialNumber: z.string().nullable(),
  description: z.string(),
  quantity: z.number().int(),
  unit: z.string(),
  returnPrice: z.number().int(),
  vatRate: z.number().int(),
  invoiceLineId: id.nullable(),
  invoiceNumber: z.string().nullable(),
  dispositionId: id.nullable(),
  dispositionCode: z.string().nullable(),
  dispositionAction: z.enum(DISPOSITION_ACTIONS).nullable(),
  replacementItemId: id.nullable(),
  upFrontOrderId: id.nullable(),
  status: z.enum(RETURN_LINE_STATUSES),
  quarantine: z.boolean(),
  inspectionNote: z.string(),
  splitFromId: id.nullable(),
  creditLineId: id.nullable(),
  creditNoteId: id.nullable(),
  creditNoteNumber: z.string().nullable(),
  resultOrderId: id.nullable(),
  resultOrderNumber: z.string().nullable()
})
export type ReturnLineRow = z.infer<typeof returnLineRow>

export const returnEventRow = z.object({
  at: z.number().int(),
  event: z.enum(RETURN_EVENTS),
  lineNo: z.number().int().nullable(),
  userName: z.string().nullable(),
  detail: z.string()
})

export const returnRow = returnListRow.extend({
  version,
  contactId: id.nullable(),
  siteId: id.nullable(),
  reasonId: id,
  sourceOrderId: id.nullable(),
  sourceOrderNumber: z.string().nullable(),
  replacementOrderId: id.nullable(),
  replacementOrderNumber: z.string().nullable(),
  note: z.string(),
  language: z.string(),
  lines: z.array(returnLineRow),
  events: z.array(returnEventRow)
})
export type ReturnRow = z.infer<typeof returnRow>

const positive = quantity.refine((q) => q > 0, 'validation.moreThanZero')

export const returnHeaderInput = z.object({
  customerId: id,
  contactId: ref,
  siteId: ref,
  reasonId: id,
  createdDate: isoDate,
  note: optionalText(1000)
})

export const createFromInvoicesInput = returnHeaderInput.extend({
  lines: z
    .array(z.object({ invoiceLineId: id, quantity: positive, dispositionId: ref }))
    .min(1)
    .max(200)
})

export const createFromOrderInput = returnHeaderInput.omit({ customerId: true }).extend({
  orderId: id,
  lines: z
    .array(
      z.object({
        itemId: ref,
        serviceObjectId: ref,
        description: optionalText(200),
        quantity: positive
      })
    )
    .min(1)
    .max(200)
})

export const createManualInput = returnHeaderInput.extend({
  lines: z
    .array(
      z.object({
        itemId: ref,
        serviceObjectId: ref,
        description: optionalText(200),
        quantity: positive,
        returnPrice: money.default(0),
        dispositionId: ref
      })
    )
    .min(1)
    .max(200)
})

export const registerArrivalInput = z.object({
  lineId: id,
  version,
  quantity: positive,
  /** To the inspection queue instead of straight to a disposition. */
  quarantine: z.boolean().default(false),
  dispositionId: ref
})

/** Sets the disposition (with the inspector's note) and carries it out, all in one transaction. */
export const disposeInput = z.object({
  lineId: id,
  version,
  dispositionId: id,
  note: optionalText(1000),
  date: isoDate,
  replacementItemId: ref,
  /** The serial of the unit that replaces the customer's service object ('' = unchanged). */
  newSerial: optionalText(100)
})

/** A repaired item goes back to the customer. */
export const shipBackInput = z.object({ lineId: id, version, date: isoDate, note: optionalText(500) })

export const upFrontInput = z.object({ lineId: id, version, replacementItemId: id, date: isoDate })

export const returnVersionInput = z.object({ id, version })

/** Scanner input in the arrival dialog: an RMA number or a serial number. */
export const scanInput = z.object({ code: requiredText(100) })
export const scanResult = z.object({ returnId: id, number: z.string(), lineId: id.nullable() })

export const inspectionRow = z.object({
  lineId: id,
  version,
  returnId: id,
  number: z.string(),
  customerName: z.string(),
  lineNo: z.number().int(),
  description: z.string(),
  quantity: z.number().int(),
  serialNumber: z.string().nullable(),
  registeredAt: z.number().int().nullable()
})
export type InspectionRow = z.infer<typeof inspectionRow>

export const returnableLine = z.object({
  invoiceLineId: id,
  invoiceId: id,
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  description: z.string(),
  unit: z.string(),
  unitPrice: z.number().int(),
  vatRate: z.number().int(),
  invoiced: z.number().int(),
  /** What may still be returned: invoiced − already on returns − already credited. */
  returnable: z.number().int()
})
export type ReturnableLine = z.infer<typeof returnableLine>

export const stockRow = z.object({
  itemId: id,
  itemNumber: z.string(),
  itemName: z.string(),
  location: z.enum(STOCK_LOCATIONS),
  onHand: z.number().int()
})
export type StockRow = z.infer<typeof stockRow>

/** The return list's strip: open returns (created or open) per reason, and how many of them are overdue. */
export const returnFigures = z.object({
  byReason: z.array(z.object({ reasonId: id, code: z.string(), name: z.string(), open: z.number().int(), overdue: z.number().int() })),
  open: z.number().int(),
  overdue: z.number().int()
})
export type ReturnFigures = z.infer<typeof returnFigures>

export const serialHistoryRow = z.object({
  oldSerial: z.string(),
  newSerial: z.string(),
  date: z.string(),
  returnNumber: z.string().nullable()
})
