import { Grid, TextInput } from '@mantine/core'
import { useParams } from 'react-router'
import { codeNameInput, customerGroupInput, type CodeNameRow } from '@shared/domain/masterdata'
import { EntitySelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { CODE_TABLES, type CodeTableEntity } from './codeTables'

// slaId only where the table carries a default SLA (customer and agreement groups); the others' schema drops it.
type Values = { code: string; name: string; slaId: number | null }
const empty: Values = { code: '', name: '', slaId: null }
const toForm = (r: CodeNameRow & { slaId?: number | null }): Values => ({ code: r.code, name: r.name, slaId: r.slaId ?? null })

/** One row of a small code table: customer group, object group, skill, agreement group or a reason code. */
export function CodeTablePage({ entity }: { entity: CodeTableEntity }) {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const table = CODE_TABLES[entity]
  const { can } = useSession()
  const e = useEditor<CodeNameRow, Values>({
    entity,
    label: table.label(t),
    id: recordId,
    schema: table.slaFor ? customerGroupInput : codeNameInput,
    empty,
    toForm,
    pathOf: (i) => `${table.path}/${i}`,
    listPath: table.listPath ?? table.path
  })
  const { form } = e

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : table.label(t)}
      listLabel={table.title(t)}
      listPath={table.listPath ?? table.path}
      editor={e}
      readOnly={!can(table.write)}
      deleteWhat={t('masterdata.codeTables.deleteWhat', { what: table.label(t).toLowerCase(), usedBy: table.usedBy(t) })}
      audit={{ entity: table.audit, id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        {table.slaFor && (
          <Grid.Col span={6}>
            <EntitySelect
              label={t('masterdata.codeTables.defaultSla')}
              description={table.slaFor(t)}
              placeholder={t('masterdata.codeTables.none')}
              list="slaDefinitions.list"
              labelOf={(s) => `${s.code} · ${s.name}`}
              value={form.values.slaId}
              onChange={(id) => form.setFieldValue('slaId', id)}
              error={form.errors.slaId}
            />
          </Grid.Col>
        )}
      </Grid>
    </RecordPage>
  )
}
