import { ActionIcon, Badge, Button, Group, Loader, Menu, MultiSelect, SegmentedControl, Text, Title, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { AutoScrollActivator, DndContext, type DragEndEvent, DragOverlay, type DragStartEvent, PointerSensor, useSensor, useSensors } from '@dnd-kit/core'
import { IconArrowBackUp, IconArrowForwardUp, IconChevronLeft, IconChevronRight, IconFileTypeCsv, IconFileTypePdf, IconSend } from '@tabler/icons-react'
import { useElementSize } from '@mantine/hooks'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import type { BoardCard, TrayRow } from '@shared/domain/dispatch'
import { formatInstant } from '@shared/time'
import { DateField } from '../../components/DateField'
import { call, exportCsv } from '../../lib/api'
import { today } from '../../lib/format'
import { downloadPdf } from '../../lib/pdf'
import { useTimeZone } from '../orders/queries'
import { BoardGrid, type BoardGridHandle, gridItems, NAME_WIDTH } from './BoardGrid'
import { CardDrawer } from './CardDrawer'
import { PRIORITY_BORDER } from './colors'
import { ConflictsPanel } from './ConflictsPanel'
import classes from './dispatch.module.css'
import { DropGhost } from './DropGhost'
import { type DragData, type DragStartInfo, dragStartInfo, propose } from './dropMath'
import { boardQuery, describeOp, dispatchKeys, reportConflicts, reportFailure, runOp } from './queries'
import { SuggestPanel, suggestQuery } from './SuggestPanel'
import { addDays, buildScale, fitPxPerHour, SNAP_MS, weekStart } from './timeScale'
import { Tray } from './Tray'
import { type BoardOp, UndoStack } from './undo'

const SIDE_WIDTH = 360
// Scroll the board only when the pointer itself nears its edge, so a drop aimed inside keeps its time.
const AUTO_SCROLL = { activator: AutoScrollActivator.Pointer, threshold: { x: 0.06, y: 0.08 } }

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('[role="dialog"]'))
}

