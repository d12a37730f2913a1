import { Alert, Checkbox, Grid, MultiSelect, PasswordInput, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useParams } from 'react-router'
import { ROLE_LABELS, ROLES, type Role } from '@shared/auth/roles'
import { userInput, type UserRow } from '@shared/domain/system'
import { EntitySelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { formatDateTime } from '../../lib/format'
import { useEditor } from '../../lib/useEditor'
import { authKeys, useSession } from '../../lib/session'

type Values = {
  username: string
  displayName: string
  roles: Role[]
  workerId: number | null
  active: boolean
  password: string
}

const empty: Values = { username: '', displayName: '', roles: ['technician'], workerId: null, active: true, password: '' }
const toForm = (r: UserRow): Values => ({
  username: r.username,
  displayName: r.displayName,
  roles: r.roles,
  workerId: r.workerId,
  active: r.active,
  password: ''
})

/** A user account. There is no delete: a user who leaves is deactivated, so their history keeps a name. */
export function UserPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can, user: me } = useSession()
  const e = useEditor<UserRow, Values>({
    entity: 'users',
    label: 'User',
    id: recordId,
    schema: userInput,
    empty,
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
      form.setFieldError('password', 'A new user needs a password')
      return
    }
    e.submit(ev)
  }

  return (
    <RecordPage
      title={e.record ? `${e.record.username} · ${e.record.displayName}` : 'User'}
      subtitle={
        e.record
          ? `Last sign-in: ${e.record.lastSignInAt ? formatDateTime(e.record.lastSignInAt) : 'never'}${e.record.active ? '' : ' · inactive'}`
          : undefined
      }
      listLabel="Users"
      listPath="/users"
      editor={e}
      readOnly={!can('users.manage')}
      onSubmit={submit}
      audit={{ entity: 'user', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label="User name" withAsterisk autoComplete="off" {...form.getInputProps('username')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label="Display name" withAsterisk {...form.getInputProps('displayName')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label="Linked worker"
            placeholder="Not a worker"
            description="The worker this user signs in as (technicians see their own jobs)"
            list="workers.list"
            labelOf={(w) => `${w.number} ${w.name}`}
            value={form.values.workerId}
            onChange={(v) => form.setFieldValue('workerId', v)}
            error={form.errors.workerId}
          />
        </Grid.Col>
        <Grid.Col span={8}>
          <MultiSelect
            label="Roles"
            withAsterisk
            description="A user may hold several roles; the permissions add up"
            data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            value={form.values.roles}
            onChange={(v) => form.setFieldValue('roles', v as Role[])}
            error={form.errors.roles}
          />
        </Grid.Col>
        <Grid.Col span={4}>
          <PasswordInput
            label={e.isNew ? 'Password' : 'New password'}
            withAsterisk={e.isNew}
            autoComplete="new-password"
            description={e.isNew ? 'At least 8 characters' : 'Leave empty to keep the current password'}
            {...form.getInputProps('password')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Checkbox
            label="Active (may sign in)"
            description="Users are never deleted; deactivate an account that should no longer sign in"
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        </Grid.Col>
        {isMe && (
          <Grid.Col span={12}>
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={16} />} p="xs">
              This is your own account: without the Administrator role you can no longer open this screen.
            </Alert>
          </Grid.Col>
        )}
      </Grid>
    </RecordPage>
  )
}
