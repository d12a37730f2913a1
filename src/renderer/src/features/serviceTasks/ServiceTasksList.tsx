import { useQuery } from '@tanstack/react-query'
import { ListPage } from '../../components/ListPage'
import { call } from '../../lib/api'
import { useFormat, useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

const allSkills = { pageSize: 500 }

export function ServiceTasksList() {
  const t = useT()
  const f = useFormat()
  const { can } = useSession()
  const skills = useQuery({ queryKey: ['list', 'skills.list', allSkills], queryFn: () => call('skills.list', allSkills) })
  const skillName = new Map((skills.data?.rows ?? []).map((s) => [s.id, s.name]))
  return (
    <ListPage
      title={t('masterdata.serviceTasks.title')}
      method="serviceTasks.list"
      defaultSort="code"
      exportName="service-tasks"
      searchPlaceholder={t('masterdata.field.codeOrName')}
      newPath={can('catalog.write') ? '/tasks/new' : undefined}
      newLabel={t('masterdata.serviceTasks.new')}
      rowPath={(r) => `/tasks/${r.id}`}
      columns={[
        { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 140 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        {
          key: 'defaultDurationMinutes',
          label: t('masterdata.serviceTasks.duration'),
          sort: 'defaultDurationMinutes',
          align: 'right',
          width: 130,
          render: (r) => f.duration(r.defaultDurationMinutes)
        },
        {
          key: 'requiredSkillIds',
          label: t('masterdata.serviceTasks.requiredSkills'),
          render: (r) => r.requiredSkillIds.map((i) => skillName.get(i) ?? `#${i}`).join(', ') || '—'
        }
      ]}
    />
  )
}
