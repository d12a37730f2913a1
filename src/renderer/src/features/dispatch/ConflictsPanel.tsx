import { Text, UnstyledButton } from '@mantine/core'
import { IconAlertTriangleFilled } from '@tabler/icons-react'
import { useMemo } from 'react'
import { dispatchText } from '@shared/dispatch/text'
import type { Board, BoardCard } from '@shared/domain/dispatch'
import { formatsFor } from '@shared/i18n/format'
import { useLanguage, useT } from '../../lib/i18n'
import classes from './dispatch.module.css'

/** Every card of the shown range that has a conflict, in time order; a click finds the card on the board. */
export function ConflictsPanel({
  board,
  onPick,
  selection
}: {
  board: Board | undefined
  onPick: (card: BoardCard) => void
  selection: ReadonlySet<number>
}) {
  const t = useT()
  const language = useLanguage()
  const names = useMemo(() => new Map(board?.technicians.map((t) => [t.id, t.name])), [board?.technicians])
  const cards = useMemo(() => (board?.cards ?? []).filter((c) => c.conflicts.length > 0).sort((a, b) => a.start - b.start), [board?.cards])
  if (!board) return null
  const f = formatsFor(language, board.timeZone)
  return (
    <div className={classes.trayList} data-testid="conflicts-panel">
      {cards.length === 0 && (
        <Text size="xs" c="dimmed" ta="center" mt="md">
          {t('dispatch.board.noConflicts')}
        </Text>
      )}
      {cards.map((c) => (
        <UnstyledButton
          key={c.id}
          className={`${classes.trayCard} ${selection.has(c.id) ? classes.trayCardSelected : ''}`}
          style={{ display: 'block', width: '100%', borderLeftColor: 'var(--mantine-color-red-6)', cursor: 'pointer' }}
          onClick={() => onPick(c)}
          data-testid="conflict-row"
          data-order={c.orderNumber}
        >
          <Text size="xs" fw={600} truncate>
            <IconAlertTriangleFilled size={11} color="var(--mantine-color-red-6)" /> {c.orderNumber} · {names.get(c.workerId) ?? '?'} ·{' '}
            {f.dateTime(c.start)}
          </Text>
          {c.conflicts.map((k, i) => (
            <Text key={i} size="xs" c="red.8">
              {dispatchText(t, f, k)}
            </Text>
          ))}
        </UnstyledButton>
      ))}
    </div>
  )
}
