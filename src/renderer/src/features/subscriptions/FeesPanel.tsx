import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import { IconCalendarMinus, IconFileInvoice, IconPlayerPlay, IconReceiptRefund } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import type { FeeRow, FeeStatus, SubscriptionRow } from '@shared/domain/subscriptions'
import { call } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { today } from '../../lib/today'
import { CreditFeeDialog } from './CreditFeeDialog'
import { GenerateDialog } from './GenerateDialog'
import { useFees } from './queries'
import { ReduceDaysDialog } from './ReduceDaysDialog'

const STATUS_COLOR: Record<FeeStatus, string> = { created: 'gray', invoiced: 'blue', partlyCredited: 'orange', credited: 'red' }

/** The fee transactions of a subscription, their invoices and credits, and the actions on them. */
export function FeesPanel({ subscription: s }: { subscription: SubscriptionRow }) {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const { can } = useSession()
  const fees = useFees(s.id)
  const [generating, setGenerating] = useState(false)
  const [reducing, setReducing] = useState(false)
  const [crediting, setCrediting] = useState<FeeRow | null>(null)
  const [requestKey, setRequestKey] = useState(() => crypto.randomUUID())
  const open = (fees.data ?? []).filter((x) => x.status === 'created')
  const invoice = useMutation({
    mutationFn: () =>
      call('subscriptions.invoice', { customerId: s.customerId, feeIds: open.map((x) => x.id), invoiceDate: today(), requestKey }),
    onSuccess: (inv) => {
      setRequestKey(crypto.randomUUID())
      notifySaved(t('subscriptions.fees.invoiced', { number: inv.number }))
      void qc.invalidateQueries()
    },
    onError: (e) => showApiError(e)
  })
  const money = (v: number) => f.money(v, s.currency)

  return (
    <Stack gap="sm">
      <Group gap="xs">
        {can('subscriptions.write') && (
          <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} />} onClick={() => setGenerating(true)}>
            {t('subscriptions.generate.open')}
          </Button>
        )}
        {can('subscriptions.write') && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconCalendarMinus size={14} />}
            onClick={() => setReducing(true)}
            disabled={!fees.data?.length}
          >
            {t('subscriptions.fees.removeDays')}
          </Button>
        )}
        {can('invoices.create') && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileInvoice size={14} />}
            disabled={open.length === 0}
            loading={invoice.isPending}
            onClick={() => invoice.mutate()}
          >
            {t('subscriptions.fees.invoiceOpen', { count: open.length })}
          </Button>
        )}
      </Group>
      {fees.data && fees.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('subscriptions.fees.none')}
        </Text>
      )}
      {fees.data && fees.data.length > 0 && (
        <Table striped withTableBorder fz="sm" verticalSpacing={4} data-testid="fees-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subscriptions.fees.kind')}</Table.Th>
              <Table.Th>{t('subscriptions.fees.period')}</Table.Th>
              <Table.Th ta="right">{t('subscriptions.fees.amount')}</Table.Th>
              <Table.Th>{t('subscriptions.fees.status')}</Table.Th>
              <Table.Th>{t('subscriptions.fees.invoice')}</Table.Th>
              <Table.Th ta="right">{t('subscriptions.fees.credited')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fees.data.map((x) => (
              <Table.Tr key={x.id} data-testid="fee-row">
                <Table.Td>{t(`subscriptions.feeKind.${x.kind}`)}</Table.Td>
                <Table.Td>
                  {f.date(x.from)} – {f.date(x.to)}
                </Table.Td>
                <Table.Td ta="right">{money(x.amount)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[x.status]}>
                    {t(`subscriptions.feeStatus.${x.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {x.invoiceId !== null && (
                    <Anchor component={Link} to={`/invoices/${x.invoiceId}`} size="sm">
                      {x.invoiceNumber}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td ta="right">{x.creditedAmount ? money(x.creditedAmount) : ''}</Table.Td>
                <Table.Td ta="right">
                  {can('invoices.create') && x.amount > 0 && (x.status === 'invoiced' || x.status === 'partlyCredited') && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconReceiptRefund size={12} />}
                      onClick={() => setCrediting(x)}
                    >
                      {t('subscriptions.fees.credit')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {generating && (
        <GenerateDialog
          subscription={s}
          onClose={() => {
            setGenerating(false)
            void qc.invalidateQueries()
          }}
        />
      )}
      {reducing && <ReduceDaysDialog subscription={s} onClose={() => setReducing(false)} />}
      {crediting && <CreditFeeDialog fee={crediting} currency={s.currency} onClose={() => setCrediting(null)} />}
    </Stack>
  )
}
