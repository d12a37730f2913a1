import { Button, Checkbox, Group, Modal, Paper, Table, Text, Tooltip } from '@mantine/core'
import { useRef, useState } from 'react'
import type { LineRow, OrderRow } from '@shared/domain/orders'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { LineEditor } from './LineEditor'
import { LineMenu } from './LineMenu'
import classes from './LinesGrid.module.css'
import { COLUMNS, LineView } from './LineView'
import { MoveLinesDialog } from './MoveLinesDialog'
import { useOrderAction } from './mutations'
import { PostDialog } from './PostDialog'

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
  const t = useT()
  const f = useFormat()
  const { can, user } = useSession()
  const [selected, setSelected] = useState<number[]>([])
  const [expanded, setExpanded] = useState<Set<number | 'new'>>(new Set())
  const [moving, setMoving] = useState(false)
  const [posting, setPosting] = useState<number[] | null>(null)
  const [deleting, setDeleting] = useState<LineRow | null>(null)
  const body = useRef<HTMLTableSectionElement>(null)

  const open = order.lines.filter((l) => l.status === 'created')
  const chosen = selected.filter((id) => open.some((l) => l.id === id))
  const clear = () => setSelected([])
  const signOff = useOrderAction('serviceOrders.signOff', order.id, {
    done: (o) => (o.signedOff ? t('orders.actions.orderSignedOff') : t('orders.actions.linesSignedOff')),
    onSuccess: clear
  })
  const post = useOrderAction('serviceOrders.post', order.id, { done: t('orders.actions.linesPosted'), onSuccess: clear })
  const deleteLine = useOrderAction('serviceOrders.deleteLine', order.id, { done: t('orders.lines.lineDeleted') })

  // Runs when the save answers, and the user may have moved on meanwhile (to the workflow menu, the header): only
  // someone still in the grid, or on nothing because the saved row was drawn again, is taken to the next row.
  const focusRow = (key: number | 'new') =>
    setTimeout(() => {
      const active = document.activeElement
      if (active && active !== document.body && !body.current?.contains(active)) return
      body.current?.querySelector<HTMLElement>(`[data-line-row="${key}"] [data-col]:not([disabled])`)?.focus()
    }, 0)
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
            {t('orders.lines.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('orders.lines.keysHint')}
          </Text>
        </Group>
        <Group gap="xs">
          {chosen.length > 0 && (
            <Text size="xs" c="dimmed" data-testid="lines-selected">
              {t('orders.lines.selected', { count: chosen.length })}
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
              {t('orders.lines.signOffSelected')}
            </Button>
          )}
          {can('orders.post') && (
            <Tooltip label={t('orders.lines.stageNoPosting', { stage: order.stage.name })} disabled={order.stage.canPost}>
              <Button
                size="compact-xs"
                variant="light"
                disabled={chosen.length === 0 || !order.stage.canPost}
                loading={post.isPending}
                onClick={() => setPosting(chosen)}
              >
                {t('orders.lines.postSelected')}
              </Button>
            </Tooltip>
          )}
          {can('orders.write') && (
            <Button size="compact-xs" variant="light" disabled={chosen.length === 0} onClick={() => setMoving(true)}>
              {t('orders.lines.moveToOrder')}
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
                  aria-label={t('orders.lines.selectAll')}
                  checked={allChosen}
                  indeterminate={chosen.length > 0 && !allChosen}
                  disabled={open.length === 0}
                  onChange={() => setSelected(allChosen ? [] : open.map((l) => l.id))}
                />
              </Table.Th>
              <Table.Th w={26}>#</Table.Th>
              <Table.Th w={98}>{t('orders.lines.type')}</Table.Th>
              <Table.Th w={146}>{t('orders.lines.categoryItem')}</Table.Th>
              <Table.Th>{t('orders.lines.description')}</Table.Th>
              <Table.Th w={126}>{t('orders.lines.worker')}</Table.Th>
              <Table.Th w={78} style={{ textAlign: 'right' }}>
                {t('orders.lines.quantity')}
              </Table.Th>
              <Table.Th w={92} style={{ textAlign: 'right' }}>
                {t('orders.lines.unitPrice')}
              </Table.Th>
              <Table.Th w={86} style={{ textAlign: 'right' }}>
                {t('orders.lines.amount')}
              </Table.Th>
              <Table.Th w={100}>{t('orders.lines.actualDate')}</Table.Th>
              <Table.Th w={104}>{t('orders.lines.status')}</Table.Th>
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
                    {t('orders.lines.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </div>
      <Group justify="flex-end" gap="lg" mt={6} data-testid="order-totals">
        <Text size="sm" c="dimmed">
          {t('orders.lines.cost')} <b>{f.money(order.costTotal)}</b>
        </Text>
        <Text size="sm">
          {t('orders.lines.price')} <b>{f.money(order.salesTotal)}</b>
        </Text>
      </Group>

      <MoveLinesDialog order={order} lineIds={chosen} opened={moving} onClose={() => setMoving(false)} onMoved={clear} />
      <PostDialog
        order={order}
        lineIds={posting}
        onClose={() => setPosting(null)}
        onConfirm={(lineIds) => post.mutate({ id: order.id, version: order.version, lineIds })}
      />
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('orders.lines.deleteTitle', { lineNo: deleting?.lineNo ?? '' })}
        size="sm"
      >
        <Text size="sm">
          {t('orders.lines.deleteMessage', { lineNo: deleting?.lineNo ?? '', description: deleting?.description ?? '' })}
        </Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" size="xs" onClick={() => setDeleting(null)}>
            {t('common.keepIt')}
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
            {t('orders.lines.deleteLine')}
          </Button>
        </Group>
      </Modal>
    </Paper>
  )
}
