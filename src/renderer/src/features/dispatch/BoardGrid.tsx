import { Loader } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { forwardRef, useEffect, useEffectEvent, useImperativeHandle, useMemo, useRef } from 'react'
import type { Board, BoardCard, BoardTechnician } from '@shared/domain/dispatch'
import type { PlanGhost } from '@shared/domain/planDay'
import { type Formats, formatsFor } from '@shared/i18n/format'
import { useLanguage, useT } from '../../lib/i18n'
import type { CardHandlers } from './BoardCardView'
import classes from './dispatch.module.css'
import { ghostKey } from './planKeys'
import type { SuggestedSlot } from './SuggestPanel'
import { type RowActions, TechRow } from './TechRow'
import { type TimeScale, xOf } from './timeScale'

export const NAME_WIDTH = 180
const GROUP_HEIGHT = 24
const ROW_HEIGHT = { day: 44, week: 30 } as const
const EMPTY: readonly BoardCard[] = []

export type GridItem =
  | { type: 'group'; key: string; teamId: number | null; name: string; count: number }
  | { type: 'tech'; key: string; tech: BoardTechnician }

/** Rows in board order: technicians under their dispatch team (teams in the board's order, then those without one, named `noTeam`). */
export function gridItems(board: Board, collapsed: ReadonlySet<string>, noTeam: string): GridItem[] {
  const byTeam = new Map<number | null, BoardTechnician[]>()
  for (const t of board.technicians) {
    const list = byTeam.get(t.teamId) ?? []
    list.push(t)
    byTeam.set(t.teamId, list)
  }
  const groups: { teamId: number | null; name: string }[] = [
    ...board.teams.map((t) => ({ teamId: t.id, name: t.name })),
    { teamId: null, name: noTeam }
  ]
  const items: GridItem[] = []
  for (const g of groups) {
    const techs = byTeam.get(g.teamId)
    if (!techs?.length) continue
    const key = `team:${g.teamId ?? 'none'}`
    items.push({ type: 'group', key, teamId: g.teamId, name: g.name, count: techs.length })
    if (!collapsed.has(key)) for (const tech of techs) items.push({ type: 'tech', key: `tech:${tech.id}`, tech })
  }
  return items
}

/**
 * Cards per technician, keeping last time's array for a technician whose cards are all the same
 * objects (TanStack Query keeps unchanged cards referentially equal across refetches), so that
 * memoised rows see unchanged props.
 */
function useCardsByWorker(cards: readonly BoardCard[]): Map<number, readonly BoardCard[]> {
  const prev = useRef(new Map<number, readonly BoardCard[]>())
  return useMemo(() => {
    const next = new Map<number, BoardCard[]>()
    for (const c of cards) {
      const list = next.get(c.workerId)
      if (list) list.push(c)
      else next.set(c.workerId, [c])
    }
    const out = new Map<number, readonly BoardCard[]>()
    for (const [w, list] of next) {
      const old = prev.current.get(w)
      out.set(w, old && old.length === list.length && old.every((c, i) => c === list[i]) ? old : list)
    }
    prev.current = out
    return out
  }, [cards])
}

export interface BoardGridHandle {
  /** Brings a card (or a suggested slot) into view: its technician's row, its start a third in from the left. */
  scrollToCard: (card: { workerId: number; start: number }) => void
  element: () => HTMLDivElement | null
}

interface Props {
  board: Board
  scale: TimeScale
  items: GridItem[]
  selection: ReadonlySet<number>
  holidays: ReadonlySet<string>
  holidayNames: ReadonlyMap<string, string>
  handlers: CardHandlers
  actions: RowActions
  toggleGroup: (key: string) => void
  /** A suggestion's slot, outlined on its technician's row while the dispatcher hovers or picks it. */
  suggested: SuggestedSlot | null
  /** A Plan day proposal's visits, drawn as dashed ghost cards (the ticked ones solid-edged). */
  planGhosts?: readonly PlanGhost[]
  ticked?: ReadonlySet<string>
  /** The board is being fetched again (its data on screen stays until the answer). */
  fetching: boolean
}

