import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

export function CustomersList() {
  const t = useT()
  const { can } = useSession()
  const [groupId, setGroupId] = useState<number | null>(null)
  const [active, setActive] = useState<string>('active')
  return (
    <ListPage
      title={t('masterdata.customers.title')}
      method="customers.list"
      defaultSort="name"
      exportName="customers"
      searchPlaceholder={t('masterdata.customers.search')}
      filters={{ groupId, active: active === 'all' ? null : active === 'active' }}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={180}
            placeholder={t('masterdata.filter.anyGroup')}
            list="customerGroups.list"
            labelOf={(g) => g.name}
            value={groupId}
            onChange={setGroupId}
            aria-label={t('masterdata.customers.groupAria')}
          />
          <Select
            size="xs"
            w={120}
            data={[
              { value: 'active', label: t('masterdata.filter.active') },
              { value: 'inactive', label: t('masterdata.filter.inactive') },
              { value: 'all', label: t('masterdata.filter.all') }
            ]}
            value={active}
            onChange={(v) => setActive(v ?? 'all')}
            aria-label={t('masterdata.filter.activeAria')}
            allowDeselect={false}
          />
        </>
      }
      newPath={can('customers.write') ? '/customers/new' : undefined}
      newLabel={t('masterdata.customers.new')}
      rowPath={(r) => `/customers/${r.id}`}
      columns={[
        { key: 'number', label: t('masterdata.field.no'), sort: 'number', width: 90 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'groupName', label: t('masterdata.field.group'), sort: 'groupName', render: (r) => r.groupName ?? '—' },
        { key: 'city', label: t('masterdata.field.city'), sort: 'city', render: (r) => r.city ?? '—' },
        { key: 'siteCount', label: t('masterdata.customers.sites'), align: 'right', width: 60 },
        { key: 'phone', label: t('masterdata.field.phone') },
        { key: 'email', label: t('masterdata.field.email') },
        {
          key: 'active',
          label: '',
          width: 70,
          render: (r) =>
            r.active ? null : (
              <Badge size="xs" color="gray" variant="light">
                {t('masterdata.filter.inactiveBadge')}
              </Badge>
            )
        }
      ]}
    />
  )
}
