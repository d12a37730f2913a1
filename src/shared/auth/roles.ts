/** Roles a user may hold (several at once) and what each may do. The pipeline enforces this matrix. */
export const ROLES = ['administrator', 'serviceManager', 'dispatcher', 'technician', 'serviceConsultant'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'masterdata.read',
  'customers.write',
  'serviceObjects.write',
  'resources.write',
  'catalog.write',
  'numberSequences.write',
  'settings.write',
  'users.manage',
  'audit.read',
  'orders.read',
  'orders.write',
  'orders.register',
  'orders.signOff',
  'orders.post',
  'prices.override',
  'invoices.read',
  'invoices.create',
  'invoices.manualCharge',
  'payments.write',
  'stages.configure',
  'agreements.write',
  'agreements.generate',
  'agreements.configure',
  'dispatch.plan',
  'sla.configure',
  'sla.report',
  'returns.read',
  'returns.write',
  'returns.credit',
  'returns.configure',
  'subscriptions.write',
  'subscriptions.configure',
  'backups.manage',
  'import.run',
  'reports.read'
] as const
export type Permission = (typeof PERMISSIONS)[number]

const everyone: Permission[] = ['masterdata.read', 'orders.read', 'orders.register']
const office: Permission[] = ['customers.write', 'serviceObjects.write', 'orders.write']

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: [...PERMISSIONS],
  serviceManager: [
    ...everyone,
    ...office,
    'resources.write',
    'catalog.write',
    'settings.write',
    'audit.read',
    'orders.signOff',
    'orders.post',
    'prices.override',
    'invoices.read',
    'invoices.create',
    'invoices.manualCharge',
    'payments.write',
    'stages.configure',
    'agreements.write',
    'agreements.generate',
    'agreements.configure',
    'dispatch.plan',
    'sla.configure',
    'sla.report',
    'returns.read',
    'returns.write',
    'returns.credit',
    'returns.configure',
    'subscriptions.write',
    'subscriptions.configure',
    'backups.manage',
    'import.run',
    'reports.read'
  ],
  dispatcher: [...everyone, ...office, 'agreements.generate', 'dispatch.plan', 'sla.report', 'returns.read', 'returns.write'],
  serviceConsultant: [
    ...everyone,
    ...office,
    'invoices.read',
    'agreements.write',
    'agreements.generate',
    'sla.report',
    'returns.read',
    'returns.write'
  ],
  technician: [...everyone]
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]))
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission))
}
