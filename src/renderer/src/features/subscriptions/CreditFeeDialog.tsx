import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FeeRow } from '@shared/domain/subscriptions'
import { DateField } from '../../components/DateField'
import { MoneyInput } from '../../components/MoneyInput'
import { call, isApiError } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'

/** Credits a fee whole or partly with a credit note; its recognition is reversed as the parameters say. */
export function CreditFeeDialog({ fee, currency, onClose }: { fee: FeeRow; currency: string; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const left = fee.amount - fee.creditedAmount
  const [amount, setAmount] = useState(left)
  const [date, setDate] = useState<string | null>(today())
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [requestKey] = useState(() => crypto.randomUUID())
  const save = useMutation({
    mutationFn: () => call('subscriptions.credit', { feeId: fee.id, amount, invoiceDate: date!, note, requestKey }),
    onSuccess: (inv) => {
      notifySaved(t('subscriptions.fees.creditNote', { number: inv.number }))
      void qc.invalidateQueries()
      onClose()
    },
    onError: (e) => (isApiError(e, 'VALIDATION') ? setError(e.message) : showApiError(e))
  })
  return (
    <Modal opened onClose={onClose} title={t('subscriptions.fees.creditTitle', { from: f.date(fee.from), to: f.date(fee.to) })}>
      <Stack gap="sm">
        <Text size="sm">{t('subscriptions.fees.creditLeft', { amount: f.money(left, currency) })}</Text>
        <Group grow>
          <MoneyInput label={t('subscriptions.fees.creditAmount')} withAsterisk value={amount} onChange={setAmount} />
          <DateField label={t('subscriptions.fees.creditDate')} withAsterisk clearable={false} value={date} onChange={setDate} />
        </Group>
        <TextInput
          label={t('subscriptions.fees.creditReason')}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={!date || amount <= 0} loading={save.isPending} onClick={() => save.mutate()}>
            {t('subscriptions.fees.credit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
