import { Grid, Select, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { templateGroupInput } from '@shared/domain/agreements'
import type { Output } from '@shared/api/contract'
import { RecordPage } from '../../../components/RecordPage'
import { useT } from '../../../lib/i18n'
import { useEditor } from '../../../lib/useEditor'
import { useSession } from '../../../lib/session'
import { templateGroupsQuery } from '../queries'
import { subtreeIds, treeOrder } from './tree'

type Row = Output<'templateGroups.get'>
type Values = { code: string; name: string; parentId: number | null }
const empty: Values = { code: '', name: '', parentId: null }
const toForm = (r: Row): Values => ({ code: r.code, name: r.name, parentId: r.parentId })

/** A template group: a folder of template agreements, inside a parent group or at the top. */
export function TemplateGroupPage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const groups = useQuery(templateGroupsQuery)
  const e = useEditor<Row, Values>({
    entity: 'templateGroups',
    label: t('agreements.templateGroups.one'),
    id: recordId,
    schema: templateGroupInput,
    empty,
    toForm,
    pathOf: (i) => `/template-groups/${i}`,
    listPath: '/template-groups'
  })
  const { form } = e
  const all = groups.data?.rows ?? []
  // A group cannot move inside itself or below one of its own sub-groups.
  const excluded = recordId === null ? new Set<number>() : subtreeIds(all, recordId)
  const parents = treeOrder(all)
    .filter(({ row }) => !excluded.has(row.id))
    .map(({ row, depth }) => ({ value: String(row.id), label: `${'\u2003'.repeat(depth)}${row.code} · ${row.name}` }))

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('agreements.templateGroups.one')}
      subtitle={
        e.record?.parentName
          ? t('agreements.templateGroups.inParent', { name: e.record.parentName })
          : e.record
            ? t('agreements.templateGroups.topLevel')
            : undefined
      }
      listLabel={t('agreements.templateGroups.title')}
      listPath="/template-groups"
      editor={e}
      readOnly={!can('agreements.configure')}
      deleteWhat={t('agreements.templateGroups.deleteWhat')}
      audit={{ entity: 'templateGroup', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={5}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={4}>
          <Select
            label={t('agreements.templateGroups.parent')}
            placeholder={t('agreements.templateGroups.topLevel')}
            clearable
            searchable
            data={parents}
            value={form.values.parentId === null ? null : String(form.values.parentId)}
            onChange={(v) => form.setFieldValue('parentId', v === null ? null : Number(v))}
            error={form.errors.parentId}
          />
        </Grid.Col>
      </Grid>
    </RecordPage>
  )
}
