import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
import { WORKER_ROLE_LABELS, WORKER_ROLES } from '@shared/domain/masterdata'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { useSession } from '../../lib/session'

type WorkerRole = (typeof WORKER_ROLES)[number]

export function WorkersList() {
  const { can } = useSession()
  const [teamId, setTeamId] = useState<number | null>(null)
  const [role, setRole] = useState<WorkerRole | null>(null)
  const [active, setActive] = useState<string>('active')
  return (
    <ListPage
      title="Workers"
      method="workers.list"
      defaultSort="name"
      exportName="workers"
      searchPlaceholder="Name, number, e-mail, phone"
      filters={{ teamId, role, active: active === 'all' ? null : active === 'active' }}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={180}
            placeholder="Any team"
            list="dispatchTeams.list"
            labelOf={(t) => t.name}
            value={teamId}
            onChange={setTeamId}
            aria-label="Team filter"
          />
          <Select
            size="xs"
            w={180}
            placeholder="Any role"
            clearable
            data={WORKER_ROLES.map((r) => ({ value: r, label: WORKER_ROLE_LABELS[r] }))}
            value={role}
            onChange={(v) => setRole(v as WorkerRole | null)}
            aria-label="Role filter"
          />
          <Select
            size="xs"
            w={120}
            data={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
              { value: 'all', label: 'All' }
            ]}
            value={active}
            onChange={(v) => setActive(v ?? 'all')}
            aria-label="Active filter"
            allowDeselect={false}
          />
        </>
      }
      newPath={can('resources.write') ? '/workers/new' : undefined}
      newLabel="New worker"
      rowPath={(r) => `/workers/${r.id}`}
      columns={[
        { key: 'number', label: 'No.', sort: 'number', width: 90 },
        { key: 'name', label: 'Name', sort: 'name' },
        { key: 'roles', label: 'Roles', render: (r) => r.roles.map((x) => WORKER_ROLE_LABELS[x]).join(', ') },
        { key: 'teamName', label: 'Team', sort: 'teamName', render: (r) => r.teamName ?? '—' },
        { key: 'phone', label: 'Phone' },
        { key: 'email', label: 'E-mail' },
        { key: 'workingHours', label: 'Hours', render: (r) => (r.workingHours ? 'own' : 'company') },
        {
          key: 'active',
          label: '',
          width: 70,
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
