import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { DateTime } from 'luxon'
import { Link } from 'react-router'
import { ListPage } from '../../components/ListPage'
import { SlaBadge } from '../../components/SlaBadge'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'
import { StatusBadge as AgreementStatus } from '../agreements/status'
import { ProgressBadge } from '../orders/badges'

/** The same query as the invoices tab's balance cards, so the header and the tab share one answer. */
const balanceQuery = (customerId: number) => ({
  queryKey: ['record', 'customerBalance', customerId],
  queryFn: () => call('invoices.balance', { customerId })
})

/** The customer's open balance for the page header; red with the overdue part when something is overdue. */
export function CustomerBalance({ customerId }: { customerId: number }) {
  const t = useT()
  const f = useFormat()
  const b = useQuery(balanceQuery(customerId)).data
  if (!b) return null
  return (
    <Text span size="sm" fw={600} c={b.overdueCount > 0 ? 'red' : undefined} data-testid="customer-open-balance">
      {t('context.customer.openBalance', { amount: f.money(b.openTotal, b.currency) })}
      {b.overdueCount > 0 && ` · ${t('context.customer.overdueBalance', { amount: f.money(b.overdueTotal, b.currency) })}`}
    </Text>
  )
}

/** The customer's orders, open first and newest first: the main order list with a customer filter. */
export function CustomerOrders({ customerId, number }: { customerId: number; number: string }) {
  const t = useT()
  const f = useFormat()
  return (
    <ListPage
      embedded
      title={t('context.customer.ordersTab')}
      method="serviceOrders.list"
      defaultSort="openFirst"
      exportName={t('context.customer.exportOrders', { number })}
      searchPlaceholder={t('orders.list.searchPlaceholder')}
      filters={{ customerId }}
      rowPath={(r) => `/orders/${r.id}`}
      columns={[
        { key: 'number', label: t('orders.list.number'), sort: 'number', width: 110 },
        {
          key: 'description',
          label: t('orders.list.description'),
          render: (r) => (
            <Text size="sm" truncate maw={320}>
              {r.description}
            </Text>
          )
        },
        {
          key: 'address',
          label: t('orders.list.address'),
          render: (r) => (
            <Text size="sm" truncate maw={220}>
              {r.address}
            </Text>
          )
        },
        { key: 'stageName', label: t('orders.list.stage'), sort: 'stageName' },
        { key: 'progress', label: t('orders.list.progress'), render: (r) => <ProgressBadge progress={r.progress} size="xs" /> },
        { key: 'sla', label: t('orders.list.sla'), width: 150, render: (r) => <SlaBadge badge={r.sla} /> },
        {
          key: 'plannedStart',
          label: t('orders.list.plannedStart'),
          sort: 'plannedStart',
          render: (r) => f.dateTime(r.plannedStart) || t('common.none')
        },
        { key: 'salesTotal', label: t('orders.list.total'), sort: 'salesTotal', align: 'right', render: (r) => f.money(r.salesTotal) }
      ]}
    />
  )
}

/** The customer's agreements, newest first: the main agreement list with a customer filter. */
export function CustomerAgreements({ customerId, number }: { customerId: number; number: string }) {
  const t = useT()
  const f = useFormat()
  return (
    <ListPage
      embedded
      title={t('context.customer.agreementsTab')}
      method="agreements.list"
      defaultSort="startDate"
      defaultDir="desc"
      exportName={t('context.customer.exportAgreements', { number })}
      filters={{ customerId }}
      rowPath={(r) => `/agreements/${r.id}`}
      columns={[
        { key: 'number', label: t('agreements.col.no'), sort: 'number', width: 110 },
        { key: 'description', label: t('agreements.col.description') },
        { key: 'groupName', label: t('agreements.col.group'), sort: 'groupName', width: 160 },
        { key: 'startDate', label: t('agreements.col.start'), sort: 'startDate', width: 100, render: (r) => f.date(r.startDate) },
        {
          key: 'endDate',
          label: t('agreements.col.end'),
          sort: 'endDate',
          width: 100,
          render: (r) => (r.endDate ? f.date(r.endDate) : '—')
        },
        { key: 'status', label: t('agreements.col.status'), width: 100, render: (r) => <AgreementStatus agreement={r} size="xs" /> },
        { key: 'lineCount', label: t('agreements.col.lines'), align: 'right', width: 60 }
      ]}
    />
  )
}

