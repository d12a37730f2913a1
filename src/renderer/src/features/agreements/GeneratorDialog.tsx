import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Progress, Radio, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react'
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import type { Input } from '@shared/api/contract'
import type { AGREEMENT_STATUSES } from '@shared/api/domains/agreements'
import type { GenerationRun, GenerationSummary } from '@shared/domain/agreements'
import { LINE_TYPE_LABELS, LINE_TYPES, type LineType } from '@shared/domain/orders'
import { addMonths } from '@shared/recurrence'
import { DateField } from '../../components/DateField'
import { call, isApiError } from '../../lib/api'
import { formatDate, today } from '../../lib/format'
import { showApiError } from '../../lib/forms'
import { weekdayName } from './PreviewPanel'
import { agreementKeys } from './queries'

/** The agreement list's current filter, as the generator's "the list's filter" scope. */
export interface ListFilter {
  customerId: number | null
  groupId: number | null
  status: (typeof AGREEMENT_STATUSES)[number] | null
  q: string
  /** Says what the filter is, e.g. "customer Pärnu Hotell AS, status active". */
  label: string
}

type Scope = 'agreement' | 'filter' | 'all'

interface GeneratorDialogProps {
  opened: boolean
  onClose: () => void
  /** Set when opened from an agreement: the default scope is that agreement. */
  agreement?: { id: number; number: string }
  /** Set when opened from the list with filters. */
  filter?: ListFilter | null
}

type GenerationInput = Input<'agreements.generate'>
type FieldErrors = Partial<Record<'from' | 'to' | 'types' | 'scope', string>>

const SHOWN_ORDERS = 15

/** Every agreement id matching the list's filter (the generator takes ids; the list pages them). */
async function idsOf(f: ListFilter): Promise<number[]> {
  const ids: number[] = []
  for (let page = 1; ; page++) {
    const r = await call('agreements.list', { customerId: f.customerId, groupId: f.groupId, status: f.status, q: f.q, page, pageSize: 500 })
    ids.push(...r.rows.map((a) => a.id))
    if (ids.length >= r.total || r.rows.length === 0) return ids
  }
}

/**
 * "Create service orders": a period, the line types to include and which agreements; Preview counts what
 * would be created, Create starts the background run with a progress bar (cancellable between
 * agreements), and the summary links to the new orders.
 */
