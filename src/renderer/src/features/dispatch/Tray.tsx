import { Badge, CloseButton, Group, Select, Tabs, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useDraggable } from '@dnd-kit/core'
import { IconSearch } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { memo, type RefObject, useEffect, useMemo, useState } from 'react'
import { type Board, TRAY_TABS, type TrayRow, type TrayTab } from '@shared/domain/dispatch'
import { PRIORITIES, type Priority } from '@shared/domain/orders'
import type { Formats } from '@shared/i18n/format'
import { formatsFor } from '@shared/i18n/format'
import { DateField } from '../../components/DateField'
import { SlaBadge } from '../../components/SlaBadge'
import { useLanguage, useT } from '../../lib/i18n'
import { PRIORITY_BORDER } from './colors'
import classes from './dispatch.module.css'
import type { PlanScope } from './PlanDayDialog'
import { type TrayInput, trayQuery } from './queries'

interface Props {
  board: Board | undefined
  selectedOrderId: number | null
  onSelect: (row: TrayRow | null) => void
  /** Told the tray's query whenever its filters change (the map's pins follow them). */
  onInput?: (input: TrayInput) => void
  /** Where the current filters are kept for Plan day, which plans what the tray's filters show. */
  filtersRef?: RefObject<PlanScope | null>
}

/** The tray as it opens: the map's pins follow the same query until the dispatcher filters. */
export const DEFAULT_TRAY_INPUT: TrayInput = {
  tab: 'unassigned',
  teamId: null,
  priority: null,
  skillId: null,
  from: null,
  to: null,
  q: '',
  limit: 200
}

