import { ActionIcon, Checkbox, Group, Select, Text, TextInput, Tooltip } from '@mantine/core'
import { IconArrowBackUp, IconDeviceFloppy, IconTrash } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react'
import type { AgreementLineRow, AgreementRow } from '@shared/domain/agreements'
import { LINE_TYPE_LABELS, LINE_TYPES, type LineType } from '@shared/domain/orders'
import { ConfirmButton } from '../../components/ConfirmButton'
import { EntitySelect } from '../../components/EntitySelect'
import { isApiError } from '../../lib/api'
import { formatMoney } from '../../lib/format'
import { DateCell, PriceCell, QuantityCell } from '../../components/GridCells'
import { type DraftErrors, draftOf, type LineDraft, type LineField, lineInputOf, newDraft, sameDraft } from './lineDraft'
import classes from './LinesGrid.module.css'
import { useAgreementAction } from './mutations'
import { categoriesQuery, intervalsQuery, timeWindowsQuery } from './queries'
import { intervalText } from './setup/intervalText'
import { objectLabel } from '../../components/RelationsEditor'

type Col =
  | 'lineNo'
  | 'type'
  | 'source'
  | 'description'
  | 'serviceObjectId'
  | 'intervalId'
  | 'timeWindowId'
  | 'startDate'
  | 'endDate'
  | 'quantity'
  | 'unitPrice'
  | 'serviceTaskId'
  | 'workerId'
  | 'startAfter'
  | 'endBefore'
  | 'stopped'
  | 'note'
  | 'made'
  | 'actions'

const COLUMNS: { key: Col; label: string; width: number; title?: string }[] = [
  { key: 'lineNo', label: '#', width: 36 },
  { key: 'type', label: 'Type', width: 96 },
  { key: 'source', label: 'Item / category', width: 180 },
  { key: 'description', label: 'Description', width: 190 },
  { key: 'serviceObjectId', label: 'Service object', width: 190 },
  { key: 'intervalId', label: 'Interval', width: 140, title: 'Blank = once, on the start date' },
  { key: 'timeWindowId', label: 'Time window', width: 140, title: 'Blank = exactly on the calculated date' },
  { key: 'startDate', label: 'Start date', width: 106 },
  { key: 'endDate', label: 'End date', width: 106 },
  { key: 'quantity', label: 'Qty', width: 64 },
  { key: 'unitPrice', label: 'Sales price', width: 104, title: 'Blank = the item’s or category’s price' },
  { key: 'serviceTaskId', label: 'Service task', width: 170 },
  { key: 'workerId', label: 'Worker', width: 160 },
  { key: 'startAfter', label: 'Start after', width: 76 },
  { key: 'endBefore', label: 'End before', width: 76 },
  { key: 'stopped', label: 'Stopped', width: 60 },
  { key: 'note', label: 'Note', width: 220 },
  { key: 'made', label: 'Made', width: 52, title: 'Order lines already created from this line' },
  { key: 'actions', label: '', width: 76 }
]

// Sticky offsets: # and Type on the left, Made and the actions on the right.
const LEFT: Partial<Record<Col, number>> = { lineNo: 0, type: 36 }
const RIGHT: Partial<Record<Col, number>> = { actions: 0, made: 76 }

const NEW = 'new'
type RowKey = number | typeof NEW

interface LinesGridProps {
  agreement: AgreementRow
  readOnly: boolean
  /** A line to mark (opened from an order's link back to its agreement line). */
  highlightLineId?: number | null
}

/**
 * The agreement lines as an inline-editable grid. Tab moves through the cells, Enter saves the row and
 * moves to the next one (the bottom row adds a line), Escape puts the row back as it was saved. A select
 * cell opens its list on typing or ↓, not on focus, so that Tab and Enter stay with the grid.
 */
