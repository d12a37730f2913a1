import { Grid, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import type { Permission } from '@shared/auth/roles'
import { reasonInput } from '@shared/domain/orders'
import { useSession } from '../features/auth/queries'
import { type CrudName, useEditor } from '../lib/useEditor'
import { RecordPage } from './RecordPage'

interface ReasonRow {
  id: number
  version: number
  code: string
  name: string
}
type Values = { code: string; name: string }
const empty: Values = { code: '', name: '' }
const toForm = (r: ReasonRow): Values => ({ code: r.code, name: r.name })

export interface ReasonCodePageProps {
  entity: CrudName
  /** Where the record lives (`${path}/${id}`) and the list it returns to. */
  path: string
  listPath: string
  listLabel: string
  permission: Permission
  /** When deleting is refused, in the delete dialog: "the reason code (only possible while …)". */
  deleteWhat: string
  auditEntity: string
}

/** A reason code (code + name): the stage-change reasons and the SLA reasons share this page. */
export function ReasonCodePage(p: ReasonCodePageProps) {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const { can } = useSession()
  const e = useEditor<ReasonRow, Values>({
    entity: p.entity,
    label: 'Reason code',
    id: recordId,
    schema: reasonInput,
    empty,
    toForm,
    pathOf: (i) => `${p.path}/${i}`,
    listPath: p.listPath
  })
  const { form } = e
  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : 'Reason code'}
      listLabel={p.listLabel}
      listPath={p.listPath}
      loading={e.loading}
      loadError={e.loadError}
      isNew={e.isNew}
      readOnly={!can(p.permission)}
      conflict={e.conflict}
      onReload={e.reload}
      onSubmit={e.submit}
      saving={e.saving}
      dirty={form.isDirty()}
      onDelete={e.remove}
      deleting={e.removing}
      deleteWhat={p.deleteWhat}
      audit={{ entity: p.auditEntity, id: recordId }}
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
