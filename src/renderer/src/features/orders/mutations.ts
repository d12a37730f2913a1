import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Input, MethodName, Output } from '@shared/api/contract'
import type { OrderRow } from '@shared/domain/orders'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { i18n } from '../../lib/i18n'
import { orderKeys } from './queries'

const AFFECTED_LISTS = new Set(['serviceOrders.list', 'serviceStages.list'])

/** Order methods that answer the whole order. */
export type OrderMethod = {
  [M in MethodName]: M extends `serviceOrders.${string}` ? (Output<M> extends OrderRow ? M : never) : never
}[MethodName]

interface OrderActionOptions {
  /** What the notification says on success, e.g. "Line added"; nothing when omitted. */
  done?: string | ((row: OrderRow) => string)
  onSuccess?: (row: OrderRow) => void
  /** A refusal the caller shows itself (e.g. on a dialog field); return true when handled. */
  onError?: (e: unknown) => boolean
}

/**
 * One action on an order (a line saved, a stage changed, a sign-off…): the answer replaces the cached order,
 * lists refresh, and a CONFLICT reloads the order and says so — the user repeats the action on what is
 * current rather than overwriting someone else's change.
 */
export function useOrderAction<M extends OrderMethod>(method: M, orderId: number | null, o: OrderActionOptions = {}) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Input<M>) => call(method, input) as Promise<OrderRow>,
    onSuccess: (row) => {
      qc.setQueryData(orderKeys.one(row.id), row)
      if (orderId !== null && row.id !== orderId) void qc.invalidateQueries({ queryKey: orderKeys.one(orderId) })
      // Only what an order change can change: order lists and stage counts (not every pick list on screen).
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'list' && AFFECTED_LISTS.has(q.queryKey[1] as string) })
      void qc.invalidateQueries({ queryKey: ['audit'] })
      if (o.done) notifications.show({ color: 'teal', message: typeof o.done === 'function' ? o.done(row) : o.done, autoClose: 2500 })
      o.onSuccess?.(row)
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && orderId !== null) {
        void qc.invalidateQueries({ queryKey: orderKeys.one(orderId) })
        notifications.show({
          color: 'orange',
          title: i18n.t('common.changedElsewhere'),
          message: i18n.t('orders.actions.conflictMessage', { message: e.message.replace(/ Reload to see the current version\.$/, '') }),
          autoClose: 10000
        })
        return
      }
      if (o.onError?.(e)) return
      showApiError(e)
    }
  })
}
