/** The shop server as its operations page sees it (docs/adr/0033-shop-server.md). */
import { z } from 'zod'

export const pairedClientRow = z.object({
  id: z.string(),
  machine: z.string(),
  pairedAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
  /** Who is signed in from this client now, and since when (one entry per open session). */
  sessions: z.array(z.object({ userName: z.string(), since: z.number().int() }))
})
export type PairedClientRow = z.infer<typeof pairedClientRow>

export const shopHostStatus = z.object({
  /** The addresses clients use, e.g. `https://werkstatt.lan:5179`. */
  addresses: z.array(z.string()),
  fingerprint: z.string(),
  pairing: z.object({ code: z.string(), expiresAt: z.number().int(), state: z.enum(['valid', 'expired', 'burnt']) }),
  clients: z.array(pairedClientRow)
})
export type ShopHostStatus = z.infer<typeof shopHostStatus>

/** `serving: false` on a host that does not serve the shop's network (browser mode, a plain workstation). */
export const shopStatus = z.discriminatedUnion('serving', [
  z.object({ serving: z.literal(false) }),
  shopHostStatus.extend({ serving: z.literal(true) })
])
export type ShopStatus = z.infer<typeof shopStatus>
