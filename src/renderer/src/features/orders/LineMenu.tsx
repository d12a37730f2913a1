import { ActionIcon, Menu } from '@mantine/core'
import { IconArrowBackUp, IconDots, IconTrash, IconX } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import type { LineRow, OrderRow } from '@shared/domain/orders'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useOrderAction } from './mutations'

interface LineMenuProps {
  line: LineRow
  order: OrderRow
  /** Lines may be added and changed on this order (see LinesGrid). */
  editable: boolean
  /** Asks before deleting: the grid shows the confirmation. */
  onDelete: (line: LineRow) => void
}

/** A line's own actions — cancel, revoke the cancellation, delete — as far as the role and the stage allow; nothing when none applies. */
export function LineMenu({ line: l, order, editable, onDelete }: LineMenuProps) {
  const t = useT()
  const { can, user } = useSession()
  const cancelLine = useOrderAction('serviceOrders.cancelLine', order.id, { done: t('orders.lines.lineCancelled') })
  const revokeLine = useOrderAction('serviceOrders.revokeCancelLine', order.id, { done: t('orders.actions.cancellationRevoked') })

  const items: ReactNode[] = []
  if (can('orders.write') && l.status === 'created' && order.stage.canCancel) {
    items.push(
      <Menu.Item key="cancel" leftSection={<IconX size={14} />} onClick={() => cancelLine.mutate({ id: l.id, version: l.version })}>
        {t('orders.lines.cancelLine')}
      </Menu.Item>
    )
  }
  if (can('orders.write') && l.status === 'cancelled' && order.stage.canModify) {
    items.push(
      <Menu.Item
        key="revoke"
        leftSection={<IconArrowBackUp size={14} />}
        onClick={() => revokeLine.mutate({ id: l.id, version: l.version })}
      >
        {t('orders.lines.revokeCancel')}
      </Menu.Item>
    )
  }
  if (editable && l.status === 'created' && l.occurrenceDate === null && (can('orders.write') || l.workerId === user?.workerId)) {
    items.push(
      <Menu.Item key="delete" color="red" leftSection={<IconTrash size={14} />} onClick={() => onDelete(l)}>
        {t('orders.lines.deleteLine')}
      </Menu.Item>
    )
  }
  if (items.length === 0) return null
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label={t('orders.lines.actionsAria', { lineNo: l.lineNo })}>
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{items}</Menu.Dropdown>
    </Menu>
  )
}
