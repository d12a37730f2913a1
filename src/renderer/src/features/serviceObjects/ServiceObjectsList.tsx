import { Badge } from '@mantine/core'
import { useState } from 'react'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { formatDate, today } from '../../lib/format'
import { useSession } from '../../lib/session'

export function WarrantyBadge({ warrantyEnd }: { warrantyEnd: string | null }) {
  if (!warrantyEnd) return null
  const inWarranty = warrantyEnd >= today()
  return (
    <Badge size="xs" variant="light" color={inWarranty ? 'teal' : 'gray'}>
      {inWarranty ? `warranty to ${formatDate(warrantyEnd)}` : 'out of warranty'}
    </Badge>
  )
}

export function ServiceObjectsList() {
  const { can } = useSession()
  const [customerId, setCustomerId] = useState<number | null>(null)
  const [groupId, setGroupId] = useState<number | null>(null)
  return (
    <ListPage
      title="Service objects"
      method="serviceObjects.list"
      defaultSort="number"
      exportName="service-objects"
      searchPlaceholder="Serial no., number, name, customer"
      filters={{ customerId, groupId }}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={220}
            placeholder="Any customer"
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            value={customerId}
            onChange={setCustomerId}
            aria-label="Customer filter"
          />
          <EntitySelect
            size="xs"
            w={180}
            placeholder="Any group"
            list="serviceObjectGroups.list"
            labelOf={(g) => g.name}
            value={groupId}
            onChange={setGroupId}
            aria-label="Object group filter"
          />
        </>
      }
      newPath={can('serviceObjects.write') ? '/service-objects/new' : undefined}
      newLabel="New service object"
      rowPath={(r) => `/service-objects/${r.id}`}
      columns={[
        { key: 'number', label: 'No.', sort: 'number', width: 110 },
        { key: 'name', label: 'Name', sort: 'name' },
        { key: 'serialNumber', label: 'Serial no.', sort: 'serialNumber' },
        { key: 'customerName', label: 'Customer', sort: 'customerName' },
        { key: 'siteName', label: 'Site', render: (r) => r.siteName ?? '—' },
        { key: 'groupName', label: 'Group', render: (r) => r.groupName ?? '—' },
        { key: 'installationDate', label: 'Installed', sort: 'installationDate', render: (r) => formatDate(r.installationDate) },
        { key: 'warrantyEnd', label: 'Warranty', sort: 'warrantyEnd', render: (r) => <WarrantyBadge warrantyEnd={r.warrantyEnd} /> }
      ]}
    />
  )
}
