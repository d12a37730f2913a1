import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { notifications } from '@mantine/notifications'
import type { Input, MethodName } from '@shared/api/contract'
import type { OrderClock } from '@shared/domain/sla'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'
import { orderKeys } from '../orders/queries'

export const clockKeys = { of: (orderId: number) => ['slaClock', orderId] as const }

/**
 * The order's SLA clock. Keyed on the order's version as well, so every change to the order (a stage
 * move pauses or meets a target, a priority change moves deadlines) reads the clock afresh; it also
 * refreshes every half minute so the remaining time keeps counting down on an open screen.
 */
export function useOrderClock(order: { id: number; version: number } | null) {
  return useQuery({
    queryKey: [...clockKeys.of(order?.id ?? 0), order?.version ?? 0],
    queryFn: () => call('sla.forOrder', { orderId: order!.id }),
    enabled: order !== null,
    staleTime: 0,
    refetchInterval: 30_000
  })
}

type ClockMethod = Extract<MethodName, 'sla.cancel' | 'sla.reset' | 'sla.giveReason' | 'sla.setForOrder'>

/**
 * A change to the order's clock: the answer replaces the cached clock; the order (its header badge and
 * version) and the order lists are read again. A CONFLICT rereads the clock and asks to repeat.
 */
export function useClockAction<M extends ClockMethod>(method: M, orderId: number, done: string, onSuccess?: () => void) {
  const qc = useQueryClient()
  const t = useT()
  return useMutation({
    mutationFn: (input: Input<M>) => call(method, input) as Promise<OrderClock | null>,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: clockKeys.of(orderId) })
      void qc.invalidateQueries({ queryKey: orderKeys.one(orderId) })
      void qc.invalidateQueries({
        predicate: (q) => q.queryKey[0] === 'list' && (q.queryKey[1] === 'serviceOrders.list' || q.queryKey[1] === 'slaAtRisk.list')
      })
      notifications.show({ color: 'teal', message: done, autoClose: 2500 })
      onSuccess?.()
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT')) {
        void qc.invalidateQueries({ queryKey: clockKeys.of(orderId) })
        void qc.invalidateQueries({ queryKey: orderKeys.one(orderId) })
        notifications.show({
          color: 'orange',
          title: t('sla.clock.changedElsewhere'),
          message: t('sla.clock.reloaded'),
          autoClose: 10000
        })
        return
      }
      if (!isApiError(e, 'VALIDATION')) showApiError(e)
    }
  })
}

export const reasonsListQuery = {
  queryKey: ['list', 'slaReasons.list', 'all'] as const,
  queryFn: () => call('slaReasons.list', { pageSize: 500, sort: 'code' })
}
