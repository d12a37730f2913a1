import { Alert, Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ShopStatus } from '@shared/domain/shop'
import { ConfirmButton } from '../../components/ConfirmButton'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { sizeText } from '../../lib/fileSize'
import { ServeCard } from './ServeCard'

const shopKey = ['shop', 'status'] as const

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </div>
  )
}

/**
 * Settings → Operations (docs/adr/0033-shop-server.md): the shop server's addresses and certificate, the
 * pairing code, the paired clients with who is signed in from each (revoke ends their sessions at once), and
 * the backup status at a glance; in the desktop app, the switch that serves this database (ServeCard). The server enforces who may see it (`backups.manage`).
 */
export function OperationsSection() {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const shop = useQuery({ queryKey: shopKey, queryFn: () => call('shop.status', {}) })
  const backups = useQuery({ queryKey: ['backups', 'status'], queryFn: () => call('backups.status', {}) })
  const update = (data: ShopStatus) => qc.setQueryData(shopKey, data)
  const renew = useMutation({ mutationFn: () => call('shop.newCode', {}), onSuccess: update, onError: (e) => showApiError(e) })
  const revoke = useMutation({
    mutationFn: (clientId: string) => call('shop.revoke', { clientId }),
    onSuccess: (data) => {
      update(data)
      notifications.show({ color: 'teal', message: t('shop.clients.done'), autoClose: 2500 })
    },
    onError: (e) => showApiError(e)
  })

  if (!shop.data) return null
  const s = shop.data
  const b = backups.data

  return (
    <Stack gap="md">
      <ServeCard />
      <Paper withBorder p="md" data-testid="shop-server">
        <Title order={5} mb="xs">
          {t('shop.server.title')}
        </Title>
        {!s.serving ? (
          <Text size="sm" c="dimmed">
            {t('shop.server.notServing')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <Field label={t('shop.server.addresses')}>
              {s.addresses.map((a) => (
                <Text size="sm" key={a}>
                  {a}
                </Text>
              ))}
            </Field>
            <Field label={t('shop.server.fingerprint')}>
              <Code style={{ wordBreak: 'break-all', fontSize: 11 }}>{s.fingerprint}</Code>
              <Text size="xs" c="dimmed" mt={2}>
                {t('shop.server.fingerprintHint')}
              </Text>
            </Field>
            <Field label={t('shop.code.title')}>
              <Group gap="sm" align="center">
                <Text
                  size="xl"
                  fw={700}
                  ff="monospace"
                  data-testid="pairing-code"
                  td={s.pairing.state === 'valid' ? undefined : 'line-through'}
                  c={s.pairing.state === 'valid' ? undefined : 'dimmed'}
                >
                  {s.pairing.code.slice(0, 3)} {s.pairing.code.slice(3)}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRefresh size={14} />}
                  loading={renew.isPending}
                  onClick={() => renew.mutate()}
                >
                  {t('shop.code.renew')}
                </Button>
              </Group>
              <Text size="xs" c={s.pairing.state === 'valid' ? 'dimmed' : 'orange'}>
                {s.pairing.state === 'valid'
                  ? t('shop.code.validUntil', { time: f.time(s.pairing.expiresAt) })
                  : t(s.pairing.state === 'burnt' ? 'shop.code.burnt' : 'shop.code.expired')}
              </Text>
            </Field>
          </SimpleGrid>
        )}
      </Paper>

      {s.serving && (
        <Paper withBorder p="md">
          <Title order={5} mb="xs">
            {t('shop.clients.title')}
          </Title>
          {s.clients.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('shop.clients.empty')}
            </Text>
          ) : (
            <Table striped verticalSpacing={4} data-testid="paired-clients">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('shop.clients.machine')}</Table.Th>
                  <Table.Th>{t('shop.clients.signedIn')}</Table.Th>
                  <Table.Th>{t('shop.clients.since')}</Table.Th>
                  <Table.Th>{t('shop.clients.lastSeen')}</Table.Th>
                  <Table.Th>{t('shop.clients.paired')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.clients.map((c) => (
                  <Table.Tr key={c.id} data-client={c.machine} c={c.revokedAt === null ? undefined : 'dimmed'}>
                    <Table.Td>{c.machine}</Table.Td>
                    <Table.Td>{c.sessions.length === 0 ? t('shop.clients.nobody') : c.sessions.map((x) => x.userName).join(', ')}</Table.Td>
                    <Table.Td>{c.sessions.length === 0 ? '' : f.dateTime(Math.min(...c.sessions.map((x) => x.since)))}</Table.Td>
                    <Table.Td>{f.dateTime(c.lastSeenAt)}</Table.Td>
                    <Table.Td>{f.dateTime(c.pairedAt)}</Table.Td>
                    <Table.Td ta="right">
                      {c.revokedAt === null ? (
                        <ConfirmButton
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          title={t('shop.clients.confirmTitle')}
                          message={t('shop.clients.confirm', { machine: c.machine })}
                          confirmLabel={t('shop.clients.revoke')}
                          onConfirm={() => revoke.mutate(c.id)}
                        >
                          {t('shop.clients.revoke')}
                        </ConfirmButton>
                      ) : (
                        <Badge size="sm" variant="light" color="gray">
                          {t('shop.clients.revoked', { time: f.dateTime(c.revokedAt) })}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}

      {b && (
        <Paper withBorder p="md" data-testid="operations-backups">
          <Title order={5} mb="xs">
            {t('shop.backup.title')}
          </Title>
          {b.lastRun && !b.lastRun.verified && b.lastRun.kind !== 'restore' && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} mb="sm">
              {t('backups.status.lastFailed', { problem: b.lastRun.problem })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="sm">
            <Field label={t('backups.status.lastBackup')}>
              <Text size="sm">{b.lastGood ? f.dateTime(b.lastGood.at) : t('backups.status.none')}</Text>
            </Field>
            <Field label={t('shop.backup.file')}>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {b.lastGood?.file ?? ''}
              </Text>
            </Field>
            <Field label={t('backups.status.size')}>
              <Text size="sm">{b.lastGood?.size != null ? sizeText(t, f, b.lastGood.size) : ''}</Text>
            </Field>
            <Field label={t('backups.status.nextDue')}>
              <Text size="sm">{b.nextDue === null ? t('backups.status.off') : f.dateTime(b.nextDue)}</Text>
            </Field>
          </SimpleGrid>
        </Paper>
      )}
    </Stack>
  )
}
