import type { z } from 'zod'
import type { MethodDef } from './define'
import { agreementsContract } from './domains/agreements'
import { bankContract } from './domains/bank'
import { dispatchContract } from './domains/dispatch'
import { masterdataContract } from './domains/masterdata'
import { ordersContract } from './domains/orders'
import { returnsContract } from './domains/returns'
import { slaContract } from './domains/sla'
import { subscriptionsContract } from './domains/subscriptions'
import { systemContract } from './domains/system'
import { repairContract } from './domains/repair'
import { intakeContract } from './domains/intake'
import { lifecycleContract } from './domains/lifecycle'
import { calendarContract } from './domains/calendar'
import { contextContract } from './domains/context'
import { backupsContract } from './domains/backups'
import { importContract } from './domains/import'
import { homeContract } from './domains/home'
import { reportsContract } from './domains/reports'
import { shopContract } from './domains/shop'

export const contract = {
  ...systemContract,
  ...masterdataContract,
  ...ordersContract,
  ...agreementsContract,
  ...dispatchContract,
  ...slaContract,
  ...bankContract,
  ...returnsContract,
  ...subscriptionsContract,
  ...repairContract,
  ...intakeContract,
  ...lifecycleContract,
  ...calendarContract,
  ...contextContract,
  ...backupsContract,
  ...importContract,
  ...homeContract,
  ...reportsContract,
  ...shopContract
} satisfies Record<string, MethodDef>

export type Contract = typeof contract
export type MethodName = keyof Contract
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type Output<M extends MethodName> = z.output<Contract[M]['output']>

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}
