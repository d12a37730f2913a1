import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { OrderRow } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { useOrderAction } from './mutations'

interface MoveLinesDialogProps {
  order: OrderRow
  lineIds: number[]
  opened: boolean
  onClose: () => void
  onMoved: () => void
}

/** Moves chosen lines to another order of the same customer (the API allows it within one agreement only). */
export function MoveLinesDialog({ order, lineIds, opened, onClose, onMoved }: MoveLinesDialogProps) {
  const navigate = useNavigate()
  const [target, setTarget] = useState<number | null>(null)
  const [deleteEmpty, setDeleteEmpty] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const allMoving = lineIds.length === order.lines.length
  const move = useOrderAction('serviceOrders.moveLines', order.id, {
    done: (to) => `${lineIds.length === 1 ? 'Line' : `${lineIds.length} lines`} moved to ${to.number}`,
    onSuccess: (to) => {
      onMoved()
      onClose()
      if (deleteEmpty && allMoving) void navigate(`/orders/${to.id}`, { replace: true })
    }
  })
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Move ${lineIds.length === 1 ? 'a line' : `${lineIds.length} lines`} to another order`}
      size="md"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (target === null) return setError('Choose the order to move to')
          move.mutate({ lineIds, toOrderId: target, deleteEmptyOrder: deleteEmpty && allMoving })
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Lines move only between orders of the same service agreement. They keep their values and get the next line numbers on the other
            order.
          </Text>
          <EntitySelect
            label="Move to order"
            data-autofocus
            list="serviceOrders.list"
            filters={{ customerId: order.customerId }}
            labelOf={(o) => `${o.number} · ${o.description}${o.agreementId !== null ? ` (agreement #${o.agreementId})` : ''}`}
            value={target}
            onChange={(id) => {
              setTarget(id)
              setError(null)
            }}
            error={error}
          />
          {allMoving && (
            <Checkbox
              label={`Delete ${order.number} when no line is left (only where its stage allows deleting)`}
              checked={deleteEmpty}
              onChange={(e) => setDeleteEmpty(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" size="xs" loading={move.isPending}>
              Move
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
