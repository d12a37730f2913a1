import { z } from 'zod'
import { code, id, isoDate, optionalText, requiredText, version } from './primitives'
import { holiday } from './system'
import { weekHours } from './masterdata'
import { PRIORITIES } from './orders'
import { SLA_STATES, SLA_TARGET_KINDS, slaBadge } from './slaBadge'

export { SLA_STATES, SLA_TARGET_KINDS, slaBadge } from './slaBadge'
export type { SlaBadge, SlaState, SlaTargetKind } from './slaBadge'

export const SLA_SOURCES = ['order', 'agreement', 'agreementGroup', 'customerGroup'] as const
export const SLA_STAGE_ROLES = ['pause', 'respond', 'resolve'] as const

/** A target's duration; each target has its own messages ("Response target is required"). */
const minutes = (target: 'response' | 'arrival' | 'resolution') =>
  z
    .number({ error: MINUTES_MESSAGES[target].required })
    .int('validation.wholeMinutes')
    .min(1, MINUTES_MESSAGES[target].moreThanZero)
    .max(525_600, MINUTES_MESSAGES[target].tooLong)

const MINUTES_MESSAGES = {
  response: {
    required: 'validation.slaTarget.responseRequired',
    moreThanZero: 'validation.slaTarget.responseMoreThanZero',
    tooLong: 'validation.slaTarget.responseTooLong'
  },
  arrival: {
    required: 'validation.slaTarget.arrivalRequired',
    moreThanZero: 'validation.slaTarget.arrivalMoreThanZero',
    tooLong: 'validation.slaTarget.arrivalTooLong'
  },
  resolution: {
    required: 'validation.slaTarget.resolutionRequired',
    moreThanZero: 'validation.slaTarget.resolutionMoreThanZero',
    tooLong: 'validation.slaTarget.resolutionTooLong'
  }
}

export const slaTargetInput = z.object({
  priority: z.enum(PRIORITIES),
  responseMinutes: minutes('response'),
  arrivalMinutes: minutes('arrival').nullable().default(null),
  resolutionMinutes: minutes('resolution')
})

export const slaInput = z.object({
  code,
  name: requiredText(100),
  description: optionalText(500),
  /** null = the shop's working calendar (settings). */
  workingHours: weekHours.nullable().default(null),
  holidays: z.array(holiday).max(400).nullable().default(null),
  suspended: z.boolean().default(false),
  targets: z.array(slaTargetInput).min(1, 'validation.targetsNeeded').max(3),
  pauseStageIds: z.array(id).max(50).default([]),
  respondStageIds: z.array(id).max(50).default([]),
  resolveStageIds: z.array(id).max(50).default([])
})
export type SlaInput = z.input<typeof slaInput>
export const slaRow = slaInput.extend({ id, version, inUse: z.number().int() })
export type SlaRow = z.infer<typeof slaRow>

export const slaReasonInput = z.object({ code, name: requiredText(100) })
export const slaReasonRow = slaReasonInput.extend({ id, version })

export const slaTargetClock = z.object({
  target: z.enum(SLA_TARGET_KINDS),
  minutes: z.number().int(),
  consumed: z.number(),
  remaining: z.number(),
  deadline: z.number().int().nullable(),
  metAt: z.number().int().nullable(),
  breachedAt: z.number().int().nullable(),
  state: z.enum(SLA_STATES),
  reasonId: id.nullable(),
  reasonName: z.string().nullable(),
  reasonNote: z.string()
})

export const slaEvent = z.object({
  id,
  at: z.number().int(),
  userName: z.string().nullable(),
  kind: z.enum(['start', 'pause', 'resume', 'met', 'breached', 'reset', 'cancel', 'priority', 'assign', 'reason']),
  target: z.enum(SLA_TARGET_KINDS).nullable(),
  reasonName: z.string().nullable(),
  note: z.string()
})

export const orderClock = z.object({
  orderId: id,
  version,
  slaId: id,
  slaName: z.string(),
  source: z.enum(SLA_SOURCES),
  startedAt: z.number().int(),
  state: z.enum(SLA_STATES),
  badge: slaBadge,
  targets: z.array(slaTargetClock),
  events: z.array(slaEvent),
  /** Targets missed without a reason while the setting requires one. */
  reasonsMissing: z.array(z.enum(SLA_TARGET_KINDS))
})
export type OrderClock = z.infer<typeof orderClock>

export const COMPLIANCE_GROUPINGS = ['customer', 'agreementGroup', 'priority', 'month'] as const
export const complianceInput = z.object({
  from: isoDate,
  to: isoDate,
  groupBy: z.enum(COMPLIANCE_GROUPINGS).default('month'),
  /** One customer's orders only (the customer page's SLA tab); null = all. */
  customerId: id.nullable().default(null)
})
export const complianceRow = z.object({
  key: z.string(),
  label: z.string(),
  orders: z.number().int(),
  targets: z.number().int(),
  met: z.number().int(),
  breached: z.number().int(),
  /** met / (met + breached), 0–1; null when nothing finished. */
  share: z.number().nullable(),
  medianResponseMinutes: z.number().nullable(),
  medianResolutionMinutes: z.number().nullable()
})
export type ComplianceRow = z.infer<typeof complianceRow>
