import { Alert, Badge, Button, Group, Menu, Modal, Paper, Stack, Table, Text } from '@mantine/core'
import { IconChevronDown, IconClockPause, IconRefresh, IconX } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderRow } from '@shared/domain/orders'
import { type OrderClock, SLA_TARGET_LABELS, type SlaTargetKind } from '@shared/domain/sla'
import { formatMinutes } from '@shared/sla/clock'
import { formatInstant } from '@shared/time'
import { EntitySelect } from '../../components/EntitySelect'
import { SlaBadge, slaBadgeColour } from '../../components/SlaBadge'
import { useSession } from '../../lib/session'
import { settingsQuery } from '../../lib/settings'
import { SlaReasonDialog } from './SlaReasonDialog'
import { useClockAction, useOrderClock } from './orderClock'

const SOURCE_LABELS: Record<OrderClock['source'], string> = {
  order: 'set on this order',
  agreement: 'from the agreement',
  agreementGroup: 'from the agreement group',
  customerGroup: 'from the customer group'
}

const EVENT_LABELS: Record<OrderClock['events'][number]['kind'], string> = {
  start: 'Clock started',
  pause: 'Paused',
  resume: 'Resumed',
  met: 'Met',
  breached: 'Breached',
  reset: 'Clock reset',
  cancel: 'Clock cancelled',
  priority: 'Priority changed',
  assign: 'SLA assigned',
  reason: 'Reason given'
}

const STATE_LEVEL = { running: 'ok', paused: 'paused', met: 'met', breached: 'breached', cancelled: 'cancelled' } as const

type Dialog = { kind: 'cancel' } | { kind: 'reset' } | { kind: 'reason'; target: SlaTargetKind } | { kind: 'assign' } | null

