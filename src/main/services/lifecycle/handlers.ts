import type { lifecycleContract } from '@shared/api/domains/lifecycle'
import type { ExportSourcesOf, HandlersOf } from '../core/handlers'
import { getLifecycle, updateLifecycle } from './settings'

type Slice = typeof lifecycleContract

export const lifecycleHandlers = {
  'lifecycle.get': (ctx) => getLifecycle(ctx),
  'lifecycle.update': updateLifecycle
} satisfies HandlersOf<Slice>

/** A single settings row: nothing to list or export. */
export const lifecycleExports = {} satisfies ExportSourcesOf<Slice>
