import { useQuery } from '@tanstack/react-query'
import { call } from '../../lib/api'

export const subscriptionKeys = {
  fees: (id: number) => ['record', 'subscriptionFees', id] as const,
  schedule: (id: number) => ['record', 'subscriptionSchedule', id] as const,
  revenue: (input: unknown) => ['report', 'subscriptionRevenue', input] as const
}

export const useFees = (subscriptionId: number) =>
  useQuery({ queryKey: subscriptionKeys.fees(subscriptionId), queryFn: () => call('subscriptions.fees', { subscriptionId }) })

export const useSchedule = (subscriptionId: number) =>
  useQuery({ queryKey: subscriptionKeys.schedule(subscriptionId), queryFn: () => call('subscriptions.schedule', { subscriptionId }) })
