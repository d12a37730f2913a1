import { ActionIcon, Anchor, Button, Checkbox, Group, Menu, Modal, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp, IconCheck, IconChevronDown, IconChevronRight, IconDots, IconPlus, IconTrash, IconX } from '@tabler/icons-react'
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import { lineAmount } from '@shared/domain/orderRules'
import { LINE_TYPE_LABELS, LINE_TYPES, type LineRow, type LineType, type OrderRow } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { MoneyInput } from '../../components/MoneyInput'
import { isApiError } from '../../lib/api'
import { formatDate, formatMoney } from '../../lib/format'
import { useSession } from '../../lib/session'
import { LineStatusBadge, SignedOffMark } from './badges'
import { DateCell, QuantityCell } from '../../components/GridCells'
import { formatQuantity } from '../../lib/lineDraft'
import { draftOf, effectivePrice, type LineDraft, lineInputOf, newDraft, withSource } from './lineDraft'
import classes from './LinesGrid.module.css'
import { MoveLinesDialog } from './MoveLinesDialog'
import { useOrderAction } from './mutations'

/** What a technician may book on their own orders. */
const TECHNICIAN_TYPES: LineType[] = ['hour', 'expense', 'item']
const COLUMNS = 12

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
  const signOff = useOrderAction('serviceOrders.signOff', order.id, { done: (o) => (o.signedOff ? 'Order signed off' : 'Lines signed off'), onSuccess: clear })
  const post = useOrderAction('serviceOrders.post', order.id, { done: 'Lines posted', onSuccess: clear })
  const cancelLine = useOrderAction('serviceOrders.cancelLine', order.id, { done: 'Line cancelled' })
  const revokeLine = useOrderAction('serviceOrders.revokeCancelLine', order.id, { done: 'Cancellation revoked' })
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

  const menuFor = (l: LineRow): ReactNode => {
    const items: ReactNode[] = []
    if (can('orders.write') && l.status === 'created' && order.stage.canCancel) {
      items.push(
        <Menu.Item key="cancel" leftSection={<IconX size={14} />} onClick={() => cancelLine.mutate({ id: l.id, version: l.version })}>
          Cancel line
        </Menu.Item>
      )
    }
    if (can('orders.write') && l.status === 'cancelled' && order.stage.canModify) {
      items.push(
        <Menu.Item key="revoke" leftSection={<IconArrowBackUp size={14} />} onClick={() => revokeLine.mutate({ id: l.id, version: l.version })}>
          Revoke cancel
        </Menu.Item>
      )
    }
    if (editable && l.status === 'created' && l.agreementLineId === null && (can('orders.write') || l.workerId === user?.workerId)) {
      items.push(
        <Menu.Item key="delete" color="red" leftSection={<IconTrash size={14} />} onClick={() => setDeleting(l)}>
          Delete line
        </Menu.Item>
      )
    }
    if (items.length === 0) return null
    return (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Line ${l.lineNo} actions`}>
            <IconDots size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>{items}</Menu.Dropdown>
      </Menu>
    )
  }

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
            <Button size="compact-xs" variant="light" disabled={chosen.length === 0} loading={signOff.isPending} onClick={() => signOff.mutate({ id: order.id, version: order.version, lineIds: chosen })}>
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
            {order.lines.map((l, i) => (
              <LineEditor
                key={`${l.id}:${l.version}`}
                line={l}
                order={order}
                editable={editable && l.status === 'created' && (can('orders.write') || l.workerId === user?.workerId)}
                expanded={expanded.has(l.id)}
                onToggle={() => toggle(l.id)}
                selected={chosen.includes(l.id)}
                onSelect={(on) => setSelected((s) => (on ? [...s, l.id] : s.filter((id) => id !== l.id)))}
                onDone={() => focusRow(order.lines[i + 1]?.id ?? 'new')}
                menu={menuFor(l)}
              />
            ))}
            {editable && <LineEditor key="new" line={null} order={order} editable expanded={expanded.has('new')} onToggle={() => toggle('new')} onDone={() => focusRow('new')} />}
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
          This removes line {deleting?.lineNo} ({deleting?.description}) from the order. It cannot be undone; the change history keeps a copy. To keep it on record, cancel the line
          instead.
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

interface LineEditorProps {
  /** null = the row that adds a line. */
  line: LineRow | null
  order: OrderRow
  editable: boolean
  expanded: boolean
  onToggle: () => void
  selected?: boolean
  onSelect?: (on: boolean) => void
  /** After a save (or Enter on an unchanged row): move to the next row. */
  onDone: () => void
  menu?: ReactNode
}

function LineEditor({ line, order, editable, expanded, onToggle, selected, onSelect, onDone, menu }: LineEditorProps) {
  const { can, user } = useSession()
  const registerOnly = !can('orders.write')
  const canOverride = can('prices.override')
  const own = registerOnly ? (user?.workerId ?? null) : null
  const [draft, setDraft] = useState<LineDraft>(() => (line ? draftOf(line) : newDraft('hour', own)))
  // The new-line row keeps the type last used; choosing a type alone is not an edit.
  const original = line ? draftOf(line) : newDraft(draft.type, own)
  const [errors, setErrors] = useState<Record<string, string>>({})
  // Bumped to remount the inputs when the row is put back (Escape) or cleared after adding.
  const [rev, setRev] = useState(0)
  const refocus = useRef<string | null>(null)
  const row = useRef<HTMLTableRowElement>(null)
  const key = line ? line.id : 'new'

  useEffect(() => {
    if (refocus.current === null) return
    row.current?.querySelector<HTMLElement>(`[data-col="${refocus.current}"]`)?.focus()
    refocus.current = null
  }, [rev])

  const onError = (e: unknown) => {
    if ((isApiError(e, 'VALIDATION') || isApiError(e, 'FORBIDDEN')) && e.issues.length > 0) {
      setErrors(Object.fromEntries(e.issues.map((i) => [i.path.join('.'), i.message])))
      notifications.show({ color: 'red', title: line ? `Line ${line.lineNo} not saved` : 'Line not added', message: e.message })
      return true
    }
    return false
  }
  const add = useOrderAction('serviceOrders.addLine', order.id, { done: (o) => `Line ${o.lines.at(-1)?.lineNo ?? ''} added`, onError })
  const update = useOrderAction('serviceOrders.updateLine', order.id, { done: `Line ${line?.lineNo ?? ''} saved`, onError })
  const saving = add.isPending || update.isPending

  const input = lineInputOf(draft, canOverride)
  const dirty = JSON.stringify(input) !== JSON.stringify(lineInputOf(original, canOverride))
  const set = (patch: Partial<LineDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors({})
  }

  const revert = (col: string | null) => {
    refocus.current = col
    setDraft(original)
    setErrors({})
    setRev((r) => r + 1)
  }

  const commit = async () => {
    if (saving) return
    if (!dirty) {
      if (line) onDone()
      return
    }
    try {
      if (line) {
        await update.mutateAsync({ ...input, id: line.id, version: line.version })
      } else {
        await add.mutateAsync({ ...input, orderId: order.id })
        setDraft(newDraft(draft.type, own))
        setRev((r) => r + 1)
      }
      onDone()
    } catch {
      // shown by the action's error handler
    }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (!editable) return
    const target = e.target as HTMLElement
    // An open drop-down takes Enter (choose) and Escape (close) for itself.
    if (target.getAttribute('aria-expanded') === 'true') return
    if (e.key === 'Enter' && target.tagName !== 'BUTTON' && target.tagName !== 'TEXTAREA') {
      e.preventDefault()
      void commit()
    } else if (e.key === 'Escape' && dirty) {
      e.preventDefault()
      revert(target.getAttribute('data-col'))
    }
  }

  const price = effectivePrice(draft)
  const hasSource = draft.type === 'item' ? draft.itemId !== null : draft.categoryId !== null
  const label = line ? `Line ${line.lineNo}` : 'New line'
  const rowClass = [dirty ? classes.dirty : '', line?.status === 'cancelled' ? classes.cancelled : '', !line ? classes.newRow : ''].join(' ')
  const err = (f: string) => errors[f]

  const summary = [line?.serviceObjectName ?? null, line?.serviceTaskName ?? null, line?.scheduledDate ? `scheduled ${formatDate(line.scheduledDate)}` : null, line?.note || null].filter(Boolean).join(' · ')

  const actions = (
    <Group gap={2} wrap="nowrap" justify="flex-end">
      {editable && dirty ? (
        <>
          <Tooltip label={line ? 'Save the line (Enter)' : 'Add the line (Enter)'}>
            <ActionIcon size="sm" variant="filled" aria-label={line ? `Save line ${line.lineNo}` : 'Add line'} loading={saving} onClick={() => void commit()}>
              {line ? <IconCheck size={14} /> : <IconPlus size={14} />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Put back (Esc)">
            <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Revert ${label.toLowerCase()}`} onClick={() => revert(null)}>
              <IconX size={14} />
            </ActionIcon>
          </Tooltip>
        </>
      ) : (
        <>
          <ActionIcon size="sm" variant="subtle" color="gray" tabIndex={-1} aria-label={`${expanded ? 'Hide' : 'Show'} details of ${label.toLowerCase()}`} onClick={onToggle}>
            {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
          {menu}
        </>
      )}
    </Group>
  )

  if (!editable && line) {
    return (
      <>
        <Table.Tr ref={row} data-line-row={key} className={rowClass} data-testid={`line-${line.lineNo}`}>
          <Table.Td>{onSelect && line.status === 'created' && <Checkbox size="xs" mt={4} aria-label={`Select line ${line.lineNo}`} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />}</Table.Td>
          <Table.Td>
            <div className={classes.cell}>{line.lineNo}</div>
          </Table.Td>
          <Table.Td>
            <div className={classes.cell}>{LINE_TYPE_LABELS[line.type]}</div>
          </Table.Td>
          <Table.Td>
            <div className={classes.cell}>{(line.type === 'item' ? line.itemName : line.categoryName) ?? '—'}</div>
          </Table.Td>
          <Table.Td>
            <div className={classes.cell}>{line.description}</div>
            {summary && !expanded && <div className={classes.summary}>{summary}</div>}
          </Table.Td>
          <Table.Td>
            <div className={classes.cell}>{line.workerName ?? '—'}</div>
          </Table.Td>
          <Table.Td style={{ textAlign: 'right' }}>
            <div className={classes.cell}>{formatQuantity(line.quantity)} {line.unit}</div>
          </Table.Td>
          <Table.Td style={{ textAlign: 'right' }}>
            <div className={classes.cell}>{formatMoney(line.unitPrice)}</div>
          </Table.Td>
          <Table.Td style={{ textAlign: 'right' }} data-testid={`line-${line.lineNo}-amount`}>
            <div className={classes.cell}>{formatMoney(line.salesAmount)}</div>
          </Table.Td>
          <Table.Td>
            <div className={classes.cell}>{formatDate(line.actualDate)}</div>
          </Table.Td>
          <Table.Td>
            <Status line={line} />
          </Table.Td>
          <Table.Td>{actions}</Table.Td>
        </Table.Tr>
        {expanded && (
          <Table.Tr className={classes.details}>
            <Table.Td colSpan={2} />
            <Table.Td colSpan={COLUMNS - 2}>
              <Group gap="lg" py={2}>
                <Detail label="Service object" value={line.serviceObjectName} />
                <Detail label="Task" value={line.serviceTaskName} />
                <Detail label="Scheduled" value={line.scheduledDate ? formatDate(line.scheduledDate) : null} />
                <Detail label="Note" value={line.note || null} />
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      </>
    )
  }

  const types = registerOnly ? TECHNICIAN_TYPES : [...LINE_TYPES]
  return (
    <>
      <Table.Tr ref={row} data-line-row={key} className={rowClass} onKeyDown={onKeyDown} data-testid={line ? `line-${line.lineNo}` : 'new-line'}>
        <Table.Td>{line && onSelect && <Checkbox size="xs" mt={6} aria-label={`Select line ${line.lineNo}`} checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />}</Table.Td>
        <Table.Td c="dimmed">
          <div className={classes.cell}>{line ? line.lineNo : <IconPlus size={12} />}</div>
        </Table.Td>
        <Table.Td>
          <Select
            key={rev}
            size="xs"
            data-col="type"
            aria-label={`${label} type`}
            allowDeselect={false}
            data={types.map((t) => ({ value: t, label: LINE_TYPE_LABELS[t] }))}
            value={draft.type}
            onChange={(t) => t && set(withSource({ ...draft, type: t as LineType, categoryId: null, itemId: null }, null))}
          />
        </Table.Td>
        <Table.Td>
          {draft.type === 'item' ? (
            <EntitySelect
              key={`item${rev}`}
              size="xs"
              data-col="source"
              aria-label={`${label} item`}
              placeholder="Item"
              list="items.list"
              filters={{ active: true }}
              labelOf={(i) => `${i.number} ${i.name}`}
              value={draft.itemId}
              onChange={(id, r) => set(withSource(draft, id === null ? null : { id, name: r?.name ?? '', unit: r?.unit ?? '', price: r?.salesPrice ?? 0 }))}
              error={err('itemId')}
            />
          ) : (
            <EntitySelect
              key={`cat${draft.type}${rev}`}
              size="xs"
              data-col="source"
              aria-label={`${label} category`}
              placeholder="Category"
              list="categories.list"
              filters={{ type: draft.type }}
              labelOf={(c) => c.name}
              value={draft.categoryId}
              onChange={(id, r) => set(withSource(draft, id === null ? null : { id, name: r?.name ?? '', unit: r?.unit ?? '', price: r?.salesPrice ?? 0 }))}
              error={err('categoryId')}
            />
          )}
        </Table.Td>
        <Table.Td>
          <TextInput
            key={rev}
            size="xs"
            data-col="description"
            aria-label={`${label} description`}
            placeholder={draft.sourceName ?? 'Description'}
            value={draft.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={err('description')}
          />
          {summary && !expanded && <div className={classes.summary}>{summary}</div>}
        </Table.Td>
        <Table.Td>
          <EntitySelect
            key={`w${rev}`}
            size="xs"
            data-col="worker"
            aria-label={`${label} worker`}
            placeholder={draft.type === 'hour' ? 'Responsible' : '—'}
            disabled={registerOnly}
            list="workers.list"
            labelOf={(w) => w.name}
            value={draft.workerId}
            onChange={(id) => set({ workerId: id })}
            error={err('workerId')}
          />
        </Table.Td>
        <Table.Td>
          <QuantityCell
            key={rev}
            size="xs"
            data-col="quantity"
            aria-label={`${label} quantity`}
            rightSection={<Text size="xs" c="dimmed">{draft.unit}</Text>}
            rightSectionWidth={draft.unit ? 28 : 0}
            value={draft.quantity}
            onChange={(q) => set({ quantity: q })}
            error={err('quantity')}
          />
        </Table.Td>
        <Table.Td>
          {canOverride ? (
            <MoneyInput
              key={`${rev}:${draft.defaultPrice}`}
              size="xs"
              data-col="price"
              aria-label={`${label} unit price`}
              currencySymbol=""
              rightSectionWidth={0}
              value={price}
              onChange={(c) => set({ unitPrice: c })}
              error={err('unitPrice')}
            />
          ) : (
            <Tooltip label="Changing a price needs the price-override permission">
              <div className={classes.cell} style={{ textAlign: 'right' }} aria-label={`${label} unit price`}>
                {hasSource || line ? formatMoney(price) : '—'}
              </div>
            </Tooltip>
          )}
        </Table.Td>
        <Table.Td style={{ textAlign: 'right' }} data-testid={line ? `line-${line.lineNo}-amount` : undefined}>
          <div className={classes.cell}>{hasSource || line ? formatMoney(lineAmount(draft.quantity, price)) : '—'}</div>
        </Table.Td>
        <Table.Td>
          <DateCell key={rev} size="xs" data-col="actualDate" aria-label={`${label} actual date`} value={draft.actualDate} onChange={(d) => set({ actualDate: d })} error={err('actualDate')} />
        </Table.Td>
        <Table.Td>{line ? <Status line={line} /> : null}</Table.Td>
        <Table.Td>{actions}</Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr className={classes.details} onKeyDown={onKeyDown}>
          <Table.Td colSpan={2} />
          <Table.Td colSpan={COLUMNS - 2}>
            <Group gap="xs" wrap="nowrap" py={2}>
              <EntitySelect
                key={`o${rev}`}
                size="xs"
                w={260}
                data-col="object"
                label="Service object"
                list="serviceObjects.list"
                filters={{ customerId: order.customerId }}
                labelOf={(o) => `${o.number} ${o.name}${o.serialNumber ? ` · S/N ${o.serialNumber}` : ''}`}
                value={draft.serviceObjectId}
                onChange={(id) => set({ serviceObjectId: id })}
                error={err('serviceObjectId')}
              />
              <EntitySelect
                key={`t${rev}`}
                size="xs"
                w={200}
                data-col="task"
                label="Task"
                list="serviceTasks.list"
                labelOf={(t) => `${t.code} · ${t.name}`}
                value={draft.serviceTaskId}
                onChange={(id) => set({ serviceTaskId: id })}
                error={err('serviceTaskId')}
              />
              <DateCell key={rev} size="xs" w={110} data-col="scheduledDate" label="Scheduled" value={draft.scheduledDate} onChange={(d) => set({ scheduledDate: d })} error={err('scheduledDate')} />
              <TextInput key={`n${rev}`} size="xs" style={{ flex: 1 }} data-col="note" label="Note" value={draft.note} onChange={(e) => set({ note: e.currentTarget.value })} error={err('note')} />
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}

function Status({ line }: { line: LineRow }) {
  return (
    <Group gap={4} wrap="nowrap" pt={3}>
      <LineStatusBadge status={line.status} />
      <SignedOffMark signedOff={line.signedOff} label={`Line ${line.lineNo} signed off`} />
      {line.invoiceId !== null && (
        <Anchor component={Link} to={`/invoices/${line.invoiceId}`} size="xs">
          {line.invoiceNumber}
        </Anchor>
      )}
    </Group>
  )
}

function Detail({ label, value }: { label: string; value: string | null }) {
  return (
    <Text size="xs">
      <Text span c="dimmed" size="xs">
        {label}:
      </Text>{' '}
      {value ?? '—'}
    </Text>
  )
}
