import { Alert, Button, Center, Checkbox, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { setupInput } from '@shared/domain/system'
import { showApiError } from '../../lib/forms'
import { useSetup } from './mutations'
import { schemaValidator } from '../../lib/validation'

/** First start: the administrator account and the company name; optionally a demo company to explore. */
export function SetupScreen() {
  const setup = useSetup()
  const form = useForm({
    initialValues: { companyName: '', username: 'admin', displayName: '', password: '', withDemoData: false },
    validate: schemaValidator(setupInput)
  })

  return (
    <Center h="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <form onSubmit={form.onSubmit((v) => setup.mutate(v, { onError: (e) => showApiError(e, form) }))}>
          <Stack gap="sm">
            <div>
              <Title order={3}>Welcome to Hooldus</Title>
              <Text size="sm" c="dimmed">
                This database is new. Create the administrator account to start.
              </Text>
            </div>
            <TextInput label="Company name" autoFocus {...form.getInputProps('companyName')} />
            <TextInput label="Administrator user name" {...form.getInputProps('username')} />
            <TextInput label="Full name" {...form.getInputProps('displayName')} />
            <PasswordInput label="Password" description="At least 8 characters" {...form.getInputProps('password')} />
            <Checkbox
              label="Fill with a demo service company (customers, technicians, equipment)"
              {...form.getInputProps('withDemoData', { type: 'checkbox' })}
            />
            {form.values.withDemoData && (
              <Alert variant="light" color="blue">
                The demo company's users and passwords are listed in the README.
              </Alert>
            )}
            <Button type="submit" loading={setup.isPending}>
              Create administrator
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
