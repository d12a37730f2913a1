import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { useSession } from '../../lib/session'

export function CustomersList() {
  const { can } = useSession()
  const [groupId, setGroupId] = useState<number | null>(null)
  const [active, setActive] = useState<string>('active')
  return (
    <ListPage
      title="Customers"
      method="customers.list"
      defaultSort="name"
      exportName="customers"
      searchPlaceholder="Name, number, e-mail, phone, VAT no."
      filters={{ groupId, active: active === 'all' ? null : active === 'active' }}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={180}
            placeholder="Any group"
            list="customerGroups.list"
            labelOf={(g) => g.name}
            value={groupId}
            onChange={setGroupId}
            aria-label="Customer group"
          />
          <Select
            size="xs"
            w={120}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
              { value: 'all', label: 'All' }
            ]}
            value={active}
            onChange={(v) => setActive(v ?? 'all')}
            aria-label="Active filter"
            allowDeselect={false}
          />
        </>
      }
      newPath={can('customers.write') ? '/customers/new' : undefined}
      newLabel="New customer"
      rowPath={(r) => `/customers/${r.id}`}
      columns={[
        { key: 'number', label: 'No.', sort: 'number', width: 90 },
        { key: 'name', label: 'Name', sort: 'name' },
        { key: 'groupName', label: 'Group', sort: 'groupName', render: (r) => r.groupName ?? '—' },
        { key: 'city', label: 'City', sort: 'city', render: (r) => r.city ?? '—' },
        { key: 'siteCount', label: 'Sites', align: 'right', width: 60 },
        { key: 'phone', label: 'Phone' },
        { key: 'email', label: 'E-mail' },
        {
          key: 'active',
          label: '',
          width: 70,
          render: (r) =>
            r.active ? null : (
              <Badge size="xs" color="gray" variant="light">
                inactive
              </Badge>
            )
        }
      ]}
    />
  )
}
