import { Anchor, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'

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
          {e.openOrders.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('context.order.noneOpen')}
            </Text>
          )}
          {e.openOrders.map((o) => (
            <Text key={o.id} size="sm" truncate data-testid={`other-open-order-${o.id}`}>
              <Anchor component={Link} to={`/orders/${o.id}`} size="sm">
                {o.number}
              </Anchor>{' '}
              {o.description}{' '}
              <Text span size="xs" c="dimmed">
                · {o.stageName}
              </Text>
            </Text>
          ))}
          {e.moreOpenOrders > 0 && (
            <Text size="xs" c="dimmed">
              {t('intake.panel.moreOpenOrders', { count: e.moreOpenOrders })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  )
}
