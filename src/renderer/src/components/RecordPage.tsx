import { Alert, Anchor, Breadcrumbs, Button, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconDeviceFloppy, IconLock, IconTrash } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ConfirmButton } from './ConfirmButton'
import classes from './RecordPage.module.css'
import { AuditTrail } from './AuditTrail'
import { useLanguage, useT } from '../lib/i18n'
import { useLeaveGuard } from '../lib/leaveGuard'
import { useSession } from '../lib/session'

/** What the frame needs of a record editor (useEditor / useRecordEditor answers it). */
export interface RecordFrameEditor {
  loading: boolean
  loadError?: unknown
  isNew: boolean
  conflict: boolean
  /** The refusal's words when it names who saved the record in between. */
  conflictBy?: string | null
  reload: () => void
  submit: (e?: React.FormEvent<HTMLFormElement>) => void
  saving: boolean
  form: { isDirty: () => boolean }
  remove: () => void
  removing: boolean
}

export interface RecordPageProps {
  title: string
  subtitle?: ReactNode
  listLabel: string
  /** The title of a new record, e.g. "New customer"; without it, "New" (English screens derive it from listLabel). */
  newTitle?: string
  listPath: string
  editor: RecordFrameEditor
  readOnly: boolean
  /** Replaces the editor's submit (e.g. to check something first, then call it). */
  onSubmit?: (e?: React.FormEvent<HTMLFormElement>) => void
  /** What the delete confirmation says will go, e.g. "the customer, its sites and contacts"; without it there is no Delete. */
  deleteWhat?: string
  audit?: { entity: string; id: number | null }
  /** Extra tabs next to the form (e.g. a customer's service objects). */
  tabs?: { value: string; label: string; content: ReactNode }[]
  children: ReactNode
}

/**
 * The frame of every detail/edit screen: breadcrumbs, save and delete, the read-only notice for roles
 * that may only look, the conflict banner with reload, and the record's change history.
 */
export function RecordPage(p: RecordPageProps) {
  const t = useT()
  const language = useLanguage()
  const { can } = useSession()
  const e = p.editor
  const dirty = e.form.isDirty()
  useLeaveGuard(dirty && !p.readOnly && !e.saving && !e.removing, t('common.record.leaveUnsaved'))
  if (e.loading) return <Loader m="xl" />
  if (e.loadError) {
    return (
      <Alert color="red" title={t('common.record.cannotOpen')}>
        {(e.loadError as Error).message}
      </Alert>
    )
  }
  const form = (
    <form onSubmit={p.onSubmit ?? e.submit} noValidate>
      <Stack gap="md">
        <fieldset disabled={p.readOnly} className={`${classes.fieldset} ${p.readOnly ? classes.readOnly : ''}`}>
          {p.children}
        </fieldset>
        {!p.readOnly && (
          <Group gap="xs">
            <Button type="submit" size="sm" leftSection={<IconDeviceFloppy size={16} />} loading={e.saving} disabled={!e.isNew && !dirty}>
              {e.isNew ? t('common.create') : t('common.save')}
            </Button>
            {!e.isNew && p.deleteWhat && (
              <ConfirmButton
                variant="subtle"
                color="red"
                size="sm"
                leftSection={<IconTrash size={16} />}
                loading={e.removing}
                title={t('common.record.deleteTitle', { what: p.title })}
                message={t('common.record.deleteMessage', { what: p.deleteWhat })}
                confirmLabel={t('common.delete')}
                onConfirm={e.remove}
              >
                {t('common.delete')}
              </ConfirmButton>
            )}
            {dirty && (
              <Text size="xs" c="dimmed">
                {t('common.unsavedChanges')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </form>
  )

  // Until every screen passes newTitle: English derives it from the list's name ("Customers" → "New
  // customer"), which no other language can.
  const newTitle = p.newTitle ?? (language === 'en' ? `New ${p.listLabel.toLowerCase().replace(/s$/, '')}` : t('common.new'))
  const showHistory = p.audit && p.audit.id !== null && can('audit.read')
  const tabs = [
    ...(p.tabs ?? []),
    ...(showHistory
      ? [{ value: 'history', label: t('common.history'), content: <AuditTrail entity={p.audit!.entity} entityId={p.audit!.id!} /> }]
      : [])
  ]

  return (
    <Stack gap="sm" maw={1100}>
      <Breadcrumbs fz="sm">
        <Anchor component={Link} to={p.listPath}>
          {p.listLabel}
        </Anchor>
        <Text size="sm">{e.isNew ? t('common.new') : p.title}</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <div>
          <Title order={3}>{e.isNew ? newTitle : p.title}</Title>
          {p.subtitle && (
            <Text size="sm" c="dimmed">
              {p.subtitle}
            </Text>
          )}
        </div>
      </Group>
      {p.readOnly && (
        <Alert variant="light" color="gray" icon={<IconLock size={16} />} data-testid="read-only-notice">
          {t('common.record.readOnly')}
        </Alert>
      )}
      {e.conflict && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconAlertTriangle size={16} />}
          title={t('common.changedElsewhere')}
          data-testid="conflict-alert"
        >
          <Group gap="sm">
            <Text size="sm">{e.conflictBy ?? t('common.record.conflict')}</Text>
            <Button size="xs" variant="light" color="orange" onClick={e.reload}>
              {t('common.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      {tabs.length === 0 ? (
        <Paper withBorder p="md">
          {form}
        </Paper>
      ) : (
        <Tabs defaultValue="details" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="details">{t('common.details')}</Tabs.Tab>
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="details" pt="sm">
            <Paper withBorder p="md">
              {form}
            </Paper>
          </Tabs.Panel>
          {tabs.map((t) => (
            <Tabs.Panel key={t.value} value={t.value} pt="sm">
              {t.content}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  )
}
