import type { MethodName } from '@shared/api/contract'
import type { ServiceContext } from '../services/core/context'
import type { Handlers } from './handlers'

type SlaMethod = Extract<MethodName, `sla${string}`>

/** Service-level agreements' methods (spread into `handlers`). */
export const slaHandlers = {} satisfies Pick<Handlers, SlaMethod>

export const slaExports: Record<string, (ctx: ServiceContext, input: never) => Iterable<unknown>> = {}