/** The work still to plan, as draggable cards: the dispatcher's to-do list beside the board. */
export function Tray({ board, selectedOrderId, onSelect, onInput, filtersRef }: Props) {
  const t = useT()
  const language = useLanguage()
  const tabLabels: Record<TrayTab, string> = {
    unassigned: t('dispatch.tray.tabs.unassigned'),
    unscheduled: t('dispatch.tray.tabs.unscheduled'),
    dispatched: t('dispatch.tray.tabs.dispatched'),
    onHold: t('dispatch.tray.tabs.onHold')
  }
  const [tab, setTab] = useState<TrayTab>('unassigned')
  const [teamId, setTeamId] = useState<string | null>(null)
  const [priority, setPriority] = useState<Priority | null>(null)
  const [skillId, setSkillId] = useState<string | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [q, setQ] = useState('')
  const [debouncedQ] = useDebouncedValue(q, 250)
  useEffect(() => {
    if (filtersRef) filtersRef.current = { priority, skillId: skillId ? Number(skillId) : null, from: date, to: date, q: debouncedQ }
  }, [filtersRef, priority, skillId, date, debouncedQ])
  const input = useMemo(
    (): TrayInput => ({
      ...DEFAULT_TRAY_INPUT,
      tab,
      teamId: teamId ? Number(teamId) : null,
      priority,
      skillId: skillId ? Number(skillId) : null,
      from: date,
      to: date,
      q: debouncedQ
    }),
    [tab, teamId, priority, skillId, date, debouncedQ]
  )
  const tray = useQuery(trayQuery(input))
  useEffect(() => onInput?.(input), [input, onInput])
  const f = formatsFor(language, board?.timeZone ?? 'Europe/Tallinn')
  const rows = tray.data?.rows ?? []
  return (
    <>
      <Tabs value={tab} onChange={(v) => v && setTab(v as TrayTab)} variant="default">
        <Tabs.List grow>
          {TRAY_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} px={2} py={6} fz={11} data-testid={`tray-tab-${k}`}>
              {tabLabels[k]}
              <br />
              <Badge size="xs" variant="light" color={k === 'unassigned' && (tray.data?.counts[k] ?? 0) > 0 ? 'orange' : 'gray'}>
                {tray.data?.counts[k] ?? '…'}
              </Badge>
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group gap={4} p={6} pb={0} grow>
        <Select
          size="xs"
          placeholder={t('dispatch.tray.team')}
          clearable
          data={(board?.teams ?? []).map((team) => ({ value: String(team.id), label: team.name }))}
          value={teamId}
          onChange={setTeamId}
          aria-label={t('dispatch.tray.team')}
        />
        <Select
          size="xs"
          placeholder={t('dispatch.tray.priority')}
          clearable
          data={PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
          value={priority}
          onChange={(v) => setPriority(v as Priority | null)}
          aria-label={t('dispatch.tray.priority')}
        />
      </Group>
      <Group gap={4} p={6} pb={0} grow>
        <Select
          size="xs"
          placeholder={t('dispatch.tray.skill')}
          clearable
          searchable
          data={(board?.skills ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          value={skillId}
          onChange={setSkillId}
          aria-label={t('dispatch.tray.skill')}
        />
        <DateField
          size="xs"
          placeholder={t('dispatch.tray.requestedOn')}
          clearable
          value={date}
          onChange={setDate}
          aria-label={t('dispatch.tray.requestedOn')}
        />
      </Group>
      <TextInput
        size="xs"
        p={6}
        placeholder={t('dispatch.tray.searchPlaceholder')}
        leftSection={<IconSearch size={12} />}
        rightSection={q ? <CloseButton size="xs" onClick={() => setQ('')} aria-label={t('dispatch.tray.clearSearch')} /> : null}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        aria-label={t('dispatch.tray.search')}
      />
      <div className={classes.trayList} data-testid="tray-list">
        {tray.isError && (
          <Text size="xs" c="red">
            {tray.error.message}
          </Text>
        )}
        {tray.data && rows.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" mt="md">
            {debouncedQ || teamId || priority || skillId || date ? t('dispatch.tray.nothingFiltered') : t('dispatch.tray.nothing')}
          </Text>
        )}
        {rows.map((r) => (
          <TrayCard key={r.orderId} row={r} tab={tab} f={f} selected={r.orderId === selectedOrderId} onSelect={onSelect} />
        ))}
        {tray.data && tray.data.total > rows.length && (
          <Text size="xs" c="dimmed" ta="center">
            {t('dispatch.tray.more', { count: tray.data.total - rows.length })}
          </Text>
        )}
      </div>
    </>
  )
}

/** The draggable wrapper: dnd-kit re-renders it whenever the board changes, so its content is memoised apart. */
const TrayCard = memo(function TrayCard({
  row,
  tab,
  f,
  selected,
  onSelect
}: {
  row: TrayRow
  tab: TrayTab
  f: Formats
  selected: boolean
  onSelect: (row: TrayRow | null) => void
}) {
  // Dispatched work is already on the board: move it there, not from here.
  const drag = useDraggable({ id: `tray:${row.orderId}`, data: { type: 'tray', row }, disabled: tab === 'dispatched' })
  return (
    <div
      ref={drag.setNodeRef}
      {...drag.listeners}
      {...drag.attributes}
      aria-label={`${row.orderNumber} ${row.customerName}`}
      aria-pressed={selected}
      tabIndex={0}
      className={`${classes.trayCard} ${selected ? classes.trayCardSelected : ''}`}
      style={{
        borderLeftColor: PRIORITY_BORDER[row.priority],
        opacity: drag.isDragging ? 0.4 : 1,
        cursor: tab === 'dispatched' ? 'pointer' : undefined
      }}
      onClick={() => onSelect(selected ? null : row)}
      onFocus={(e) => {
        if (!selected && e.currentTarget.matches(':focus-visible')) onSelect(row)
      }}
      data-testid="tray-card"
      data-order={row.orderNumber}
    >
      <TrayCardBody row={row} f={f} />
    </div>
  )
})

const TrayCardBody = memo(function TrayCardBody({ row, f }: { row: TrayRow; f: Formats }) {
  const t = useT()
  const window =
    row.requestedStart !== null || row.requestedEnd !== null
      ? `${f.dateTime(row.requestedStart) || '…'} – ${f.dateTime(row.requestedEnd) || '…'}`
      : null
  return (
    <>
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Text size="xs" fw={600} truncate>
          {row.orderNumber} · {row.customerName}
        </Text>
        <SlaBadge badge={row.sla} compact />
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {row.taskNames || row.description}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {row.address}
      </Text>
      <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
        <Text size="10px" c="gray.7" style={{ flexShrink: 0 }}>
          {f.duration(row.durationMinutes)} · {row.stageName}
        </Text>
        {window && (
          <Text size="10px" c="gray.7" truncate>
            · {window}
          </Text>
        )}
        {row.plannedStart !== null && (
          <Text size="10px" c="teal.8" truncate>
            {t('dispatch.tray.planned', { time: f.dateTime(row.plannedStart) })}
          </Text>
        )}
      </Group>
    </>
  )
})
