import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import type { InvoiceRow } from '@shared/domain/orders'
import { dateOf } from '@shared/time'
import { DateField } from '../../components/DateField'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { useTimeZone } from '../../lib/settings'

/** Asks for the credit note's date and creates it; the form is mounted fresh on every opening. */
export function CreditDialog({ invoice, opened, onClose }: { invoice: InvoiceRow; opened: boolean; onClose: () => void }) {
  const t = useT()
  return (
    <Modal opened={opened} onClose={onClose} title={t('invoices.credit.title', { number: invoice.number })} size="md">
      {opened && <CreditForm invoice={invoice} onClose={onClose} />}
    </Modal>
  )
}

function CreditForm({ invoice, onClose }: { invoice: InvoiceRow; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
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
      notifications.show({ color: 'teal', message: t('invoices.credit.created', { number: cn.number }), autoClose: 3000 })
      onClose()
      void navigate(`/invoices/${cn.id}`)
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
        {t('invoices.credit.message', {
          number: invoice.number,
          count: invoice.lines.length,
          gross: f.money(invoice.grossTotal, invoice.currency),
          customer: invoice.customerName,
          orders
        })}
      </Text>
      <DateField
        label={t('invoices.credit.date')}
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
          {t('invoices.credit.keep')}
        </Button>
        <Button
          color="orange"
          size="xs"
          loading={credit.isPending}
          onClick={() => {
            if (inFlight.current) return
            if (date === null) return setError(t('invoices.credit.chooseDate'))
            inFlight.current = true
            credit.mutate()
          }}
        >
          {t('invoices.credit.create')}
        </Button>
      </Group>
    </Stack>
  )
}
