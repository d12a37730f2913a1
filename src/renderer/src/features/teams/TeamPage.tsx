import { Badge, Grid, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { dispatchTeamInput, type DispatchTeamRow } from '@shared/domain/masterdata'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'

type Values = { code: string; name: string; ownerWorkerId: number | null }
const empty: Values = { code: '', name: '', ownerWorkerId: null }
const toForm = (r: DispatchTeamRow): Values => ({ code: r.code, name: r.name, ownerWorkerId: r.ownerWorkerId })

export function TeamPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<DispatchTeamRow, Values>({
    entity: 'dispatchTeams',
    label: t('masterdata.teams.one'),
    id: recordId,
    schema: dispatchTeamInput,
    empty,
    toForm,
    pathOf: (i) => `/teams/${i}`,
    listPath: '/teams'
  })
  const { form } = e

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('masterdata.teams.one')}
      subtitle={
        e.record
          ? `${t('masterdata.teams.members', { count: e.record.memberCount })}${e.record.ownerName ? ` · ${t('masterdata.teams.ownerIs', { name: e.record.ownerName })}` : ''}`
          : undefined
      }
      listLabel={t('masterdata.teams.title')}
      listPath="/teams"
      editor={e}
      readOnly={!can('resources.write')}
      deleteWhat={t('masterdata.teams.deleteWhat')}
      audit={{ entity: 'dispatchTeam', id: recordId }}
      tabs={
        recordId === null
          ? []
          : [
              {
                value: 'workers',
                label: e.record ? t('masterdata.teams.workersCount', { count: e.record.memberCount }) : t('masterdata.workers.title'),
                content: (
                  <ListPage
                    embedded
                    title={t('masterdata.workers.title')}
                    method="workers.list"
                    defaultSort="name"
                    exportName={`team-${e.record?.code ?? recordId}-workers`}
                    filters={{ teamId: recordId }}
                    newPath={can('resources.write') ? `/workers/new?teamId=${recordId}` : undefined}
                    newLabel={t('masterdata.workers.new')}
                    rowPath={(r) => `/workers/${r.id}`}
                    columns={[
                      { key: 'number', label: t('masterdata.field.no'), sort: 'number', width: 90 },
                      { key: 'name', label: t('masterdata.field.name'), sort: 'name' },
                      {
                        key: 'roles',
                        label: t('masterdata.field.roles'),
                        render: (r) => r.roles.map((x) => t(`enums.workerRole.${x}`)).join(', ')
                      },
                      { key: 'phone', label: t('masterdata.field.phone') },
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
            ]
      }
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label={t('masterdata.teams.owner')}
            placeholder={t('masterdata.teams.noOwner')}
            list="workers.list"
            filters={{ active: true }}
            labelOf={(w) => `${w.number} ${w.name}`}
            value={form.values.ownerWorkerId}
            onChange={(v) => form.setFieldValue('ownerWorkerId', v)}
            error={form.errors.ownerWorkerId}
          />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