export function LinesGrid({ agreement, readOnly, highlightLineId = null }: LinesGridProps) {
  const [drafts, setDrafts] = useState<Partial<Record<RowKey, LineDraft>>>({})
  const [errors, setErrors] = useState<Partial<Record<RowKey, DraftErrors>>>({})
  // Bumped to remount a row's cells (their typed text) after a revert or an add.
  const [revision, setRevision] = useState<Partial<Record<RowKey, number>>>({})
  const [focusTarget, setFocusTarget] = useState<{ row: RowKey; col: Col; n: number } | null>(null)
  const saving = useRef<RowKey | null>(null)
  const wrap = useRef<HTMLDivElement>(null)

  const intervals = useQuery(intervalsQuery)
  const windows = useQuery(timeWindowsQuery)
  const categories = useQuery(categoriesQuery)
  const categoryPrice = new Map((categories.data?.rows ?? []).map((c) => [c.id, c.salesPrice]))
  const [itemPrices, setItemPrices] = useState<Map<number, number>>(new Map())

  const onFieldErrors = (e: unknown): boolean => {
    const key = saving.current
    if (key === null || !isApiError(e, 'VALIDATION') || e.issues.length === 0) return false
    const rowErrors: DraftErrors = {}
    for (const i of e.issues) {
      const field = i.path[0] as LineField | undefined
      if (field) rowErrors[field] = i.message
    }
    setErrors((all) => ({ ...all, [key]: rowErrors }))
    return false // and the notification, as the cell may be scrolled out of sight
  }
  const add = useAgreementAction('agreements.addLine', agreement.id, { onError: onFieldErrors })
  const update = useAgreementAction('agreements.updateLine', agreement.id, { onError: onFieldErrors })
  const remove = useAgreementAction('agreements.deleteLine', agreement.id, { done: 'Line deleted' })

  const lines = agreement.lines
  const draftFor = (key: RowKey, line: AgreementLineRow | null): LineDraft => drafts[key] ?? (line ? draftOf(line) : newDraft(agreement.startDate))
  const isDirty = (key: RowKey, line: AgreementLineRow | null) => drafts[key] !== undefined && !sameDraft(drafts[key]!, line ? draftOf(line) : newDraft(agreement.startDate))

  const forget = (key: RowKey) => {
    setDrafts(({ [key]: _d, ...rest }) => rest as typeof drafts)
    setErrors(({ [key]: _e, ...rest }) => rest as typeof errors)
    setRevision((r) => ({ ...r, [key]: (r[key] ?? 0) + 1 }))
  }

  const change = (key: RowKey, line: AgreementLineRow | null, patch: Partial<LineDraft>) => {
    setDrafts((all) => ({ ...all, [key]: { ...(all[key] ?? (line ? draftOf(line) : newDraft(agreement.startDate))), ...patch } }))
    setErrors((all) => {
      const rowErrors = all[key]
      if (!rowErrors) return all
      const left = { ...rowErrors }
      for (const f of Object.keys(patch) as LineField[]) delete left[f]
      if ('itemId' in patch || 'categoryId' in patch || 'type' in patch) {
        delete left.itemId
        delete left.categoryId
      }
      return { ...all, [key]: left }
    })
  }

  const nextRow = (key: RowKey): RowKey => {
    if (key === NEW) return NEW
    const i = lines.findIndex((l) => l.id === key)
    return i >= 0 && i + 1 < lines.length ? lines[i + 1]!.id : NEW
  }

  const focus = (row: RowKey, col: Col) => setFocusTarget((f) => ({ row, col, n: (f?.n ?? 0) + 1 }))
  // Focus once the row is on screen (after the save's answer has rendered), then never again.
  const focused = useRef(0)
  useEffect(() => {
    if (!focusTarget || focused.current === focusTarget.n) return
    const cell = wrap.current?.querySelector<HTMLElement>(`tr[data-row="${focusTarget.row}"] td[data-col="${focusTarget.col}"]`)
    const target = cell?.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), button:not([disabled])')
    if (!target) return
    focused.current = focusTarget.n
    target.focus()
  }, [focusTarget, lines])

  /** Enter: save the row when it has changes, then go on to the next row (same column; the bottom row's first). */
  const save = (key: RowKey, line: AgreementLineRow | null, col: Col) => {
    if (readOnly) return
    if (!isDirty(key, line)) {
      if (key !== NEW) focus(nextRow(key), col)
      return
    }
    const checked = lineInputOf(draftFor(key, line))
    if (!checked.ok) {
      setErrors((all) => ({ ...all, [key]: checked.errors }))
      return
    }
    saving.current = key
    if (key === NEW) {
      add.mutate(
        { ...checked.input, agreementId: agreement.id },
        {
          onSuccess: () => {
            forget(NEW)
            focus(NEW, 'type')
          }
        }
      )
    } else {
      update.mutate(
        { ...checked.input, id: key, version: line!.version },
        {
          onSuccess: () => {
            forget(key)
            focus(nextRow(key), col)
          }
        }
      )
    }
  }

  const onKeyDown = (key: RowKey, line: AgreementLineRow | null) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    const t = e.target as HTMLElement
    // An open dropdown takes Enter (pick) and Escape (close) for itself.
    if (e.defaultPrevented || t.getAttribute('aria-expanded') === 'true' || t.hasAttribute('data-expanded')) return
    const col = (t.closest('td')?.getAttribute('data-col') ?? 'type') as Col
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && t.tagName !== 'BUTTON') {
      e.preventDefault()
      save(key, line, col)
    } else if (e.key === 'Escape' && drafts[key] !== undefined) {
      e.preventDefault()
      forget(key)
      focus(key, col)
    }
  }

  // Scroll the marked line into view once.
  const highlighted = useRef(false)
  useEffect(() => {
    if (highlighted.current || highlightLineId === null) return
    const row = wrap.current?.querySelector<HTMLElement>(`tr[data-row="${highlightLineId}"]`)
    if (row) {
      highlighted.current = true
      row.scrollIntoView({ block: 'center' })
    }
  }, [highlightLineId, lines])

  const intervalOptions = (intervals.data?.rows ?? []).map((i) => ({ value: String(i.id), label: i.name || intervalText(i) }))
  const windowOptions = (windows.data?.rows ?? []).map((w) => ({ value: String(w.id), label: w.name }))
  const objectOptions = agreement.objects.map((o) => ({ value: String(o.id), label: objectLabel(o) }))

  const renderRow = (key: RowKey, line: AgreementLineRow | null) => {
    const d = draftFor(key, line)
    const err = errors[key] ?? {}
    const dirty = isDirty(key, line)
    const label = line ? `Line ${line.lineNo}` : 'New line'
    const set = (patch: Partial<LineDraft>) => change(key, line, patch)
    const defaultPrice = d.type === 'item' ? (d.itemId !== null ? itemPrices.get(d.itemId) : undefined) : d.categoryId !== null ? categoryPrice.get(d.categoryId) : undefined
    const sourceName = line && (d.type === 'item' ? d.itemId === line.itemId : d.categoryId === line.categoryId) ? (d.type === 'item' ? line.itemName : line.categoryName) : null
    const cell = (col: Col, content: ReactNode, className?: string) => {
      const left = LEFT[col]
      const right = RIGHT[col]
      return (
        <td
          key={col}
          data-col={col}
          className={[className, left !== undefined ? classes.stickyLeft : '', right !== undefined ? classes.stickyRight : ''].filter(Boolean).join(' ')}
          style={left !== undefined ? { left } : right !== undefined ? { right } : undefined}
        >
          {content}
        </td>
      )
    }
    const rowClass = [dirty ? classes.dirty : '', line?.stopped ? classes.stopped : '', line && line.id === highlightLineId ? classes.highlight : '', key === NEW ? classes.newRow : '']
      .filter(Boolean)
      .join(' ')

    return (
      <tr key={`${key}-${revision[key] ?? 0}`} data-row={key} data-testid={key === NEW ? 'new-line-row' : `line-row-${line!.lineNo}`} className={rowClass} onKeyDown={onKeyDown(key, line)}>
        {cell('lineNo', line ? line.lineNo : '+', classes.lineNo)}
        {cell(
          'type',
          <Select
            size="xs"
            aria-label={`${label} type`}
            disabled={readOnly}
            allowDeselect={false}
            selectFirstOptionOnChange
            openOnFocus={false}
            searchable
            data={LINE_TYPES.map((t) => ({ value: t, label: LINE_TYPE_LABELS[t] }))}
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
              aria-label={`${label} item`}
              placeholder="Item"
              disabled={readOnly}
              selectFirstOptionOnChange
              openOnFocus={false}
              list="items.list"
              filters={{ active: true }}
              labelOf={(i) => `${i.number} ${i.name}`}
              value={d.itemId}
              onChange={(id, row) => {
                if (row) setItemPrices((m) => new Map(m).set(row.id, row.salesPrice))
                set({ itemId: id, unitPrice: id === d.itemId ? d.unitPrice : null })
              }}
              error={err.itemId}
            />
          ) : (
            <EntitySelect
              key={d.type}
              size="xs"
              aria-label={`${label} category`}
              placeholder={`${LINE_TYPE_LABELS[d.type]} category`}
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
          <TextInput size="xs" aria-label={`${label} description`} placeholder={sourceName ?? 'From the item or category'} disabled={readOnly} value={d.description} onChange={(e) => set({ description: e.currentTarget.value })} error={err.description} />
        )}
        {cell(
          'serviceObjectId',
          <Select
            size="xs"
            aria-label={`${label} service object`}
            placeholder={objectOptions.length === 0 ? 'No related objects' : '—'}
            nothingFoundMessage="Relate the object on the Agreement tab first"
            disabled={readOnly}
            clearable
            searchable
            selectFirstOptionOnChange
            openOnFocus={false}
            data={objectOptions}
            value={d.serviceObjectId === null ? null : String(d.serviceObjectId)}
            onChange={(v) => set({ serviceObjectId: v === null ? null : Number(v) })}
            error={err.serviceObjectId}
          />
        )}
        {cell(
          'intervalId',
          <Select
            size="xs"
            aria-label={`${label} interval`}
            placeholder="Once"
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
            aria-label={`${label} time window`}
            placeholder="Exact date"
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
        {cell('startDate', <DateCell size="xs" aria-label={`${label} start date`} disabled={readOnly} value={d.startDate} onChange={(v) => set({ startDate: v })} error={err.startDate} />)}
        {cell('endDate', <DateCell size="xs" aria-label={`${label} end date`} placeholder="Open" disabled={readOnly} value={d.endDate} onChange={(v) => set({ endDate: v })} error={err.endDate} />)}
        {cell('quantity', <QuantityCell size="xs" aria-label={`${label} quantity`} disabled={readOnly} value={d.quantity} onChange={(v) => set({ quantity: v })} error={err.quantity} />)}
        {cell(
          'unitPrice',
          <PriceCell
            size="xs"
            aria-label={`${label} sales price`}
            placeholder={defaultPrice !== undefined ? formatMoney(defaultPrice) : 'Default'}
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
            aria-label={`${label} service task`}
            placeholder="—"
            disabled={readOnly}
            selectFirstOptionOnChange
            openOnFocus={false}
            list="serviceTasks.list"
            labelOf={(t) => `${t.code} · ${t.name}`}
            value={d.serviceTaskId}
            onChange={(id) => set({ serviceTaskId: id })}
            error={err.serviceTaskId}
          />
        )}
        {cell(
          'workerId',
          <EntitySelect
            size="xs"
            aria-label={`${label} worker`}
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
        {cell('startAfter', <TextInput size="xs" aria-label={`${label} start after`} placeholder="hh:mm" disabled={readOnly} value={d.startAfter} onChange={(e) => set({ startAfter: e.currentTarget.value })} error={err.startAfter} />)}
        {cell('endBefore', <TextInput size="xs" aria-label={`${label} end before`} placeholder="hh:mm" disabled={readOnly} value={d.endBefore} onChange={(e) => set({ endBefore: e.currentTarget.value })} error={err.endBefore} />)}
        {cell('stopped', <Checkbox size="xs" aria-label={`${label} stopped`} disabled={readOnly} checked={d.stopped} onChange={(e) => set({ stopped: e.currentTarget.checked })} />, classes.checkCell)}
        {cell('note', <TextInput size="xs" aria-label={`${label} note`} placeholder="—" disabled={readOnly} value={d.note} onChange={(e) => set({ note: e.currentTarget.value })} error={err.note} />)}
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
            <Group gap={2} wrap="nowrap" pt={2}>
              {dirty && (
                <>
                  <Tooltip label="Save (Enter)">
                    <ActionIcon size="sm" variant="subtle" aria-label={`Save ${label.toLowerCase()}`} loading={saving.current === key && (add.isPending || update.isPending)} onClick={() => save(key, line, 'type')}>
                      <IconDeviceFloppy size={14} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Undo changes (Escape)">
                    <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Undo changes to ${label.toLowerCase()}`} onClick={() => forget(key)}>
                      <IconArrowBackUp size={14} />
                    </ActionIcon>
                  </Tooltip>
                </>
              )}
              {line && (
                <ConfirmButton
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  px={4}
                  aria-label={`Delete ${label.toLowerCase()}`}
                  title={`Delete line ${line.lineNo}?`}
                  message={
                    line.generatedCount > 0
                      ? `Line ${line.lineNo} has already produced ${line.generatedCount} order line(s), so it cannot be deleted; mark it stopped instead.`
                      : `This removes line ${line.lineNo} (${line.description || LINE_TYPE_LABELS[line.type]}) from the agreement. No orders were created from it.`
                  }
                  confirmLabel="Delete line"
                  onConfirm={() => remove.mutate({ id: line.id, version: line.version })}
                >
                  <IconTrash size={14} />
                </ConfirmButton>
              )}
            </Group>
          ),
          ''
        )}
      </tr>
    )
  }

  return (
    <div className={classes.wrap} ref={wrap}>
      <table className={classes.table} data-testid="lines-grid">
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const left = LEFT[c.key]
              const right = RIGHT[c.key]
              return (
                <th
                  key={c.key}
                  data-col={c.key}
                  title={c.title}
                  className={left !== undefined ? classes.stickyLeft : right !== undefined ? classes.stickyRight : undefined}
                  style={{ textAlign: c.key === 'quantity' || c.key === 'unitPrice' || c.key === 'made' || c.key === 'lineNo' ? 'right' : 'left', ...(left !== undefined ? { left } : right !== undefined ? { right } : {}) }}
                >
                  {c.label}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => renderRow(l.id, l))}
          {!readOnly && renderRow(NEW, null)}
        </tbody>
      </table>
      {lines.length === 0 && readOnly && (
        <Text size="sm" c="dimmed" p="sm">
          No lines.
        </Text>
      )}
    </div>
  )
}
