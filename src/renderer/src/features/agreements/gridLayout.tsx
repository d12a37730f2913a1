import type { ReactNode } from 'react'
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

export const COLUMNS: { key: Col; label: string; width: number; title?: string }[] = [
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

/** The column widths and the header row. */
export function GridHead() {
  return (
    <>
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
                style={{
                  textAlign: c.key === 'quantity' || c.key === 'unitPrice' || c.key === 'made' || c.key === 'lineNo' ? 'right' : 'left',
                  ...(left !== undefined ? { left } : right !== undefined ? { right } : {})
                }}
              >
                {c.label}
              </th>
            )
          })}
        </tr>
      </thead>
    </>
  )
}
