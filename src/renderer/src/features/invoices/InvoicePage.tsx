import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconReceiptRefund } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useRef, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { LINE_TYPE_LABELS, type InvoiceRow } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import { DateField } from '../../components/DateField'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { formatDate, formatMoney } from '../../lib/format'
import { downloadPdf } from '../../lib/pdf'
import { useSession } from '../../lib/session'
import { formatQuantity } from '../../lib/lineDraft'
import { settingsQuery, useTimeZone } from '../../lib/settings'
import { KindBadge } from './InvoicesList'

const invoiceKey = (id: number) => ['record', 'invoices', id] as const
const percent = (basisPoints: number) => `${new Intl.NumberFormat('et-EE', { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`

/** An invoice or credit note as issued: seller and buyer, lines with VAT, totals; PDF and credit note. */
export function InvoicePage() {
  const { id } = useParams()
  const invoiceId = Number(id)
  const { can } = useSession()
  const settings = useQuery(settingsQuery)
  const inv = useQuery({ queryKey: invoiceKey(invoiceId), queryFn: () => call('invoices.get', { id: invoiceId }) })
  const [crediting, setCrediting] = useState(false)
  const pdf = useMutation({ mutationFn: () => call('invoices.pdf', { id: invoiceId }), onSuccess: downloadPdf, onError: (e) => showApiError(e) })

  if (inv.isLoading) return <Loader m="xl" />
  if (!inv.data) {
    return (
      <Alert color="red" title="Cannot open this invoice">
        {(inv.error as Error | null)?.message}
      </Alert>
    )
  }
  const i = inv.data
  const s = settings.data
  const money = (cents: number) => formatMoney(cents, i.currency)
  const byRate = [...new Set(i.lines.map((l) => `${l.vatCode}|${l.vatRate}`))].map((k) => {
    const [code, rate] = k.split('|')
    const lines = i.lines.filter((l) => l.vatCode === code && l.vatRate === Number(rate))
    return { code: code!, rate: Number(rate), net: lines.reduce((t, l) => t + l.netAmount, 0), vat: lines.reduce((t, l) => t + l.vatAmount, 0) }
  })
  const orders = [...new Set(i.lines.map((l) => l.orderNumber))]

  return (
    <Stack gap="sm" maw={1100}>
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to="/invoices">
          Invoices
        </Anchor>
        <Text size="sm">{i.number}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={3}>{i.number}</Title>
            <KindBadge kind={i.kind} />
          </Group>
          <Text size="sm" c="dimmed" mt={2}>
            {i.customerName} · {formatDate(i.invoiceDate)} · {money(i.grossTotal)}
            {i.creditOfId !== null && (
              <>
                {' · credits '}
                <Anchor component={Link} to={`/invoices/${i.creditOfId}`} size="sm">
                  {i.creditOfNumber}
                </Anchor>
              </>
            )}
            {i.creditedById !== null && (
              <>
                {' · credited by '}
                <Anchor component={Link} to={`/invoices/${i.creditedById}`} size="sm">
                  {i.creditedByNumber}
                </Anchor>
              </>
            )}
          </Text>
        </div>
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} loading={pdf.isPending} onClick={() => pdf.mutate()}>
            Download PDF
          </Button>
          {can('invoices.create') && i.kind === 'invoice' && i.creditedById === null && (
            <Button size="xs" variant="light" color="orange" leftSection={<IconReceiptRefund size={14} />} onClick={() => setCrediting(true)}>
              Create credit note
            </Button>
          )}
        </Group>
      </Group>

      <Grid gap="sm">
        <Grid.Col span={4}>
          <Party title="Seller">
            <Text size="sm" fw={500}>
              {s?.companyName}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {s?.companyAddress}
            </Text>
            {s?.companyRegNo && <Text size="xs" c="dimmed">Reg. no. {s.companyRegNo}</Text>}
            {s?.companyVatNumber && <Text size="xs" c="dimmed">VAT no. {s.companyVatNumber}</Text>}
          </Party>
        </Grid.Col>
        <Grid.Col span={4}>
          <Party title="Buyer">
            <Text size="sm" fw={500}>
              {i.customerName}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {i.customerAddress}
            </Text>
            {i.customerVatNumber && <Text size="xs" c="dimmed">VAT no. {i.customerVatNumber}</Text>}
          </Party>
        </Grid.Col>
        <Grid.Col span={4}>
          <Party title={i.kind === 'invoice' ? 'Invoice' : 'Credit note'}>
            <Facts
              rows={[
                ['Date', formatDate(i.invoiceDate)],
                ['Due', formatDate(i.dueDate)],
                ['Currency', i.currency],
                [
                  orders.length === 1 ? 'Order' : 'Orders',
                  <Group gap={6} key="o">
                    {orders.map((n) => (
                      <Anchor key={n} component={Link} to={`/orders/by-number/${encodeURIComponent(n)}`} size="sm">
                        {n}
                      </Anchor>
                    ))}
                  </Group>
                ]
              ]}
            />
          </Party>
        </Grid.Col>
      </Grid>

      <Paper withBorder p="sm">
        <Table verticalSpacing={4} fz="sm" data-testid="invoice-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>Order</Table.Th>
              <Table.Th w={80}>Type</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={100} style={{ textAlign: 'right' }}>
                Quantity
              </Table.Th>
              <Table.Th w={110} style={{ textAlign: 'right' }}>
                Unit price
              </Table.Th>
              <Table.Th w={110} style={{ textAlign: 'right' }}>
                Net
              </Table.Th>
              <Table.Th w={70} style={{ textAlign: 'right' }}>
                VAT
              </Table.Th>
              <Table.Th w={100} style={{ textAlign: 'right' }}>
                VAT amount
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {i.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/orders/by-number/${encodeURIComponent(l.orderNumber)}`} size="sm">
                    {l.orderNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{LINE_TYPE_LABELS[l.type]}</Table.Td>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {formatQuantity(l.quantity)} {l.unit}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(l.unitPrice)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(l.netAmount)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{percent(l.vatRate)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(l.vatAmount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end" mt="sm">
          <Table w={340} verticalSpacing={2} fz="sm" data-testid="invoice-totals">
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>Net total</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(i.netTotal)}</Table.Td>
              </Table.Tr>
              {byRate.map((r) => (
                <Table.Tr key={`${r.code}${r.rate}`}>
                  <Table.Td>
                    VAT {percent(r.rate)} of {money(r.net)}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{money(r.vat)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{i.kind === 'invoice' ? 'Total to pay' : 'Total credited'}</Table.Td>
                <Table.Td fw={700} style={{ textAlign: 'right' }}>
                  {money(i.grossTotal)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Group>
      </Paper>

      <CreditDialog invoice={i} opened={crediting} onClose={() => setCrediting(false)} />
    </Stack>
  )
}

function Party({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" h="100%">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
        {title}
      </Text>
      {children}
    </Paper>
  )
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table verticalSpacing={1} horizontalSpacing={0} fz="sm" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td c="dimmed" w={90}>
              {k}
            </Table.Td>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function CreditDialog({ invoice, opened, onClose }: { invoice: InvoiceRow; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Credit ${invoice.number}?`} size="md">
      {opened && <CreditForm invoice={invoice} onClose={onClose} />}
    </Modal>
  )
}

