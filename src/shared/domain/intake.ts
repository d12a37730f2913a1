/**
 * Intake: hand-made orders under an agreement and what a customer is entitled to when a call comes in
 * (docs/adr/0018-intake-and-entitlement.md). Record shapes and the pure rules; the services read the data.
 */
import { z } from 'zod'
import { id, isoDate, optionalDate, version } from './primitives'
import { PRIORITIES } from './orders'

export const WARRANTY_STATUSES = ['active', 'notStarted', 'expired', 'unknown'] as const
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number]

/**
 * An object's warranty on `date`: without an end there is nothing to claim on (unknown); a missing start
 * means from installation, or from the beginning when that is unknown too. Both ends count as inside.
 */
export function warrantyStatus(
  w: { warrantyStart: string | null; warrantyEnd: string | null; installationDate: string | null },
  date: string
): WarrantyStatus {
  if (w.warrantyEnd === null) return 'unknown'
  const start = w.warrantyStart ?? w.installationDate
  if (start !== null && date < start) return 'notStarted'
  return date > w.warrantyEnd ? 'expired' : 'active'
}

/** Whether a date falls within an agreement line's dates (start and end inclusive, no end = open). */
export function withinAgreementLine(date: string, line: { startDate: string; endDate: string | null }): boolean {
  return date >= line.startDate && (line.endDate === null || date <= line.endDate)
}

/** Copies chosen lines of the order's agreement onto the order (a hand-made order under that agreement). */
export const copyAgreementLinesInput = z.object({
  id,
  version,
  agreementLineIds: z.array(id).min(1, 'validation.lineNeeded').max(200, 'validation.tooManyItems'),
  /** The copied lines' date; omitted = the order's planned start (then today) for the check, and no date on the line. */
  scheduledDate: optionalDate
})

export const entitlementInput = z.object({
  customerId: id,
  /** The service objects picked on the order; none = everything the customer has. */
  serviceObjectIds: z.array(id).max(200, 'validation.tooManyItems').default([]),
  /** The day the entitlement is judged on; omitted = today in the company's time zone. */
  date: optionalDate,
  /** The order being edited: left out of the open orders. */
  orderId: id.nullable().default(null)
})

const slaRef = z.object({
  id,
  code: z.string(),
  name: z.string(),
  /** Where the SLA comes from: the agreement itself or its group (the order's own SLA would still win). */
  source: z.enum(['agreement', 'agreementGroup'])
})

export const entitledAgreement = z.object({
  id,
  number: z.string(),
  description: z.string(),
  groupName: z.string(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  sla: slaRef.nullable(),
  /** The picked objects it covers (by its objects or lines); empty when it names no object at all (covers them all). */
  objectIds: z.array(id),
  coversAll: z.boolean()
})

export const objectWarranty = z.object({
  objectId: id,
  number: z.string(),
  name: z.string(),
  warrantyStart: isoDate.nullable(),
  warrantyEnd: isoDate.nullable(),
  status: z.enum(WARRANTY_STATUSES)
})

export const openOrderRef = z.object({
  id,
  number: z.string(),
  description: z.string(),
  stageName: z.string(),
  priority: z.enum(PRIORITIES),
  plannedStart: z.number().nullable(),
  agreementId: id.nullable()
})

export const entitledSubscription = z.object({
  id,
  number: z.string(),
  name: z.string(),
  groupName: z.string(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  /** The picked objects it lists; empty when it covers the customer as a whole (lists no object). */
  objectIds: z.array(id),
  coversCustomer: z.boolean()
})

export const entitlement = z.object({
  date: isoDate,
  agreements: z.array(entitledAgreement),
  warranty: z.array(objectWarranty),
  openOrders: z.array(openOrderRef),
  /** More open orders than listed (the list stops at a screenful). */
  moreOpenOrders: z.number().int(),
  subscriptions: z.array(entitledSubscription)
})
export type Entitlement = z.infer<typeof entitlement>
export type EntitledAgreement = z.infer<typeof entitledAgreement>
