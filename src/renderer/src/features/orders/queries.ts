import { queryOptions } from '@tanstack/react-query'
import { call } from '../../lib/api'
import { recordKeys } from '../../lib/useEditor'

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
