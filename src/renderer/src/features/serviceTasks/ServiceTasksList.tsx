import { useQuery } from '@tanstack/react-query'
import { ListPage } from '../../components/ListPage'
import { call } from '../../lib/api'
import { useSession } from '../../lib/session'
import { formatMinutes } from './duration'

const allSkills = { pageSize: 500 }

export function ServiceTasksList() {
  const { can } = useSession()
  const skills = useQuery({ queryKey: ['list', 'skills.list', allSkills], queryFn: () => call('skills.list', allSkills) })
  const skillName = new Map((skills.data?.rows ?? []).map((s) => [s.id, s.name]))
  return (
    <ListPage
      title="Service tasks"
      method="serviceTasks.list"
      defaultSort="code"
      exportName="service-tasks"
      searchPlaceholder="Code or name"
      newPath={can('catalog.write') ? '/tasks/new' : undefined}
      newLabel="New service task"
      rowPath={(r) => `/tasks/${r.id}`}
      columns={[
        { key: 'code', label: 'Code', sort: 'code', width: 140 },
        { key: 'name', label: 'Name', sort: 'name' },
        {
          key: 'defaultDurationMinutes',
          label: 'Duration (h:mm)',
          sort: 'defaultDurationMinutes',
          align: 'right',
          width: 130,
          render: (r) => formatMinutes(r.defaultDurationMinutes)
        },
        {
          key: 'requiredSkillIds',
          label: 'Required skills',
          render: (r) => r.requiredSkillIds.map((i) => skillName.get(i) ?? `#${i}`).join(', ') || '—'
        }
      ]}
    />
  )
}
