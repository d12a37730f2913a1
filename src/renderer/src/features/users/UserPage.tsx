import { Alert, Checkbox, Grid, MultiSelect, PasswordInput, Select, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useParams } from 'react-router'
import { ROLES, type Role } from '@shared/auth/roles'
import { userInput, type UserRow } from '@shared/domain/system'
import { APP_LANGUAGES, CSV_DIALECTS, type CsvDialect, defaultCsvDialect, type Language } from '@shared/i18n/languages'
import { EntitySelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { useFormat, useLanguage, useT } from '../../lib/i18n'
import { settingsQuery } from '../../lib/settings'
import { useEditor } from '../../lib/useEditor'
import { authKeys, useSession } from '../../lib/session'

type Values = {
  username: string
  displayName: string
  roles: Role[]
  workerId: number | null
  active: boolean
  password: string
  language: Language
  csvDialect: CsvDialect
}

/** A new user speaks the company's language and gets that language's CSV dialect until someone chooses. */
const emptyUser = (language: Language): Values => ({
  username: '',
  displayName: '',
  roles: ['technician'],
  workerId: null,
  active: true,
  password: '',
  language,
  csvDialect: defaultCsvDialect(language)
})
const toForm = (r: UserRow): Values => ({
  username: r.username,
  displayName: r.displayName,
  roles: r.roles,
  workerId: r.workerId,
  active: r.active,
  password: '',
  language: r.language,
  csvDialect: r.csvDialect
})

/** A user account. There is no delete: a user who leaves is deactivated, so their history keeps a name. */
export function UserPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const f = useFormat()
  const screenLanguage = useLanguage()
  const company = useQuery(settingsQuery)
  const { can, user: me } = useSession()
  const e = useEditor<UserRow, Values>({
    entity: 'users',
    label: t('settings.users.one'),
    id: recordId,
    schema: userInput,
    empty: emptyUser(company.data?.language ?? screenLanguage),
    toForm,
    pathOf: (i) => `/users/${i}`,
    listPath: '/users'
  })
  const { form } = e
  const isMe = recordId !== null && recordId === me?.id

  // Saving your own account changes what you may do: refresh the session (roles, name in the header).
  const qc = useQueryClient()
  const savedVersion = e.record?.version
  useEffect(() => {
    if (isMe && savedVersion !== undefined) void qc.invalidateQueries({ queryKey: authKeys.status })
  }, [isMe, savedVersion, qc])

  const submit = (ev?: React.FormEvent<HTMLFormElement>) => {
    if (e.isNew && form.values.password === '') {
      ev?.preventDefault()
      form.validate()
      form.setFieldError('password', t('settings.users.needsPassword'))
      return
    }
    e.submit(ev)
  }

  return (
    <RecordPage
      title={e.record ? `${e.record.username} · ${e.record.displayName}` : t('settings.users.one')}
      subtitle={
        e.record
          ? `${t('settings.users.subtitle', { when: e.record.lastSignInAt ? f.dateTime(e.record.lastSignInAt) : t('settings.users.never') })}${e.record.active ? '' : ` · ${t('settings.users.inactive')}`}`
          : undefined
      }
      listLabel={t('settings.users.title')}
      listPath="/users"
      editor={e}
      readOnly={!can('users.manage')}
      onSubmit={submit}
      audit={{ entity: 'user', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('settings.users.username')} withAsterisk autoComplete="off" {...form.getInputProps('username')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={t('settings.users.displayName')} withAsterisk {...form.getInputProps('displayName')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('settings.users.linkedWorker')}
            placeholder={t('settings.users.notAWorker')}
            description={t('settings.users.linkedWorkerHint')}
            list="workers.list"
            labelOf={(w) => `${w.number} ${w.name}`}
            value={form.values.workerId}
            onChange={(v) => form.setFieldValue('workerId', v)}
            error={form.errors.workerId}
          />
        </Grid.Col>
        <Grid.Col span={8}>
          <MultiSelect
            label={t('settings.users.roles')}
            withAsterisk
            description={t('settings.users.rolesHint')}
            data={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
            value={form.values.roles}
            onChange={(v) => form.setFieldValue('roles', v as Role[])}
            error={form.errors.roles}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <PasswordInput
            label={e.isNew ? t('settings.users.password') : t('settings.users.newPassword')}
            withAsterisk={e.isNew}
            autoComplete="new-password"
            description={e.isNew ? t('settings.users.passwordHint') : t('settings.users.keepPassword')}
            {...form.getInputProps('password')}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <Select
            label={t('settings.users.language')}
            description={t('settings.users.languageHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            allowDeselect={false}
            data={APP_LANGUAGES.map((l) => ({ value: l, label: t(`format.languages.${l}`) }))}
            {...form.getInputProps('language')}
            onChange={(v) => {
              if (!v) return
              const language = v as Language
              // The dialect follows the language while it is still the old language's default.
              if (form.values.csvDialect === defaultCsvDialect(form.values.language))
                form.setFieldValue('csvDialect', defaultCsvDialect(language))
              form.setFieldValue('language', language)
            }}
          />
        </Grid.Col>
        <Grid.Col span={8}>
          <Select
            label={t('settings.users.csvDialect')}
            description={t('settings.users.csvDialectHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            allowDeselect={false}
            data={CSV_DIALECTS.map((d) => ({ value: d, label: t(`format.csvDialects.${d}`) }))}
            {...form.getInputProps('csvDialect')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Checkbox
            label={t('settings.users.active')}
            description={t('settings.users.activeHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        </Grid.Col>
        {isMe && (
          <Grid.Col span={12}>
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={16} />} p="xs">
              {t('settings.users.ownAccount')}
            </Alert>
          </Grid.Col>
        )}
      </Grid>
    </RecordPage>
  )
}
