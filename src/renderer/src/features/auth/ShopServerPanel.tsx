import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { ShopConnectInput } from '@shared/api/bridge'
import type { ApiResult } from '@shared/api/result'
import { useT } from '../../lib/i18n'

/** Which field a pairing refusal is about; anything else is shown above the fields. */
const FIELD_OF: Record<string, keyof ShopConnectInput> = {
  'errors.shop.badAddress': 'address',
  'errors.shop.badCode': 'code',
  'errors.shop.noMachine': 'machine'
}

/**
 * Under the sign-in (and first-start) card of the desktop app: which database the app works on — its own or a
 * shop server's, with the pinned certificate's fingerprint — and the way to change it. A browser is always on its
 * host's database, so in browser mode there is nothing to show. A new choice reloads the page: everything shown
 * came from the other database.
 */
export function ShopServerPanel({ width }: { width: number }) {
  const t = useT()
  const shop = window.api.shop
  const status = useQuery({
    queryKey: ['shopServer'],
    queryFn: async () => {
      const answer = await shop!.status()
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.data
    },
    enabled: shop !== undefined,
    staleTime: Infinity
  })
  const [pairing, setPairing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!shop || !status.data) return null
  const s = status.data

  const switchToOwn = async () => {
    const answer = await shop.useOwnDatabase()
    if (answer.ok) window.location.reload()
    else setError(answer.error.message)
  }

  return (
    <Paper withBorder p="sm" w={width} bg="gray.0">
      <Stack gap={6}>
        {s.mode === 'shop' ? (
          <>
            <Text size="sm">{t('shopClient.onServer', { address: s.address ?? '', machine: s.machine ?? '' })}</Text>
            <div data-testid="shop-fingerprint">
              <Text size="xs" c="dimmed">
                {t('shopClient.fingerprint')}
              </Text>
              {/* 32 bytes in two rows of 16, so that no byte is split across lines. */}
              {halves(s.fingerprint ?? '').map((row) => (
                <Text key={row} size="xs" c="dimmed" ff="monospace">
                  {row}
                </Text>
              ))}
            </div>
          </>
        ) : (
          <Text size="sm">{t('shopClient.ownDatabase')}</Text>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => setPairing(true)}>
            {s.mode === 'shop' ? t('shopClient.pairAgain') : t('shopClient.connect')}
          </Button>
          {s.mode === 'shop' && (
            <Button size="xs" variant="subtle" onClick={() => void switchToOwn()}>
              {t('shopClient.useOwn')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal opened={pairing} onClose={() => setPairing(false)} title={t('shopClient.connect')} centered>
        <PairForm machine={s.machine ?? ''} onCancel={() => setPairing(false)} connect={shop.connect} />
      </Modal>
    </Paper>
  )
}

function PairForm(props: { machine: string; onCancel: () => void; connect: (input: ShopConnectInput) => Promise<ApiResult<unknown>> }) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const form = useForm<ShopConnectInput>({ initialValues: { address: '', code: '', machine: props.machine } })

  const submit = form.onSubmit(async (values) => {
    setError(null)
    setBusy(true)
    const answer = await props.connect(values)
    setBusy(false)
    if (answer.ok) return window.location.reload()
    const field = answer.error.key ? FIELD_OF[answer.error.key] : undefined
    if (field) form.setFieldError(field, answer.error.message)
    else setError(answer.error.message)
  })

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('shopClient.intro')}
        </Text>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('shopClient.address')}
          description={t('shopClient.addressHint')}
          data-autofocus
          {...form.getInputProps('address')}
        />
        <TextInput label={t('shopClient.code')} autoComplete="off" {...form.getInputProps('code')} />
        <TextInput label={t('shopClient.machine')} description={t('shopClient.machineHint')} {...form.getInputProps('machine')} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('shopClient.pair')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function halves(fingerprint: string): string[] {
  const bytes = fingerprint.split(':')
  const middle = Math.ceil(bytes.length / 2)
  return [bytes.slice(0, middle).join(':'), bytes.slice(middle).join(':')].filter((row) => row !== '')
}
