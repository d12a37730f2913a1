import { Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { DateTime } from 'luxon'
import { ListPage } from '../../components/ListPage'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'
import { useAgreementColumns } from '../agreements/columns'
import { AgreementTitle, useSlaOf } from '../intake/EntitlementRows'
import { useOrderColumns } from '../orders/columns'

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
  const c = useOrderColumns()
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
      columns={[c.number, c.description, c.address, c.stageName, c.progress, c.sla, c.plannedStart, c.salesTotal]}
    />
  )
}

/** The customer's agreements, newest first: the main agreement list with a customer filter. */
export function CustomerAgreements({ customerId, number }: { customerId: number; number: string }) {
  const t = useT()
  const c = useAgreementColumns()
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
      columns={[c.number, c.description, c.groupName, c.startDate, c.endDate, c.status, c.lineCount]}
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
  const slaOf = useSlaOf()
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
            <AgreementTitle key={a.id} agreement={a}>
              {` · ${slaOf(a.sla)}`}
            </AgreementTitle>
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
