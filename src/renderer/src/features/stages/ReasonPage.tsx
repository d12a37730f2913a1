import { Grid, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { reasonInput, type ReasonRow } from '@shared/domain/orders'
import { RecordPage } from '../../components/RecordPage'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../auth/queries'

type Values = { code: string; name: string }
const empty: Values = { code: '', name: '' }
const toForm = (r: ReasonRow): Values => ({ code: r.code, name: r.name })

/** A reason code for stage changes (e.g. "PARTS · Parts on order"). */
export function ReasonPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can } = useSession()
  const e = useEditor<ReasonRow, Values>({
    entity: 'stageReasons',
    label: 'Reason code',
    id: recordId,
    schema: reasonInput,
    empty,
    toForm,
    pathOf: (i) => `/stage-reasons/${i}`,
    listPath: '/stages'
  })
  const { form } = e
  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : 'Reason code'}
      listLabel="Reason codes"
      listPath="/stages"
      loading={e.loading}
      loadError={e.loadError}
      isNew={e.isNew}
      readOnly={!can('stages.configure')}
      conflict={e.conflict}
      onReload={e.reload}
      onSubmit={e.submit}
      saving={e.saving}
      dirty={form.isDirty()}
      onDelete={e.remove}
      deleting={e.removing}
      deleteWhat="the reason code (only possible while no stage change uses it)"
      audit={{ entity: 'stageReason', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label="Code" withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
