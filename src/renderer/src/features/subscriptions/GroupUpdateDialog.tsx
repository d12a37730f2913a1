import { Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { GROUP_UPDATE_FIELDS, type SubscriptionGroupRow } from '@shared/domain/subscriptions'
import { MoneyInput } from '../../components/MoneyInput'
import { ScaledNumberInput } from '../../components/ScaledNumberInput'
import { call, isApiError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useFormat, useT } from '../../lib/i18n'

type Field = (typeof GROUP_UPDATE_FIELDS)[number]
type Mode = 'percent' | 'value'

/**
 * Changes the index or the base price of every subscription of a group, by a percentage or to a value: the
 * preview lists each subscription before and after, and only "Apply" changes them (fees already made stay).
 */
export function GroupUpdateDialog({ group, onClose }: { group: SubscriptionGroupRow; onClose: () => void }) {
  const t = useT()
  const f = useFormat()
  const qc = useQueryClient()
  const [field, setField] = useState<Field>('priceIndex')
  const [mode, setMode] = useState<Mode>('percent')
  const [value, setValue] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const input = { groupId: group.id, field, mode, value }
  const preview = useMutation({
    mutationFn: () => call('subscriptions.groupUpdate', { ...input, apply: false }),
    onMutate: () => setError(null),
    onError: (e) => (isApiError(e, 'VALIDATION') ? setError(e.message) : showApiError(e))
  })
  const apply = useMutation({
    mutationFn: () => call('subscriptions.groupUpdate', { ...input, apply: true }),
    onSuccess: (r) => {
      notifications.show({
        color: 'teal',
        message: t('subscriptions.groupUpdate.applied', { count: r.rows.filter((x) => x.before !== x.after).length }),
        autoClose: 2500
      })
      void qc.invalidateQueries()
      onClose()
    },
    onError: (e) => (isApiError(e, 'VALIDATION') ? setError(e.message) : showApiError(e))
  })
  // A changed question invalidates the preview: apply only what was shown.
  const change = (fn: () => void) => {
    fn()
    preview.reset()
  }
  const shown = (v: number) => (field === 'priceIndex' ? f.index(v) : f.money(v))
  return (
    <Modal opened onClose={onClose} size="lg" title={t('subscriptions.groupUpdate.title', { group: group.name })}>
      <Stack gap="sm">
        <Group grow align="end">
          <Select
            label={t('subscriptions.groupUpdate.field')}
            allowDeselect={false}
            data={GROUP_UPDATE_FIELDS.map((v) => ({ value: v, label: t(`subscriptions.groupUpdate.fields.${v}`) }))}
            value={field}
            onChange={(v) => change(() => setField(v as Field))}
          />
          <SegmentedControl
            data={[
              { value: 'percent', label: t('subscriptions.groupUpdate.byPercent') },
              { value: 'value', label: t('subscriptions.groupUpdate.toValue') }
            ]}
            value={mode}
            onChange={(v) => change(() => setMode(v as Mode))}
          />
          {mode === 'value' && field === 'basePrice' ? (
            <MoneyInput label={t('subscriptions.groupUpdate.value')} value={value} onChange={(v) => change(() => setValue(v))} />
          ) : (
            <ScaledNumberInput
              label={mode === 'percent' ? t('subscriptions.groupUpdate.percent') : t('subscriptions.groupUpdate.value')}
              scale={100}
              decimals={2}
              decimalSeparator=","
              allowNegative={mode === 'percent'}
              value={value}
              onChange={(v) => change(() => setValue(v))}
            />
          )}
        </Group>
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
        {preview.data && (
          <Table striped withTableBorder data-testid="group-update-preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('subscriptions.col.number')}</Table.Th>
                <Table.Th>{t('subscriptions.col.name')}</Table.Th>
                <Table.Th ta="right">{t('subscriptions.groupUpdate.before')}</Table.Th>
                <Table.Th ta="right">{t('subscriptions.groupUpdate.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.number}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ta="right">{shown(r.before)}</Table.Td>
                  <Table.Td ta="right" fw={r.before === r.after ? undefined : 600}>
                    {shown(r.after)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {preview.data?.rows.length === 0 && <Text size="sm">{t('subscriptions.groupUpdate.none')}</Text>}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="light" loading={preview.isPending} onClick={() => preview.mutate()}>
            {t('subscriptions.groupUpdate.preview')}
          </Button>
          <Button disabled={!preview.data || preview.data.rows.length === 0} loading={apply.isPending} onClick={() => apply.mutate()}>
            {t('subscriptions.groupUpdate.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
