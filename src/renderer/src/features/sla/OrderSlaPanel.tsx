import { Alert, Badge, Button, Group, Menu, Modal, Paper, Stack, Table, Text } from '@mantine/core'
import { IconChevronDown, IconClockPause, IconRefresh, IconX } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderRow } from '@shared/domain/orders'
import type { OrderClock, SlaTargetKind } from '@shared/domain/sla'
import { formatsFor } from '@shared/i18n/format'
import { EntitySelect } from '../../components/EntitySelect'
import { formatBusinessMinutes, SlaBadge, slaBadgeColour } from '../../components/SlaBadge'
import { useLanguage, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { settingsQuery } from '../../lib/settings'
import { SlaReasonDialog } from './SlaReasonDialog'
import { useClockAction, useOrderClock } from './orderClock'

const STATE_LEVEL = { running: 'ok', paused: 'paused', met: 'met', breached: 'breached', cancelled: 'cancelled' } as const

type Dialog = { kind: 'cancel' } | { kind: 'reset' } | { kind: 'reason'; target: SlaTargetKind } | { kind: 'assign' } | null

/** The order's SLA: which one applies and why, each target's deadline and time left, the event log, and the clock actions. */
export function OrderSlaPanel({ order }: { order: OrderRow }) {
  const { can } = useSession()
  const t = useT()
  const language = useLanguage()
  const settings = useQuery(settingsQuery)
  const clockQuery = useOrderClock(order)
  const clock = clockQuery.data ?? null
  const tz = settings.data?.timeZone ?? 'Europe/Tallinn'
  const f = formatsFor(language, tz)
  const minutes = (m: number) => formatBusinessMinutes(t, m)
  const sourceLabels: Record<OrderClock['source'], string> = {
    order: t('sla.clock.source.order'),
    agreement: t('sla.clock.source.agreement'),
    agreementGroup: t('sla.clock.source.agreementGroup'),
    customerGroup: t('sla.clock.source.customerGroup')
  }
  const eventLabels: Record<OrderClock['events'][number]['kind'], string> = {
    start: t('sla.clock.event.start'),
    pause: t('sla.clock.event.pause'),
    resume: t('sla.clock.event.resume'),
    met: t('sla.clock.event.met'),
    breached: t('sla.clock.event.breached'),
    reset: t('sla.clock.event.reset'),
    cancel: t('sla.clock.event.cancel'),
    priority: t('sla.clock.event.priority'),
    assign: t('sla.clock.event.assign'),
    reason: t('sla.clock.event.reason')
  }
  const stateLabels: Record<keyof typeof STATE_LEVEL, string> = {
    running: t('sla.clock.states.running'),
    paused: t('sla.clock.states.paused'),
    met: t('sla.clock.states.met'),
    breached: t('sla.clock.states.breached'),
    cancelled: t('sla.clock.states.cancelled')
  }
  const reasonRequired = settings.data?.slaReasonRequired ?? true
  const [dialog, setDialog] = useState<Dialog>(null)
  const close = () => setDialog(null)
  const cancel = useClockAction('sla.cancel', order.id, t('sla.clock.cancelled'), close)
  const reset = useClockAction('sla.reset', order.id, t('sla.clock.restarted'), close)
  const giveReason = useClockAction('sla.giveReason', order.id, t('sla.clock.reasonRecorded'), close)

  return (
    <Paper withBorder p="sm" data-testid="order-sla">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {t('sla.clock.title')}
          </Text>
          {clock ? (
            <>
              <Text size="sm">{clock.slaName}</Text>
              <Text size="xs" c="dimmed">
                {t('sla.clock.started', { source: sourceLabels[clock.source], time: f.dateTime(clock.startedAt) })}
              </Text>
              <SlaBadge badge={clock.badge} />
            </>
          ) : (
            clockQuery.isSuccess && (
              <Text size="sm" c="dimmed">
                {t('sla.clock.none')}
              </Text>
            )
          )}
        </Group>
        {can('orders.write') && !order.isTemplate && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="default" rightSection={<IconChevronDown size={14} />}>
                {t('sla.clock.actions')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconClockPause size={14} />} onClick={() => setDialog({ kind: 'assign' })}>
                {clock ? t('sla.clock.change') : t('sla.clock.set')}
              </Menu.Item>
              <Menu.Item leftSection={<IconRefresh size={14} />} disabled={clock === null} onClick={() => setDialog({ kind: 'reset' })}>
                {t('sla.clock.reset')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconX size={14} />}
                color="red"
                disabled={clock === null || clock.state === 'cancelled'}
                onClick={() => setDialog({ kind: 'cancel' })}
              >
                {t('sla.clock.cancel')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {clockQuery.isError && <Alert color="red">{(clockQuery.error as Error).message}</Alert>}
      {clock && clock.reasonsMissing.length > 0 && (
        <Alert color="orange" py={6} mb="xs" data-testid="sla-reasons-missing">
          {t('sla.clock.reasonsMissing', {
            targets: clock.reasonsMissing.map((k) => t(`enums.slaTarget.${k}`)).join(` ${t('sla.clock.and')} `)
          })}
        </Alert>
      )}
      {clock && (
        <Stack gap="sm">
          <Table verticalSpacing={4} fz="sm" withTableBorder data-testid="sla-targets-clock">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sla.clock.target')}</Table.Th>
                <Table.Th>{t('sla.clock.allowed')}</Table.Th>
                <Table.Th>{t('sla.clock.deadline')}</Table.Th>
                <Table.Th>{t('sla.clock.used')}</Table.Th>
                <Table.Th>{t('sla.clock.left')}</Table.Th>
                <Table.Th>{t('sla.clock.state')}</Table.Th>
                <Table.Th>{t('sla.clock.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clock.targets.map((x) => {
                const stopped = x.metAt !== null || x.state === 'cancelled'
                return (
                  <Table.Tr key={x.target} data-target={x.target}>
                    <Table.Td fw={500}>{t(`enums.slaTarget.${x.target}`)}</Table.Td>
                    <Table.Td>{minutes(x.minutes)}</Table.Td>
                    <Table.Td>
                      {x.deadline !== null ? f.dateTime(x.deadline) : x.state === 'paused' ? t('sla.clock.whenResumed') : '—'}
                    </Table.Td>
                    <Table.Td>{minutes(x.consumed)}</Table.Td>
                    <Table.Td data-testid={`sla-left-${x.target}`} c={x.remaining < 0 ? 'red' : undefined}>
                      {stopped ? '—' : x.remaining < 0 ? t('sla.clock.over', { time: minutes(-x.remaining) }) : minutes(x.remaining)}
                    </Table.Td>
                    <Table.Td>
                      <Badge size="xs" variant="light" color={slaBadgeColour(STATE_LEVEL[x.state])}>
                        {stateLabels[x.state]}
                        {x.metAt !== null ? ` ${f.dateTime(x.metAt)}` : ''}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {x.reasonName ? (
                        <Text size="xs">
                          {x.reasonName}
                          {x.reasonNote ? ` — ${x.reasonNote}` : ''}
                        </Text>
                      ) : x.breachedAt !== null && can('orders.register') ? (
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="orange"
                          onClick={() => setDialog({ kind: 'reason', target: x.target })}
                        >
                          {t('sla.clock.giveReason')}
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
              {t('sla.clock.events')}
            </Text>
            <Table verticalSpacing={2} fz="xs" data-testid="sla-events">
              <Table.Tbody>
                {[...clock.events].reverse().map((ev) => (
                  <Table.Tr key={ev.id}>
                    <Table.Td w={130}>{f.dateTime(ev.at)}</Table.Td>
                    <Table.Td w={140}>
                      {eventLabels[ev.kind]}
                      {ev.target ? ` · ${t(`enums.slaTarget.${ev.target}`)}` : ''}
                    </Table.Td>
                    <Table.Td w={140} c="dimmed">
                      {ev.userName ?? t('sla.clock.system')}
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
            title={t('sla.clock.cancelTitle', { order: order.number })}
            message={t('sla.clock.cancelMessage')}
            confirmLabel={t('sla.clock.cancelConfirm')}
            danger
            reasonRequired={reasonRequired}
            busy={cancel.isPending}
            onClose={close}
            onConfirm={(v) => cancel.mutateAsync({ orderId: order.id, version: clock.version, ...v })}
          />
          <SlaReasonDialog
            opened={dialog?.kind === 'reset'}
            title={t('sla.clock.resetTitle', { order: order.number })}
            message={t('sla.clock.resetMessage')}
            confirmLabel={t('sla.clock.resetConfirm')}
            reasonRequired={reasonRequired}
            busy={reset.isPending}
            onClose={close}
            onConfirm={(v) => reset.mutateAsync({ orderId: order.id, version: clock.version, ...v })}
          />
          <SlaReasonDialog
            opened={dialog?.kind === 'reason'}
            title={
              dialog?.kind === 'reason' ? t('sla.clock.reasonTitle', { target: t(`enums.slaTarget.${dialog.target}`).toLowerCase() }) : ''
            }
            message={t('sla.clock.reasonMessage')}
            confirmLabel={t('sla.clock.reasonConfirm')}
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
  const t = useT()
  return (
    <Modal opened={opened} onClose={onClose} title={t('sla.clock.assignTitle', { order: order.number })} size="md">
      {opened && <AssignForm order={order} current={current} onClose={onClose} />}
    </Modal>
  )
}

function AssignForm({ order, current, onClose }: { order: OrderRow; current: number | null; onClose: () => void }) {
  const t = useT()
  const [slaId, setSlaId] = useState<number | null>(current)
  const assign = useClockAction('sla.setForOrder', order.id, t('sla.clock.changed'), onClose)
  return (
    <Stack gap="sm">
      <Text size="sm">{t('sla.clock.assignExplain')}</Text>
      <EntitySelect
        label={t('sla.clock.assignLabel')}
        data-autofocus
        placeholder={t('sla.clock.assignDefault')}
        list="slaDefinitions.list"
        labelOf={(s) => `${s.code} · ${s.name}`}
        value={slaId}
        onChange={setSlaId}
        comboboxProps={{ withinPortal: true }}
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          loading={assign.isPending}
          onClick={() => assign.mutate({ orderId: order.id, orderVersion: order.version, slaId })}
        >
          {t('sla.clock.apply')}
        </Button>
      </Group>
    </Stack>
  )
}
