import { Alert, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle, IconDeviceFloppy, IconLock } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { settingsInput } from '@shared/domain/system'
import recordClasses from '../../components/RecordPage.module.css'
import { AuditTrail } from '../../components/AuditTrail'
import { BackupsSection } from './BackupsSection'
import { OperationsSection } from './OperationsSection'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { CalendarSection } from './CalendarSection'
import { CompanySection } from './CompanySection'
import { DispatchSlaSection } from './DispatchSlaSection'
import { InvoicingSection } from './InvoicingSection'
import { MapSection } from './MapSection'
import { useSaveSettings } from './mutations'
import { settingsQuery } from '../../lib/settings'
import { emptySettings, type SettingsValues, toForm } from './settingsForm'
import { TravelSection } from './TravelSection'
import { VatRatesSection } from './VatRatesSection'
import { schemaValidator } from '../../lib/validation'

/**
 * The company's settings: one record, not a list. Saves carry the version they read (a stale save shows
 * the conflict banner with reload, as every record page does); read-only for roles without settings.write.
 */
export function SettingsPage() {
  const t = useT()
  const { can } = useSession()
  const readOnly = !can('settings.write')
  const [conflict, setConflict] = useState(false)
  const settings = useQuery(settingsQuery)
  const form = useForm<SettingsValues>({ initialValues: emptySettings, validate: schemaValidator(settingsInput) })

  // Fill the form whenever a version arrives (first load, after a save, after a reload); nothing refetches
  // on its own, so unsaved edits are never replaced behind the user's back.
  const { setValues, resetDirty } = form
  useEffect(() => {
    if (!settings.data) return
    setValues(toForm(settings.data))
    resetDirty(toForm(settings.data))
  }, [settings.data, setValues, resetDirty])

  const save = useSaveSettings(settings.data?.version, form, setConflict)

  const reload = async () => {
    setConflict(false)
    await settings.refetch()
  }

  if (settings.isLoading) return <Loader m="xl" />
  if (settings.error) {
    return (
      <Alert color="red" title={t('settings.page.cannotOpen')}>
        {settings.error.message}
      </Alert>
    )
  }

  const dirty = form.isDirty()

  const body = (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <fieldset disabled={readOnly} className={`${recordClasses.fieldset} ${readOnly ? recordClasses.readOnly : ''}`}>
        <Stack gap="md">
          <CompanySection form={form} readOnly={readOnly} />
          <InvoicingSection form={form} readOnly={readOnly} />
          <VatRatesSection form={form} readOnly={readOnly} />
          <CalendarSection form={form} readOnly={readOnly} />
          <DispatchSlaSection form={form} readOnly={readOnly} />
          <TravelSection form={form} readOnly={readOnly} />
          <MapSection form={form} readOnly={readOnly} />

          {!readOnly && (
            <Group gap="xs">
              <Button type="submit" size="sm" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!dirty}>
                {t('common.save')}
              </Button>
              {dirty && (
                <Text size="xs" c="dimmed">
                  {t('settings.page.unsaved')}
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
        <Title order={3}>{t('settings.page.title')}</Title>
        <Text size="sm" c="dimmed">
          {settings.data?.companyName}
        </Text>
      </div>
      {readOnly && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} data-testid="read-only-notice">
          {t('settings.page.readOnly')}
        </Alert>
      )}
      {conflict && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconAlertTriangle size={16} />}
          title={t('settings.page.conflictTitle')}
          data-testid="conflict-alert"
        >
          <Group gap="sm">
            <Text size="sm">{t('settings.page.conflict')}</Text>
            <Button size="xs" variant="light" color="orange" onClick={reload}>
              {t('settings.page.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      {can('audit.read') ? (
        <Tabs defaultValue="settings" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="settings">{t('settings.page.settingsTab')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('settings.page.historyTab')}</Tabs.Tab>
            {can('backups.manage') && <Tabs.Tab value="backups">{t('backups.tab')}</Tabs.Tab>}
            {can('backups.manage') && <Tabs.Tab value="operations">{t('shop.tab')}</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="settings" pt="sm">
            {body}
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="sm">
            <AuditTrail entity="settings" entityId={1} />
          </Tabs.Panel>
          {can('backups.manage') && (
            <Tabs.Panel value="backups" pt="sm">
              <BackupsSection />
            </Tabs.Panel>
          )}
          {can('backups.manage') && (
            <Tabs.Panel value="operations" pt="sm">
              <OperationsSection />
            </Tabs.Panel>
          )}
        </Tabs>
      ) : (
        body
      )}
    </Stack>
  )
}
