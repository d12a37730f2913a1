import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { OrderRow } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { useFormat, useT } from '../../lib/i18n'
import { useOrderAction } from './mutations'

/** Copies the open lines of a template order onto this order. */
export function CopyLinesDialog({ order, opened, onClose }: { order: OrderRow; opened: boolean; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const [from, setFrom] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const copy = useOrderAction('serviceOrders.copyLines', order.id, {
    done: (o) => t('orders.copy.done', { count: o.lines.length - order.lines.length }),
    onSuccess: () => {
      setFrom(null)
      onClose()
    }
  })
  return (
    <Modal opened={opened} onClose={onClose} title={t('orders.copy.title')} size="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (from === null) return setError(t('orders.copy.chooseTemplate'))
          copy.mutate({ id: order.id, fromOrderId: from })
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('orders.copy.intro', { number: order.number })}
          </Text>
          <EntitySelect
            label={t('orders.copy.templateOrder')}
            data-autofocus
            list="serviceOrders.list"
            filters={{ templates: true }}
            labelOf={(o) =>
              t('orders.copy.templateLabel', {
                number: o.number,
                description: o.description,
                count: o.lineCount,
                total: f.money(o.salesTotal)
              })
            }
            value={from}
            onChange={(id) => {
              setFrom(id)
              setError(null)
            }}
            error={error}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="xs" loading={copy.isPending}>
              {t('orders.copy.copy')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