export const BoardGrid = forwardRef<BoardGridHandle, Props>(function BoardGrid(
  { board, scale, items, selection, holidays, holidayNames, handlers, actions, toggleGroup, suggested, planGhosts, ticked, fetching },
  ref
) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const t = useT()
  // In the board's own zone (the axis is), not only the settings' one.
  const f = formatsFor(useLanguage(), scale.timeZone)
  const rowHeight = ROW_HEIGHT[scale.view]
  const byWorker = useCardsByWorker(board.cards)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]!.type === 'group' ? GROUP_HEIGHT : rowHeight),
    getItemKey: (i) => items[i]!.key,
    overscan: 6
  })

  // Selection per row as a string, so a row's props change only when its own selection does.
  const selectedKeys = useMemo(() => {
    const m = new Map<number, string>()
    if (selection.size === 0) return m
    for (const c of board.cards)
      if (selection.has(c.id)) m.set(c.workerId, m.has(c.workerId) ? `${m.get(c.workerId)},${c.id}` : String(c.id))
    return m
  }, [selection, board.cards])

  useImperativeHandle(
    ref,
    () => ({
      element: () => scrollRef.current,
      scrollToCard: (card) => {
        const i = items.findIndex((it) => it.type === 'tech' && it.tech.id === card.workerId)
        if (i >= 0) virtualizer.scrollToIndex(i, { align: 'center' })
        const el = scrollRef.current
        if (el) el.scrollLeft = Math.max(0, xOf(scale, card.start) - (el.clientWidth - NAME_WIDTH) / 3)
      }
    }),
    [items, virtualizer, scale]
  )

  // A new range opens where the work is: around "now" when it is shown, else at the start of the working day.
  const firstSegmentStart = scale.segments[0]!.start
  const scrollToWork = useEffectEvent(() => {
    const el = scrollRef.current
    if (!el) return
    const last = scale.segments[scale.segments.length - 1]!.end
    const focus = board.now >= firstSegmentStart && board.now <= last ? board.now : firstSegmentStart + 3_600_000
    el.scrollLeft = Math.max(0, xOf(scale, focus) - (el.clientWidth - NAME_WIDTH) / 3)
  })
  // Only when the range or the zoom changes, not on every refetch (which moves "now").
  useEffect(() => scrollToWork(), [firstSegmentStart, scale.view, scale.width])

  const total = virtualizer.getTotalSize()
  // Day view: every hour; week view: 08, 12 and 16 of each day, enough to aim a drop.
  const hourTicks = useMemo(() => {
    const ticks: { x: number; label: string }[] = []
    const step = scale.view === 'day' ? 1 : 4
    for (const seg of scale.segments)
      for (let h = scale.view === 'day' ? 0 : 2; h < scale.hours[1] - scale.hours[0]; h += step) {
        const at = seg.start + h * 3_600_000
        const label = f.time(at)
        ticks.push({ x: xOf(scale, at), label: scale.view === 'day' ? label : label.slice(0, 2) })
      }
    return ticks
  }, [scale, f])
  const ghost = suggested ? suggestedBox(scale, items, rowHeight, suggested) : null
  const now =
    board.now >= scale.segments[0]!.start && board.now <= scale.segments[scale.segments.length - 1]!.end ? xOf(scale, board.now) : null

  return (
    <div
      ref={scrollRef}
      className={classes.grid}
      data-testid="board-grid"
      data-board-from={board.from}
      data-board-to={board.to}
      data-cards={board.cards.length}
    >
      <div className={classes.header} style={{ width: NAME_WIDTH + scale.width }}>
        <div className={classes.corner} style={{ width: NAME_WIDTH }}>
          {t('dispatch.board.technicians', { count: board.technicians.length })} · {t('dispatch.board.jobs', { count: board.cards.length })}
          {/* Out of the flow: a refetch must not move the rows under a drag in progress. */}
          {fetching && <Loader size={12} className={classes.cornerBusy} data-testid="board-fetching" />}
        </div>
        <div className={classes.axis} style={{ width: scale.width }}>
          {scale.segments.map((s) => {
            const holiday = holidayNames.get(s.date)
            return (
              <div key={s.date} className={classes.dayLabel} style={{ left: s.x, width: s.width }} title={holiday}>
                {dayTitle(f, s.date, scale.view)}
                {holiday && <span className={classes.holidayLabel}> · {holiday}</span>}
              </div>
            )
          })}
          {hourTicks.map((tick) => (
            <div key={tick.x} className={classes.hourLabel} style={{ left: tick.x }} data-tick={tick.label}>
              {tick.label}
            </div>
          ))}
        </div>
      </div>
      <div className={classes.rows} style={{ height: total, width: NAME_WIDTH + scale.width }}>
        <div className={classes.overlay} style={{ left: NAME_WIDTH, width: scale.width, height: total }}>
          {hourTicks.map((tick) => (
            <div key={tick.x} className={classes.hourLine} style={{ left: tick.x, opacity: scale.view === 'week' ? 0.6 : 1 }} />
          ))}
          {scale.segments.map((s) => (
            <div key={s.date}>
              {s.x > 0 && <div className={classes.dayLine} style={{ left: s.x }} />}
              {holidays.has(s.date) && <div className={classes.holiday} style={{ left: s.x, width: s.width }} />}
            </div>
          ))}
          {now !== null && <div className={classes.nowLine} style={{ left: now }} data-testid="now-line" />}
        </div>
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index]!
          if (item.type === 'group')
            return (
              <div
                key={v.key}
                className={classes.groupRow}
                style={{ top: v.start, height: GROUP_HEIGHT, width: NAME_WIDTH + scale.width }}
                onClick={() => toggleGroup(item.key)}
                data-testid="team-group"
              >
                <span className={classes.groupLabel}>
                  {items[v.index + 1]?.type === 'tech' ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                  {item.name} <span style={{ fontWeight: 400, color: 'var(--mantine-color-dimmed)' }}>({item.count})</span>
                </span>
              </div>
            )
          return (
            <div key={v.key} style={{ position: 'absolute', top: v.start, left: 0 }}>
              <TechRow
                tech={item.tech}
                cards={byWorker.get(item.tech.id) ?? EMPTY}
                scale={scale}
                selectedKey={selectedKeys.get(item.tech.id) ?? ''}
                holidays={holidays}
                height={rowHeight}
                nameWidth={NAME_WIDTH}
                handlers={handlers}
                actions={actions}
                t={t}
                f={f}
              />
            </div>
          )
        })}
        {planGhosts?.map((g) => {
          const box = suggestedBox(scale, items, rowHeight, g)
          if (!box) return null
          const key = ghostKey(g)
          return (
            <div
              key={key}
              className={`${classes.planGhost} ${ticked?.has(key) ? '' : classes.planGhostOff}`}
              style={{ left: NAME_WIDTH + box.left, width: box.width, top: box.top + 3, height: rowHeight - 6 }}
              title={t('planDay.ghost', { order: g.orderNumber, time: `${f.time(g.start)}–${f.time(g.end)}` })}
              data-testid="plan-ghost"
              data-worker={g.workerId}
              data-order={g.orderNumber}
            >
              {g.orderNumber}
              {scale.view === 'day' && <span className={classes.planGhostSub}> {g.customerName}</span>}
            </div>
          )
        })}
        {ghost && suggested && (
          <div
            className={classes.suggestGhost}
            style={{ left: NAME_WIDTH + ghost.left, width: ghost.width, top: ghost.top + 2, height: rowHeight - 4 }}
            data-testid="suggest-ghost"
            data-worker={suggested.workerId}
          >
            <span className={classes.ghostLabel}>
              {suggested.name} · {f.time(suggested.start)}–{f.time(suggested.end)}
            </span>
          </div>
        )}
      </div>
    </div>
  )
})

