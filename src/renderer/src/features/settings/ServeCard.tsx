import { Alert, Button, Group, Paper, Switch, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { ServeInput, ServeStatus } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/result'
import { ApiCallError } from '../../lib/api'
import { showApiError } from '../../lib/forms'
import { useT } from '../../lib/i18n'

const serveKey = ['shop', 'serve'] as const

interface Values {
  listen: string
  /** Comma- or space-separated, as a person types them. */
  names: string
}

function unwrap<T>(answer: ApiResult<T>): T {
  if (answer.ok) return answer.data
  const e = answer.error
  throw new ApiCallError(e.code, e.message, e.issues ?? [], e.key, e.params)
}

/**
 * Settings → Operations in the desktop app (docs/adr/0033-shop-server.md): serve this computer's database to the
 * shop's network. The switch applies at once; the address and names apply with their button (the host restarts).
 * What the shop's machines need — addresses, fingerprint, pairing code — is the shop server card below it, the same
 * as on `npm run serve`. A browser is served by its host, so in browser mode there is nothing to show.
 */
export function ServeCard() {
  const t = useT()
  const qc = useQueryClient()
  const shop = window.api.shop
  const status = useQuery({
    queryKey: serveKey,
    queryFn: async () => unwrap(await shop!.serveStatus()),
    enabled: shop !== undefined
  })
  const form = useForm<Values>({ initialValues: { listen: '', names: '' } })
  const loaded = status.data
  useEffect(() => {
    if (!loaded) return
    const values = { listen: loaded.listen, names: loaded.names.join(', ') }
    form.setValues(values)
    form.resetDirty(values)
    // Only a new answer from main resets the fields, not each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded])

  const apply = useMutation({
    mutationFn: async (input: ServeInput) => unwrap(await shop!.serve(input)),
    onSuccess: (data: ServeStatus) => {
      qc.setQueryData(serveKey, data)
      // The shop server card below reads the pairing the new host made.
      void qc.invalidateQueries({ queryKey: ['shop', 'status'], exact: true })
    },
    onError: (e) => {
      // A bad name is reported at its place in the list; the list is one field here.
      const issues = e instanceof ApiCallError ? e.issues : []
      for (const issue of issues) form.setFieldError(String(issue.path[0]), issue.message)
      if (issues.length === 0) showApiError(e)
    }
  })

  if (!shop || !loaded) return null
  const input = (enabled: boolean): ServeInput => ({
    enabled,
    listen: form.values.listen,
    names: form.values.names.split(/[\s,;]+/).filter(Boolean)
  })

  return (
    <Paper withBorder p="md" data-testid="serve-card">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={5}>{t('shop.serve.title')}</Title>
          <Text size="xs" c="dimmed" maw={640}>
            {t('shop.serve.hint')}
          </Text>
        </div>
        <Switch
          size="md"
          checked={loaded.enabled && loaded.running}
          disabled={apply.isPending}
          onChange={(e) => apply.mutate(input(e.currentTarget.checked))}
          label={loaded.running ? t('shop.serve.on') : t('shop.serve.off')}
          data-testid="serve-switch"
        />
      </Group>
      {loaded.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} mb="sm" data-testid="serve-error">
          {loaded.error}
        </Alert>
      )}
      <form onSubmit={form.onSubmit(() => apply.mutate(input(loaded.enabled)))}>
        <Group align="flex-end" gap="sm">
          <TextInput
            size="xs"
            w={180}
            label={t('shop.serve.listen')}
            description={t('shop.serve.listenHint')}
            {...form.getInputProps('listen')}
          />
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            miw={240}
            label={t('shop.serve.names')}
            description={t('shop.serve.namesHint')}
            {...form.getInputProps('names')}
          />
          <Button size="xs" type="submit" variant="light" disabled={!form.isDirty()} loading={apply.isPending}>
            {t('shop.serve.apply')}
          </Button>
        </Group>
      </form>
      {loaded.running && loaded.url && (
        <Text size="sm" mt="sm">
          {t('shop.serve.running', { url: loaded.url })}
        </Text>
      )}
    </Paper>
  )
}
