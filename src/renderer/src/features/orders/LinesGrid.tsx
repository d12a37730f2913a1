import { Button, Checkbox, Group, Modal, Paper, Table, Text, Tooltip } from '@mantine/core'
import { useRef, useState } from 'react'
import type { LineRow, OrderRow } from '@shared/domain/orders'
import { formatMoney } from '../../lib/format'
import { useSession } from '../../lib/session'
import { LineEditor } from './LineEditor'
import { LineMenu } from './LineMenu'
import classes from './LinesGrid.module.css'
import { COLUMNS, LineView } from './LineView'
import { MoveLinesDialog } from './MoveLinesDialog'
import { useOrderAction } from './mutations'

interface LinesGridProps {
  order: OrderRow
  /** Lines may be added and changed: the stage allows it, the order is not cancelled, the user may register. */
  editable: boolean
}

/**
 * The order's lines, edited in place. Each row saves on its own (Enter, or the check button), carrying the
 * line's version; Escape puts the row back; Tab walks the cells. Posted and cancelled lines are read-only.
 * The last row adds a line.
 */
export function LinesGrid({ order, editable }: LinesGridProps) {
  const { can, user } = useSession()
  const [selected, setSelected] = useState<number[]>([])
  const [expanded, setExpanded] = useState<Set<number | 'new'>>(new Set())
  const [moving, setMoving] = useState(false)
  const [deleting, setDeleting] = useState<LineRow | null>(null)
  const body = useRef<HTMLTableSectionElement>(null)

  const open = order.lines.filter((l) => l.status === 'created')
  const chosen = selected.filter((id) => open.some((l) => l.id === id))
  const clear = () => setSelected([])
  const signOff = useOrderAction('serviceOrders.signOff', order.id, {
    done: (o) => (o.signedOff ? 'Order signed off' : 'Lines signed off'),
    onSuccess: clear
  })
  const post = useOrderAction('serviceOrders.post', order.id, { done: 'Lines posted', onSuccess: clear })
  const deleteLine = useOrderAction('serviceOrders.deleteLine', order.id, { done: 'Line deleted' })

  const focusRow = (key: number | 'new') =>
    setTimeout(() => body.current?.querySelector<HTMLElement>(`[data-line-row="${key}"] [data-col]:not([disabled])`)?.focus(), 0)
  const toggle = (key: number | 'new') =>
    setExpanded((s) => {
      const n = new Set(s)
      if (n.has(key)) n.delete(key)
      else n.add(key)
      return n
    })

  const allChosen = open.length > 0 && chosen.length === open.length
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb={6} gap="xs">
        <Group gap="xs">
          <Text fw={600} size="sm">
            Lines
          </Text>
          <Text size="xs" c="dimmed">
            Enter saves a row and moves on · Esc puts it back
          </Text>
        </Group>
        <Group gap="xs">
          {chosen.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="lines-selected">
              {chosen.length} selected
            </Text>
          )}
          {can('orders.signOff') && (
            <Button
              size="compact-xs"
              variant="light"
              disabled={chosen.length === 0}
              loading={signOff.isPending}
              onClick={() => signOff.mutate({ id: order.id, version: order.version, lineIds: chosen })}
            >
              Sign off selected
            </Button>
          )}
          {can('orders.post') && (
            <Tooltip label={`Stage "${order.stage.name}" does not allow posting`} disabled={order.stage.canPost}>
              <Button
                size="compact-xs"
                variant="light"
                disabled={chosen.length === 0 || !order.stage.canPost}
                loading={post.isPending}
                onClick={() => post.mutate({ id: order.id, version: order.version, lineIds: chosen })}
              >
                Post selected
              </Button>
            </Tooltip>
          )}
          {can('orders.write') && (
            <Button size="compact-xs" variant="light" disabled={chosen.length === 0} onClick={() => setMoving(true)}>
              Move to order…
            </Button>
          )}
        </Group>
      </Group>
      <div style={{ overflowX: 'auto' }}>
        <Table className={classes.table} verticalSpacing={3} horizontalSpacing={4} fz="sm" data-testid="lines-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={26}>
                <Checkbox
                  size="xs"
                  aria-label="Select all open lines"
                  checked={allChosen}
                  indeterminate={chosen.length > 0 && !allChosen}
                  disabled={open.length === 0}
                  onChange={() => setSelected(allChosen ? [] : open.map((l) => l.id))}
                />
              </Table.Th>
              <Table.Th w={26}>#</Table.Th>
              <Table.Th w={98}>Type</Table.Th>
              <Table.Th w={146}>Category / item</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={126}>Worker</Table.Th>
              <Table.Th w={78} style={{ textAlign: 'right' }}>
                Quantity
              </Table.Th>
              <Table.Th w={92} style={{ textAlign: 'right' }}>
                Unit price
              </Table.Th>
              <Table.Th w={86} style={{ textAlign: 'right' }}>
                Amount
              </Table.Th>
              <Table.Th w={100}>Actual date</Table.Th>
              <Table.Th w={104}>Status</Table.Th>
              <Table.Th w={52} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={body}>
            {order.lines.map((l, i) => {
              const row = {
                line: l,
                expanded: expanded.has(l.id),
                onToggle: () => toggle(l.id),
                selected: chosen.includes(l.id),
                onSelect: (on: boolean) => setSelected((s) => (on ? [...s, l.id] : s.filter((id) => id !== l.id))),
                menu: <LineMenu line={l} order={order} editable={editable} onDelete={setDeleting} />
              }
              return editable && l.status === 'created' && (can('orders.write') || l.workerId === user?.workerId) ? (
                <LineEditor key={`${l.id}:${l.version}`} {...row} order={order} onDone={() => focusRow(order.lines[i + 1]?.id ?? 'new')} />
              ) : (
                <LineView key={`${l.id}:${l.version}`} {...row} />
              )
            })}
            {editable && (
              <LineEditor
                key="new"
                line={null}
                order={order}
                expanded={expanded.has('new')}
                onToggle={() => toggle('new')}
                onDone={() => focusRow('new')}
              />
            )}
            {order.lines.length === 0 && !editable && (
              <Table.Tr>
                <Table.Td colSpan={COLUMNS}>
                  <Text size="sm" c="dimmed" ta="center" py="sm">
                    No lines.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </div>
      <Group justify="flex-end" gap="lg" mt={6} data-testid="order-totals">
        <Text size="sm" c="dimmed">
          Cost <b>{formatMoney(order.costTotal)}</b>
        </Text>
        <Text size="sm">
          Price <b>{formatMoney(order.salesTotal)}</b>
        </Text>
      </Group>

      <MoveLinesDialog order={order} lineIds={chosen} opened={moving} onClose={() => setMoving(false)} onMoved={clear} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={`Delete line ${deleting?.lineNo ?? ''}?`} size="sm">
        <Text size="sm">
          This removes line {deleting?.lineNo} ({deleting?.description}) from the order. It cannot be undone; the change history keeps a
          copy. To keep it on record, cancel the line instead.
        </Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" size="xs" onClick={() => setDeleting(null)}>
            Keep it
          </Button>
          <Button
            color="red"
            size="xs"
            data-autofocus
            onClick={() => {
              if (deleting) deleteLine.mutate({ id: deleting.id, version: deleting.version })
              setDeleting(null)
            }}
          >
            Delete line
          </Button>
        </Group>
      </Modal>
    </Paper>
  )
}
