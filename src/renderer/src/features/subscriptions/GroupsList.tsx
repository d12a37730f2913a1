import { Button } from '@mantine/core'
import { useState } from 'react'
import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { ParametersDialog } from './ParametersDialog'

export function GroupsList() {
  const t = useT()
  const { can } = useSession()
  const [settings, setSettings] = useState(false)
  return (
    <>
      <ListPage
        title={t('subscriptions.groups.title')}
        method="subscriptionGroups.list"
        defaultSort="code"
        exportName="subscription-groups"
        searchPlaceholder={t('masterdata.field.codeOrName')}
        newPath={can('subscriptions.configure') ? '/subscription-groups/new' : undefined}
        newLabel={t('subscriptions.groups.new')}
        actions={
          <Button variant="default" onClick={() => setSettings(true)}>
            {t('subscriptions.parameters.open')}
          </Button>
        }
        rowPath={(r) => `/subscription-groups/${r.id}`}
        columns={[
          { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 140 },
          { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
          {
            key: 'invoicingPeriod',
            label: t('subscriptions.groups.invoicingPeriod'),
            width: 150,
            render: (r) => t(`enums.periodCode.${r.invoicingPeriod}`)
          },
          {
            key: 'accrualPeriod',
            label: t('subscriptions.groups.accrual'),
            width: 170,
            render: (r) => (r.accrue && r.accrualPeriod ? t(`enums.periodCode.${r.accrualPeriod}`) : t('subscriptions.groups.noAccrual'))
          },
          { key: 'numberSequence', label: t('subscriptions.groups.numberSequence'), width: 150 }
        ]}
      />
      {settings && <ParametersDialog onClose={() => setSettings(false)} />}
    </>
  )
}
