import { Checkbox, Select, Text, TextInput } from '@mantine/core'
import type { KeyboardEvent, ReactNode } from 'react'
import type { AgreementLineRow } from '@shared/domain/agreements'
import { LINE_TYPES, type LineType } from '@shared/domain/orders'
import { EntitySelect } from '../../components/EntitySelect'
import { DateCell, PriceCell, QuantityCell } from '../../components/GridCells'
import { useFormat, useT } from '../../lib/i18n'
import { Cell, type Col, type RowKey } from './gridLayout'
import type { DraftErrors, LineDraft } from './lineDraft'
import { LineRowActions } from './LineRowActions'
import classes from './LinesGrid.module.css'

type Options = { value: string; label: string; title?: string }[]

interface LineRowProps {
  rowKey: RowKey
  /** The columns on screen; a hidden column's field keeps its draft value. */
  visible: Set<Col>
  /** null = the bottom row that adds a line. */
  line: AgreementLineRow | null
  draft: LineDraft
  errors: DraftErrors
  dirty: boolean
  readOnly: boolean
  highlighted: boolean
  set: (patch: Partial<LineDraft>) => void
  onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => void
  onSave: (col: Col) => void
  onUndo: () => void
  onDelete: () => void
  saving: boolean
  /** The price the line gets when its own is blank (the chosen item's or category's), when known. */
  defaultPrice: number | undefined
  /** An item was picked: its price is known from now on. */
  onItemPicked: (id: number, salesPrice: number) => void
  options: { intervals: Options; windows: Options; objects: Options }
}

/**
 * One row of the agreement lines grid, a cell per field. Select cells open on typing or ↓, not on focus,
 * so that Tab and Enter stay with the grid.
 */
