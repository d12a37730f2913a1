import { Alert, Badge, Select } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import { ROLE_LABELS, ROLES, type Role } from '@shared/auth/roles'
import { ListPage } from '../../components/ListPage'
import { formatDateTime } from '../../lib/format'
import { useSession } from '../../lib/session'

/** User accounts (administration; the route is only offered to users.manage). */
export function UsersList() {
  const { can } = useSession()
  const [role, setRole] = useState<Role | null>(null)
  if (!can('users.manage')) {
    return (
      <Alert variant="light" color="gray" icon={<IconLock size={16} />} maw={600}>
        Only administrators manage user accounts.
      </Alert>
    )
  }
  return (
    <ListPage
      title="Users"
      method="users.list"
      defaultSort="username"
      exportName="users"
      searchPlaceholder="User name or display name"
      filters={{ role }}
      filterControls={
        <Select
          size="xs"
          w={180}
          placeholder="Any role"
          clearable
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={role}
          onChange={(v) => setRole(v as Role | null)}
          aria-label="Role filter"
        />
      }
      newPath="/users/new"
      newLabel="New user"
      rowPath={(r) => `/users/${r.id}`}
      columns={[
        { key: 'username', label: 'User name', sort: 'username', width: 160 },
        { key: 'displayName', label: 'Name', sort: 'displayName' },
        { key: 'roles', label: 'Roles', render: (r) => r.roles.map((x) => ROLE_LABELS[x]).join(', ') },
        { key: 'workerName', label: 'Worker', render: (r) => r.workerName ?? '—' },
        {
          key: 'lastSignInAt',
          label: 'Last sign-in',
          sort: 'lastSignInAt',
          width: 170,
          render: (r) => (r.lastSignInAt ? formatDateTime(r.lastSignInAt) : 'never')
        },
        {
          key: 'active',
          label: '',
          width: 80,
          render: (r) =>
            r.active ? null : (
              <Badge size="xs" color="gray" variant="light">
                inactive
              </Badge>
            )
        }
      ]}
    />
  )
}
