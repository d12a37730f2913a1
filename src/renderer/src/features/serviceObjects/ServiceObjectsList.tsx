import { Badge } from '@mantine/core'
import { useState } from 'react'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { today } from '../../lib/today'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

export function WarrantyBadge({ warrantyEnd }: { warrantyEnd: string | null }) {
  const t = useT()
  const f = useFormat()
  if (!warrantyEnd) return null
  const inWarranty = warrantyEnd >= today()
  return (
    <Badge size="xs" variant="light" color={inWarranty ? 'teal' : 'gray'}>
      {inWarranty ? t('masterdata.serviceObjects.warrantyTo', { date: f.date(warrantyEnd) }) : t('masterdata.serviceObjects.outOfWarranty')}
    </Badge>
  )
}

export function ServiceObjectsList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const [customerId, setCustomerId] = useState<number | null>(null)
  const [groupId, setGroupId] = useState<number | null>(null)
  return (
    <ListPage
      title={t('masterdata.serviceObjects.title')}
      method="serviceObjects.list"
      defaultSort="number"
      exportName="service-objects"
      searchPlaceholder={t('masterdata.serviceObjects.search')}
      filters={{ customerId, groupId }}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={220}
            placeholder={t('masterdata.serviceObjects.anyCustomer')}
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            value={customerId}
            onChange={setCustomerId}
            aria-label={t('masterdata.serviceObjects.customerAria')}
          />
          <EntitySelect
            size="xs"
            w={180}
            placeholder={t('masterdata.filter.anyGroup')}
            list="serviceObjectGroups.list"
            labelOf={(g) => g.name}
            value={groupId}
            onChange={setGroupId}
            aria-label={t('masterdata.serviceObjects.groupAria')}
          />
        </>
      }
      newPath={can('serviceObjects.write') ? '/service-objects/new' : undefined}
      newLabel={t('masterdata.serviceObjects.new')}
      rowPath={(r) => `/service-objects/${r.id}`}
      columns={[
        { key: 'number', label: t('masterdata.field.no'), sort: 'number', width: 110 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'serialNumber', label: t('masterdata.field.serialNo'), sort: 'serialNumber' },
        { key: 'customerName', label: t('masterdata.field.customer'), sort: 'customerName' },
        { key: 'siteName', label: t('masterdata.field.site'), render: (r) => r.siteName ?? '—' },
        { key: 'groupName', label: t('masterdata.field.group'), render: (r) => r.groupName ?? '—' },
        {
          key: 'installationDate',
          label: t('masterdata.serviceObjects.installed'),
          sort: 'installationDate',
          render: (r) => f.date(r.installationDate) || '—'
        },
        {
          key: 'warrantyEnd',
          label: t('masterdata.serviceObjects.warranty'),
          sort: 'warrantyEnd',
          render: (r) => <WarrantyBadge warrantyEnd={r.warrantyEnd} />
        }
      ]}
    />
  )
}