export function GeneratorDialog({ opened, onClose, agreement, filter }: GeneratorDialogProps) {
  const qc = useQueryClient()
  const hasFilter = !!filter && (filter.customerId !== null || filter.groupId !== null || filter.status !== null || filter.q !== '')
  const [scope, setScope] = useState<Scope>(agreement ? 'agreement' : hasFilter ? 'filter' : 'all')
  const [from, setFrom] = useState<string | null>(today())
  const [to, setTo] = useState<string | null>(addMonths(today(), 1))
  const [types, setTypes] = useState<LineType[]>([...LINE_TYPES])
  const [errors, setErrors] = useState<FieldErrors>({})
  const [counts, setCounts] = useState<GenerationSummary | null>(null)
  const [runId, setRunId] = useState<number | null>(null)

  const resetCounts = () => {
    setCounts(null)
    setErrors({})
  }

  /** The generator's input for the chosen scope, or null (with errors shown) when it cannot be sent. */
  const inputOf = async (): Promise<GenerationInput | null> => {
    const e: FieldErrors = {}
    if (from === null) e.from = 'Required'
    if (to === null) e.to = 'Required'
    if (from && to && to < from) e.to = 'The end cannot be before the start'
    if (types.length === 0) e.types = 'Include at least one line type'
    let base: Pick<GenerationInput, 'agreementIds' | 'customerId' | 'groupId'> = { agreementIds: [], customerId: null, groupId: null }
    if (scope === 'agreement' && agreement) base = { agreementIds: [agreement.id], customerId: null, groupId: null }
    if (scope === 'filter' && filter) {
      base = { agreementIds: [], customerId: filter.customerId, groupId: filter.groupId }
      // The text and status filters are the list's own: send the ids they select (never an empty list, which means all).
      if (filter.q !== '' || filter.status !== null) {
        const ids = await idsOf(filter)
        if (ids.length === 0) e.scope = 'No agreement matches the list’s filter.'
        base.agreementIds = ids
      }
    }
    setErrors(e)
    if (Object.keys(e).length > 0) return null
    return { ...base, from: from!, to: to!, types }
  }

  const fieldErrors = (e: unknown): boolean => {
    if (!isApiError(e, 'VALIDATION') || e.issues.length === 0) return false
    const next: FieldErrors = {}
    for (const i of e.issues) {
      const f = i.path[0]
      if (f === 'from' || f === 'to' || f === 'types') next[f] = i.message
      else next.scope = i.message
    }
    setErrors(next)
    return true
  }

  const preview = useMutation({
    mutationFn: async () => {
      const input = await inputOf()
      if (!input) return null
      return call('agreements.preview', { ...input, maxVisits: 0 })
    },
    onSuccess: (r) => r && setCounts(r),
    onError: (e) => fieldErrors(e) || showApiError(e)
  })

  const start = useMutation({
    mutationFn: async () => {
      const input = await inputOf()
      if (!input) return null
      return call('agreements.generate', input)
    },
    onSuccess: (run) => {
      if (!run) return
      qc.setQueryData(agreementKeys.run(run.id), run)
      setRunId(run.id)
    },
    onError: (e) => fieldErrors(e) || showApiError(e)
  })

  const run = useQuery({
    queryKey: agreementKeys.run(runId ?? 0),
    queryFn: async () => {
      const r = await call('agreements.run', { id: runId! })
      if (r.status !== 'running') {
        // New orders and "made" counts: refresh what shows them.
        void qc.invalidateQueries({ queryKey: ['list'] })
        void qc.invalidateQueries({ queryKey: ['record', 'agreements'] })
        void qc.invalidateQueries({ queryKey: agreementKeys.previews })
      }
      return r
    },
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 300 : false)
  })

  const cancel = useMutation({
    mutationFn: () => call('agreements.cancelRun', { id: runId! }),
    onError: (e) => showApiError(e)
  })

  const r = run.data ?? null
  const running = r?.status === 'running'
  const finished = r !== null && !running
  const busy = preview.isPending || start.isPending

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Create service orders from agreements"
      size="lg"
      closeOnClickOutside={!running}
      closeOnEscape={!running}
      withCloseButton={!running}
    >
      {r === null ? (
        <Stack gap="sm">
          <Group grow align="start">
            <DateField
              label="From"
              withAsterisk
              clearable={false}
              value={from}
              onChange={(d) => {
                setFrom(d)
                resetCounts()
              }}
              error={errors.from}
            />
            <DateField
              label="To"
              withAsterisk
              clearable={false}
              value={to}
              onChange={(d) => {
                setTo(d)
                resetCounts()
              }}
              error={errors.to}
            />
          </Group>
          <Checkbox.Group
            label="Line types to include"
            value={types}
            onChange={(v) => {
              setTypes(LINE_TYPES.filter((t) => v.includes(t)))
              resetCounts()
            }}
            error={errors.types}
          >
            <Group gap="md" mt={4}>
              {LINE_TYPES.map((t) => (
                <Checkbox key={t} value={t} label={LINE_TYPE_LABELS[t]} />
              ))}
            </Group>
          </Checkbox.Group>
          <Radio.Group
            label="Agreements"
            value={scope}
            onChange={(v) => {
              setScope(v as Scope)
              resetCounts()
            }}
            error={errors.scope}
          >
            <Stack gap={6} mt={4}>
              {agreement && <Radio value="agreement" label={`This agreement (${agreement.number})`} />}
              {hasFilter && <Radio value="filter" label={`The agreements in the list (${filter!.label})`} />}
              <Radio value="all" label="Every agreement" />
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            Templates, suspended agreements and stopped lines are left out. Visits created before are never created twice.
          </Text>

          {counts && (
            <SimpleGrid cols={4} spacing="xs" data-testid="generator-preview">
              <Count label="Orders to create" value={counts.orders} />
              <Count label="Lines to create" value={counts.lines} />
              <Count label="Calendar conflicts" value={counts.conflicts} color={counts.conflicts > 0 ? 'red' : undefined} />
              <Count label="Already created" value={counts.skipped} />
            </SimpleGrid>
          )}
          {counts && counts.conflicts > 0 && (
            <Text size="xs" c="red">
              Visits on closed days are created anyway and flagged as calendar conflicts.
            </Text>
          )}

          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" size="sm" onClick={onClose}>
              Close
            </Button>
            <Button variant="light" size="sm" loading={preview.isPending} disabled={busy} onClick={() => preview.mutate()}>
              Preview
            </Button>
            <Button size="sm" leftSection={<IconPlayerPlay size={14} />} loading={start.isPending} disabled={busy} onClick={() => start.mutate()}>
              {counts ? `Create ${counts.orders} order${counts.orders === 1 ? '' : 's'}` : 'Create'}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Progress value={r.agreementsTotal === 0 ? (running ? 5 : 100) : (100 * r.agreementsDone) / r.agreementsTotal} animated={running} size="lg" aria-label="Generation progress" />
          <Group justify="space-between">
            <Text size="sm" data-testid="generator-progress">
              {r.agreementsDone} of {r.agreementsTotal} agreement{r.agreementsTotal === 1 ? '' : 's'} · {r.ordersCreated} order{r.ordersCreated === 1 ? '' : 's'} created
            </Text>
            <RunStatus run={r} />
          </Group>
          {running && (
            <Group justify="flex-end">
              <Button variant="default" size="sm" color="red" leftSection={<IconPlayerStop size={14} />} loading={cancel.isPending} onClick={() => cancel.mutate()}>
                Cancel
              </Button>
            </Group>
          )}
          {finished && <RunSummary run={r} onNavigate={onClose} />}
          {finished && (
            <Group justify="flex-end" gap="xs">
              <Button size="sm" onClick={onClose}>
                Close
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  )
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <div>
      <Text fw={700} size="lg" c={color}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  )
}

const STATUS: Record<GenerationRun['status'], { label: string; color: string }> = {
  running: { label: 'Running', color: 'blue' },
  done: { label: 'Finished', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'orange' },
  failed: { label: 'Failed', color: 'red' }
}

function RunStatus({ run }: { run: GenerationRun }) {
  return (
    <Badge variant="light" color={STATUS[run.status].color} data-testid="generator-status">
      {STATUS[run.status].label}
    </Badge>
  )
}

/** What the run made, and links to the orders it created. */
function RunSummary({ run, onNavigate }: { run: GenerationRun; onNavigate: () => void }) {
  const shown = run.orderIds.slice(0, SHOWN_ORDERS)
  const orders = useQueries({
    queries: shown.map((id) => ({ queryKey: ['record', 'serviceOrders', id], queryFn: () => call('serviceOrders.get', { id }) }))
  })
  return (
    <Stack gap="sm" data-testid="generator-summary">
      {run.status === 'cancelled' && (
        <Alert variant="light" color="orange" p="xs">
          Stopped between agreements: every agreement handled so far was created whole. Run it again over the same period to continue; nothing is created twice.
        </Alert>
      )}
      {run.status === 'failed' && (
        <Alert variant="light" color="red" p="xs" icon={<IconAlertTriangle size={16} />} title="The run stopped">
          {run.error}
        </Alert>
      )}
      <SimpleGrid cols={4} spacing="xs">
        <Count label="Orders created" value={run.ordersCreated} />
        <Count label="Lines created" value={run.linesCreated} />
        <Count label="Already created (skipped)" value={run.skipped} />
        <Count label="Calendar conflicts" value={run.conflicts} color={run.conflicts > 0 ? 'red' : undefined} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Period {formatDate(run.fromDate)} – {formatDate(run.toDate)}
      </Text>
      {shown.length > 0 && (
        <Table verticalSpacing={2} fz="sm" withTableBorder data-testid="created-orders">
          <Table.Tbody>
            {shown.map((id, i) => {
              const o = orders[i]?.data
              const date = o?.lines.find((l) => l.scheduledDate !== null)?.scheduledDate ?? null
              return (
                <Table.Tr key={id}>
                  <Table.Td w={110}>
                    <Anchor component={Link} to={`/orders/${id}`} onClick={onNavigate} size="sm">
                      {o?.number ?? `Order ${id}`}
                    </Anchor>
                  </Table.Td>
                  <Table.Td w={120}>
                    <Text size="sm">{date ? `${weekdayName(date)} ${formatDate(date)}` : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>
                      {o ? `${o.customerName} — ${o.description}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td w={70}>
                    <Text size="xs" c="dimmed" ta="right">
                      {o ? `${o.lines.length} line${o.lines.length === 1 ? '' : 's'}` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      {run.ordersCreated > 0 && (
        <Text size="sm">
          {run.ordersCreated > shown.length ? `${run.ordersCreated - shown.length} more — ` : ''}
          <Anchor component={Link} to="/orders" onClick={onNavigate}>
            Open the service order list
          </Anchor>
        </Text>
      )}
    </Stack>
  )
}
