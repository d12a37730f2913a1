import { call } from '../../lib/api'

export const homeKeys = {
  dispatcher: ['home', 'dispatcher'] as const,
  manager: ['home', 'manager'] as const
}

/** Read afresh whenever the page is opened: the figures are of now, and cost one call. */
export const dispatcherHomeQuery = { queryKey: homeKeys.dispatcher, queryFn: () => call('home.dispatcher', {}), staleTime: 0 }
export const managerHomeQuery = { queryKey: homeKeys.manager, queryFn: () => call('home.manager', {}), staleTime: 0 }
