import { queryOptions } from '@tanstack/react-query'
import type { Input } from '@shared/api/contract'
import { call } from '../../lib/api'
import { recordKeys } from '../../lib/useEditor'

export const agreementKeys = {
  one: (id: number) => recordKeys.one('agreements', id),
  /** Every preview; line changes invalidate them all. */
  previews: ['agreementPreview'] as const,
  preview: (input: Input<'agreements.preview'>) => ['agreementPreview', input] as const,
  run: (id: number) => ['agreementRun', id] as const
}

export const agreementQuery = (id: number) =>
  queryOptions({
    queryKey: agreementKeys.one(id),
    queryFn: () => call('agreements.get', { id })
  })

const ALL = { pageSize: 500, sort: 'code' }

/** The setup tables are short; loaded whole for selects and labels (under 'list' so saves refresh them). */
export const intervalsQuery = queryOptions({
  queryKey: ['list', 'serviceIntervals.list', 'all'],
  queryFn: () => call('serviceIntervals.list', ALL)
})

export const timeWindowsQuery = queryOptions({
  queryKey: ['list', 'timeWindows.list', 'all'],
  queryFn: () => call('timeWindows.list', ALL)
})

export const templateGroupsQuery = queryOptions({
  queryKey: ['list', 'templateGroups.list', 'all'],
  queryFn: () => call('templateGroups.list', ALL)
})

export const agreementGroupsQuery = queryOptions({
  queryKey: ['list', 'agreementGroups.list', 'all'],
  queryFn: () => call('agreementGroups.list', ALL)
})

export const categoriesQuery = queryOptions({
  queryKey: ['list', 'categories.list', 'all'],
  queryFn: () => call('categories.list', { pageSize: 500, sort: 'code' })
})
