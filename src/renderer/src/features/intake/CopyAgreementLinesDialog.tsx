import { Button, Checkbox, Group, Loader, Modal, Stack, Text } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { OrderRow } from '@shared/domain/orders'
import { call, isApiError } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { useOrderAction } from '../orders/mutations'

interface CopyAgreementLinesDialogProps {
  order: OrderRow
  agreementId: number
  opened: boolean
  onClose: () => void
}

/** Copies chosen lines of the order's agreement onto a hand-made order under it. */
export function CopyAgreementLinesDialog({ order, agreementId, opened, onClose }: CopyAgreementLinesDialogProps) {
  const t = useT()
  const f = useFormat()
  const [chosen, setChosen] = useState<number[]>([])
  const [date, setDate] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const agreement = useQuery({
    queryKey: ['record', 'agreements', agreementId],
    queryFn: () => call('agreements.get', { id: agreementId }),
    enabled: opened
  })
  const copy = useOrderAction('serviceOrders.copyAgreementLines', order.id, {
    done: (o) => t('intake.copy.done', { count: o.lines.length - order.lines.length }),
    onSuccess: () => {
      setChosen([])
      onClose()
    },
    onError: (e) => {
      if (!isApiError(e)) return false
      setError(e.issues?.[0]?.message ?? e.message)
      return true
    }
  })
  const a = agreement.data
  return (
    <Modal opened={opened} onClose={onClose} title={t('intake.copy.title', { number: a?.number ?? '' })} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (chosen.length === 0) return setError(t('intake.copy.chooseLine'))
          copy.mutate({ id: order.id, version: order.version, agreementLineIds: chosen, scheduledDate: date })
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('intake.copy.intro', { number: order.number })}
          </Text>
          {!a ? (
            <Loader size="sm" />
          ) : a.lines.length === 0 ? (
            <Text size="sm">{t('intake.copy.none')}</Text>
          ) : (
            <Stack gap={6}>
              {a.lines.map((l) => (
                <Checkbox
                  key={l.id}
                  disabled={l.stopped}
                  checked={chosen.includes(l.id)}
                  onChange={(ev) => {
                    const on = ev.currentTarget.checked
                    setChosen((c) => (on ? [...c, l.id] : c.filter((x) => x !== l.id)))
                    setError(null)
                  }}
                  label={`${l.lineNo}. ${l.description || t(`enums.lineType.${l.type}`)} · ${t('intake.copy.quantity', { quantity: f.quantity(l.quantity) })}`}
                  description={`${t('intake.copy.runs', { from: f.date(l.startDate), to: l.endDate ? f.date(l.endDate) : '…' })}${l.stopped ? ` · ${t('intake.copy.stopped')}` : ''}`}
                />
              ))}
            </Stack>
          )}
          <DateInput
            label={t('intake.copy.date')}
            description={t('intake.copy.dateHint')}
            valueFormat="DD.MM.YYYY"
            clearable
            value={date}
            onChange={(v) => setDate(v)}
            maw={220}
          />
          {error && (
            <Text size="sm" c="red" data-testid="copy-agreement-error">
              {error}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="xs" loading={copy.isPending}>
              {t('intake.copy.copy')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
