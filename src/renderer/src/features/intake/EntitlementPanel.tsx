import { Anchor, Badge, Button, Divider, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { WarrantyStatus } from '@shared/domain/intake'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { AgreementTitle, OpenOrderRows, useSlaOf } from './EntitlementRows'

interface EntitlementPanelProps {
  customerId: number | null
  serviceObjectIds: number[]
  /** The order being edited (left out of the open orders); null on a new order. */
  orderId: number | null
  /** The agreement the order names now (its row shows "Linked"). */
  agreementId: number | null
  /** Links the order to an agreement (on a saved order: saves the link); omitted = read-only (no Link buttons). */
  onLink?: (agreementId: number, agreementNumber: string) => void
}

const WARRANTY_COLOR: Record<WarrantyStatus, string> = { active: 'green', notStarted: 'yellow', expired: 'gray', unknown: 'gray' }

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {title}
      </Text>
      {children}
    </Stack>
  )
}

/**
 * What the customer is entitled to for the picked service objects, in one place: the agreements in force
 * that cover them (and the SLA each gives), warranty, open orders already on them, and subscriptions. One
 * click links the order to an agreement.
 */
export function EntitlementPanel({ customerId, serviceObjectIds, orderId, agreementId, onLink }: EntitlementPanelProps) {
  const t = useT()
  const f = useFormat()
  const slaOf = useSlaOf()
  const input = { customerId: customerId ?? 0, serviceObjectIds, orderId }
  const q = useQuery({
    queryKey: ['entitlement', input],
    queryFn: () => call('serviceOrders.entitlement', input),
    enabled: customerId !== null,
    placeholderData: keepPreviousData
  })
  const e = q.data
  return (
    <Paper withBorder p="sm" data-testid="entitlement-panel">
      <Group justify="space-between" mb={6}>
        <Title order={5}>{t('intake.panel.title')}</Title>
        {e && (
          <Text size="xs" c="dimmed">
            {t('intake.panel.onDate', { date: f.date(e.date) })}
          </Text>
        )}
      </Group>
      {customerId === null ? (
        <Text size="sm" c="dimmed">
          {t('intake.panel.pickCustomer')}
        </Text>
      ) : !e ? (
        <Loader size="sm" />
      ) : (
        <Stack gap="xs">
          <Section title={t('intake.panel.agreements')}>
            {e.agreements.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('intake.panel.noAgreements')}
              </Text>
            )}
            {e.agreements.map((a) => (
              <Group key={a.id} justify="space-between" wrap="nowrap" gap="xs" data-testid={`entitled-agreement-${a.id}`}>
                <div style={{ minWidth: 0 }}>
                  <AgreementTitle agreement={a} />
                  <Text size="xs" c="dimmed">
                    {slaOf(a.sla)}
                    {' · '}
                    {a.coversAll ? t('intake.panel.coversAll') : t('intake.panel.objectsCount', { count: a.objectIds.length })}
                  </Text>
                </div>
                {a.id === agreementId ? (
                  <Badge size="sm" variant="light" color="green">
                    {t('intake.panel.linked')}
                  </Badge>
                ) : (
                  onLink && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconLink size={12} />}
                      aria-label={t('intake.panel.linkAria', { number: a.number })}
                      onClick={() => onLink(a.id, a.number)}
                    >
                      {t('intake.panel.link')}
                    </Button>
                  )
                )}
              </Group>
            ))}
          </Section>
          <Divider />
          <Section title={t('intake.panel.warranty')}>
            {e.warranty.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('intake.panel.noObjects')}
              </Text>
            )}
            {e.warranty.map((w) => (
              <div key={w.objectId} data-testid={`warranty-${w.objectId}`}>
                <Text size="sm" truncate>
                  {w.number} {w.name}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Badge size="sm" variant="light" color={WARRANTY_COLOR[w.status]} style={{ flexShrink: 0 }}>
                    {t(`intake.warrantyStatus.${w.status}`)}
                  </Badge>
                  {w.warrantyEnd && (
                    <Text size="xs" c="dimmed">
                      {w.status === 'notStarted' && w.warrantyStart
                        ? t('intake.panel.warrantyFrom', { date: f.date(w.warrantyStart) })
                        : t('intake.panel.warrantyUntil', { date: f.date(w.warrantyEnd) })}
                    </Text>
                  )}
                </Group>
              </div>
            ))}
          </Section>
          <Divider />
          <Section title={serviceObjectIds.length > 0 ? t('intake.panel.openOrders') : t('intake.panel.openOrdersCustomer')}>
            <OpenOrderRows entitlement={e} empty={t('intake.panel.noOpenOrders')} testIdPrefix="open-order" />
          </Section>
          <Divider />
          <Section title={t('intake.panel.subscriptions')}>
            {e.subscriptions.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('intake.panel.noSubscriptions')}
              </Text>
            )}
            {e.subscriptions.map((s) => (
              <div key={s.id} data-testid={`entitled-subscription-${s.id}`}>
                <Text size="sm" truncate>
                  <Anchor component={Link} to={`/subscriptions/${s.id}`} size="sm">
                    {s.number}
                  </Anchor>{' '}
                  {s.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.groupName} ·{' '}
                  {s.coversCustomer ? t('intake.panel.wholeCustomer') : t('intake.panel.objectsCount', { count: s.objectIds.length })}
                </Text>
              </div>
            ))}
          </Section>
        </Stack>
      )}
    </Paper>
  )
}
