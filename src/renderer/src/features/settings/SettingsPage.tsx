import {
  ActionIcon,
  Alert,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Radio,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title
} from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { schemaResolver, useForm } from '@mantine/form'
import { IconAlertTriangle, IconDeviceFloppy, IconLock, IconPlus, IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { settingsInput, type Settings } from '@shared/domain/system'
import recordClasses from '../../components/RecordPage.module.css'
import { ScaledNumberInput } from '../../components/ScaledNumberInput'
import { WeekHoursEditor } from '../../components/WeekHoursEditor'
import { call, isApiError } from '../../lib/api'
import { parseTypedDate } from '../../lib/dates'
import { notifySaved, showApiError } from '../../lib/forms'
import { AuditTrail } from '../audit/AuditTrail'
import { authKeys, useSession } from '../auth/queries'
import { settingsKeys, settingsQuery } from './queries'
import { timeZoneOptions } from './timeZones'

type Values = Omit<Settings, 'version'>

const toForm = ({ version: _v, ...rest }: Settings): Values => rest

const empty: Values = {
  companyName: '',
  companyAddress: '',
  companyRegNo: '',
  companyVatNumber: '',
  currency: 'EUR',
  timeZone: 'Europe/Tallinn',
  vatRates: [],
  workingHours: [],
  holidays: [],
  slaAtRiskMinutes: 120,
  slaReasonRequired: true,
  dispatchPastLimitHours: 24
}

/**
 * The company's settings: one record, not a list. Saves carry the version they read (a stale save shows
 * the conflict banner with reload, as every record page does); read-only for roles without settings.write.
 */
export function SettingsPage() {
  const { can } = useSession()
  const readOnly = !can('settings.write')
  const qc = useQueryClient()
  const [conflict, setConflict] = useState(false)
  const settings = useQuery(settingsQuery)
  const form = useForm<Values>({ initialValues: empty, validate: schemaResolver(settingsInput, { sync: true }) })

  // Fill the form whenever a version arrives (first load, after a save, after a reload); nothing refetches
  // on its own, so unsaved edits are never replaced behind the user's back.
  const { setValues, resetDirty } = form
  useEffect(() => {
    if (!settings.data) return
    setValues(toForm(settings.data))
    resetDirty(toForm(settings.data))
  }, [settings.data, setValues, resetDirty])

  const save = useMutation({
    mutationFn: (values: Values) => {
      const parsed = settingsInput.parse(values)
      return call('settings.update', { ...parsed, version: settings.data!.version })
    },
    onSuccess: (row) => {
      setConflict(false)
      qc.setQueryData(settingsKeys.one, row)
      // The company name is shown in the header.
      void qc.invalidateQueries({ queryKey: authKeys.status })
      notifySaved('Settings')
    },
    onError: (e) => {
      if (isApiError(e, 'CONFLICT')) setConflict(true)
      showApiError(e, form)
    }
  })

  const reload = async () => {
    setConflict(false)
    await settings.refetch()
  }

  const zones = useMemo(() => timeZoneOptions(form.values.timeZone), [form.values.timeZone])

  if (settings.isLoading) return <Loader m="xl" />
  if (settings.error) {
    return (
      <Alert color="red" title="Cannot open the settings">
        {settings.error.message}
      </Alert>
    )
  }

  const dirty = form.isDirty()
  const v = form.values
  const setDefaultRate = (index: number) =>
    form.setFieldValue(
      'vatRates',
      v.vatRates.map((r, i) => ({ ...r, isDefault: i === index }))
    )

  const body = (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <fieldset disabled={readOnly} className={`${recordClasses.fieldset} ${readOnly ? recordClasses.readOnly : ''}`}>
        <Stack gap="md">
          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              Company
            </Title>
            <Grid gap="sm">
              <Grid.Col span={6}>
                <TextInput label="Company name" withAsterisk {...form.getInputProps('companyName')} />
              </Grid.Col>
              <Grid.Col span={3}>
                <TextInput label="Registry code" {...form.getInputProps('companyRegNo')} />
              </Grid.Col>
              <Grid.Col span={3}>
                <TextInput label="VAT number" {...form.getInputProps('companyVatNumber')} />
              </Grid.Col>
              <Grid.Col span={6}>
                <Textarea label="Address" autosize minRows={2} {...form.getInputProps('companyAddress')} />
              </Grid.Col>
              <Grid.Col span={2}>
                <TextInput label="Currency" maxLength={3} {...form.getInputProps('currency')} onChange={(e) => form.setFieldValue('currency', e.currentTarget.value.toUpperCase())} />
              </Grid.Col>
              <Grid.Col span={4}>
                <Select
                  label="Time zone"
                  description="Working hours, SLA clocks and dates run in this zone"
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  searchable
                  allowDeselect={false}
                  data={zones}
                  limit={400}
                  {...form.getInputProps('timeZone')}
                />
              </Grid.Col>
            </Grid>
          </Paper>

          <Paper withBorder p="md">
            <Group justify="space-between" mb={4}>
              <Title order={5}>VAT rates</Title>
              {!readOnly && (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => form.insertListItem('vatRates', { code: '', name: '', rate: 0, isDefault: v.vatRates.length === 0 })}
                >
                  Add VAT rate
                </Button>
              )}
            </Group>
            {form.errors.vatRates && (
              <Text c="red" size="xs" mb={4}>
                {form.errors.vatRates}
              </Text>
            )}
            <Table verticalSpacing={4} withTableBorder fz="sm" data-testid="vat-rates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>Code</Table.Th>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={130}>Rate</Table.Th>
                  <Table.Th w={80} ta="center">
                    Default
                  </Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.vatRates.map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`VAT rate ${i + 1} code`} {...form.getInputProps(`vatRates.${i}.code`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`VAT rate ${i + 1} name`} {...form.getInputProps(`vatRates.${i}.name`)} />
                    </Table.Td>
                    <Table.Td>
                      <ScaledNumberInput
                        size="xs"
                        aria-label={`VAT rate ${i + 1} rate`}
                        rightSection="%"
                        decimalSeparator=","
                        rightSectionPointerEvents="none"
                        max={100}
                        value={r.rate}
                        onChange={(n) => form.setFieldValue(`vatRates.${i}.rate`, n)}
                        error={form.errors[`vatRates.${i}.rate`]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group justify="center">
                        <Radio size="xs" aria-label={`VAT rate ${i + 1} is the default`} name="defaultVatRate" checked={r.isDefault} onChange={() => setDefaultRate(i)} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon variant="subtle" color="red" aria-label={`Remove VAT rate ${i + 1}`} onClick={() => form.removeListItem('vatRates', i)}>
                          <IconTrash size={14} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>

          <SimpleGrid cols={2} spacing="md">
            <Paper withBorder p="md">
              <Title order={5} mb={4}>
                Working calendar
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                The company's week; workers without their own hours follow it.
              </Text>
              <WeekHoursEditor
                value={v.workingHours}
                onChange={(w) => form.setFieldValue('workingHours', w)}
                errorOf={(day, field) => form.errors[`workingHours.${day}.${field}`]}
                error={form.errors.workingHours}
              />
            </Paper>

            <Paper withBorder p="md">
              <Group justify="space-between" mb={4}>
                <Title order={5}>Holidays</Title>
                {!readOnly && (
                  <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('holidays', { date: '', name: '' })}>
                    Add holiday
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed" mb="xs">
                Days off for everybody; they are saved in date order.
              </Text>
              {form.errors.holidays && (
                <Text c="red" size="xs" mb={4}>
                  {form.errors.holidays}
                </Text>
              )}
              {v.holidays.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No holidays.
                </Text>
              ) : (
                <Table verticalSpacing={4} withTableBorder fz="sm" data-testid="holidays">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={150}>Date</Table.Th>
                      <Table.Th>Name</Table.Th>
                      <Table.Th w={40} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {v.holidays.map((h, i) => {
                      const dateError = form.errors[`holidays.${i}.date`]
                      return (
                        <Table.Tr key={i}>
                          <Table.Td>
                            <DateInput
                              size="xs"
                              aria-label={`Holiday ${i + 1} date`}
                              valueFormat="DD.MM.YYYY"
                              dateParser={(text) => parseTypedDate(text)}
                              placeholder="dd.mm.yyyy"
                              value={h.date || null}
                              onChange={(d) => form.setFieldValue(`holidays.${i}.date`, d ?? '')}
                              error={dateError && h.date === '' ? 'Pick a date' : dateError}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput size="xs" aria-label={`Holiday ${i + 1} name`} {...form.getInputProps(`holidays.${i}.name`)} />
                          </Table.Td>
                          <Table.Td>
                            {!readOnly && (
                              <ActionIcon variant="subtle" color="red" aria-label={`Remove holiday ${i + 1}`} onClick={() => form.removeListItem('holidays', i)}>
                                <IconTrash size={14} />
                              </ActionIcon>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </SimpleGrid>

          <Paper withBorder p="md">
            <Title order={5} mb="xs">
              Dispatch and service levels
            </Title>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              <NumberInput
                label="At risk when SLA time left is at most (minutes)"
                description="Business minutes; shown amber on lists and the board"
                min={0}
                allowDecimal={false}
                {...form.getInputProps('slaAtRiskMinutes')}
              />
              <NumberInput
                label="Planning in the past allowed (hours)"
                description="The board refuses drops further back than this"
                min={0}
                allowDecimal={false}
                {...form.getInputProps('dispatchPastLimitHours')}
              />
              <Switch
                mt="lg"
                label="Reason code required for a missed target or a cancelled clock"
                {...form.getInputProps('slaReasonRequired', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </Paper>

          {!readOnly && (
            <Group gap="xs">
              <Button type="submit" size="sm" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!dirty}>
                Save
              </Button>
              {dirty && (
                <Text size="xs" c="dimmed">
                  Unsaved changes
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  )

  return (
    <Stack gap="sm" maw={1100}>
      <div>
        <Title order={3}>Settings</Title>
        <Text size="sm" c="dimmed">
          {settings.data?.companyName}
        </Text>
      </div>
      {readOnly && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} data-testid="read-only-notice">
          Your role can view the settings but not change them.
        </Alert>
      )}
      {conflict && (
        <Alert variant="light" color="orange" icon={<IconAlertTriangle size={16} />} title="Changed by someone else" data-testid="conflict-alert">
          <Group gap="sm">
            <Text size="sm">The settings were saved elsewhere after you opened them. Your edits are still on screen; reload to see the current version.</Text>
            <Button size="xs" variant="light" color="orange" onClick={reload}>
              Reload
            </Button>
          </Group>
        </Alert>
      )}
      {can('audit.read') ? (
        <Tabs defaultValue="settings" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="settings">Settings</Tabs.Tab>
            <Tabs.Tab value="history">History</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="settings" pt="sm">
            {body}
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="sm">
            <AuditTrail entity="settings" entityId={1} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        body
      )}
    </Stack>
  )
}
