import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import type { WarrantyStatus } from '@shared/domain/intake'
import { ListPage } from '../../components/ListPage'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { ProgressBadge } from '../orders/badges'

const WARRANTY_COLOR: Record<WarrantyStatus, string> = { active: 'green', notStarted: 'yellow', expired: 'gray', unknown: 'gray' }

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <Paper withBorder px="sm" py={6} miw={180} style={{ flex: 1 }} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {children}
    </Paper>
  )
}

/**
 * The facts strip: last and next visit and order counts (serviceObjects.visits), and the agreements covering
 * the object and its warranty from the intake entitlement read (the same answer the order intake panel shows).
 */
function ObjectFacts({ serviceObjectId, customerId }: { serviceObjectId: number; customerId: number }) {
  const t = useT()
  const f = useFormat()
  const visits = useQuery({
    queryKey: ['record', 'objectVisits', serviceObjectId],
    queryFn: () => call('serviceObjects.visits', { serviceObjectId })
  }).data
  const input = { customerId, serviceObjectIds: [serviceObjectId], orderId: null }
  const entitled = useQuery({ queryKey: ['entitlement', input], queryFn: () => call('serviceOrders.entitlement', input) }).data
  const visit = (v: { orderId: number; number: string; at: number; stageName: string } | null | undefined) =>
    v === undefined ? null : v === null ? (
      <Text size="sm" c="dimmed">
        {t('context.object.none')}
      </Text>
    ) : (
      <>
        <Text size="sm" fw={600}>
          {f.dateTime(v.at)}
        </Text>
        <Text size="xs" c="dimmed">
          <Anchor component={Link} to={`/orders/${v.orderId}`} size="xs">
            {v.number}
          </Anchor>{' '}
          · {v.stageName}
        </Text>
      </>
    )
  const warranty = entitled?.warranty[0]
  return (
    <Group gap="sm" align="stretch" wrap="nowrap">
      <Fact label={t('context.object.lastVisit')} testId="fact-last-visit">
        {visit(visits?.lastVisit)}
      </Fact>
      <Fact label={t('context.object.nextVisit')} testId="fact-next-visit">
        {visit(visits?.nextVisit)}
      </Fact>
      <Fact label={t('context.object.orders')} testId="fact-orders">
        {visits && (
          <Text size="sm" fw={600}>
            {t('context.object.ordersCount', { count: visits.orders, open: visits.openOrders })}
          </Text>
        )}
      </Fact>
      <Fact label={t('context.object.coveredBy')} testId="fact-agreement">
        {entitled && entitled.agreements.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('context.object.notCovered')}
          </Text>
        )}
        {entitled?.agreements.map((a) => (
          <Text key={a.id} size="sm" truncate>
            <Anchor component={Link} to={`/agreements/${a.id}`} size="sm">
              {a.number}
            </Anchor>{' '}
            {a.sla === null ? t('intake.panel.noSla') : a.sla.name}
          </Text>
        ))}
      </Fact>
      <Fact label={t('context.object.warranty')} testId="fact-warranty">
        {warranty && (
          <Group gap={6} wrap="nowrap">
            <Badge size="sm" variant="light" color={WARRANTY_COLOR[warranty.status]} style={{ flexShrink: 0 }}>
              {t(`intake.warrantyStatus.${warranty.status}`)}
            </Badge>
            {warranty.warrantyEnd && (
              <Text size="xs" c="dimmed">
                {t('intake.panel.warrantyUntil', { date: f.date(warranty.warrantyEnd) })}
              </Text>
            )}
          </Group>
        )}
      </Fact>
    </Group>
  )
}

/** A service object's history: the facts strip, then its orders and their lines, newest first. */
export function ObjectHistory({ serviceObjectId, customerId, number }: { serviceObjectId: number; customerId: number; number: string }) {
  const t = useT()
  const f = useFormat()
  return (
    <Stack gap="sm">
      <ObjectFacts serviceObjectId={serviceObjectId} customerId={customerId} />
      <ListPage
        embedded
        title={t('context.object.historyTab')}
        method="serviceObjectHistory.list"
        defaultSort="orderAt"
        defaultDir="desc"
        exportName={t('context.object.exportName', { number })}
        searchPlaceholder={t('context.object.search')}
        filters={{ serviceObjectId }}
        rowPath={(r) => `/orders/${r.orderId}`}
        columns={[
          { key: 'orderAt', label: t('context.object.col.date'), sort: 'orderAt', width: 130, render: (r) => f.dateTime(r.orderAt) },
          { key: 'orderNumber', label: t('context.object.col.order'), sort: 'orderNumber', width: 100 },
          {
            key: 'description',
            label: t('orders.list.description'),
            render: (r) => (
              <Text size="sm" truncate maw={220}>
                {r.description}
              </Text>
            )
          },
          { key: 'stageName', label: t('context.object.col.stage'), width: 120 },
          {
            key: 'progress',
            label: t('orders.list.progress'),
            // The table gives its room to the long texts; a badge cut to "IN PROC…" says nothing.
            render: (r) => (
              <div style={{ minWidth: 104 }}>
                <ProgressBadge progress={r.progress} size="xs" />
              </div>
            )
          },
          { key: 'type', label: t('context.object.col.type'), width: 80, render: (r) => (r.type ? t(`enums.lineType.${r.type}`) : '') },
          {
            key: 'lineDescription',
            label: t('context.object.col.line'),
            render: (r) =>
              r.lineId === null ? (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('context.object.noLines')}
                </Text>
              ) : (
                <Text size="sm" truncate maw={280}>
                  {r.lineDescription}
                </Text>
              )
          },
          {
            key: 'quantity',
            label: t('context.object.col.quantity'),
            align: 'right',
            width: 80,
            render: (r) => (r.quantity === null ? '' : `${f.quantity(r.quantity)} ${r.unit ?? ''}`)
          },
          { key: 'workerName', label: t('context.object.col.worker'), width: 140, render: (r) => r.workerName ?? '' },
          { key: 'date', label: t('context.object.col.lineDate'), width: 110, render: (r) => (r.date ? f.date(r.date) : '') }
        ]}
      />
    </Stack>
  )
}
