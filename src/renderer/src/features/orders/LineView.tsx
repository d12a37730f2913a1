import { ActionIcon, Anchor, Checkbox, Group, Table, Text } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { LineRow } from '@shared/domain/orders'
import type { Formats } from '@shared/i18n/format'
import type { T } from '@shared/i18n/i18n'
import { useFormat, useT } from '../../lib/i18n'
import { LineStatusBadge, SignedOffMark } from './badges'
import classes from './LinesGrid.module.css'

/** The cells of the lines grid (the details row spans all but the first two). */
export const COLUMNS = 12

/** What a collapsed row shows under its description: object, task, schedule and note. */
export const lineSummary = (line: LineRow | null, t: T, f: Formats) =>
  [
    line?.serviceObjectName ?? null,
    line?.serviceTaskName ?? null,
    line?.scheduledDate ? t('orders.lines.scheduledOn', { date: f.date(line.scheduledDate) }) : null,
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
  const t = useT()
  const f = useFormat()
  const summary = lineSummary(line, t, f)
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
              aria-label={t('orders.lines.selectLine', { lineNo: line.lineNo })}
              checked={selected}
              onChange={(e) => onSelect(e.currentTarget.checked)}
            />
          )}
        </Table.Td>
        <Table.Td>
          <div className={classes.cell}>{line.lineNo}</div>
        </Table.Td>
        <Table.Td>
          <div className={classes.cell}>{t(`enums.lineType.${line.type}`)}</div>
        </Table.Td>
        <Table.Td>
          <div className={classes.cell}>{(line.type === 'item' ? line.itemName : line.categoryName) ?? t('common.none')}</div>
        </Table.Td>
        <Table.Td>
          <div className={classes.cell}>{line.description}</div>
          {summary && !expanded && <div className={classes.summary}>{summary}</div>}
        </Table.Td>
        <Table.Td>
          <div className={classes.cell}>{line.workerName ?? t('common.none')}</div>
        </Table.Td>
        <Table.Td style={{ textAlign: 'right' }}>
          <div className={classes.cell}>
            {f.quantity(line.quantity)} {line.unit}
          </div>
        </Table.Td>
        <Table.Td style={{ textAlign: 'right' }}>
          <div className={classes.cell}>{f.money(line.unitPrice)}</div>
        </Table.Td>
        <Table.Td style={{ textAlign: 'right' }} data-testid={`line-${line.lineNo}-amount`}>
          <div className={classes.cell}>{f.money(line.salesAmount)}</div>
        </Table.Td>
        <Table.Td>
          <div className={classes.cell}>{f.date(line.actualDate) || t('common.none')}</div>
        </Table.Td>
        <Table.Td>
          <Status line={line} />
        </Table.Td>
        <Table.Td>
          <Group gap={2} wrap="nowrap" justify="flex-end">
            <DetailsToggle label={t('orders.lines.lineLower', { lineNo: line.lineNo })} expanded={expanded} onToggle={onToggle} />
            {menu}
          </Group>
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr className={classes.details}>
          <Table.Td colSpan={2} />
          <Table.Td colSpan={COLUMNS - 2}>
            <Group gap="lg" py={2}>
              <Detail label={t('orders.lines.serviceObject')} value={line.serviceObjectName} />
              <Detail label={t('orders.lines.task')} value={line.serviceTaskName} />
              <Detail label={t('orders.lines.scheduled')} value={line.scheduledDate ? f.date(line.scheduledDate) : null} />
              <Detail label={t('orders.lines.note')} value={line.note || null} />
            </Group>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}

export function DetailsToggle({ label, expanded, onToggle }: { label: string; expanded: boolean; onToggle: () => void }) {
  const t = useT()
  return (
    <ActionIcon
      size="sm"
      variant="subtle"
      color="gray"
      tabIndex={-1}
      aria-label={expanded ? t('orders.lines.hideDetails', { line: label }) : t('orders.lines.showDetails', { line: label })}
      onClick={onToggle}
    >
      {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
    </ActionIcon>
  )
}

export function Status({ line }: { line: LineRow }) {
  const t = useT()
  return (
    <Group gap={4} wrap="nowrap" pt={3}>
      <LineStatusBadge status={line.status} />
      <SignedOffMark signedOff={line.signedOff} label={t('orders.lines.lineSignedOff', { lineNo: line.lineNo })} />
      {line.invoiceId !== null && (
        <Anchor component={Link} to={`/invoices/${line.invoiceId}`} size="xs">
          {line.invoiceNumber}
        </Anchor>
      )}
    </Group>
  )
}

function Detail({ label, value }: { label: string; value: string | null }) {
  const t = useT()
  return (
    <Text size="xs">
      <Text span c="dimmed" size="xs">
        {label}:
      </Text>{' '}
      {value ?? t('common.none')}
    </Text>
  )
}
