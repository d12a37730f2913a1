import { Grid, Switch, Textarea, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { subscriptionInput, type SubscriptionRow } from '@shared/domain/subscriptions'
import { DateField } from '../../components/DateField'
import { EntitySelect, SmallMultiSelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { MoneyInput } from '../../components/MoneyInput'
import { RecordPage } from '../../components/RecordPage'
import { ScaledNumberInput } from '../../components/ScaledNumberInput'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { today } from '../../lib/today'
import { useEditor } from '../../lib/useEditor'
import { FeesPanel } from './FeesPanel'
import { SchedulePanel } from './SchedulePanel'

type Values = Omit<SubscriptionRow, 'id' | 'version' | 'customerName' | 'groupCode' | 'invoicingPeriod'>

const empty: Values = {
  number: '',
  name: '',
  customerId: 0,
  agreementId: null,
  groupId: 0,
  categoryId: null,
  currency: 'EUR',
  basePrice: 0,
  priceIndex: 10000,
  startDate: today(),
  endDate: null,
  active: true,
  serviceObjectIds: [],
  note: ''
}
const toForm = ({ id: _i, version: _v, customerName: _c, groupCode: _g, invoicingPeriod: _p, ...r }: SubscriptionRow): Values => r

/** A subscription: header, its prices, its fee transactions with their invoices, and its recognition schedule. */
export function SubscriptionPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const e = useEditor<SubscriptionRow, Values>({
    entity: 'subscriptions',
    label: t('subscriptions.one'),
    id: recordId,
    schema: subscriptionInput,
    empty,
    toForm,
    pathOf: (i) => `/subscriptions/${i}`,
    listPath: '/subscriptions'
  })
  const { form, record } = e
  const money = (v: number) => f.money(v, record?.currency)

  return (
    <RecordPage
      title={record ? `${record.number} · ${record.name}` : t('subscriptions.one')}
      subtitle={
        record
          ? t('subscriptions.subtitle', {
              customer: record.customerName,
              period: t(`enums.periodCode.${record.invoicingPeriod}`).toLowerCase(),
              price: money(record.basePrice)
            })
          : undefined
      }
      listLabel={t('subscriptions.title')}
      newTitle={t('subscriptions.new')}
      listPath="/subscriptions"
      editor={e}
      readOnly={!can('subscriptions.write')}
      deleteWhat={t('subscriptions.deleteWhat')}
      audit={{ entity: 'subscription', id: recordId }}
      tabs={
        record
          ? [
              { value: 'fees', label: t('subscriptions.tabs.fees'), content: <FeesPanel subscription={record} /> },
              { value: 'schedule', label: t('subscriptions.tabs.schedule'), content: <SchedulePanel subscription={record} /> },
              {
                value: 'prices',
                label: t('subscriptions.tabs.prices'),
                content: (
                  <ListPage
                    embedded
                    title={t('subscriptions.prices.title')}
                    method="subscriptionPrices.list"
                    defaultSort="validFrom"
                    exportName={`subscription-prices-${record.number}`}
                    filters={{ subscriptionId: record.id }}
                    newPath={can('subscriptions.configure') ? '/subscription-prices/new' : undefined}
                    newLabel={t('subscriptions.prices.new')}
                    rowPath={(r) => `/subscription-prices/${r.id}`}
                    columns={[
                      { key: 'periodCode', label: t('subscriptions.prices.period'), render: (r) => t(`enums.periodCode.${r.periodCode}`) },
                      {
                        key: 'validFrom',
                        label: t('subscriptions.prices.validFrom'),
                        sort: 'validFrom',
                        render: (r) => f.date(r.validFrom)
                      },
                      { key: 'validTo', label: t('subscriptions.prices.validTo'), render: (r) => (r.validTo ? f.date(r.validTo) : '—') },
                      {
                        key: 'amount',
                        label: t('subscriptions.prices.amount'),
                        align: 'right',
                        render: (r) => f.money(r.amount, r.currency)
                      }
                    ]}
                  />
                )
              }
            ]
          : undefined
      }
    >
      <Grid gap="sm">
        <Grid.Col span={2}>
          <TextInput
            label={t('subscriptions.field.number')}
            placeholder={t('subscriptions.field.numberAuto')}
            {...form.getInputProps('number')}
          />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={t('subscriptions.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <EntitySelect
            label={t('subscriptions.field.group')}
            withAsterisk
            list="subscriptionGroups.list"
            labelOf={(g) => `${g.code} · ${g.name}`}
            {...form.getInputProps('groupId')}
            value={form.values.groupId || null}
            onChange={(v) => form.setFieldValue('groupId', v ?? 0)}
          />
        </Grid.Col>
        <Grid.Col span={2} style={{ display: 'flex', alignItems: 'end' }}>
          <Switch label={t('subscriptions.field.active')} pb={8} {...form.getInputProps('active', { type: 'checkbox' })} />
        </Grid.Col>
        <Grid.Col span={5}>
          <EntitySelect
            label={t('subscriptions.field.customer')}
            withAsterisk
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            {...form.getInputProps('customerId')}
            value={form.values.customerId || null}
            onChange={(v) => {
              // Service objects belong to one customer: another customer's are not the subscription's.
              if (v !== form.values.customerId) form.setFieldValue('serviceObjectIds', [])
              form.setFieldValue('customerId', v ?? 0)
            }}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('subscriptions.field.agreement')}
            clearable
            list="agreements.list"
            filters={{ customerId: form.values.customerId || null }}
            labelOf={(a) => `${a.number} ${a.description}`}
            {...form.getInputProps('agreementId')}
            value={form.values.agreementId}
            onChange={(v) => form.setFieldValue('agreementId', v)}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <EntitySelect
            label={t('subscriptions.field.category')}
            clearable
            list="categories.list"
            labelOf={(c) => `${c.code} · ${c.name}`}
            {...form.getInputProps('categoryId')}
            value={form.values.categoryId}
            onChange={(v) => form.setFieldValue('categoryId', v)}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label={t('subscriptions.field.currency')} withAsterisk maxLength={3} {...form.getInputProps('currency')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label={t('subscriptions.field.basePrice')}
            withAsterisk
            error={form.errors.basePrice}
            value={form.values.basePrice}
            onChange={(v) => form.setFieldValue('basePrice', v)}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <ScaledNumberInput
            label={t('subscriptions.field.index')}
            scale={100}
            decimals={2}
            decimalSeparator=","
            error={form.errors.priceIndex}
            value={form.values.priceIndex}
            onChange={(v) => form.setFieldValue('priceIndex', v)}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <DateField
            label={t('subscriptions.field.start')}
            withAsterisk
            clearable={false}
            {...form.getInputProps('startDate')}
            value={form.values.startDate}
            onChange={(v) => form.setFieldValue('startDate', v ?? '')}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <DateField
            label={t('subscriptions.field.end')}
            {...form.getInputProps('endDate')}
            value={form.values.endDate}
            onChange={(v) => form.setFieldValue('endDate', v)}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <SmallMultiSelect
            label={t('subscriptions.field.serviceObjects')}
            placeholder={
              form.values.customerId ? t('subscriptions.field.serviceObjectsPick') : t('subscriptions.field.serviceObjectsCustomerFirst')
            }
            disabled={!form.values.customerId}
            list="serviceObjects.list"
            filters={{ customerId: form.values.customerId || null }}
            labelOf={(o) => `${o.number} ${o.name}`}
            error={form.errors.serviceObjectIds}
            value={form.values.serviceObjectIds}
            onChange={(ids) => form.setFieldValue('serviceObjectIds', ids)}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t('subscriptions.field.note')} autosize minRows={1} {...form.getInputProps('note')} />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
