import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconDatabaseExport, IconDeviceFloppy } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { backupSettingsInput, type BackupFile, type BackupSettingsInput } from '@shared/domain/backups'
import { ConfirmButton } from '../../components/ConfirmButton'
import { call } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { schemaValidator } from '../../lib/validation'
import { sizeText } from '../../lib/fileSize'

const statusKey = ['backups', 'status'] as const

function VerifiedBadge({ verified }: { verified: boolean | null }) {
  const t = useT()
  if (verified === null)
    return (
      <Badge color="gray" variant="light">
        {t('backups.status.notRecorded')}
      </Badge>
    )
  return verified ? (
    <Badge color="teal" variant="light">
      {t('backups.status.verified')}
    </Badge>
  ) : (
    <Badge color="red" variant="light">
      {t('backups.status.failed')}
    </Badge>
  )
}

/**
 * Settings → Backups (ADR 0022): the status (last backup, size, check, next due), Back up now, the schedule,
 * and the backups in the folder with Restore. A restore swaps the database under the app: the page reloads.
 */
export function BackupsSection() {
  const t = useT()
  const f = useFormat()
  const size = (bytes: number) => sizeText(t, f, bytes)
  const qc = useQueryClient()
  const status = useQuery({ queryKey: statusKey, queryFn: () => call('backups.status', {}) })
  const form = useForm<BackupSettingsInput>({
    initialValues: { enabled: true, folder: '', dailyAt: '18:00', keepDaily: 7, keepWeekly: 8 },
    validate: schemaValidator(backupSettingsInput)
  })
  const { setValues, resetDirty } = form
  const loaded = status.data?.settings
  useEffect(() => {
    if (!loaded) return
    const { version: _version, ...values } = loaded
    setValues(values)
    resetDirty(values)
  }, [loaded, setValues, resetDirty])

  const save = useMutation({
    mutationFn: (values: BackupSettingsInput) => call('backups.saveSettings', { ...values, version: loaded!.version }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: statusKey })
      notifySaved(t('backups.schedule.saved'))
    },
    onError: (e) => showApiError(e, form)
  })
  const run = useMutation({
    mutationFn: () => call('backups.run', {}),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: statusKey })
      if (r.verified) notifications.show({ color: 'teal', message: t('backups.status.done'), autoClose: 2500 })
    },
    onError: (e) => showApiError(e)
  })
  const restore = useMutation({
    mutationFn: (name: string) => call('backups.restore', { name }),
    // Another database is behind the app now: everything on screen (and the sign-in) starts again.
    onSuccess: () => window.location.reload(),
    onError: (e) => showApiError(e)
  })

  if (!status.data) return null
  const s = status.data
  const last = s.lastRun?.kind === 'restore' ? s.lastGood : s.lastRun

  return (
    <Stack gap="md">
      <Paper withBorder p="md" data-testid="backup-status">
        <Group justify="space-between" mb="xs">
          <Title order={5}>{t('backups.status.title')}</Title>
          <Button size="xs" leftSection={<IconDatabaseExport size={16} />} loading={run.isPending} onClick={() => run.mutate()}>
            {t('backups.status.backUpNow')}
          </Button>
        </Group>
        {last && !last.verified && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} mb="sm">
            {t('backups.status.lastFailed', { problem: last.problem })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
          <div>
            <Text size="xs" c="dimmed">
              {t('backups.status.lastBackup')}
            </Text>
            <Text size="sm" data-testid="last-backup">
              {s.lastGood ? f.dateTime(s.lastGood.at) : t('backups.status.none')}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('backups.status.size')}
            </Text>
            <Group gap="xs">
              <Text size="sm">{s.lastGood?.size != null ? size(s.lastGood.size) : ''}</Text>
              {s.lastGood && <VerifiedBadge verified={s.lastGood.verified} />}
            </Group>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('backups.status.nextDue')}
            </Text>
            <Text size="sm">{s.nextDue === null ? t('backups.status.off') : f.dateTime(s.nextDue)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('backups.status.folder')}
            </Text>
            <Text size="sm" style={{ wordBreak: 'break-all' }}>
              {s.folder}
            </Text>
          </div>
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md">
        <Title order={5}>{t('backups.schedule.title')}</Title>
        <Text size="xs" c="dimmed" mb="xs">
          {t('backups.schedule.hint')}
        </Text>
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
            <Switch mt="lg" label={t('backups.schedule.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
            <TextInput label={t('backups.schedule.dailyAt')} maxLength={5} {...form.getInputProps('dailyAt')} />
            <NumberInput label={t('backups.schedule.keepDaily')} min={1} allowDecimal={false} {...form.getInputProps('keepDaily')} />
            <NumberInput label={t('backups.schedule.keepWeekly')} min={0} allowDecimal={false} {...form.getInputProps('keepWeekly')} />
          </SimpleGrid>
          <TextInput
            mt="sm"
            label={t('backups.schedule.folder')}
            description={t('backups.schedule.folderHint', { folder: s.folder })}
            {...form.getInputProps('folder')}
          />
          <Group mt="sm">
            <Button
              type="submit"
              size="sm"
              leftSection={<IconDeviceFloppy size={16} />}
              loading={save.isPending}
              disabled={!form.isDirty()}
            >
              {t('backups.schedule.save')}
            </Button>
          </Group>
        </form>
      </Paper>

      <Paper withBorder p="md">
        <Title order={5} mb="xs">
          {t('backups.list.title')}
        </Title>
        {s.files.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('backups.list.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing={4} data-testid="backup-files">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.list.made')}</Table.Th>
                <Table.Th>{t('backups.list.size')}</Table.Th>
                <Table.Th>{t('backups.list.check')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.files.map((file: BackupFile) => (
                <Table.Tr key={file.name}>
                  <Table.Td>
                    <Group gap="xs">
                      {f.dateTime(file.at)}
                      {file.beforeMigration && (
                        <Badge size="sm" variant="light" color="gray">
                          {t('backups.list.beforeMigration')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{size(file.size)}</Table.Td>
                  <Table.Td>
                    <VerifiedBadge verified={file.verified} />
                  </Table.Td>
                  <Table.Td align="right">
                    <ConfirmButton
                      size="compact-xs"
                      variant="subtle"
                      title={t('backups.list.confirmTitle')}
                      message={t('backups.list.confirm', { date: f.dateTime(file.at) })}
                      confirmLabel={t('backups.list.confirmButton')}
                      loading={restore.isPending && restore.variables === file.name}
                      onConfirm={() => restore.mutate(file.name)}
                    >
                      {t('backups.list.restore')}
                    </ConfirmButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {t('backups.status.database')}: {s.databaseFile}
        </Text>
      </Paper>
    </Stack>
  )
}
