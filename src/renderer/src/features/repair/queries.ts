import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Input, MethodName, Output } from '@shared/api/contract'
import type { RepairCodeKind } from '@shared/domain/repair'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'

export const repairKeys = {
  lines: (orderId: number) => ['repairLines', orderId] as const,
  structure: (objectId: number) => ['structure', objectId] as const
}

/** The codes of one kind usable on objects of a group (a few dozen at most: one page holds them). */
export const codesQuery = (kind: RepairCodeKind, objectGroupId: number | null, areaId: number | null = null) =>
  queryOptions({
    queryKey: ['list', 'repairCodes.list', kind, objectGroupId, areaId],
    queryFn: () => call('repairCodes.list', { kind, objectGroupId, areaId, pageSize: 500, sort: 'code' })
  })

export const linesQuery = (orderId: number) =>
  queryOptions({ queryKey: repairKeys.lines(orderId), queryFn: () => call('repairLines.forOrder', { orderId }) })

export const structureQuery = (serviceObjectId: number, asOf: string | null) =>
  queryOptions({
    queryKey: [...repairKeys.structure(serviceObjectId), 'asOf', asOf],
    queryFn: () => call('structures.get', { serviceObjectId, asOf })
  })

/**
 * A repair or structure change: afterwards the order's repair lines, the object's structure and history and
 * the order (a replacement may add lines to it) are read afresh.
 */
export function useRepairAction<M extends MethodName>(method: M, onDone?: (out: Output<M>) => void, onError?: (e: unknown) => boolean) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: Input<M>) => call(method, input),
    onSuccess: (out) => {
      void qc.invalidateQueries({ queryKey: ['repairLines'] })
      void qc.invalidateQueries({ queryKey: ['structure'] })
      void qc.invalidateQueries({ queryKey: ['record', 'serviceOrders'] })
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'list' && String(q.queryKey[1]).startsWith('repair') })
      onDone?.(out)
    },
    onError: (e) => {
      if (!onError?.(e)) showApiError(e)
    }
  })
}
