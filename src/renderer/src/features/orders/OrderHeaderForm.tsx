import { Button, Checkbox, Grid, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { PRIORITIES, PRIORITY_LABELS } from '@shared/domain/orders'
import { DateTimeField } from '../../components/DateTimeField'
import { EntitySelect } from '../../components/EntitySelect'
import { type NoteColumn, RelationsEditor } from '../../components/RelationsEditor'
import { call } from '../../lib/api'
import classes from './OrderPage.module.css'
import { type HeaderValues } from './useOrderEditor'

const ONE_TIME = 'one-time'

const ORDER_NOTES: NoteColumn<'note'>[] = [{ key: 'note', heading: 'Note', placeholder: 'Note', ariaLabel: (label) => `Note on ${label}` }]

interface OrderHeaderFormProps {
  form: UseFormReturnType<HeaderValues>
  isNew: boolean
  /** Every header field (office roles, while the stage allows changes). */
  canEdit: boolean
  /** Actual times and notes only (a technician on their own order). */
  canRegister: boolean
  /** The customer is fixed once the order has lines. */
  customerLocked: boolean
  timeZone: string
  onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void
  saving: boolean
}

/** The order header: customer and address, what and when, who; the related service objects and tasks. */
export function OrderHeaderForm({ form, isNew, canEdit, canRegister, customerLocked, timeZone, onSubmit, saving }: OrderHeaderFormProps) {
  const v = form.values
  const [oneTimeChosen, setOneTimeChosen] = useState(false)
  const oneTime = v.siteId === null && (oneTimeChosen || v.oneTimeAddress !== '')
  const customer = useQuery({
    queryKey: ['record', 'customers', v.customerId ?? 0],
    queryFn: () => call('customers.get', { id: v.customerId! }),
    enabled: v.customerId !== null
  })
  const sites = customer.data?.sites ?? []
  const contacts = customer.data?.contacts ?? []
  const locked = !canEdit
  const time = (
    field: 'requestedStart' | 'requestedEnd' | 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd',
    label: string,
    editable: boolean
  ) => (
    <DateTimeField
      label={label}
      timeZone={timeZone}
      disabled={!editable}
      value={v[field]}
      onChange={(ms) => form.setFieldValue(field, ms)}
      error={form.errors[field]}
    />
  )

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" className={classes.locked}>
        <Grid gap="sm">
          <Grid.Col span={6}>
            <EntitySelect
              label="Customer"
              withAsterisk
              disabled={locked || customerLocked}
              list="customers.list"
              labelOf={(c) => `${c.number} ${c.name}`}
              value={v.customerId}
              onChange={(id) => {
                form.setFieldValue('customerId', id)
                form.setFieldValue('siteId', null)
                form.setFieldValue('contactId', null)
                form.setFieldValue('objects', [])
              }}
              error={form.errors.customerId}
              data-autofocus={isNew || undefined}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select
              label="Service address"
              withAsterisk
              disabled={locked}
              placeholder={v.customerId === null ? 'Choose the customer first' : 'Choose a site'}
              data={[
                ...sites.map((s) => ({ value: String(s.id), label: `${s.name} — ${s.street}, ${s.city}` })),
                ...(v.customerId === null ? [] : [{ value: ONE_TIME, label: 'One-time address…' }])
              ]}
              value={v.siteId !== null ? String(v.siteId) : oneTime ? ONE_TIME : null}
              onChange={(s) => {
                setOneTimeChosen(s === ONE_TIME)
                form.setFieldValue('siteId', s === null || s === ONE_TIME ? null : Number(s))
                if (s !== ONE_TIME) form.setFieldValue('oneTimeAddress', '')
              }}
              error={form.errors.siteId}
            />
          </Grid.Col>
          {oneTime && (
            <Grid.Col span={12}>
              <TextInput
                label="One-time address"
                withAsterisk
                disabled={locked}
                placeholder="Street, city"
                {...form.getInputProps('oneTimeAddress')}
              />
            </Grid.Col>
          )}
          <Grid.Col span={5}>
            <TextInput label="Description" withAsterisk disabled={locked} {...form.getInputProps('description')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <Select
              label="Priority"
              disabled={locked}
              allowDeselect={false}
              data={PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
              {...form.getInputProps('priority')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <EntitySelect
              label="SLA"
              disabled={locked}
              placeholder="From agreement or customer group"
              list="slaDefinitions.list"
              labelOf={(s) => `${s.code} · ${s.name}`}
              value={v.slaId}
              onChange={(id) => form.setFieldValue('slaId', id)}
              error={form.errors.slaId}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <Select
              label="Contact"
              disabled={locked}
              clearable
              placeholder={contacts.length === 0 ? 'No contacts' : 'No contact'}
              data={contacts.map((c) => ({ value: String(c.id), label: c.phone ? `${c.name} · ${c.phone}` : c.name }))}
              value={v.contactId === null ? null : String(v.contactId)}
              onChange={(s) => form.setFieldValue('contactId', s === null ? null : Number(s))}
              error={form.errors.contactId}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <EntitySelect
              label="Preferred technician"
              disabled={locked}
              list="workers.list"
              labelOf={(w) => w.name}
              value={v.preferredWorkerId}
              onChange={(id) => form.setFieldValue('preferredWorkerId', id)}
              error={form.errors.preferredWorkerId}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <EntitySelect
              label="Responsible"
              disabled={locked}
              list="workers.list"
              labelOf={(w) => w.name}
              value={v.responsibleWorkerId}
              onChange={(id) => form.setFieldValue('responsibleWorkerId', id)}
              error={form.errors.responsibleWorkerId}
            />
          </Grid.Col>
          <Grid.Col span={4}>{time('requestedStart', 'Requested earliest', canEdit)}</Grid.Col>
          <Grid.Col span={4}>{time('plannedStart', 'Planned start', canEdit)}</Grid.Col>
          <Grid.Col span={4}>{time('actualStart', 'Actual start', canEdit || canRegister)}</Grid.Col>
          <Grid.Col span={4}>{time('requestedEnd', 'Requested latest', canEdit)}</Grid.Col>
          <Grid.Col span={4}>{time('plannedEnd', 'Planned end', canEdit)}</Grid.Col>
          <Grid.Col span={4}>{time('actualEnd', 'Actual end', canEdit || canRegister)}</Grid.Col>
          <Grid.Col span={12}>
            <Textarea label="Notes" autosize minRows={2} maxRows={8} disabled={!canEdit && !canRegister} {...form.getInputProps('notes')} />
          </Grid.Col>
        </Grid>

        <RelationsEditor form={form} disabled={locked} customerId={v.customerId} notes={ORDER_NOTES} layout="side" />

        <Group gap="md" justify="space-between">
          <Group gap="xs">
            {(canEdit || canRegister) && (
              <Button
                type="submit"
                size="sm"
                leftSection={<IconDeviceFloppy size={16} />}
                loading={saving}
                disabled={!isNew && !form.isDirty()}
              >
                {isNew ? 'Create order' : 'Save'}
              </Button>
            )}
            {!isNew && form.isDirty() && (
              <Text size="xs" c="dimmed">
                Unsaved changes
              </Text>
            )}
          </Group>
          <Checkbox
            label="Template order (lines are copied into other orders)"
            disabled={locked}
            {...form.getInputProps('isTemplate', { type: 'checkbox' })}
          />
        </Group>
      </Stack>
    </form>
  )
}

/** Service objects and tasks the order is about, each with a note (saved with the header). */
