import { queryOptions } from '@tanstack/react-query'
import { call } from '../../lib/api'

export const settingsKeys = { one: ['settings'] as const }

/** The company settings (one record); read by every signed-in user. */
export const settingsQuery = queryOptions({
  queryKey: settingsKeys.one,
  queryFn: () => call('settings.get', {})
})
