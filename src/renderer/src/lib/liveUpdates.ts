import { type Query, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { queryShows } from '@shared/api/changes'

const isRecord = (q: Query) => q.queryKey[0] === 'record'

/**
 * Refetches what another client changed, while this user is signed in (docs/adr/0032-live-updates.md): the
 * board, the tray and every list on screen that shows the changed domain. An open record is only marked stale,
 * never refilled under the user's hands: a form with edits keeps them, and its save meets the version check.
 */
export function useLiveUpdates(userId: number | null): void {
  const qc = useQueryClient()
  useEffect(() => {
    const listen = window.api.onChange
    if (!listen || userId === null) return
    return listen((change) => {
      const shown = (q: Query) => queryShows(q.queryKey, change.domain)
      void qc.invalidateQueries({ predicate: (q) => !isRecord(q) && shown(q) })
      void qc.invalidateQueries({ predicate: (q) => isRecord(q) && shown(q), refetchType: 'none' })
    })
  }, [qc, userId])
}
