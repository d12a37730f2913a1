import { Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderRow } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { call } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { orderKeys } from '../orders/queries'
import { dispatchKeys } from './queries'

/**
 * A job's notes and parts on *My work*, for a technician's thumb: the order's notes (saved through the
 * technician's register call, with the order's version: a stale one is refused and the text stays) and the
 * parts used (an item line each). What was typed stays until the host confirmed the save.
 */
export function JobNotesParts({ orderId }: { orderId: number }) {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const order = useQuery({ queryKey: orderKeys.one(orderId), queryFn: () => call('serviceOrders.get', { id: orderId }) })
  // null: untouched, the order's own notes show.
  const [notes, setNotes] = useState<string | null>(null)
  const [itemId, setItemId] = useState<number | null>(null)
  const [quantity, setQuantity] = useState<number | string>(1)
  const stored = (row: OrderRow) => {
    qc.setQueryData(orderKeys.one(row.id), row)
    void qc.invalidateQueries({ queryKey: dispatchKeys.all })
  }
  const saveNotes = useMutation({
    mutationFn: (o: OrderRow) =>
      call('serviceOrders.register', {
        id: o.id,
        version: o.version,
        actualStart: o.actualStart,
        actualEnd: o.actualEnd,
        notes: notes ?? o.notes
      }),
    onSuccess: (row) => {
      stored(row)
      setNotes(null)
      notifySaved(t('dispatch.myWork.notes'))
    },
    onError: (e) => showApiError(e)
  })
  const addPart = useMutation({
    mutationFn: () => call('serviceOrders.addLine', { orderId, type: 'item', itemId, quantity: Math.round(Number(quantity) * 1000) }),
    onSuccess: (row) => {
      stored(row)
      setItemId(null)
      setQuantity(1)
      notifications.show({ color: 'teal', message: t('dispatch.myWork.partAdded'), autoClose: 2500 })
    },
    onError: (e) => showApiError(e)
  })

  const o = order.data
  if (!o) return order.isError ? <Text c="red">{order.error.message}</Text> : null
  const parts = o.lines.filter((l) => l.type === 'item' && l.status !== 'cancelled')
  return (
    <Stack gap="xs" data-testid="job-notes-parts">
      <Textarea
        label={t('dispatch.myWork.notes')}
        autosize
        minRows={2}
        maxRows={8}
        value={notes ?? o.notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Button size="md" variant="light" disabled={notes === null} loading={saveNotes.isPending} onClick={() => saveNotes.mutate(o)}>
        {t('dispatch.myWork.saveNotes')}
      </Button>
      <Text size="sm" fw={600}>
        {t('dispatch.myWork.parts')}
      </Text>
      {parts.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('dispatch.myWork.noParts')}
        </Text>
      )}
      {parts.map((l) => (
        <Group key={l.id} justify="space-between" wrap="nowrap" data-testid="job-part">
          <Text size="sm" truncate>
            {l.description}
          </Text>
          <Text size="sm" fw={500}>
            {f.quantity(l.quantity)} {l.unit}
          </Text>
        </Group>
      ))}
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <EntitySelect
          list="items.list"
          labelOf={(r) => `${r.number} ${r.name}`}
          value={itemId}
          onChange={(id) => setItemId(id)}
          label={t('dispatch.myWork.part')}
          size="md"
          style={{ flex: 1, minWidth: 0 }}
        />
        <NumberInput
          label={t('dispatch.myWork.quantity')}
          size="md"
          w={90}
          min={0.001}
          decimalScale={3}
          value={quantity}
          onChange={setQuantity}
        />
      </Group>
      <Button
        size="md"
        variant="light"
        leftSection={<IconPlus size={16} />}
        disabled={itemId === null || !(Number(quantity) > 0)}
        loading={addPart.isPending}
        onClick={() => addPart.mutate()}
      >
        {t('dispatch.myWork.addPart')}
      </Button>
    </Stack>
  )
}
