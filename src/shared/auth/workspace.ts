import { can, type Role } from './roles'

/**
 * Where a user works. The board is an office tool: whoever works on orders in the office (`orders.write`) sees it,
 * and plans on it only with `dispatch.plan` — the server refuses every planning call without it. A user who only
 * registers their own work (a technician) has no use for the whole board: their place is *My work*.
 */
export type BoardAccess = 'plan' | 'view' | 'none'

export function boardAccess(roles: readonly Role[]): BoardAccess {
  if (can(roles, 'dispatch.plan')) return 'plan'
  return can(roles, 'orders.write') ? 'view' : 'none'
}

export type HomePath = '/home/manager' | '/home/dispatcher'

/**
 * A role's home page (docs/adr/0027): the service manager's figures, else the dispatcher's day. Chosen by role, not
 * permission: an administrator may open both (from the menu) but starts where setting up the company starts.
 */
export function homePath(roles: readonly Role[]): HomePath | null {
  if (roles.includes('serviceManager')) return '/home/manager'
  if (roles.includes('dispatcher')) return '/home/dispatcher'
  return null
}

/** The screen a user starts on after signing in (and the fallback for an unknown route). */
export function landingPath(roles: readonly Role[]): HomePath | '/my-work' | '/customers' {
  const home = homePath(roles)
  if (home) return home
  return boardAccess(roles) === 'none' && can(roles, 'orders.register') ? '/my-work' : '/customers'
}
