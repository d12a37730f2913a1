import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { SavedView } from '@shared/domain/orders'
import { call } from '../../lib/api'

/**
 * A report's filters are kept per user in the saved-views store (one view per report under this name), so
 * that the report opens on the period and grouping its reader last chose, on any workstation.
 */
const LAST_USED = 'last-used'

export const rememberedKey = (list: string) => ['savedViews', list, LAST_USED] as const

/** The saved filters of `list` (as `parse` reads them, else `defaults`), or undefined while they load. */
export function useSavedFilters<F>(list: string, parse: (saved: unknown) => F | null, defaults: F): F | undefined {
  const views = useQuery({ queryKey: rememberedKey(list), queryFn: () => call('savedViews.list', { list }) })
  if (views.isError) return defaults
  if (!views.data) return undefined
  const saved = views.data.find((v) => v.name === LAST_USED)
  return (saved && parse(saved.filters)) ?? defaults
}

/**
 * Filters held on screen and written back to the store (and the cache the next visit opens from) on every
 * change. The saves go one after another: two in flight could land in either order and keep the older filters.
 */
export function useRememberedFilters<F extends Record<string, unknown>>(list: string, initial: F): [F, (patch: Partial<F>) => void] {
  const client = useQueryClient()
  const [filters, setFilters] = useState<F>(initial)
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  const update = (patch: Partial<F>) => {
    const next = { ...filters, ...patch }
    setFilters(next)
    saving.current = saving.current
      .then(() => call('savedViews.save', { list, name: LAST_USED, filters: next }))
      .then((view) =>
        client.setQueryData<SavedView[]>(rememberedKey(list), (old) => [...(old ?? []).filter((v) => v.id !== view.id), view])
      )
      // Not remembered this time: the report on screen is still right, and the next change saves again.
      .catch(() => undefined)
  }
  return [filters, update]
}
