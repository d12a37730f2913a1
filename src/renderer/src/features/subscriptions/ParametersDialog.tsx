import { Button, Group, Modal, Radio, Stack, Switch } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { REVERSAL_MODES, type SubscriptionParameters } from '@shared/domain/subscriptions'
import { call } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

const key = ['record', 'subscriptionParameters'] as const

/** The two subscription settings: fees invoiced together with order lines, and how a credit reverses recognition. */
export function ParametersDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const qc = useQueryClient()
  const { can } = useSession()
  const current = useQuery({ queryKey: key, queryFn: () => call('subscriptions.parameters', {}) })
  const [values, setValues] = useState<SubscriptionParameters | null>(null)
  useEffect(() => {
    if (current.data && values === null) setValues(current.data)
  }, [current.data, values])
  const save = useMutation({
    mutationFn: (v: SubscriptionParameters) => call('subscriptions.setParameters', v),
    onSuccess: (v) => {
      qc.setQueryData(key, v)
      notifySaved(t('subscriptions.parameters.what'))
      onClose()
    },
    onError: (e) => showApiError(e)
  })
  const readOnly = !can('subscriptions.configure')
  return (
    <Modal opened onClose={onClose} title={t('subscriptions.parameters.title')}>
      {values && (
        <Stack gap="md">
          <Switch
            label={t('subscriptions.parameters.withOrderLines')}
            description={t('subscriptions.parameters.withOrderLinesHint')}
            disabled={readOnly}
            checked={values.invoiceWithOrderLines}
            onChange={(e) => setValues({ ...values, invoiceWithOrderLines: e.currentTarget.checked })}
          />
          <Radio.Group
            label={t('subscriptions.parameters.reverse')}
            value={values.reverseOnCredit}
            onChange={(v) => setValues({ ...values, reverseOnCredit: v as SubscriptionParameters['reverseOnCredit'] })}
          >
            <Stack gap={6} mt={6}>
              {REVERSAL_MODES.map((m) => (
                <Radio key={m} value={m} disabled={readOnly} label={t(`subscriptions.parameters.reverseModes.${m}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button disabled={readOnly} loading={save.isPending} onClick={() => save.mutate(values)}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
