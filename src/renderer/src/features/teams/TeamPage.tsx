import { Badge, Grid, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { dispatchTeamInput, WORKER_ROLE_LABELS, type DispatchTeamRow } from '@shared/domain/masterdata'
import { EntitySelect } from '../../components/EntitySelect'
import { ListPage } from '../../components/ListPage'
import { RecordPage } from '../../components/RecordPage'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'

type Values = { code: string; name: string; ownerWorkerId: number | null }
const empty: Values = { code: '', name: '', ownerWorkerId: null }
const toForm = (r: DispatchTeamRow): Values => ({ code: r.code, name: r.name, ownerWorkerId: r.ownerWorkerId })

export function TeamPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can } = useSession()
  const e = useEditor<DispatchTeamRow, Values>({
    entity: 'dispatchTeams',
    label: 'Dispatch team',
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
      title={e.record ? `${e.record.code} · ${e.record.name}` : 'Dispatch team'}
      subtitle={
        e.record
          ? `${e.record.memberCount} ${e.record.memberCount === 1 ? 'member' : 'members'}${e.record.ownerName ? ` · owner ${e.record.ownerName}` : ''}`
          : undefined
      }
      listLabel="Dispatch teams"
      listPath="/teams"
      editor={e}
      readOnly={!can('resources.write')}
      deleteWhat="the dispatch team (only possible while no workers belong to it)"
      audit={{ entity: 'dispatchTeam', id: recordId }}
      tabs={
        recordId === null
          ? []
          : [
              {
                value: 'workers',
                label: `Workers${e.record ? ` (${e.record.memberCount})` : ''}`,
                content: (
                  <ListPage
                    embedded
                    title="Workers"
                    method="workers.list"
                    defaultSort="name"
                    exportName={`team-${e.record?.code ?? recordId}-workers`}
                    filters={{ teamId: recordId }}
                    newPath={can('resources.write') ? `/workers/new?teamId=${recordId}` : undefined}
                    newLabel="New worker"
                    rowPath={(r) => `/workers/${r.id}`}
                    columns={[
                      { key: 'number', label: 'No.', sort: 'number', width: 90 },
                      { key: 'name', label: 'Name', sort: 'name' },
                      { key: 'roles', label: 'Roles', render: (r) => r.roles.map((x) => WORKER_ROLE_LABELS[x]).join(', ') },
                      { key: 'phone', label: 'Phone' },
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
            ]
      }
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label="Code" withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <EntitySelect
            label="Owner"
            placeholder="No owner"
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
