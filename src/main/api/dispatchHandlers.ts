import type { MethodName } from '@shared/api/contract'
import type { ServiceContext } from '../services/core/context'
import type { Handlers } from './handlers'

type DispatchMethod = Extract<MethodName, `dispatch.${string}` | `dispatchPlan.${string}`>

/** The dispatch board's methods (spread into `handlers`). */
export const dispatchHandlers = {} satisfies Pick<Handlers, DispatchMethod>

export const dispatchExports: Record<string, (ctx: ServiceContext, input: never) => Iterable<unknown>> = {}