/** The dispatcher's screen: technicians × time, the tray of work to plan, conflicts and suggestions. */
export function DispatchBoard() {
  const qc = useQueryClient()
  const shopZone = useTimeZone()
  const [view, setView] = useState<'day' | 'week'>('day')
  const [date, setDate] = useState(today())
  const [teamIds, setTeamIds] = useState<string[]>([])
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set())
  const [trayPick, setTrayPick] = useState<TrayRow | null>(null)
  const [detailId, setDetailId] = useState<number | null>(null)
  const [side, setSide] = useState<'tray' | 'conflicts'>('tray')
  const [dragging, setDragging] = useState<DragData | null>(null)
  const [, refreshUndo] = useReducer((n: number) => n + 1, 0)
  const undoStack = useRef(new UndoStack())
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const gridRef = useRef<BoardGridHandle>(null)
  const dragInfo = useRef<DragStartInfo>({ grabOffset: 0 })

  const from = view === 'day' ? date : weekStart(date)
  const days = view === 'day' ? 1 : 7
  const input = useMemo(() => ({ from, days, teamIds: teamIds.map(Number), workerId: null }), [from, days, teamIds])
  const boardQ = useQuery(boardQuery(input))
  // While another range loads, keep the rows but not the old range's cards: they would sit on the wrong axis.
  const placeholder = boardQ.isPlaceholderData
  const board = useMemo(() => (boardQ.data && placeholder ? { ...boardQ.data, cards: [] } : boardQ.data), [boardQ.data, placeholder])
  const timeZone = board?.timeZone ?? shopZone
  const body = useElementSize()
  // The time axis fills the space beside the names and the side panel (16 px for the scroll bar).
  const pxPerHour = fitPxPerHour(view, body.width - SIDE_WIDTH - 8 - NAME_WIDTH - 16)
  const scale = useMemo(() => buildScale(view, from, timeZone, pxPerHour), [view, from, timeZone, pxPerHour])
  const holidays = useMemo(() => new Set(board?.holidays.map((h) => h.date)), [board?.holidays])
  const holidayNames = useMemo(() => new Map(board?.holidays.map((h) => [h.date, h.name])), [board?.holidays])
  const names = useMemo(() => new Map(board?.technicians.map((t) => [t.id, t.name])), [board?.technicians])
  const items = useMemo(() => (board ? gridItems(board, collapsed) : []), [board, collapsed])
  const conflictCount = useMemo(() => board?.cards.filter((c) => c.conflicts.length > 0).length ?? 0, [board?.cards])

  // Latest values for the stable callbacks below (rows are memoised on them).
  const latest = useRef({ board, selection, items, scale, trayPick, from, days })
  latest.current = { board, selection, items, scale, trayPick, from, days }

  /** Board changes run one at a time, so each reads the version its predecessor saved. */
  const enqueue = useCallback((task: () => Promise<void>) => {
    queue.current = queue.current.then(task, task)
  }, [])

  const perform = useCallback(
    (op: BoardOp) =>
      enqueue(async () => {
        try {
          const done = await runOp(qc, op)
          undoStack.current.record(done)
          if (done.card) {
            reportConflicts(done.card)
            const b = latest.current.board
            // A suggestion may lie outside the shown range: say where the work went.
            if (b && (done.card.end <= b.from || done.card.start >= b.to))
              notifications.show({
                color: 'blue',
                message: `${done.card.orderNumber} planned for ${b.technicians.find((t) => t.id === done.card!.workerId)?.name ?? 'the technician'} on ${formatInstant(done.card.start, b.timeZone)}, outside the shown range`
              })
          }
        } catch (e) {
          reportFailure(qc, e, describeOp(op))
        }
        refreshUndo()
      }),
    [enqueue, qc]
  )

  const step = useCallback(
    (direction: 'undo' | 'redo') =>
      enqueue(async () => {
        const run = async (op: BoardOp) => {
          const done = await runOp(qc, op)
          if (done.card) reportConflicts(done.card)
          return done
        }
        try {
          await (direction === 'undo' ? undoStack.current.undo(run) : undoStack.current.redo(run))
        } catch (e) {
          reportFailure(qc, e, direction === 'undo' ? 'Undo' : 'Redo')
        }
        refreshUndo()
      }),
    [enqueue, qc]
  )

  const handlers = useMemo(
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

  const dispatchIds = useCallback(
    async (ids: number[]) => {
      if (ids.length === 0) return
      try {
        const r = await call('dispatch.dispatch', { ids })
        notifications.show({ color: 'teal', message: `${r.dispatched} ${r.dispatched === 1 ? 'job' : 'jobs'} dispatched`, autoClose: 2500 })
      } catch (e) {
        reportFailure(qc, e, 'Dispatch')
      }
      void qc.invalidateQueries({ queryKey: dispatchKeys.all })
    },
    [qc]
  )

  const [rowMenu, setRowMenu] = useState<{ workerId: number; x: number; y: number } | null>(null)
  const actions = useMemo(
    () => ({
      openMenu: (workerId: number, anchor: HTMLElement) => {
        const r = anchor.getBoundingClientRect()
        setRowMenu({ workerId, x: r.left, y: r.bottom })
      }
    }),
    []
  )
  const dispatchAll = (workerId: number) => {
    const cards = board?.cards ?? []
    void dispatchIds(cards.filter((c) => c.workerId === workerId && c.status === 'planned' && c.id > 0).map((c) => c.id))
  }
  const daySheet = async (workerId: number, day: string) => {
    try {
      downloadPdf(await call('dispatch.daySheet', { workerId, date: day }))
    } catch (e) {
      notifications.show({ color: 'red', title: 'Day sheet not made', message: e instanceof Error ? e.message : String(e) })
    }
  }

  const pickTray = useCallback((row: TrayRow | null) => {
    setSelection(new Set())
    setTrayPick(row)
  }, [])

  const assignTop = useCallback(
    async (row: TrayRow) => {
      const { from: f, days: d } = latest.current
      try {
        const list = await qc.fetchQuery(suggestQuery(row.orderId, f, d))
        const top = list.find((s) => s.slot)
        if (!top?.slot) {
          notifications.show({ color: 'orange', message: `No technician has a free slot for ${row.orderNumber} in the shown range` })
          return
        }
        setTrayPick(null)
        perform({ kind: 'assign', orderId: row.orderId, workerId: top.workerId, start: top.slot.start, end: top.slot.end })
      } catch (e) {
        reportFailure(qc, e, 'Assignment')
      }
    },
    [perform, qc]
  )

  // Keyboard: undo/redo, arrows move the selected card, Delete unassigns, Enter assigns or opens.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 'z') {
        e.preventDefault()
        step(e.shiftKey ? 'redo' : 'undo')
        return
      }
      if (mod && key === 'y') {
        e.preventDefault()
        step('redo')
        return
      }
      const { board: b, selection: sel, items: its, trayPick: pick } = latest.current
      if (e.key === 'Escape') {
        setSelection(new Set())
        setTrayPick(null)
        return
      }
      if (e.key === 'Enter' && pick) {
        e.preventDefault()
        void assignTop(pick)
        return
      }
      if (!b || sel.size === 0) return
      const cards = b.cards.filter((c) => sel.has(c.id) && c.id > 0)
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault()
        setSelection(new Set())
        for (const c of cards) perform({ kind: 'unassign', id: c.id })
        return
      }
      if (cards.length !== 1) return
      const card = cards[0]!
      if (e.key === 'Enter') {
        setDetailId(card.id)
        return
      }
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        e.preventDefault()
        const d = e.key === 'ArrowLeft' ? -SNAP_MS : SNAP_MS
        perform({ kind: 'move', id: card.id, workerId: card.workerId, start: card.start + d, end: card.end + d })
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        e.preventDefault()
        const techs = its.flatMap((it) => (it.type === 'tech' ? [it.tech.id] : []))
        const next = techs[techs.indexOf(card.workerId) + (e.key === 'ArrowUp' ? -1 : 1)]
        if (next === undefined) return
        perform({ kind: 'move', id: card.id, workerId: next, start: card.start, end: card.end })
        gridRef.current?.scrollToCard({ ...card, workerId: next })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [step, perform, assignTop])

  // Drag and drop: pointer only (the keyboard has its own moves above); 4 px before a drag starts, so clicks select.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }))
  const gridEl = useCallback(() => gridRef.current?.element() ?? null, [])
  // Where the pointer really is: dnd-kit's delta also counts the grid's scrolling, which would shift the drop time.
  const pointer = useRef({ x: 0, y: 0 })
  useEffect(() => {
    const track = (e: PointerEvent) => {
      pointer.current = { x: e.clientX, y: e.clientY }
    }
    window.addEventListener('pointermove', track, { capture: true, passive: true })
    window.addEventListener('pointerdown', track, { capture: true, passive: true })
    return () => {
      window.removeEventListener('pointermove', track, { capture: true })
      window.removeEventListener('pointerdown', track, { capture: true })
    }
  }, [])
  const proposeAt = useCallback(
    (data: DragData) => {
      const el = gridEl()
      return el ? propose(data, dragInfo.current, el, latest.current.scale, pointer.current.x, pointer.current.y) : null
    },
    [gridEl]
  )
  const onDragStart = (e: DragStartEvent) => {
    const data = e.active.data.current as DragData
    const el = gridEl()
    dragInfo.current = el ? dragStartInfo(data, el, scale, (e.activatorEvent as PointerEvent).clientX) : { grabOffset: 0 }
    setDragging(data)
  }
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null)
    const data = e.active.data.current as DragData
    const p = proposeAt(data)
    if (!p) return
    if (data.type === 'tray') {
      setTrayPick(null)
      perform({ kind: 'assign', orderId: data.row.orderId, ...p })
    } else if (p.workerId !== data.card.workerId || p.start !== data.card.start || p.end !== data.card.end) {
      perform({ kind: 'move', id: data.card.id, ...p })
    }
  }

  const detail = board?.cards.find((c) => c.id === detailId) ?? null
  const shift = (n: number) => setDate(addDays(date, n * days))
  const pastLimit = board ? board.now - board.pastLimitHours * 3_600_000 : 0
  const selectedPlanned = board?.cards.filter((c) => selection.has(c.id) && c.status === 'planned' && c.id > 0) ?? []

  return (
    <div className={classes.page}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Title order={4}>Dispatch board</Title>
          <SegmentedControl size="xs" value={view} onChange={(v) => setView(v as 'day' | 'week')} data={[{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }]} />
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="default" onClick={() => shift(-1)} aria-label={`Previous ${view}`}>
              <IconChevronLeft size={16} />
            </ActionIcon>
            <Button size="xs" variant="default" onClick={() => setDate(today())}>
              Today
            </Button>
            <ActionIcon variant="default" onClick={() => shift(1)} aria-label={`Next ${view}`}>
              <IconChevronRight size={16} />
            </ActionIcon>
          </Group>
          <DateField size="xs" w={120} clearable={false} value={date} onChange={(d) => d && setDate(d)} aria-label="Date" />
          <MultiSelect
            size="xs"
            w={220}
            placeholder={teamIds.length ? undefined : 'All teams'}
            data={(board?.teams ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
            value={teamIds}
            onChange={setTeamIds}
            clearable
            aria-label="Teams"
          />
          {boardQ.isFetching && <Loader size="xs" />}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Tooltip label="Undo (Ctrl+Z)">
            <ActionIcon variant="default" disabled={!undoStack.current.canUndo} onClick={() => step('undo')} aria-label="Undo">
              <IconArrowBackUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Redo (Ctrl+Shift+Z)">
            <ActionIcon variant="default" disabled={!undoStack.current.canRedo} onClick={() => step('redo')} aria-label="Redo">
              <IconArrowForwardUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Button size="xs" leftSection={<IconSend size={14} />} disabled={selectedPlanned.length === 0} onClick={() => void dispatchIds(selectedPlanned.map((c) => c.id))}>
            Dispatch{selectedPlanned.length ? ` (${selectedPlanned.length})` : ''}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileTypeCsv size={14} />}
            onClick={() =>
              void exportCsv(
                'dispatchPlan.list',
                { from, to: addDays(from, days - 1), teamId: teamIds.length === 1 ? Number(teamIds[0]) : null, workerId: null, page: 1, sort: 'start' },
                `dispatch-plan-${from}${days > 1 ? `-${addDays(from, days - 1)}` : ''}.csv`
              ).catch((e: Error) => notifications.show({ color: 'red', title: 'Export failed', message: e.message }))
            }
          >
            Plan CSV
          </Button>
        </Group>
      </Group>
      {boardQ.isError && (
        <Text c="red" size="sm">
          {boardQ.error.message}
        </Text>
      )}
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)} autoScroll={AUTO_SCROLL}>
        <div className={classes.body} ref={body.ref}>
          {board ? (
            <BoardGrid
              ref={gridRef}
              board={board}
              scale={scale}
              items={items}
              selection={selection}
              holidays={holidays}
              holidayNames={holidayNames}
              handlers={handlers}
              actions={actions}
              toggleGroup={(key) =>
                setCollapsed((c) => {
                  const next = new Set(c)
                  if (next.has(key)) next.delete(key)
                  else next.add(key)
                  return next
                })
              }
            />
          ) : (
            <div className={classes.grid} style={{ display: 'grid', placeItems: 'center' }}>
              {boardQ.isPending && <Loader size="sm" />}
            </div>
          )}
          <div className={classes.side} style={{ flexBasis: SIDE_WIDTH }}>
            <SegmentedControl
              size="xs"
              m={6}
              value={side}
              onChange={(v) => setSide(v as 'tray' | 'conflicts')}
              data={[
                { value: 'tray', label: 'Work to plan' },
                { value: 'conflicts', label: `Conflicts (${conflictCount})` }
              ]}
            />
            {side === 'tray' ? (
              <>
                <Tray board={board} selectedOrderId={trayPick?.orderId ?? null} onSelect={pickTray} />
                {trayPick && (
                  <SuggestPanel
                    row={trayPick}
                    from={from}
                    days={days}
                    timeZone={timeZone}
                    onAssign={(workerId, start, end) => {
                      setTrayPick(null)
                      perform({ kind: 'assign', orderId: trayPick.orderId, workerId, start, end })
                    }}
                  />
                )}
              </>
            ) : (
              <ConflictsPanel
                board={board}
                selection={selection}
                onPick={(card: BoardCard) => {
                  setSelection(new Set([card.id]))
                  gridRef.current?.scrollToCard(card)
                }}
              />
            )}
          </div>
        </div>
        {board && <DropGhost proposeAt={proposeAt} grid={gridEl} scale={scale} cards={board.cards} names={names} pastLimit={pastLimit} />}
        <DragOverlay dropAnimation={null}>
          {dragging && dragging.type !== 'resize' ? (
            <div className={classes.chip} style={{ borderLeftColor: PRIORITY_BORDER[dragging.type === 'tray' ? dragging.row.priority : dragging.card.priority] }}>
              {dragging.type === 'tray' ? `${dragging.row.orderNumber} · ${dragging.row.customerName}` : `${dragging.card.orderNumber} · ${dragging.card.customerName}`}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <Group gap="md">
        <Text size="10px" c="dimmed">
          Drag from the tray onto a technician · drag a card to move it, its right edge to change the end · click / shift-click selects · ← → ±15 min · ↑ ↓ technician · Delete unassigns · Enter assigns the first suggestion · Ctrl+Z undo
        </Text>
        {conflictCount > 0 && (
          <Badge size="xs" color="red" variant="light" style={{ cursor: 'pointer' }} onClick={() => setSide('conflicts')}>
            {conflictCount} with conflicts
          </Badge>
        )}
      </Group>
      <Menu opened={rowMenu !== null} onChange={(o) => !o && setRowMenu(null)} position="bottom-start" withinPortal>
        <Menu.Target>
          <div style={{ position: 'fixed', left: rowMenu?.x ?? 0, top: rowMenu?.y ?? 0, width: 1, height: 1 }} />
        </Menu.Target>
        {rowMenu && (
          <Menu.Dropdown>
            <Menu.Label>{names.get(rowMenu.workerId)}</Menu.Label>
            <Menu.Item
              leftSection={<IconSend size={14} />}
              onClick={() => dispatchAll(rowMenu.workerId)}
              disabled={!board?.cards.some((c) => c.workerId === rowMenu.workerId && c.status === 'planned')}
            >
              Dispatch {view === 'week' ? 'the week' : 'the day'}
            </Menu.Item>
            <Menu.Label>Day sheet (PDF)</Menu.Label>
            {scale.segments.map((seg) => (
              <Menu.Item key={seg.date} leftSection={<IconFileTypePdf size={14} />} onClick={() => void daySheet(rowMenu.workerId, seg.date)}>
                {seg.date}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        )}
      </Menu>
      <CardDrawer
        card={detail}
        technician={detail ? (names.get(detail.workerId) ?? '') : ''}
        timeZone={timeZone}
        onClose={() => setDetailId(null)}
        onDispatch={(c) => void dispatchIds([c.id])}
        onUnassign={(c) => {
          setDetailId(null)
          perform({ kind: 'unassign', id: c.id })
        }}
      />
    </div>
  )
}
