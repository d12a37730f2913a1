import { ActionIcon, Checkbox, Group, Select, Table, Text, TextInput, Tooltip } from '@mantine/core'
import { IconCheck, IconPlus, IconX } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { lineAmount } from '@shared/domain/orderRules'
import { LINE_TYPES, type LineRow, type LineType, type OrderRow } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { objectLabel, taskLabel } from '../../components/RelationsEditor'
import { DateCell, QuantityCell } from '../../components/GridCells'
import { MoneyInput } from '../../components/MoneyInput'
import { useFormat, useT } from '../../lib/i18n'
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
  const t = useT()
  const f = useFormat()
  const { draft, set, errors, rev, row, dirty, saving, commit, revert, onKeyDown, registerOnly, canOverride, label, labelLower } =
    useLineDraft(line, order, onDone)
  const price = effectivePrice(draft)
  const hasSource = draft.type === 'item' ? draft.itemId !== null : draft.categoryId !== null
  const rowClass = [dirty ? classes.dirty : '', line?.status === 'cancelled' ? classes.cancelled : '', !line ? classes.newRow : ''].join(
    ' '
  )

  const summary = lineSummary(line, t, f)

  const actions = (
    <Group gap={2} wrap="nowrap" justify="flex-end">
      {dirty ? (
        <>
          <Tooltip label={line ? t('orders.lines.saveLine') : t('orders.lines.addLine')}>
            <ActionIcon
              size="sm"
              variant="filled"
              aria-label={line ? t('orders.lines.saveLineAria', { lineNo: line.lineNo }) : t('orders.lines.addLineAria')}
              loading={saving}
              onClick={() => void commit()}
            >
              {line ? <IconCheck size={14} /> : <IconPlus size={14} />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('orders.lines.putBack')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={t('orders.lines.revertAria', { line: labelLower })}
              onClick={() => revert(null)}
            >
              <IconX size={14} />
            </ActionIcon>
          </Tooltip>
        </>
      ) : (
        <>
          <DetailsToggle label={labelLower} expanded={expanded} onToggle={onToggle} />
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
              aria-label={t('orders.lines.selectLine', { lineNo: line.lineNo })}
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
            aria-label={t('orders.lines.typeAria', { line: label })}
            allowDeselect={false}
            data={types.map((type) => ({ value: type, label: t(`enums.lineType.${type}`) }))}
            value={draft.type}
            onChange={(type) => type && set(withSource({ ...draft, type: type as LineType, categoryId: null, itemId: null }, null))}
          />
        </Table.Td>
        <Table.Td>
          {draft.type === 'item' ? (
            <EntitySelect
              key={`item${rev}`}
              size="xs"
              data-col="source"
              aria-label={t('orders.lines.itemAria', { line: label })}
              placeholder={t('orders.lines.item')}
              list="items.list"
              filters={{ active: true }}
              labelOf={(i) => `${i.number} ${i.name}`}
              value={draft.itemId}
              onChange={(id, r) =>
                set(withSource(draft, id === null ? null : { id, name: r?.name ?? '', unit: r?.unit ?? '', price: r?.salesPrice ?? 0 }))
              }
              error={errors.itemId}
            />
          ) : (
            <EntitySelect
              key={`cat${draft.type}${rev}`}
              size="xs"
              data-col="source"
              aria-label={t('orders.lines.categoryAria', { line: label })}
              placeholder={t('orders.lines.category')}
              list="categories.list"
              filters={{ type: draft.type }}
              labelOf={(c) => c.name}
              value={draft.categoryId}
              onChange={(id, r) =>
                set(withSource(draft, id === null ? null : { id, name: r?.name ?? '', unit: r?.unit ?? '', price: r?.salesPrice ?? 0 }))
              }
              error={errors.categoryId}
            />
          )}
        </Table.Td>
        <Table.Td>
          <TextInput
            key={rev}
            size="xs"
            data-col="description"
            aria-label={t('orders.lines.descriptionAria', { line: label })}
            placeholder={draft.sourceName ?? t('orders.lines.description')}
            value={draft.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={errors.description}
          />
          {summary && !expanded && <div className={classes.summary}>{summary}</div>}
        </Table.Td>
        <Table.Td>
          <EntitySelect
            key={`w${rev}`}
            size="xs"
            data-col="worker"
            aria-label={t('orders.lines.workerAria', { line: label })}
            placeholder={draft.type === 'hour' ? t('orders.lines.responsible') : t('common.none')}
            disabled={registerOnly}
            list="workers.list"
            labelOf={(w) => w.name}
            value={draft.workerId}
            onChange={(id) => set({ workerId: id })}
            error={errors.workerId}
          />
        </Table.Td>
        <Table.Td>
          <QuantityCell
            key={rev}
            size="xs"
            data-col="quantity"
            aria-label={t('orders.lines.quantityAria', { line: label })}
            rightSection={
              <Text size="xs" c="dimmed">
                {draft.unit}
              </Text>
            }
            rightSectionWidth={draft.unit ? 28 : 0}
            value={draft.quantity}
            onChange={(q) => set({ quantity: q })}
            error={errors.quantity}
          />
        </Table.Td>
        <Table.Td>
          {canOverride ? (
            <MoneyInput
              key={`${rev}:${draft.defaultPrice}`}
              size="xs"
              data-col="price"
              aria-label={t('orders.lines.unitPriceAria', { line: label })}
              currencySymbol=""
              rightSectionWidth={0}
              value={price}
              onChange={(c) => set({ unitPrice: c })}
              error={errors.unitPrice}
            />
          ) : (
            <Tooltip label={t('orders.lines.priceOverride')}>
              <div className={classes.cell} style={{ textAlign: 'right' }} aria-label={t('orders.lines.unitPriceAria', { line: label })}>
                {hasSource || line ? f.money(price) : t('common.none')}
              </div>
            </Tooltip>
          )}
        </Table.Td>
        <Table.Td style={{ textAlign: 'right' }} data-testid={line ? `line-${line.lineNo}-amount` : undefined}>
          <div className={classes.cell}>{hasSource || line ? f.money(lineAmount(draft.quantity, price)) : t('common.none')}</div>
        </Table.Td>
        <Table.Td>
          <DateCell
            key={rev}
            size="xs"
            data-col="actualDate"
            aria-label={t('orders.lines.actualDateAria', { line: label })}
            value={draft.actualDate}
            onChange={(d) => set({ actualDate: d })}
            error={errors.actualDate}
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
                label={t('orders.lines.serviceObject')}
                list="serviceObjects.list"
                filters={{ customerId: order.customerId }}
                labelOf={objectLabel}
                value={draft.serviceObjectId}
                onChange={(id) => set({ serviceObjectId: id })}
                error={errors.serviceObjectId}
              />
              <EntitySelect
                key={`t${rev}`}
                size="xs"
                w={200}
                data-col="task"
                label={t('orders.lines.task')}
                list="serviceTasks.list"
                labelOf={taskLabel}
                value={draft.serviceTaskId}
                onChange={(id) => set({ serviceTaskId: id })}
                error={errors.serviceTaskId}
              />
              <DateCell
                key={rev}
                size="xs"
                w={110}
                data-col="scheduledDate"
                label={t('orders.lines.scheduled')}
                value={draft.scheduledDate}
                onChange={(d) => set({ scheduledDate: d })}
                error={errors.scheduledDate}
              />
              <TextInput
                key={`n${rev}`}
                size="xs"
                style={{ flex: 1 }}
                data-col="note"
                label={t('orders.lines.note')}
                value={draft.note}
                onChange={(e) => set({ note: e.currentTarget.value })}
                error={errors.note}
              />
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}
