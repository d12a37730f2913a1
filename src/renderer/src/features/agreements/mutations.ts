import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Input, MethodName, Output } from '@shared/api/contract'
import type { AgreementRow } from '@shared/domain/agreements'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'
import { agreementKeys } from './queries'

/** Agreement methods that answer the whole agreement (the line actions and copying lines). */
export type AgreementMethod = {
  [M in MethodName]: M extends `agreements.${string}`
    ? Output<M> extends AgreementRow
      ? M extends 'agreements.create' | 'agreements.update' | 'agreements.get'
        ? never
        : M
      : never
    : never
}[MethodName]

interface AgreementActionOptions {
  /** What the notification says on success; nothing when omitted. */
  done?: string | ((row: AgreementRow) => string)
  onSuccess?: (row: AgreementRow) => void
  /** A refusal the caller shows itself (e.g. on a grid cell); return true when handled. */
  onError?: (e: unknown) => boolean
}

/**
 * One action on an agreement's lines: the answer replaces the cached agreement (the header form keeps its
 * edits), lists and previews refresh, and a CONFLICT reloads the agreement and says so.
 */
export function useAgreementAction<M extends AgreementMethod>(method: M, agreementId: number, o: AgreementActionOptions = {}) {
  const t = useT()
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Input<M>) => call(method, input) as Promise<AgreementRow>,
    onSuccess: (row) => {
      qc.setQueryData(agreementKeys.one(row.id), row)
      void qc.invalidateQueries({ queryKey: ['list'] })
      void qc.invalidateQueries({ queryKey: ['audit'] })
      void qc.invalidateQueries({ queryKey: agreementKeys.previews })
      if (o.done) notifications.show({ color: 'teal', message: typeof o.done === 'function' ? o.done(row) : o.done, autoClose: 2500 })
      o.onSuccess?.(row)
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT') && (e.key === 'errors.conflict' || e.key === 'errors.conflictBy')) {
        void qc.invalidateQueries({ queryKey: agreementKeys.one(agreementId) })
        notifications.show({
          color: 'orange',
          title: t('agreements.page.conflictTitle'),
          message: t('agreements.reloaded', { message: e.message.replace(/ Reload to see the current version\.$/, '') }),
          autoClose: 10000
        })
        return
      }
      if (o.onError?.(e)) return
      showApiError(e)
    }
  })
}
