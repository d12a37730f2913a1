import { Paper, Stack, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { OpenOrderRows } from '../intake/EntitlementRows'

/**
 * The customer's other open orders on the order's objects (with none, of the customer), for an order the intake
 * panel is not shown on (one made by an agreement). The same read as that panel's "open orders" section.
 */
export function OtherOpenOrders({
  customerId,
  serviceObjectIds,
  orderId
}: {
  customerId: number
  serviceObjectIds: number[]
  orderId: number
}) {
  const t = useT()
  const input = { customerId, serviceObjectIds, orderId }
  const e = useQuery({ queryKey: ['entitlement', input], queryFn: () => call('serviceOrders.entitlement', input) }).data
  return (
    <Paper withBorder p="sm" data-testid="other-open-orders">
      <Title order={5} mb={6}>
        {serviceObjectIds.length > 0 ? t('context.order.otherOpen') : t('context.order.otherOpenCustomer')}
      </Title>
      {e && (
        <Stack gap={2}>
          <OpenOrderRows entitlement={e} empty={t('context.order.noneOpen')} testIdPrefix="other-open-order" />
        </Stack>
      )}
    </Paper>
  )
}
