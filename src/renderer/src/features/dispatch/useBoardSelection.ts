import { useCallback, useMemo, useState } from 'react'
import type { TrayRow } from '@shared/domain/dispatch'
import type { CardHandlers } from './BoardCardView'

/**
 * What the dispatcher has picked: cards on the board (click / shift-click), or one tray order — never both —
 * and the card whose details are open. `handlers` is stable, so the memoised rows never re-render for it.
 */
export function useBoardSelection() {
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set())
  const [trayPick, setTrayPick] = useState<TrayRow | null>(null)
  const [detailId, setDetailId] = useState<number | null>(null)

  const handlers = useMemo<CardHandlers>(
    () => ({
      select: (id: number, extend: boolean) => {
        setTrayPick(null)
        setSelection((s) => {
          if (!extend) return s.size === 1 && s.has(id) ? s : new Set([id])
          const next = new Set(s)
          if (next.has(id)) next.delete(id)
          else next.add(id)
          return next
        })
      },
      open: (id: number) => setDetailId(id)
    }),
    []
  )

  const pickTray = useCallback((row: TrayRow | null) => {
    setSelection(new Set())
    setTrayPick(row)
  }, [])

  const selectOnly = useCallback((id: number) => setSelection(new Set([id])), [])

  const clearSelection = useCallback(() => setSelection(new Set()), [])

  const clear = useCallback(() => {
    setSelection(new Set())
    setTrayPick(null)
  }, [])

  return { selection, trayPick, setTrayPick, detailId, setDetailId, handlers, pickTray, selectOnly, clearSelection, clear }
}
