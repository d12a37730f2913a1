import { Button, Checkbox, Grid, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { COMBINE_RULES } from '@shared/domain/agreements'
import type { T } from '@shared/i18n/i18n'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { type NoteColumn, RelationsEditor } from '../../components/RelationsEditor'
import { call } from '../../lib/api'
import { useT } from '../../lib/i18n'
import classes from './AgreementPage.module.css'
import { templateGroupsQuery } from './queries'
import { treeOrder } from './setup/tree'
import { type HeaderValues } from './useAgreementEditor'

const agreementNotes = (t: T): NoteColumn<'internalNote' | 'externalNote'>[] => [
  {
    key: 'internalNote',
    heading: t('agreements.header.internalNote'),
    placeholder: '—',
    ariaLabel: (label) => t('agreements.header.internalNoteOn', { label })
  },
  {
    key: 'externalNote',
    heading: t('agreements.header.externalNote'),
    placeholder: '—',
    ariaLabel: (label) => t('agreements.header.externalNoteOn', { label })
  }
]

interface AgreementHeaderFormProps {
  form: UseFormReturnType<HeaderValues>
  isNew: boolean
  readOnly: boolean
  onSubmit: (e?: React.FormEvent<HTMLFormElement>) => void
  saving: boolean
}

/** The agreement header (who, which group, when, how visits combine, who does them) and its relations. */
export function AgreementHeaderForm({ form, isNew, readOnly, onSubmit, saving }: AgreementHeaderFormProps) {
  const t = useT()
  const v = form.values
  const customer = useQuery({
    queryKey: ['record', 'customers', v.customerId ?? 0],
    queryFn: () => call('customers.get', { id: v.customerId! }),
    enabled: v.customerId !== null
  })
  const contacts = customer.data?.contacts ?? []
  const templateGroups = useQuery(templateGroupsQuery)
  const templateOptions = treeOrder(templateGroups.data?.rows ?? []).map(({ row, depth }) => ({
    value: String(row.id),
    label: `${'\u2003'.repeat(depth)}${row.code} · ${row.name}`
  }))

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" className={classes.locked}>
        <Grid gap="sm">
          <Grid.Col span={5}>
            <EntitySelect
              label={t('agreements.header.customer')}
              withAsterisk
              disabled={readOnly}
              list="customers.list"
              labelOf={(c) => `${c.number} ${c.name}`}
              value={v.customerId}
              onChange={(id) => {
                if (id === v.customerId) return
                form.setFieldValue('customerId', id)
                form.setFieldValue('contactId', null)
                form.setFieldValue('objects', [])
              }}
              error={form.errors.customerId}
              data-autofocus={isNew || undefined}
            />
          </Grid.Col>
          <Grid.Col span={7}>
            <TextInput label={t('agreements.header.description')} withAsterisk disabled={readOnly} {...form.getInputProps('description')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label={t('agreements.header.group')}
              withAsterisk
              disabled={readOnly}
              list="agreementGroups.list"
              labelOf={(g) => `${g.code} · ${g.name}`}
              value={v.groupId}
              onChange={(id) => form.setFieldValue('groupId', id)}
              error={form.errors.groupId}
            />
          </Grid.Col>
          <Grid.Col span={2}>
            <DateField
              label={t('agreements.header.startDate')}
              withAsterisk
              clearable={false}
              disabled={readOnly}
              value={v.startDate}
              onChange={(d) => form.setFieldValue('startDate', d)}
              error={form.errors.startDate}
            />
          </Grid.Col>
          <Grid.Col span={2}>
            <DateField
              label={t('agreements.header.endDate')}
              placeholder={t('agreements.header.openEnded')}
              disabled={readOnly}
              value={v.endDate}
              onChange={(d) => form.setFieldValue('endDate', d)}
              error={form.errors.endDate}
            />
          </Grid.Col>
          <Grid.Col span={5}>
            <Select
              label={t('agreements.header.combine')}
              disabled={readOnly}
              allowDeselect={false}
              data={COMBINE_RULES.map((r) => ({ value: r, label: t(`enums.combineRule.${r}`) }))}
              {...form.getInputProps('combineRule')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label={t('agreements.header.preferredTechnician')}
              disabled={readOnly}
              list="workers.list"
              labelOf={(w) => w.name}
              value={v.preferredWorkerId}
              onChange={(id) => form.setFieldValue('preferredWorkerId', id)}
              error={form.errors.preferredWorkerId}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label={t('agreements.header.responsible')}
              disabled={readOnly}
              list="workers.list"
              labelOf={(w) => w.name}
              value={v.responsibleWorkerId}
              onChange={(id) => form.setFieldValue('responsibleWorkerId', id)}
              error={form.errors.responsibleWorkerId}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <Select
              label={t('agreements.header.contact')}
              disabled={readOnly || v.customerId === null}
              clearable
              placeholder={
                v.customerId === null
                  ? t('agreements.header.chooseCustomerFirst')
                  : contacts.length === 0
                    ? t('agreements.header.noContacts')
                    : t('agreements.header.noContact')
              }
              data={contacts.map((c) => ({ value: String(c.id), label: c.phone ? `${c.name} · ${c.phone}` : c.name }))}
              value={v.contactId === null ? null : String(v.contactId)}
              onChange={(s) => form.setFieldValue('contactId', s === null ? null : Number(s))}
              error={form.errors.contactId}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <Select
              label={t('agreements.header.templateGroup')}
              description={t('agreements.header.templateGroupHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              disabled={readOnly}
              clearable
              placeholder={t('agreements.header.notATemplate')}
              data={templateOptions}
              value={v.templateGroupId === null ? null : String(v.templateGroupId)}
              onChange={(s) => form.setFieldValue('templateGroupId', s === null ? null : Number(s))}
              error={form.errors.templateGroupId}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <EntitySelect
              label={t('agreements.header.sla')}
              disabled={readOnly}
              placeholder={t('agreements.header.slaPlaceholder')}
              list="slaDefinitions.list"
              labelOf={(s) => `${s.code} · ${s.name}`}
              value={v.slaId}
              onChange={(id) => form.setFieldValue('slaId', id)}
              error={form.errors.slaId}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <Textarea
              label={t('agreements.header.notes')}
              autosize
              minRows={2}
              maxRows={8}
              disabled={readOnly}
              {...form.getInputProps('notes')}
            />
          </Grid.Col>
          <Grid.Col span={3} style={{ display: 'flex', alignItems: 'center' }}>
            <Checkbox
              label={t('agreements.header.suspended')}
              description={t('agreements.header.suspendedHint')}
              disabled={readOnly}
              {...form.getInputProps('suspended', { type: 'checkbox' })}
            />
          </Grid.Col>
        </Grid>

        <RelationsEditor
          form={form}
          disabled={readOnly}
          customerId={v.customerId}
          notes={agreementNotes(t)}
          layout="stacked"
          objectsHint={t('agreements.header.objectsHint')}
        />

        {!readOnly && (
          <Group gap="xs">
            <Button
              type="submit"
              size="sm"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={saving}
              disabled={!isNew && !form.isDirty()}
            >
              {isNew ? t('agreements.header.create') : t('agreements.header.save')}
            </Button>
            {!isNew && form.isDirty() && (
              <Text size="xs" c="dimmed">
                {t('agreements.header.unsaved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </form>
  )
}
