import { Alert, Button, Group, Modal, Progress, Stack, Table, Text } from '@mantine/core'
import { IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { FeePreview } from '@shared/domain/subscriptions'
import { DateField } from '../../components/DateField'
import { EntitySelect } from '../../components/EntitySelect'
import { call } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'
import { today } from '../../lib/today'

const PREVIEW_ROWS = 50

/**
 * Fee generation up to a date for all subscriptions, a group or one subscription: Preview shows what would
 * be made (and what exists), Create starts the background run, polled for progress until it ends.
 */
export function GenerateDialog({ subscription, onClose }: { subscription?: { id: number; number: string }; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const [to, setTo] = useState<string | null>(today())
  const [groupId, setGroupId] = useState<number | null>(null)
  const [preview, setPreview] = useState<FeePreview | null>(null)
  const [runId, setRunId] = useState<number | null>(null)
  const scope = { to: to ?? '', groupId: subscription ? null : groupId, subscriptionId: subscription?.id ?? null }

  const previewing = useMutation({
    mutationFn: () => call('subscriptions.preview', { ...scope, maxRows: PREVIEW_ROWS }),
    onSuccess: setPreview,
    onError: (e) => showApiError(e)
  })
  const start = useMutation({
    mutationFn: () => call('subscriptions.generate', scope),
    onSuccess: (r) => setRunId(r.id),
    onError: (e) => showApiError(e)
  })
  const run = useQuery({
    queryKey: ['subscriptionRun', runId],
    queryFn: () => call('subscriptions.run', { id: runId! }),
    enabled: runId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || q.state.data === undefined ? 300 : false)
  })
  const cancel = useMutation({ mutationFn: () => call('subscriptions.cancelRun', { id: runId! }) })
  const r = run.data
  const finished = r !== undefined && r.status !== 'running'
  const close = () => {
    if (runId !== null) void qc.invalidateQueries()
    onClose()
  }

  return (
    <Modal opened onClose={close} title={t('subscriptions.generate.title')} size="lg">
      <Stack gap="sm">
        {runId === null && (
          <>
            <Group align="end" gap="sm">
              <DateField
                label={t('subscriptions.generate.to')}
                description={t('subscriptions.generate.toHint')}
                withAsterisk
                w={200}
                value={to}
                onChange={(v) => {
                  setTo(v)
                  setPreview(null)
                }}
              />
              {subscription ? (
                <Text size="sm" pb={8}>
                  {t('subscriptions.generate.onlyThis', { number: subscription.number })}
                </Text>
              ) : (
                <EntitySelect
                  label={t('subscriptions.generate.group')}
                  placeholder={t('subscriptions.anyGroup')}
                  w={220}
                  list="subscriptionGroups.list"
                  labelOf={(g) => g.name}
                  value={groupId}
                  onChange={(id) => {
                    setGroupId(id)
                    setPreview(null)
                  }}
                />
              )}
            </Group>
            {preview && (
              <Stack gap={4} data-testid="fee-preview">
                <Text size="sm" fw={500}>
                  {t('subscriptions.generate.previewCounts', { created: preview.created, skipped: preview.skipped })}
                </Text>
                {preview.fees.length > 0 && (
                  <Table striped withTableBorder fz="sm" verticalSpacing={2}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('subscriptions.col.number')}</Table.Th>
                        <Table.Th>{t('subscriptions.fees.kind')}</Table.Th>
                        <Table.Th>{t('subscriptions.fees.period')}</Table.Th>
                        <Table.Th ta="right">{t('subscriptions.fees.amount')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.fees.map((x) => (
                        <Table.Tr key={`${x.subscriptionId}-${x.periodStart}`}>
                          <Table.Td>{x.subscriptionNumber}</Table.Td>
                          <Table.Td>{t(`subscriptions.feeKind.${x.kind}`)}</Table.Td>
                          <Table.Td>
                            {f.date(x.from)} – {f.date(x.to)}
                          </Table.Td>
                          <Table.Td ta="right">{f.money(x.amount)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
                {preview.created > preview.fees.length && (
                  <Text size="xs" c="dimmed">
                    {t('subscriptions.generate.more', { count: preview.created - preview.fees.length })}
                  </Text>
                )}
              </Stack>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button variant="light" disabled={!to} loading={previewing.isPending} onClick={() => previewing.mutate()}>
                {t('subscriptions.generate.preview')}
              </Button>
              <Button leftSection={<IconPlayerPlay size={14} />} disabled={!to} loading={start.isPending} onClick={() => start.mutate()}>
                {t('subscriptions.generate.create')}
              </Button>
            </Group>
          </>
        )}
        {r && (
          <Stack gap="sm">
            <Progress
              value={r.total === 0 ? 100 : (100 * r.done) / r.total}
              animated={!finished}
              size="lg"
              aria-label={t('subscriptions.generate.progressAria')}
            />
            <Text size="sm" data-testid="fee-run-progress">
              {t('subscriptions.generate.progress', { done: r.done, total: r.total, created: r.created, skipped: r.skipped })}
            </Text>
            {finished && (
              <Alert color={r.status === 'done' ? 'teal' : r.status === 'cancelled' ? 'yellow' : 'red'} data-testid="fee-run-status">
                {t(`subscriptions.generate.status.${r.status}`)}
                {r.error ? ` ${r.error}` : ''}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              {!finished && (
                <Button variant="default" color="red" leftSection={<IconPlayerStop size={14} />} onClick={() => cancel.mutate()}>
                  {t('common.cancel')}
                </Button>
              )}
              {finished && <Button onClick={close}>{t('common.close')}</Button>}
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  )
}
