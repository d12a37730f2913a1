import { Text } from '@mantine/core'
import type { Column, RowOf } from '../../components/ListPage'
import { SlaBadge } from '../../components/SlaBadge'
import { useMemo } from 'react'
import type { TFunction } from 'i18next'
import type { Formats } from '@shared/i18n/format'
import { useFormat, useT } from '../../lib/i18n'
import { PriorityBadge, ProgressBadge, SignedOffMark } from './badges'

type OrderColumn = Column<RowOf<'serviceOrders.list'>>

/**
 * The columns of the order list, by name, for every list of orders to pick from (the main list, a customer's tab).
 * The same objects until the language or the formats change: the list's rows render again only when their
 * columns do.
 */
export function useOrderColumns() {
  const t = useT()
  const f = useFormat()
  return useMemo(() => orderColumns(t, f), [t, f])
}

function orderColumns(t: TFunction, f: Formats) {
  const truncated = (key: 'address' | 'description', label: string, maw: number): OrderColumn => ({
    key,
    label,
    render: (r) => (
      <Text size="sm" truncate maw={maw}>
        {r[key]}
      </Text>
    )
  })
  return {
    number: { key: 'number', label: t('orders.list.number'), sort: 'number', width: 100 },
    customerName: { key: 'customerName', label: t('orders.list.customer'), sort: 'customerName' },
    address: truncated('address', t('orders.list.address'), 200),
    description: truncated('description', t('orders.list.description'), 240),
    priority: {
      key: 'priority',
      label: t('orders.list.priority'),
      sort: 'priority',
      width: 80,
      render: (r) => <PriorityBadge priority={r.priority} size="xs" />
    },
    stageName: { key: 'stageName', label: t('orders.list.stage'), sort: 'stageName' },
    progress: { key: 'progress', label: t('orders.list.progress'), render: (r) => <ProgressBadge progress={r.progress} size="xs" /> },
    sla: { key: 'sla', label: t('orders.list.sla'), sort: 'slaDue', width: 150, render: (r) => <SlaBadge badge={r.sla} /> },
    plannedStart: {
      key: 'plannedStart',
      label: t('orders.list.plannedStart'),
      sort: 'plannedStart',
      render: (r) => f.dateTime(r.plannedStart) || t('common.none')
    },
    responsibleName: { key: 'responsibleName', label: t('orders.list.responsible'), render: (r) => r.responsibleName ?? t('common.none') },
    lineCount: { key: 'lineCount', label: t('orders.list.lines'), align: 'right', width: 50 },
    salesTotal: {
      key: 'salesTotal',
      label: t('orders.list.total'),
      sort: 'salesTotal',
      align: 'right',
      render: (r) => f.money(r.salesTotal)
    },
    signedOff: {
      key: 'signedOff',
      label: '',
      width: 28,
      render: (r) => <SignedOffMark signedOff={r.signedOff} label={t('orders.list.signedOff')} />
    }
  } satisfies Record<string, OrderColumn>
}
