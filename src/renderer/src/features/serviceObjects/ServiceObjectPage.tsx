import { Checkbox, Grid, Select, Textarea, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { serviceObjectInput, type ServiceObjectRow } from '@shared/domain/masterdata'
import { EntitySelect } from '../../components/EntitySelect'
import { DateField } from '../../components/DateField'
import { ListPage } from '../../components/ListPage'
import { RecordPage } from '../../components/RecordPage'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { WarrantyBadge } from './ServiceObjectsList'
import { RepairHistory } from '../repair/RepairHistory'
import { StructurePanel } from '../repair/StructurePanel'
import { ObjectHistory } from '../context/ObjectHistory'

type Values = {
  number: string
  name: string
  customerId: number | null
  siteId: number | null
  itemId: number | null
  groupId: number | null
  serialNumber: string
  installationDate: string | null
  warrantyStart: string | null
  warrantyEnd: string | null
  parentId: number | null
  notes: string
  active: boolean
}

const toForm = (r: ServiceObjectRow): Values => ({
  number: r.number,
  name: r.name,
  customerId: r.customerId,
  siteId: r.siteId,
  itemId: r.itemId,
  groupId: r.groupId,
  serialNumber: r.serialNumber,
  installationDate: r.installationDate,
  warrantyStart: r.warrantyStart,
  warrantyEnd: r.warrantyEnd,
  parentId: r.parentId,
  notes: r.notes,
  active: r.active
})

export function ServiceObjectPage() {
  const { id } = useParams()
  const [search] = useSearchParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const presetCustomer = search.get('customerId')
  const e = useEditor<ServiceObjectRow, Values>({
    entity: 'serviceObjects',
    label: t('masterdata.serviceObjects.one'),
    id: recordId,
    schema: serviceObjectInput,
    empty: {
      number: '',
      name: '',
      customerId: presetCustomer ? Number(presetCustomer) : null,
      siteId: null,
      itemId: null,
      groupId: null,
      serialNumber: '',
      installationDate: null,
      warrantyStart: null,
      warrantyEnd: null,
      parentId: search.get('parentId') ? Number(search.get('parentId')) : null,
      notes: '',
      active: true
    },
    toForm,
    pathOf: (i) => `/service-objects/${i}`,
    listPath: '/service-objects'
  })
  const { form } = e
  const customerId = form.values.customerId
  const customer = useQuery({
    queryKey: ['record', 'customers', customerId ?? 0],
    queryFn: () => call('customers.get', { id: customerId! }),
    enabled: customerId !== null
  })
  const readOnly = !can('serviceObjects.write')
  // A customer with one site: a new object stands there.
  const onlySite = customer.data?.sites.length === 1 ? customer.data.sites[0]!.id : null
  const { setFieldValue } = form
  // Once per customer chosen, so that clearing the site sticks.
  const preselected = useRef<number | null>(null)
  useEffect(() => {
    if (!e.isNew || onlySite === null || preselected.current === onlySite) return
    preselected.current = onlySite
    setFieldValue('siteId', onlySite)
  }, [e.isNew, onlySite, setFieldValue])

  return (
    <RecordPage
      title={e.record ? `${e.record.number} ${e.record.name}` : t('masterdata.serviceObjects.one')}
      subtitle={
        e.record ? (
          <>
            {e.record.customerName}
            {e.record.serialNumber ? ` · ${t('masterdata.serviceObjects.serialPrefix', { serial: e.record.serialNumber })}` : ''}{' '}
            <WarrantyBadge warrantyEnd={e.record.warrantyEnd} />
          </>
        ) : undefined
      }
      listLabel={t('masterdata.serviceObjects.title')}
      listPath="/service-objects"
      editor={e}
      readOnly={readOnly}
      deleteWhat={t('masterdata.serviceObjects.deleteWhat')}
      audit={{ entity: 'serviceObject', id: recordId }}
      tabs={
        recordId === null
          ? []
          : [
              ...(can('orders.read') && e.record
                ? [
                    {
                      value: 'serviceHistory',
                      label: t('context.object.historyTab'),
                      content: <ObjectHistory serviceObjectId={recordId} customerId={e.record.customerId} number={e.record.number} />
                    }
                  ]
                : []),
              {
                value: 'components',
                label: e.record?.componentCount
                  ? t('masterdata.serviceObjects.componentsCount', { count: e.record.componentCount })
                  : t('masterdata.serviceObjects.components'),
                content: (
                  <ListPage
                    embedded
                    title={t('masterdata.serviceObjects.components')}
                    method="serviceObjects.list"
                    defaultSort="number"
                    exportName={`components-${e.record?.number ?? recordId}`}
                    filters={{ parentId: recordId }}
                    newPath={
                      can('serviceObjects.write') && e.record
                        ? `/service-objects/new?customerId=${e.record.customerId}&parentId=${recordId}`
                        : undefined
                    }
                    newLabel={t('masterdata.serviceObjects.newComponent')}
                    rowPath={(r) => `/service-objects/${r.id}`}
                    columns={[
                      { key: 'number', label: t('masterdata.field.no'), sort: 'number', width: 110 },
                      { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
                      { key: 'serialNumber', label: t('masterdata.field.serialNo'), sort: 'serialNumber' },
                      { key: 'itemName', label: t('masterdata.field.item'), render: (r) => r.itemName ?? '—' }
                    ]}
                  />
                )
              },
              { value: 'structure', label: t('repair.structure.title'), content: <StructurePanel serviceObjectId={recordId} /> },
              { value: 'repairs', label: t('repair.history.title'), content: <RepairHistory serviceObjectId={recordId} /> }
            ]
      }
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput
            label={t('masterdata.field.number')}
            placeholder={t('masterdata.field.nextFromSequence')}
            {...form.getInputProps('number')}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.serviceObjects.serialNumber')} {...form.getInputProps('serialNumber')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <EntitySelect
            label={t('masterdata.field.customer')}
            withAsterisk
            list="customers.list"
            labelOf={(c) => `${c.number} ${c.name}`}
            value={customerId}
            onChange={(v) => {
              form.setFieldValue('customerId', v)
              form.setFieldValue('siteId', null)
              form.setFieldValue('parentId', null)
            }}
            error={form.errors.customerId}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select
            label={t('masterdata.field.site')}
            placeholder={customerId === null ? t('masterdata.serviceObjects.chooseCustomerFirst') : t('masterdata.serviceObjects.noSite')}
            clearable
            data={(customer.data?.sites ?? []).map((s) => ({ value: String(s.id), label: `${s.name} — ${s.street}, ${s.city}` }))}
            value={form.values.siteId === null ? null : String(form.values.siteId)}
            onChange={(v) => form.setFieldValue('siteId', v === null ? null : Number(v))}
            error={form.errors.siteId}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('masterdata.field.item')}
            list="items.list"
            labelOf={(i) => `${i.number} ${i.name}`}
            value={form.values.itemId}
            onChange={(v) => form.setFieldValue('itemId', v)}
            error={form.errors.itemId}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('masterdata.serviceObjects.objectGroup')}
            list="serviceObjectGroups.list"
            labelOf={(g) => g.name}
            value={form.values.groupId}
            onChange={(v) => form.setFieldValue('groupId', v)}
            error={form.errors.groupId}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('masterdata.serviceObjects.componentOf')}
            placeholder={
              customerId === null ? t('masterdata.serviceObjects.chooseCustomerFirst') : t('masterdata.serviceObjects.notAComponent')
            }
            disabled={customerId === null}
            list="serviceObjects.list"
            filters={{ customerId }}
            labelOf={(o) => `${o.number} ${o.name}`}
            value={form.values.parentId}
            onChange={(v) => form.setFieldValue('parentId', v)}
            error={form.errors.parentId}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <DateField
            label={t('masterdata.serviceObjects.installed')}
            value={form.values.installationDate}
            onChange={(v) => form.setFieldValue('installationDate', v)}
            error={form.errors.installationDate}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <DateField
            label={t('masterdata.serviceObjects.warrantyStarts')}
            value={form.values.warrantyStart}
            onChange={(v) => form.setFieldValue('warrantyStart', v)}
            error={form.errors.warrantyStart}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <DateField
            label={t('masterdata.serviceObjects.warrantyEnds')}
            value={form.values.warrantyEnd}
            onChange={(v) => form.setFieldValue('warrantyEnd', v)}
            error={form.errors.warrantyEnd}
          />
        </Grid.Col>
        <Grid.Col span={3} style={{ display: 'flex', alignItems: 'end' }}>
          <Checkbox label={t('masterdata.field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t('masterdata.field.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
