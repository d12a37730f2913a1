import { Button, Grid, Select, Switch, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useParams } from 'react-router'
import {
  ACCRUAL_PERIODS,
  PERIOD_CODES,
  type PeriodCode,
  subscriptionGroupInput,
  type SubscriptionGroupRow
} from '@shared/domain/subscriptions'
import { ListPage } from '../../components/ListPage'
import { RecordPage } from '../../components/RecordPage'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useEditor } from '../../lib/useEditor'
import { GroupUpdateDialog } from './GroupUpdateDialog'

type Values = Omit<SubscriptionGroupRow, 'id' | 'version'>
const empty: Values = { code: '', name: '', invoicingPeriod: 'month', accrue: false, accrualPeriod: null, numberSequence: '' }
const toForm = ({ id: _i, version: _v, ...r }: SubscriptionGroupRow): Values => r

/** A subscription group: invoicing period, revenue accrual (only the periods the invoicing period allows), number sequence. */
export function GroupPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const f = useFormat()
  const [updating, setUpdating] = useState(false)
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
  const group = e.record
  return (
    <>
      <RecordPage
        title={e.record ? `${e.record.code} · ${e.record.name}` : t('subscriptions.groups.one')}
        listLabel={t('subscriptions.groups.title')}
        newTitle={t('subscriptions.groups.new')}
        listPath="/subscription-groups"
        editor={e}
        readOnly={!can('subscriptions.configure')}
        deleteWhat={t('subscriptions.groups.deleteWhat')}
        audit={{ entity: 'subscriptionGroup', id: recordId }}
        tabs={
          group
            ? [
                {
                  value: 'subscriptions',
                  label: t('subscriptions.title'),
                  content: (
                    <ListPage
                      embedded
                      title={t('subscriptions.title')}
                      method="subscriptions.list"
                      defaultSort="number"
                      exportName={`subscriptions-${group.code}`}
                      filters={{ groupId: group.id }}
                      rowPath={(r) => `/subscriptions/${r.id}`}
                      actions={
                        can('subscriptions.configure') ? (
                          <Button variant="default" onClick={() => setUpdating(true)}>
                            {t('subscriptions.groupUpdate.open')}
                          </Button>
                        ) : undefined
                      }
                      columns={[
                        { key: 'number', label: t('subscriptions.col.number'), sort: 'number', width: 130 },
                        { key: 'name', label: t('subscriptions.col.name'), sort: 'name' },
                        { key: 'customerName', label: t('subscriptions.col.customer'), sort: 'customerName' },
                        {
                          key: 'basePrice',
                          label: t('subscriptions.col.basePrice'),
                          sort: 'basePrice',
                          align: 'right',
                          render: (r) => f.money(r.basePrice, r.currency)
                        },
                        {
                          key: 'priceIndex',
                          label: t('subscriptions.col.index'),
                          align: 'right',
                          render: (r) => f.index(r.priceIndex)
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
      {updating && group && <GroupUpdateDialog group={group} onClose={() => setUpdating(false)} />}
    </>
  )
}
