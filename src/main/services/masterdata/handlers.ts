import type { masterdataContract } from '@shared/api/domains/masterdata'
import { crudHandlers, type ExportSourcesOf, type HandlersOf } from '../core/handlers'
import {
  categoryService,
  customerGroupService,
  dispatchTeamService,
  itemService,
  numberSequenceService,
  serviceObjectGroupService,
  skillService
} from './codeTables'
import { customerService } from './customers'
import { serviceObjectService } from './serviceObjects'
import { serviceTaskService } from './serviceTasks'
import { workerService } from './workers'

type Slice = typeof masterdataContract

export const masterdataHandlers = {
  ...crudHandlers('customerGroups', customerGroupService),
  ...crudHandlers('customers', customerService),
  ...crudHandlers('dispatchTeams', dispatchTeamService),
  ...crudHandlers('skills', skillService),
  ...crudHandlers('workers', workerService),
  ...crudHandlers('items', itemService),
  ...crudHandlers('categories', categoryService),
  ...crudHandlers('serviceObjectGroups', serviceObjectGroupService),
  ...crudHandlers('serviceObjects', serviceObjectService),
  ...crudHandlers('serviceTasks', serviceTaskService),
  ...crudHandlers('numberSequences', numberSequenceService)
} satisfies HandlersOf<Slice>

export const masterdataExports = {
  'customerGroups.list': customerGroupService.iterate,
  'customers.list': customerService.iterate,
  'dispatchTeams.list': dispatchTeamService.iterate,
  'skills.list': skillService.iterate,
  'workers.list': workerService.iterate,
  'items.list': itemService.iterate,
  'categories.list': categoryService.iterate,
  'serviceObjectGroups.list': serviceObjectGroupService.iterate,
  'serviceObjects.list': serviceObjectService.iterate,
  'serviceTasks.list': serviceTaskService.iterate,
  'numberSequences.list': numberSequenceService.iterate
} satisfies ExportSourcesOf<Slice>
