import { Badge, CloseButton, Group, Select, Tabs, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useDraggable } from '@dnd-kit/core'
import { IconSearch } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { memo, useState } from 'react'
import { type Board, TRAY_TABS, type TrayRow, type TrayTab } from '@shared/domain/dispatch'
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '@shared/domain/orders'
import { formatInstant } from '@shared/time'
import { DateField } from '../../components/DateField'
import { SlaBadge } from '../../components/SlaBadge'
import { PRIORITY_BORDER } from './colors'
import classes from './dispatch.module.css'
import { trayQuery } from './queries'
import { formatDuration } from './timeScale'

const TAB_LABELS: Record<TrayTab, string> = {
  unassigned: 'Unassigned',
  unscheduled: 'Unscheduled',
  dispatched: 'Dispatched',
  onHold: 'On hold'
}

interface Props {
  board: Board | undefined
  selectedOrderId: number | null
  onSelect: (row: TrayRow | null) => void
}

/** The work still to plan, as draggable cards: the dispatcher's to-do list beside the board. */
export function Tray({ board, selectedOrderId, onSelect }: Props) {
  const [tab, setTab] = useState<TrayTab>('unassigned')
  const [teamId, setTeamId] = useState<string | null>(null)
  const [priority, setPriority] = useState<Priority | null>(null)
  const [skillId, setSkillId] = useState<string | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [q, setQ] = useState('')
  const [debouncedQ] = useDebouncedValue(q, 250)
  const tray = useQuery(
    trayQuery({
      tab,
      teamId: teamId ? Number(teamId) : null,
      priority,
      skillId: skillId ? Number(skillId) : null,
      from: date,
      to: date,
      q: debouncedQ,
      limit: 200
    })
  )
  const timeZone = board?.timeZone ?? 'Europe/Tallinn'
  const rows = tray.data?.rows ?? []
  return (
    <>
      <Tabs value={tab} onChange={(v) => v && setTab(v as TrayTab)} variant="default">
        <Tabs.List grow>
          {TRAY_TABS.map((t) => (
            <Tabs.Tab key={t} value={t} px={2} py={6} fz={11} data-testid={`tray-tab-${t}`}>
              {TAB_LABELS[t]}
              <br />
              <Badge size="xs" variant="light" color={t === 'unassigned' && (tray.data?.counts[t] ?? 0) > 0 ? 'orange' : 'gray'}>
                {tray.data?.counts[t] ?? '…'}
              </Badge>
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group gap={4} p={6} pb={0} grow>
        <Select
          size="xs"
          placeholder="Team"
          clearable
          data={(board?.teams ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
          value={teamId}
          onChange={setTeamId}
          aria-label="Team"
        />
        <Select
          size="xs"
          placeholder="Priority"
          clearable
          data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
          value={priority}
          onChange={(v) => setPriority(v as Priority | null)}
          aria-label="Priority"
        />
      </Group>
      <Group gap={4} p={6} pb={0} grow>
        <Select
          size="xs"
          placeholder="Skill"
          clearable
          searchable
          data={(board?.skills ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          value={skillId}
          onChange={setSkillId}
          aria-label="Skill"
        />
        <DateField size="xs" placeholder="Requested on" clearable value={date} onChange={setDate} aria-label="Requested on" />
      </Group>
      <TextInput
        size="xs"
        p={6}
        placeholder="Number, customer, address, task"
        leftSection={<IconSearch size={12} />}
        rightSection={q ? <CloseButton size="xs" onClick={() => setQ('')} aria-label="Clear search" /> : null}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        aria-label="Search the tray"
      />
      <div className={classes.trayList} data-testid="tray-list">
        {tray.isError && (
          <Text size="xs" c="red">
            {tray.error.message}
          </Text>
        )}
        {tray.data && rows.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" mt="md">
            Nothing here{debouncedQ || teamId || priority || skillId || date ? ' with these filters' : ''}.
          </Text>
        )}
        {rows.map((r) => (
          <TrayCard key={r.orderId} row={r} tab={tab} timeZone={timeZone} selected={r.orderId === selectedOrderId} onSelect={onSelect} />
        ))}
        {tray.data && tray.data.total > rows.length && (
          <Text size="xs" c="dimmed" ta="center">
            {tray.data.total - rows.length} more — narrow the filters
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
  timeZone,
  selected,
  onSelect
}: {
  row: TrayRow
  tab: TrayTab
  timeZone: string
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
      <TrayCardBody row={row} timeZone={timeZone} />
    </div>
  )
})

const TrayCardBody = memo(function TrayCardBody({ row, timeZone }: { row: TrayRow; timeZone: string }) {
  const window =
    row.requestedStart !== null || row.requestedEnd !== null
      ? `${formatInstant(row.requestedStart, timeZone) || '…'} – ${formatInstant(row.requestedEnd, timeZone) || '…'}`
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
          {formatDuration(row.durationMinutes * 60_000)} · {row.stageName}
        </Text>
        {window && (
          <Text size="10px" c="gray.7" truncate>
            · {window}
          </Text>
        )}
        {row.plannedStart !== null && (
          <Text size="10px" c="teal.8" truncate>
            · planned {formatInstant(row.plannedStart, timeZone)}
          </Text>
        )}
      </Group>
    </>
  )
})
