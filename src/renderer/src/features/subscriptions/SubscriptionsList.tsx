import { Button, Select } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { useState } from 'react'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { GenerateDialog } from './GenerateDialog'

export function SubscriptionsList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const [customerId, setCustomerId] = useState<number | null>(null)
  const [groupId, setGroupId] = useState<number | null>(null)
  const [active, setActive] = useState<string | null>(null)
  const [generating, setGenerating] = useState(false)
  return (
    <>
      <ListPage
        title={t('subscriptions.title')}
        method="subscriptions.list"
        defaultSort="number"
        exportName="subscriptions"
        searchPlaceholder={t('subscriptions.search')}
        filters={{ customerId, groupId, active: active === null ? null : active === 'yes' }}
        filterControls={
          <>
            <EntitySelect
              size="xs"
              w={220}
              placeholder={t('subscriptions.anyCustomer')}
              aria-label={t('subscriptions.customerAria')}
              list="customers.list"
              labelOf={(c) => `${c.number} ${c.name}`}
              value={customerId}
              onChange={(id) => setCustomerId(id)}
            />
            <EntitySelect
              size="xs"
              w={200}
              placeholder={t('subscriptions.anyGroup')}
              aria-label={t('subscriptions.groupAria')}
              list="subscriptionGroups.list"
              labelOf={(g) => g.name}
              value={groupId}
              onChange={(id) => setGroupId(id)}
            />
            <Select
              size="xs"
              w={130}
              clearable
              placeholder={t('subscriptions.anyState')}
              aria-label={t('subscriptions.stateAria')}
              data={[
                { value: 'yes', label: t('subscriptions.active') },
                { value: 'no', label: t('subscriptions.inactive') }
              ]}
              value={active}
              onChange={setActive}
            />
          </>
        }
        actions={
          can('subscriptions.write') && (
            <Button variant="light" size="xs" leftSection={<IconPlayerPlay size={14} />} onClick={() => setGenerating(true)}>
              {t('subscriptions.generate.open')}
            </Button>
          )
        }
        newPath={can('subscriptions.write') ? '/subscriptions/new' : undefined}
        newLabel={t('subscriptions.new')}
        rowPath={(r) => `/subscriptions/${r.id}`}
        columns={[
          { key: 'number', label: t('subscriptions.col.number'), sort: 'number', width: 110 },
          { key: 'name', label: t('subscriptions.col.name'), sort: 'name' },
          { key: 'customerName', label: t('subscriptions.col.customer'), sort: 'customerName' },
          { key: 'groupCode', label: t('subscriptions.col.group'), width: 110 },
          {
            key: 'invoicingPeriod',
            label: t('subscriptions.col.period'),
            width: 100,
            render: (r) => t(`enums.periodCode.${r.invoicingPeriod}`)
          },
          {
            key: 'basePrice',
            label: t('subscriptions.col.basePrice'),
            sort: 'basePrice',
            align: 'right',
            width: 110,
            render: (r) => f.money(r.basePrice, r.currency)
          },
          {
            key: 'priceIndex',
            label: t('subscriptions.col.index'),
            align: 'right',
            width: 70,
            render: (r) => f.index(r.priceIndex)
          },
          { key: 'startDate', label: t('subscriptions.col.start'), sort: 'startDate', width: 100, render: (r) => f.date(r.startDate) },
          { key: 'endDate', label: t('subscriptions.col.end'), width: 100, render: (r) => (r.endDate ? f.date(r.endDate) : '—') },
          {
            key: 'lastPeriodEnd',
            label: t('subscriptions.col.feesUntil'),
            width: 100,
            render: (r) => (r.lastPeriodEnd ? f.date(r.lastPeriodEnd) : '—')
          },
          {
            key: 'feesTotal',
            label: t('subscriptions.col.feesTotal'),
            align: 'right',
            width: 110,
            render: (r) => f.money(r.feesTotal, r.currency)
          }
        ]}
      />
      {generating && <GenerateDialog onClose={() => setGenerating(false)} />}
    </>
  )
}
