import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { formatDate, formatMoney } from '../../lib/format'

export function KindBadge({ kind }: { kind: 'invoice' | 'credit' }) {
  return kind === 'invoice' ? (
    <Badge size="xs" variant="light" color="indigo">
      Invoice
    </Badge>
  ) : (
    <Badge size="xs" variant="light" color="orange">
      Credit note
    </Badge>
  )
}

export function InvoicesList() {
  const [customerId, setCustomerId] = useState<number | null>(null)
  const [kind, setKind] = useState<'invoice' | 'credit' | null>(null)
  return (
    <ListPage
      title="Invoices"
      method="invoices.list"
      defaultSort="number"
      exportName="invoices"
      searchPlaceholder="Number or customer"
      filters={{ customerId, kind }}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={220}
            placeholder="Any customer"
            aria-label="Customer filter"
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            value={customerId}
            onChange={setCustomerId}
          />
          <Select
            size="xs"
            w={140}
            placeholder="Any kind"
            aria-label="Kind filter"
            clearable
            data={[
              { value: 'invoice', label: 'Invoices' },
              { value: 'credit', label: 'Credit notes' }
            ]}
            value={kind}
            onChange={(v) => setKind(v as 'invoice' | 'credit' | null)}
          />
        </>
      }
      rowPath={(r) => `/invoices/${r.id}`}
      columns={[
        { key: 'number', label: 'No.', sort: 'number', width: 110 },
        { key: 'kind', label: 'Kind', width: 110, render: (r) => <KindBadge kind={r.kind} /> },
        { key: 'customerName', label: 'Customer', sort: 'customerName' },
        { key: 'invoiceDate', label: 'Date', sort: 'invoiceDate', render: (r) => formatDate(r.invoiceDate) },
        { key: 'dueDate', label: 'Due', render: (r) => formatDate(r.dueDate) },
        { key: 'netTotal', label: 'Net', align: 'right', render: (r) => formatMoney(r.netTotal, r.currency) },
        { key: 'vatTotal', label: 'VAT', align: 'right', render: (r) => formatMoney(r.vatTotal, r.currency) },
        { key: 'grossTotal', label: 'Gross', sort: 'grossTotal', align: 'right', render: (r) => formatMoney(r.grossTotal, r.currency) },
        {
          key: 'credit',
          label: 'Credit',
          render: (r) => (r.creditedByNumber ? `credited by ${r.creditedByNumber}` : r.creditOfNumber ? `credits ${r.creditOfNumber}` : '')
        }
      ]}
    />
  )
}
