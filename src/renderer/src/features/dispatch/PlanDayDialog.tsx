import { Button, Group, Modal, MultiSelect, NumberInput, Progress, Select, Stack, Text } from '@mantine/core'
import { IconPlayerStop, IconRoute } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import type { Input } from '@shared/api/contract'
import type { Board } from '@shared/domain/dispatch'
import type { PlanJob, PlanProposal } from '@shared/domain/planDay'
import { DateField } from '../../components/DateField'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { addDays } from './timeScale'

export type PlanScope = Input<'dispatch.planStart'>['scope']

interface Props {
  opened: boolean
  onClose: () => void
  board: Board | undefined
  /** The board's shown range and team filter: the dialog's defaults. */
  from: string
  days: number
  teamIds: string[]
  /** The tray's filters as they are when Plan is pressed. */
  scope: () => PlanScope
  onProposal: (proposal: PlanProposal) => void
}

const POLL_MS = 250

/**
 * Plan day: who (a team or chosen technicians), which days, how long to search. While the planner works (in a
 * worker thread on the server) the dialog shows its progress and can cancel it; the result goes to the board.
 */
export function PlanDayDialog({ opened, onClose, board, from, days, teamIds, scope, onProposal }: Props) {
  const t = useT()
  const [teamId, setTeamId] = useState<string | null>(null)
  const [workerIds, setWorkerIds] = useState<string[]>([])
  const [range, setRange] = useState({ from, to: from })
  const [seconds, setSeconds] = useState(5)
  const [job, setJob] = useState<PlanJob | null>(null)
  const [error, setError] = useState<string | null>(null)

  // Each opening starts from the board: its days, its one team when it shows one.
  useEffect(() => {
    if (!opened) return
    setRange({ from, to: addDays(from, days - 1) })
    setTeamId(teamIds.length === 1 ? teamIds[0]! : board?.teams[0] ? String(board.teams[0].id) : null)
    setWorkerIds([])
    setJob(null)
    setError(null)
  }, [opened, from, days, teamIds, board?.teams])

  const running = job?.status === 'running'
  const jobId = job?.id
  // Polls overlap when the host is slow: the proposal goes to the board once per job.
  const delivered = useRef<number | null>(null)
  useEffect(() => {
    if (!running || jobId === undefined) return
    const timer = setInterval(() => {
      call('dispatch.planJob', { id: jobId })
        .then((j) => {
          setJob((prev) => (prev?.id === j.id && prev.status === 'running' ? j : prev))
          if (j.status === 'done' && j.proposal && delivered.current !== j.id) {
            delivered.current = j.id
            onProposal(j.proposal)
          } else if (j.status === 'failed') setError(t('planDay.failed', { message: j.error ?? '' }))
        })
        .catch((e: Error) => setError(e.message))
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [running, jobId, onProposal, t])

  const start = () => {
    setError(null)
    call('dispatch.planStart', {
      from: range.from,
      to: range.to,
      teamId: workerIds.length === 0 && teamId ? Number(teamId) : null,
      workerIds: workerIds.map(Number),
      seconds,
      scope: scope()
    })
      .then(setJob)
      .catch((e: Error) => setError(e.message))
  }
  const cancel = () => {
    if (jobId === undefined) return
    call('dispatch.planCancel', { id: jobId })
      .then(setJob)
      .catch((e: Error) => setError(e.message))
  }

  const technicians = (board?.technicians ?? []).filter((x) => x.active && x.roles.includes('technician'))
  return (
    <Modal opened={opened} onClose={onClose} title={t('planDay.title')} size="md">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label={t('planDay.team')}
            data={(board?.teams ?? []).map((x) => ({ value: String(x.id), label: x.name }))}
            value={teamId}
            onChange={setTeamId}
            disabled={running || workerIds.length > 0}
            data-testid="plan-team"
          />
          <MultiSelect
            label={t('planDay.technicians')}
            data={technicians.map((x) => ({ value: String(x.id), label: x.name }))}
            value={workerIds}
            onChange={setWorkerIds}
            disabled={running}
            searchable
            clearable
          />
        </Group>
        <Group grow>
          <DateField
            label={t('planDay.from')}
            clearable={false}
            value={range.from}
            onChange={(d) => d && setRange((r) => ({ from: d, to: r.to < d ? d : r.to }))}
            disabled={running}
          />
          <DateField
            label={t('planDay.to')}
            clearable={false}
            value={range.to}
            onChange={(d) => d && setRange((r) => ({ ...r, to: d }))}
            disabled={running}
          />
          <NumberInput
            label={t('planDay.seconds')}
            min={1}
            max={60}
            value={seconds}
            onChange={(v) => setSeconds(typeof v === 'number' ? v : 5)}
            disabled={running}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('planDay.scope')}
        </Text>
        {job && (
          <Stack gap={4}>
            <Progress value={job.status === 'running' ? Math.max(3, job.progress * 100) : 100} animated={running} size="lg" />
            <Text size="sm" data-testid="plan-progress">
              {job.status === 'cancelled'
                ? t('planDay.cancelled')
                : t('planDay.planning', { percent: Math.round((job.status === 'running' ? job.progress : 1) * 100) })}
            </Text>
          </Stack>
        )}
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          {running ? (
            <Button variant="default" color="red" leftSection={<IconPlayerStop size={14} />} onClick={cancel}>
              {t('planDay.cancel')}
            </Button>
          ) : (
            <Button leftSection={<IconRoute size={14} />} onClick={start} disabled={!teamId && workerIds.length === 0}>
              {t('planDay.start')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
