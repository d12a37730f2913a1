import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { signInInput } from '@shared/domain/system'
import { isApiError } from '../../lib/api'
import { useSignIn } from './mutations'
import { schemaValidator } from '../../lib/validation'

export function SignInScreen({ companyName }: { companyName: string }) {
  const signIn = useSignIn()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({ initialValues: { username: '', password: '' }, validate: schemaValidator(signInInput) })

  const submit = form.onSubmit((values) => {
    setError(null)
    signIn.mutate(values, {
      onError: (e) => {
        setError(isApiError(e) ? e.message : 'Cannot reach Hooldus.')
        form.setFieldValue('password', '')
      }
    })
  })

  return (
    <Center h="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <div>
              <Title order={3}>Hooldus</Title>
              <Text size="sm" c="dimmed">
                {companyName} — sign in
              </Text>
            </div>
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <TextInput label="User name" autoFocus autoComplete="username" {...form.getInputProps('username')} />
            <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