export function LineRow({
  rowKey,
  visible,
  line,
  draft: d,
  errors: err,
  dirty,
  readOnly,
  highlighted,
  set,
  onKeyDown,
  onSave,
  onUndo,
  onDelete,
  saving,
  defaultPrice,
  onItemPicked,
  options
}: LineRowProps) {
  const t = useT()
  const f = useFormat()
  const label = line ? t('agreements.lines.line', { n: line.lineNo }) : t('agreements.lines.newLine')
  const sourceName =
    line && (d.type === 'item' ? d.itemId === line.itemId : d.categoryId === line.categoryId)
      ? d.type === 'item'
        ? line.itemName
        : line.categoryName
      : null
  const { intervals: intervalOptions, windows: windowOptions, objects: objectOptions } = options
  const cell = (col: Col, content: ReactNode, className?: string) =>
    visible.has(col) ? (
      <Cell key={col} col={col} className={className}>
        {content}
      </Cell>
    ) : null
  const rowClass = [
    dirty ? classes.dirty : '',
    line?.stopped ? classes.stopped : '',
    highlighted ? classes.highlight : '',
    line === null ? classes.newRow : ''
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <tr data-row={rowKey} data-testid={line ? `line-row-${line.lineNo}` : 'new-line-row'} className={rowClass} onKeyDown={onKeyDown}>
      {cell('lineNo', line ? line.lineNo : '+', classes.lineNo)}
      {cell(
        'type',
        <Select
          size="xs"
          aria-label={t('agreements.lines.typeAria', { label })}
          disabled={readOnly}
          allowDeselect={false}
          selectFirstOptionOnChange
          openOnFocus={false}
          searchable
          data={LINE_TYPES.map((lt) => ({ value: lt, label: t(`enums.lineType.${lt}`) }))}
          value={d.type}
          onChange={(v) => {
            if (!v || v === d.type) return
            const type = v as LineType
            set({ type, itemId: null, categoryId: null, unitPrice: null })
          }}
          error={err.type}
        />
      )}
      {cell(
        'source',
        d.type === 'item' ? (
          <EntitySelect
            size="xs"
            aria-label={t('agreements.lines.itemAria', { label })}
            placeholder={t('agreements.lines.item')}
            disabled={readOnly}
            selectFirstOptionOnChange
            openOnFocus={false}
            list="items.list"
            filters={{ active: true }}
            labelOf={(i) => `${i.number} ${i.name}`}
            value={d.itemId}
            onChange={(id, row) => {
              if (row) onItemPicked(row.id, row.salesPrice)
              set({ itemId: id, unitPrice: id === d.itemId ? d.unitPrice : null })
            }}
            error={err.itemId}
          />
        ) : (
          <EntitySelect
            key={d.type}
            size="xs"
            aria-label={t('agreements.lines.categoryAria', { label })}
            placeholder={t('agreements.lines.category', { type: t(`enums.lineType.${d.type}`) })}
            disabled={readOnly}
            selectFirstOptionOnChange
            openOnFocus={false}
            list="categories.list"
            filters={{ type: d.type }}
            labelOf={(c) => c.name}
            value={d.categoryId}
            onChange={(id) => set({ categoryId: id, unitPrice: id === d.categoryId ? d.unitPrice : null })}
            error={err.categoryId}
          />
        )
      )}
      {cell(
        'description',
        <TextInput
          size="xs"
          aria-label={t('agreements.lines.descriptionAria', { label })}
          placeholder={sourceName ?? t('agreements.lines.fromSource')}
          disabled={readOnly}
          value={d.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={err.description}
        />
      )}
      {cell(
        'serviceObjectId',
        <Select
          size="xs"
          aria-label={t('agreements.lines.serviceObjectAria', { label })}
          placeholder={objectOptions.length === 0 ? t('agreements.lines.noObjects') : '—'}
          nothingFoundMessage={t('agreements.lines.relateFirst')}
          disabled={readOnly}
          clearable
          searchable
          selectFirstOptionOnChange
          openOnFocus={false}
          data={objectOptions}
          title={objectOptions.find((o) => o.value === String(d.serviceObjectId))?.title}
          value={d.serviceObjectId === null ? null : String(d.serviceObjectId)}
          onChange={(v) => set({ serviceObjectId: v === null ? null : Number(v) })}
          error={err.serviceObjectId}
        />
      )}
      {cell(
        'intervalId',
        <Select
          size="xs"
          aria-label={t('agreements.lines.intervalAria', { label })}
          placeholder={t('agreements.lines.once')}
          disabled={readOnly}
          clearable
          searchable
          selectFirstOptionOnChange
          openOnFocus={false}
          data={intervalOptions}
          value={d.intervalId === null ? null : String(d.intervalId)}
          onChange={(v) => set({ intervalId: v === null ? null : Number(v) })}
          error={err.intervalId}
        />
      )}
      {cell(
        'timeWindowId',
        <Select
          size="xs"
          aria-label={t('agreements.lines.timeWindowAria', { label })}
          placeholder={t('agreements.lines.exactDate')}
          disabled={readOnly}
          clearable
          searchable
          selectFirstOptionOnChange
          openOnFocus={false}
          data={windowOptions}
          value={d.timeWindowId === null ? null : String(d.timeWindowId)}
          onChange={(v) => set({ timeWindowId: v === null ? null : Number(v) })}
          error={err.timeWindowId}
        />
      )}
      {cell(
        'startDate',
        <DateCell
          size="xs"
          aria-label={t('agreements.lines.startDateAria', { label })}
          disabled={readOnly}
          value={d.startDate}
          onChange={(v) => set({ startDate: v })}
          error={err.startDate}
        />
      )}
      {cell(
        'endDate',
        <DateCell
          size="xs"
          aria-label={t('agreements.lines.endDateAria', { label })}
          placeholder={t('agreements.lines.open')}
          disabled={readOnly}
          value={d.endDate}
          onChange={(v) => set({ endDate: v })}
          error={err.endDate}
        />
      )}
      {cell(
        'quantity',
        <QuantityCell
          size="xs"
          aria-label={t('agreements.lines.quantityAria', { label })}
          disabled={readOnly}
          value={d.quantity}
          onChange={(v) => set({ quantity: v })}
          error={err.quantity}
        />
      )}
      {cell(
        'unitPrice',
        <PriceCell
          size="xs"
          aria-label={t('agreements.lines.salesPriceAria', { label })}
          placeholder={defaultPrice !== undefined ? f.money(defaultPrice) : t('agreements.lines.defaultPrice')}
          disabled={readOnly}
          value={d.unitPrice}
          onChange={(v) => set({ unitPrice: v })}
          error={err.unitPrice}
        />
      )}
      {cell(
        'serviceTaskId',
        <EntitySelect
          size="xs"
          aria-label={t('agreements.lines.serviceTaskAria', { label })}
          placeholder="—"
          disabled={readOnly}
          selectFirstOptionOnChange
          openOnFocus={false}
          list="serviceTasks.list"
          labelOf={(task) => `${task.code} · ${task.name}`}
          value={d.serviceTaskId}
          onChange={(id) => set({ serviceTaskId: id })}
          error={err.serviceTaskId}
        />
      )}
      {cell(
        'workerId',
        <EntitySelect
          size="xs"
          aria-label={t('agreements.lines.workerAria', { label })}
          placeholder="—"
          disabled={readOnly}
          selectFirstOptionOnChange
          openOnFocus={false}
          list="workers.list"
          filters={{ active: true }}
          labelOf={(w) => w.name}
          value={d.workerId}
          onChange={(id) => set({ workerId: id })}
          error={err.workerId}
        />
      )}
      {cell(
        'startAfter',
        <TextInput
          size="xs"
          aria-label={t('agreements.lines.startAfterAria', { label })}
          placeholder={t('agreements.lines.hhmm')}
          disabled={readOnly}
          value={d.startAfter}
          onChange={(e) => set({ startAfter: e.currentTarget.value })}
          error={err.startAfter}
        />
      )}
      {cell(
        'endBefore',
        <TextInput
          size="xs"
          aria-label={t('agreements.lines.endBeforeAria', { label })}
          placeholder={t('agreements.lines.hhmm')}
          disabled={readOnly}
          value={d.endBefore}
          onChange={(e) => set({ endBefore: e.currentTarget.value })}
          error={err.endBefore}
        />
      )}
      {cell(
        'stopped',
        <Checkbox
          size="xs"
          aria-label={t('agreements.lines.stoppedAria', { label })}
          disabled={readOnly}
          checked={d.stopped}
          onChange={(e) => set({ stopped: e.currentTarget.checked })}
        />,
        classes.checkCell
      )}
      {cell(
        'note',
        <TextInput
          size="xs"
          aria-label={t('agreements.lines.noteAria', { label })}
          placeholder="—"
          disabled={readOnly}
          value={d.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
          error={err.note}
        />
      )}
      {cell(
        'made',
        line ? (
          <Text span size="sm" c={line.generatedCount > 0 ? undefined : 'dimmed'} data-testid="generated-count">
            {line.generatedCount}
          </Text>
        ) : null,
        classes.made
      )}
      {cell(
        'actions',
        readOnly ? null : (
          <LineRowActions
            label={label}
            line={line}
            dirty={dirty}
            saving={saving}
            onSave={() => onSave('type')}
            onUndo={onUndo}
            onDelete={onDelete}
          />
        )
      )}
    </tr>
  )
}
