import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Input } from '@shared/api/contract'
import type { AGREEMENT_STATUSES } from '@shared/api/domains/agreements'
import type { GenerationSummary } from '@shared/domain/agreements'
import { LINE_TYPES, type LineType } from '@shared/domain/orders'
import { addMonths } from '@shared/recurrence'
import { call, isApiError } from '../../lib/api'
import { today } from '../../lib/today'
import { showApiError } from '../../lib/forms'
import { i18n } from '../../lib/i18n'
import { agreementKeys } from './queries'

/** The agreement list's current filter, as the generator's "the list's filter" scope. */
export interface ListFilter {
  customerId: number | null
  groupId: number | null
  status: (typeof AGREEMENT_STATUSES)[number] | null
  q: string
  /** Says what the filter is, e.g. "customer Pärnu Hotell AS, status active". */
  label: string
}

export type Scope = 'agreement' | 'filter' | 'all'

export interface GeneratorTarget {
  /** Set when opened from an agreement: the default scope is that agreement. */
  agreement?: { id: number; number: string }
  /** Set when opened from the list with filters. */
  filter?: ListFilter | null
}

type GenerationInput = Input<'agreements.generate'>
type FieldErrors = Partial<Record<'from' | 'to' | 'types' | 'scope', string>>

/** Every agreement id matching the list's filter (the generator takes ids; the list pages them). */
async function idsOf(f: ListFilter): Promise<number[]> {
  const ids: number[] = []
  for (let page = 1; ; page++) {
    const r = await call('agreements.list', { customerId: f.customerId, groupId: f.groupId, status: f.status, q: f.q, page, pageSize: 500 })
    ids.push(...r.rows.map((a) => a.id))
    if (ids.length >= r.total || r.rows.length === 0) return ids
  }
}

/**
 * The generator dialog's state: the period, line types and scope (any change drops the preview's
 * counts), Preview and Create, and the background run polled until it ends.
 */
export function useGenerator({ agreement, filter }: GeneratorTarget) {
  const qc = useQueryClient()
  const hasFilter = !!filter && (filter.customerId !== null || filter.groupId !== null || filter.status !== null || filter.q !== '')
  const [scope, setScope] = useState<Scope>(agreement ? 'agreement' : hasFilter ? 'filter' : 'all')
  const [from, setFrom] = useState<string | null>(today())
  const [to, setTo] = useState<string | null>(addMonths(today(), 1))
  const [types, setTypes] = useState<LineType[]>([...LINE_TYPES])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [counts, setCounts] = useState<GenerationSummary | null>(null)
  const [runId, setRunId] = useState<number | null>(null)

  const resetCounts = () => {
    setCounts(null)
    setErrors({})
  }

  /** The generator's input for the chosen scope, or null (with errors shown) when it cannot be sent. */
  const inputOf = async (): Promise<GenerationInput | null> => {
    const e: FieldErrors = {}
    if (from === null) e.from = i18n.t('agreements.generator.required')
    if (to === null) e.to = i18n.t('agreements.generator.required')
    if (from && to && to < from) e.to = i18n.t('agreements.preview.endBeforeStart')
    if (types.length === 0) e.types = i18n.t('agreements.generator.atLeastOneType')
    let base: Pick<GenerationInput, 'agreementIds' | 'customerId' | 'groupId'> = { agreementIds: [], customerId: null, groupId: null }
    if (scope === 'agreement' && agreement) base = { agreementIds: [agreement.id], customerId: null, groupId: null }
    if (scope === 'filter' && filter) {
      base = { agreementIds: [], customerId: filter.customerId, groupId: filter.groupId }
      // The text and status filters are the list's own: send the ids they select (never an empty list, which means all).
      if (filter.q !== '' || filter.status !== null) {
        const ids = await idsOf(filter)
        if (ids.length === 0) e.scope = i18n.t('agreements.generator.noMatch')
        base.agreementIds = ids
      }
    }
    setErrors(e)
    if (Object.keys(e).length > 0) return null
    return { ...base, from: from!, to: to!, types }
  }

  const fieldErrors = (e: unknown): boolean => {
    if (!isApiError(e, 'VALIDATION') || e.issues.length === 0) return false
    const next: FieldErrors = {}
    for (const i of e.issues) {
      const f = i.path[0]
      if (f === 'from' || f === 'to' || f === 'types') next[f] = i.message
      else next.scope = i.message
    }
    setErrors(next)
    return true
  }

  const preview = useMutation({
    mutationFn: async () => {
      const input = await inputOf()
      if (!input) return null
      return call('agreements.preview', { ...input, maxVisits: 0 })
    },
    onSuccess: (r) => r && setCounts(r),
    onError: (e) => fieldErrors(e) || showApiError(e)
  })

  const start = useMutation({
    mutationFn: async () => {
      const input = await inputOf()
      if (!input) return null
      return call('agreements.generate', input)
    },
    onSuccess: (run) => {
      if (!run) return
      qc.setQueryData(agreementKeys.run(run.id), run)
      setRunId(run.id)
    },
    onError: (e) => fieldErrors(e) || showApiError(e)
  })

  const run = useQuery({
    queryKey: agreementKeys.run(runId ?? 0),
    queryFn: async () => {
      const r = await call('agreements.run', { id: runId! })
      if (r.status !== 'running') {
        // New orders and "made" counts: refresh what shows them.
        void qc.invalidateQueries({ queryKey: ['list'] })
        void qc.invalidateQueries({ queryKey: ['record', 'agreements'] })
        void qc.invalidateQueries({ queryKey: agreementKeys.previews })
      }
      return r
    },
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 300 : false)
  })

  const cancel = useMutation({
    mutationFn: () => call('agreements.cancelRun', { id: runId! }),
    onError: (e) => showApiError(e)
  })

  /** A setter for one field that also drops the counts, which no longer describe the choice. */
  const resetting =
    <T>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      resetCounts()
    }

  return {
    hasFilter,
    scope,
    setScope: resetting(setScope),
    from,
    setFrom: resetting(setFrom),
    to,
    setTo: resetting(setTo),
    types,
    setTypes: resetting(setTypes),
    errors,
    counts,
    preview,
    start,
    run: run.data ?? null,
    cancel
  }
}

export type Generator = ReturnType<typeof useGenerator>
