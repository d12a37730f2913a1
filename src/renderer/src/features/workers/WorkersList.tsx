import { Badge, Select } from '@mantine/core'
import { useState } from 'react'
import { WORKER_ROLES } from '@shared/domain/masterdata'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

type WorkerRole = (typeof WORKER_ROLES)[number]

export function WorkersList() {
  const t = useT()
  const { can } = useSession()
  const [teamId, setTeamId] = useState<number | null>(null)
  const [role, setRole] = useState<WorkerRole | null>(null)
  const [active, setActive] = useState<string>('active')
  return (
    <ListPage
      title={t('masterdata.workers.title')}
      method="workers.list"
      defaultSort="name"
      exportName="workers"
      searchPlaceholder={t('masterdata.workers.search')}
      filters={{ teamId, role, active: active === 'all' ? null : active === 'active' }}
      filterControls={
        <>
          <EntitySelect
            size="xs"
            w={180}
            placeholder={t('masterdata.workers.anyTeam')}
            list="dispatchTeams.list"
            labelOf={(team) => team.name}
            value={teamId}
            onChange={setTeamId}
            aria-label={t('masterdata.workers.teamAria')}
          />
          <Select
            size="xs"
            w={180}
            placeholder={t('masterdata.filter.anyRole')}
            clearable
            data={WORKER_ROLES.map((r) => ({ value: r, label: t(`enums.workerRole.${r}`) }))}
            value={role}
            onChange={(v) => setRole(v as WorkerRole | null)}
            aria-label={t('masterdata.filter.roleAria')}
          />
          <Select
            size="xs"
            w={120}
            data={[
              { value: 'active', label: t('masterdata.filter.active') },
              { value: 'inactive', label: t('masterdata.filter.inactive') },
              { value: 'all', label: t('masterdata.filter.all') }
            ]}
            value={active}
            onChange={(v) => setActive(v ?? 'all')}
            aria-label={t('masterdata.filter.activeAria')}
            allowDeselect={false}
          />
        </>
      }
      newPath={can('resources.write') ? '/workers/new' : undefined}
      newLabel={t('masterdata.workers.new')}
      rowPath={(r) => `/workers/${r.id}`}
      columns={[
        { key: 'number', label: t('masterdata.field.no'), sort: 'number', width: 90 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'roles', label: t('masterdata.field.roles'), render: (r) => r.roles.map((x) => t(`enums.workerRole.${x}`)).join(', ') },
        { key: 'teamName', label: t('masterdata.workers.team'), sort: 'teamName', render: (r) => r.teamName ?? '—' },
        { key: 'phone', label: t('masterdata.field.phone') },
        { key: 'email', label: t('masterdata.field.email') },
        {
          key: 'workingHours',
          label: t('masterdata.workers.hours'),
          render: (r) => (r.workingHours ? t('masterdata.workers.ownHours') : t('masterdata.workers.companyHours'))
        },
        {
          key: 'active',
          label: '',
          width: 70,
          render: (r) =>
            r.active ? null : (
              <Badge size="xs" color="gray" variant="light">
                {t('masterdata.filter.inactiveBadge')}
              </Badge>
            )
        }
      ]}
    />
  )
}
