import { Button, Checkbox, Grid, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { PRIORITIES } from '@shared/domain/orders'
import { DateTimeField } from '../../components/DateTimeField'
import { EntitySelect } from '../../components/EntitySelect'
import { type NoteColumn, RelationsEditor } from '../../components/RelationsEditor'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { useLeaveGuard } from '../../lib/leaveGuard'
import classes from './OrderPage.module.css'
import { type HeaderValues } from './useOrderEditor'

const ONE_TIME = 'one-time'

interface OrderHeaderFormProps {
  form: UseFormReturnType<HeaderValues>
  isNew: boolean
  /** Every header field (office roles, while the stage allows changes). */
  canEdit: boolean
  /** Actual times and notes only (a technician on their own order). */
  canRegister: boolean
  /** The customer is fixed once the order has lines. */
  customerLocked: boolean
  /** A generated order stays under its agreement. */
  agreementLocked?: boolean
  timeZone: string
  onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void
  saving: boolean
}

/** The order header: customer and address, what and when, who; the related service objects and tasks. */
export function OrderHeaderForm({
  form,
  isNew,
  canEdit,
  canRegister,
  customerLocked,
  agreementLocked = false,
  timeZone,
  onSubmit,
  saving
}: OrderHeaderFormProps) {
  const t = useT()
  const notes = useMemo<NoteColumn<'note'>[]>(
    () => [
      {
        key: 'note',
        heading: t('common.note'),
        placeholder: t('common.note'),
        ariaLabel: (label) => t('orders.header.noteOn', { label })
      }
    ],
    [t]
  )
  const v = form.values
  useLeaveGuard((canEdit || canRegister) && form.isDirty() && !saving, t('common.record.leaveUnsaved'))
  const [oneTimeChosen, setOneTimeChosen] = useState(false)
  const oneTime = v.siteId === null && (oneTimeChosen || v.oneTimeAddress !== '')
  const customer = useQuery({
    queryKey: ['record', 'customers', v.customerId ?? 0],
    queryFn: () => call('customers.get', { id: v.customerId! }),
    enabled: v.customerId !== null
  })
  const sites = customer.data?.sites ?? []
  const contacts = customer.data?.contacts ?? []
  // A customer with one site: the work is there (a one-time address is still one choice away).
  const onlySite = customer.data?.sites.length === 1 ? customer.data.sites[0]!.id : null
  const { setFieldValue } = form
  // Once per customer chosen, so that choosing a one-time address instead sticks.
  const preselected = useRef<number | null>(null)
  useEffect(() => {
    if (!isNew || onlySite === null || preselected.current === onlySite) return
    preselected.current = onlySite
    setFieldValue('siteId', onlySite)
  }, [isNew, onlySite, setFieldValue])
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
              label={t('orders.header.customer')}
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
                form.setFieldValue('agreementId', null)
              }}
              error={form.errors.customerId}
              data-autofocus={isNew || undefined}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select
              label={t('orders.header.serviceAddress')}
              withAsterisk
              disabled={locked}
              placeholder={v.customerId === null ? t('orders.header.customerFirst') : t('orders.header.chooseSite')}
              data={[
                ...sites.map((s) => ({ value: String(s.id), label: `${s.name} — ${s.street}, ${s.city}` })),
                ...(v.customerId === null ? [] : [{ value: ONE_TIME, label: t('orders.header.oneTimeOption') }])
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
                label={t('orders.header.oneTimeAddress')}
                withAsterisk
                disabled={locked}
                placeholder={t('orders.header.streetCity')}
                {...form.getInputProps('oneTimeAddress')}
              />
            </Grid.Col>
          )}
          <Grid.Col span={4}>
            <TextInput label={t('orders.header.description')} withAsterisk disabled={locked} {...form.getInputProps('description')} />
          </Grid.Col>
          <Grid.Col span={2}>
            <Select
              label={t('orders.header.priority')}
              disabled={locked}
              allowDeselect={false}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
              {...form.getInputProps('priority')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label={t('orders.header.sla')}
              disabled={locked}
              placeholder={t('orders.header.slaPlaceholder')}
              list="slaDefinitions.list"
              labelOf={(s) => `${s.code} · ${s.name}`}
              value={v.slaId}
              onChange={(id) => form.setFieldValue('slaId', id)}
              error={form.errors.slaId}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label={t('intake.agreement')}
              disabled={locked || agreementLocked || v.customerId === null}
              placeholder={t('intake.agreementPlaceholder')}
              list="agreements.list"
              filters={{ customerId: v.customerId ?? undefined }}
              labelOf={(a) => `${a.number} · ${a.description}`}
              value={v.agreementId}
              onChange={(id) => form.setFieldValue('agreementId', id)}
              error={form.errors.agreementId}
              data-testid="order-agreement"
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <Select
              label={t('orders.header.contact')}
              disabled={locked}
              clearable
              placeholder={contacts.length === 0 ? t('orders.header.noContacts') : t('orders.header.noContact')}
              data={contacts.map((c) => ({ value: String(c.id), label: c.phone ? `${c.name} · ${c.phone}` : c.name }))}
              value={v.contactId === null ? null : String(v.contactId)}
              onChange={(s) => form.setFieldValue('contactId', s === null ? null : Number(s))}
              error={form.errors.contactId}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <EntitySelect
              label={t('orders.header.preferredTechnician')}
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
              label={t('orders.header.responsible')}
              disabled={locked}
              list="workers.list"
              labelOf={(w) => w.name}
              value={v.responsibleWorkerId}
              onChange={(id) => form.setFieldValue('responsibleWorkerId', id)}
              error={form.errors.responsibleWorkerId}
            />
          </Grid.Col>
          <Grid.Col span={4}>{time('requestedStart', t('orders.header.requestedStart'), canEdit)}</Grid.Col>
          <Grid.Col span={4}>{time('plannedStart', t('orders.header.plannedStart'), canEdit)}</Grid.Col>
          <Grid.Col span={4}>{time('actualStart', t('orders.header.actualStart'), canEdit || canRegister)}</Grid.Col>
          <Grid.Col span={4}>{time('requestedEnd', t('orders.header.requestedEnd'), canEdit)}</Grid.Col>
          <Grid.Col span={4}>{time('plannedEnd', t('orders.header.plannedEnd'), canEdit)}</Grid.Col>
          <Grid.Col span={4}>{time('actualEnd', t('orders.header.actualEnd'), canEdit || canRegister)}</Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('orders.header.notes')}
              autosize
              minRows={2}
              maxRows={8}
              disabled={!canEdit && !canRegister}
              {...form.getInputProps('notes')}
            />
          </Grid.Col>
        </Grid>

        <RelationsEditor form={form} disabled={locked} customerId={v.customerId} notes={notes} layout="side" />

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
                {isNew ? t('orders.header.createOrder') : t('common.save')}
              </Button>
            )}
            {!isNew && form.isDirty() && (
              <Text size="xs" c="dimmed">
                {t('common.unsavedChanges')}
              </Text>
            )}
          </Group>
          <Checkbox label={t('orders.header.isTemplate')} disabled={locked} {...form.getInputProps('isTemplate', { type: 'checkbox' })} />
        </Group>
      </Stack>
    </form>
  )
}

/** Service objects and tasks the order is about, each with a note (saved with the header). */
