import type { z } from 'zod'
import type { MethodDef } from './define'
import { agreementsContract } from './domains/agreements'
import { dispatchContract } from './domains/dispatch'
import { masterdataContract } from './domains/masterdata'
import { ordersContract } from './domains/orders'
import { slaContract } from './domains/sla'
import { systemContract } from './domains/system'
import type { MethodNameList } from './methods'

export const contract = {
  ...systemContract,
  ...masterdataContract,
  ...ordersContract,
  ...agreementsContract,
  ...dispatchContract,
  ...slaContract
} satisfies Record<string, MethodDef>

export type Contract = typeof contract
export type MethodName = keyof Contract
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type Output<M extends MethodName> = z.output<Contract[M]['output']>

// Compile-time proof that methods.ts lists exactly the contract's methods, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const listsAgree: Same<MethodName, MethodNameList> = true
void listsAgree

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}
