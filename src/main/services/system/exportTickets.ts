import { randomBytes } from 'node:crypto'
import { contract, isMethodName, type ParsedInput } from '@shared/api/contract'
import { can } from '@shared/auth/roles'
import { requireUser, type ServiceContext } from '../core/context'
import { forbidden, invalid } from '../core/errors'

/** How long a ticket may wait for its download. */
export const TICKET_TTL_MS = 60_000

/** What a ticket stands for: one export of one list with one input, as the user who asked for it. */
export interface ExportTicket {
  userId: number
  /** The session's security stamp when the ticket was issued, so that a password change voids it too. */
  stamp: number | undefined
  list: string
  input: unknown
  expiresAt: number
}

// Held in memory only: a ticket lives a minute and is never worth keeping across a restart.
const tickets = new Map<string, ExportTicket>()

/**
 * A one-time ticket for a CSV download of `list` with `input`, so that a download link (browser mode)
 * carries neither the host token nor the session id. The export itself checks everything again.
 */
export function issueExportTicket(ctx: ServiceContext, i: ParsedInput<'exports.ticket'>): { ticket: string; expiresAt: number } {
  const user = requireUser(ctx)
  if (!i.list.endsWith('.list') || !isMethodName(i.list)) throw invalid(['list'], 'errors.listNotExportable')
  const access = contract[i.list].access
  if (access !== 'public' && access !== 'authenticated' && !can(user.roles, access)) {
    throw forbidden('errors.roleNotAllowed', { permission: access })
  }
  if (!contract[i.list].input.safeParse(i.input).success) throw invalid(['input'], 'errors.filtersInvalid')
  const now = ctx.now()
  for (const [key, t] of tickets) if (t.expiresAt <= now) tickets.delete(key)
  const ticket = randomBytes(24).toString('base64url')
  const expiresAt = now + TICKET_TTL_MS
  tickets.set(ticket, { userId: user.id, stamp: ctx.session.stamp, list: i.list, input: i.input, expiresAt })
  return { ticket, expiresAt }
}

/** The ticket's export, once: a ticket is gone after its first use, and worthless after it expires. */
export function redeemExportTicket(ticket: string, now: number): ExportTicket | null {
  const t = tickets.get(ticket)
  if (!t) return null
  tickets.delete(ticket)
  return t.expiresAt > now ? t : null
}
