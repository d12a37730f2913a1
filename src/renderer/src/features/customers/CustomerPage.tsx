import {
  ActionIcon,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { LANGUAGES, customerInput, type CustomerRow } from '@shared/domain/masterdata'
import { CoordinateInputs } from '../../components/CoordinateInputs'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { RecordPage } from '../../components/RecordPage'
import { CustomerInvoices } from '../invoices/CustomerInvoices'
import { CustomerAgreements, CustomerBalance, CustomerOrders, CustomerSla } from '../context/CustomerContext'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { useCountryOptions } from '../../lib/countries'
import { settingsQuery } from '../../lib/settings'

const emptySite = {
  name: '',
  street: '',
  city: '',
  postalCode: '',
  country: 'EE',
  accessNotes: '',
  latitude: null as number | null,
  longitude: null as number | null
}
const emptyContact = { name: '', role: '', phone: '', email: '' }

type Values = {
  name: string
  groupId: number | null
  language: (typeof LANGUAGES)[number]
  email: string
  phone: string
  vatNumber: string
  registryCode: string
  country: string
  billingAddress: string
  paymentTermsDays: number | null
  invoiceEmail: string
  einvoiceAddress: string
  notes: string
  active: boolean
  sites: (typeof emptySite & { id?: number })[]
  contacts: (typeof emptyContact & { id?: number })[]
}

const emptyCustomer = (mainSite: string): Values => ({
  name: '',
  groupId: null,
  language: 'et',
  email: '',
  phone: '',
  vatNumber: '',
  registryCode: '',
  country: 'EE',
  billingAddress: '',
  paymentTermsDays: null,
  invoiceEmail: '',
  einvoiceAddress: '',
  notes: '',
  active: true,
  sites: [{ ...emptySite, name: mainSite }],
  contacts: []
})

const toForm = (r: CustomerRow): Values => ({
  name: r.name,
  groupId: r.groupId,
  language: r.language,
  email: r.email,
  phone: r.phone,
  vatNumber: r.vatNumber,
  registryCode: r.registryCode,
  country: r.country,
  billingAddress: r.billingAddress,
  paymentTermsDays: r.paymentTermsDays,
  invoiceEmail: r.invoiceEmail,
  einvoiceAddress: r.einvoiceAddress,
  notes: r.notes,
  active: r.active,
  sites: r.sites,
  contacts: r.contacts
})

export function CustomerPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<CustomerRow, Values>({
    entity: 'customers',
    label: t('masterdata.customers.one'),
    id: recordId,
    schema: customerInput,
    empty: emptyCustomer(t('masterdata.customers.mainSite')),
    toForm,
    pathOf: (i) => `/customers/${i}`,
    listPath: '/customers'
  })
  const { form } = e
  const readOnly = !can('customers.write')
  const countries = useCountryOptions()
  // The company's payment terms, shown where the customer's own are left empty.
  const settings = useQuery(settingsQuery)

  return (
    <RecordPage
      title={e.record ? `${e.record.number} ${e.record.name}` : t('masterdata.customers.one')}
      subtitle={
        e.record && (
          <>
            {e.record.groupName}
            {e.record.groupName && can('invoices.read') && ' · '}
            {can('invoices.read') && <CustomerBalance customerId={e.record.id} />}
          </>
        )
      }
      listLabel={t('masterdata.customers.title')}
      listPath="/customers"
      editor={e}
      readOnly={readOnly}
      deleteWhat={t('masterdata.customers.deleteWhat')}
      audit={{ entity: 'customer', id: recordId }}
      tabs={
        recordId === null
          ? []
          : [
              ...(can('orders.read')
                ? [
                    {
                      value: 'orders',
                      label: t('context.customer.ordersTab'),
                      content: <CustomerOrders customerId={recordId} number={e.record?.number ?? String(recordId)} />
                    }
                  ]
                : []),
              {
                value: 'agreements',
                label: t('context.customer.agreementsTab'),
                content: <CustomerAgreements customerId={recordId} number={e.record?.number ?? String(recordId)} />
              },
              {
                value: 'objects',
                label: t('masterdata.serviceObjects.title'),
                content: (
                  <ListPage
                    embedded
                    title={t('masterdata.serviceObjects.title')}
                    method="serviceObjects.list"
                    defaultSort="number"
                    exportName={`service-objects-${e.record?.number ?? recordId}`}
                    filters={{ customerId: recordId }}
                    newPath={can('serviceObjects.write') ? `/service-objects/new?customerId=${recordId}` : undefined}
                    newLabel={t('masterdata.serviceObjects.new')}
                    rowPath={(r) => `/service-objects/${r.id}`}
                    columns={[
                      { key: 'number', label: t('masterdata.field.no'), sort: 'number', width: 110 },
                      { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
                      { key: 'serialNumber', label: t('masterdata.field.serialNo'), sort: 'serialNumber' },
                      { key: 'siteName', label: t('masterdata.field.site'), render: (r) => r.siteName ?? '—' },
                      { key: 'parentName', label: t('masterdata.serviceObjects.partOf'), render: (r) => r.parentName ?? '—' }
                    ]}
                  />
                )
              },
              ...(can('invoices.read')
                ? [
                    {
                      value: 'invoices',
                      label: t('invoices.balance.tab'),
                      content: <CustomerInvoices customerId={recordId} exportName={`invoices-${e.record?.number ?? recordId}`} />
                    }
                  ]
                : []),
              ...(can('orders.read')
                ? [
                    {
                      value: 'sla',
                      label: t('context.customer.slaTab'),
                      content: (
                        <CustomerSla customerId={recordId} number={e.record?.number ?? String(recordId)} canReport={can('sla.report')} />
                      )
                    }
                  ]
                : [])
            ]
      }
    >
      <Stack gap="md">
        <Grid gap="sm">
          <Grid.Col span={6}>
            <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label={t('masterdata.customers.group')}
              list="customerGroups.list"
              labelOf={(g) => `${g.code} · ${g.name}`}
              value={form.values.groupId}
              onChange={(v) => form.setFieldValue('groupId', v)}
              error={form.errors.groupId}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <Select
              label={t('masterdata.customers.language')}
              data={LANGUAGES.map((l) => ({ value: l, label: t(`enums.customerLanguage.${l}`) }))}
              allowDeselect={false}
              {...form.getInputProps('language')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={t('masterdata.field.phone')} {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={t('masterdata.field.email')} {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput
              label={t('masterdata.customers.invoiceEmail')}
              placeholder={form.values.email || undefined}
              {...form.getInputProps('invoiceEmail')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput
              label={t('masterdata.customers.einvoiceAddress')}
              placeholder={t('masterdata.customers.einvoiceAddressExample')}
              {...form.getInputProps('einvoiceAddress')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <Select
              label={t('masterdata.customers.country')}
              data={countries}
              searchable
              allowDeselect={false}
              {...form.getInputProps('country')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={t('masterdata.customers.registryCode')} {...form.getInputProps('registryCode')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label={t('masterdata.customers.vatNumber')} {...form.getInputProps('vatNumber')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <NumberInput
              label={t('masterdata.customers.paymentTerms')}
              placeholder={
                settings.data ? t('masterdata.customers.paymentTermsCompany', { days: settings.data.paymentTermsDays }) : undefined
              }
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              value={form.values.paymentTermsDays ?? ''}
              onChange={(v) => form.setFieldValue('paymentTermsDays', v === '' ? null : Number(v))}
              error={form.errors.paymentTermsDays}
            />
          </Grid.Col>
          <Grid.Col span={5}>
            <Textarea label={t('masterdata.customers.billingAddress')} autosize minRows={2} {...form.getInputProps('billingAddress')} />
          </Grid.Col>
          <Grid.Col span={5}>
            <Textarea label={t('masterdata.field.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          </Grid.Col>
          <Grid.Col span={2} style={{ display: 'flex', alignItems: 'end' }}>
            <Checkbox label={t('masterdata.field.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          </Grid.Col>
        </Grid>

        <div>
          <Group justify="space-between" mb={4}>
            <Title order={5}>{t('masterdata.customers.sitesTitle')}</Title>
            {!readOnly && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('sites', { ...emptySite })}
              >
                {t('masterdata.customers.addSite')}
              </Button>
            )}
          </Group>
          {form.errors.sites && (
            <Text c="red" size="xs">
              {form.errors.sites}
            </Text>
          )}
          <Table verticalSpacing={4} withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="15%">{t('masterdata.field.name')}</Table.Th>
                <Table.Th w="20%">{t('masterdata.customers.street')}</Table.Th>
                <Table.Th w="11%">{t('masterdata.field.city')}</Table.Th>
                <Table.Th w="8%">{t('masterdata.customers.postalCode')}</Table.Th>
                <Table.Th w="6%">{t('masterdata.customers.country')}</Table.Th>
                <Table.Th w="18%">{t('masterdata.customers.coordinates')}</Table.Th>
                <Table.Th>{t('masterdata.customers.accessNotes')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.sites.map((s, i) => (
                <Table.Tr key={s.id ?? `new-${i}`}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('masterdata.customers.siteName', { n: i + 1 })}
                      {...form.getInputProps(`sites.${i}.name`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('masterdata.customers.siteStreet', { n: i + 1 })}
                      {...form.getInputProps(`sites.${i}.street`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('masterdata.customers.siteCity', { n: i + 1 })}
                      {...form.getInputProps(`sites.${i}.city`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('masterdata.customers.sitePostalCode', { n: i + 1 })}
                      {...form.getInputProps(`sites.${i}.postalCode`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('masterdata.customers.siteCountry', { n: i + 1 })}
                      {...form.getInputProps(`sites.${i}.country`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <CoordinateInputs
                      size="xs"
                      labels={{
                        latitude: t('masterdata.customers.siteLatitude', { n: i + 1 }),
                        longitude: t('masterdata.customers.siteLongitude', { n: i + 1 }),
                        visible: false
                      }}
                      value={{ latitude: s.latitude, longitude: s.longitude }}
                      onChange={(p) => {
                        form.setFieldValue(`sites.${i}.latitude`, p.latitude)
                        form.setFieldValue(`sites.${i}.longitude`, p.longitude)
                      }}
                      errors={{ latitude: form.errors[`sites.${i}.latitude`], longitude: form.errors[`sites.${i}.longitude`] }}
                      testId={`site-${i}-coordinates`}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('masterdata.customers.siteAccessNotes', { n: i + 1 })}
                      {...form.getInputProps(`sites.${i}.accessNotes`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('masterdata.customers.removeSite', { n: i + 1 })}
                        onClick={() => form.removeListItem('sites', i)}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>

        <div>
          <Group justify="space-between" mb={4}>
            <Title order={5}>{t('masterdata.customers.contacts')}</Title>
            {!readOnly && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('contacts', { ...emptyContact })}
              >
                {t('masterdata.customers.addContact')}
              </Button>
            )}
          </Group>
          {form.values.contacts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('masterdata.customers.noContacts')}
            </Text>
          ) : (
            <Table verticalSpacing={4} withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('masterdata.field.name')}</Table.Th>
                  <Table.Th>{t('masterdata.customers.role')}</Table.Th>
                  <Table.Th>{t('masterdata.field.phone')}</Table.Th>
                  <Table.Th>{t('masterdata.field.email')}</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.values.contacts.map((c, i) => (
                  <Table.Tr key={c.id ?? `new-${i}`}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={t('masterdata.customers.contactName', { n: i + 1 })}
                        {...form.getInputProps(`contacts.${i}.name`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={t('masterdata.customers.contactRole', { n: i + 1 })}
                        {...form.getInputProps(`contacts.${i}.role`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={t('masterdata.customers.contactPhone', { n: i + 1 })}
                        {...form.getInputProps(`contacts.${i}.phone`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={t('masterdata.customers.contactEmail', { n: i + 1 })}
                        {...form.getInputProps(`contacts.${i}.email`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('masterdata.customers.removeContact', { n: i + 1 })}
                          onClick={() => form.removeListItem('contacts', i)}
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </Stack>
    </RecordPage>
  )
}
