import { Badge, Group, Loader, Text } from '@mantine/core'
import { AutoScrollActivator, DndContext } from '@dnd-kit/core'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { BoardCard, TrayRow } from '@shared/domain/dispatch'
import type { PlanProposal } from '@shared/domain/planDay'
import { dateOf } from '@shared/time'
import { useT } from '../../lib/i18n'
import { BoardGrid, type BoardGridHandle } from './BoardGrid'
import { BoardSide, type Side } from './BoardSide'
import { BoardToolbar } from './BoardToolbar'
import { BoardReadOnly } from './readOnly'
import { CardDrawer } from './CardDrawer'
import { DayMap } from './DayMap'
import { MapBoundary } from '../../components/map/BaseMap'
import classes from './dispatch.module.css'
import { DragChip } from './DragChip'
import { DropGhost } from './DropGhost'
import { PlanDayDialog, type PlanScope } from './PlanDayDialog'
import { ghostKey } from './planKeys'
import { PlanProposalPanel } from './PlanProposalPanel'
import { RowMenu, useRowMenu } from './RowMenu'
import type { TrayInput } from './queries'
import type { SuggestedSlot } from './SuggestPanel'
import { DEFAULT_TRAY_INPUT } from './Tray'
import { useBoardDrag } from './useBoardDrag'
import { useBoardKeyboard } from './useBoardKeyboard'
import { useBoardOps } from './useBoardOps'
import { useBoardSelection } from './useBoardSelection'
import { useBoardView } from './useBoardView'

// Scroll the board only when the pointer itself nears its edge, so a drop aimed inside keeps its time.
const AUTO_SCROLL = { activator: AutoScrollActivator.Pointer, threshold: { x: 0.06, y: 0.08 } }

/**
 * The dispatcher's screen: technicians × time, the tray of work to plan, conflicts and suggestions.
 * The rows (TechRow) are memoised: everything handed down to them is stable or changes only with their
 * own cards, selection or axis, so that a drag or a save re-renders no row that it does not change.
 * `readOnly` (no `dispatch.plan`): the same board to look at, with nothing that plans — the server refuses it anyway.
 */
