import { useElementSize } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { type RefCallback, useCallback, useMemo, useState } from 'react'
import { today } from '../../lib/today'
import { useT } from '../../lib/i18n'
import { useTimeZone } from '../../lib/settings'
import { gridItems, NAME_WIDTH } from './BoardGrid'
import { boardQuery } from './queries'
import { addDays, buildScale, fitPxPerHour, weekStart } from './timeScale'

export const SIDE_WIDTH = 360
const MAP_SHARE = 0.42
const MAP_MIN_WIDTH = 320

export type BoardView = 'day' | 'week'

/**
 * What the board shows: the range (day or week from a date), the teams filter and collapsed team groups,
 * the board read for them, and the time axis fitted to the width of the element `bodyRef` is put on.
 */
export function useBoardView() {
  const shopZone = useTimeZone()
  const t = useT()
  const [view, setView] = useState<BoardView>('day')
  const [date, setDate] = useState(today())
  const [teamIds, setTeamIds] = useState<string[]>([])
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [mapOpen, setMapOpen] = useState(false)

  const from = view === 'day' ? date : weekStart(date)
  const days = view === 'day' ? 1 : 7
  const input = useMemo(() => ({ from, days, teamIds: teamIds.map(Number), workerId: null }), [from, days, teamIds])
  const query = useQuery(boardQuery(input))
  // While another range loads, keep the rows but not the old range's cards: they would sit on the wrong axis.
  const placeholder = query.isPlaceholderData
  const board = useMemo(() => (query.data && placeholder ? { ...query.data, cards: [] } : query.data), [query.data, placeholder])
  const timeZone = board?.timeZone ?? shopZone
  const body = useElementSize<HTMLDivElement>()
  const bodyRef: RefCallback<HTMLDivElement | null> = body.ref
  // The map, when open, takes a share of the width the board and the map have between them.
  const mapWidth = mapOpen ? Math.max(MAP_MIN_WIDTH, Math.round((body.width - SIDE_WIDTH) * MAP_SHARE)) : 0
  // The time axis fills the space beside the names, the map and the side panel (16 px for the scroll bar).
  const pxPerHour = fitPxPerHour(view, body.width - SIDE_WIDTH - 8 - (mapOpen ? mapWidth + 8 : 0) - NAME_WIDTH - 16)
  const scale = useMemo(() => buildScale(view, from, timeZone, pxPerHour), [view, from, timeZone, pxPerHour])
  const holidays = useMemo(() => new Set(board?.holidays.map((h) => h.date)), [board?.holidays])
  const holidayNames = useMemo(() => new Map(board?.holidays.map((h) => [h.date, h.name])), [board?.holidays])
  const names = useMemo(() => new Map(board?.technicians.map((t) => [t.id, t.name])), [board?.technicians])
  const noTeam = t('dispatch.board.noTeam')
  const items = useMemo(() => (board ? gridItems(board, collapsed, noTeam) : []), [board, collapsed, noTeam])
  const conflictCount = useMemo(() => board?.cards.filter((c) => c.conflicts.length > 0).length ?? 0, [board?.cards])

  const toggleGroup = useCallback(
    (key: string) =>
      setCollapsed((c) => {
        const next = new Set(c)
        if (next.has(key)) next.delete(key)
        else next.add(key)
        return next
      }),
    []
  )
  /** A step of one shown range (a day or a week) back or forward. */
  const shift = (n: number) => setDate(addDays(date, n * days))

  return {
    view,
    setView,
    date,
    setDate,
    shift,
    teamIds,
    setTeamIds,
    toggleGroup,
    mapOpen,
    setMapOpen,
    mapWidth,
    from,
    days,
    query,
    board,
    timeZone,
    bodyRef,
    scale,
    holidays,
    holidayNames,
    names,
    items,
    conflictCount
  }
}
