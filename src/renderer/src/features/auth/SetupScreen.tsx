import {
  Alert,
  Button,
  Center,
  Checkbox,
  Input,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { setupInput } from '@shared/domain/system'
import { APP_LANGUAGES, type Language } from '@shared/i18n/languages'
import { showApiError } from '../../lib/forms'
import { applyLanguage, useLanguage, useT } from '../../lib/i18n'
import { schemaValidator } from '../../lib/validation'
import { useSetup } from './mutations'
import { ShopServerPanel } from './ShopServerPanel'

/**
 * First start: the language first (it becomes the company's and the administrator's, and the screen
 * switches to it at once), then the administrator account and the company name; optionally a demo company.
 */
export function SetupScreen() {
  const t = useT()
  const setup = useSetup()
  const shown = useLanguage()
  const form = useForm({
    initialValues: {
      language: shown as Language,
      companyName: '',
      username: 'admin',
      displayName: '',
      password: '',
      withDemoData: false
    },
    validate: schemaValidator(setupInput)
  })

  return (
    <Center h="100vh" bg="gray.1">
      <Stack gap="sm">
        <Paper withBorder shadow="sm" p="xl" w={440}>
          <form onSubmit={form.onSubmit((v) => setup.mutate(v, { onError: (e) => showApiError(e, form) }))}>
            <Stack gap="sm">
              <Input.Wrapper label={t('app.setup.language')}>
                <SegmentedControl
                  fullWidth
                  aria-label={t('app.setup.language')}
                  data={APP_LANGUAGES.map((l) => ({ value: l, label: t(`format.languages.${l}`) }))}
                  value={form.values.language}
                  onChange={(v) => {
                    const language = v as Language
                    form.setFieldValue('language', language)
                    applyLanguage(language)
                  }}
                />
              </Input.Wrapper>
              <div>
                <Title order={3}>{t('app.setup.title')}</Title>
                <Text size="sm" c="dimmed">
                  {t('app.setup.intro')}
                </Text>
              </div>
              <TextInput label={t('app.setup.companyName')} autoFocus {...form.getInputProps('companyName')} />
              <TextInput label={t('app.setup.username')} {...form.getInputProps('username')} />
              <TextInput label={t('app.setup.displayName')} {...form.getInputProps('displayName')} />
              <PasswordInput
                label={t('app.setup.password')}
                description={t('app.setup.passwordHint')}
                {...form.getInputProps('password')}
              />
              <Checkbox label={t('app.setup.withDemoData')} {...form.getInputProps('withDemoData', { type: 'checkbox' })} />
              {form.values.withDemoData && (
                <Alert variant="light" color="blue">
                  {t('app.setup.demoNote')}
                </Alert>
              )}
              <Button type="submit" loading={setup.isPending}>
                {t('app.setup.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        {/* A new workstation of a shop with a server connects instead of setting up a company of its own. */}
        <ShopServerPanel width={440} />
      </Stack>
    </Center>
  )
}
