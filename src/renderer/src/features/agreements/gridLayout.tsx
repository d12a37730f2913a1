import type { ReactNode } from 'react'
import type { T } from '@shared/i18n/i18n'
import { useT } from '../../lib/i18n'
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

export const COLUMNS: { key: Col; label: (t: T) => string; width: number; title?: (t: T) => string }[] = [
  { key: 'lineNo', label: (t) => t('agreements.columns.lineNo'), width: 36 },
  { key: 'type', label: (t) => t('agreements.columns.type'), width: 96 },
  { key: 'source', label: (t) => t('agreements.columns.source'), width: 180 },
  { key: 'description', label: (t) => t('agreements.columns.description'), width: 190 },
  { key: 'serviceObjectId', label: (t) => t('agreements.columns.serviceObject'), width: 190 },
  { key: 'intervalId', label: (t) => t('agreements.columns.interval'), width: 140, title: (t) => t('agreements.columns.intervalTitle') },
  {
    key: 'timeWindowId',
    label: (t) => t('agreements.columns.timeWindow'),
    width: 140,
    title: (t) => t('agreements.columns.timeWindowTitle')
  },
  { key: 'startDate', label: (t) => t('agreements.columns.startDate'), width: 106 },
  { key: 'endDate', label: (t) => t('agreements.columns.endDate'), width: 106 },
  { key: 'quantity', label: (t) => t('agreements.columns.quantity'), width: 64 },
  { key: 'unitPrice', label: (t) => t('agreements.columns.salesPrice'), width: 104, title: (t) => t('agreements.columns.salesPriceTitle') },
  { key: 'serviceTaskId', label: (t) => t('agreements.columns.serviceTask'), width: 170 },
  { key: 'workerId', label: (t) => t('agreements.columns.worker'), width: 160 },
  { key: 'startAfter', label: (t) => t('agreements.columns.startAfter'), width: 76 },
  { key: 'endBefore', label: (t) => t('agreements.columns.endBefore'), width: 76 },
  { key: 'stopped', label: (t) => t('agreements.columns.stopped'), width: 60 },
  { key: 'note', label: (t) => t('agreements.columns.note'), width: 220 },
  { key: 'made', label: (t) => t('agreements.columns.made'), width: 52, title: (t) => t('agreements.columns.madeTitle') },
  { key: 'actions', label: () => '', width: 76 }
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
  const t = useT()
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
