import { Checkbox, Select, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { PRIORITIES, PRIORITY_LABELS, type Priority, PROGRESS, PROGRESS_LABELS, type Progress } from '@shared/domain/orders'
import { formatInstant } from '@shared/time'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { SavedViewsMenu } from '../../components/SavedViewsMenu'
import { SlaBadge } from '../../components/SlaBadge'
import { formatMoney } from '../../lib/format'
import { useSession } from '../../lib/session'
import { PriorityBadge, ProgressBadge, SignedOffMark } from './badges'
import { useTimeZone } from '../../lib/settings'
import { stagesQuery } from './queries'

interface OrderFilters {
  stageId: number | null
  progress: Progress | null
  customerId: number | null
  workerId: number | null
  priority: Priority | null
  from: string | null
  to: string | null
  templates: boolean
}

const NO_FILTERS: OrderFilters = {
  stageId: null,
  progress: null,
  customerId: null,
  workerId: null,
  priority: null,
  from: null,
  to: null,
  templates: false
}

/** A saved view's filters, keeping only what this list understands (a view may predate a filter). */
function fromView(saved: Record<string, unknown>): { filters: OrderFilters; q: string } {
  const id = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null)
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null)
  return {
    filters: {
      stageId: id(saved.stageId),
      progress: PROGRESS.includes(saved.progress as Progress) ? (saved.progress as Progress) : null,
      customerId: id(saved.customerId),
      workerId: id(saved.workerId),
      priority: PRIORITIES.includes(saved.priority as Priority) ? (saved.priority as Priority) : null,
      from: date(saved.from),
      to: date(saved.to),
      templates: saved.templates === true
    },
    q: typeof saved.q === 'string' ? saved.q : ''
  }
}

export function OrdersList() {
  const { can } = useSession()
  const tz = useTimeZone()
  const stages = useQuery(stagesQuery)
  const [filters, setFilters] = useState<OrderFilters>(NO_FILTERS)
  const [q, setQ] = useState('')
  const set = <K extends keyof OrderFilters>(key: K, value: OrderFilters[K]) => setFilters((f) => ({ ...f, [key]: value }))

  return (
    <ListPage
      title={filters.templates ? 'Template orders' : 'Service orders'}
      method="serviceOrders.list"
      defaultSort="number"
      exportName="service-orders"
      searchPlaceholder="Number, description, customer"
      search={q}
      onSearchChange={setQ}
      filters={filters}
      actions={
        <SavedViewsMenu
          list="serviceOrders"
          current={{ ...filters, q }}
          onApply={(saved) => {
            const v = fromView(saved)
            setFilters(v.filters)
            setQ(v.q)
          }}
        />
      }
      filterControls={
        <>
          <Select
            size="xs"
            w={150}
            placeholder="Any stage"
            aria-label="Stage filter"
            clearable
            data={(stages.data?.rows ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={filters.stageId === null ? null : String(filters.stageId)}
            onChange={(v) => set('stageId', v === null ? null : Number(v))}
          />
          <Select
            size="xs"
            w={120}
            placeholder="Any progress"
            aria-label="Progress filter"
            clearable
            data={PROGRESS.map((p) => ({ value: p, label: PROGRESS_LABELS[p] }))}
            value={filters.progress}
            onChange={(v) => set('progress', v as Progress | null)}
          />
          <EntitySelect
            size="xs"
            w={200}
            placeholder="Any customer"
            aria-label="Customer filter"
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            value={filters.customerId}
            onChange={(v) => set('customerId', v)}
          />
          <EntitySelect
            size="xs"
            w={170}
            placeholder="Any technician"
            aria-label="Technician filter"
            list="workers.list"
            labelOf={(w) => w.name}
            value={filters.workerId}
            onChange={(v) => set('workerId', v)}
          />
          <Select
            size="xs"
            w={110}
            placeholder="Any priority"
            aria-label="Priority filter"
            clearable
            data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            value={filters.priority}
            onChange={(v) => set('priority', v as Priority | null)}
          />
          <DateField
            size="xs"
            w={115}
            placeholder="Planned from"
            aria-label="Planned from"
            value={filters.from}
            onChange={(v) => set('from', v)}
          />
          <DateField size="xs" w={115} placeholder="Planned to" aria-label="Planned to" value={filters.to} onChange={(v) => set('to', v)} />
          <Checkbox size="xs" label="Templates" checked={filters.templates} onChange={(e) => set('templates', e.currentTarget.checked)} />
        </>
      }
      newPath={can('orders.write') ? '/orders/new' : undefined}
      newLabel="New order"
      rowPath={(r) => `/orders/${r.id}`}
      columns={[
        { key: 'number', label: 'No.', sort: 'number', width: 100 },
        { key: 'customerName', label: 'Customer', sort: 'customerName' },
        {
          key: 'address',
          label: 'Address',
          render: (r) => (
            <Text size="sm" truncate maw={200}>
              {r.address}
            </Text>
          )
        },
        {
          key: 'description',
          label: 'Description',
          render: (r) => (
            <Text size="sm" truncate maw={240}>
              {r.description}
            </Text>
          )
        },
        {
          key: 'priority',
          label: 'Priority',
          sort: 'priority',
          width: 80,
          render: (r) => <PriorityBadge priority={r.priority} size="xs" />
        },
        { key: 'stageName', label: 'Stage', sort: 'stageName' },
        { key: 'progress', label: 'Progress', render: (r) => <ProgressBadge progress={r.progress} size="xs" /> },
        { key: 'sla', label: 'SLA', width: 150, render: (r) => <SlaBadge badge={r.sla} /> },
        { key: 'plannedStart', label: 'Planned start', sort: 'plannedStart', render: (r) => formatInstant(r.plannedStart, tz) || '—' },
        { key: 'responsibleName', label: 'Responsible', render: (r) => r.responsibleName ?? '—' },
        { key: 'lineCount', label: 'Lines', align: 'right', width: 50 },
        { key: 'salesTotal', label: 'Total', sort: 'salesTotal', align: 'right', render: (r) => formatMoney(r.salesTotal) },
        { key: 'signedOff', label: '', width: 28, render: (r) => <SignedOffMark signedOff={r.signedOff} /> }
      ]}
    />
  )
}
