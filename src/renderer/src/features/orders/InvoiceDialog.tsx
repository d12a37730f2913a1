import { Alert, Button, Checkbox, Group, Loader, Modal, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import type { OrderRow } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import { DateField } from '../../components/DateField'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useTimeZone } from '../../lib/settings'
import { type ManualCharge, ManualCharges, manualNet } from '../invoices/ManualCharges'
import { orderKeys } from './queries'

interface InvoiceDialogProps {
  order: OrderRow
  opened: boolean
  onClose: () => void
}

/** Invoices posted lines of the order's customer: this order's lines are chosen, others may be added. */
export function InvoiceDialog({ order, opened, onClose }: InvoiceDialogProps) {
  const t = useT()
  return (
    <Modal opened={opened} onClose={onClose} title={t('orders.invoice.title', { customer: order.customerName })} size="xl">
      {opened && <InvoiceForm order={order} onClose={onClose} />}
    </Modal>
  )
}

function InvoiceForm({ order, onClose }: { order: OrderRow; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const tz = useTimeZone()
  // One key per opening of the dialog, reused by every retry: a double click or a retry after a lost
  // answer gets the invoice the first attempt made instead of a second one.
  const [requestKey] = useState(() => crypto.randomUUID())
  const inFlight = useRef(false)
  const [invoiceDate, setInvoiceDate] = useState<string | null>(() => dateOf(Date.now(), tz))
  const [chosen, setChosen] = useState<number[] | null>(null)
  const [dateError, setDateError] = useState<string | null>(null)
  const { can } = useSession()
  const [charges, setCharges] = useState<ManualCharge[]>([])
  const [chargeErrors, setChargeErrors] = useState<Record<string, string>>({})
  const lines = useQuery({
    queryKey: orderKeys.invoiceable(order.customerId),
    queryFn: () => call('invoices.invoiceable', { customerId: order.customerId }),
    staleTime: 0
  })
  const rows = lines.data ?? []
  const selected = chosen ?? rows.filter((l) => l.orderId === order.id).map((l) => l.id)
  const net = rows.filter((l) => selected.includes(l.id)).reduce((s, l) => s + l.salesAmount, 0) + manualNet(charges)

  const create = useMutation({
    mutationFn: () =>
      call('invoices.create', {
        customerId: order.customerId,
        lineIds: selected,
        manualLines: charges.map(({ key: _key, ...c }) => c),
        invoiceDate: invoiceDate!,
        requestKey
      }),
    onSuccess: (inv) => {
      void qc.invalidateQueries({ queryKey: ['list'] })
      void qc.invalidateQueries({ queryKey: orderKeys.invoiceable(order.customerId) })
      // Every order with a line on the invoice shows the invoice number now.
      void qc.invalidateQueries({ queryKey: ['record', 'serviceOrders'] })
      notifications.show({ color: 'teal', message: t('orders.invoice.created', { number: inv.number }), autoClose: 3000 })
      onClose()
      void navigate(`/invoices/${inv.id}`)
    },
    onError: (e) => {
      inFlight.current = false
      if (isApiError(e, 'VALIDATION') && e.issues.some((i) => i.path[0] === 'invoiceDate'))
        setDateError(e.issues.find((i) => i.path[0] === 'invoiceDate')!.message)
      if (isApiError(e, 'VALIDATION'))
        setChargeErrors(
          Object.fromEntries(e.issues.filter((i) => i.path[0] === 'manualLines').map((i) => [`${i.path[1]}.${i.path[2]}`, i.message]))
        )
      if (isApiError(e, 'CONFLICT')) void lines.refetch()
      showApiError(e)
    }
  })

  const submit = () => {
    if (inFlight.current) return
    if (invoiceDate === null) return setDateError(t('orders.invoice.chooseDate'))
    inFlight.current = true
    create.mutate()
  }

  const toggle = (id: number, on: boolean) => setChosen(on ? [...selected, id] : selected.filter((x) => x !== id))
  const all = rows.length > 0 && selected.length === rows.length

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('orders.invoice.intro', { customer: order.customerName, number: order.number })}
      </Text>
      {lines.isLoading ? (
        <Loader size="sm" />
      ) : rows.length === 0 ? (
        charges.length === 0 && <Alert color="gray">{t('orders.invoice.nothing')}</Alert>
      ) : (
        <Table verticalSpacing={3} fz="sm" withTableBorder data-testid="invoiceable-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={30}>
                <Checkbox
                  size="xs"
                  aria-label={t('orders.invoice.chooseAll')}
                  checked={all}
                  indeterminate={selected.length > 0 && !all}
                  onChange={() => setChosen(all ? [] : rows.map((l) => l.id))}
                />
              </Table.Th>
              <Table.Th w={100}>{t('orders.invoice.order')}</Table.Th>
              <Table.Th w={80}>{t('orders.invoice.type')}</Table.Th>
              <Table.Th>{t('orders.invoice.description')}</Table.Th>
              <Table.Th w={90} style={{ textAlign: 'right' }}>
                {t('orders.invoice.quantity')}
              </Table.Th>
              <Table.Th w={100} style={{ textAlign: 'right' }}>
                {t('orders.invoice.unitPrice')}
              </Table.Th>
              <Table.Th w={100} style={{ textAlign: 'right' }}>
                {t('orders.invoice.amount')}
              </Table.Th>
              <Table.Th w={90}>{t('orders.invoice.done')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Checkbox
                    size="xs"
                    aria-label={t('orders.invoice.lineAria', { number: l.orderNumber, description: l.description })}
                    checked={selected.includes(l.id)}
                    onChange={(e) => toggle(l.id, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>{l.orderNumber}</Table.Td>
                <Table.Td>{t(`enums.lineType.${l.type}`)}</Table.Td>
                <Table.Td>{l.description}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {f.quantity(l.quantity)} {l.unit}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{f.money(l.unitPrice)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{f.money(l.salesAmount)}</Table.Td>
                <Table.Td>{f.date(l.actualDate) || t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {can('invoices.manualCharge') && (
        <ManualCharges
          charges={charges}
          onChange={(c) => {
            setCharges(c)
            setChargeErrors({})
          }}
          errors={chargeErrors}
        />
      )}
      <Group justify="space-between" align="end">
        <DateField
          label={t('orders.invoice.invoiceDate')}
          w={160}
          value={invoiceDate}
          onChange={(d) => {
            setInvoiceDate(d)
            setDateError(null)
          }}
          error={dateError}
        />
        <Text size="sm">
          {t('orders.invoice.summary', { count: selected.length + charges.length })} <b>{f.money(net)}</b>{' '}
          <Text span size="xs" c="dimmed">
            {t('orders.invoice.plusVat')}
          </Text>
        </Text>
      </Group>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={selected.length + charges.length === 0}
          loading={create.isPending}
          onClick={submit}
          data-testid="create-invoice-submit"
        >
          {t('orders.invoice.create')}
        </Button>
      </Group>
    </Stack>
  )
}
