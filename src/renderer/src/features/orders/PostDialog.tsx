import { Button, Group, Modal, Table, Text } from '@mantine/core'
import { postingPreview } from '@shared/domain/orderRules'
import type { OrderRow } from '@shared/domain/orders'
import { useFormat, useT } from '../../lib/i18n'

interface PostDialogProps {
  order: OrderRow
  /** The lines to post as the post request names them: empty means every open, signed-off line. */
  lineIds: number[] | null
  onClose: () => void
  onConfirm: (lineIds: number[]) => void
}

/**
 * Posting cannot be undone on the order, so it first says what it takes: how many lines and their net sales
 * amount, per line type. Counted from the lines the page holds with the rule the service posts by.
 */
export function PostDialog({ order, lineIds, onClose, onConfirm }: PostDialogProps) {
  const t = useT()
  const f = useFormat()
  const preview = postingPreview(order.lines, lineIds ?? [])
  return (
    <Modal opened={lineIds !== null} onClose={onClose} title={t('orders.postConfirm.title', { number: order.number })} size="md">
      <Text size="sm" data-testid="post-summary">
        {t('orders.postConfirm.message', { count: preview.count, amount: f.money(preview.salesAmount) })}
      </Text>
      <Table mt="sm" fz="sm" verticalSpacing={3} data-testid="post-by-type">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.postConfirm.type')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('orders.postConfirm.lines')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('orders.postConfirm.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.byType.map((g) => (
            <Table.Tr key={g.type}>
              <Table.Td>{t(`enums.lineType.${g.type}`)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{g.count}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{f.money(g.salesAmount)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td>{t('orders.postConfirm.total')}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{preview.count}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{f.money(preview.salesAmount)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="md" gap="xs">
        <Button variant="default" size="xs" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={preview.count === 0}
          onClick={() => {
            onConfirm(lineIds ?? [])
            onClose()
          }}
        >
          {t('orders.postConfirm.confirm', { count: preview.count })}
        </Button>
      </Group>
    </Modal>
  )
}