/**
 * Which SLA the customer's orders get: the customer group's by default, an agreement's when the order is under
 * one (from the intake entitlement read, not a query of its own); then the compliance report for the customer.
 */
export function CustomerSla({ customerId, number, canReport }: { customerId: number; number: string; canReport: boolean }) {
  const t = useT()
  const f = useFormat()
  const sla = useQuery({ queryKey: ['record', 'customerSla', customerId], queryFn: () => call('customers.sla', { customerId }) }).data
  const entitled = useQuery({
    queryKey: ['entitlement', { customerId, serviceObjectIds: [], orderId: null }],
    queryFn: () => call('serviceOrders.entitlement', { customerId, serviceObjectIds: [], orderId: null })
  }).data
  const to = today()
  const from = DateTime.fromISO(to).minus({ months: 11 }).startOf('month').toISODate()!
  return (
    <Stack gap="sm">
      <Group gap="sm" align="stretch">
        <Paper withBorder px="sm" py={6} miw={260} data-testid="customer-default-sla">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('context.customer.defaultSla')}
          </Text>
          {sla && (
            <>
              <Text size="lg" fw={700}>
                {sla.sla ? `${sla.sla.code} · ${sla.sla.name}` : t('common.none')}
              </Text>
              <Text size="xs" c="dimmed">
                {sla.groupName === null
                  ? t('context.customer.noGroup')
                  : sla.sla
                    ? t('context.customer.defaultSlaFrom', { group: sla.groupName })
                    : t('context.customer.defaultSlaNone')}
              </Text>
            </>
          )}
        </Paper>
        <Paper withBorder px="sm" py={6} style={{ flex: 1 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('context.customer.agreementSlas')}
          </Text>
          {entitled && entitled.agreements.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('intake.panel.noAgreements')}
            </Text>
          )}
          {entitled?.agreements.map((a) => (
            <Text key={a.id} size="sm" truncate>
              <Anchor component={Link} to={`/agreements/${a.id}`} size="sm">
                {a.number}
              </Anchor>{' '}
              {a.description} ·{' '}
              {a.sla === null
                ? t('intake.panel.noSla')
                : a.sla.source === 'agreement'
                  ? a.sla.name
                  : t('intake.panel.slaFromGroup', { sla: a.sla.name })}
            </Text>
          ))}
        </Paper>
      </Group>
      {canReport && (
        <>
          <Title order={5}>{t('context.customer.compliance')}</Title>
          <ListPage
            embedded
            title={t('context.customer.compliance')}
            method="slaCompliance.list"
            defaultSort="label"
            defaultDir="desc"
            exportName={t('context.customer.exportCompliance', { number })}
            filters={{ customerId, from, to, groupBy: 'month' }}
            rowPath={() => '/sla-compliance'}
            columns={[
              { key: 'label', label: t('csv.columns.date'), sort: 'label', render: (r) => f.month(r.label) },
              { key: 'orders', label: t('csv.columns.orders'), sort: 'orders', align: 'right' },
              { key: 'targets', label: t('csv.columns.targets'), sort: 'targets', align: 'right' },
              { key: 'met', label: t('csv.columns.met'), align: 'right' },
              { key: 'breached', label: t('csv.columns.breached'), sort: 'breached', align: 'right' },
              {
                key: 'share',
                label: t('csv.columns.share'),
                sort: 'share',
                align: 'right',
                render: (r) => (r.share === null ? '—' : f.number(r.share * 100, 0))
              },
              {
                key: 'medianResponseMinutes',
                label: t('csv.columns.medianResponseMinutes'),
                align: 'right',
                render: (r) => (r.medianResponseMinutes === null ? '—' : f.duration(r.medianResponseMinutes))
              },
              {
                key: 'medianResolutionMinutes',
                label: t('csv.columns.medianResolutionMinutes'),
                align: 'right',
                render: (r) => (r.medianResolutionMinutes === null ? '—' : f.duration(r.medianResolutionMinutes))
              }
            ]}
          />
        </>
      )}
    </Stack>
  )
}
