import { ActionIcon, Button, Group, MultiSelect, SegmentedControl, Text, Title, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconChevronLeft,
  IconChevronRight,
  IconFileTypeCsv,
  IconLock,
  IconMap,
  IconRoute,
  IconSend
} from '@tabler/icons-react'
import type { Board } from '@shared/domain/dispatch'
import { DateField } from '../../components/DateField'
import { exportCsv } from '../../lib/api'
import { today } from '../../lib/today'
import { useT } from '../../lib/i18n'
import { addDays } from './timeScale'
import type { BoardView } from './useBoardView'

interface Props {
  view: BoardView
  onView: (view: BoardView) => void
  date: string
  onDate: (date: string) => void
  /** One shown range back (-1) or forward (1). */
  onShift: (n: number) => void
  from: string
  days: number
  teams: Board['teams']
  teamIds: string[]
  onTeams: (ids: string[]) => void
  canUndo: boolean
  canRedo: boolean
  onStep: (direction: 'undo' | 'redo') => void
  /** The selected cards that can be dispatched. */
  dispatchable: number[]
  onDispatch: (ids: number[]) => void
  /** Without `dispatch.plan`: no undo, redo or dispatch, and a notice saying why. */
  readOnly: boolean
  /** The map of the day beside the board. */
  mapOpen: boolean
  onMap: (open: boolean) => void
  onPlanDay: () => void
}

/** The board's range, filter, undo / redo, dispatch and export controls. */
export function BoardToolbar(p: Props) {
  const t = useT()
  const { view, from, days, teamIds, dispatchable } = p
  const exportPlan = () =>
    exportCsv(
      'dispatchPlan.list',
      {
        from,
        to: addDays(from, days - 1),
        teamId: teamIds.length === 1 ? Number(teamIds[0]) : null,
        workerId: null,
        page: 1,
        sort: 'start'
      },
      `dispatch-plan-${from}${days > 1 ? `-${addDays(from, days - 1)}` : ''}.csv`
    ).catch((e: Error) => notifications.show({ color: 'red', title: t('dispatch.board.exportFailed'), message: e.message }))
  return (
    // A narrow window wraps the actions onto a second line rather than cutting them off.
    <Group justify="space-between" gap="xs" style={{ rowGap: 6 }}>
      <Group gap="xs">
        <Title order={4} style={{ whiteSpace: 'nowrap' }}>
          {t('dispatch.board.title')}
        </Title>
        {p.readOnly && (
          <Text size="xs" c="dimmed" data-testid="board-read-only">
            <IconLock size={12} /> {t('dispatch.board.readOnly')}
          </Text>
        )}
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => p.onView(v as BoardView)}
          data={[
            { value: 'day', label: t('dispatch.board.day') },
            { value: 'week', label: t('dispatch.board.week') }
          ]}
        />
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="default"
            onClick={() => p.onShift(-1)}
            aria-label={view === 'day' ? t('dispatch.board.previousDay') : t('dispatch.board.previousWeek')}
          >
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Button size="xs" variant="default" onClick={() => p.onDate(today())}>
            {t('dispatch.board.today')}
          </Button>
          <ActionIcon
            variant="default"
            onClick={() => p.onShift(1)}
            aria-label={view === 'day' ? t('dispatch.board.nextDay') : t('dispatch.board.nextWeek')}
          >
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
        <DateField
          size="xs"
          w={120}
          clearable={false}
          value={p.date}
          onChange={(d) => d && p.onDate(d)}
          aria-label={t('dispatch.board.date')}
        />
        <MultiSelect
          size="xs"
          w={220}
          placeholder={teamIds.length ? undefined : t('dispatch.board.allTeams')}
          data={p.teams.map((t) => ({ value: String(t.id), label: t.name }))}
          value={teamIds}
          onChange={p.onTeams}
          clearable
          aria-label={t('dispatch.board.teams')}
        />
      </Group>
      <Group gap={6}>
        {!p.readOnly && (
          <>
            <Tooltip label={t('dispatch.board.undoTip')}>
              <ActionIcon variant="default" disabled={!p.canUndo} onClick={() => p.onStep('undo')} aria-label={t('dispatch.board.undo')}>
                <IconArrowBackUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('dispatch.board.redoTip')}>
              <ActionIcon variant="default" disabled={!p.canRedo} onClick={() => p.onStep('redo')} aria-label={t('dispatch.board.redo')}>
                <IconArrowForwardUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Button size="xs" variant="light" color="violet" leftSection={<IconRoute size={14} />} onClick={p.onPlanDay}>
              {t('planDay.button')}
            </Button>
            <Button
              size="xs"
              leftSection={<IconSend size={14} />}
              disabled={dispatchable.length === 0}
              onClick={() => p.onDispatch(dispatchable)}
            >
              {dispatchable.length ? t('dispatch.board.dispatchCount', { count: dispatchable.length }) : t('dispatch.board.dispatch')}
            </Button>
          </>
        )}
        <Button
          size="xs"
          variant={p.mapOpen ? 'light' : 'default'}
          leftSection={<IconMap size={14} />}
          aria-pressed={p.mapOpen}
          onClick={() => p.onMap(!p.mapOpen)}
          data-testid="map-toggle"
        >
          {t('dispatch.map.toggle')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconFileTypeCsv size={14} />} onClick={() => void exportPlan()}>
          {t('dispatch.board.planCsv')}
        </Button>
      </Group>
    </Group>
  )
}
