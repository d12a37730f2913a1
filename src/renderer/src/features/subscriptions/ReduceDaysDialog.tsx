import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { SubscriptionRow } from '@shared/domain/subscriptions'
import { DateField } from '../../components/DateField'
import { call, isApiError } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'

/** Removes days from a subscription: a negative fee for them, prorated by day over the fee that holds them. */
export function ReduceDaysDialog({ subscription: s, onClose }: { subscription: SubscriptionRow; onClose: () => void }) {
  const t = useT()
  const qc = useQueryClient()
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: () => call('subscriptions.reduceDays', { subscriptionId: s.id, from: from!, to: to! }),
    onSuccess: () => {
      notifySaved(t('subscriptions.fees.daysRemoved'))
      void qc.invalidateQueries()
      onClose()
    },
    onError: (e) => (isApiError(e, 'VALIDATION') ? setError(e.message) : showApiError(e))
  })
  return (
    <Modal opened onClose={onClose} title={t('subscriptions.fees.removeDaysTitle', { number: s.number })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('subscriptions.fees.removeDaysHint')}
        </Text>
        <Group grow>
          <DateField label={t('subscriptions.fees.from')} withAsterisk value={from} onChange={setFrom} />
          <DateField label={t('subscriptions.fees.to')} withAsterisk value={to} onChange={setTo} />
        </Group>
        {error && (
          <Text size="sm" c="red" data-testid="reduce-error">
            {error}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!from || !to} loading={save.isPending} onClick={() => save.mutate()}>
            {t('subscriptions.fees.removeDays')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
