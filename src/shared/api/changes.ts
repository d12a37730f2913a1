/**
 * Live updates between clients of one host (docs/adr/0032-live-updates.md): after a call that
 * wrote, the host tells every other client which domain changed and who changed it; each client refetches only
 * the queries that show that domain.
 */
export interface ChangeEvent {
  /** The API domain of the method that wrote: 'dispatch', 'serviceOrders', 'customers', … */
  domain: string
  method: string
  /** Who changed it, for the screen to say. */
  userName: string
  at: number
}

/** Domains whose screens show another domain's records too; a change there refreshes them as well. */
const SHOWN_WITH: Record<string, readonly string[]> = {
  dispatch: ['serviceOrders', 'sla', 'home', 'audit', 'context'],
  serviceOrders: ['dispatch', 'sla', 'invoiceable', 'home', 'audit', 'context', 'serviceObjectHistory', 'search'],
  agreements: ['serviceOrders', 'dispatch', 'context', 'search', 'audit'],
  invoices: ['invoiceable', 'serviceOrders', 'customers', 'context', 'report', 'search'],
  payments: ['invoices', 'customers', 'context', 'report'],
  customers: ['context', 'search', 'audit'],
  serviceObjects: ['context', 'serviceObjectHistory', 'search', 'audit'],
  returns: ['serviceOrders', 'home', 'audit'],
  subscriptions: ['invoices', 'context', 'report', 'home']
}

/** Never refetched for someone else's change: the signed-in user and start-up state are this client's own. */
const OWN = new Set(['auth', 'startup', 'session'])

/**
 * Whether a query (by its TanStack key) shows what a change in `domain` touched: some string in its key names
 * the domain or one shown with it ('dispatch', 'serviceOrders.list', ['record', 'serviceOrders', 7]). A domain
 * the table does not know refreshes every query but the client's own, which is safe, only more work.
 */
export function queryShows(key: readonly unknown[], domain: string): boolean {
  if (typeof key[0] === 'string' && OWN.has(key[0])) return false
  const related = SHOWN_WITH[domain]
  if (!related) return true
  const names = [domain, ...related]
  return key.some((part) => typeof part === 'string' && names.some((n) => part === n || part.startsWith(`${n}.`)))
}
