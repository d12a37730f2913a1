import { Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { AgreementLineRow, AgreementRow } from '@shared/domain/agreements'
import { objectLabel } from '../../components/RelationsEditor'
import { useT } from '../../lib/i18n'
import { GridHead, type LineColumns, minTableWidth, NEW, type RowKey, shownColumns } from './gridLayout'
import { LineRow } from './LineRow'
import classes from './LinesGrid.module.css'
import { categoriesQuery, intervalsQuery, timeWindowsQuery } from './queries'
import { intervalText } from './setup/intervalText'
import { useLineDrafts } from './useLineDrafts'

interface LinesGridProps {
  agreement: AgreementRow
  readOnly: boolean
  /** A line to mark (opened from an order's link back to its agreement line). */
  highlightLineId?: number | null
  /** The user's choice of columns (the chooser sits above the grid). */
  columns: LineColumns
}

/**
 * The agreement lines as an inline-editable grid. Tab moves through the cells, Enter saves the row and
 * moves to the next one (the bottom row adds a line), Escape puts the row back as it was saved. A select
 * cell opens its list on typing or ↓, not on focus, so that Tab and Enter stay with the grid.
 */
export function LinesGrid({ agreement, readOnly, highlightLineId = null, columns }: LinesGridProps) {
  const t = useT()
  const g = useLineDrafts(agreement, readOnly, highlightLineId)
  const intervals = useQuery(intervalsQuery)
  const windows = useQuery(timeWindowsQuery)
  const categories = useQuery(categoriesQuery)
  const categoryPrice = new Map((categories.data?.rows ?? []).map((c) => [c.id, c.salesPrice]))
  const [itemPrices, setItemPrices] = useState<Map<number, number>>(new Map())
  const options = {
    intervals: (intervals.data?.rows ?? []).map((i) => ({ value: String(i.id), label: i.name || intervalText(t, i) })),
    windows: (windows.data?.rows ?? []).map((w) => ({ value: String(w.id), label: w.name })),
    // Number and name, which the cell shows whole; the serial number is in the cell's tooltip.
    objects: agreement.objects.map((o) => ({ value: String(o.id), label: `${o.number} ${o.name}`, title: objectLabel(o) }))
  }
  const lines = agreement.lines
  const cols = shownColumns(columns, g.errors)
  const visible = new Set(cols)

  const row = (key: RowKey, line: AgreementLineRow | null) => {
    const d = g.draftFor(key, line)
    return (
      <LineRow
        key={`${key}-${g.revision[key] ?? 0}`}
        rowKey={key}
        visible={visible}
        line={line}
        draft={d}
        errors={g.errors[key] ?? {}}
        dirty={g.isDirty(key, line)}
        readOnly={readOnly}
        highlighted={line !== null && line.id === highlightLineId}
        set={(patch) => g.change(key, line, patch)}
        onKeyDown={g.onKeyDown(key, line)}
        onSave={(col) => g.save(key, line, col)}
        onUndo={() => g.forget(key)}
        onDelete={() => line && g.remove.mutate({ id: line.id, version: line.version })}
        saving={g.savingRow(key)}
        defaultPrice={
          d.type === 'item'
            ? d.itemId !== null
              ? itemPrices.get(d.itemId)
              : undefined
            : d.categoryId !== null
              ? categoryPrice.get(d.categoryId)
              : undefined
        }
        onItemPicked={(id, price) => setItemPrices((m) => new Map(m).set(id, price))}
        options={options}
      />
    )
  }

  return (
    <div className={classes.wrap} ref={g.wrap}>
      <table className={classes.table} style={{ minWidth: minTableWidth(cols) }} data-testid="lines-grid">
        <GridHead cols={cols} />
        <tbody>
          {lines.map((l) => row(l.id, l))}
          {!readOnly && row(NEW, null)}
        </tbody>
      </table>
      {lines.length === 0 && readOnly && (
        <Text size="sm" c="dimmed" p="sm">
          {t('agreements.lines.noLines')}
        </Text>
      )}
    </div>
  )
}
