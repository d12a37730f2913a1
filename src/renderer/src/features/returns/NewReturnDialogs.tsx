import { ActionIcon, Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp, IconPlus, IconTrash } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { OrderRow } from '@shared/domain/orders'
import type { ReturnRow } from '@shared/domain/returns'
import { EntitySelect } from '../../components/EntitySelect'
import { PriceCell, QuantityCell } from '../../components/GridCells'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useRefreshReturns, useShopToday } from './shared'

/** After creating: the lists refresh and the new return opens (a technician, who cannot open returns, is told its number). */
function useOpenCreated(onClose: () => void) {
  const t = useT()
  const { can } = useSession()
  const navigate = useNavigate()
  const refresh = useRefreshReturns()
  return (r: ReturnRow) => {
    refresh(r.id)
    onClose()
    if (can('returns.read')) void navigate(`/returns/${r.id}`)
    else notifications.show({ color: 'teal', message: t('returns.fromOrder.created', { number: r.number }) })
  }
}

interface Draft {
  key: number
  itemId: number | null
  serviceObjectId: number | null
  quantity: number
  returnPrice: number | null
}

/**
 * "New return" by hand, for goods that came without an invoice to find: item and/or the customer's service
 * object per line; a return price only for users who may set prices (the service checks it as well).
 */
export function ManualReturnDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT()
  return (
    <Modal opened={opened} onClose={onClose} title={t('returns.manual.title')} size="xl">
      {opened && <ManualReturnForm onClose={onClose} />}
    </Modal>
  )
}

