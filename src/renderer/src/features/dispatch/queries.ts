import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { Input } from '@shared/api/contract'
import { call } from '../../lib/api'

export type BoardInput = Input<'dispatch.board'>
export type TrayInput = Input<'dispatch.tray'>

export const dispatchKeys = {
  all: ['dispatch'] as const,
  board: (input: BoardInput) => ['dispatch', 'board', input] as const,
  tray: (input: TrayInput) => ['dispatch', 'tray', input] as const,
  suggest: (orderId: number, from: string, days: number) => ['dispatch', 'suggest', orderId, from, days] as const
}

export function boardQuery(input: BoardInput) {
  return queryOptions({
    queryKey: dispatchKeys.board(input),
    queryFn: () => call('dispatch.board', input),
    placeholderData: keepPreviousData,
    // The board is the dispatcher's whole day: keep it fresh while they look at it.
    refetchInterval: 60_000
  })
}

export function trayQuery(input: TrayInput) {
  return queryOptions({
    queryKey: dispatchKeys.tray(input),
    queryFn: () => call('dispatch.tray', input),
    placeholderData: keepPreviousData
  })
}

/** Technicians ranked for one order in the shown range, each with a free slot if they have one. */
export function suggestQuery(orderId: number, from: string, days: number) {
  return queryOptions({
    queryKey: dispatchKeys.suggest(orderId, from, days),
    queryFn: () => call('dispatch.suggest', { orderId, from, days, teamId: null })
  })
}
