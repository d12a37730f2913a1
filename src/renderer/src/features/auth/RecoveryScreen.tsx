import { Alert, Button, Center, Code, Paper, Stack, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import type { RecoveryStatus } from '@shared/domain/backups'
import { formatsFor } from '@shared/i18n/format'
import { call } from '../../lib/api'
import { sizeText } from '../../lib/fileSize'
import { showApiError } from '../../lib/forms'
import { useLanguage, useT } from '../../lib/i18n'
import { DEFAULT_TIME_ZONE } from '../../lib/settings'

/**
 * Start-up recovery (ADR 0022): the database failed its check or could not be opened, so instead of a crash the
 * host offers the newest backup that passes its check. Nobody can sign in to a database that cannot be read: the
 * screen is for whoever holds the machine, as first start is. The shop's time zone is in the unreadable file, so
 * times are shown in the default one.
 */
export function RecoveryScreen({ status }: { status: RecoveryStatus }) {
  const t = useT()
  const f = formatsFor(useLanguage(), DEFAULT_TIME_ZONE)
  const restore = useMutation({
    mutationFn: () => call('startup.restore', {}),
    onSuccess: () => window.location.reload(),
    onError: (e) => showApiError(e)
  })
  const newest = status.newest
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" maw={640} w="100%" data-testid="recovery-screen">
        <Stack gap="sm">
          <Title order={3}>{t('backups.recovery.title')}</Title>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
            {status.reason === 'damaged' ? t('backups.recovery.damaged') : t('backups.recovery.unreadable')}
          </Alert>
          <Text size="sm">
            {t('backups.recovery.file')}: <Code>{status.databaseFile}</Code>
          </Text>
          {status.detail && (
            <Text size="xs" c="dimmed">
              {t('backups.recovery.details')}: {status.detail}
            </Text>
          )}
          {newest ? (
            <>
              <Text size="sm" fw={500} data-testid="recovery-newest">
                {t('backups.recovery.newest', { date: f.dateTime(newest.at), size: sizeText(t, f, newest.size) })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('backups.recovery.explain')}
              </Text>
              <Button
                leftSection={<IconRestore size={16} />}
                loading={restore.isPending || restore.isSuccess}
                onClick={() => restore.mutate()}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('backups.recovery.restore')}
              </Button>
              {restore.isSuccess && <Text size="sm">{t('backups.recovery.restored')}</Text>}
            </>
          ) : (
            <Alert color="gray" variant="light">
              {t('backups.recovery.none', { folders: status.folders.join(', ') })}
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  )
}
