import { Checkbox, Select } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { ORDER_VIEWS, type OrderView, PRIORITIES, type Priority, PROGRESS, type Progress } from '@shared/domain/orders'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage, type ListSort, type RowOf } from '../../components/ListPage'
import { SavedViewsMenu } from '../../components/SavedViewsMenu'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useOrderColumns } from './columns'
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
  view: OrderView | null
}

const NO_FILTERS: OrderFilters = {
  stageId: null,
  progress: null,
  customerId: null,
  workerId: null,
  priority: null,
  from: null,
  to: null,
  templates: false,
  view: null
}

/** The list opens on today's work: the open orders, newest first (ADR 0021). */
const OPENING: OrderFilters = { ...NO_FILTERS, view: 'open' }
const NEWEST: ListSort = { key: 'number', dir: 'desc' }
/** "Breached or at risk" is read by urgency: the deadline the SLA badge shows, breached (past) first. */
const sortFor = (view: OrderView | null): ListSort => (view === 'atRisk' ? { key: 'slaDue', dir: 'asc' } : NEWEST)

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
      templates: saved.templates === true,
      view: ORDER_VIEWS.includes(saved.view as OrderView) ? (saved.view as OrderView) : null
    },
    q: typeof saved.q === 'string' ? saved.q : ''
  }
}

/**
 * Filters named in the address (`#/orders?view=unplanned&priority=high`, the home pages' links; ADR 0027), read
 * like a saved view; none: the opening view.
 */
function fromAddress(params: URLSearchParams): OrderFilters | null {
  if (params.size === 0) return null
  const saved: Record<string, unknown> = Object.fromEntries(params)
  for (const key of ['stageId', 'customerId', 'workerId'] as const) if (key in saved) saved[key] = Number(saved[key])
  return fromView(saved).filters
}

// Module-level, as the columns below are kept: the search box's state lives here, and each keystroke would
// otherwise hand the list new props and draw every row again.
const orderPath = (r: RowOf<'serviceOrders.list'>) => `/orders/${r.id}`

export function OrdersList() {
  const t = useT()
  const c = useOrderColumns()
  const columns = useMemo(
    () => [
      c.number,
      c.customerName,
      c.address,
      c.description,
      c.priority,
      c.stageName,
      c.progress,
      c.sla,
      c.plannedStart,
      c.responsibleName,
      c.lineCount,
      c.salesTotal,
      c.signedOff
    ],
    [c]
  )
  const { can } = useSession()
  const stages = useQuery(stagesQuery)
  const [params] = useSearchParams()
  const [linked] = useState(() => fromAddress(params))
  const [filters, setFilters] = useState<OrderFilters>(linked ?? OPENING)
  const [q, setQ] = useState('')
  const [sort, setSort] = useState<ListSort>(sortFor(linked?.view ?? null))
  const set = <K extends keyof OrderFilters>(key: K, value: OrderFilters[K]) => setFilters((f) => ({ ...f, [key]: value }))
  const viewName = (v: OrderView) => t(`orders.views.${v}`)
  const builtIn = ORDER_VIEWS.map((v) => ({ key: v, name: viewName(v), filters: { ...NO_FILTERS, view: v, q: '' } }))

  return (
    <ListPage
      title={filters.templates ? t('orders.templatesTitle') : t('orders.title')}
      method="serviceOrders.list"
      defaultSort="number"
      sort={sort}
      onSortChange={setSort}
      exportName={t('orders.exportName')}
      searchPlaceholder={t('orders.list.searchPlaceholder')}
      search={q}
      onSearchChange={setQ}
      filters={filters}
      actions={
        <SavedViewsMenu
          list="serviceOrders"
          current={{ ...filters, q }}
          builtIn={builtIn}
          initial={{ name: viewName('open'), filters: { ...OPENING, q: '' } }}
          onApply={(saved) => {
            const v = fromView(saved)
            setFilters(v.filters)
            setQ(v.q)
            setSort(sortFor(v.filters.view))
          }}
        />
      }
      filterControls={
        <>
          <Select
            size="xs"
            w={190}
            placeholder={t('orders.list.allOrders')}
            aria-label={t('orders.list.viewFilter')}
            data-testid="order-view"
            clearable
            data={ORDER_VIEWS.map((v) => ({ value: v, label: viewName(v) }))}
            value={filters.view}
            onChange={(v) => {
              set('view', v as OrderView | null)
              setSort(sortFor(v as OrderView | null))
            }}
          />
          <Select
            size="xs"
            w={150}
            placeholder={t('orders.list.anyStage')}
            aria-label={t('orders.list.stageFilter')}
            clearable
            data={(stages.data?.rows ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={filters.stageId === null ? null : String(filters.stageId)}
            onChange={(v) => set('stageId', v === null ? null : Number(v))}
          />
          <Select
            size="xs"
            w={120}
            placeholder={t('orders.list.anyProgress')}
            aria-label={t('orders.list.progressFilter')}
            clearable
            data={PROGRESS.map((p) => ({ value: p, label: t(`enums.progress.${p}`) }))}
            value={filters.progress}
            onChange={(v) => set('progress', v as Progress | null)}
          />
          <EntitySelect
            size="xs"
            w={200}
            placeholder={t('orders.list.anyCustomer')}
            aria-label={t('orders.list.customerFilter')}
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            value={filters.customerId}
            onChange={(v) => set('customerId', v)}
          />
          <EntitySelect
            size="xs"
            w={170}
            placeholder={t('orders.list.anyTechnician')}
            aria-label={t('orders.list.technicianFilter')}
            list="workers.list"
            labelOf={(w) => w.name}
            value={filters.workerId}
            onChange={(v) => set('workerId', v)}
          />
          <Select
            size="xs"
            w={110}
            placeholder={t('orders.list.anyPriority')}
            aria-label={t('orders.list.priorityFilter')}
            clearable
            data={PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
            value={filters.priority}
            onChange={(v) => set('priority', v as Priority | null)}
          />
          <DateField
            size="xs"
            w={115}
            placeholder={t('orders.list.plannedFrom')}
            aria-label={t('orders.list.plannedFrom')}
            value={filters.from}
            onChange={(v) => set('from', v)}
          />
          <DateField
            size="xs"
            w={115}
            placeholder={t('orders.list.plannedTo')}
            aria-label={t('orders.list.plannedTo')}
            value={filters.to}
            onChange={(v) => set('to', v)}
          />
          <Checkbox
            size="xs"
            label={t('orders.list.templates')}
            checked={filters.templates}
            onChange={(e) => set('templates', e.currentTarget.checked)}
          />
        </>
      }
      newPath={can('orders.write') ? '/orders/new' : undefined}
      newLabel={t('orders.newOrder')}
      rowPath={orderPath}
      columns={columns}
    />
  )
}
