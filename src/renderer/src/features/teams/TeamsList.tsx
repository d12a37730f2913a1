import { ListPage } from '../../components/ListPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'

export function TeamsList() {
  const t = useT()
  const { can } = useSession()
  return (
    <ListPage
      title={t('masterdata.teams.title')}
      method="dispatchTeams.list"
      defaultSort="code"
      exportName="dispatch-teams"
      searchPlaceholder={t('masterdata.field.codeOrName')}
      newPath={can('resources.write') ? '/teams/new' : undefined}
      newLabel={t('masterdata.teams.new')}
      rowPath={(r) => `/teams/${r.id}`}
      columns={[
        { key: 'code', label: t('masterdata.field.code'), sort: 'code', width: 140 },
        { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
        { key: 'ownerName', label: t('masterdata.teams.owner'), render: (r) => r.ownerName ?? '—' },
        { key: 'memberCount', label: t('masterdata.teams.members'), align: 'right', width: 90 }
      ]}
    />
  )
}
