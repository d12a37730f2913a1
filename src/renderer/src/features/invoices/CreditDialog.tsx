import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { lineAmount, vatAmount } from '@shared/domain/orderRules'
import type { InvoiceLineRow, InvoiceRow } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import { DateField } from '../../components/DateField'
import { QuantityCell } from '../../components/GridCells'
import { MoneyInput } from '../../components/MoneyInput'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { useTimeZone } from '../../lib/settings'

/** Chooses what to credit on each line of the invoice and creates the credit note; mounted fresh on every opening. */
export function CreditDialog({ invoice, opened, onClose }: { invoice: InvoiceRow; opened: boolean; onClose: () => void }) {
  const t = useT()
  return (
    <Modal opened={opened} onClose={onClose} title={t('invoices.credit.title', { number: invoice.number })} size="xl">
      {opened && <CreditForm invoice={invoice} onClose={onClose} />}
    </Modal>
  )
}

interface Ask {
  quantity: number
  netAmount: number
}

const leftOf = (l: InvoiceLineRow): Ask => ({ quantity: l.quantity - l.creditedQuantity, netAmount: l.netAmount - l.creditedAmount })
const isFull = (l: InvoiceLineRow, a: Ask) => {
  const left = leftOf(l)
  return a.quantity === left.quantity && a.netAmount === left.netAmount
}

/**
 * The amount that follows a quantity: quantity × price, never more than is left, and the whole rest when
 * the rest of the quantity is taken (so rounding leaves nothing behind).
 */
function amountFor(l: InvoiceLineRow, quantity: number): number {
  const left = leftOf(l)
  if (quantity >= left.quantity) return left.netAmount
  return Math.min(left.netAmount, lineAmount(quantity, l.unitPrice))
}