/**
 * Where a suggested slot is drawn: x from the time axis, y from the rows above its technician (groups and
 * rows have fixed heights). Null when the slot lies outside the shown days or its team is collapsed.
 */
function suggestedBox(
  scale: TimeScale,
  items: readonly GridItem[],
  rowHeight: number,
  slot: Pick<SuggestedSlot, 'workerId' | 'start' | 'end'>
): { left: number; width: number; top: number } | null {
  const first = scale.segments[0]!.start
  const last = scale.segments[scale.segments.length - 1]!.end
  if (slot.end <= first || slot.start >= last) return null
  let top = 0
  for (const it of items) {
    if (it.type === 'tech' && it.tech.id === slot.workerId) {
      const left = xOf(scale, slot.start)
      return { left, width: Math.max(4, xOf(scale, slot.end) - left), top }
    }
    top += it.type === 'group' ? GROUP_HEIGHT : rowHeight
  }
  return null
}

/** The day view's "kolmapäev, 2. detsember"; a week's seven columns are narrow: "K 02.12." / "Wed 02.12.". */
function dayTitle(f: Formats, date: string, view: 'day' | 'week'): string {
  return view === 'day' ? f.dayTitle(date) : `${f.weekday(date, 'short')} ${date.slice(8, 10)}.${date.slice(5, 7)}.`
}