function ManualReturnForm({ onClose }: { onClose: () => void }) {
  const t = useT()
  const { can } = useSession()
  const today = useShopToday()
  const opened = useOpenCreated(onClose)
  const pricing = can('prices.override')
  const [customerId, setCustomerId] = useState<number | null>(null)
  const [reasonId, setReasonId] = useState<number | null>(null)
  const [lines, setLines] = useState<Draft[]>([{ key: 1, itemId: null, serviceObjectId: null, quantity: 1000, returnPrice: null }])
  const setLine = (key: number, change: Partial<Draft>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...change } : l)))
  const filled = lines.filter((l) => l.itemId !== null || l.serviceObjectId !== null)
  const create = useMutation({
    mutationFn: () =>
      call('returns.createManual', {
        customerId: customerId!,
        reasonId: reasonId!,
        createdDate: today,
        lines: filled.map((l) => ({
          itemId: l.itemId,
          serviceObjectId: l.serviceObjectId,
          quantity: l.quantity,
          returnPrice: pricing ? (l.returnPrice ?? 0) : 0
        }))
      }),
    onSuccess: opened,
    onError: (e) => showApiError(e)
  })
  return (
    <Stack gap="sm">
      <Group grow>
        <EntitySelect
          size="xs"
          label={t('returns.find.customer')}
          list="customers.list"
          labelOf={(c) => `${c.number} ${c.name}`}
          value={customerId}
          onChange={(v) => {
            setCustomerId(v)
            // Service objects belong to the customer: a different customer's no longer fit.
            setLines((ls) => ls.map((l) => ({ ...l, serviceObjectId: null })))
          }}
          data-testid="manual-customer"
        />
        <EntitySelect
          size="xs"
          label={t('returns.find.reason')}
          list="returnReasons.list"
          labelOf={(r) => `${r.code} ${r.name}`}
          value={reasonId}
          onChange={setReasonId}
          data-testid="manual-reason"
        />
      </Group>
      <Table fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('returns.manual.item')}</Table.Th>
            <Table.Th>{t('returns.manual.object')}</Table.Th>
            <Table.Th w={110}>{t('returns.page.quantity')}</Table.Th>
            {pricing && <Table.Th w={120}>{t('returns.page.price')}</Table.Th>}
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, n) => (
            <Table.Tr key={l.key} data-testid={`manual-line-${n + 1}`}>
              <Table.Td>
                <EntitySelect
                  size="xs"
                  aria-label={t('returns.manual.itemOf', { n: n + 1 })}
                  list="items.list"
                  labelOf={(i) => `${i.number} ${i.name}`}
                  value={l.itemId}
                  onChange={(v) => setLine(l.key, { itemId: v })}
                />
              </Table.Td>
              <Table.Td>
                <EntitySelect
                  size="xs"
                  aria-label={t('returns.manual.objectOf', { n: n + 1 })}
                  list="serviceObjects.list"
                  filters={{ customerId }}
                  disabled={customerId === null}
                  labelOf={(o) => `${o.number} ${o.name}${o.serialNumber ? ` · ${o.serialNumber}` : ''}`}
                  value={l.serviceObjectId}
                  onChange={(v, o) => setLine(l.key, { serviceObjectId: v, itemId: l.itemId ?? o?.itemId ?? null })}
                />
              </Table.Td>
              <Table.Td>
                <QuantityCell
                  size="xs"
                  aria-label={t('returns.manual.quantityOf', { n: n + 1 })}
                  value={l.quantity}
                  onChange={(q) => setLine(l.key, { quantity: q })}
                />
              </Table.Td>
              {pricing && (
                <Table.Td>
                  <PriceCell
                    size="xs"
                    aria-label={t('returns.manual.priceOf', { n: n + 1 })}
                    value={l.returnPrice}
                    onChange={(p) => setLine(l.key, { returnPrice: p })}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  disabled={lines.length === 1}
                  aria-label={t('returns.manual.removeLine', { n: n + 1 })}
                  onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setLines((ls) => [
              ...ls,
              { key: Math.max(...ls.map((x) => x.key)) + 1, itemId: null, serviceObjectId: null, quantity: 1000, returnPrice: null }
            ])
          }
        >
          {t('returns.manual.addLine')}
        </Button>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            size="xs"
            disabled={customerId === null || reasonId === null || filled.length === 0}
            loading={create.isPending}
            onClick={() => create.mutate()}
            data-testid="manual-create"
          >
            {t('returns.find.create')}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}

/**
 * "Return parts" on a service order: the order's lines with an item or a service object, each with the
 * quantity to bring back. Shown to whoever may create returns, and to a technician (the service checks that
 * the order is their own).
 */
export function ReturnFromOrderButton({ order }: { order: OrderRow }) {
  const t = useT()
  const { can } = useSession()
  const [opened, setOpened] = useState(false)
  if (order.isTemplate || !(can('returns.write') || can('orders.register'))) return null
  return (
    <>
      <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} onClick={() => setOpened(true)}>
        {t('returns.fromOrder.open')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('returns.fromOrder.title', { number: order.number })} size="xl">
        {opened && <ReturnFromOrderForm order={order} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  )
}

function ReturnFromOrderForm({ order, onClose }: { order: OrderRow; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const today = useShopToday()
  const opened = useOpenCreated(onClose)
  const [reasonId, setReasonId] = useState<number | null>(null)
  const [asks, setAsks] = useState<Record<number, number>>({})
  const lines = order.lines.filter((l) => l.itemId !== null || l.serviceObjectId !== null)
  const chosen = lines.filter((l) => (asks[l.id] ?? 0) > 0)
  const create = useMutation({
    mutationFn: () =>
      call('returns.createFromOrder', {
        orderId: order.id,
        reasonId: reasonId!,
        createdDate: today,
        lines: chosen.map((l) => ({
          itemId: l.itemId,
          serviceObjectId: l.serviceObjectId,
          description: l.description,
          quantity: asks[l.id]!
        }))
      }),
    onSuccess: opened,
    onError: (e) => showApiError(e)
  })
  return (
    <Stack gap="sm">
      <EntitySelect
        size="xs"
        w={320}
        label={t('returns.find.reason')}
        list="returnReasons.list"
        labelOf={(r) => `${r.code} ${r.name}`}
        value={reasonId}
        onChange={setReasonId}
        data-testid="order-return-reason"
      />
      {lines.length === 0 ? (
        <Alert color="gray">{t('returns.fromOrder.nothing')}</Alert>
      ) : (
        <Table striped fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              <Table.Th>{t('returns.find.description')}</Table.Th>
              <Table.Th>{t('returns.manual.object')}</Table.Th>
              <Table.Th ta="right">{t('returns.fromOrder.onOrder')}</Table.Th>
              <Table.Th w={110}>{t('returns.find.quantity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.id} data-testid={`order-return-line-${l.lineNo}`}>
                <Table.Td>{l.lineNo}</Table.Td>
                <Table.Td>
                  {l.description || l.itemName}
                  {l.itemName && l.description && l.itemName !== l.description && (
                    <Text span size="xs" c="dimmed">{` · ${l.itemName}`}</Text>
                  )}
                </Table.Td>
                <Table.Td>{l.serviceObjectName}</Table.Td>
                <Table.Td ta="right">{`${f.quantity(l.quantity)} ${l.unit}`}</Table.Td>
                <Table.Td>
                  <QuantityCell
                    size="xs"
                    aria-label={t('returns.find.quantityOf', { description: l.description || l.itemName || String(l.lineNo) })}
                    value={asks[l.id] ?? 0}
                    onChange={(q) => setAsks((a) => ({ ...a, [l.id]: q }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={reasonId === null || chosen.length === 0}
          loading={create.isPending}
          onClick={() => create.mutate()}
          data-testid="order-return-create"
        >
          {t('returns.find.create')}
        </Button>
      </Group>
    </Stack>
  )
}
