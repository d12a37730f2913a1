import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { IconDownload, IconReceiptRefund } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { usePdf } from '../../lib/usePdf'
import { PrintButton } from '../../components/PrintButton'
import { useSession } from '../../lib/session'
import { settingsQuery } from '../../lib/settings'
import { CreditDialog } from './CreditDialog'
import { EInvoiceButton } from './EInvoiceButton'
import { InvoiceAccount } from './InvoiceAccount'
import { InvoiceLines } from './InvoiceLines'
import { InvoiceParties } from './InvoiceParties'
import { KindBadge, StatusBadge } from './InvoicesList'

const invoiceKey = (id: number) => ['record', 'invoices', id] as const

/** An invoice or credit note as issued: seller and buyer, lines with VAT, totals; PDF and credit note. */
export function InvoicePage() {
  const { id } = useParams()
  const t = useT()
  const f = useFormat()
  const invoiceId = Number(id)
  const { can } = useSession()
  const settings = useQuery(settingsQuery)
  const inv = useQuery({ queryKey: invoiceKey(invoiceId), queryFn: () => call('invoices.get', { id: invoiceId }) })
  const [crediting, setCrediting] = useState(false)
  const pdf = usePdf(() => call('invoices.pdf', { id: invoiceId }))

  if (inv.isLoading) return <Loader m="xl" />
  if (!inv.data) {
    return (
      <Alert color="red" title={t('invoices.cannotOpen')}>
        {(inv.error as Error | null)?.message}
      </Alert>
    )
  }
  const i = inv.data
  const money = (cents: number) => f.money(cents, i.currency)
  const creditLeft = i.lines.some((l) => l.quantity > l.creditedQuantity || l.netAmount > l.creditedAmount)

  return (
    <Stack gap="sm" maw={1100}>
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to="/invoices">
          {t('invoices.title')}
        </Anchor>
        <Text size="sm">{i.number}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={3}>{i.number}</Title>
            <KindBadge kind={i.kind} />
            <StatusBadge status={i.paymentStatus} />
            {i.reverseCharge && (
              <Badge size="xs" variant="outline" color="gray">
                {t('invoices.reverseCharge')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" mt={2}>
            {i.customerName} · {f.date(i.invoiceDate)} · {money(i.grossTotal)}
            {i.creditOfId !== null && (
              <>
                {` · ${t('invoices.credits')} `}
                <Anchor component={Link} to={`/invoices/${i.creditOfId}`} size="sm">
                  {i.creditOfNumber}
                </Anchor>
              </>
            )}
            {i.creditNotes.length > 0 && ` · ${t('invoices.creditedBy')} `}
            {i.creditNotes.map((c, n) => (
              <span key={c.id}>
                {n > 0 && ', '}
                <Anchor component={Link} to={`/invoices/${c.id}`} size="sm">
                  {c.number}
                </Anchor>
              </span>
            ))}
            {i.kind === 'invoice' &&
              i.paymentStatus !== 'paid' &&
              i.paymentStatus !== 'credited' &&
              ` · ${t('invoices.open', { amount: money(i.openAmount) })}`}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            loading={pdf.download.isPending}
            onClick={() => pdf.download.mutate()}
          >
            {t('invoices.downloadPdf')}
          </Button>
          <PrintButton onPrint={() => pdf.print.mutate()} loading={pdf.print.isPending} testId="invoice-print" />
          <EInvoiceButton invoiceId={invoiceId} />
          {can('invoices.create') && i.kind === 'invoice' && creditLeft && (
            <Button
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconReceiptRefund size={14} />}
              onClick={() => setCrediting(true)}
            >
              {t('invoices.createCreditNote')}
            </Button>
          )}
        </Group>
      </Group>

      <InvoiceParties invoice={i} seller={settings.data} />

      <InvoiceLines invoice={i} />

      {i.kind === 'invoice' && <InvoiceAccount invoice={i} />}
      {i.note && (
        <Text size="sm" c="dimmed">
          {i.note}
        </Text>
      )}

      <CreditDialog invoice={i} opened={crediting} onClose={() => setCrediting(false)} />
    </Stack>
  )
}
