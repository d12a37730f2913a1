import { Alert, Button, Group, Paper, Select, SimpleGrid, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { EVENT_FIELD, LIFECYCLE_EVENTS, type LifecycleEvent, type LifecycleSettings } from '@shared/domain/lifecycle'
import type { StageRow } from '@shared/domain/orders'
import { call } from '../../lib/api'
import { notifySaved, showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'

const lifecycleKey = ['lifecycle'] as const
type Values = Omit<LifecycleSettings, 'version'>

const LABEL = {
  planned: 'settings.stages.lifecycle.planned',
  dispatched: 'settings.stages.lifecycle.dispatched',
  onSite: 'settings.stages.lifecycle.onSite',
  done: 'settings.stages.lifecycle.done'
} as const satisfies Record<LifecycleEvent, string>

/** Which stage an order enters when its work is planned, dispatched, started on site and done (ADR 0017). */
export function LifecyclePanel({ stages, readOnly }: { stages: StageRow[]; readOnly: boolean }) {
  const t = useT()
  const qc = useQueryClient()
  const query = useQuery({ queryKey: lifecycleKey, queryFn: () => call('lifecycle.get', {}) })
  const form = useForm<Values>({
    initialValues: { plannedStageId: null, dispatchedStageId: null, onSiteStageId: null, doneStageId: null }
  })
  const loaded = query.data
  useEffect(() => {
    if (!loaded) return
    const { version: _v, ...values } = loaded
    form.setValues(values)
    form.resetDirty(values)
    // The form is filled once per loaded version; `form` itself changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded])
  const save = useMutation({
    mutationFn: (values: Values) => call('lifecycle.update', { ...values, version: loaded!.version }),
    onSuccess: (row) => {
      qc.setQueryData(lifecycleKey, row)
      notifySaved(t('settings.stages.lifecycle.saved'))
    },
    onError: (e) => showApiError(e, form)
  })
  const options = stages.map((s) => ({ value: String(s.id), label: s.name }))

  return (
    <Paper withBorder p="sm" data-testid="lifecycle-settings">
      <Text fw={600} size="sm">
        {t('settings.stages.lifecycle.title')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('settings.stages.lifecycle.hint')}
      </Text>
      {query.isError && <Alert color="red">{query.error.message}</Alert>}
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <SimpleGrid cols={2} spacing="xs">
          {LIFECYCLE_EVENTS.map((event) => {
            const field = EVENT_FIELD[event]
            const props = form.getInputProps(field)
            return (
              <Select
                key={event}
                size="xs"
                label={t(LABEL[event])}
                description={event === 'done' ? t('settings.stages.lifecycle.doneHint') : undefined}
                placeholder={t('settings.stages.lifecycle.keep')}
                data={options}
                clearable
                disabled={readOnly}
                value={form.values[field] === null ? null : String(form.values[field])}
                onChange={(v) => form.setFieldValue(field, v === null ? null : Number(v))}
                error={props.error as string | undefined}
              />
            )
          })}
        </SimpleGrid>
        {!readOnly && (
          <Group justify="flex-end" mt="xs">
            <Button size="xs" type="submit" loading={save.isPending} disabled={!loaded || !form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </form>
    </Paper>
  )
}
