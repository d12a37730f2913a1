import { Badge, Select, Text } from '@mantine/core'
import { useState } from 'react'
import { INVOICE_STATUSES, type InvoiceStatus } from '@shared/domain/billing'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'

export function KindBadge({ kind }: { kind: 'invoice' | 'credit' }) {
  const t = useT()
  return kind === 'invoice' ? (
    <Badge size="xs" variant="light" color="indigo">
      {t('invoices.invoice')}
    </Badge>
  ) : (
    <Badge size="xs" variant="light" color="orange">
      {t('invoices.creditNote')}
    </Badge>
  )
}

const STATUS_COLOR: Record<InvoiceStatus, string> = {
  open: 'blue',
  partlyPaid: 'cyan',
  overdue: 'red',
  paid: 'teal',
  credited: 'gray'
}

/** An invoice's payment status; a credit note has none and shows nothing. */
export function StatusBadge({ status }: { status: InvoiceStatus | null }) {
  const t = useT()
  if (status === null) return null
  return (
    <Badge size="xs" variant={status === 'overdue' ? 'filled' : 'light'} color={STATUS_COLOR[status]} data-testid="invoice-status">
      {t(`invoices.status.${status}`)}
    </Badge>
  )
}

interface Filters {
  customerId: number | null
  kind: 'invoice' | 'credit' | null
  status: InvoiceStatus | null
  from: string | null
  to: string | null
}

/** Invoices and credit notes, newest first; filters by customer, kind, payment status and invoice date. */
export function InvoicesList() {
  const t = useT()
  const f = useFormat()
  const [filters, setFilters] = useState<Filters>({ customerId: null, kind: null, status: null, from: null, to: null })
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((x) => ({ ...x, [k]: v }))
  return (
    <ListPage
      title={t('invoices.title')}
      method="invoices.list"
      defaultSort="invoiceDate"
      defaultDir="desc"
      exportName={t('invoices.exportName')}
      searchPlaceholder={t('invoices.list.searchPlaceholder')}
      filters={filters}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={200}
            placeholder={t('invoices.list.anyCustomer')}
            aria-label={t('invoices.list.customerFilter')}
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            value={filters.customerId}
            onChange={(v) => set('customerId', v)}
          />
          <Select
            size="xs"
            w={130}
            placeholder={t('invoices.list.anyKind')}
            aria-label={t('invoices.list.kindFilter')}
            clearable
            data={[
              { value: 'invoice', label: t('invoices.list.invoices') },
              { value: 'credit', label: t('invoices.list.creditNotes') }
            ]}
            value={filters.kind}
            onChange={(v) => set('kind', v as Filters['kind'])}
          />
          <Select
            size="xs"
            w={150}
            placeholder={t('invoices.list.anyStatus')}
            aria-label={t('invoices.list.statusFilter')}
            clearable
            data={INVOICE_STATUSES.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))}
            value={filters.status}
            onChange={(v) => set('status', v as InvoiceStatus | null)}
          />
          <DateField
            size="xs"
            w={115}
            placeholder={t('invoices.list.from')}
            aria-label={t('invoices.list.fromFilter')}
            value={filters.from}
            onChange={(v) => set('from', v)}
          />
          <DateField
            size="xs"
            w={115}
            placeholder={t('invoices.list.to')}
            aria-label={t('invoices.list.toFilter')}
            value={filters.to}
            onChange={(v) => set('to', v)}
          />
        </>
      }
      rowPath={(r) => `/invoices/${r.id}`}
      columns={[
        { key: 'number', label: t('invoices.list.number'), sort: 'number', width: 110 },
        { key: 'kind', label: t('invoices.list.kind'), width: 100, render: (r) => <KindBadge kind={r.kind} /> },
        { key: 'customerName', label: t('invoices.list.customer'), sort: 'customerName' },
        { key: 'invoiceDate', label: t('invoices.list.date'), sort: 'invoiceDate', render: (r) => f.date(r.invoiceDate) },
        { key: 'dueDate', label: t('invoices.list.due'), sort: 'dueDate', render: (r) => (r.kind === 'invoice' ? f.date(r.dueDate) : '') },
        {
          key: 'grossTotal',
          label: t('invoices.list.gross'),
          sort: 'grossTotal',
          align: 'right',
          render: (r) => f.money(r.grossTotal, r.currency)
        },
        {
          key: 'openAmount',
          label: t('invoices.list.open'),
          sort: 'openAmount',
          align: 'right',
          render: (r) =>
            r.kind === 'invoice' ? (
              <Text span size="sm" c={r.openAmount === 0 ? 'dimmed' : undefined}>
                {f.money(r.openAmount, r.currency)}
              </Text>
            ) : (
              ''
            )
        },
        { key: 'paymentStatus', label: t('invoices.list.status'), width: 130, render: (r) => <StatusBadge status={r.paymentStatus} /> },
        {
          key: 'credit',
          label: t('invoices.list.credit'),
          render: (r) =>
            r.creditedByNumber
              ? t('invoices.list.creditedBy', { number: r.creditedByNumber })
              : r.creditOfNumber
                ? t('invoices.list.credits', { number: r.creditOfNumber })
                : ''
        }
      ]}
    />
  )
}
