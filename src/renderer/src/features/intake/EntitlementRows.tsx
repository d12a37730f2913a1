import { Anchor, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { EntitledAgreement, Entitlement } from '@shared/domain/intake'
import { useT } from '../../lib/i18n'

/** Which SLA an agreement of the entitlement read gives: its own, its group's, or none. */
export function useSlaOf() {
  const t = useT()
  return (sla: EntitledAgreement['sla']) =>
    sla === null ? t('intake.panel.noSla') : sla.source === 'agreement' ? sla.name : t('intake.panel.slaFromGroup', { sla: sla.name })
}

/** An agreement of the entitlement read: its number (a link to it) and description, then whatever follows. */
export function AgreementTitle({
  agreement,
  children
}: {
  agreement: Pick<EntitledAgreement, 'id' | 'number' | 'description'>
  children?: ReactNode
}) {
  return (
    <Text size="sm" truncate>
      <Anchor component={Link} to={`/agreements/${agreement.id}`} size="sm">
        {agreement.number}
      </Anchor>{' '}
      {agreement.description}
      {children}
    </Text>
  )
}

/**
 * The open orders of the entitlement read: number (a link), description and stage a line each, "and N more" past
 * the read's limit, `empty` when there are none.
 */
export function OpenOrderRows({ entitlement, empty, testIdPrefix }: { entitlement: Entitlement; empty: string; testIdPrefix: string }) {
  const t = useT()
  return (
    <>
      {entitlement.openOrders.length === 0 && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {entitlement.openOrders.map((o) => (
        <Text key={o.id} size="sm" truncate data-testid={`${testIdPrefix}-${o.id}`}>
          <Anchor component={Link} to={`/orders/${o.id}`} size="sm">
            {o.number}
          </Anchor>{' '}
          {o.description}{' '}
          <Text span size="xs" c="dimmed">
            · {o.stageName}
          </Text>
        </Text>
      ))}
      {entitlement.moreOpenOrders > 0 && (
        <Text size="xs" c="dimmed">
          {t('intake.panel.moreOpenOrders', { count: entitlement.moreOpenOrders })}
        </Text>
      )}
    </>
  )
}