/** The order's SLA: which one applies and why, each target's deadline and time left, the event log, and the clock actions. */
export function OrderSlaPanel({ order }: { order: OrderRow }) {
  const { can } = useSession()
  const settings = useQuery(settingsQuery)
  const clockQuery = useOrderClock(order)
  const clock = clockQuery.data ?? null
  const tz = settings.data?.timeZone ?? 'Europe/Tallinn'
  const reasonRequired = settings.data?.slaReasonRequired ?? true
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)
  const cancel = useClockAction('sla.cancel', order.id, 'SLA clock cancelled', close)
  const reset = useClockAction('sla.reset', order.id, 'SLA clock restarted', close)
  const giveReason = useClockAction('sla.giveReason', order.id, 'Reason recorded', close)

  return (
    <Paper withBorder p="sm" data-testid="order-sla">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600} size="sm">
            Service level
          </Text>
          {clock ? (
            <>
              <Text size="sm">{clock.slaName}</Text>
              <Text size="xs" c="dimmed">
                {SOURCE_LABELS[clock.source]} · clock started {formatInstant(clock.startedAt, tz)}
              </Text>
              <SlaBadge badge={clock.badge} />
            </>
          ) : (
            clockQuery.isSuccess && (
              <Text size="sm" c="dimmed">
                No SLA applies to this order.
              </Text>
            )
          )}
        </Group>
        {can('orders.write') && !order.isTemplate && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />}>
                SLA actions
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconClockPause size={14} />} onClick={() => setDialog({ kind: 'assign' })}>
                {clock ? 'Change the SLA…' : 'Set an SLA…'}
              </Menu.Item>
              <Menu.Item leftSection={<IconRefresh size={14} />} disabled={clock === null} onClick={() => setDialog({ kind: 'reset' })}>
                Reset the clock…
              </Menu.Item>
              <Menu.Item
                leftSection={<IconX size={14} />}
                color="red"
                disabled={clock === null || clock.state === 'cancelled'}
                onClick={() => setDialog({ kind: 'cancel' })}
              >
                Cancel the clock…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {clockQuery.isError && <Alert color="red">{(clockQuery.error as Error).message}</Alert>}
      {clock && clock.reasonsMissing.length > 0 && (
        <Alert color="orange" py={6} mb="xs" data-testid="sla-reasons-missing">
          {clock.reasonsMissing.map((t) => SLA_TARGET_LABELS[t]).join(' and ')} target missed: give a reason (asked at the latest at
          sign-off).
        </Alert>
      )}
      {clock && (
        <Stack gap="sm">
          <Table verticalSpacing={4} fz="sm" withTableBorder data-testid="sla-targets-clock">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Target</Table.Th>
                <Table.Th>Time allowed</Table.Th>
                <Table.Th>Deadline</Table.Th>
                <Table.Th>Used</Table.Th>
                <Table.Th>Left</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clock.targets.map((t) => {
                const stopped = t.metAt !== null || t.state === 'cancelled'
                return (
                  <Table.Tr key={t.target} data-target={t.target}>
                    <Table.Td fw={500}>{SLA_TARGET_LABELS[t.target]}</Table.Td>
                    <Table.Td>{formatMinutes(t.minutes)}</Table.Td>
                    <Table.Td>
                      {t.deadline !== null ? formatInstant(t.deadline, tz) : t.state === 'paused' ? 'moves on when resumed' : '—'}
                    </Table.Td>
                    <Table.Td>{formatMinutes(t.consumed)}</Table.Td>
                    <Table.Td data-testid={`sla-left-${t.target}`} c={t.remaining < 0 ? 'red' : undefined}>
                      {stopped ? '—' : t.remaining < 0 ? `${formatMinutes(-t.remaining)} over` : formatMinutes(t.remaining)}
                    </Table.Td>
                    <Table.Td>
                      <Badge size="xs" variant="light" color={slaBadgeColour(STATE_LEVEL[t.state])}>
                        {t.state}
                        {t.metAt !== null ? ` ${formatInstant(t.metAt, tz)}` : ''}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {t.reasonName ? (
                        <Text size="xs">
                          {t.reasonName}
                          {t.reasonNote ? ` — ${t.reasonNote}` : ''}
                        </Text>
                      ) : t.breachedAt !== null && can('orders.register') ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="orange"
                          onClick={() => setDialog({ kind: 'reason', target: t.target })}
                        >
                          Give reason
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
          <div>
            <Text size="xs" fw={600} c="dimmed" mb={4}>
              Clock events
            </Text>
            <Table verticalSpacing={2} fz="xs" data-testid="sla-events">
              <Table.Tbody>
                {[...clock.events].reverse().map((ev) => (
                  <Table.Tr key={ev.id}>
                    <Table.Td w={130}>{formatInstant(ev.at, tz)}</Table.Td>
                    <Table.Td w={140}>
                      {EVENT_LABELS[ev.kind]}
                      {ev.target ? ` · ${SLA_TARGET_LABELS[ev.target]}` : ''}
                    </Table.Td>
                    <Table.Td w={140} c="dimmed">
                      {ev.userName ?? 'system'}
                    </Table.Td>
                    <Table.Td>
                      {ev.reasonName}
                      {ev.reasonName && ev.note ? ' — ' : ''}
                      {ev.note}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </Stack>
      )}

      {clock && (
        <>
          <SlaReasonDialog
            opened={dialog?.kind === 'cancel'}
            title={`Cancel the SLA clock of ${order.number}?`}
            message="The targets stop counting and the order no longer shows on the at-risk list; the compliance report leaves it out. Resetting starts it again."
            confirmLabel="Cancel the clock"
            danger
            reasonRequired={reasonRequired}
            busy={cancel.isPending}
            onClose={close}
            onConfirm={(v) => cancel.mutateAsync({ orderId: order.id, version: clock.version, ...v })}
          />
          <SlaReasonDialog
            opened={dialog?.kind === 'reset'}
            title={`Restart the SLA clock of ${order.number}?`}
            message="Every target starts again from now, as if the order had just come in (e.g. the customer changed the request)."
            confirmLabel="Reset the clock"
            reasonRequired={reasonRequired}
            busy={reset.isPending}
            onClose={close}
            onConfirm={(v) => reset.mutateAsync({ orderId: order.id, version: clock.version, ...v })}
          />
          <SlaReasonDialog
            opened={dialog?.kind === 'reason'}
            title={dialog?.kind === 'reason' ? `Why was the ${SLA_TARGET_LABELS[dialog.target].toLowerCase()} target missed?` : ''}
            message="The reason shows on the order and in the compliance export."
            confirmLabel="Save reason"
            reasonRequired
            busy={giveReason.isPending}
            onClose={close}
            onConfirm={(v) =>
              giveReason.mutateAsync({
                orderId: order.id,
                version: clock.version,
                target: (dialog as { target: SlaTargetKind }).target,
                reasonId: v.reasonId!,
                note: v.note
              })
            }
          />
        </>
      )}
      <AssignDialog
        order={order}
        current={clock?.source === 'order' ? clock.slaId : null}
        opened={dialog?.kind === 'assign'}
        onClose={close}
      />
    </Paper>
  )
}

/** Sets or clears the order's own SLA (sla.setForOrder): the clock restarts on the new SLA's targets. */
function AssignDialog({
  order,
  current,
  opened,
  onClose
}: {
  order: OrderRow
  current: number | null
  opened: boolean
  onClose: () => void
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={`SLA of ${order.number}`} size="md">
      {opened && <AssignForm order={order} current={current} onClose={onClose} />}
    </Modal>
  )
}

function AssignForm({ order, current, onClose }: { order: OrderRow; current: number | null; onClose: () => void }) {
  const [slaId, setSlaId] = useState<number | null>(current)
  const assign = useClockAction('sla.setForOrder', order.id, 'SLA changed', onClose)
  return (
    <Stack gap="sm">
      <Text size="sm">
        The order&apos;s own SLA overrides the one its agreement or customer group gives it. Changing it restarts the clock from now;
        leaving it empty goes back to the default.
      </Text>
      <EntitySelect
        label="SLA"
        data-autofocus
        placeholder="Default (agreement or customer group)"
        list="slaDefinitions.list"
        labelOf={(s) => `${s.code} · ${s.name}`}
        value={slaId}
        onChange={setSlaId}
        comboboxProps={{ withinPortal: true }}
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onClose}>
          Cancel
        </Button>
        <Button
          size="xs"
          loading={assign.isPending}
          onClick={() => assign.mutate({ orderId: order.id, orderVersion: order.version, slaId })}
        >
          Apply
        </Button>
      </Group>
    </Stack>
  )
}
