import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { signInInput } from '@shared/domain/system'
import { isApiError } from '../../lib/api'
import { useT } from '../../lib/i18n'
import { schemaValidator } from '../../lib/validation'
import { useSignIn } from './mutations'
import { ShopServerPanel } from './ShopServerPanel'

export function SignInScreen({ companyName }: { companyName: string }) {
  const t = useT()
  const signIn = useSignIn()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({ initialValues: { username: '', password: '' }, validate: schemaValidator(signInInput) })

  const submit = form.onSubmit((values) => {
    setError(null)
    signIn.mutate(values, {
      onError: (e) => {
        setError(isApiError(e) ? e.message : t('app.signIn.unreachable'))
        form.setFieldValue('password', '')
      }
    })
  })

  return (
    <Center h="100vh" bg="gray.1">
      <Stack gap="sm">
        <Paper withBorder shadow="sm" p="xl" w={380}>
          <form onSubmit={submit}>
            <Stack gap="sm">
              <div>
                <Title order={3}>{t('common.appName')}</Title>
                <Text size="sm" c="dimmed">
                  {t('app.signIn.subtitle', { company: companyName })}
                </Text>
              </div>
              {error && (
                <Alert color="red" variant="light" role="alert">
                  {error}
                </Alert>
              )}
              <TextInput label={t('app.signIn.username')} autoFocus autoComplete="username" {...form.getInputProps('username')} />
              <PasswordInput label={t('app.signIn.password')} autoComplete="current-password" {...form.getInputProps('password')} />
              <Button type="submit" loading={signIn.isPending}>
                {t('app.signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <ShopServerPanel width={380} />
      </Stack>
    </Center>
  )
}
