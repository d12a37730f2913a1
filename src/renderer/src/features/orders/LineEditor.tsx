import { ActionIcon, Checkbox, Group, Select, Table, Text, TextInput, Tooltip } from '@mantine/core'
import { IconCheck, IconPlus, IconX } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { lineAmount } from '@shared/domain/orderRules'
import { LINE_TYPE_LABELS, LINE_TYPES, type LineRow, type LineType, type OrderRow } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { DateCell, QuantityCell } from '../../components/GridCells'
import { MoneyInput } from '../../components/MoneyInput'
import { formatMoney } from '../../lib/format'
import { effectivePrice, withSource } from './lineDraft'
import classes from './LinesGrid.module.css'
import { COLUMNS, DetailsToggle, lineSummary, Status } from './LineView'
import { useLineDraft } from './useLineDraft'

/** What a technician may book on their own orders. */
const TECHNICIAN_TYPES: LineType[] = ['hour', 'expense', 'item']

interface LineEditorProps {
  /** null = the row that adds a line. */
  line: LineRow | null
  order: OrderRow
  expanded: boolean
  onToggle: () => void
  selected?: boolean
  onSelect?: (on: boolean) => void
  /** After a save (or Enter on an unchanged row): move to the next row. */
  onDone: () => void
  menu?: ReactNode
}

/**
 * An editable row of the lines grid (or the row that adds a line): one cell per field, Tab walks them, the
 * details row below holds object, task, schedule and note. The row saves on its own (see useLineDraft).
 */
export function LineEditor({ line, order, expanded, onToggle, selected, onSelect, onDone, menu }: LineEditorProps) {
  const { draft, set, errors, rev, row, dirty, saving, commit, revert, onKeyDown, registerOnly, canOverride, label } = useLineDraft(
    line,
    order,
    onDone
  )
  const price = effectivePrice(draft)
  const hasSource = draft.type === 'item' ? draft.itemId !== null : draft.categoryId !== null
  const rowClass = [dirty ? classes.dirty : '', line?.status === 'cancelled' ? classes.cancelled : '', !line ? classes.newRow : ''].join(
    ' '
  )
  const err = (f: string) => errors[f]

  const summary = lineSummary(line)

  const actions = (
    <Group gap={2} wrap="nowrap" justify="flex-end">
      {dirty ? (
        <>
          <Tooltip label={line ? 'Save the line (Enter)' : 'Add the line (Enter)'}>
            <ActionIcon
              size="sm"
              variant="filled"
              aria-label={line ? `Save line ${line.lineNo}` : 'Add line'}
              loading={saving}
              onClick={() => void commit()}
            >
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
          <DetailsToggle label={label.toLowerCase()} expanded={expanded} onToggle={onToggle} />
          {menu}
        </>
      )}
    </Group>
  )

  const types = registerOnly ? TECHNICIAN_TYPES : [...LINE_TYPES]
  return (
    <>
      <Table.Tr
        ref={row}
        data-line-row={line ? line.id : 'new'}
        className={rowClass}
        onKeyDown={onKeyDown}
        data-testid={line ? `line-${line.lineNo}` : 'new-line'}
      >
        <Table.Td>
          {line && onSelect && (
            <Checkbox
              size="xs"
              mt={6}
              aria-label={`Select line ${line.lineNo}`}
              checked={selected}
              onChange={(e) => onSelect(e.currentTarget.checked)}
            />
          )}
        </Table.Td>
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
              onChange={(id, r) =>
                set(withSource(draft, id === null ? null : { id, name: r?.name ?? '', unit: r?.unit ?? '', price: r?.salesPrice ?? 0 }))
              }
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
              onChange={(id, r) =>
                set(withSource(draft, id === null ? null : { id, name: r?.name ?? '', unit: r?.unit ?? '', price: r?.salesPrice ?? 0 }))
              }
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
            rightSection={
              <Text size="xs" c="dimmed">
                {draft.unit}
              </Text>
            }
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
          <DateCell
            key={rev}
            size="xs"
            data-col="actualDate"
            aria-label={`${label} actual date`}
            value={draft.actualDate}
            onChange={(d) => set({ actualDate: d })}
            error={err('actualDate')}
          />
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
              <DateCell
                key={rev}
                size="xs"
                w={110}
                data-col="scheduledDate"
                label="Scheduled"
                value={draft.scheduledDate}
                onChange={(d) => set({ scheduledDate: d })}
                error={err('scheduledDate')}
              />
              <TextInput
                key={`n${rev}`}
                size="xs"
                style={{ flex: 1 }}
                data-col="note"
                label="Note"
                value={draft.note}
                onChange={(e) => set({ note: e.currentTarget.value })}
                error={err('note')}
              />
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}
