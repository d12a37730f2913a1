import { Button, Checkbox, Group, NumberInput, Paper, Title } from '@mantine/core'
import { useQuery, useQueryClient, useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import type { RepairSettings } from '@shared/domain/repair'
import { call } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'

const key = ['repairSettings'] as const

/** How repairs are judged: the repeat-failure window and whether a finished repair needs a resolution. */
export function RepairSettingsForm() {
  const t = useT()
  const qc = useQueryClient()
  const settings = useQuery({ queryKey: key, queryFn: () => call('repairSettings.get', {}) })
  const [edit, setEdit] = useState<Partial<RepairSettings>>({})
  const save = useMutation({
    mutationFn: (s: RepairSettings) => call('repairSettings.update', s),
    onSuccess: (s) => {
      qc.setQueryData(key, s)
      setEdit({})
      notifySaved(t('repair.settings.title'))
    },
    onError: (e) => showApiError(e)
  })
  if (!settings.data) return null
  const v = { ...settings.data, ...edit }
  return (
    <Paper withBorder p="md" mt="sm" maw={700}>
      <Title order={5} mb="xs">
        {t('repair.settings.title')}
      </Title>
      <Group align="end">
        <NumberInput
          label={t('repair.settings.window')}
          min={1}
          max={3650}
          w={220}
          value={v.repeatWindowDays}
          onChange={(n) => setEdit({ ...edit, repeatWindowDays: typeof n === 'number' ? n : 1 })}
        />
        <Checkbox
          mb={8}
          label={t('repair.settings.resolutionRequired')}
          checked={v.resolutionRequired}
          onChange={(e) => setEdit({ ...edit, resolutionRequired: e.currentTarget.checked })}
        />
        <Button size="sm" disabled={Object.keys(edit).length === 0} loading={save.isPending} onClick={() => save.mutate(v)}>
          {t('common.save')}
        </Button>
      </Group>
    </Paper>
  )
}
