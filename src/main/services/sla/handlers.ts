import type { slaContract } from '@shared/api/domains/sla'
import { crudHandlers, type ExportSourcesOf, type HandlersOf } from '../core/handlers'
import { slaDefinitionService, slaReasonService } from './definitions'
import { compliancePdf, iterateAtRisk, iterateCompliance, listAtRisk, listCompliance } from './reports'
import { cancelClock, giveReason, orderClock, resetClock, setOrderSla } from './orderClock'

type Slice = typeof slaContract

export const slaHandlers = {
  ...crudHandlers('slaDefinitions', slaDefinitionService),
  ...crudHandlers('slaReasons', slaReasonService),
  'sla.forOrder': orderClock,
  'sla.setForOrder': setOrderSla,
  'sla.cancel': cancelClock,
  'sla.reset': resetClock,
  'sla.giveReason': giveReason,
  'slaAtRisk.list': listAtRisk,
  'slaCompliance.list': listCompliance,
  'sla.compliancePdf': compliancePdf
} satisfies HandlersOf<Slice>

export const slaExports = {
  'slaDefinitions.list': slaDefinitionService.iterate,
  'slaReasons.list': slaReasonService.iterate,
  'slaAtRisk.list': (ctx, i) => iterateAtRisk(ctx, i),
  'slaCompliance.list': (ctx, i) => iterateCompliance(ctx, i)
} satisfies ExportSourcesOf<Slice>
