import { Alert, Badge, Select } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import { ROLES, type Role } from '@shared/auth/roles'
import { ListPage } from '../../components/ListPage'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

/** User accounts (administration; the route is only offered to users.manage). */
export function UsersList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const [role, setRole] = useState<Role | null>(null)
  if (!can('users.manage')) {
    return (
      <Alert variant="light" color="gray" icon={<IconLock size={16} />} maw={600}>
        {t('settings.users.onlyAdmins')}
      </Alert>
    )
  }
  return (
    <ListPage
      title={t('settings.users.title')}
      method="users.list"
      defaultSort="username"
      exportName="users"
      searchPlaceholder={t('settings.users.search')}
      filters={{ role }}
      filterControls={
        <Select
          size="xs"
          w={180}
          placeholder={t('settings.users.anyRole')}
          clearable
          data={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
          value={role}
          onChange={(v) => setRole(v as Role | null)}
          aria-label={t('settings.users.roleAria')}
        />
      }
      newPath="/users/new"
      newLabel={t('settings.users.new')}
      rowPath={(r) => `/users/${r.id}`}
      columns={[
        { key: 'username', label: t('settings.users.username'), sort: 'username', width: 160 },
        { key: 'displayName', label: t('settings.users.name'), sort: 'displayName' },
        { key: 'roles', label: t('settings.users.roles'), render: (r) => r.roles.map((x) => t(`enums.role.${x}`)).join(', ') },
        { key: 'workerName', label: t('settings.users.worker'), render: (r) => r.workerName ?? '—' },
        {
          key: 'lastSignInAt',
          label: t('settings.users.lastSignIn'),
          sort: 'lastSignInAt',
          width: 170,
          render: (r) => (r.lastSignInAt ? f.dateTime(r.lastSignInAt) : t('settings.users.never'))
        },
        {
          key: 'active',
          label: '',
          width: 80,
          render: (r) =>
            r.active ? null : (
              <Badge size="xs" color="gray" variant="light">
                {t('settings.users.inactive')}
              </Badge>
            )
        }
      ]}
    />
  )
}
