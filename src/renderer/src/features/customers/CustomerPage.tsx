import { ActionIcon, Button, Checkbox, Grid, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useParams } from 'react-router'
import { LANGUAGE_LABELS, LANGUAGES, customerInput, type CustomerRow } from '@shared/domain/masterdata'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { RecordPage } from '../../components/RecordPage'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'

const emptySite = { name: '', street: '', city: '', postalCode: '', country: 'EE', accessNotes: '' }
const emptyContact = { name: '', role: '', phone: '', email: '' }

type Values = {
  name: string
  groupId: number | null
  language: (typeof LANGUAGES)[number]
  email: string
  phone: string
  vatNumber: string
  billingAddress: string
  notes: string
  active: boolean
  sites: (typeof emptySite & { id?: number })[]
  contacts: (typeof emptyContact & { id?: number })[]
}

const empty: Values = {
  name: '',
  groupId: null,
  language: 'et',
  email: '',
  phone: '',
  vatNumber: '',
  billingAddress: '',
  notes: '',
  active: true,
  sites: [{ ...emptySite, name: 'Main site' }],
  contacts: []
}

const toForm = (r: CustomerRow): Values => ({
  name: r.name,
  groupId: r.groupId,
  language: r.language,
  email: r.email,
  phone: r.phone,
  vatNumber: r.vatNumber,
  billingAddress: r.billingAddress,
  notes: r.notes,
  active: r.active,
  sites: r.sites,
  contacts: r.contacts
})

export function CustomerPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can } = useSession()
  const e = useEditor<CustomerRow, Values>({
    entity: 'customers',
    label: 'Customer',
    id: recordId,
    schema: customerInput,
    empty,
    toForm,
    pathOf: (i) => `/customers/${i}`,
    listPath: '/customers'
  })
  const { form } = e
  const readOnly = !can('customers.write')

  return (
    <RecordPage
      title={e.record ? `${e.record.number} ${e.record.name}` : 'Customer'}
      subtitle={e.record?.groupName ?? undefined}
      listLabel="Customers"
      listPath="/customers"
      editor={e}
      readOnly={readOnly}
      deleteWhat="the customer with its sites and contacts"
      audit={{ entity: 'customer', id: recordId }}
      tabs={
        recordId === null
          ? []
          : [
              {
                value: 'objects',
                label: 'Service objects',
                content: (
                  <ListPage
                    embedded
                    title="Service objects"
                    method="serviceObjects.list"
                    defaultSort="number"
                    exportName={`service-objects-${e.record?.number ?? recordId}`}
                    filters={{ customerId: recordId }}
                    newPath={can('serviceObjects.write') ? `/service-objects/new?customerId=${recordId}` : undefined}
                    newLabel="New service object"
                    rowPath={(r) => `/service-objects/${r.id}`}
                    columns={[
                      { key: 'number', label: 'No.', sort: 'number', width: 110 },
                      { key: 'name', label: 'Name', sort: 'name' },
                      { key: 'serialNumber', label: 'Serial no.', sort: 'serialNumber' },
                      { key: 'siteName', label: 'Site', render: (r) => r.siteName ?? '—' },
                      { key: 'parentName', label: 'Part of', render: (r) => r.parentName ?? '—' }
                    ]}
                  />
                )
              }
            ]
      }
    >
      <Stack gap="md">
        <Grid gap="sm">
          <Grid.Col span={6}>
            <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label="Customer group"
              list="customerGroups.list"
              labelOf={(g) => `${g.code} · ${g.name}`}
              value={form.values.groupId}
              onChange={(v) => form.setFieldValue('groupId', v)}
              error={form.errors.groupId}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <Select
              label="Language"
              data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }))}
              allowDeselect={false}
              {...form.getInputProps('language')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label="Phone" {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label="E-mail" {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <TextInput label="VAT number" {...form.getInputProps('vatNumber')} />
          </Grid.Col>
          <Grid.Col span={3} style={{ display: 'flex', alignItems: 'end' }}>
            <Checkbox label="Active" {...form.getInputProps('active', { type: 'checkbox' })} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Textarea label="Billing address" autosize minRows={2} {...form.getInputProps('billingAddress')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
          </Grid.Col>
        </Grid>

        <div>
          <Group justify="space-between" mb={4}>
            <Title order={5}>Sites (service addresses)</Title>
            {!readOnly && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('sites', { ...emptySite })}
              >
                Add site
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
                <Table.Th w="18%">Name</Table.Th>
                <Table.Th w="26%">Street</Table.Th>
                <Table.Th w="14%">City</Table.Th>
                <Table.Th w="10%">Postal code</Table.Th>
                <Table.Th w="7%">Country</Table.Th>
                <Table.Th>Access notes</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.sites.map((s, i) => (
                <Table.Tr key={s.id ?? `new-${i}`}>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Site ${i + 1} name`} {...form.getInputProps(`sites.${i}.name`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Site ${i + 1} street`} {...form.getInputProps(`sites.${i}.street`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Site ${i + 1} city`} {...form.getInputProps(`sites.${i}.city`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Site ${i + 1} postal code`} {...form.getInputProps(`sites.${i}.postalCode`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Site ${i + 1} country`} {...form.getInputProps(`sites.${i}.country`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Site ${i + 1} access notes`} {...form.getInputProps(`sites.${i}.accessNotes`)} />
                  </Table.Td>
                  <Table.Td>
                    {!readOnly && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove site ${i + 1}`}
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
            <Title order={5}>Contacts</Title>
            {!readOnly && (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => form.insertListItem('contacts', { ...emptyContact })}
              >
                Add contact
              </Button>
            )}
          </Group>
          {form.values.contacts.length === 0 ? (
            <Text size="sm" c="dimmed">
              No contacts.
            </Text>
          ) : (
            <Table verticalSpacing={4} withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Phone</Table.Th>
                  <Table.Th>E-mail</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.values.contacts.map((c, i) => (
                  <Table.Tr key={c.id ?? `new-${i}`}>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Contact ${i + 1} name`} {...form.getInputProps(`contacts.${i}.name`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Contact ${i + 1} role`} {...form.getInputProps(`contacts.${i}.role`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Contact ${i + 1} phone`} {...form.getInputProps(`contacts.${i}.phone`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`Contact ${i + 1} e-mail`} {...form.getInputProps(`contacts.${i}.email`)} />
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove contact ${i + 1}`}
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
