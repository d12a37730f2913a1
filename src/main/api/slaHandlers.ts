import type { MethodName, ParsedInput } from '@shared/api/contract'
import type { ServiceContext } from '../services/core/context'
import { slaDefinitionService, slaReasonService } from '../services/sla/definitions'
import { compliancePdf, iterateAtRisk, iterateCompliance, listAtRisk, listCompliance } from '../services/sla/reports'
import { cancelClock, giveReason, orderClock, resetClock, setOrderSla } from '../services/sla/service'
import type { Handlers } from './handlers'

type SlaMethod = Extract<MethodName, `sla${string}`>

/** Service-level agreements' methods (spread into `handlers`). */
export const slaHandlers = {
  'slaDefinitions.list': slaDefinitionService.list,
  'slaDefinitions.get': slaDefinitionService.get,
  'slaDefinitions.create': slaDefinitionService.create,
  'slaDefinitions.update': slaDefinitionService.update,
  'slaDefinitions.delete': slaDefinitionService.delete,
  'slaReasons.list': slaReasonService.list,
  'slaReasons.get': slaReasonService.get,
  'slaReasons.create': slaReasonService.create,
  'slaReasons.update': slaReasonService.update,
  'slaReasons.delete': slaReasonService.delete,
  'sla.forOrder': orderClock,
  'sla.setForOrder': setOrderSla,
  'sla.cancel': cancelClock,
  'sla.reset': resetClock,
  'sla.giveReason': giveReason,
  'slaAtRisk.list': listAtRisk,
  'slaCompliance.list': listCompliance,
  'sla.compliancePdf': compliancePdf
} satisfies Pick<Handlers, SlaMethod>

export const slaExports: Record<string, (ctx: ServiceContext, input: never) => Iterable<unknown>> = {
  'slaDefinitions.list': slaDefinitionService.iterate,
  'slaReasons.list': slaReasonService.iterate,
  'slaAtRisk.list': (ctx, i: ParsedInput<'slaAtRisk.list'>) => iterateAtRisk(ctx, i),
  'slaCompliance.list': (ctx, i: ParsedInput<'slaCompliance.list'>) => iterateCompliance(ctx, i)
}