function CreditForm({ invoice, onClose }: { invoice: InvoiceRow; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const navigate = useNavigate()
  const tz = useTimeZone()
  const money = (cents: number) => f.money(cents, invoice.currency)
  // One key per opening of the dialog: a double click or retry answers the same credit note.
  const [requestKey] = useState(() => crypto.randomUUID())
  const inFlight = useRef(false)
  const [date, setDate] = useState<string | null>(() => dateOf(Date.now(), tz))
  const [note, setNote] = useState('')
  const [asks, setAsks] = useState<Record<number, Ask>>(() => Object.fromEntries(invoice.lines.map((l) => [l.id, leftOf(l)])))
  const [dateError, setDateError] = useState<string | null>(null)
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)

  const chosen = invoice.lines.filter((l) => asks[l.id]!.quantity > 0 || asks[l.id]!.netAmount > 0)
  const everything = invoice.lines.every((l) => isFull(l, asks[l.id]!))
  const net = chosen.reduce((s, l) => s + asks[l.id]!.netAmount, 0)
  const vat = chosen.reduce((s, l) => s + vatAmount(asks[l.id]!.netAmount, l.vatRate), 0)

  const set = (l: InvoiceLineRow, a: Ask) => {
    setAsks((x) => ({ ...x, [l.id]: a }))
    setLineErrors({})
    setFormError(null)
  }
  const credit = useMutation({
    mutationFn: () =>
      call('invoices.credit', {
        id: invoice.id,
        invoiceDate: date!,
        note,
        requestKey,
        // Everything left is the server's own shortcut: it reads what is left inside its transaction.
        ...(everything ? {} : { lines: chosen.map((l) => ({ lineId: l.id, ...asks[l.id]! })) })
      }),
    onSuccess: (cn) => {
      void qc.invalidateQueries({ queryKey: ['list'] })
      void qc.invalidateQueries({ queryKey: ['record'] })
      void qc.invalidateQueries({ queryKey: ['invoiceable'] })
      // A credited subscription fee changes the revenue report (its recognition is reversed).
      void qc.invalidateQueries({ queryKey: ['report'] })
      notifications.show({ color: 'teal', message: t('invoices.credit.created', { number: cn.number }), autoClose: 3000 })
      onClose()
      void navigate(`/invoices/${cn.id}`)
    },
    onError: (e) => {
      inFlight.current = false
      if (isApiError(e, 'VALIDATION')) {
        const byLine: Record<string, string> = {}
        for (const i of e.issues) {
          if (i.path[0] === 'invoiceDate') setDateError(i.message)
          else if (i.path[0] === 'lines' && typeof i.path[1] === 'number') {
            const line = chosen[i.path[1]]
            if (line) byLine[`${line.id}.${i.path[2] === 'netAmount' ? 'netAmount' : 'quantity'}`] = i.message
          } else setFormError(i.message)
        }
        setLineErrors(byLine)
      }
      showApiError(e)
    }
  })

  const submit = () => {
    if (inFlight.current) return
    if (date === null) return setDateError(t('invoices.credit.chooseDate'))
    if (chosen.length === 0) return setFormError(t('invoices.credit.nothingChosen'))
    inFlight.current = true
    credit.mutate()
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('invoices.credit.intro')}
      </Text>
      <Table verticalSpacing={3} fz="sm" withTableBorder data-testid="credit-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>{t('invoices.credit.line')}</Table.Th>
            <Table.Th>{t('invoices.lines.description')}</Table.Th>
            <Table.Th w={100} style={{ textAlign: 'right' }}>
              {t('invoices.lines.unitPrice')}
            </Table.Th>
            <Table.Th w={150} style={{ textAlign: 'right' }}>
              {t('invoices.credit.left')}
            </Table.Th>
            <Table.Th w={120} style={{ textAlign: 'right' }}>
              {t('invoices.credit.quantity')}
            </Table.Th>
            <Table.Th w={130} style={{ textAlign: 'right' }}>
              {t('invoices.credit.amount')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((l, n) => {
            const left = leftOf(l)
            const a = asks[l.id]!
            const done = left.quantity <= 0 && left.netAmount <= 0
            return (
              <Table.Tr key={l.id} c={done ? 'dimmed' : undefined}>
                <Table.Td>{n + 1}</Table.Td>
                <Table.Td>
                  {l.description}
                  {l.orderNumber && (
                    <Text span size="xs" c="dimmed">
                      {` · ${l.orderNumber}`}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{money(l.unitPrice)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {f.quantity(left.quantity)} {l.unit} · {money(left.netAmount)}
                </Table.Td>
                <Table.Td>
                  <QuantityCell
                    size="xs"
                    aria-label={t('invoices.credit.quantityOf', { lineNo: n + 1 })}
                    disabled={done}
                    rightSection={
                      <Text size="xs" c="dimmed">
                        {l.unit}
                      </Text>
                    }
                    rightSectionWidth={l.unit ? 32 : 0}
                    value={a.quantity}
                    onChange={(q) => set(l, { quantity: q, netAmount: amountFor(l, q) })}
                    error={lineErrors[`${l.id}.quantity`]}
                  />
                </Table.Td>
                <Table.Td>
                  <MoneyInput
                    size="xs"
                    aria-label={t('invoices.credit.amountOf', { lineNo: n + 1 })}
                    disabled={done}
                    value={a.netAmount}
                    onChange={(cents) => set(l, { ...a, netAmount: cents })}
                    error={lineErrors[`${l.id}.netAmount`]}
                  />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => {
            setAsks(Object.fromEntries(invoice.lines.map((l) => [l.id, leftOf(l)])))
            setLineErrors({})
          }}
        >
          {t('invoices.credit.everything')}
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          onClick={() => setAsks(Object.fromEntries(invoice.lines.map((l) => [l.id, { quantity: 0, netAmount: 0 }])))}
        >
          {t('invoices.credit.nothing')}
        </Button>
      </Group>
      {formError && (
        <Alert color="red" py={6}>
          {formError}
        </Alert>
      )}
      <Group align="flex-start" grow>
        <Textarea
          label={t('invoices.credit.note')}
          placeholder={t('invoices.credit.notePlaceholder')}
          autosize
          minRows={1}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <DateField
          label={t('invoices.credit.date')}
          maw={170}
          value={date}
          onChange={(d) => {
            setDate(d)
            setDateError(null)
          }}
          error={dateError}
        />
      </Group>
      <Group justify="space-between">
        <Text size="sm">
          {t('invoices.credit.total')} <b data-testid="credit-total">{money(-(net + vat))}</b>{' '}
          <Text span size="xs" c="dimmed">
            {t('invoices.credit.totalDetail', { net: money(-net), vat: money(-vat) })}
          </Text>
        </Text>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={onClose}>
            {t('invoices.credit.keep')}
          </Button>
          <Button color="orange" size="xs" loading={credit.isPending} onClick={submit} data-testid="create-credit-submit">
            {t('invoices.credit.create')}
          </Button>
        </Group>
      </Group>
    </Stack>
  )
}
