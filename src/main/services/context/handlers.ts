import type { contextContract } from '@shared/api/domains/context'
import type { ExportSourcesOf, HandlersOf } from '../core/handlers'
import { customerSla, iterateObjectHistory, listObjectHistory, objectVisits } from './read'

type Slice = typeof contextContract

/** Records with their context (docs/adr/0019). */
export const contextHandlers = {
  'serviceObjectHistory.list': listObjectHistory,
  'serviceObjects.visits': objectVisits,
  'customers.sla': customerSla
} satisfies HandlersOf<Slice>

export const contextExports = {
  'serviceObjectHistory.list': iterateObjectHistory
} satisfies ExportSourcesOf<Slice>
