import type { homeContract } from '@shared/api/domains/home'
import type { HandlersOf } from '../core/handlers'
import { dispatcherHome } from './dispatcher'
import { managerHome } from './manager'

/** Role home pages (docs/adr/0027). */
export const homeHandlers = {
  'home.dispatcher': (ctx) => dispatcherHome(ctx),
  'home.manager': (ctx) => managerHome(ctx)
} satisfies HandlersOf<typeof homeContract>
