import { queryOptions, useQuery } from '@tanstack/react-query'
import { call } from '../../lib/api'
import { recordKeys } from '../../lib/useEditor'
import { settingsQuery } from '../settings/queries'

export const orderKeys = {
  one: (id: number) => recordKeys.one('serviceOrders', id),
  views: (list: string) => ['savedViews', list] as const,
  invoiceable: (customerId: number) => ['invoiceable', customerId] as const
}

/** The whole workflow (a few stages): for filters, the tree and the stage dialog. Under 'list' so saves refresh it. */
export const stagesQuery = queryOptions({
  queryKey: ['list', 'serviceStages.list', 'all'],
  queryFn: () => call('serviceStages.list', { pageSize: 500, sort: 'sortOrder' })
})

export const reasonsQuery = queryOptions({
  queryKey: ['list', 'stageReasons.list', 'all'],
  queryFn: () => call('stageReasons.list', { pageSize: 500, sort: 'code' })
})

export const DEFAULT_TIME_ZONE = 'Europe/Tallinn'

/** The shop's time zone from the settings: order times are shown and typed there. */
export function useTimeZone(): string {
  const settings = useQuery(settingsQuery)
  return settings.data?.timeZone ?? DEFAULT_TIME_ZONE
}
