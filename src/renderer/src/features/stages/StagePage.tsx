import { Checkbox, Grid, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams, useSearchParams } from 'react-router'
import { stageInput, type StageRow } from '@shared/domain/orders'
import { RecordPage } from '../../components/RecordPage'
import { useT } from '../../lib/i18n'
import { useEditor } from '../../lib/useEditor'
import { useSession } from '../../lib/session'
import { stagesQuery } from '../orders/queries'
import { STAGE_FLAGS, type StageFlag } from './flags'

type Values = { code: string; name: string; parentId: number | null; sortOrder: number } & Record<StageFlag, boolean>

const toForm = (r: StageRow): Values => ({
  code: r.code,
  name: r.name,
  parentId: r.parentId,
  sortOrder: r.sortOrder,
  canModify: r.canModify,
  canDelete: r.canDelete,
  canCancel: r.canCancel,
  canPost: r.canPost,
  reasonRequired: r.reasonRequired,
  stopsSlaClock: r.stopsSlaClock,
  requiresPlan: r.requiresPlan,
  waitsForParts: r.waitsForParts
})

/** One stage of the workflow: its place in the tree (fixed once saved) and what it allows. */
export function StagePage() {
  const { id } = useParams()
  const [search] = useSearchParams()
  const recordId = id === 'new' ? null : Number(id)
  const t = useT()
  const { can } = useSession()
  const stages = useQuery(stagesQuery)
  const presetParent = search.get('parentId')
  const e = useEditor<StageRow, Values>({
    entity: 'serviceStages',
    label: t('settings.stages.one'),
    id: recordId,
    schema: stageInput,
    empty: {
      code: '',
      name: '',
      parentId: presetParent ? Number(presetParent) : null,
      sortOrder: 100,
      canModify: true,
      canDelete: false,
      canCancel: true,
      canPost: false,
      reasonRequired: false,
      stopsSlaClock: false,
      requiresPlan: false,
      waitsForParts: false
    },
    toForm,
    pathOf: (i) => `/stages/${i}`,
    listPath: '/stages'
  })
  const { form } = e
  const others = (stages.data?.rows ?? []).filter((s) => s.id !== recordId)
  const parent = others.find((s) => s.id === e.record?.parentId) ?? null

  return (
    <RecordPage
      title={e.record ? `${e.record.name} (${e.record.code})` : t('settings.stages.one')}
      subtitle={e.record ? (parent ? t('settings.stages.after', { name: parent.name }) : t('settings.stages.initialStage')) : undefined}
      listLabel={t('settings.stages.title')}
      listPath="/stages"
      editor={e}
      readOnly={!can('stages.configure')}
      deleteWhat={t('settings.stages.deleteWhat')}
      audit={{ entity: 'serviceStage', id: recordId }}
    >
      <Stack gap="md">
        <Grid gap="sm">
          <Grid.Col span={3}>
            <TextInput label={t('settings.stages.code')} withAsterisk {...form.getInputProps('code')} />
          </Grid.Col>
          <Grid.Col span={5}>
            <TextInput label={t('settings.stages.name')} withAsterisk {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={2}>
            <NumberInput
              label={t('settings.stages.sortOrder')}
              min={0}
              max={1000}
              allowDecimal={false}
              {...form.getInputProps('sortOrder')}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select
              label={t('settings.stages.comesAfter')}
              description={e.isNew ? t('settings.stages.fixedNew') : t('settings.stages.fixed')}
              placeholder={t('settings.stages.nothingInitial')}
              disabled={!e.isNew}
              clearable
              data={others.map((s) => ({ value: String(s.id), label: `${s.name} (${s.code})` }))}
              value={form.values.parentId === null ? null : String(form.values.parentId)}
              onChange={(v) => form.setFieldValue('parentId', v === null ? null : Number(v))}
              error={form.errors.parentId}
            />
          </Grid.Col>
        </Grid>
        <div>
          <Text size="sm" fw={500} mb={6}>
            {t('settings.stages.inThisStage')}
          </Text>
          <Stack gap={8}>
            {STAGE_FLAGS.map((f) => (
              <Checkbox key={f.key} label={f.label(t)} description={f.explain(t)} {...form.getInputProps(f.key, { type: 'checkbox' })} />
            ))}
          </Stack>
        </div>
      </Stack>
    </RecordPage>
  )
}
