import { ActionIcon, Anchor, Checkbox, Group, Table, Text } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { LINE_TYPE_LABELS, type LineRow } from '@shared/domain/orders'
import { formatQuantity } from '../../lib/lineDraft'
import { formatDate, formatMoney } from '../../lib/format'
import { LineStatusBadge, SignedOffMark } from './badges'
import classes from './LinesGrid.module.css'

/** The cells of the lines grid (the details row spans all but the first two). */
export const COLUMNS = 12

/** What a collapsed row shows under its description: object, task, schedule and note. */
export const lineSummary = (line: LineRow | null) =>
  [
    line?.serviceObjectName ?? null,
    line?.serviceTaskName ?? null,
    line?.scheduledDate ? `scheduled ${formatDate(line.scheduledDate)}` : null,
    line?.note || null
  ]
    .filter(Boolean)
    .join(' · ')

interface LineViewProps {
  line: LineRow
  expanded: boolean
  onToggle: () => void
  selected?: boolean
  onSelect?: (on: boolean) => void
  menu?: ReactNode
}

/** A line the user may not change here (posted, cancelled, someone else's, or a stage that locks lines): shown, selectable, with its menu. */
export function LineView({ line, expanded, onToggle, selected, onSelect, menu }: LineViewProps) {
  const summary = lineSummary(line)
  return (
    <>
      <Table.Tr
        data-line-row={line.id}
        className={line.status === 'cancelled' ? classes.cancelled : undefined}
        data-testid={`line-${line.lineNo}`}
      >
        <Table.Td>
          {onSelect && line.status === 'created' && (
            <Checkbox
              size="xs"
              mt={4}
              aria-label={`Select line ${line.lineNo}`}
              checked={selected}
              onChange={(e) => onSelect(e.currentTarget.checked)}
            />
          )}
        </Table.Td>
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
          <div className={classes.cell}>
            {formatQuantity(line.quantity)} {line.unit}
          </div>
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
        <Table.Td>
          <Group gap={2} wrap="nowrap" justify="flex-end">
            <DetailsToggle label={`line ${line.lineNo}`} expanded={expanded} onToggle={onToggle} />
            {menu}
          </Group>
        </Table.Td>
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

export function DetailsToggle({ label, expanded, onToggle }: { label: string; expanded: boolean; onToggle: () => void }) {
  return (
    <ActionIcon
      size="sm"
      variant="subtle"
      color="gray"
      tabIndex={-1}
      aria-label={`${expanded ? 'Hide' : 'Show'} details of ${label}`}
      onClick={onToggle}
    >
      {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
    </ActionIcon>
  )
}

export function Status({ line }: { line: LineRow }) {
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
