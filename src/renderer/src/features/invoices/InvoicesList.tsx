import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
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

export function InvoicesList() {
  const t = useT()
  const f = useFormat()
  const [customerId, setCustomerId] = useState<number | null>(null)
  const [kind, setKind] = useState<'invoice' | 'credit' | null>(null)
  return (
    <ListPage
      title={t('invoices.title')}
      method="invoices.list"
      defaultSort="number"
      exportName={t('invoices.exportName')}
      searchPlaceholder={t('invoices.list.searchPlaceholder')}
      filters={{ customerId, kind }}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={220}
            placeholder={t('invoices.list.anyCustomer')}
            aria-label={t('invoices.list.customerFilter')}
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            value={customerId}
            onChange={setCustomerId}
          />
          <Select
            size="xs"
            w={140}
            placeholder={t('invoices.list.anyKind')}
            aria-label={t('invoices.list.kindFilter')}
            clearable
            data={[
              { value: 'invoice', label: t('invoices.list.invoices') },
              { value: 'credit', label: t('invoices.list.creditNotes') }
            ]}
            value={kind}
            onChange={(v) => setKind(v as 'invoice' | 'credit' | null)}
          />
        </>
      }
      rowPath={(r) => `/invoices/${r.id}`}
      columns={[
        { key: 'number', label: t('invoices.list.number'), sort: 'number', width: 110 },
        { key: 'kind', label: t('invoices.list.kind'), width: 110, render: (r) => <KindBadge kind={r.kind} /> },
        { key: 'customerName', label: t('invoices.list.customer'), sort: 'customerName' },
        { key: 'invoiceDate', label: t('invoices.list.date'), sort: 'invoiceDate', render: (r) => f.date(r.invoiceDate) },
        { key: 'dueDate', label: t('invoices.list.due'), render: (r) => f.date(r.dueDate) },
        { key: 'netTotal', label: t('invoices.list.net'), align: 'right', render: (r) => f.money(r.netTotal, r.currency) },
        { key: 'vatTotal', label: t('invoices.list.vat'), align: 'right', render: (r) => f.money(r.vatTotal, r.currency) },
        {
          key: 'grossTotal',
          label: t('invoices.list.gross'),
          sort: 'grossTotal',
          align: 'right',
          render: (r) => f.money(r.grossTotal, r.currency)
        },
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
