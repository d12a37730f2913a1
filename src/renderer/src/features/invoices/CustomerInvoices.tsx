import { Group, Paper, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { ListPage } from '../../components/ListPage'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { StatusBadge } from './InvoicesList'

/** A customer's balance (open and overdue totals) and its invoices and credit notes, newest first. */
export function CustomerInvoices({ customerId, exportName }: { customerId: number; exportName: string }) {
  const t = useT()
  const f = useFormat()
  const balance = useQuery({ queryKey: ['record', 'customerBalance', customerId], queryFn: () => call('invoices.balance', { customerId }) })
  const b = balance.data
  return (
    <Stack gap="sm">
      <Group gap="sm" data-testid="customer-balance">
        <Amount label={t('invoices.balance.open')} value={b ? f.money(b.openTotal, b.currency) : ''} count={b?.openCount} />
        <Amount
          label={t('invoices.balance.overdue')}
          value={b ? f.money(b.overdueTotal, b.currency) : ''}
          count={b?.overdueCount}
          alert={(b?.overdueCount ?? 0) > 0}
        />
      </Group>
      <ListPage
        embedded
        title={t('invoices.title')}
        method="invoices.list"
        defaultSort="invoiceDate"
        defaultDir="desc"
        exportName={exportName}
        filters={{ customerId }}
        rowPath={(r) => `/invoices/${r.id}`}
        columns={[
          { key: 'number', label: t('invoices.list.number'), sort: 'number', width: 110 },
          { key: 'invoiceDate', label: t('invoices.list.date'), sort: 'invoiceDate', render: (r) => f.date(r.invoiceDate) },
          { key: 'dueDate', label: t('invoices.list.due'), render: (r) => (r.kind === 'invoice' ? f.date(r.dueDate) : '') },
          { key: 'grossTotal', label: t('invoices.list.gross'), align: 'right', render: (r) => f.money(r.grossTotal, r.currency) },
          {
            key: 'openAmount',
            label: t('invoices.list.open'),
            align: 'right',
            render: (r) => (r.kind === 'invoice' ? f.money(r.openAmount, r.currency) : '')
          },
          { key: 'paymentStatus', label: t('invoices.list.status'), render: (r) => <StatusBadge status={r.paymentStatus} /> }
        ]}
      />
    </Stack>
  )
}

function Amount({ label, value, count, alert = false }: { label: string; value: string; count: number | undefined; alert?: boolean }) {
  const t = useT()
  return (
    <Paper withBorder px="sm" py={6} miw={180}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="lg" fw={700} c={alert ? 'red' : undefined}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {count === undefined ? '' : t('invoices.balance.count', { count })}
      </Text>
    </Paper>
  )
}