export function DispatchBoard({ readOnly = false }: { readOnly?: boolean }) {
  const t = useT()
  const v = useBoardView()
  const { board, scale } = v
  const sel = useBoardSelection()
  const { selection, trayPick, setTrayPick, setDetailId } = sel
  const [side, setSide] = useState<Side>('tray')
  const gridRef = useRef<BoardGridHandle>(null)
  const rowMenu = useRowMenu()
  // The tray's filters, as the tray last told them: the map's pins are the tray's rows.
  const [trayInput, setTrayInput] = useState<TrayInput>(DEFAULT_TRAY_INPUT)

  // The latest render, for the stable callbacks of the hooks below (event handlers run after a commit).
  const latest = useRef({ board, selection, items: v.items, scale, trayPick, from: v.from, days: v.days })
  useLayoutEffect(() => {
    latest.current = { board, selection, items: v.items, scale, trayPick, from: v.from, days: v.days }
  })

  const ops = useBoardOps(latest)
  const { perform, nudge } = ops
  const clearTrayPick = useCallback(() => setTrayPick(null), [setTrayPick])
  useBoardKeyboard({
    latest,
    grid: gridRef,
    perform,
    nudge,
    step: ops.step,
    assignTop: ops.assignTop,
    clear: sel.clear,
    clearSelection: sel.clearSelection,
    clearTrayPick,
    open: setDetailId,
    readOnly
  })
  const drag = useBoardDrag({ latest, grid: gridRef, perform, onTrayDrop: clearTrayPick })

  const detail = board?.cards.find((c) => c.id === sel.detailId) ?? null
  const pastLimit = board ? board.now - board.pastLimitHours * 3_600_000 : 0
  const dispatchable = board?.cards.filter((c) => selection.has(c.id) && c.status === 'planned' && c.id > 0).map((c) => c.id) ?? []
  const assign = (row: TrayRow, workerId: number, start: number, end: number) => {
    setTrayPick(null)
    perform({ kind: 'assign', orderId: row.orderId, workerId, start, end })
  }
  // The suggestion hovered or picked, for the tray order it was suggested for (another pick drops it).
  const [hovered, setHovered] = useState<{ orderId: number; slot: SuggestedSlot | null } | null>(null)
  const [picked, setPicked] = useState<{ orderId: number; slot: SuggestedSlot } | null>(null)
  const forPick = <S extends { orderId: number }>(x: S | null): S | null => (x && x.orderId === trayPick?.orderId ? x : null)
  const pickedSlot = forPick(picked)?.slot ?? null
  const suggested = forPick(hovered)?.slot ?? pickedSlot
  const pickSuggestion = (slot: SuggestedSlot) => {
    if (!trayPick) return
    setPicked({ orderId: trayPick.orderId, slot })
    // A slot on another day (under an SLA or in the requested window): the board goes there.
    if (board && (slot.end <= board.from || slot.start >= board.to)) v.setDate(dateOf(slot.start, v.timeZone))
  }
  // Once the picked slot is on the shown days (at once, or after the move above), its row and time come into view.
  const boardFrom = board?.from
  const boardTo = board?.to
  useEffect(() => {
    if (pickedSlot && boardFrom !== undefined && boardTo !== undefined && pickedSlot.end > boardFrom && pickedSlot.start < boardTo)
      gridRef.current?.scrollToCard(pickedSlot)
  }, [pickedSlot, boardFrom, boardTo])

  // Plan day: the dialog, then the proposal on the board (ghost cards) and beside it, ticked visits applied in one step.
  const [planOpen, setPlanOpen] = useState(false)
  const [proposal, setProposal] = useState<PlanProposal | null>(null)
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set())
  const [applying, setApplying] = useState(false)
  const trayFilters = useRef<PlanScope | null>(null)
  const showProposal = useCallback((p: PlanProposal) => {
    setPlanOpen(false)
    setProposal(p)
    setTicked(new Set(p.ghosts.map(ghostKey)))
  }, [])
  const tick = (keys: string[], on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev)
      for (const k of keys)
        if (on) next.add(k)
        else next.delete(k)
      return next
    })
  // The map draws what Apply would save: the ticked visits.
  const tickedGhosts = useMemo(() => proposal?.ghosts.filter((g) => ticked.has(ghostKey(g))), [proposal, ticked])
  const applyPlan = () => {
    if (!proposal) return
    setApplying(true)
    void ops.applyPlan(proposal.ghosts.filter((g) => ticked.has(ghostKey(g)))).then((saved) => {
      setApplying(false)
      // Refused (changed meanwhile): the proposal stays, so the dispatcher can plan again.
      if (saved) setProposal(null)
    })
  }

  // "Plan" on a map pin: the same suggestions as picking the order in the tray.
  const planFromMap = (row: TrayRow) => {
    setSide('tray')
    sel.pickTray(row)
  }

  const pickConflict = (card: BoardCard) => {
    sel.selectOnly(card.id)
    gridRef.current?.scrollToCard(card)
  }

  return (
    <div className={classes.page}>
      <BoardToolbar
        view={v.view}
        onView={v.setView}
        date={v.date}
        onDate={v.setDate}
        onShift={v.shift}
        from={v.from}
        days={v.days}
        teams={board?.teams ?? []}
        teamIds={v.teamIds}
        onTeams={v.setTeamIds}
        canUndo={ops.canUndo}
        canRedo={ops.canRedo}
        onStep={ops.step}
        dispatchable={dispatchable}
        onDispatch={(ids) => void ops.dispatchIds(ids)}
        readOnly={readOnly}
        mapOpen={v.mapOpen}
        onMap={v.setMapOpen}
        onPlanDay={() => setPlanOpen(true)}
      />
      {v.query.isError && (
        <Text c="red" size="sm">
          {v.query.error.message}
        </Text>
      )}
      <BoardReadOnly.Provider value={readOnly}>
        <DndContext sensors={drag.sensors} onDragStart={drag.onDragStart} onDragEnd={drag.onDragEnd} autoScroll={AUTO_SCROLL}>
          <div className={classes.body} ref={v.bodyRef}>
            {board ? (
              <BoardGrid
                ref={gridRef}
                board={board}
                scale={scale}
                items={v.items}
                selection={selection}
                holidays={v.holidays}
                holidayNames={v.holidayNames}
                handlers={sel.handlers}
                actions={rowMenu.actions}
                toggleGroup={v.toggleGroup}
                suggested={readOnly ? null : suggested}
                planGhosts={proposal?.ghosts}
                ticked={ticked}
                fetching={v.query.isFetching}
              />
            ) : (
              <div className={classes.grid} style={{ display: 'grid', placeItems: 'center' }}>
                {v.query.isPending && <Loader size="sm" />}
              </div>
            )}
            {v.mapOpen && (
              <div className={classes.mapSlot} style={{ flexBasis: v.mapWidth }}>
                <MapBoundary>
                  <DayMap
                    board={board}
                    date={v.date}
                    timeZone={v.timeZone}
                    trayInput={trayInput}
                    pickedOrderId={trayPick?.orderId ?? null}
                    onPlan={planFromMap}
                    readOnly={readOnly}
                    planGhosts={tickedGhosts}
                  />
                </MapBoundary>
              </div>
            )}
            {proposal ? (
              <PlanProposalPanel
                board={board}
                proposal={proposal}
                ticked={ticked}
                onTick={tick}
                onApply={applyPlan}
                onDiscard={() => setProposal(null)}
                applying={applying}
              />
            ) : (
              <BoardSide
                side={side}
                onSide={setSide}
                board={board}
                conflictCount={v.conflictCount}
                trayPick={trayPick}
                onPickTray={sel.pickTray}
                onTrayInput={setTrayInput}
                from={v.from}
                days={v.days}
                timeZone={v.timeZone}
                onAssign={assign}
                pickedSuggestion={pickedSlot?.workerId ?? null}
                onHoverSuggestion={(slot) => setHovered(trayPick && { orderId: trayPick.orderId, slot })}
                onPickSuggestion={pickSuggestion}
                selection={selection}
                onPickConflict={pickConflict}
                readOnly={readOnly}
                trayFilters={trayFilters}
              />
            )}
          </div>
          {board && (
            <DropGhost
              proposeAt={drag.proposeAt}
              grid={drag.gridEl}
              scale={scale}
              cards={board.cards}
              names={v.names}
              pastLimit={pastLimit}
            />
          )}
          <DragChip />
        </DndContext>
      </BoardReadOnly.Provider>
      <Group gap="md">
        {!readOnly && (
          <Text size="10px" c="dimmed">
            {t('dispatch.board.help')}
          </Text>
        )}
        {v.conflictCount > 0 && (
          <Badge size="xs" color="red" variant="light" style={{ cursor: 'pointer' }} onClick={() => setSide('conflicts')}>
            {t('dispatch.board.withConflicts', { count: v.conflictCount })}
          </Badge>
        )}
      </Group>
      <RowMenu
        anchor={rowMenu.anchor}
        onClose={rowMenu.close}
        view={v.view}
        scale={scale}
        cards={board?.cards ?? []}
        names={v.names}
        onDispatch={(ids) => void ops.dispatchIds(ids)}
        readOnly={readOnly}
      />
      {!readOnly && (
        <PlanDayDialog
          opened={planOpen}
          onClose={() => setPlanOpen(false)}
          board={board}
          from={v.from}
          days={v.days}
          teamIds={v.teamIds}
          scope={() => trayFilters.current ?? { priority: null, skillId: null, from: null, to: null, q: '' }}
          onProposal={showProposal}
        />
      )}
      <CardDrawer
        card={detail}
        technician={detail ? (v.names.get(detail.workerId) ?? '') : ''}
        timeZone={v.timeZone}
        onClose={() => setDetailId(null)}
        onDispatch={(c) => void ops.dispatchIds([c.id])}
        onUnassign={(c) => {
          setDetailId(null)
          perform({ kind: 'unassign', id: c.id })
        }}
        readOnly={readOnly}
      />
    </div>
  )
}
