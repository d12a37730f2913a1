import { SegmentedControl } from '@mantine/core'
import type { RefObject } from 'react'
import type { Board, BoardCard, TrayRow } from '@shared/domain/dispatch'
import type { TrayInput } from './queries'
import { useT } from '../../lib/i18n'
import { ConflictsPanel } from './ConflictsPanel'
import classes from './dispatch.module.css'
import type { PlanScope } from './PlanDayDialog'
import { type SuggestedSlot, SuggestPanel } from './SuggestPanel'
import { Tray } from './Tray'
import { SIDE_WIDTH } from './useBoardView'

export type Side = 'tray' | 'conflicts'

interface Props {
  side: Side
  onSide: (side: Side) => void
  board: Board | undefined
  conflictCount: number
  trayPick: TrayRow | null
  onPickTray: (row: TrayRow | null) => void
  onTrayInput: (input: TrayInput) => void
  from: string
  days: number
  timeZone: string
  onAssign: (row: TrayRow, workerId: number, start: number, end: number) => void
  /** The picked suggestion's technician, and the hover / pick of a suggestion (highlighted on the board). */
  pickedSuggestion: number | null
  onHoverSuggestion: (slot: SuggestedSlot | null) => void
  onPickSuggestion: (slot: SuggestedSlot) => void
  selection: ReadonlySet<number>
  onPickConflict: (card: BoardCard) => void
  /** Without `dispatch.plan` there is no work to plan: only the conflicts are shown. */
  readOnly: boolean
  trayFilters?: RefObject<PlanScope | null>
}

/** Beside the board: the tray of work to plan (with suggestions for the picked order) or the conflicts. */
export function BoardSide({
  side,
  onSide,
  board,
  conflictCount,
  trayPick,
  onPickTray,
  onTrayInput,
  from,
  days,
  timeZone,
  onAssign,
  pickedSuggestion,
  onHoverSuggestion,
  onPickSuggestion,
  selection,
  onPickConflict,
  readOnly,
  trayFilters
}: Props) {
  const t = useT()
  return (
    <div className={classes.side} style={{ flexBasis: SIDE_WIDTH }}>
      <SegmentedControl
        size="xs"
        m={6}
        value={readOnly ? 'conflicts' : side}
        onChange={(v) => onSide(v as Side)}
        data={[
          { value: 'tray', label: t('dispatch.board.workToPlan'), disabled: readOnly },
          { value: 'conflicts', label: t('dispatch.board.conflictsTab', { count: conflictCount }) }
        ]}
      />
      {side === 'tray' && !readOnly ? (
        <>
          <Tray
            board={board}
            selectedOrderId={trayPick?.orderId ?? null}
            onSelect={onPickTray}
            onInput={onTrayInput}
            filtersRef={trayFilters}
          />
          {trayPick && (
            <SuggestPanel
              row={trayPick}
              from={from}
              days={days}
              timeZone={timeZone}
              rangeStart={board?.from ?? 0}
              rangeEnd={board?.to ?? 0}
              picked={pickedSuggestion}
              onHover={onHoverSuggestion}
              onPick={onPickSuggestion}
              onAssign={(workerId, start, end) => onAssign(trayPick, workerId, start, end)}
            />
          )}
        </>
      ) : (
        <ConflictsPanel board={board} selection={selection} onPick={onPickConflict} />
      )}
    </div>
  )
}
