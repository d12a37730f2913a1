import { IconDots } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { memo, useMemo, useRef } from 'react'
import { type BusinessCalendar, workingIntervals } from '@shared/calendar'
import type { BoardCard, BoardTechnician } from '@shared/domain/dispatch'
import type { Formats } from '@shared/i18n/format'
import { BoardCardView, type CardHandlers } from './BoardCardView'
import classes from './dispatch.module.css'
import { placeCards, shadeRanges, type TimeScale, xOf } from './timeScale'
import { TravelStrips } from './TravelStrips'

export interface RowActions {
  /** One menu for the whole board, opened at the row's button (a menu per row would cost every row its popover). */
  openMenu: (workerId: number, anchor: HTMLElement) => void
}

interface Props {
  tech: BoardTechnician
  cards: readonly BoardCard[]
  scale: TimeScale
  /** Ids of this row's selected cards, joined: a string so that selecting elsewhere leaves this row alone. */
  selectedKey: string
  holidays: ReadonlySet<string>
  height: number
  nameWidth: number
  handlers: CardHandlers
  actions: RowActions
  /** The grid's translator and formats: stable between renders, like the handlers. */
  t: TFunction
  f: Formats
}

/**
 * One technician's row. Memoised with props that only change when this row's cards, selection or
 * the time axis change, so a drag or a save re-renders the affected rows and not the board.
 * `data-render-count` is the number of renders, read by the performance test.
 */
export const TechRow = memo(function TechRow({
  tech,
  cards,
  scale,
  selectedKey,
  holidays,
  height,
  nameWidth,
  handlers,
  actions,
  t,
  f
}: Props) {
  const renders = useRef(0)
  renders.current += 1
  const placed = useMemo(() => placeCards(scale, cards), [scale, cards])
  const working = useMemo(() => {
    const cal: BusinessCalendar = { timeZone: scale.timeZone, week: tech.workingHours, holidays }
    const segs = scale.segments
    return shadeRanges(scale, workingIntervals(cal, segs[0]!.start, segs[segs.length - 1]!.end))
  }, [scale, tech.workingHours, holidays])
  // Days the technician is not there at all, as the server's board read answers them; a drop there is still
  // allowed and shows its conflict.
  const off = useMemo(
    () =>
      tech.unavailable
        .map((u) => ({
          left: xOf(scale, u.start),
          width: xOf(scale, u.end) - xOf(scale, u.start),
          label:
            u.reason === 'dayOff'
              ? t('dispatch.row.dayOff')
              : u.name
                ? t('dispatch.row.holidayNamed', { name: u.name })
                : t('dispatch.row.holiday')
        }))
        .filter((o) => o.width > 0),
    [scale, tech.unavailable, t]
  )
  const selected = useMemo(() => new Set(selectedKey ? selectedKey.split(',').map(Number) : []), [selectedKey])
  const bookedHours = cards.reduce((sum, c) => sum + (c.end - c.start), 0) / 3_600_000
  const compact = scale.view === 'week'
  const pad = 3
  return (
    <div
      className={classes.techRow}
      style={{ height, width: nameWidth + scale.width }}
      data-tech-row={tech.id}
      data-render-count={renders.current}
    >
      <div className={classes.techName} style={{ width: nameWidth }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div className={classes.techNameMain} style={tech.active ? undefined : { color: 'var(--mantine-color-dimmed)' }}>
            {tech.name}
          </div>
          <div className={classes.techNameSub}>
            {tech.number} · {bookedHours ? t('dispatch.row.booked', { hours: f.number(bookedHours, 1) }) : t('dispatch.row.free')}
          </div>
        </div>
        <button
          type="button"
          className={classes.rowMenuButton}
          aria-label={t('dispatch.row.actions', { name: tech.name })}
          onClick={(e) => actions.openMenu(tech.id, e.currentTarget)}
        >
          <IconDots size={14} />
        </button>
      </div>
      <div className={classes.lane} style={{ width: scale.width }} data-lane>
        {working.map((w, i) => (
          <div key={i} className={classes.working} style={{ left: w.left, width: w.width }} />
        ))}
        {off.map((o, i) => (
          <div
            key={`off${i}`}
            className={classes.unavailable}
            style={{ left: o.left, width: o.width }}
            title={o.label}
            role="img"
            aria-label={o.label}
            data-unavailable
          >
            {o.width > 48 && <span className={classes.unavailableLabel}>{o.label}</span>}
          </div>
        ))}
        <TravelStrips cards={cards} scale={scale} height={height} t={t} f={f} />
        {placed.map((p) => {
          const laneHeight = (height - 2 * pad) / p.lanes
          return (
            <BoardCardView
              key={p.card.id}
              card={p.card}
              left={p.left}
              width={p.width}
              top={pad + p.lane * laneHeight}
              height={laneHeight - 1}
              compact={compact || p.lanes > 1}
              resizable={!compact}
              selected={selected.has(p.card.id)}
              t={t}
              f={f}
              handlers={handlers}
            />
          )
        })}
        {!tech.active && (
          <span style={{ position: 'absolute', right: 4, top: 2, color: 'var(--mantine-color-gray-6)' }}>{t('dispatch.row.inactive')}</span>
        )}
      </div>
    </div>
  )
})
