import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { OrderRow } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { formatMoney } from '../../lib/format'
import { useOrderAction } from './mutations'

/** Copies the open lines of a template order onto this order. */
export function CopyLinesDialog({ order, opened, onClose }: { order: OrderRow; opened: boolean; onClose: () => void }) {
  const [from, setFrom] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const copy = useOrderAction('serviceOrders.copyLines', order.id, {
    done: (o) => `${o.lines.length - order.lines.length} lines copied`,
    onSuccess: () => {
      setFrom(null)
      onClose()
    }
  })
  return (
    <Modal opened={opened} onClose={onClose} title="Copy lines from a template order" size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (from === null) return setError('Choose a template order')
          copy.mutate({ id: order.id, fromOrderId: from })
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            The template&apos;s open lines are added after the lines of {order.number}, with the template&apos;s prices. Service objects
            come along only from a template of the same customer.
          </Text>
          <EntitySelect
            label="Template order"
            data-autofocus
            list="serviceOrders.list"
            filters={{ templates: true }}
            labelOf={(o) => `${o.number} · ${o.description} (${o.lineCount} lines, ${formatMoney(o.salesTotal)})`}
            value={from}
            onChange={(id) => {
              setFrom(id)
              setError(null)
            }}
            error={error}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" size="xs" loading={copy.isPending}>
              Copy lines
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
