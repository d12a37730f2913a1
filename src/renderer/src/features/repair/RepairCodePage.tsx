import { Checkbox, Grid, Select, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import { AREA_OF, REPAIR_CODE_KINDS, repairCodeInput, type RepairCodeKind, type RepairCodeRow } from '@shared/domain/repair'
import { EntitySelect } from '../../components/EntitySelect'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useSession } from '../../lib/session'
import { useEditor } from '../../lib/useEditor'
import { codesQuery } from './queries'

type Values = {
  kind: RepairCodeKind
  code: string
  name: string
  areaId: number | null
  objectGroupId: number | null
  finished: boolean
}
const empty: Values = { kind: 'symptomCode', code: '', name: '', areaId: null, objectGroupId: null, finished: false }
const toForm = (r: RepairCodeRow): Values => ({
  kind: r.kind,
  code: r.code,
  name: r.name,
  areaId: r.areaId,
  objectGroupId: r.objectGroupId,
  finished: r.finished
})

/** One repair code: its kind, its area (symptom and diagnosis codes), an object group it is limited to. */
export function RepairCodePage() {
  const { id } = useParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const e = useEditor<RepairCodeRow, Values>({
    entity: 'repairCodes',
    label: t('repair.codes.one'),
    id: recordId,
    schema: repairCodeInput,
    empty,
    toForm,
    pathOf: (i) => `/repair-codes/${i}`,
    listPath: '/repair-codes'
  })
  const { form } = e
  const areaKind = AREA_OF[form.values.kind]
  const areas = useQuery({ ...codesQuery(areaKind ?? 'symptomArea', null), enabled: areaKind !== undefined })

  return (
    <RecordPage
      title={e.record ? `${e.record.code} · ${e.record.name}` : t('repair.codes.one')}
      newTitle={t('repair.codes.new')}
      listLabel={t('repair.codes.title')}
      listPath="/repair-codes"
      editor={e}
      readOnly={!can('catalog.write')}
      deleteWhat={t('repair.codes.deleteWhat')}
      audit={{ entity: 'repairCode', id: recordId }}
    >
      <Grid gap="sm">
        <Grid.Col span={3}>
          <Select
            label={t('repair.codes.kind')}
            withAsterisk
            disabled={recordId !== null}
            data={REPAIR_CODE_KINDS.map((k) => ({ value: k, label: t(`repair.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('masterdata.field.code')} withAsterisk {...form.getInputProps('code')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('masterdata.field.name')} withAsterisk {...form.getInputProps('name')} />
        </Grid.Col>
        {areaKind && (
          <Grid.Col span={6}>
            <Select
              label={t('repair.codes.area')}
              withAsterisk
              data={(areas.data?.rows ?? []).map((a) => ({ value: String(a.id), label: `${a.code} · ${a.name}` }))}
              value={form.values.areaId === null ? null : String(form.values.areaId)}
              onChange={(v) => form.setFieldValue('areaId', v === null ? null : Number(v))}
              error={form.errors.areaId}
            />
          </Grid.Col>
        )}
        <Grid.Col span={6}>
          <EntitySelect
            label={t('repair.codes.objectGroup')}
            placeholder={t('repair.codes.anyGroup')}
            list="serviceObjectGroups.list"
            labelOf={(g) => g.name}
            value={form.values.objectGroupId}
            onChange={(v) => form.setFieldValue('objectGroupId', v)}
            error={form.errors.objectGroupId}
            clearable
          />
        </Grid.Col>
        {form.values.kind === 'stage' && (
          <Grid.Col span={12}>
            <Checkbox label={t('repair.codes.finishesRepair')} {...form.getInputProps('finished', { type: 'checkbox' })} />
          </Grid.Col>
        )}
      </Grid>
    </RecordPage>
  )
}
