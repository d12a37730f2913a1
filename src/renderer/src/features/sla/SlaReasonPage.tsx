import { Grid, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import type { z } from 'zod'
import { slaReasonInput, type slaReasonRow } from '@shared/domain/sla'
import { RecordPage } from '../../components/RecordPage'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../auth/queries'

type ReasonRow = z.infer<typeof slaReasonRow>
type Values = { code: string; name: string }
const empty: Values = { code: '', name: '' }
const toForm = (r: ReasonRow): Values => ({ code: r.code, name: r.name })

/** A reason code for a missed SLA target or a cancelled / reset clock. */
export function SlaReasonPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can } = useSession()
  const e = useEditor<ReasonRow, Values>({
    entity: 'slaReasons',
    label: 'Reason code',
    id: recordId,
    schema: slaReasonInput,
    empty,
    toForm,
    pathOf: (i) => `/sla-reasons/${i}`,
    listPath: '/sla-reasons'
  })
  const { form } = e
  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : 'Reason code'}
      listLabel="Service-level reasons"
      listPath="/sla-reasons"
      loading={e.loading}
      loadError={e.loadError}
      isNew={e.isNew}
      readOnly={!can('sla.configure')}
      conflict={e.conflict}
      onReload={e.reload}
      onSubmit={e.submit}
      saving={e.saving}
      dirty={form.isDirty()}
      onDelete={e.remove}
      deleting={e.removing}
      deleteWhat="the reason code (only possible while no order's SLA uses it)"
      audit={{ entity: 'slaReason', id: recordId }}
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