function CreditForm({ invoice, onClose }: { invoice: InvoiceRow; onClose: () => void }) {
  const qc = useQueryClient()
  const navigate = useNavigate()
  const tz = useTimeZone()
  // One key per opening of the dialog: a double click or retry answers the same credit note.
  const [requestKey] = useState(() => crypto.randomUUID())
  const inFlight = useRef(false)
  const [date, setDate] = useState<string | null>(() => dateOf(Date.now(), tz))
  const [error, setError] = useState<string | null>(null)
  const credit = useMutation({
    mutationFn: () => call('invoices.credit', { id: invoice.id, invoiceDate: date!, requestKey }),
    onSuccess: (cn) => {
      void qc.invalidateQueries({ queryKey: ['list'] })
      void qc.invalidateQueries({ queryKey: ['record'] })
      void qc.invalidateQueries({ queryKey: ['invoiceable'] })
      notifications.show({ color: 'teal', message: `Credit note ${cn.number} created`, autoClose: 3000 })
      onClose()
      navigate(`/invoices/${cn.id}`)
    },
    onError: (e) => {
      inFlight.current = false
      if (isApiError(e, 'VALIDATION') && e.issues.length > 0) setError(e.issues[0]!.message)
      showApiError(e)
    }
  })
  const orders = [...new Set(invoice.lines.map((l) => l.orderNumber))].join(', ')
  return (
    <Stack gap="sm">
      <Text size="sm">
        A credit note reverses the whole of {invoice.number}: {invoice.lines.length} {invoice.lines.length === 1 ? 'line' : 'lines'}, {formatMoney(invoice.grossTotal, invoice.currency)} with
        VAT, to {invoice.customerName}. The order lines ({orders}) become invoiceable again, to be corrected and invoiced anew. The invoice itself stays on record.
      </Text>
      <DateField
        label="Credit note date"
        w={170}
        value={date}
        onChange={(d) => {
          setDate(d)
          setError(null)
        }}
        error={error}
      />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onClose}>
          Keep the invoice
        </Button>
        <Button
          color="orange"
          size="xs"
          loading={credit.isPending}
          onClick={() => {
            if (inFlight.current) return
            if (date === null) return setError('Choose the date')
            inFlight.current = true
            credit.mutate()
          }}
        >
          Create credit note
        </Button>
      </Group>
    </Stack>
  )
}
