import type { ReactNode } from 'react'
import type { T } from '@shared/i18n/i18n'
import { useColumnChoice } from '../../components/ColumnChooser'
import { useT } from '../../lib/i18n'
import type { DraftErrors } from './lineDraft'
import classes from './LinesGrid.module.css'

export type Col =
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

/**
 * The grid's columns. `fixed` ones are always there; the rest are the user's choice (column chooser),
 * `compact` ones by default: what a consultant reads a line by, fitting 1440 px without a sideways scroll.
 * The service object column has no width: it takes what the others leave, so an object's name shows whole.
 */
export const COLUMNS: {
  key: Col
  label: (t: T) => string
  width?: number
  title?: (t: T) => string
  fixed?: true
  compact?: true
}[] = [
  { key: 'lineNo', label: (t) => t('agreements.columns.lineNo'), width: 36, fixed: true },
  { key: 'type', label: (t) => t('agreements.columns.type'), width: 80, fixed: true },
  { key: 'source', label: (t) => t('agreements.columns.source'), width: 150, compact: true },
  { key: 'description', label: (t) => t('agreements.columns.description'), width: 190 },
  { key: 'serviceObjectId', label: (t) => t('agreements.columns.serviceObject'), compact: true },
  {
    key: 'intervalId',
    label: (t) => t('agreements.columns.interval'),
    width: 100,
    title: (t) => t('agreements.columns.intervalTitle'),
    compact: true
  },
  {
    key: 'timeWindowId',
    label: (t) => t('agreements.columns.timeWindow'),
    width: 100,
    title: (t) => t('agreements.columns.timeWindowTitle'),
    compact: true
  },
  { key: 'startDate', label: (t) => t('agreements.columns.startDate'), width: 92, compact: true },
  { key: 'endDate', label: (t) => t('agreements.columns.endDate'), width: 92 },
  { key: 'quantity', label: (t) => t('agreements.columns.quantity'), width: 64 },
  {
    key: 'unitPrice',
    label: (t) => t('agreements.columns.salesPrice'),
    width: 84,
    title: (t) => t('agreements.columns.salesPriceTitle'),
    compact: true
  },
  { key: 'serviceTaskId', label: (t) => t('agreements.columns.serviceTask'), width: 170 },
  { key: 'workerId', label: (t) => t('agreements.columns.worker'), width: 120, compact: true },
  { key: 'startAfter', label: (t) => t('agreements.columns.startAfter'), width: 76 },
  { key: 'endBefore', label: (t) => t('agreements.columns.endBefore'), width: 76 },
  { key: 'stopped', label: (t) => t('agreements.columns.stopped'), width: 60 },
  { key: 'note', label: (t) => t('agreements.columns.note'), width: 220 },
  { key: 'made', label: (t) => t('agreements.columns.made'), width: 52, title: (t) => t('agreements.columns.madeTitle'), fixed: true },
  { key: 'actions', label: () => '', width: 76, fixed: true }
]

/** The service object column's least width, when the others leave it less. */
const OBJECT_MIN_WIDTH = 180

/** The table's least width for these columns: beyond the screen, the grid scrolls sideways. */
export const minTableWidth = (cols: Col[]) =>
  COLUMNS.filter((c) => cols.includes(c.key)).reduce((sum, c) => sum + (c.width ?? OBJECT_MIN_WIDTH), 0)

/** The user's choice of the grid's optional columns (remembered per user). */
export function useLineColumns() {
  const t = useT()
  return useColumnChoice(
    'agreementLines',
    COLUMNS.filter((c) => !c.fixed).map((c) => ({ key: c.key, label: c.label(t), byDefault: c.compact === true }))
  )
}
export type LineColumns = ReturnType<typeof useLineColumns>

/**
 * The columns on screen: the fixed ones, the user's, and any column a row has an error in, so that a refused
 * line never hides the field to fix.
 */
export function shownColumns(choice: LineColumns, errors: Partial<Record<RowKey, DraftErrors>>): Col[] {
  const wrong = new Set(
    Object.values(errors).flatMap((e) => Object.keys(e ?? {}).map((f) => (f === 'itemId' || f === 'categoryId' ? 'source' : f)))
  )
  return COLUMNS.filter((c) => c.fixed || choice.shown.has(c.key) || wrong.has(c.key)).map((c) => c.key)
}

// Sticky offsets: # and Type on the left, Made and the actions on the right.
export const LEFT: Partial<Record<Col, number>> = { lineNo: 0, type: 36 }
export const RIGHT: Partial<Record<Col, number>> = { actions: 0, made: 76 }

export const NEW = 'new'
export type RowKey = number | typeof NEW

/** One cell of a row; the first and last columns stay in view while the grid scrolls sideways. */
export function Cell({ col, className, children }: { col: Col; className?: string; children: ReactNode }) {
  const left = LEFT[col]
  const right = RIGHT[col]
  return (
    <td
      data-col={col}
      className={[className, left !== undefined ? classes.stickyLeft : '', right !== undefined ? classes.stickyRight : '']
        .filter(Boolean)
        .join(' ')}
      style={left !== undefined ? { left } : right !== undefined ? { right } : undefined}
    >
      {children}
    </td>
  )
}

/** The column widths and the header row of the columns shown. */
export function GridHead({ cols }: { cols: Col[] }) {
  const t = useT()
  const shown = COLUMNS.filter((c) => cols.includes(c.key))
  return (
    <>
      <colgroup>
        {shown.map((c) => (
          <col key={c.key} style={c.width === undefined ? undefined : { width: c.width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {shown.map((c) => {
            const left = LEFT[c.key]
            const right = RIGHT[c.key]
            return (
              <th
                key={c.key}
                data-col={c.key}
                title={c.title?.(t)}
                className={left !== undefined ? classes.stickyLeft : right !== undefined ? classes.stickyRight : undefined}
                style={{
                  textAlign: c.key === 'quantity' || c.key === 'unitPrice' || c.key === 'made' || c.key === 'lineNo' ? 'right' : 'left',
                  ...(left !== undefined ? { left } : right !== undefined ? { right } : {})
                }}
              >
                {c.label(t)}
              </th>
            )
          })}
        </tr>
      </thead>
    </>
  )
}
