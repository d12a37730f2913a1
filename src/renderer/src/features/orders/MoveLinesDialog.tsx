import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { OrderRow } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { useT } from '../../lib/i18n'
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
  const t = useT()
  const navigate = useNavigate()
  const [target, setTarget] = useState<number | null>(null)
  const [deleteEmpty, setDeleteEmpty] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const allMoving = lineIds.length === order.lines.length
  const move = useOrderAction('serviceOrders.moveLines', order.id, {
    done: (to) => t('orders.move.done', { count: lineIds.length, number: to.number }),
    onSuccess: (to) => {
      onMoved()
      onClose()
      if (deleteEmpty && allMoving) void navigate(`/orders/${to.id}`, { replace: true })
    }
  })
  return (
    <Modal opened={opened} onClose={onClose} title={t('orders.move.title', { count: lineIds.length })} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (target === null) return setError(t('orders.move.chooseOrder'))
          move.mutate({ lineIds, toOrderId: target, deleteEmptyOrder: deleteEmpty && allMoving })
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('orders.move.intro')}
          </Text>
          <EntitySelect
            label={t('orders.move.moveToOrder')}
            data-autofocus
            list="serviceOrders.list"
            filters={{ customerId: order.customerId }}
            labelOf={(o) =>
              `${o.number} · ${o.description}${o.agreementId !== null ? ` ${t('orders.move.agreementNo', { id: o.agreementId })}` : ''}`
            }
            value={target}
            onChange={(id) => {
              setTarget(id)
              setError(null)
            }}
            error={error}
          />
          {allMoving && (
            <Checkbox
              label={t('orders.move.deleteEmpty', { number: order.number })}
              checked={deleteEmpty}
              onChange={(e) => setDeleteEmpty(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="xs" loading={move.isPending}>
              {t('orders.move.move')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
