import type { agreementsContract } from '@shared/api/domains/agreements'
import { crudHandlers, type ExportSourcesOf, type HandlersOf } from '../core/handlers'
import { cancelRun, getRun, previewGeneration, startGeneration } from './generator'
import * as agreementService from './records'
import { agreementGroupService, intervalService, templateGroupService, timeWindowService } from './setup'

type Slice = typeof agreementsContract

export const agreementsHandlers = {
  ...crudHandlers('agreementGroups', agreementGroupService),
  ...crudHandlers('serviceIntervals', intervalService),
  ...crudHandlers('timeWindows', timeWindowService),
  ...crudHandlers('templateGroups', templateGroupService),
  'agreements.list': agreementService.listAgreements,
  'agreements.get': agreementService.getAgreement,
  'agreements.create': agreementService.createAgreement,
  'agreements.update': agreementService.updateAgreement,
  'agreements.delete': agreementService.deleteAgreement,
  'agreements.addLine': agreementService.addAgreementLine,
  'agreements.updateLine': agreementService.updateAgreementLine,
  'agreements.deleteLine': agreementService.deleteAgreementLine,
  'agreements.copyLines': agreementService.copyAgreementLines,
  'agreements.preview': previewGeneration,
  'agreements.generate': startGeneration,
  'agreements.run': getRun,
  'agreements.cancelRun': cancelRun
} satisfies HandlersOf<Slice>

export const agreementsExports = {
  'agreementGroups.list': agreementGroupService.iterate,
  'serviceIntervals.list': intervalService.iterate,
  'timeWindows.list': timeWindowService.iterate,
  'templateGroups.list': templateGroupService.iterate,
  'agreements.list': agreementService.iterateAgreements
} satisfies ExportSourcesOf<Slice>
