import { Grid, Select, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { PERIOD_CODES, type PeriodCode, subscriptionPriceInput, type SubscriptionPriceRow } from '@shared/domain/subscriptions'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { MoneyInput } from '../../components/MoneyInput'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { today } from '../../lib/today'
import { useEditor } from '../../lib/useEditor'

interface Values {
  periodCode: PeriodCode
  currency: string
  subscriptionId: number | null
  customerId: number | null
  categoryId: number | null
  validFrom: string
  validTo: string | null
  amount: number
}
const empty: Values = {
  periodCode: 'month',
  currency: 'EUR',
  subscriptionId: null,
  customerId: null,
  categoryId: null,
  validFrom: today(),
  validTo: null,
  amount: 0
}
const toForm = (r: SubscriptionPriceRow): Values => ({
  periodCode: r.periodCode,
  currency: r.currency,
  subscriptionId: r.subscriptionId,
  customerId: r.customerId,
  categoryId: r.categoryId,
  validFrom: r.validFrom,
  validTo: r.validTo,
  amount: r.amount
})

/** One sales price: for a period code and currency, optionally a subscription, customer and/or category, valid from–to. */
export function PricePage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<SubscriptionPriceRow, Values>({
    entity: 'subscriptionPrices',
    label: t('subscriptions.prices.one'),
    id: recordId,
    schema: subscriptionPriceInput,
    empty,
    toForm,
    pathOf: (i) => `/subscription-prices/${i}`,
    listPath: '/subscription-prices'
  })
  const { form } = e
  return (
    <RecordPage
      title={t('subscriptions.prices.one')}
      subtitle={e.record ? t('subscriptions.prices.levelText', { level: e.record.level }) : undefined}
      listLabel={t('subscriptions.prices.title')}
      newTitle={t('subscriptions.prices.new')}
      listPath="/subscription-prices"
      editor={e}
      readOnly={!can('subscriptions.configure')}
      deleteWhat={t('subscriptions.prices.deleteWhat')}
      audit={{ entity: 'subscriptionPrice', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <Select
            label={t('subscriptions.prices.period')}
            withAsterisk
            allowDeselect={false}
            data={PERIOD_CODES.map((p) => ({ value: p, label: t(`enums.periodCode.${p}`) }))}
            {...form.getInputProps('periodCode')}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label={t('subscriptions.prices.currency')} withAsterisk maxLength={3} {...form.getInputProps('currency')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <MoneyInput
            label={t('subscriptions.prices.amount')}
            withAsterisk
            error={form.errors.amount}
            value={form.values.amount}
            onChange={(v) => form.setFieldValue('amount', v)}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <DateField
            label={t('subscriptions.prices.validFrom')}
            withAsterisk
            clearable={false}
            {...form.getInputProps('validFrom')}
            value={form.values.validFrom}
            onChange={(v) => form.setFieldValue('validFrom', v ?? '')}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <DateField
            label={t('subscriptions.prices.validTo')}
            {...form.getInputProps('validTo')}
            value={form.values.validTo}
            onChange={(v) => form.setFieldValue('validTo', v)}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('subscriptions.prices.subscription')}
            clearable
            list="subscriptions.list"
            labelOf={(s) => `${s.number} ${s.name}`}
            {...form.getInputProps('subscriptionId')}
            value={form.values.subscriptionId}
            onChange={(v) => form.setFieldValue('subscriptionId', v)}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('subscriptions.prices.customer')}
            clearable
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            {...form.getInputProps('customerId')}
            value={form.values.customerId}
            onChange={(v) => form.setFieldValue('customerId', v)}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('subscriptions.prices.category')}
            clearable
            list="categories.list"
            labelOf={(c) => `${c.code} · ${c.name}`}
            {...form.getInputProps('categoryId')}
            value={form.values.categoryId}
            onChange={(v) => form.setFieldValue('categoryId', v)}
          />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
