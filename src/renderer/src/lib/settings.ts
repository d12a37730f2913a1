import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from './api'

export const settingsKeys = { one: ['settings'] as const }

/** The company settings (one record); read by every signed-in user. */
export const settingsQuery = queryOptions({
  queryKey: settingsKeys.one,
  queryFn: () => call('settings.get', {})
})

export const DEFAULT_TIME_ZONE = 'Europe/Tallinn'

/** The shop's time zone from the settings: order times are shown and typed there. */
export function useTimeZone(): string {
  const settings = useQuery(settingsQuery)
  return settings.data?.timeZone ?? DEFAULT_TIME_ZONE
}
