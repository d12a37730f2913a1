import { Grid, Select, Switch, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import {
  ACCRUAL_PERIODS,
  PERIOD_CODES,
  type PeriodCode,
  subscriptionGroupInput,
  type SubscriptionGroupRow
} from '@shared/domain/subscriptions'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useEditor } from '../../lib/useEditor'

type Values = Omit<SubscriptionGroupRow, 'id' | 'version'>
const empty: Values = { code: '', name: '', invoicingPeriod: 'month', accrue: false, accrualPeriod: null, numberSequence: '' }
const toForm = ({ id: _i, version: _v, ...r }: SubscriptionGroupRow): Values => r

/** A subscription group: invoicing period, revenue accrual (only the periods the invoicing period allows), number sequence. */
export function GroupPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<SubscriptionGroupRow, Values>({
    entity: 'subscriptionGroups',
    label: t('subscriptions.groups.one'),
    id: recordId,
    schema: subscriptionGroupInput,
    empty,
    toForm,
    pathOf: (i) => `/subscription-groups/${i}`,
    listPath: '/subscription-groups'
  })
  const { form } = e
  const allowed = ACCRUAL_PERIODS[form.values.invoicingPeriod]
  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('subscriptions.groups.one')}
      listLabel={t('subscriptions.groups.title')}
      newTitle={t('subscriptions.groups.new')}
      listPath="/subscription-groups"
      editor={e}
      readOnly={!can('subscriptions.configure')}
      deleteWhat={t('subscriptions.groups.deleteWhat')}
      audit={{ entity: 'subscriptionGroup', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('subscriptions.groups.numberSequence')} {...form.getInputProps('numberSequence')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <Select
            label={t('subscriptions.groups.invoicingPeriod')}
            withAsterisk
            allowDeselect={false}
            data={PERIOD_CODES.map((p) => ({ value: p, label: t(`enums.periodCode.${p}`) }))}
            {...form.getInputProps('invoicingPeriod')}
            onChange={(v) => {
              const p = v as PeriodCode
              form.setFieldValue('invoicingPeriod', p)
              if (form.values.accrualPeriod && !ACCRUAL_PERIODS[p].includes(form.values.accrualPeriod))
                form.setFieldValue('accrualPeriod', null)
            }}
          />
        </Grid.Col>
        <Grid.Col span={3} style={{ display: 'flex', alignItems: 'end' }}>
          <Switch label={t('subscriptions.groups.accrue')} pb={8} {...form.getInputProps('accrue', { type: 'checkbox' })} />
        </Grid.Col>
        <Grid.Col span={3}>
          <Select
            label={t('subscriptions.groups.accrualPeriod')}
            description={t('subscriptions.groups.accrualHint')}
            disabled={!form.values.accrue}
            data={allowed.map((p) => ({ value: p, label: t(`enums.periodCode.${p}`) }))}
            {...form.getInputProps('accrualPeriod')}
          />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
