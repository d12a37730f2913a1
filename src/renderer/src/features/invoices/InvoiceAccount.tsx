import { ActionIcon, Anchor, Button, Grid, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCash, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { Link } from 'react-router'
import { openAmount } from '@shared/domain/billing'
import { type InvoiceRow, PAYMENT_METHODS, type PaymentMethod, type PaymentRow } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import { DateField } from '../../components/DateField'
import { ScaledNumberInput } from '../../components/ScaledNumberInput'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useTimeZone } from '../../lib/settings'

export const paymentKeys = { of: (invoiceId: number) => ['record', 'payments', invoiceId] as const }

/**
 * Under an invoice: what it comes to (total, credited by which credit notes, paid, open, reference number)
 * and the payments recorded against it, with "Record payment" for a service manager.
 */
export function InvoiceAccount({ invoice: i }: { invoice: InvoiceRow }) {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const qc = useQueryClient()
  const money = (cents: number) => f.money(cents, i.currency)
  const payments = useQuery({ queryKey: paymentKeys.of(i.id), queryFn: () => call('payments.forInvoice', { invoiceId: i.id }) })
  const [recording, setRecording] = useState(false)
  const remove = useMutation({
    mutationFn: (p: PaymentRow) => call('payments.delete', { id: p.id }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['record'] })
      void qc.invalidateQueries({ queryKey: ['list'] })
      notifications.show({ color: 'teal', message: t('invoices.payments.deleted'), autoClose: 3000 })
    },
    onError: (e) => showApiError(e)
  })
  const open = openAmount(i)
  const mayPay = can('payments.write') && i.paymentStatus !== 'credited'
  const rows = payments.data ?? []

  return (
    <Paper withBorder p="sm" data-testid="invoice-account">
      <Group justify="space-between" mb={6}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {t('invoices.account.title')}
        </Text>
        {mayPay && (
          <Button size="compact-xs" variant="light" leftSection={<IconCash size={14} />} onClick={() => setRecording(true)}>
            {t('invoices.payments.record')}
          </Button>
        )}
      </Group>
      <Grid gap="md">
        <Grid.Col span={4}>
          <Table verticalSpacing={2} fz="sm" withRowBorders={false} data-testid="invoice-balance">
            <Table.Tbody>
              <Row label={t('invoices.account.total')} value={money(i.grossTotal)} />
              {/* 0 - x, not -x: nothing credited or paid shows as €0.00, not as -€0.00. */}
              <Row label={t('invoices.account.credited')} value={money(0 - i.creditedTotal)} />
              <Row label={t('invoices.account.paid')} value={money(0 - i.paidTotal)} />
              <Row label={t('invoices.account.open')} value={money(open)} strong />
              {i.referenceNumber && <Row label={t('invoices.account.reference')} value={i.referenceNumber} />}
            </Table.Tbody>
          </Table>
          {i.creditNotes.length > 0 && (
            <Stack gap={0} mt={6}>
              <Text size="xs" c="dimmed">
                {t('invoices.account.creditNotes')}
              </Text>
              {i.creditNotes.map((c) => (
                <Group key={c.id} justify="space-between" gap="xs">
                  <Anchor component={Link} to={`/invoices/${c.id}`} size="sm">
                    {t('invoices.account.creditNoteOf', { number: c.number, date: f.date(c.invoiceDate) })}
                  </Anchor>
                  <Text size="sm">{money(c.grossTotal)}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={8}>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('invoices.payments.none')}
            </Text>
          ) : (
            <Table verticalSpacing={2} fz="sm" data-testid="payments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={100}>{t('invoices.payments.date')}</Table.Th>
                  <Table.Th w={120}>{t('invoices.payments.method')}</Table.Th>
                  <Table.Th>{t('invoices.payments.note')}</Table.Th>
                  <Table.Th w={120}>{t('invoices.payments.by')}</Table.Th>
                  <Table.Th w={110} style={{ textAlign: 'right' }}>
                    {t('invoices.payments.amount')}
                  </Table.Th>
                  <Table.Th w={36} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{f.date(p.date)}</Table.Td>
                    <Table.Td>{t(`invoices.payments.methods.${p.method}`)}</Table.Td>
                    <Table.Td>{p.bankEntryId !== null ? `${p.note} (${t('invoices.payments.fromBank')})`.trim() : p.note}</Table.Td>
                    <Table.Td>{p.createdByName ?? ''}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{money(p.amount)}</Table.Td>
                    <Table.Td>
                      {can('payments.write') && p.bankEntryId === null && (
                        <DeletePayment
                          label={t('invoices.payments.deleteConfirm', { amount: money(p.amount), date: f.date(p.date) })}
                          onConfirm={() => remove.mutate(p)}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Grid.Col>
      </Grid>
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('invoices.payments.dialogTitle', { number: i.number })}
        size="sm"
      >
        {recording && <PaymentForm invoice={i} open={open} onClose={() => setRecording(false)} />}
      </Modal>
    </Paper>
  )
}

function Row({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed" px={0}>
        {label}
      </Table.Td>
      <Table.Td fw={strong ? 700 : undefined} style={{ textAlign: 'right' }} px={0}>
        {value}
      </Table.Td>
    </Table.Tr>
  )
}

function DeletePayment({ label, onConfirm }: { label: string; onConfirm: () => void }) {
  const t = useT()
  const [asking, setAsking] = useState(false)
  return (
    <>
      <Tooltip label={t('invoices.payments.delete')}>
        <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('invoices.payments.delete')} onClick={() => setAsking(true)}>
          <IconTrash size={14} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('invoices.payments.delete')} size="sm">
        <Text size="sm">{label}</Text>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" size="xs" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            size="xs"
            onClick={() => {
              setAsking(false)
              onConfirm()
            }}
          >
            {t('invoices.payments.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  )
}

/** Date, amount (what is open by default), method and note of one payment. */
function PaymentForm({ invoice, open, onClose }: { invoice: InvoiceRow; open: number; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const tz = useTimeZone()
  const inFlight = useRef(false)
  const [date, setDate] = useState<string | null>(() => dateOf(Date.now(), tz))
  const [amount, setAmount] = useState(Math.max(open, 0))
  const [method, setMethod] = useState<PaymentMethod>('bank')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const record = useMutation({
    mutationFn: () => call('payments.record', { invoiceId: invoice.id, date: date!, amount, method, note }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['record'] })
      void qc.invalidateQueries({ queryKey: ['list'] })
      notifications.show({
        color: 'teal',
        message: t('invoices.payments.recorded', { amount: f.money(p.amount, invoice.currency) }),
        autoClose: 3000
      })
      onClose()
    },
    onError: (e) => {
      inFlight.current = false
      if (isApiError(e, 'VALIDATION')) setErrors(Object.fromEntries(e.issues.map((i) => [String(i.path[0]), i.message])))
      showApiError(e)
    }
  })
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <DateField
          label={t('invoices.payments.date')}
          value={date}
          onChange={(d) => {
            setDate(d)
            setErrors({})
          }}
          error={errors.date}
        />
        <ScaledNumberInput
          label={t('invoices.payments.amount')}
          description={t('invoices.payments.amountHelp')}
          allowNegative
          decimalSeparator=","
          thousandSeparator=" "
          value={amount}
          onChange={(v) => {
            setAmount(v)
            setErrors({})
          }}
          error={errors.amount}
          data-autofocus
        />
      </Group>
      <Select
        label={t('invoices.payments.method')}
        data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`invoices.payments.methods.${m}`) }))}
        value={method}
        allowDeselect={false}
        onChange={(v) => setMethod((v as PaymentMethod | null) ?? 'bank')}
      />
      <TextInput label={t('invoices.payments.note')} maxLength={500} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" size="xs" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          loading={record.isPending}
          onClick={() => {
            if (inFlight.current) return
            if (date === null) return setErrors({ date: t('invoices.credit.chooseDate') })
            inFlight.current = true
            record.mutate()
          }}
          data-testid="record-payment-submit"
        >
          {t('invoices.payments.save')}
        </Button>
      </Group>
    </Stack>
  )
}
