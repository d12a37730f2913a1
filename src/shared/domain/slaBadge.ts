import { z } from 'zod'

// Kept apart from domain/sla.ts, which imports the priorities from domain/orders.ts: the order rows carry a badge,
// and a cycle between the two modules would leave one of them half-initialised at load time.

export const SLA_TARGET_KINDS = ['response', 'arrival', 'resolution'] as const
export type SlaTargetKind = (typeof SLA_TARGET_KINDS)[number]
export const SLA_STATES = ['running', 'paused', 'met', 'breached', 'cancelled'] as const
export type SlaState = (typeof SLA_STATES)[number]

/** What a list row, an order header and a board card show: the first target not yet met. */
export const slaBadge = z.object({
  state: z.enum(SLA_STATES),
  /** ok / atRisk / breached / paused / met / cancelled — the colour of the badge. */
  level: z.enum(['ok', 'atRisk', 'breached', 'paused', 'met', 'cancelled']),
  target: z.enum(SLA_TARGET_KINDS).nullable(),
  deadline: z.number().int().nullable(),
  /** Business minutes left (negative = over); null when paused or finished. */
  remainingMinutes: z.number().nullable(),
  slaName: z.string()
})
export type SlaBadge = z.infer<typeof slaBadge>
